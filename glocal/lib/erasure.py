"""Removing a person's name and address from text other people wrote or received.

Used by the apps' ``mydata.erase`` when an account is closed: a reply that mentions
``@ana@town.test`` or a notification "Ana Horvat replied" keeps its sense, not the person.
"""

import re
from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet
from django.utils.text import slugify

PLACEHOLDER = "a former member"


def identifiers(*, email: str, full_name: str) -> list[str]:
    """What names the person in free text: the address, the full name when it has two words
    or more (a single word such as "Mayor" is too common to replace), and the @mention slug."""
    found = [email]
    if len(full_name.split()) >= 2:
        found += [full_name, slugify(full_name)]
    return [text for text in found if len(text) >= 3]


def replace_all(text: str, needles: list[str], placeholder: str = PLACEHOLDER) -> str:
    for needle in sorted(needles, key=len, reverse=True):
        text = re.sub(re.escape(needle), placeholder, text, flags=re.IGNORECASE)
    return text


def scrub(value, needles: list[str]):
    """``value`` with every needle replaced: text, or the strings inside JSON."""
    if isinstance(value, str):
        return replace_all(value, needles)
    if isinstance(value, list):
        return [scrub(item, needles) for item in value]
    if isinstance(value, dict):
        return {key: scrub(item, needles) for key, item in value.items()}
    return value


def scrub_rows(queryset: QuerySet, fields: list[str], needles: list[str]) -> int:
    """Replace the needles in these text fields of every row that holds one; the count."""
    if not needles:
        return 0
    matches = reduce(or_, (Q(**{f"{f}__icontains": n}) for f in fields for n in needles))
    changed = 0
    for row in queryset.filter(matches):
        for field in fields:
            setattr(row, field, scrub(getattr(row, field), needles))
        row.save(update_fields=fields)
        changed += 1
    return changed
