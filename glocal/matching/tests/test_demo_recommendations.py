"""Read as a person would: do the demo towns get what the network would hand-pick?

These pin the demo's expected results with the multilingual model (multilingual-e5-small).
"""

import pytest
from django.core.management import call_command
from django.db import transaction

from glocal.matching.recommend import peers, recommend, with_profile
from glocal.members.models import Municipality, Need

pytestmark = pytest.mark.django_db

LEBANESE_TOWNS = ["zahle", "baalbek", "jbeil", "batroun"]
CAMPS = ["Summer Urban Camp on Chios", "Social Cohesion Summer Camp"]
WASTE_IN_ARABIC = "نحتاج إلى نظام لفرز النفايات المنزلية وإعادة تدويرها في الأحياء."


@pytest.fixture(scope="module")
def demo_network(django_db_setup, django_db_blocker):
    """The demo, embedded once for the module (about 12 s); each test rolls back its own
    changes inside this transaction."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", verbosity=0)
        call_command("reindex", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_network, db):
    return None


def town(slug: str) -> Municipality:
    return with_profile(Municipality.objects).get(slug=slug)


def top_titles(slug: str, limit: int = 10) -> list[str]:
    return [item.practice.title for item in recommend(town(slug), limit)]


def test_kamenicas_evening_language_need_finds_cuckoos_nest_and_quotes_its_courses(demo):
    items = recommend(town("kamenica"))
    first_need = [i for i in items if i.match.need_rank == 1]
    assert first_need[0].practice.title == "Cuckoo's Nest"
    assert first_need[0].match.passage == (
        "Offer homework help in the afternoons and language courses in the evenings."
    )
    assert items.index(first_need[0]) < 3


def test_a_towns_own_practices_are_never_recommended_to_it(demo):
    assert "Learning Each Other's Language in Kamenica" not in top_titles("kamenica", 50)
    for slug in ["zahle", "baalbek", "chios"]:
        owned = set(town(slug).practices.values_list("title", flat=True))
        assert owned, slug
        assert not owned & set(top_titles(slug, 50)), slug


def test_childrens_summer_camps_do_not_answer_adults_evening_language_classes(demo):
    items = {i.practice.title: i for i in recommend(town("kamenica"), 50)}
    for camp in CAMPS:
        assert items[camp].match.need_rank != 1, camp
        assert not any("Albanian- and Serbian" in r for r in items[camp].match.reasons), camp


def test_lebanese_towns_get_spilamberto_and_us(demo):
    for slug in LEBANESE_TOWNS:
        assert any(t.startswith("Spilamberto and Us") for t in top_titles(slug)), slug


def only_need(slug: str, text: str | None = None) -> list:
    """The town's recommendations for its first need alone, rewritten as ``text`` if given."""
    Need.objects.filter(municipality__slug=slug, rank__gt=1).delete()
    if text is not None:
        Need.objects.filter(municipality__slug=slug, rank=1).update(text=text)
    return recommend(town(slug))


def answering(items: list, prefix: str) -> list[str]:
    """The passages quoted for the first need by the recommendations titled ``prefix``."""
    return [i.match.passage for i in items
            if i.practice.title.startswith(prefix) and i.match.need_rank == 1]  # fmt: skip


def test_baalbeks_need_written_in_arabic_finds_english_practices_on_youth_volunteering(demo):
    assert Need.objects.get(municipality__slug="baalbek", rank=1).text.startswith("لا يجد الشباب")
    items = only_need("baalbek")
    answered = [i for i in items if i.match.need_rank == 1]
    assert answered[0].practice.title.startswith("Youth Empowerment: the voice of young people")
    assert answered[0].match.passage == "Fund small youth-led projects."


def test_an_arabic_need_on_another_subject_does_not_find_the_youth_practices(demo):
    items = only_need("baalbek", WASTE_IN_ARABIC)
    assert answering(items, "Youth Empowerment") == []
    assert answering(items, "Pop Up on Vivid Street") == []


@pytest.mark.xfail(strict=True, reason="not met: Spilamberto and Us reaches Baalbek on its "
                   "SDGs, themes and award, at the same score for an Arabic need on waste; "
                   "for this need it scores a margin of -0.003 (10th of 16 candidates), and "
                   "+0.007 (7th) for the need's English rendering, against 0.025 needed: the "
                   "model reads the need as about young people, the practice as about "
                   "residents of all ages; no dense sentence, window, overview, problem-statement "
                   "or hubness variant lifts it past +0.009 (docs/benchmarks.md)")  # fmt: skip
def test_baalbeks_arabic_need_itself_finds_spilamberto_and_us(demo):
    assert answering(only_need("baalbek"), "Spilamberto and Us") == [
        "Small, voluntary tasks give people a stake in their town and bring neighbours together."
    ]


def test_zahle_still_finds_the_kamenica_language_courses(demo):
    assert "Learning Each Other's Language in Kamenica" in top_titles("zahle", 5)


def test_peers_are_only_towns_sharing_a_need_above_the_threshold(demo):
    assert [p.name for p, _ in peers(town("kamenica"))] == ["Pazardzhik", "Al-Koura"]
    assert [p.name for p, _ in peers(town("baalbek"))] == ["Zahlé", "Al-Koura", "Postojna"]
    # Batroun and Jbeil score within 0.002 of each other (0.348 / 0.350): which comes first
    # depends on the CPU's rounding inside the encoder, so only their places are pinned.
    zahle_peers = [p.name for p, _ in peers(town("zahle"))]
    assert (zahle_peers[0], zahle_peers[3], len(zahle_peers)) == ("Baalbek", "Molières", 4)
    assert set(zahle_peers[1:3]) == {"Batroun", "Jbeil (Byblos)"}


def test_a_peer_shows_the_needs_both_towns_really_share(demo):
    found = {peer.name: match for peer, match in peers(town("zahle"))}
    match = found["Batroun"]
    [(mine, theirs, margin)] = match.shared_needs
    assert mine.startswith("Many young people want to volunteer for the town")
    assert theirs.startswith("Volunteer groups are active but scattered")
    assert margin >= 0.055
    assert match.reasons == [
        "same region (Middle East and North Africa)",
        "shares SDG 16",
        "they speak Arabic, English, French too",
    ]


def test_demo_expectations_are_met_as_measured(demo):
    from glocal.matching.demo_expectations import measure

    figures = measure()
    assert {k: figures[k] for k in ("needs", "named", "right", "answers", "mrr")} == {
        "needs": 13, "named": 20, "right": 13, "answers": 22, "mrr": 0.838,
    }  # fmt: skip
    assert (figures["towns_with_peers"], figures["towns"]) == (15, 15)


def test_baalbeks_arabic_need_is_shared_with_zahles_young_volunteers(demo):
    (zahle, match), *_ = peers(town("baalbek"))
    [(mine, theirs, margin)] = match.shared_needs
    assert zahle.name == "Zahlé"
    assert mine.startswith("لا يجد الشباب")
    assert theirs.startswith("Many young people want to volunteer for the town")
    assert margin >= 0.055
