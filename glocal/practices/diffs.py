"""What a proposed revision changes, field by field, in words a reviewer can compare."""

import difflib
from typing import Any

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from glocal.members.models import Municipality
from glocal.reference.models import Country, Sdg, Theme

from .forms import PracticeForm
from .models import Practice, ProposedRevision

LONG_TEXT = 120  # characters; longer texts get a word-by-word comparison
RELATED = {"municipality": Municipality, "country": Country}


def shown(name: str, value: Any) -> str:
    """A snapshot value as the reader knows it: names, not keys."""
    if value in (None, "", []):
        return "—"
    if name in RELATED:
        found = RELATED[name].objects.filter(pk=value).first()
        return str(found) if found else "—"
    if name == "themes":
        return ", ".join(str(t) for t in Theme.objects.filter(slug__in=value)) or "—"
    if name == "sdgs":
        return ", ".join(str(s) for s in Sdg.objects.filter(number__in=value)) or "—"
    field = Practice._meta.get_field(name)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return strip_tags(str(value))


def word_diff(old: str, new: str) -> SafeString:
    """The new text with removed words struck through and added words marked."""
    parts = []
    a, b = old.split(), new.split()
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if op == "equal":
            parts.append(escape(" ".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
    return mark_safe(" ".join(parts))  # every word is escaped above


def label_of(name: str) -> str:
    return str(Practice._meta.get_field(name).verbose_name).capitalize()


def changes(proposal: ProposedRevision, *, base: dict, current: dict) -> list[dict]:
    """Only the fields the author changed from the version they started from: the label,
    the published value and the proposed one; ``moved`` when someone changed the
    published value meanwhile."""
    base = base or current
    order = {name: i for i, name in enumerate(PracticeForm._meta.fields)}  # the form's order
    rows = []
    for name, proposed in sorted(proposal.values.items(), key=lambda kv: order.get(kv[0], 99)):
        if name in ("version",) or proposed == base.get(name, proposed):
            continue
        now, new = shown(name, current.get(name)), shown(name, proposed)
        rows.append({
            "name": name, "label": label_of(name), "current": now, "proposed": new,
            "diff": word_diff(now, new) if max(len(now), len(new)) > LONG_TEXT else None,
            "moved": current.get(name) != base.get(name),
        })  # fmt: skip
    return rows
