"""Reading practice files: our CSV, JSON and XLSX format, and the JRC IPS-X case list.

Every reader returns plain dicts keyed by column name, each with ``_row``, the row number
people see in the file (a spreadsheet's row, the header being row 1); a file that cannot be
read as a whole raises ``ImportFormatError`` with a message for the person who sent it.
``importing.import_practices`` validates the rows and writes them.
"""

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import openpyxl
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from glocal.lib.spreadsheets import FORMULA_STARTS
from glocal.reference.models import Country

from .models import Status

ROW_KEY = "_row"
CELL_LIMIT = 16 * 1024 * 1024  # characters a CSV cell may hold; longer values fail validation
COLUMNS = (
    "source_name", "source_id", "title", "summary", "municipality", "owner_name", "country",
    "start_year", "end_year", "themes", "sdgs", "target_groups", "situation_before",
    "objectives", "approach", "partners", "budget_eur", "budget_notes", "cost_band", "staff",
    "duration_months", "results", "evidence", "lessons", "transferability", "award", "links",
    "contact_name", "contact_email", "source_url", "licence", "status",
)  # fmt: skip
COUNTRY_ALIASES = {"EL": "GR", "UK": "GB"}  # EU usage for Greece and the United Kingdom
IPSX_SOURCE = "JRC IPS-X"
IPSX_LICENCE = "EUPL-1.2"
IPSX_MARKERS = {"entry_type", "cid", "geocoverage_codes"}
IPSX_THEMES = {  # start of a word in the COFOG sector names → theme slug
    "general public services": "digital-services", "economic affairs": "local-economy",
    "unemployment": "local-economy", "health": "health", "education": "education",
    "social protection": "social-cohesion", "family and children": "children-youth",
    "old age": "older-people", "environment": "environment-climate", "housing": "housing",
    "waste management": "waste-circular", "cultur": "culture",  # not agriculture
}  # fmt: skip


class ImportFormatError(ValueError):
    """The file as a whole cannot be read: wrong format, bad encoding, unknown columns."""


def read_rows(source: str | Path | IO, fmt: str) -> list[dict]:
    """Rows from a path or an open file (text or binary): ``csv``, ``json``, ``xlsx``, ``ipsx``."""
    readers = {"csv": _read_csv, "json": _read_json, "xlsx": _read_xlsx, "ipsx": _read_ipsx}
    if fmt not in readers:
        raise ImportFormatError(_("unknown format '%(format)s'") % {"format": fmt})
    data = Path(source).read_bytes() if isinstance(source, str | Path) else source.read()
    return readers[fmt](data)


def _text(data: bytes | str) -> str:
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            message = _("the file is not UTF-8 text (line %(line)s); save it as UTF-8 and retry")
            raise ImportFormatError(message % {"line": line}) from error
    return data.removeprefix("\ufeff")


def _csv_lines(data: bytes | str) -> Iterator[list[str]]:
    """The rows of a CSV text; a malformed file (an unclosed quote, a NUL byte) is one error."""
    csv.field_size_limit(CELL_LIMIT)  # larger cells are then refused by length, row by row
    reader = csv.reader(io.StringIO(_text(data), newline=""))
    try:
        yield from reader
    except csv.Error as error:
        message = _("line %(line)s cannot be read as CSV: %(error)s")
        raise ImportFormatError(message % {"line": reader.line_num, "error": error}) from error


def _too_many_cells(number: int) -> ImportFormatError:
    return ImportFormatError(_("row %s has more cells than the header") % number)


def _check_header(header: Iterable[str]) -> None:
    unknown = [name for name in header if name not in COLUMNS]
    if unknown:
        raise ImportFormatError(_("unknown columns: %(names)s") % {"names": ", ".join(unknown)})


def _read_csv(data: bytes | str) -> list[dict]:
    lines = _csv_lines(data)
    header = [name.strip().lower() for name in next(lines, [])]
    _check_header(header)
    rows = []
    for number, cells in enumerate(lines, start=2):
        if len(cells) > len(header):
            raise _too_many_cells(number)
        if any(cell.strip() for cell in cells):
            rows.append(_record(number, header, map(_undefuse, cells)))
    return rows


