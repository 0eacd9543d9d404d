import pytest

from glocal.matching.scoring import (
    Match,
    NeedView,
    PracticeView,
    TownView,
    cost_fit,
    diversify,
    rank_weight,
    scaled_similarity,
    score_peer,
    score_practice,
    size_fit,
)

ZAHLE = TownView(
    name="Zahlé",
    needs=(
        NeedView(1, "young people do not take part in town life", frozenset({"civic-engagement"})),
        NeedView(2, "language barriers at school", frozenset({"education"})),
    ),
    sdgs=frozenset({4, 16}),
    population=78_000,
    size_band="m",
    region="mena",
    country="LB",
    languages=frozenset({"Arabic", "French"}),
    budget_band="a",
)
SPILAMBERTO = PracticeView(
    id=1, title="Spilamberto and Us", themes=frozenset({"civic-engagement"}),
    sdgs=frozenset({11, 16}), population=12_700, size_band="s", region="europe",
    country="IT", country_name="Italy", cost_band="low", recognised=True,
)  # fmt: skip


@pytest.mark.parametrize(
    ("cosine", "expected"), [(0.1, 0.0), (0.2, 0.0), (0.4, 0.5), (0.6, 1.0), (0.9, 1.0)]
)
def test_semantic_similarity_is_scaled_between_floor_and_ceiling(cosine, expected):
    assert scaled_similarity(cosine) == pytest.approx(expected)


@pytest.mark.parametrize(("rank", "weight"), [(1, 1.0), (2, 0.8), (5, 0.5)])
def test_later_needs_weigh_less(rank, weight):
    assert rank_weight(rank) == pytest.approx(weight)


@pytest.mark.parametrize(
    ("a", "b", "fit"), [("m", "m", 1.0), ("m", "s", 0.5), ("xs", "l", 0.0), ("", "m", 0.3)]
)
def test_size_fit_prefers_the_same_band(a, b, fit):
    assert size_fit(a, b) == fit


@pytest.mark.parametrize(
    ("budget", "cost", "fit"),
    [("a", "low", 1.0), ("a", "medium", 0.0), ("b", "medium", 1.0), ("", "high", 0.5)],
)
def test_cost_fit_follows_the_budget_band(budget, cost, fit):
    assert cost_fit(budget, cost) == fit


def test_theme_match_names_the_need_and_cost_in_the_reasons():
    match = score_practice(ZAHLE, SPILAMBERTO, cosines=[0.3, 0.05])
    assert match.need_rank == 1
    assert match.reasons == [
        "matches your need “young people do not take part in town life”",
        "low cost",
        "shares your priorities SDG 16",
        "awarded or verified",
    ]


def test_semantic_similarity_alone_can_match_a_need():
    practice = PracticeView(id=2, title="Courses", cost_band="medium")
    match = score_practice(ZAHLE, practice, cosines=[0.1, 0.58])
    assert match.need_rank == 2
    assert match.reasons[0] == "matches your need “language barriers at school”"


def test_unrelated_practice_scores_low_and_names_no_need():
    practice = PracticeView(id=3, title="Harbour dredging", cost_band="high")
    match = score_practice(ZAHLE, practice, cosines=[0.05, 0.02])
    assert match.need_rank is None
    assert match.score < 0.1


def test_same_size_and_region_are_reasons():
    practice = PracticeView(
        id=4, title="Camp", population=60_000, size_band="m", region="mena", country="LB",
        country_name="Lebanon", languages=frozenset({"Arabic"}),
    )  # fmt: skip
    match = score_practice(ZAHLE, practice, cosines=[0.0, 0.0])
    assert match.reasons == [
        "done in a town of 60,000 like yours",
        "from Lebanon, in your region",
        "they speak Arabic too",
    ]


def test_diversify_covers_different_needs_before_repeating_one():
    matches = [Match(1, 0.9, 1), Match(2, 0.85, 1), Match(3, 0.7, 2), Match(4, 0.6, None)]
    assert [m.item_id for m in diversify(matches, 3)] == [1, 3, 2]


def test_diversify_keeps_a_much_better_repeat_first():
    matches = [Match(1, 0.9, 1), Match(2, 0.88, 1), Match(3, 0.3, 2)]
    assert [m.item_id for m in diversify(matches, 3)] == [1, 2, 3]


def test_peer_with_the_same_challenge_and_context_explains_why():
    other = TownView(
        name="Baalbek",
        needs=(NeedView(1, "few young volunteers", frozenset({"civic-engagement"})),),
        sdgs=frozenset({16}), population=82_000, size_band="m", region="mena",
        languages=frozenset({"Arabic"}),
    )  # fmt: skip
    match = score_peer(ZAHLE, other, 7, cosines=[[0.5], [0.1]])
    assert match.item_id == 7
    assert match.reasons == [
        "also faces “few young volunteers”",
        "similar size: 82,000 inhabitants",
        "same region",
        "shares SDG 16",
        "they speak Arabic too",
    ]
    assert match.score > 0.5
