"""The pieces of ``bench_serve`` that run inside Django: growing a copy and signing in."""

import pytest
from django.test import Client

from glocal.demo.growth import grow_practices, signed_in_session
from glocal.demo.management.commands.bench_serve import parse_size
from glocal.practices.engine import engine
from glocal.practices.models import Practice, PracticeVector
from glocal.practices.search import ranked_ids

SIZES = [("demo", (0, 0)), ("1000:300", (1000, 300)), ("20000", (20000, 0))]


@pytest.mark.parametrize(("size", "expected"), SIZES)
def test_sizes_name_practices_and_towns_added_to_the_demo(size, expected):
    assert parse_size(size) == expected


def test_grown_practices_are_published_faceted_and_found_by_words_and_meaning(db, town):
    grow_practices(40)
    grown = Practice.objects.published().filter(slug__startswith="bench-practice-")
    assert grown.count() == 40
    assert PracticeVector.objects.filter(practice__in=grown, chunks=1).count() == 40
    assert {p.themes.count() for p in grown.prefetch_related("themes")} == {2}
    assert set(grown.values_list("municipality", flat=True)) == {town.pk}
    assert len(engine.refresh().main.chunk_rows) == 40  # every one carries its vector
    found = ranked_ids("youth participation")
    assert found
    assert set(found) <= set(grown.values_list("pk", flat=True))


def test_a_stored_session_signs_the_secretariat_in(secretariat):
    visitor = Client()
    assert visitor.get("/dashboard/").status_code == 403
    visitor.cookies["sessionid"] = signed_in_session(secretariat)
    assert visitor.get("/dashboard/").status_code == 200
