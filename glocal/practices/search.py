"""Search over practices. ``Practice.objects.search(q)`` calls ``search_practices``.

The hybrid engine (``engine.py``: BM25 fused with MiniLM vectors) ranks; the database
only filters and pages. Should the engine fail, the database's own full-text search
answers instead, so the showroom never shows an error for a search.
"""

import logging
import re
import time

from django.db import connection
from django.db.models import BooleanField, Case, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL

from glocal.lib import textnorm

logger = logging.getLogger(__name__)
WORD = re.compile(r"\w+", re.UNICODE)
TEXT_FIELDS = ("title", "summary", "objectives", "approach", "results", "target_groups")


def query_terms(q: str) -> list[str]:
    return [t for t in WORD.findall(q.lower()) if len(t) > 1][:12]


def search_practices(queryset: QuerySet, q: str) -> QuerySet:
    q = (q or "").strip()
    if not WORD.search(q):
        return queryset
    ids = ranked_ids(q)
    return database_search(queryset, q) if ids is None else in_ranked_order(queryset, ids)


def ranked_ids(q: str) -> list[int] | None:
    """Published practice ids matching ``q``, best first; None if the engine failed."""
    from .engine import engine

    try:
        return [pk for pk, _ in engine.rank(q)]
    except Exception:
        logger.exception("search engine failed; answering with database full-text search")
        return None


_generation_seen = (0.0, 0)  # (monotonic time read, generation) in this process


def index_generation(max_age: float = 1.0) -> int:
    """The search index generation, read from the database at most once per ``max_age`` s.

    Keys the cached showroom pages: a practice saved or embedded shows up within a second,
    as it does in the engine, without a query on every cached answer.
    """
    global _generation_seen
    seen_at, generation = _generation_seen
    if time.monotonic() - seen_at >= max_age:
        from .engine import current_generation

        generation = current_generation()
        _generation_seen = (time.monotonic(), generation)
    return generation


def in_ranked_order(queryset: QuerySet, ids: list[int]) -> QuerySet:
    if not ids:
        return queryset.none()
    position = Case(*[When(pk=pk, then=Value(i)) for i, pk in enumerate(ids)],
                    output_field=IntegerField())  # fmt: skip
    return queryset.filter(pk__in=ids).annotate(rank=position).order_by("rank")


def database_search(queryset: QuerySet, q: str) -> QuerySet:
    """PostgreSQL's English full-text search for English queries (and for short ones that
    it matches); otherwise, as its stemmer would mangle other languages' words, every
    term or one of its spellings must occur."""
    terms = query_terms(q)
    if not terms:
        return queryset
    if connection.vendor == "postgresql" and textnorm.detect_language(q) in ("en", ""):
        english = _search_postgresql(queryset, " ".join(terms))
        if textnorm.detect_language(q) == "en" or english.exists():
            return english
    return _search_portable(queryset, terms)


def spellings(term: str) -> set[str]:
    """A lower-case term as it may be written: capitalised (SQLite folds case only in
    ASCII), without accents, and in the other Serbian script."""
    variants = {term, term.capitalize(), textnorm.fold(term)}
    variants.add(textnorm.to_serbian_cyrillic(textnorm.fold(term)))
    return {v for v in variants | {v.capitalize() for v in variants} if v}


def _search_postgresql(queryset: QuerySet, text: str) -> QuerySet:
    """Uses the GIN-indexed ``search_document`` column (migration 0002)."""
    query = "plainto_tsquery('english', %s)"
    return (
        queryset.alias(
            matches=RawSQL(f"search_document @@ {query}", [text], output_field=BooleanField())
        )
        .filter(matches=True)
        .annotate(rank=RawSQL(f"-ts_rank(search_document, {query})", [text]))
        .order_by("rank", "title")
    )


def _search_portable(queryset: QuerySet, terms: list[str]) -> QuerySet:
    """Every term must occur in one of the text fields; title hits rank first."""
    condition = Q()
    hits = []
    for term in terms:
        anywhere, in_title, in_summary = Q(), Q(), Q()
        for spelling in spellings(term):
            for field in TEXT_FIELDS:
                anywhere |= Q(**{f"{field}__icontains": spelling})
            in_title |= Q(title__icontains=spelling)
            in_summary |= Q(summary__icontains=spelling)
        condition &= anywhere
        hits.append(When(in_title, then=Value(0)))
        hits.append(When(in_summary, then=Value(1)))
    score = Case(*hits, default=Value(2), output_field=IntegerField())
    return queryset.filter(condition).annotate(rank=score).order_by(F("rank").asc(), "title")
