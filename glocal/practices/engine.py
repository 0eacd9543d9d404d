"""The hybrid search engine behind ``Practice.objects.search(q)``.

Each process keeps an in-memory snapshot of every practice: a BM25 index of its folded
text with each practice's language, and the multilingual-e5-small vectors of its chunks.
A query is ranked lexically and semantically and the two lists are fused, BM25 trusted
only as far as the query's words occur in each practice's language. The snapshot is
rebuilt when the shared ``SearchIndexState.generation`` counter moved, which every write
to practice text bumps. Without the model the engine
ranks lexically and says so in the log and on ``/healthz``.
"""

import hashlib
import logging
import threading
import time

import numpy as np
from django.conf import settings
from django.db import connection, transaction
from django.db.models import F

from glocal.lib import retrieval
from glocal.lib.embeddings import active_model_name, embed_query, encoder_status, get_encoder

from .index import TEXT_FIELDS, Snapshot, build_snapshot, practice_document, with_changes
from .models import Practice, PracticeVector, SearchIndexState

logger = logging.getLogger(__name__)
MAX_RESULTS = 1000  # nobody pages past this; facets filter within these
LEXICAL_CANDIDATES = 200  # BM25 hits fused, even when fewer results are wanted
DENSE_CANDIDATES = 1000  # chunks taken from the vector index per query (≈ 100+ practices)
GENERATION_CHECK_SECONDS = 0.2  # one indexed row read; a save shows up elsewhere within this
# A practice found only by meaning must lie within this band of the query's best
# cosine. e5's cosines are high and compressed (nonsense scores 0.85 against a short
# title, the relevant paragraph of a cross-language question 0.76-0.81), so no absolute
# floor works: 95% of the relevant paragraphs of xquad-dev lie within 0.063 of the best.
# MiniLM's band is not measured: it only serves to compare the old model.
DENSE_BAND = {"multilingual-e5-small-q4": 0.07, "all-MiniLM-L6-v2": 0.25}
# e5 ranks texts in the query's own language higher whatever they say: an Arabic
# question scores Arabic paragraphs on other subjects above the English paragraph that
# answers it. So each practice's cosine is taken relative to what the query scores on
# average against texts in that practice's language (the query against the language's
# mean chunk vector), shrunk towards the all-language mean by this many documents so
# that a language with two practices is not judged on those two alone. xquad-dev dense
# nDCG@10: 0.625 raw, 0.805 relative (cross-language 0.571 -> 0.780; same 0.983 -> 0.968).
LANGUAGE_SHRINK = 10.0
# Cross-validated over the three dev sets together (docs/benchmarks.md): prior 0.5 and trust
# power 8 chosen in every fold (methods held out 0.401 -> 0.467, xquad and issues unchanged
# or better). Dense 8 was chosen too, but it costs issues 0.003 (below its 0.23) for xquad's
# +0.05: a constant that helps one set and hurts another is not taken, so dense stays 4.
FUSION = retrieval.FusionWeights(dense=4.0, prior=0.5, ideal_share=1.0, trust_power=8.0)
# Short queries (``retrieval.is_short``): BM25 with feedback (already in 0..1) leads, e5
# orders what the words do not reach (another language), no prior. participedia-issues
# 0.170 -> 0.231. Dense weight 0.25 cross-validated (0.5: issues -0.002; docs/benchmarks.md).
SHORT_FUSION = retrieval.FusionWeights(dense=0.25, prior=0.0, ideal_share=0.0, trust_power=4.0)
FEEDBACK = retrieval.Feedback(documents=10, terms=10, share=0.5)


def document_hash(title: str, body: str) -> str:
    return hashlib.sha256(f"{active_model_name()}\n{title}\n{body}".encode()).hexdigest()


def malformed_vectors() -> int:
    """Stored vectors of the active model the index skips (``/healthz`` reports them)."""
    return PracticeVector.objects.filter(model=active_model_name()).malformed().count()


def bump_generation() -> None:
    updated = SearchIndexState.objects.filter(pk=1).update(generation=F("generation") + 1)
    if not updated:
        SearchIndexState.objects.get_or_create(pk=1, defaults={"generation": 1})


def current_generation() -> int:
    return SearchIndexState.objects.filter(pk=1).values_list("generation", flat=True).first() or 0


