import numpy as np
import pytest

from glocal.matching.passages import Passage
from glocal.matching.scoring import (
    Match,
    NeedView,
    PracticeView,
    TownView,
    calibrate,
    cost_fit,
    diversify,
    rank_weight,
    scaled,
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
    region="mena",
    region_name="Middle East and North Africa",
    country="LB",
    languages=frozenset({"Arabic", "French"}),
    budget_band="a",
    budget_name="under €1 million a year",
)
SPILAMBERTO = PracticeView(
    id=1, title="Spilamberto and Us", themes=frozenset({"civic-engagement"}),
    sdgs=frozenset({11, 16}), town_name="Spilamberto", population=12_700, region="europe",
    country="IT", country_name="Italy", cost_band="low", budget_eur=25_000, recognised=True,
)  # fmt: skip
QUOTES = [Passage(0.86, "Residents sign a pact."), Passage(0.79, "Insurance covers them.")]


@pytest.mark.parametrize(
    ("margin", "expected"), [(-0.01, 0.0), (0.0, 0.0), (0.025, 0.5), (0.05, 1.0), (0.09, 1.0)]
)
def test_margin_over_the_baseline_is_scaled_between_floor_and_ceiling(margin, expected):
    assert scaled(margin) == pytest.approx(expected)


def test_each_need_is_measured_against_its_own_median():
    cosines = np.array([[0.80, 0.82, 0.85] * 3, [0.70, 0.72, 0.71] * 3])
    assert calibrate(cosines)[:, :3].round(3).tolist() == [[-0.02, 0.0, 0.03], [-0.01, 0.01, 0.0]]


def test_few_candidates_are_measured_against_the_typical_unrelated_cosine():
    assert calibrate(np.array([[0.80, 0.85]])).round(3).tolist() == [[0.01, 0.06]]


@pytest.mark.parametrize(("rank", "weight"), [(1, 1.0), (2, 0.8), (5, 0.5)])
def test_later_needs_weigh_less(rank, weight):
    assert rank_weight(rank) == pytest.approx(weight)


@pytest.mark.parametrize(
    ("a", "b", "fit"),
    [(36_000, 36_000, 1.0), (36_000, 72_000, 1.0), (36_000, 75_977, 0.5),
     (2_000, 250_000, 0.0), (None, 12_000, 0.3)],
)  # fmt: skip
def test_similar_size_means_within_a_factor_of_two(a, b, fit):
    assert size_fit(a, b) == fit


@pytest.mark.parametrize(
    ("budget", "cost", "fit"),
    [("a", "low", 1.0), ("a", "medium", 0.0), ("b", "medium", 1.0), ("", "high", 0.5)],
)
def test_cost_fit_follows_the_budget_band(budget, cost, fit):
    assert cost_fit(budget, cost) == fit


def test_a_sentence_that_answers_the_need_is_quoted_with_true_reasons():
    match = score_practice(ZAHLE, SPILAMBERTO, cosines=[0.04, -0.01], passages=QUOTES)
    assert match.need_rank == 1
    assert match.passage == "Residents sign a pact."
    assert match.reasons == [
        "matches your need “young people do not take part in town life”",
        "costs €25,000, within a budget of under €1 million a year",
        "shares your priorities SDG 16",
        "awarded or verified",
    ]


def test_a_shared_theme_without_an_answering_sentence_names_no_need():
    match = score_practice(ZAHLE, SPILAMBERTO, cosines=[0.01, 0.0], passages=QUOTES)
    assert match.need_rank is None
    assert match.passage == ""
    assert not any("need" in reason for reason in match.reasons)


def test_without_the_model_a_shared_theme_says_it_is_only_a_theme():
    match = score_practice(ZAHLE, SPILAMBERTO)
    assert match.need_rank == 1
    assert match.reasons[0] == (
        "on the theme of your need “young people do not take part in town life”"
    )


def test_unrelated_practice_scores_low_and_names_no_need():
    practice = PracticeView(id=3, title="Harbour dredging", cost_band="high")
    match = score_practice(ZAHLE, practice, cosines=[-0.02, -0.03])
    assert match.need_rank is None
    assert match.score < 0.1


