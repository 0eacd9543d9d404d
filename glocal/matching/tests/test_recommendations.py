import pytest

from glocal.matching.models import Feedback
from glocal.members.models import Municipality, Need
from glocal.practices.tests.conftest import make_practice
from glocal.reference.models import Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def needs(other_town):
    """Zahlé needs youth volunteering first, then help with language barriers."""
    first = Need.objects.create(municipality=other_town, rank=1,
                                text="Young people want to volunteer for the town")  # fmt: skip
    first.themes.set(Theme.objects.filter(slug="civic-engagement"))
    second = Need.objects.create(municipality=other_town, rank=2,
                                 text="Language barriers between neighbours")  # fmt: skip
    second.themes.set(Theme.objects.filter(slug="education"))
    return [first, second]


@pytest.fixture
def practices(town):
    return {
        "volunteers": make_practice("Active Citizens", municipality=town, cost_band="low",
                                    themes=["civic-engagement"], summary="Residents volunteer."),
        "courses": make_practice("Language Courses", municipality=town, themes=["education"],
                                 summary="Neighbours learn each other's language."),
        "harbour": make_practice("Harbour Dredging", municipality=town, themes=["housing"],
                                 summary="Deepening the port."),
    }  # fmt: skip


def titles(response) -> list[str]:
    return [item.practice.title for item in response.context["items"]]


def test_recommendations_follow_the_ranked_needs_with_reasons(
    other_member_client, needs, practices
):
    response = other_member_client.get("/municipalities/zahle/recommendations/")
    items = response.context["items"]
    assert response.status_code == 200
    assert titles(response)[:2] == ["Active Citizens", "Language Courses"]
    assert "Harbour Dredging" not in titles(response)[:2]
    assert (
        items[0].match.reasons[0]
        == "matches your need “Young people want to volunteer for the town”"
    )
    assert items[0].match.passage == "Residents volunteer."
    assert "Low cost (under €20,000)" in items[0].match.reasons


def test_not_relevant_removes_the_practice_from_the_next_list(
    other_member_client, needs, practices, other_town
):
    response = other_member_client.post(
        "/municipalities/zahle/recommendations/active-citizens/feedback/",
        {"verdict": "not_relevant"}, headers={"HX-Request": "true"},
    )  # fmt: skip
    assert response.status_code == 200
    assert response.content.decode().lstrip().startswith('<div id="recommendations">')
    assert "Active Citizens" not in response.content.decode()
    assert "Language Courses" in response.content.decode()
    assert Feedback.objects.get(municipality=other_town).verdict == "not_relevant"
    again = other_member_client.get("/municipalities/zahle/recommendations/")
    assert "Active Citizens" not in titles(again)


def test_interesting_keeps_the_practice_and_says_so(other_member_client, needs, practices):
    other_member_client.post(
        "/municipalities/zahle/recommendations/language-courses/feedback/",
        {"verdict": "interesting"},
    )
    response = other_member_client.get("/municipalities/zahle/recommendations/")
    item = next(i for i in response.context["items"] if i.practice.title == "Language Courses")
    assert item.verdict == "interesting"
    assert item.match.reasons[-1] == "you marked it interesting"


def test_already_doing_lists_the_town_on_the_practice_page(
    other_member_client, anonymous, needs, practices
):
    other_member_client.post(
        "/municipalities/zahle/recommendations/active-citizens/feedback/",
        {"verdict": "already_doing"},
    )
    response = anonymous.get("/practices/active-citizens/adopters/")
    assert [t.name for t in response.context["doing"]] == ["Zahlé"]
    assert response.context["owner"].name == "Spilamberto"


def test_another_towns_representative_cannot_see_or_change_recommendations(
    member_client, needs, practices
):
    assert member_client.get("/municipalities/zahle/recommendations/").status_code == 403
    response = member_client.post(
        "/municipalities/zahle/recommendations/active-citizens/feedback/",
        {"verdict": "not_relevant"},
    )
    assert response.status_code == 403
    assert not Feedback.objects.exists()


def test_unknown_verdict_is_a_clear_400(other_member_client, needs, practices):
    response = other_member_client.post(
        "/municipalities/zahle/recommendations/active-citizens/feedback/", {"verdict": "meh"}
    )
    assert response.status_code == 400
    assert not Feedback.objects.exists()


def test_home_page_shows_the_top_five(other_member_client, needs, practices):
    response = other_member_client.get("/")
    assert [i.practice.title for i in response.context["top_five"]][:2] == [
        "Active Citizens", "Language Courses",
    ]  # fmt: skip


