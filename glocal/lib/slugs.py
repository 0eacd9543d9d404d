"""Readable, unique addresses: the title's slug, numbered when it is taken."""

from django.db.models import QuerySet
from django.utils.text import slugify


def unique_slug(taken: QuerySet, text: str, fallback: str = "item") -> str:
    """The first of ``slug``, ``slug-2``, ``slug-3``… that no row of ``taken`` uses."""
    base = slugify(text)[:200] or fallback
    slug, n = base, 2
    while taken.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