def test_size_is_similar_only_within_the_band_and_shows_both_figures():
    near = PracticeView(id=4, title="Camp", town_name="Jounieh", population=60_000)
    far = PracticeView(id=5, title="Camp", town_name="Beirut", population=2_400_000)
    assert score_practice(ZAHLE, near, cosines=[0, 0]).reasons == [
        "similar size: Zahlé 78,000, Jounieh 60,000"
    ]
    assert score_practice(ZAHLE, far, cosines=[0, 0]).reasons == []


def test_region_and_budget_are_reasons_only_when_they_hold():
    same = PracticeView(id=6, title="Camp", region="mena", country="JO", country_name="Jordan",
                        cost_band="medium", budget_eur=90_000)  # fmt: skip
    other = PracticeView(id=7, title="Camp", region="europe", country="IT", country_name="Italy",
                         cost_band="low", cost_name="Low cost (under €20,000)")  # fmt: skip
    assert score_practice(ZAHLE, same, cosines=[0, 0]).reasons == [
        "from Jordan, in your region (Middle East and North Africa)"
    ]
    assert score_practice(ZAHLE, other, cosines=[0, 0]).reasons == [
        "Low cost (under €20,000), within a budget of under €1 million a year"
    ]


def test_diversify_covers_different_needs_before_repeating_one():
    matches = [Match(1, 0.9, 1), Match(2, 0.85, 1), Match(3, 0.7, 2), Match(4, 0.6, None)]
    assert [m.item_id for m in diversify(matches, 3)] == [1, 3, 2]


def test_diversify_keeps_a_much_better_repeat_first():
    matches = [Match(1, 0.9, 1), Match(2, 0.88, 1), Match(3, 0.3, 2)]
    assert [m.item_id for m in diversify(matches, 3)] == [1, 2, 3]


BAALBEK = TownView(
    name="Baalbek", needs=(NeedView(1, "few young volunteers"), NeedView(2, "old buses")),
    sdgs=frozenset({16}), population=82_000, region="mena", region_name="MENA",
    languages=frozenset({"Arabic"}),
)  # fmt: skip


def test_peer_with_a_shared_need_shows_it_and_the_true_context():
    match = score_peer(ZAHLE, BAALBEK, 7, cosines=[[0.08, -0.01], [0.0, 0.02]])
    assert match.item_id == 7
    assert match.shared_needs == [
        ("young people do not take part in town life", "few young volunteers", 0.08)
    ]
    assert match.reasons == [
        "similar size: Zahlé 78,000, Baalbek 82,000",
        "same region (MENA)",
        "shares SDG 16",
        "they speak Arabic too",
    ]


def test_a_town_sharing_no_need_above_the_threshold_is_no_peer():
    assert score_peer(ZAHLE, BAALBEK, 7, cosines=[[0.054, 0.0], [0.0, 0.03]]) is None


@pytest.mark.parametrize(
    ("text", "script"),
    [("Young people leave", "latin"), ("لا يجد الشباب", "arabic"), ("Млади одлазе", "cyrillic"),
     ("Οι νέοι φεύγουν", "greek"), ("Mladi odlaze 2024", "latin"), ("", "latin")],
)  # fmt: skip
def test_a_texts_script_is_that_of_most_of_its_letters(text, script):
    from glocal.matching.passages import script as script_of

    assert script_of(text) == script


def test_a_need_in_another_script_is_measured_on_its_cross_script_scale():
    from glocal.matching.scoring import need_margins

    # need 0 is Arabic: its cosines to the nine Latin needs sit lower (0.80) than theirs
    # to each other (0.83); its 0.86 to need 1 is as telling as 0.89 between two Latin needs
    latin = np.full((9, 9), 0.83)
    similarities = np.block([[np.ones((1, 1)), np.full((1, 9), 0.80)],
                             [np.full((9, 1), 0.80), latin]])  # fmt: skip
    similarities[0, 1] = similarities[1, 0] = 0.86
    margins = need_margins(similarities, 1, ["arabic"] + ["latin"] * 9)
    assert margins[0, :2].round(3).tolist() == [0.06, 0.0]
