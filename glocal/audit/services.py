"""``record`` is the one way an entry is written: by the service that made the change."""

import datetime
import decimal
import uuid
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models

from . import context
from .actions import ACTIONS
from .models import AuditEntry

LONG_TEXT = 2000  # characters kept of each value before and after


def record(
    *, actor, action: str, obj: models.Model | None, changes: dict | None = None, town=None
) -> AuditEntry:
    """Write one entry in the caller's transaction; the source comes from the context.

    ``actor`` None means the signed-in person of the current request, if any (a command or a
    background job stays anonymous). ``town`` defaults to the object's municipality.
    """
    actor, source, token_id = who_and_where(actor, action)
    if town is None and obj is not None:
        town = town_of(obj)
    return AuditEntry.objects.create(
        actor=actor, town=town, action=action,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=obj.pk if obj is not None else None,
        object_repr=str(obj)[:200] if obj is not None else "",
        changes=changes or {}, source=source, api_token_id=token_id,
    )  # fmt: skip


def who_and_where(actor, action: str) -> tuple:
    """The entry's person (the request's, when ``actor`` is None), page or command, and API
    token; an action without a label is refused."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}: add it to glocal/audit/actions.py")
    source, token_id = context.describe()
    if actor is None:
        user = getattr(context.current_request(), "user", None)
        actor = user if user is not None and user.is_authenticated else None
    return (actor if getattr(actor, "pk", None) else None), source, token_id


def record_many(*, actor, action: str, changed: list[tuple[models.Model, dict]]) -> None:
    """One entry per (object, changes) pair in a single insert, for bulk writes (an import);
    the objects' town is their own ``municipality_id``. The changes must already be JSON
    values (a practice's snapshot is); long texts are cut as ``record`` cuts them."""
    actor, source, token_id = who_and_where(actor, action)
    AuditEntry.objects.bulk_create([
        AuditEntry(actor=actor,
                   town_id=getattr(obj, "municipality_id", None), action=action,
                   content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk,
                   object_repr=str(obj)[:200], changes=clipped(changes), source=source,
                   api_token_id=token_id)
        for obj, changes in changed
    ], batch_size=500)  # fmt: skip


def clipped(changes: dict) -> dict:
    """``{field: [before, after]}`` of JSON values, each text cut to ``LONG_TEXT``."""
    return {name: [v[:LONG_TEXT] if isinstance(v, str) else v for v in pair]
            for name, pair in changes.items()}  # fmt: skip


PARENTS = ("project", "application", "indicator", "milestone", "registration", "post")


def town_of(obj: models.Model, depth: int = 0):
    """The municipality an object belongs to: itself, its ``municipality``, its parent's."""
    if obj._meta.label == "members.Municipality":
        return obj
    if getattr(obj, "municipality_id", None):
        return obj.municipality
    for name in PARENTS:
        if depth < 3 and getattr(obj, f"{name}_id", None):
            return town_of(getattr(obj, name), depth + 1)
    return None


def plain(value):
    """A value as JSON can keep it."""
    if isinstance(value, models.Model):
        return str(value)[:200]
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, str):
        return value[:LONG_TEXT]
    if isinstance(value, list | tuple | set):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if value is None or isinstance(value, bool | int | float):
        return value
    return str(value)[:LONG_TEXT]


def values_of(obj: models.Model, fields: Iterable[str] | None = None) -> dict:
    """The object's concrete field values (relations as their key), for a later ``changes``."""
    names = fields or [f.name for f in obj._meta.concrete_fields if not f.primary_key]
    result = {}
    for name in names:
        field = obj._meta.get_field(name)
        result[name] = plain(getattr(obj, field.attname))
    return result


def changes(before: dict, after: dict) -> dict:
    """{field: [before, after]} for every field whose value differs."""
    return {
        name: [plain(before.get(name)), plain(after.get(name))]
        for name in after
        if plain(before.get(name)) != plain(after.get(name))
    }


SECRET_FIELDS = {"password", "password1", "password2", "key_hash", "token", "usable_password"}


def form_changes(form) -> dict:
    """{field: [before, after]} for what a bound, valid form changed (never secrets)."""
    return {
        name: [plain(listed(form.initial.get(name))), plain(listed(form.cleaned_data.get(name)))]
        for name in form.changed_data
        if name not in SECRET_FIELDS
    }


def listed(value):
    """Many-to-many values as their names, objects as their text."""
    if isinstance(value, models.QuerySet | list | tuple):
        return [str(item) for item in value]
    if isinstance(value, models.Model):
        return str(value)
    return value


def changes_of(obj: models.Model, before: dict) -> dict:
    """What changed in ``obj`` since ``before`` (taken with ``values_of``)."""
    return changes(before, values_of(obj, before.keys()))
