import pytest

from glocal.lib.embeddings import reset_encoder
from glocal.practices.engine import embed_practices, engine
from glocal.practices.models import Practice, PracticeVector

from .conftest import make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_model(monkeypatch):
    monkeypatch.setenv("GLOCAL_EMBEDDINGS", "off")
    reset_encoder()
    yield
    monkeypatch.delenv("GLOCAL_EMBEDDINGS")
    reset_encoder()


@pytest.fixture
def embedded(showroom):
    make_practice("Summer Childcare", summary="Day care for pupils while parents work.",
                  owner_name="Chios")  # fmt: skip
    embed_practices()
    engine.refresh()
    return showroom


def titles(response) -> list[str]:
    return [p.title for p in response.context["page"].object_list]


def test_meaning_finds_a_practice_that_shares_no_word_with_the_query(anonymous, embedded):
    response = anonymous.get("/practices/", {"q": "kids holiday activities"})
    assert set(titles(response)[:2]) == {"Summer Childcare", "Summer Urban Camp"}


def test_vectors_are_stored_with_the_record_and_only_recomputed_on_change(embedded):
    assert PracticeVector.objects.count() == 5  # published and draft practices alike
    assert embed_practices() == 0


def test_saving_through_the_service_embeds_in_the_background(
    member_client, town, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        member_client.post("/practices/autosave/", {"title": "Repair café",
                                                    "municipality": town.pk})  # fmt: skip
    assert PracticeVector.objects.get().practice.title == "Repair café"


def test_without_the_model_search_is_lexical_and_says_so(anonymous, showroom, no_model):
    response = anonymous.get("/practices/", {"q": "language"})
    health = anonymous.get("/healthz").json()
    assert titles(response) == ["Learning Each Other's Language"]
    assert health["search"]["mode"] == "lexical"
    assert health["search"]["model"]["status"] == "disabled"
    assert health["status"] == "ok"


def test_health_check_reports_hybrid_search_with_the_model(anonymous, db):
    assert anonymous.get("/healthz").json()["search"]["mode"] == "hybrid"


def test_search_falls_back_to_the_database_if_the_engine_fails(anonymous, showroom, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("index unavailable")

    monkeypatch.setattr(engine, "rank", broken)
    response = anonymous.get("/practices/", {"q": "language"})
    assert response.status_code == 200
    assert titles(response) == ["Learning Each Other's Language"]


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("kursevi jezika", "Курсеви језика за одрасле"),  # Latin finds Cyrillic
        ("курсеви", "Курсеви језика за одрасле"),
        ("Jardins partagés", "Jardins partagés du quartier"),
        ("jardins partagés", "Jardins partagés du quartier"),
    ],
)
def test_the_database_fallback_finds_text_in_other_languages_and_scripts(
    anonymous, showroom, monkeypatch, query, title
):
    make_practice("Курсеви језика за одрасле", slug="kursevi", summary="Вечерњи курсеви.")
    make_practice("Jardins partagés du quartier", summary="Des voisins cultivent ensemble.")

    def broken(*args, **kwargs):
        raise RuntimeError("index unavailable")

    monkeypatch.setattr(engine, "rank", broken)
    response = anonymous.get("/practices/", {"q": query})
    assert titles(response) == [title]


def test_a_short_query_also_finds_what_its_best_match_is_about(db, no_model):
    make_practice("Street compost", summary="Compost bins and garden waste collected weekly.")
    make_practice("Garden waste bins", summary="Bins for garden waste collected weekly.")
    make_practice("Choir", summary="A choir sings on the square.")
    engine.refresh()
    short = [pk for pk, _ in engine.rank("compost")]
    long = [pk for pk, _ in engine.rank("compost heaps rotting kitchen scraps")]
    titles = dict(Practice.objects.values_list("pk", "title"))
    assert [titles[pk] for pk in short] == ["Street compost", "Garden waste bins"]
    assert [titles[pk] for pk in long] == ["Street compost"]