def embed_practices(
    practice_ids: list[int] | None = None, progress=None, batch: int = 16, encoder=None
) -> int:
    """Store vectors for practices whose text changed; returns how many were computed.

    A stored vector that is malformed (``PracticeVector.objects.malformed``) counts as
    changed. Batches of ``batch`` practices are embedded and stored; the search index is told
    once at the end, so that importing 800 practices is one index update, not 800.
    ``encoder``: another than the process's (evaluation passes a cached one).
    """
    encoder = encoder or get_encoder()
    if encoder is None:
        return 0
    rows = Practice.objects.values_list("pk", "title", *TEXT_FIELDS)
    vectors = PracticeVector.objects.all()
    if practice_ids is not None:
        rows = rows.filter(pk__in=practice_ids)
        vectors = vectors.filter(practice_id__in=practice_ids)
    stored = dict(vectors.values_list("practice_id", "text_hash"))
    malformed = set(vectors.malformed().values_list("practice_id", flat=True))
    todo = []
    for pk, title, *texts in rows.iterator(chunk_size=2000):
        document = practice_document(title, *texts)
        digest = document_hash(*document)
        if stored.get(pk) != digest or pk in malformed:
            todo.append((pk, digest, retrieval.chunks_for_embedding(*document)))
    for start in range(0, len(todo), batch):
        store_vectors(encoder, todo[start : start + batch])
        if progress:
            progress(min(batch, len(todo) - start))
    if todo:
        bump_generation()
    return len(todo)


@transaction.atomic
def store_vectors(encoder, items: list[tuple[int, str, list[str]]]) -> None:
    texts = [chunk for _, _, chunks in items for chunk in chunks]
    vectors = encoder.passages(texts)
    offset = 0
    for pk, digest, chunks in items:
        data = vectors[offset : offset + len(chunks)].astype(np.float32).tobytes()
        offset += len(chunks)
        PracticeVector.objects.update_or_create(
            practice_id=pk,
            defaults={
                "model": encoder.name,
                "text_hash": digest,
                "chunks": len(chunks),
                "data": data,
            },
        )