def test_peers_share_needs_and_explain_why(anonymous, town, needs):
    Need.objects.create(municipality=town, rank=1, text="Few young people volunteer for the town")
    response = anonymous.get("/municipalities/zahle/peers/")
    (peer, match), *others = response.context["peers"]
    assert (peer.name, others) == ("Spilamberto", [])
    assert match.shared_needs[0][:2] == (
        "Young people want to volunteer for the town",
        "Few young people volunteer for the town",
    )
    assert match.reasons == []  # different size, region, goals and languages: nothing else true
    assert "Needs you share:" in response.content.decode()


def test_a_town_sharing_only_a_theme_is_no_peer(anonymous, town, needs):
    need = Need.objects.create(municipality=town, rank=1, text="Harbour walls are crumbling")
    need.themes.set(Theme.objects.filter(slug="civic-engagement"))
    response = anonymous.get("/municipalities/zahle/peers/")
    assert response.context["peers"] == []
    assert "No similar town found yet." in response.content.decode()


def test_recommendations_work_without_the_model(other_member_client, needs, practices, monkeypatch):
    monkeypatch.setenv("GLOCAL_EMBEDDINGS", "off")
    from glocal.lib.embeddings import reset_encoder

    reset_encoder()
    try:
        response = other_member_client.get("/municipalities/zahle/recommendations/")
    finally:
        monkeypatch.delenv("GLOCAL_EMBEDDINGS")
        reset_encoder()
    assert titles(response)[:2] == ["Active Citizens", "Language Courses"]


def test_recommendations_quote_the_answering_sentence_and_state_the_size_band(
    other_member_client, needs, practices
):
    response = other_member_client.get("/municipalities/zahle/recommendations/")
    html = response.content.decode()
    assert "<blockquote" in html
    assert "Neighbours learn each other&#x27;s language." in html
    assert "at most 2 times the inhabitants of the smaller" in html


def more_practices(town, count: int) -> None:
    for n in range(count):
        make_practice(f"Volunteer Scheme {n}", municipality=town, themes=["civic-engagement"],
                      summary=f"Residents volunteer in district {n}.")  # fmt: skip


def test_recommendations_page_query_count_does_not_grow_with_candidates(
    other_member_client, needs, practices, town, django_assert_num_queries
):
    url = "/municipalities/zahle/recommendations/"
    other_member_client.get(url)  # the search index is built once per change
    with django_assert_num_queries(14):
        other_member_client.get(url)
    more_practices(town, 6)
    other_member_client.get(url)
    with django_assert_num_queries(14):
        response = other_member_client.get(url)
    assert len(response.context["items"]) == 8


def test_peers_page_query_count_does_not_grow_with_towns(
    anonymous, needs, town, django_assert_num_queries
):
    url = "/municipalities/zahle/peers/"
    Need.objects.create(municipality=town, rank=1, text="Few young people volunteer for the town")
    anonymous.get(url)  # new needs are embedded once, then read from the cache
    with django_assert_num_queries(9):
        anonymous.get(url)
    for n in range(4):
        extra = Municipality.objects.create(
            name=f"Town {n}", slug=f"town-{n}", country=town.country, population=10_000 + n
        )
        Need.objects.create(municipality=extra, rank=1, text=f"Old bridges need repair {n}")
    anonymous.get(url)
    with django_assert_num_queries(9):
        response = anonymous.get(url)
    assert [peer.name for peer, _ in response.context["peers"]] == ["Spilamberto"]


@pytest.fixture
def sentence_cache():
    """This process's sentence vectors, emptied for the test and given back after it: the
    demo's sentences, computed once (≈ 15 s), stay computed for the rest of the run."""
    from glocal.matching.passages import cache

    kept = cache._vectors.copy()
    cache.clear()
    yield cache
    cache.clear()
    cache._remember(kept)


def test_sentence_vectors_are_computed_once_and_shared_through_the_database(
    other_member_client, needs, practices, sentence_cache
):
    from glocal.matching.models import SentenceVector

    other_member_client.get("/municipalities/zahle/recommendations/")
    stored = SentenceVector.objects.count()
    sentence_cache.clear()  # another worker: nothing in its memory, everything in the database
    other_member_client.get("/municipalities/zahle/recommendations/")
    assert stored == 4  # 2 needs, 1 sentence each of the 2 candidate practices
    assert SentenceVector.objects.count() == stored


def test_embed_passages_stores_each_text_once_and_then_computes_nothing(
    practices, capsys, sentence_cache
):
    import json

    from django.core.management import call_command

    from glocal.matching.models import SentenceVector

    call_command("embed_passages")
    first = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    call_command("embed_passages")
    again = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    # each body is its one-sentence summary, so sentence and overview are the same text
    assert (first["practices"], first["texts"], first["computed"]) == (3, 3, 3)
    assert (again["texts"], again["computed"]) == (3, 0)
    assert SentenceVector.objects.count() == 3
