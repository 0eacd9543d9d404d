"""Saving over what others saved meanwhile: every edit names the version it was based on.

A record people edit counts its saves in a ``version`` column. An edit page sends that number
back (hidden ``version`` field) with the values it was rendered with, signed (hidden ``base``),
so the server can merge three-way (``three_way.merge_fields``): fields only this editor changed
are written, fields only others changed are kept, a field both changed differently is an
``EditConflict`` shown beside the editor's text, and nothing is written. An API write sends
``version`` in its body (or an ``If-Match`` header) and gets 409 with the current version.
"""

import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.core import signing
from django.db import models
from django.http import HttpRequest, QueryDict

from .three_way import merge_fields

SALT = "glocal.edit-base"
MAX_AGE = 60 * 60 * 24 * 7


class EditConflict(Exception):
    """Someone saved the same fields differently since this editor loaded the record."""

    def __init__(self, record: models.Model, conflicts: dict[str, tuple[Any, Any]],
                 kept: dict[str, Any] | None = None, version: int | None = None):  # fmt: skip
        super().__init__(sorted(conflicts))
        self.record, self.conflicts = record, conflicts
        self.kept = kept or {}  # fields only the others changed: their values
        # the record's count now (an admin page's inline row counts none of its own)
        self.version = getattr(record, "version", None) if version is None else version

    def refilled(self, data: QueryDict) -> QueryDict:
        """The editor's posted form with the others' changes laid in where they did not
        type, so saving it again keeps both and loses nothing."""
        data = data.copy()
        for name, value in self.kept.items():
            values = value if isinstance(value, list) else [value]
            data.setlist(name, ["" if v is None else str(v) for v in values])
        return data


class StaleState(Exception):
    """A transition asked from a state the record has left meanwhile; the message says so."""

    def __init__(self, record: models.Model, message: str):
        super().__init__(message)
        self.record = record


def plain(value: Any) -> Any:
    """A form or model value as JSON: dates as ISO text, decimals as text, rows as keys."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, dict):
        return {name: plain(item) for name, item in value.items()}
    if isinstance(value, (models.QuerySet, list, tuple, set)):
        return sorted(plain(item) for item in value)
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, str):
        return value.replace("\r\n", "\n")  # browsers send a textarea's lines with CRLF
    if isinstance(value, Decimal):
        return str(value.normalize()) if value == value.to_integral() else str(value)
    return value


def row_values(record: models.Model, names: list[str]) -> dict[str, Any]:
    """A saved row's fields as JSON for a three-way merge: relations as keys, moments in UTC."""
    values = {}
    for name in names:
        field = record._meta.get_field(name)
        value = getattr(record, field.attname) if not field.many_to_many else None
        if field.many_to_many:
            value = list(getattr(record, name).values_list("pk", flat=True)) if record.pk else []
        values[name] = plain(utc(value))
    return values


def cleaned_values(form: forms.BaseForm, names: list[str]) -> dict[str, Any]:
    """A valid form's values shaped like ``row_values``."""
    return {name: plain(utc(form.cleaned_data.get(name))) for name in names}


def utc(value: Any) -> Any:
    """A moment typed in one zone and read back in another compares equal."""
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return value.astimezone(datetime.UTC)
    return value


def posted_version(request: HttpRequest) -> int | None:
    """The version an edit page or a form button was rendered with (``None``: not sent)."""
    return parse_version(request.POST.get("version", ""))


def parse_version(raw: Any) -> int | None:
    text = str(raw if raw is not None else "").strip().strip('"').removeprefix("W/").strip('"')
    return int(text) if text.isdecimal() and len(text) < 10 else None


def sign_base(values: dict[str, Any]) -> str:
    return signing.dumps(values, salt=SALT)


def loaded_base(request: HttpRequest) -> dict | None:
    """The values the editor's page was rendered with (signed, so not forgeable)."""
    return load_base(request.POST.get("base", ""))


def load_base(signed: str) -> dict | None:
    try:
        return signing.loads(signed, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None


def merge_edit(
    *, record: models.Model, base_version: int | None, base: dict | None,
    theirs: dict[str, Any], mine: dict[str, Any], version: int | None = None,
) -> dict[str, Any]:  # fmt: skip
    """The fields to write; raises EditConflict when a stale edit touches a changed field.

    Without a version (a script) or on the current version, every changed field is written;
    on a stale version without its values, every field that differs is a conflict.
    ``version`` is the record's count when its column has another name (``profile_version``).
    """
    version = record.version if version is None else version
    if base_version is None or base_version == version:
        return {name: value for name, value in mine.items() if theirs.get(name) != value}
    base = base or {}
    to_write, conflicts = merge_fields(base=base, theirs=theirs, mine=mine)
    if conflicts:
        kept = {name: theirs.get(name) for name in mine
                if name in base and mine[name] == base[name] != theirs.get(name)}  # fmt: skip
        raise EditConflict(record, conflicts, kept, version)
    return to_write


def conflict_rows(form, conflict: EditConflict) -> list[dict]:
    """Each field two people changed: its label, the saved value and this editor's, as words."""
    rows = []
    order = list(form.fields) if form is not None else []
    place = {name: number for number, name in enumerate(order)}
    for name in sorted(conflict.conflicts, key=lambda n: (place.get(n, len(order)), n)):
        theirs, mine = conflict.conflicts[name]
        field = form.fields.get(name) if form is not None else None
        plain_choices = isinstance(field, forms.ChoiceField) and not hasattr(field, "queryset")
        choices = dict(field.choices) if plain_choices else {}
        rows.append(
            {
                "label": field.label if field is not None and field.label else name,
                "theirs": choices.get(theirs, theirs),
                "mine": choices.get(mine, mine),
            }
        )
    return rows


def as_posted(request: HttpRequest, base_name: str = "base") -> dict[str, str]:
    """A refused form's hidden version and values as they came, so its next save still merges."""
    return {"version": request.POST.get("version", ""), base_name: request.POST.get("base", "")}


def conflict_context(form: forms.BaseForm, conflict: EditConflict, saved: dict) -> dict:
    """An edit page after a refused save: the form refilled with what was typed, each field
    both people changed, and the saved version and values the next save is based on."""
    return {"form": form, "conflicts": conflict_rows(form, conflict),
            "version": conflict.version, "base": sign_base(saved)}  # fmt: skip


def conflict_body(message: str, record: models.Model, conflict: EditConflict | None = None):
    """The API's 409 answer: the error envelope, the current version and the fields at stake."""
    version = conflict.version if conflict is not None else record.version
    detail: dict[str, Any] = {"code": "conflict", "message": message, "version": version}
    if conflict is not None:
        detail["fields"] = {
            name: {"current": plain(theirs), "yours": plain(mine)}
            for name, (theirs, mine) in conflict.conflicts.items()
        }
    return {"error": detail}
