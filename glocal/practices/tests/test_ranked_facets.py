"""The showroom is filtered, counted and ordered over the facet table of the process (numpy),
with the same answer as in SQL, for a ranked search and for the whole showroom."""

import pytest
from django.http import QueryDict

from glocal.practices.engine import engine
from glocal.practices.facets import apply_facets
from glocal.practices.models import Practice
from glocal.practices.search import in_ranked_order, ranked_ids
from glocal.practices.showroom import ORDER, facet_all, facet_ranked, tables

from .conftest import make_practice

PARAMS = [
    "",
    "theme=social-cohesion",
    "theme=education&theme=children-youth",
    "sdg=4&region=eu",
    "cost=low&award=1",
    "population=10k_50k&year=2017",
    "theme=nothing-like-this",
]


@pytest.fixture
def ranked(showroom, town):
    for n in range(6):
        make_practice(f"Language park {n}", municipality=town, themes=["education"],
                      sdgs=[4, 11][: n % 2 + 1], summary="Language courses in parks.",
                      start_year=2015 + n % 3, cost_band=["low", "high"][n % 2])  # fmt: skip
    engine.refresh()
    ids = ranked_ids("language parks")
    assert len(ids) >= 8
    return ids


@pytest.mark.parametrize("query", PARAMS)
def test_ranked_facets_filter_and_count_exactly_like_the_database(ranked, query):
    params = QueryDict(query)
    published = Practice.objects.published()
    in_sql, sql_groups = apply_facets(in_ranked_order(published, ranked), params)
    ids, groups = facet_ranked(tables.current(), ranked, params, None)
    assert ids.tolist() == list(in_sql.values_list("pk", flat=True))
    assert [g["items"] for g in groups] == [g["items"] for g in sql_groups]
    assert [g["active"] for g in groups] == [g["active"] for g in sql_groups]


def test_ranked_facets_never_count_unpublished_practices(ranked, showroom):
    draft = showroom["draft"]
    ids, groups = facet_ranked(tables.current(), [draft.pk, *ranked], QueryDict(), None)
    assert draft.pk not in ids
    assert ids.tolist() == [pk for pk in ranked if pk != draft.pk]


def test_searched_showroom_keeps_rank_order_across_pages(anonymous, ranked):
    first = anonymous.get("/practices/", {"q": "language parks"})
    titles = [p.title for p in first.context["page"].object_list]
    by_pk = Practice.objects.in_bulk(ranked)
    assert titles == [by_pk[pk].title for pk in ranked[:20]]
    assert first.context["page"].paginator.count == len(ranked)


@pytest.mark.parametrize("query", PARAMS)
@pytest.mark.parametrize("sort", [None, ("title",), ("-start_year", "title")])
def test_whole_showroom_filters_counts_and_orders_exactly_like_the_database(ranked, query, sort):
    params = QueryDict(query)
    in_sql, sql_groups = apply_facets(Practice.objects.published(), params)
    ids, groups = facet_all(tables.current(), params, sort)
    in_order = in_sql.order_by(*(sort or ORDER), "pk")
    assert ids.tolist() == list(in_order.values_list("pk", flat=True))
    assert [g["items"] for g in groups] == [g["items"] for g in sql_groups]
    assert [g["active"] for g in groups] == [g["active"] for g in sql_groups]


def test_sorted_search_keeps_only_ranked_practices_in_the_chosen_order(ranked):
    ids, _ = facet_ranked(tables.current(), ranked[:5], QueryDict(), ("title",))
    in_sql = Practice.objects.filter(pk__in=ranked[:5]).order_by("title", "pk")
    assert ids.tolist() == list(in_sql.values_list("pk", flat=True))
