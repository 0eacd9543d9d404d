import pytest

from ..scoring import (
    NeedView,
    PostView,
    TownView,
    closeness,
    distance_km,
    rank_offers,
    rank_partners,
    score_offer,
    words,
)

ZAHLE = TownView("Zahlé", "mena", "Middle East and North Africa", 33.85, 35.9019)
BATROUN = TownView("Batroun", "mena", "Middle East and North Africa", 34.255, 35.658)
VIENNA = TownView("Vienna", "europe", "Europe", 48.2085, 16.3721)
NOWHERE = TownView("Nowhere", "", "", None, None)


def post(id, town, text, category="goods"):
    return PostView(id=id, category=category, category_label=category.title(), text=text, town=town)


def test_words_drop_short_words_stopwords_and_plural_s():
    assert words("We need 40 beds and the blankets, please!") == {"bed", "blanket", "please"}


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [(ZAHLE, BATROUN, 50), (ZAHLE, VIENNA, 2275), (ZAHLE, NOWHERE, None)],
)
def test_distance_is_the_great_circle_in_km(a, b, expected):
    km = distance_km(a, b)
    assert (round(km) if km is not None else None) == expected


@pytest.mark.parametrize(
    ("km", "expected"), [(None, 0.0), (10, 1.0), (50, 1.0), (3000, 0.0), (5000, 0.0), (1525, 0.5)]
)
def test_closeness_falls_from_next_door_to_far_away(km, expected):
    assert closeness(km) == expected


def test_an_offer_of_another_category_is_no_candidate():
    need = post(1, ZAHLE, "beds and blankets", "goods")
    assert score_offer(need, post(2, BATROUN, "beds and blankets", "hosting")) is None


def test_a_town_is_never_matched_with_itself():
    assert score_offer(post(1, ZAHLE, "beds"), post(2, ZAHLE, "beds")) is None


@pytest.mark.parametrize(
    ("offer", "score", "reasons"),
    [
        (
            post(2, BATROUN, "Winter blankets and beds"),
            1.0,
            [
                "Same kind of help: Goods",
                "Both mention bed, blanket, winter",
                "Batroun is about 50 km away",
                "Both towns are in Middle East and North Africa",
            ],
        ),
        (
            post(3, VIENNA, "Winter blankets and beds"),
            0.787,
            [
                "Same kind of help: Goods",
                "Both mention bed, blanket, winter",
                "Vienna is about 2275 km away",
            ],
        ),
        (post(4, NOWHERE, "Tinned food"), 0.25, ["Same kind of help: Goods"]),
    ],
)
def test_offer_score_and_reasons_without_the_model(offer, score, reasons):
    need = post(1, ZAHLE, "Winter blankets and beds for displaced families")
    scored = score_offer(need, offer)
    assert (scored.score, scored.reasons) == (score, reasons)


def test_with_the_model_the_reason_speaks_of_meaning():
    need = post(1, ZAHLE, "Shelter for families who lost their homes")
    scored = score_offer(need, post(2, NOWHERE, "Rooms for displaced households"), cosine=0.62)
    assert scored.reasons == ["Same kind of help: Goods", "The descriptions are close in meaning"]
    assert scored.score == 0.717


def test_rank_offers_keeps_good_fits_best_first():
    need = post(1, ZAHLE, "Winter blankets and beds")
    offers = [
        post(5, NOWHERE, "Tinned food"),
        post(3, VIENNA, "Beds"),
        post(2, BATROUN, "Winter blankets and beds"),
    ]
    assert [s.item_id for s in rank_offers(need, offers)] == [2, 3]


def test_partner_suggestions_name_the_need_and_the_shared_theme():
    needs = [
        NeedView(
            7,
            "Zahlé",
            "Young people leave after school; we need first jobs",
            (("children-youth", "Children and youth"),),
        ),
        NeedView(7, "Zahlé", "Roads need repair", ()),
        NeedView(9, "Jbeil", "Waste collection in summer", (("waste-circular", "Waste"),)),
    ]
    ranked = rank_partners(
        "A youth exchange to find first jobs", frozenset({"children-youth"}), needs
    )
    assert [(s.item_id, s.reasons) for s in ranked] == [
        (
            7,
            [
                "Zahlé names the same need: “Young people leave after school; we need first jobs” "
                "(shared theme: Children and youth)"
            ],
        )
    ]