class SearchEngine:
    """One per process. Thread-safe: a snapshot is replaced whole, never changed."""

    def __init__(self, scope=None):
        """``scope``: a queryset of the practices to index, when not all (evaluation)."""
        self.scope = scope
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()
        self._rebuilding = threading.Event()
        self._checked = 0.0
        self._queued: set[int] = set()  # malformed vectors this process sent to be embedded

    def snapshot(self) -> Snapshot:
        """The current snapshot. A stale one keeps serving while a thread rebuilds it."""
        snapshot = self._snapshot
        now = time.monotonic()
        background = settings.SEARCH_REBUILD_IN_BACKGROUND
        if snapshot is not None and background and now - self._checked < GENERATION_CHECK_SECONDS:
            return snapshot
        self._checked = now
        generation = current_generation()
        if snapshot is None:
            with self._lock:
                if self._snapshot is None:
                    self._snapshot = self._build(generation)
            return self._snapshot
        if snapshot.generation == generation:
            return snapshot
        updated = with_changes(snapshot, generation, self.scope)
        if updated is not None:  # a few practices changed: read only those
            self._snapshot = updated
            self.embed_again(updated)
            return updated
        if not settings.SEARCH_REBUILD_IN_BACKGROUND:
            return self.refresh()
        if not self._rebuilding.is_set():
            self._rebuilding.set()
            threading.Thread(target=self._rebuild, args=(generation,), daemon=True).start()
        return snapshot

    def _build(self, generation: int) -> Snapshot:
        snapshot = build_snapshot(generation, self.scope)
        logger.info("search index built: %s practices in %.2fs", len(snapshot.main.ids),
                    snapshot.built_in)  # fmt: skip
        self.embed_again(snapshot)
        return snapshot

    def embed_again(self, snapshot: Snapshot) -> None:
        """Queue the practices whose stored vector was malformed to be embedded again,
        once per process (the task is idempotent, so several workers may each queue it)."""
        from .tasks import embed_practice_batch  # the task module imports this one

        todo = sorted(snapshot.malformed - self._queued)
        if not todo:
            return
        try:
            embed_practice_batch.enqueue(todo)
        except Exception:  # searching must not fail because the queue does
            logger.exception("could not queue %d malformed vectors to embed again", len(todo))
            return
        self._queued.update(todo)

    def _rebuild(self, generation: int) -> None:
        try:
            self._snapshot = self._build(generation)
        except Exception:
            logger.exception("search index rebuild failed; serving the previous one")
        finally:
            self._rebuilding.clear()
            connection.close()

    def forget(self) -> None:
        """Drop the snapshot; the next query builds a new one (tests use this)."""
        self._snapshot = None
        self._queued.clear()

    def refresh(self) -> Snapshot:
        """Rebuild now (commands and tests that must see their own writes)."""
        with self._lock:
            self._snapshot = self._build(current_generation())
        return self._snapshot

    def rank(self, q: str, *, published_only: bool = True, limit: int = MAX_RESULTS):
        """Practice ids with fused scores, best first.

        Both lists are fused in full (not cut at ``limit`` first) so that the BM25
        normalisation and the dense floor are the same whatever page is asked for. A
        practice found by meaning alone is kept only if it is close enough.
        """
        snapshot = self.snapshot()
        query = self.query_vector(q, snapshot)
        weights = SHORT_FUSION if retrieval.is_short(q) else FUSION
        dense, trust, prior = [], [], []
        shares = snapshot.main.bm25.language_shares(q)
        expected = self.expected_cosines(query, snapshot.main.centroids)
        parts = [(segment, current & segment.published if published_only else current, offset)
                 for segment, current, offset in snapshot.segments()]  # fmt: skip
        lexical = self.lexical_hits(parts, q, max(limit, LEXICAL_CANDIDATES), weights is FUSION)
        for segment, allowed, offset in parts:
            hits = self.dense_hits(segment, query, allowed, expected)
            dense += [(row + offset, cos) for row, cos in hits]
            own = segment.bm25.language_shares(q) if offset else {}
            merged = {lang: max(share, own.get(lang, 0.0)) for lang, share in shares.items()}
            trust.append(segment.bm25.trust(q, weights.trust_power, {**own, **merged}))
            prior.append(segment.prior)
        dense.sort(key=lambda hit: -hit[1])
        fused = retrieval.fuse(lexical, dense, np.concatenate(prior), trust=np.concatenate(trust),
                               ideal=snapshot.main.bm25.ideal(q), weights=weights)  # fmt: skip
        found_by_words = {row for row, _ in lexical}
        model = active_model_name()
        best = dense[0][1] if dense else 0.0
        minimum = best - DENSE_BAND.get(model, 1.0)
        close = {row for row, cosine in dense if cosine >= minimum}
        kept = [(r, score) for r, score in fused if r in found_by_words or r in close]
        ids = snapshot.ids
        return [(int(ids[row]), float(score)) for row, score in kept[:limit]]

    @staticmethod
    def lexical_hits(parts, q: str, count: int, plain: bool) -> list[tuple[int, float]]:
        """The ``count`` best (row, BM25) over the segments; short queries get feedback."""
        if plain:
            found = [(row + offset, score) for segment, allowed, offset in parts
                     for row, score in segment.bm25.search(q, count, allowed)]  # fmt: skip
        else:
            indexes = [(segment.bm25, allowed) for segment, allowed, _ in parts]
            scores = retrieval.feedback_search(indexes, q, FEEDBACK)
            offsets = [offset for _, _, offset in parts]
            found = [(row + offset, score) for offset, part in zip(offsets, scores, strict=True)
                     for row, score in retrieval.top_positive(part, count)]  # fmt: skip
        return sorted(found, key=lambda hit: -hit[1])[:count]

    def query_vector(self, q: str, snapshot: Snapshot) -> np.ndarray | None:
        encoder = get_encoder()
        if encoder is None or snapshot.main.vectors is None and snapshot.delta is None:
            return None
        return embed_query(encoder, q)

    @staticmethod
    def dense_hits(segment, query, allowed, expected, candidates: int = DENSE_CANDIDATES):
        """(row, best chunk cosine less its language's expected cosine), best first."""
        if query is None or segment.vectors is None:
            return []
        rows, scores = segment.vectors.search(query, candidates, allowed[segment.chunk_doc])
        hits = retrieval.max_per_document(list(zip(rows.tolist(), scores.tolist(), strict=True)),
                                          segment.chunk_doc)  # fmt: skip
        default = expected.get("*", 0.0)
        relative = [(row, cos - expected.get(segment.languages[row], default)) for row, cos in hits]
        return sorted(relative, key=lambda hit: -hit[1])

    @staticmethod
    def expected_cosines(query, centroids: dict) -> dict[str, float]:
        """Per language, the query's cosine with an average text in it (shrunk)."""
        if query is None or "*" not in centroids:
            return {}
        overall = float(query @ centroids["*"][0])
        expected = {"*": overall}
        for language, (centroid, count) in centroids.items():
            own = float(query @ centroid)
            expected[language] = (count * own + LANGUAGE_SHRINK * overall) / (
                count + LANGUAGE_SHRINK
            )
        return expected

    def encode(self, texts: list[str]) -> np.ndarray | None:
        """Unit vectors of ``texts``, or None without the model."""
        encoder = get_encoder()
        return encoder.queries(texts) if encoder is not None and texts else None

    def similarities(self, texts: list[str], practice_ids: list[int]) -> np.ndarray | None:
        """Cosine of each text to each practice (best chunk); None without the model."""
        encoder = get_encoder()
        snapshot = self.snapshot()
        if encoder is None or snapshot.main.vectors is None or not texts:
            return None
        queries = encoder.queries(texts)
        result = np.zeros((len(texts), len(practice_ids)), dtype=np.float32)
        for segment, _, _ in snapshot.segments()[::-1]:  # the delta's vectors are newer
            if segment.vectors is None:
                continue
            for column, pk in enumerate(practice_ids):
                rows = segment.chunk_rows.get(pk)
                if rows is not None and not result[:, column].any():
                    result[:, column] = (queries @ segment.vectors.matrix[rows].T).max(axis=1)
        return result

    def status(self) -> dict:
        model = encoder_status()
        mode = "hybrid" if model["status"] == "ok" else "lexical"
        return {"mode": mode, "model": model}


engine = SearchEngine()
