"""Anonymous reads of the practice list are served from a stored answer, retired by writes."""
# ruff: noqa: F811 (the showroom fixture is imported from the practices app)

import os
import uuid

import pytest
from django.core.cache import caches
from django.test import Client

from glocal.lib import ratelimit
from glocal.members.models import ApiToken
from glocal.practices.engine import bump_generation
from glocal.practices.search import index_generation
from glocal.practices.tests.conftest import make_practice, showroom  # noqa: F401


@pytest.fixture(autouse=True)
def page_cache(db, settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 60
    settings.CACHES = settings.CACHES | {
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "api-answer-tests",
        }  # fmt: skip
    }
    caches["pages"].clear()
    index_generation(max_age=0)
    monkeypatch.setattr(ratelimit, "SYNC_SECONDS", 3600)  # counts written per batch only


@pytest.mark.usefixtures("steady_rate_clock")
def test_a_stored_answer_equals_the_rendered_one_and_costs_no_query(
    anonymous, showroom, django_assert_num_queries
):
    rendered = anonymous.get("/api/v1/practices", {"theme": "social-cohesion", "page_size": 1})
    with django_assert_num_queries(0):
        stored = Client().get("/api/v1/practices", {"theme": "social-cohesion", "page_size": 1})
    assert stored.status_code == 200
    assert stored["Content-Type"] == rendered["Content-Type"] == "application/json; charset=utf-8"
    assert stored.json() == rendered.json()
    assert stored.json()["count"] == 2


def test_each_query_string_and_language_has_its_own_answer(anonymous, showroom):
    everything = anonymous.get("/api/v1/practices").json()
    one_theme = anonymous.get("/api/v1/practices", {"theme": "education"}).json()
    assert (everything["count"], one_theme["count"]) == (3, 1)
    french = anonymous.get("/api/v1/practices", HTTP_ACCEPT_LANGUAGE="fr").json()
    labels = {i["value"]: i["label"] for i in french["facets"]["theme"]}
    english = {i["value"]: i["label"] for i in everything["facets"]["theme"]}
    assert labels["education"] != english["education"]


def test_a_write_or_a_new_index_retires_the_stored_answer(anonymous, showroom, member):
    assert anonymous.get("/api/v1/practices").json()["count"] == 3
    make_practice("Summer Reading Club", summary="Books for every child.")
    assert anonymous.get("/api/v1/practices").json()["count"] == 3  # stored
    bump_generation()  # the task worker embedded it
    index_generation(max_age=0)
    assert anonymous.get("/api/v1/practices").json()["count"] == 4
    make_practice("Winter Choir", summary="Songs in four languages.")
    _, key = ApiToken.issue(member, "test")
    patched = anonymous.patch("/api/v1/municipalities/spilamberto",
                              {"capacities": "Choirs.", "version": 1},
                              content_type="application/json",
                              HTTP_AUTHORIZATION=f"Bearer {key}")  # fmt: skip
    assert patched.status_code == 200
    assert anonymous.get("/api/v1/practices").json()["count"] == 5


def test_readers_with_a_token_are_answered_afresh(anonymous, showroom, member):
    _, key = ApiToken.issue(member, "test")
    anonymous.get("/api/v1/practices")
    make_practice("Summer Reading Club", summary="Books for every child.")
    fresh = anonymous.get("/api/v1/practices", HTTP_AUTHORIZATION=f"Bearer {key}").json()
    assert fresh["count"] == 4


def test_stored_answers_still_count_against_the_rate_limit(anonymous, showroom, monkeypatch):
    from glocal.api import api

    for throttle in api.throttle:
        monkeypatch.setattr(throttle, "num_requests", 3)
    codes = [anonymous.get("/api/v1/practices").status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]


def test_a_token_records_its_last_use_at_most_once_a_minute(anonymous, showroom, member):
    token, key = ApiToken.issue(member, "test")
    anonymous.get("/api/v1/practices", HTTP_AUTHORIZATION=f"Bearer {key}")
    first_use = ApiToken.objects.get(pk=token.pk).last_used_at
    assert first_use is not None
    anonymous.get("/api/v1/practices", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert ApiToken.objects.get(pk=token.pk).last_used_at == first_use


def test_a_rendered_list_costs_the_same_queries_whatever_the_page_holds(
    anonymous, showroom, monkeypatch
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        caches["pages"].clear()
        with CaptureQueriesContext(connection) as captured:
            assert anonymous.get("/api/v1/practices", {"page_size": 50}).status_code == 200
        return len(captured)

    monkeypatch.setattr("glocal.practices.api.index_generation", lambda: 1)  # read once a second
    queries()  # the worker reads its rate count once a minute
    few = queries()
    for n in range(12):
        make_practice(f"Town Garden {n}", summary="Vegetables.", themes=["education"])
    # the facet table (read on every request in tests), the page's cards and their prefetches
    assert (few, queries()) == (8, 8)


def test_the_token_and_the_anonymous_throttles_use_the_configured_limits(settings):
    from glocal.api import api

    limits = {t.scope: (t.num_requests, t.duration) for t in api.throttle}
    assert limits == {"anon": (120, 60), "token": (600, 60)}
    assert (settings.API_ANONYMOUS_RATE, settings.API_TOKEN_RATE) == ("120/min", "600/min")


@pytest.fixture(params=["database", "redis"])
def counts_in(request, settings):
    """Rate counts in the database cache (default) or in Redis, under a prefix of their own."""
    if request.param == "redis":
        import socket

        try:
            socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        except OSError:
            if os.environ.get("CI"):
                pytest.fail("CI runs Redis on 127.0.0.1:6379; it did not answer")
            pytest.skip("no Redis on 127.0.0.1:6379 on this machine; CI has one")
        settings.CACHES = settings.CACHES | {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": "redis://127.0.0.1:6379/9",
                "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            }  # fmt: skip
        }
    return request.param


def test_token_reads_get_the_token_limit_on_either_cache(anonymous, showroom, member, counts_in,
                                                         monkeypatch):  # fmt: skip
    from glocal.api import api

    for throttle in api.throttle:
        monkeypatch.setattr(throttle, "num_requests", 8 if throttle.scope == "token" else 3)
    _, key = ApiToken.issue(member, "test")
    with_token = [anonymous.get("/api/v1/practices", HTTP_AUTHORIZATION=f"Bearer {key}").status_code
                  for _ in range(10)]  # fmt: skip
    without = [anonymous.get("/api/v1/practices").status_code for _ in range(5)]
    assert with_token == [200] * 8 + [429] * 2
    assert without == [200] * 3 + [429] * 2
