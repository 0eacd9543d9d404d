"""The search engine's in-memory index: a main segment and a small delta segment.

Rebuilding the index of 100,000 practices takes seconds, too long for a practice just
published to wait. So a process keeps the main segment it read at one time and, when the
shared generation counter moves, reads only the practices changed since then (their
``updated_at``, or their vectors'), into a delta segment whose BM25 uses the main
segment's statistics, so that scores compare. The main rows of changed practices are
masked. Once the delta grows past ``DELTA_LIMIT`` the whole index is rebuilt.
"""

import datetime
import logging
import time
from dataclasses import dataclass

import numpy as np
from django.db.models import Q, QuerySet
from django.utils import timezone

from glocal.lib import retrieval, textnorm
from glocal.lib.embeddings import active_model_name
from glocal.lib.vectors import ExactIndex, IVFIndex, build_vector_index

from .models import Practice, PracticeVector, Status, vector_rows

logger = logging.getLogger(__name__)
TEXT_FIELDS = ("summary", "objectives", "approach", "results", "lessons", "target_groups")
DELTA_LIMIT = 2000  # changed practices kept apart before the whole index is rebuilt
CLOCK_MARGIN = datetime.timedelta(seconds=30)  # longer than a write transaction lasts


def practice_document(title: str, *texts: str) -> tuple[str, str]:
    """What the engine reads of a practice: its title, and its descriptive text."""
    return title, "\n".join(t for t in texts if t)


@dataclass
class Segment:
    ids: np.ndarray
    published: np.ndarray
    bm25: retrieval.BM25Index
    vectors: ExactIndex | IVFIndex | None
    chunk_doc: np.ndarray
    chunk_rows: dict[int, slice]
    row_of: dict[int, int]
    prior: np.ndarray
    languages: list[str]
    centroids: dict[str, tuple[np.ndarray, int]]  # language -> (mean chunk vector, documents)
    malformed: frozenset[int] = frozenset()  # practices whose stored vector was skipped


def language_centroids(matrix: np.ndarray, chunk_doc: np.ndarray, languages: list[str]):
    """The mean chunk vector of each language's documents, and of all ("*")."""
    if not len(matrix):
        return {}
    chunk_language = np.array(languages, dtype=object)[chunk_doc]
    centroids = {"*": (matrix.mean(axis=0), len(languages))}
    for language in set(languages):
        rows = chunk_language == language
        if rows.any():
            centroids[language] = (matrix[rows].mean(axis=0), languages.count(language))
    return centroids


def build_segment(practices: QuerySet, statistics: retrieval.BM25Index | None = None) -> Segment:
    """Index ``practices``; a delta passes the main segment's BM25 as ``statistics``."""
    rows = list(practices.values_list("pk", "status", "title", *TEXT_FIELDS).order_by("pk"))
    ids = np.array([r[0] for r in rows], dtype=np.int64)
    row_of = {int(pk): i for i, pk in enumerate(ids)}
    documents = [practice_document(r[2], *r[3:]) for r in rows]
    languages = [textnorm.detect_language(f"{title}\n{body}") for title, body in documents]
    bm25 = retrieval.BM25Index()
    bm25.build(documents, languages, statistics=statistics)
    matrices, chunk_doc, chunk_rows, malformed = [], [], {}, []
    vectors = PracticeVector.objects.filter(model=active_model_name(), practice_id__in=ids.tolist())
    for pk, chunks, data in vectors.values_list("practice_id", "chunks", "data").iterator(2000):
        if (matrix := vector_rows(bytes(data), chunks)) is None:
            malformed.append(pk)  # found by its words until it is embedded again
            continue
        matrices.append(matrix)
        chunk_rows[pk] = slice(len(chunk_doc), len(chunk_doc) + chunks)
        chunk_doc.extend([row_of[pk]] * chunks)
    if malformed:
        named = ", ".join(map(str, sorted(malformed)[:20])) + (", …" if len(malformed) > 20 else "")
        logger.warning("search index: skipped %d malformed stored vectors (practices %s)",
                       len(malformed), named)  # fmt: skip
    with_prior = statistics is None and documents
    matrix = np.vstack(matrices) if matrices else np.zeros((0, 0), dtype=np.float32)
    chunk_doc = np.array(chunk_doc, dtype=np.int64)
    return Segment(
        ids=ids, row_of=row_of, bm25=bm25, languages=languages,
        vectors=build_vector_index(matrix) if matrices else None,
        published=np.array([r[1] == Status.PUBLISHED for r in rows], dtype=bool),
        chunk_doc=chunk_doc, chunk_rows=chunk_rows,
        centroids=language_centroids(matrix, chunk_doc, languages),
        prior=retrieval.mention_prior(documents) if with_prior else np.zeros(len(rows)),
        malformed=frozenset(malformed),
    )  # fmt: skip


@dataclass
class Snapshot:
    """The main segment, the delta of practices changed since it was read, and the mask
    of main rows still current. Replaced whole, never changed."""

    generation: int
    main: Segment
    delta: Segment | None
    alive: np.ndarray
    read_at: datetime.datetime
    changed: frozenset[int]
    built_in: float

    def segments(self) -> list[tuple[Segment, np.ndarray, int]]:
        """Each segment with its current rows and the offset of its rows in ``ids``."""
        parts = [(self.main, self.alive, 0)]
        if self.delta is not None:
            parts.append((self.delta, np.ones(len(self.delta.ids), bool), len(self.main.ids)))
        return parts

    @property
    def malformed(self) -> frozenset[int]:
        """Practices served without their vector: skipped and not read again since."""
        again = self.delta.malformed if self.delta is not None else frozenset()
        return (self.main.malformed - self.changed) | again

    @property
    def ids(self) -> np.ndarray:
        return np.concatenate([segment.ids for segment, _, _ in self.segments()])


def every_practice(scope: QuerySet | None) -> QuerySet:
    return Practice.objects.exclude(status=Status.ARCHIVED) if scope is None else scope


def build_snapshot(generation: int, scope: QuerySet | None = None) -> Snapshot:
    """Read every practice (all but archived, or those of ``scope``) into a main segment."""
    started, read_at = time.perf_counter(), timezone.now()
    main = build_segment(every_practice(scope))
    return Snapshot(generation, main, None, np.ones(len(main.ids), dtype=bool), read_at,
                    frozenset(), time.perf_counter() - started)  # fmt: skip


def changed_since(moment: datetime.datetime, scope: QuerySet | None) -> set[int]:
    """Practices whose text, status or vectors changed after ``moment`` (less a margin)."""
    since = moment - CLOCK_MARGIN
    practices = Practice.objects.all() if scope is None else scope
    touched = Q(updated_at__gte=since) | Q(vector__updated_at__gte=since)
    return set(practices.filter(touched).values_list("pk", flat=True))


def with_changes(snapshot: Snapshot, generation: int, scope: QuerySet | None) -> Snapshot | None:
    """The snapshot with a fresh delta of everything changed since the main was read, or
    None when the delta would be too large (rebuild the whole index instead)."""
    started = time.perf_counter()
    changed = snapshot.changed | changed_since(snapshot.read_at, scope)
    if len(changed) > DELTA_LIMIT:
        return None
    practices = every_practice(scope).filter(pk__in=changed)
    delta = build_segment(practices, statistics=snapshot.main.bm25)
    alive = ~np.isin(snapshot.main.ids, np.array(sorted(changed), dtype=np.int64))
    # read_at stays the main's: each delta holds every change since the main was read
    return Snapshot(generation, snapshot.main, delta, alive, snapshot.read_at,
                    frozenset(changed), time.perf_counter() - started)  # fmt: skip
