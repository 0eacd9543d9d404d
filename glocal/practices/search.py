"""Full-text search over practices, on whichever database is in use.

``Practice.objects.search(q)`` calls ``search_practices``; nothing else knows how it works,
so the matching engine can replace this body without touching a caller.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When

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
    vector = (
        SearchVector("title", weight="A", config="english")
        + SearchVector("summary", weight="B", config="english")
        + SearchVector(*TEXT_FIELDS[2:], weight="C", config="english")
    )
    query = SearchQuery(text, search_type="plain", config="english")
    prefix = Q()
    for term in text.split():
        prefix &= Q(title__icontains=term) | Q(summary__icontains=term)
    return (
        queryset.annotate(document=vector, rank=SearchRank(vector, query))
        .filter(Q(document=query) | prefix)
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
