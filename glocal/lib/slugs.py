"""Readable, unique addresses: the title's slug, numbered when it is taken."""

from collections.abc import Iterator

from django.db.models import QuerySet
from django.utils.text import slugify


def candidates(text: str, fallback: str) -> Iterator[str]:
    """``slug``, ``slug-2``, ``slug-3``… of ``text`` (``fallback`` when it has no letters)."""
    base = slugify(text)[:200] or fallback
    yield base
    n = 2
    while True:
        yield f"{base}-{n}"
        n += 1


def unique_slug(taken: QuerySet, text: str, fallback: str = "item") -> str:
    """The first of ``slug``, ``slug-2``, ``slug-3``… that no row of ``taken`` uses."""
    return next(slug for slug in candidates(text, fallback) if not taken.filter(slug=slug).exists())


def unique_slug_among(taken: set[str], text: str, fallback: str = "item") -> str:
    """The same, checked against slugs already in memory; the chosen one joins ``taken``."""
    slug = next(slug for slug in candidates(text, fallback) if slug not in taken)
    taken.add(slug)
    return slug
