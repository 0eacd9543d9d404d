import pytest

from glocal.practices.engine import engine
from glocal.practices.models import Status

from .conftest import make_practice

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [p.title for p in response.context["page"].object_list]


def facet(response, param: str) -> dict[str, int]:
    group = next(g for g in response.context["facet_groups"] if g["facet"].param == param)
    return {item["value"]: item["count"] for item in group["items"]}


def test_search_for_language_lists_the_kamenica_practice(anonymous, showroom):
    response = anonymous.get("/practices/", {"q": "language"})
    assert response.status_code == 200
    assert titles(response) == ["Learning Each Other's Language"]


def test_search_never_shows_drafts_to_the_public(anonymous, showroom):
    response = anonymous.get("/practices/", {"q": "secret draft"})
    assert titles(response) == []
    assert "No practice matches this search." in response.content.decode()


def test_search_ranks_practices_matching_more_words_first(anonymous, showroom):
    response = anonymous.get("/practices/", {"q": "volunteers look after serbian parks"})
    assert titles(response) == ["Caring for Parks", "Learning Each Other's Language"]


def test_search_that_matches_nothing_says_so_and_suggests_what_to_try(anonymous, showroom):
    response = anonymous.get("/practices/", {"q": "xylophone quantum"})
    html = response.content.decode()
    assert titles(response) == []
    assert "No practice matches this search." in html
    assert "Try fewer or more general words" in html


def test_theme_facet_narrows_the_list(anonymous, showroom):
    response = anonymous.get("/practices/", {"theme": "social-cohesion", "sort": "title"})
    assert titles(response) == ["Caring for Parks", "Learning Each Other's Language"]


def test_facets_combine_or_within_and_across(anonymous, showroom):
    response = anonymous.get(
        "/practices/", {"theme": ["social-cohesion", "children-youth"], "sdg": "4", "sort": "title"}
    )
    assert titles(response) == ["Learning Each Other's Language", "Summer Urban Camp"]


def test_facet_counts_ignore_their_own_selection_but_respect_others(anonymous, showroom):
    response = anonymous.get("/practices/", {"theme": "social-cohesion"})
    assert facet(response, "theme") == {
        "children-youth": 1, "civic-engagement": 1, "education": 1, "social-cohesion": 2,
    }  # fmt: skip
    assert facet(response, "sdg") == {"4": 1, "11": 1, "16": 1}
    assert facet(response, "region") == {"balkans": 1, "europe": 1}
    assert facet(response, "award") == {"1": 1, "0": 1}


def test_region_population_cost_year_and_award_facets_filter(anonymous, showroom):
    get = lambda **p: titles(anonymous.get("/practices/", p))  # noqa: E731
    assert get(region="mena") == ["Summer Urban Camp"]
    assert get(country="XK") == ["Learning Each Other's Language"]
    assert get(population="s") == ["Caring for Parks"]
    assert get(population="m") == ["Summer Urban Camp"]
    assert get(cost="medium") == ["Summer Urban Camp"]
    assert get(year="2017") == ["Caring for Parks"]
    assert get(award="1") == ["Learning Each Other's Language"]


def test_malformed_filter_values_are_ignored_not_an_error(anonymous, showroom):
    response = anonymous.get("/practices/", {"sdg": "abc", "year": "'; drop", "page": "x"})
    assert response.status_code == 200
    assert len(titles(response)) == 3


def test_htmx_request_gets_only_the_results_partial(anonymous, showroom):
    response = anonymous.get("/practices/", {"q": "parks"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="showroom"')
    assert "<html" not in html
    assert "Caring for Parks" in html


def test_list_page_makes_a_constant_number_of_queries(
    anonymous, showroom, town, django_assert_num_queries
):
    params = {"theme": "social-cohesion", "q": "parks"}
    engine.refresh()  # the index is built once per process, not per request
    # session-free: 3 facet reads, page, themes, SDGs, translations, state
    with django_assert_num_queries(8):
        anonymous.get("/practices/", params)
    for n in range(25):
        make_practice(f"Park practice {n}", municipality=town, themes=["social-cohesion"],
                      sdgs=[11, 3], summary="parks for all")  # fmt: skip
    engine.refresh()
    with django_assert_num_queries(8):
        response = anonymous.get("/practices/", params)
    assert response.context["page"].paginator.count == 26


def test_list_is_paginated_with_shareable_urls(anonymous, town):
    for n in range(25):
        make_practice(f"Practice {n:02}", municipality=town)
    response = anonymous.get("/practices/", {"sort": "title", "page": "2"})
    assert titles(response) == ["Practice 20", "Practice 21", "Practice 22", "Practice 23",
                                "Practice 24"]  # fmt: skip
    assert "?sort=title&amp;page=1" in response.content.decode()


def test_practice_page_shows_the_record_and_related_practices(anonymous, showroom):
    response = anonymous.get("/practices/caring-for-parks/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Volunteers look after parks." in html
    assert [p.title for p in response.context["related"]] == ["Learning Each Other's Language"]


def test_draft_practice_page_is_hidden_from_the_public_and_other_towns(
    anonymous, showroom, other_member
):
    assert anonymous.get("/practices/secret-draft-language-plan/").status_code == 404
    anonymous.force_login(other_member)
    assert anonymous.get("/practices/secret-draft-language-plan/").status_code == 404


def test_owning_town_sees_its_draft(member_client, showroom):
    response = member_client.get("/practices/secret-draft-language-plan/")
    assert response.status_code == 200
    assert response.context["practice"].status == Status.DRAFT


def test_stored_html_is_sanitised_on_the_page(anonymous, town):
    make_practice("Risky", municipality=town,
                  approach='<p onclick="x()">Steps<script>alert(1)</script></p>')  # fmt: skip
    html = anonymous.get("/practices/risky/").content.decode()
    assert "<p>Steps</p>" in html
    assert "alert(1)" not in html
    assert "onclick" not in html


def test_numeric_facets_ignore_digits_that_are_not_numbers(anonymous, town):
    make_practice("Park practice", municipality=town, sdgs=[11])
    for params in ({"year": "²"}, {"sdg": "²"}, {"sdg": "11", "year": "٢٠"}):
        assert anonymous.get("/practices/", params).status_code == 200
    assert anonymous.get("/map/", {"sdg": "²"}).status_code == 200
