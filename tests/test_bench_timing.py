"""The benchmark's embedding-time header: on when asked for, never in the default settings."""
# ruff: noqa: F811 (the showroom fixture is imported from the practices app)

from django.conf import settings

from glocal.lib.benchtiming import HEADER
from glocal.practices.engine import embed_practices
from glocal.practices.tests.conftest import showroom  # noqa: F401

TIMING = "glocal.lib.benchtiming.embedding_time_header"


def test_the_header_is_off_unless_the_benchmark_turns_it_on(anonymous, showroom):
    assert TIMING not in settings.MIDDLEWARE
    assert HEADER not in anonymous.get("/practices/", {"q": "parks"})


def test_a_search_answer_says_how_long_its_query_took_to_embed(anonymous, showroom, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, TIMING]
    embed_practices([practice.pk for practice in showroom.values()])
    searched = anonymous.get("/practices/", {"q": "parks for children"})
    assert searched.status_code == 200
    assert float(searched[HEADER]) > 0
    assert HEADER not in anonymous.get("/practices/")  # nothing embedded
