"""A serving process keeps its facet table until a published practice changes: the next
showroom request then shows a practice just published and drops one just archived."""

import datetime

import pytest
from django.db.models import Count, Q
from django.test import Client

from glocal.practices import showroom as showroom_module
from glocal.practices.models import Practice, Status
from glocal.practices.services import review_practice, save_practice
from glocal.practices.showroom import related_practices, tables

from .conftest import make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def serving(showroom, settings, monkeypatch):
    """As in a server: the table is read once and kept while nothing it holds changes."""
    settings.SEARCH_REBUILD_IN_BACKGROUND = True
    monkeypatch.setattr(showroom_module, "CHECK_SECONDS", 0.0)
    monkeypatch.setattr(showroom_module, "CLOCK_MARGIN", datetime.timedelta(0))
    tables.current()
    return showroom


def titles(response) -> list[str]:
    return [p.title for p in response.context["page"].object_list]


def test_a_published_practice_is_in_the_next_showroom_with_its_counts(serving, secretariat):
    practice = make_practice("Repair Café", status=Status.SUBMITTED, themes=["education"])
    assert "Repair Café" not in titles(Client().get("/practices/"))

    review_practice(practice=practice, user=secretariat, decision=Status.PUBLISHED)

    response = Client().get("/practices/", {"theme": "education"})
    assert sorted(titles(response)) == ["Learning Each Other's Language", "Repair Café"]
    themes = response.context["facet_groups"][0]["items"]
    assert {i["value"]: i["count"] for i in themes}["education"] == 2


def test_an_archived_practice_leaves_the_next_showroom(serving, secretariat):
    review_practice(practice=serving["camp"], user=secretariat, decision=Status.ARCHIVED)

    assert titles(Client().get("/practices/")) == [
        "Caring for Parks", "Learning Each Other's Language"
    ]  # fmt: skip


def test_a_saved_draft_leaves_the_table_as_it_was(serving, secretariat):
    table = tables.current()
    draft = serving["draft"]
    draft.summary = "A plan for courses."
    save_practice(practice=draft, user=secretariat)  # moves the search index generation

    assert tables.current().ids is table.ids


def test_a_warm_showroom_reads_only_the_cards_of_its_page(
    serving, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(showroom_module, "CHECK_SECONDS", 3600.0)
    params = {"theme": "social-cohesion", "sort": "title"}
    Client().get("/practices/", params)  # the order by title is read once per table
    with django_assert_num_queries(4):  # page, themes, SDGs, translations
        response = Client().get("/practices/", params)
    assert titles(response) == ["Caring for Parks", "Learning Each Other's Language"]


def test_related_practices_are_those_the_database_ranks_first(showroom, town):
    for n in range(6):
        make_practice(f"Park {n}", municipality=town, themes=["social-cohesion"][: n % 2],
                      sdgs=[11, 16][: n % 3])  # fmt: skip
    parks = showroom["parks"]
    in_sql = (
        Practice.objects.published().exclude(pk=parks.pk)
        .annotate(shared=Count("themes", filter=Q(themes__slug__in=["civic-engagement",
                                                                   "social-cohesion"]),
                               distinct=True)
                  + Count("sdgs", filter=Q(sdgs__number__in=[11]), distinct=True))
        .filter(shared__gt=0).order_by("-shared", "title", "pk")[:4]
    )  # fmt: skip

    related = related_practices(parks.pk, ["civic-engagement", "social-cohesion"], [11])

    assert [p.pk for p in related] == [p.pk for p in in_sql]
