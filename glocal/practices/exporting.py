"""Exports of practices in exactly the column format ``importing`` reads back."""

import csv
import io
from typing import IO, Any

import openpyxl
from django.db import models
from django.utils.translation import gettext as _
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from glocal.lib.spreadsheets import defuse_cell

from .importing import RELATIONS, SEPARATOR
from .models import Practice
from .reading import COLUMNS


def export_rows(queryset: models.QuerySet) -> tuple[list[str], list[list[Any]]]:
    """The header and one list of cells per practice, in the columns ``read_rows`` reads."""
    practices = queryset.select_related("municipality").prefetch_related("themes", "sdgs")
    return list(COLUMNS), [[_export_cell(p, name) for name in COLUMNS] for p in practices]


def _export_cell(practice: Practice, name: str) -> Any:
    if name == "themes":
        return SEPARATOR.join(sorted(t.slug for t in practice.themes.all()))
    if name == "sdgs":
        return SEPARATOR.join(str(n) for n in sorted(s.number for s in practice.sdgs.all()))
    if name == "municipality":
        return practice.municipality.slug if practice.municipality_id else ""
    value = getattr(practice, RELATIONS.get(name, name))
    return "" if value is None else value


def write_csv(queryset: models.QuerySet, fileobj: IO[str]) -> None:
    """UTF-8 CSV with a byte-order mark (for spreadsheets); formula-like cells get a quote."""
    header, rows = export_rows(queryset)
    fileobj.write("\ufeff")
    writer = csv.writer(fileobj)
    writer.writerow(header)
    writer.writerows([[defuse_cell(cell) for cell in row] for row in rows])


def write_xlsx(queryset: models.QuerySet, fileobj: IO[bytes]) -> None:
    """One sheet, header first; text cells stay text even when they start with '='."""
    header, rows = export_rows(queryset)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(_("Practices"))
    sheet.append(header)
    for row in rows:
        sheet.append([_xlsx_cell(sheet, cell) for cell in row])
    buffer = io.BytesIO()
    book.save(buffer)
    fileobj.write(buffer.getvalue())


def _xlsx_cell(sheet, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = "s"
    return cell
