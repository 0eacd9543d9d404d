"""A prototype's variants as plain rows, to tell who changed them since an edit page opened.

A row is ``{"id", "name", "size", "budget", "description"}`` (``id`` None for a new variant).
The edit page signs the rows it showed; a save compares the rows it posts with them (did this
editor change the variants?) and the saved rows with them (did someone else, meanwhile?).
"""

from typing import Any

from django.forms import BaseFormSet
from django.http import QueryDict

from glocal.lib.edit_versions import plain

FIELDS = ("name", "size", "budget", "description")


def ordered(rows: list[dict]) -> list[dict]:
    """Saved variants by key, then new ones by their text: the order of neither page matters."""
    return sorted(rows, key=lambda row: (row["id"] is None, row["id"] or 0,
                                         *(row[name] for name in FIELDS)))  # fmt: skip


def saved_rows(prototype) -> list[dict]:
    """The variants as saved (stripped, as a form posts them)."""
    return ordered([{"id": variant.pk,
                     **{name: plain(getattr(variant, name).strip()) for name in FIELDS}}
                    for variant in prototype.variants.all()])  # fmt: skip


def posted_rows(formset: BaseFormSet) -> list[dict]:
    """The variants as the page posted them, before any check: each form's typed values, with
    ``delete`` when its box is ticked; blank new forms are left out."""
    rows = []
    for form in formset.forms:
        typed = {name: plain(str(form[name].value() or "").strip()) for name in FIELDS}
        row = {"id": parse_id(form["id"].value()), **typed}
        if row["id"] is None and not any(row[name] for name in FIELDS):
            continue
        ticked = "DELETE" in form.fields and bool(form["DELETE"].value())
        rows.append(row | {"delete": ticked})
    return rows


def parse_id(raw: Any) -> int | None:
    text = str(raw or "").strip()
    return int(text) if text.isdecimal() and len(text) < 10 else None


def kept(rows: list[dict]) -> list[dict]:
    """The posted rows that stay (no deletion ticked), shaped like ``saved_rows``."""
    return ordered([{key: row[key] for key in ("id", *FIELDS)} for row in rows
                    if not row.get("delete")])  # fmt: skip


def rebased(mine: list[dict], base: list[dict], theirs: list[dict]) -> list[dict]:
    """The editor's posted rows laid over what was saved meanwhile, for a refused save: their
    changes where this editor typed nothing, the variants they added, and the ones they removed
    left out unless this editor changed them (then kept as new ones, so nothing typed is lost)."""
    loaded, saved = {r["id"]: r for r in base}, {r["id"]: r for r in theirs}
    rows = []
    for row in mine:
        before, now = loaded.get(row["id"]), saved.get(row["id"])
        if row["id"] is not None and now is None:  # removed meanwhile
            if not row["delete"] and (before is None or kept([row]) != [before]):
                rows.append(row | {"id": None})
            continue
        if before is not None and now is not None:
            row = {key: now[key] if key in FIELDS and value == before[key] else value
                   for key, value in row.items()}  # fmt: skip
        rows.append(row)
    shown = {row["id"] for row in mine}
    rows += [row | {"delete": False} for row in theirs if row["id"] not in shown | set(loaded)]
    return rows


def as_data(data: QueryDict, rows: list[dict], prefix: str) -> QueryDict:
    """``data`` with the formset's forms replaced by ``rows`` (saved variants first, then new
    ones and one blank form to add another)."""
    data = data.copy()
    for key in [k for k in data if k.startswith(f"{prefix}-") and k.split("-")[1].isdecimal()]:
        del data[key]
    saved = [row for row in rows if row["id"] is not None]
    for number, row in enumerate(saved + [row for row in rows if row["id"] is None]):
        data[f"{prefix}-{number}-id"] = "" if row["id"] is None else str(row["id"])
        for name in FIELDS:
            data[f"{prefix}-{number}-{name}"] = row[name]
        if row.get("delete"):
            data[f"{prefix}-{number}-DELETE"] = "on"
    data[f"{prefix}-TOTAL_FORMS"] = str(len(rows) + 1)
    data[f"{prefix}-INITIAL_FORMS"] = str(len(saved))
    return data
