"""Full-text search over practices, on whichever database is in use.

``Practice.objects.search(q)`` calls ``search_practices``; nothing else knows how it works,
so the matching engine can replace this body without touching a caller.
"""

import re

from django.db import connection
from django.db.models import BooleanField, Case, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL

WORD = re.compile(r"\w+", re.UNICODE)
TEXT_FIELDS = ("title", "summary", "objectives", "approach", "results", "target_groups")


def query_terms(q: str) -> list[str]:
    return [t for t in WORD.findall(q.lower()) if len(t) > 1][:12]


def search_practices(queryset: QuerySet, q: str) -> QuerySet:
    terms = query_terms(q or "")
    if not terms:
        return queryset
    if connection.vendor == "postgresql":
        return _search_postgresql(queryset, " ".join(terms))
    return _search_portable(queryset, terms)


def _search_postgresql(queryset: QuerySet, text: str) -> QuerySet:
    """Uses the GIN-indexed ``search_document`` column (migration 0002)."""
    query = "plainto_tsquery('english', %s)"
    return (
        queryset.alias(
            matches=RawSQL(f"search_document @@ {query}", [text], output_field=BooleanField())
        )
        .filter(matches=True)
        .annotate(rank=RawSQL(f"ts_rank(search_document, {query})", [text]))
        .order_by("-rank", "title")
    )


def _search_portable(queryset: QuerySet, terms: list[str]) -> QuerySet:
    """Every term must occur in one of the text fields; title hits rank first."""
    condition = Q()
    title_hits = []
    for term in terms:
        anywhere = Q()
        for field in TEXT_FIELDS:
            anywhere |= Q(**{f"{field}__icontains": term})
        condition &= anywhere
        title_hits.append(When(title__icontains=term, then=Value(2)))
        title_hits.append(When(summary__icontains=term, then=Value(1)))
    score = Case(*title_hits, default=Value(0), output_field=IntegerField())
    return queryset.filter(condition).annotate(rank=score).order_by(F("rank").desc(), "title")
