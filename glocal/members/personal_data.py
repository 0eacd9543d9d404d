"""Everything the platform holds about one person, gathered from every app's ``mydata.py``.

An app that stores something about people holds a ``mydata.py`` with two functions:

- ``export(user) -> dict[str, list[dict]]``: section name → rows that ``json`` can write
  (dates and decimals are fine), only the person's own data;
- ``erase(user) -> None``: erase or anonymise what is personal, keep what belongs to a town.

They are found by name, like the desk's ``desk.py``: a new app adds its data without touching
this module. ``members`` erases last, because it anonymises the person other apps look up.
"""

import csv
import io
import json
import zipfile
from functools import cache
from importlib import import_module
from importlib.util import find_spec
from types import ModuleType

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder

from glocal.lib.spreadsheets import defuse_cell

OWN_APP = "glocal.members"


@cache
def providers() -> tuple[ModuleType, ...]:
    """Every installed Glocal app's ``mydata`` module, in app order, then ``audit`` (erasing
    from the entries that the other apps' erasing wrote) and ``members`` last."""
    found = []
    for config in apps.get_app_configs():
        name = f"{config.name}.mydata"
        if config.name.startswith("glocal.") and find_spec(name) is not None:
            found.append(import_module(name))

    def place(module: ModuleType) -> tuple[bool, bool]:
        return module.__name__.startswith(f"{OWN_APP}."), module.__name__ == "glocal.audit.mydata"

    return tuple(sorted(found, key=place))


def export_everything(user) -> dict[str, list[dict]]:
    """Every app's sections; two apps naming the same section share its rows."""
    sections: dict[str, list[dict]] = {}
    for provider in providers():
        for name, rows in provider.export(user).items():
            sections.setdefault(name, []).extend(rows)
    return sections


def erase_everywhere(user) -> None:
    """Run every app's ``erase``; callers hold the transaction (``services.close_account``)."""
    for provider in providers():
        provider.erase(user)


def as_json(sections: dict[str, list[dict]]) -> str:
    return json.dumps(sections, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def cell(value) -> object:
    """A value a spreadsheet shows as text: nested values as JSON, formulas defused."""
    if isinstance(value, dict | list):
        value = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    elif value is not None and not isinstance(value, str | int | float | bool):
        value = json.loads(json.dumps(value, cls=DjangoJSONEncoder))
    return defuse_cell("" if value is None else value)


def as_csv(rows: list[dict]) -> str:
    columns = list(dict.fromkeys(key for row in rows for key in row))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row.get(column)) for column in columns])
    return out.getvalue()


def data_zip(user) -> bytes:
    """``my-data.json`` with everything and one CSV per section, in one zip."""
    sections = export_everything(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("my-data.json", as_json(sections))
        for name, rows in sections.items():
            archive.writestr(f"{name}.csv", "\ufeff" + as_csv(rows))
    return buffer.getvalue()
