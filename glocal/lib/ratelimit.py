"""Request counts shared by every worker, written to the shared cache in small batches.

A limit of *L* requests per period is checked against a sliding estimate: the count of the
current fixed window plus the previous window's count weighted by the share of it still
inside the last period (the previous window is read once per window). Each worker counts
what it admits in its own memory and adds it to the shared cache (one atomic increment)
once ``batch(L)`` requests are pending or ``SYNC_SECONDS`` have passed, whichever is first;
the increment answers the total of every worker, which the worker then uses.

**The bound.** A worker never holds more than ``batch(L)`` admitted requests that the
others cannot see (5 % of the limit, at least 1, at most 50), and once any worker has read
a total at or over the limit, every other worker stops at its next increment at the latest.
So with *W* workers at most ``L + W × batch(L)`` requests get through in a window: 132 for
120/min and 660 for 600/min with two workers. A worker that stops loses what it had not
written yet (at most ``batch(L)`` per key, an under-count, never a refusal).
"""

import threading
import time
from dataclasses import dataclass

from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction

SYNC_SECONDS = 0.25
MAX_BATCH = 50
MAX_TALLIES = 10_000
EVERY_COUNTER: list["SharedCounter"] = []


def batch(limit: int) -> int:
    """How many admitted requests a worker may hold before writing them to the shared cache."""
    return max(1, min(MAX_BATCH, limit // 20))


@dataclass
class Tally:
    window: int
    shared: int  # the window's total in the shared cache, as last read
    pending: int  # admitted by this worker, not written yet
    previous: int  # the previous window's total
    synced_at: float


def add_to_shared(cache, key: str, amount: int, timeout: int) -> int:
    """Add ``amount`` to a counter every worker shares; the new total (atomic on every backend)."""
    if isinstance(cache, DatabaseCache):
        return _add_in_database(cache, key, amount, timeout)
    if cache.add(key, amount, timeout):
        return amount
    try:
        return cache.incr(key, amount)
    except ValueError:  # expired between add and incr
        cache.set(key, amount, timeout)
        return amount


def _add_in_database(cache: DatabaseCache, key: str, amount: int, timeout: int) -> int:
    """The database cache reads, then writes: a row lock (SQLite: its write lock) joins them."""
    alias = router.db_for_write(cache.cache_model_class)
    connection = connections[alias]
    with transaction.atomic(using=alias):
        if connection.vendor != "sqlite":  # SQLite's IMMEDIATE transaction already serialises
            table = connection.ops.quote_name(cache._table)
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT cache_key FROM {table} WHERE cache_key = %s FOR UPDATE",
                               [cache.make_and_validate_key(key)])  # fmt: skip
        total = int(cache.get(key, 0)) + amount
        cache.set(key, total, timeout)
        return total


class SharedCounter:
    """Per-key request counts of one worker, kept in step with the shared cache (see above)."""

    def __init__(self, cache_alias: str = "default", prefix: str = "glocal:rate"):
        self.cache_alias = cache_alias
        self.prefix = prefix
        self.tallies: dict[str, Tally] = {}
        self.lock = threading.Lock()
        EVERY_COUNTER.append(self)

    @property
    def cache(self):
        return caches[self.cache_alias]

    def reset(self) -> None:
        """Forget this worker's counts (tests clear the shared cache between cases)."""
        with self.lock:
            self.tallies.clear()

    def hit(self, key: str, limit: int, period: int, now: float | None = None) -> bool:
        """Count one request under ``key`` if the estimate is below ``limit``; False refuses it."""
        now = time.time() if now is None else now
        with self.lock:
            tally = self.current(key, period, now)
            if self.estimate(tally, period, now) >= limit:
                if now - tally.synced_at < SYNC_SECONDS:
                    return False
                self.sync(key, tally, period, now)
                if self.estimate(tally, period, now) >= limit:
                    return False
            tally.pending += 1
            if tally.pending >= batch(limit) or now - tally.synced_at >= SYNC_SECONDS:
                self.sync(key, tally, period, now)
            return True

    def seconds_to_wait(self, period: int, now: float | None = None) -> float:
        now = time.time() if now is None else now
        return period - now % period

    @staticmethod
    def estimate(tally: Tally, period: int, now: float) -> float:
        inside = 1 - (now / period - tally.window)
        return tally.previous * inside + tally.shared + tally.pending

    def window_key(self, key: str, window: int) -> str:
        return f"{self.prefix}:{key}:{window}"

    def current(self, key: str, period: int, now: float) -> Tally:
        window = int(now // period)
        tally = self.tallies.get(key)
        if tally is not None and tally.window == window:
            return tally
        if tally is not None and tally.pending:  # complete the window it belongs to
            self.sync(key, tally, period, now)
        if len(self.tallies) >= MAX_TALLIES:
            self.forget_old(window)
        keys = [self.window_key(key, window), self.window_key(key, window - 1)]
        found = self.cache.get_many(keys)
        tally = Tally(window, int(found.get(keys[0], 0)), 0, int(found.get(keys[1], 0)), now)
        self.tallies[key] = tally
        return tally

    def sync(self, key: str, tally: Tally, period: int, now: float) -> None:
        shared_key = self.window_key(key, tally.window)
        if tally.pending:
            total = add_to_shared(self.cache, shared_key, tally.pending, 2 * period + 1)
        else:
            total = int(self.cache.get(shared_key, 0))
        tally.shared, tally.pending, tally.synced_at = total, 0, now

    def forget_old(self, window: int) -> None:
        """Past windows go; if the current one alone fills the table, so does every key (its
        unwritten requests, at most a batch each, go uncounted: never a refusal)."""
        for key, tally in list(self.tallies.items()):
            if tally.window < window:
                del self.tallies[key]
        if len(self.tallies) >= MAX_TALLIES:
            self.tallies.clear()


def forget_every_count() -> None:
    """Forget what every counter of this process holds (tests roll the shared cache back)."""
    for counter in EVERY_COUNTER:
        counter.reset()
