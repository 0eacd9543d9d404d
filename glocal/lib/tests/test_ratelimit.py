"""Batched shared request counts: the bound over the limit, on the database cache and Redis."""

import os
import socket
import uuid

import pytest
from django.core.cache import caches
from django.test import override_settings

from glocal.lib.ratelimit import SharedCounter, add_to_shared, batch

MINUTE = 60
START = 1_800_000_000.0  # the first second of a minute window


def redis_reachable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.fixture(params=["database", "redis"])
def shared_cache(request, db):
    """The cache every worker shares: the database cache (default) or Redis."""
    if request.param == "database":
        yield "default"
        return
    if not redis_reachable():
        if os.environ.get("CI"):
            pytest.fail("CI runs Redis on 127.0.0.1:6379; it did not answer")
        pytest.skip("no Redis on 127.0.0.1:6379 on this machine; CI has one and fails without it")
    redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache",
             "LOCATION": "redis://127.0.0.1:6379/9"}  # fmt: skip
    with override_settings(CACHES={"default": redis}):
        yield "default"


@pytest.fixture
def workers(shared_cache):
    """Two workers' counters over one shared cache, under a prefix of this test's own."""
    prefix = f"test-rate-{uuid.uuid4().hex}"
    return SharedCounter(shared_cache, prefix), SharedCounter(shared_cache, prefix)


def test_a_batch_is_five_percent_of_the_limit_between_one_and_fifty():
    assert [batch(n) for n in (3, 20, 120, 600, 1000, 1_000_000)] == [1, 1, 6, 30, 50, 50]


def test_two_workers_together_admit_at_most_the_limit_plus_a_batch_each(workers):
    first, second = workers
    admitted = sum(
        worker.hit("anon", 120, MINUTE, START + n * 0.001)
        for n in range(300)
        for worker in (first, second)
    )
    assert 120 <= admitted <= 120 + 2 * batch(120)


def test_one_worker_alone_admits_exactly_the_limit(workers):
    first, _ = workers
    assert sum(first.hit("anon", 120, MINUTE, START) for _ in range(300)) == 120


def test_counts_reach_the_shared_cache_once_per_batch(workers):
    first, second = workers
    key = first.window_key("anon", int(START // MINUTE))
    for _ in range(5):
        first.hit("anon", 120, MINUTE, START)
    assert caches["default"].get(key) is None  # five pending in the worker
    first.hit("anon", 120, MINUTE, START)
    assert caches["default"].get(key) == 6
    second.hit("anon", 120, MINUTE, START + 0.5)
    assert second.tallies["anon"].shared + second.tallies["anon"].pending == 7


def test_a_quiet_key_is_written_after_a_quarter_second(workers):
    first, _ = workers
    key = first.window_key("anon", int(START // MINUTE))
    first.hit("anon", 120, MINUTE, START)
    first.hit("anon", 120, MINUTE, START + 0.3)
    assert caches["default"].get(key) == 2


def test_a_worker_that_starts_late_sees_what_the_other_counted(workers):
    first, second = workers
    assert sum(first.hit("t", 600, MINUTE, START) for _ in range(600)) == 600
    assert not second.hit("t", 600, MINUTE, START + 1)  # read the shared total first
    assert not first.hit("t", 600, MINUTE, START + 30)  # half of the previous minute left


def test_the_previous_window_weighs_by_what_is_left_of_it(workers):
    first, _ = workers
    assert sum(first.hit("a", 120, MINUTE, START) for _ in range(120)) == 120
    admitted = sum(first.hit("a", 120, MINUTE, START + MINUTE * 1.75) for _ in range(120))
    assert admitted == 90  # a quarter of the 120 still counts


def test_adding_to_the_shared_count_returns_every_workers_total(shared_cache):
    cache = caches[shared_cache]
    key = f"test-add-{uuid.uuid4().hex}"
    assert [add_to_shared(cache, key, n, 60) for n in (3, 4, 5)] == [3, 7, 12]
    cache.delete(key)


def test_a_worker_keeps_a_bounded_table_of_keys(workers, monkeypatch):
    import glocal.lib.ratelimit as ratelimit

    monkeypatch.setattr(ratelimit, "MAX_TALLIES", 4)
    first, _ = workers
    for n in range(10):
        assert first.hit(f"client-{n}", 120, MINUTE, START)
    assert len(first.tallies) <= 4
