"""The log's part of "download my data" and "close my account" (called by the registry).

Entries stay when an account closes (they are the network's record of what happened), but
they no longer carry the person's name or e-mail: the actor link is kept (the account row is
anonymised by its own app) and entries about the person's own account are blanked.
"""

import json

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from .models import AuditEntry

ERASED = "—"


def as_dict(entry: AuditEntry) -> dict:
    return {
        "created_at": entry.created_at.isoformat(),
        "action": entry.action,
        "label": entry.label,
        "object_type": entry.type_key,
        "object_id": entry.object_id,
        "object": entry.object_repr,
        "town": entry.town.name if entry.town else None,
        "changes": entry.changes,
        "source": entry.source,
    }


def export(user) -> dict[str, list[dict]]:
    """The entries of what this person did, as plain JSON-able dicts."""
    entries = AuditEntry.objects.for_list().filter(actor=user).order_by("created_at", "pk")
    return {"audit_entries": [as_dict(entry) for entry in entries]}


def erase(user) -> None:
    """Blank the person's name and e-mail wherever the log wrote them down."""
    traces = {t for t in (user.email, user.full_name) if t}
    user_type = ContentType.objects.get_for_model(type(user))
    about = Q(content_type=user_type, object_id=user.pk)
    mention = Q(actor=user)
    for trace in traces:  # JSON keeps non-ASCII letters escaped: look for both spellings
        for spelling in {trace, json.dumps(trace)[1:-1]}:
            mention |= Q(object_repr__icontains=spelling) | Q(changes__icontains=spelling)
    for entry in AuditEntry.objects.filter(about | mention).select_related("content_type"):
        changes = scrub(entry.changes, traces)
        is_about = entry.content_type_id == user_type.pk and entry.object_id == user.pk
        name = ERASED if is_about or scrub(entry.object_repr, traces) == ERASED else None
        if changes != entry.changes or name:
            entry.changes, entry.object_repr = changes, name or entry.object_repr
            entry.save(update_fields=["changes", "object_repr"])


def scrub(value, traces: set[str]):
    """``value`` with every string that holds one of ``traces`` blanked (any case)."""
    if isinstance(value, str):
        return ERASED if any(t.lower() in value.lower() for t in traces) else value
    if isinstance(value, list):
        return [scrub(v, traces) for v in value]
    if isinstance(value, dict):
        return {scrub(k, traces) if isinstance(k, str) else k: scrub(v, traces)
                for k, v in value.items()}  # fmt: skip
    return value