def _record(number: int, header: list[str], cells: Iterable[Any]) -> dict:
    """One row as a dict; missing trailing cells count as empty."""
    values = {name: cell for name, cell in zip(header, cells, strict=False) if cell is not None}
    return {ROW_KEY: number, **dict.fromkeys(header, ""), **values}


def _read_json(data: bytes | str) -> list[dict]:
    try:
        records = json.loads(_text(data))
    except json.JSONDecodeError as error:
        raise ImportFormatError(_("the file is not valid JSON: %s") % error) from error
    except RecursionError as error:
        raise ImportFormatError(_("the JSON file is nested too deeply")) from error
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise ImportFormatError(_("the JSON file must hold a list of objects"))
    return [{**record, ROW_KEY: number} for number, record in enumerate(records, start=1)]


def _read_xlsx(data: bytes | str) -> list[dict]:
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises zip, XML and key errors alike
        raise ImportFormatError(_("the file is not an XLSX workbook")) from error
    try:
        lines = book.worksheets[0].iter_rows(values_only=True)
        header = [str(name or "").strip().lower() for name in next(lines, ())]
        while header and not header[-1]:
            header.pop()
        _check_header(header)
        return [
            _record(number, header, cells)
            for number, cells in enumerate(lines, start=2)
            if any(v not in (None, "") for v in cells)
        ]
    finally:
        book.close()


def _read_ipsx(data: bytes | str) -> list[dict]:
    lines = _csv_lines(data)
    header = next(lines, [])
    if not set(header) >= IPSX_MARKERS:
        raise ImportFormatError(_("the file does not have the JRC IPS-X columns"))
    known = set(Country.objects.values_list("iso", flat=True))
    rows = []
    for number, cells in enumerate(lines, start=2):
        if len(cells) > len(header):
            raise _too_many_cells(number)
        record = dict(zip(header, cells, strict=False))
        if (record.get("id") or "").strip():
            rows.append({ROW_KEY: number, **ipsx_row(record, known_countries=known)})
    return rows


def ipsx_row(record: dict[str, str], *, known_countries: set[str]) -> dict:
    """One IPS-X case in our column names."""
    cell = {key: (value or "").strip() for key, value in record.items()}
    name, description = cell.get("name", ""), cell.get("description", "")
    sectors = f"{cell.get('primary_sector', '')} {cell.get('secondary_sector', '')}".lower()
    return {
        "source_id": cell["id"],
        "title": Truncator(name).chars(200),
        "summary": summarise(description) or name,
        "approach": description,
        "owner_name": Truncator(cell.get("lead_organisation_name", "")).chars(200),
        "country": _ipsx_country(cell.get("geocoverage_codes", ""), known_countries),
        "start_year": _ipsx_year(cell.get("start_date", "")),
        "end_year": _ipsx_year(cell.get("end_date", "")),
        "source_url": _ipsx_url(cell.get("url", "")),
        "licence": IPSX_LICENCE,
        "status": Status.PUBLISHED,
        "themes": sorted(
            {slug for w, slug in IPSX_THEMES.items() if re.search(rf"\b{w}", sectors)}
        ),
    }


def summarise(text: str, limit: int = 600) -> str:
    """The first ``limit`` characters, cut at the last full sentence when there is one."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    ends = [m.end() for m in re.finditer(r"[.!?](?=\s)", text[: limit + 1])]
    if ends and ends[-1] >= limit // 3:
        return text[: ends[-1]]
    return text[:limit].rsplit(" ", 1)[0] + "…"


def _ipsx_country(codes: str, known: set[str]) -> str:
    first = (re.split(r"[\s,;]+", codes.strip()) or [""])[0].upper()
    first = COUNTRY_ALIASES.get(first, first)
    return first if first in known else ""


def _ipsx_year(value: str) -> int | None:
    match = re.fullmatch(r"(\d{4})(?:\.0+)?", value.strip())
    return int(match[1]) if match and 1950 <= int(match[1]) <= 2100 else None


def _ipsx_url(value: str) -> str:
    url = f"https://{value}" if value.startswith("www.") else value
    return url if is_web_address(url) and len(url) <= 500 else ""


def is_web_address(text: str) -> bool:
    try:
        URLValidator(schemes=["http", "https"])(text)
    except ValidationError:
        return False
    return True


def _undefuse(cell: str) -> str:
    return cell[1:] if cell[:1] == "'" and cell[1:2] in FORMULA_STARTS else cell
