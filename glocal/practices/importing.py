"""Practices in and out of files: our CSV, JSON and XLSX format, and the JRC IPS-X case list.

Every reader returns plain dicts keyed by column name; ``import_practices`` validates them
all and writes them in one transaction, or writes nothing. Each dict may carry ``_row``,
the row number people see in the file (a spreadsheet's row, the header being row 1).
"""

import csv
import html
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import nh3
import openpyxl
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import URLValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from glocal.lib.html import clean_html
from glocal.lib.spreadsheets import FORMULA_STARTS
from glocal.members.models import Municipality, User
from glocal.reference.models import Country, Sdg, Theme

from .forms import RICH_FIELDS
from .models import Practice, Revision, Status
from .services import record_revision, refresh_search_of, unique_slug

ROW_KEY = "_row"
SEPARATOR = ";"
COLUMNS = (
    "source_name", "source_id", "title", "summary", "municipality", "owner_name", "country",
    "start_year", "end_year", "themes", "sdgs", "target_groups", "situation_before",
    "objectives", "approach", "partners", "budget_eur", "budget_notes", "cost_band", "staff",
    "duration_months", "results", "evidence", "lessons", "transferability", "award", "links",
    "contact_name", "contact_email", "source_url", "licence", "status",
)  # fmt: skip
RELATIONS = {"country": "country_id", "municipality": "municipality_id"}
MANY = ("themes", "sdgs")
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


@dataclass(frozen=True)
class RowError:
    row_number: int
    message: str

    def __str__(self) -> str:
        return _("row %(n)s: %(message)s") % {"n": self.row_number, "message": self.message}


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    practice_ids: list[int] = field(default_factory=list)  # created or updated

    def counts(self) -> dict[str, int]:
        numbers = {name: getattr(self, name) for name in ("created", "updated", "unchanged")}
        return {**numbers, "errors": len(self.errors)}


# Readers ---------------------------------------------------------------------------------


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
            raise ImportFormatError(_("the file is not UTF-8 text")) from error
    return data.removeprefix("\ufeff")


def _check_header(header: Iterable[str]) -> None:
    unknown = [name for name in header if name not in COLUMNS]
    if unknown:
        raise ImportFormatError(_("unknown columns: %(names)s") % {"names": ", ".join(unknown)})


def _read_csv(data: bytes | str) -> list[dict]:
    reader = csv.reader(io.StringIO(_text(data), newline=""))
    header = [name.strip().lower() for name in next(reader, [])]
    _check_header(header)
    rows = []
    for number, cells in enumerate(reader, start=2):
        if len(cells) > len(header):
            raise ImportFormatError(_("row %s has more cells than the header") % number)
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
    reader = csv.DictReader(io.StringIO(_text(data), newline=""))
    if not set(reader.fieldnames or ()) >= IPSX_MARKERS:
        raise ImportFormatError(_("the file does not have the JRC IPS-X columns"))
    known = set(Country.objects.values_list("iso", flat=True))
    return [
        {ROW_KEY: number, **ipsx_row(record, known_countries=known)}
        for number, record in enumerate(reader, start=2)
        if (record.get("id") or "").strip()
    ]


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
    return url if _is_web_address(url) and len(url) <= 500 else ""


def _is_web_address(text: str) -> bool:
    try:
        URLValidator(schemes=["http", "https"])(text)
    except ValidationError:
        return False
    return True


# The import --------------------------------------------------------------------------------


class _RowInvalid(Exception):
    pass


@dataclass
class _Lookups:
    """What one import needs to know, fetched once: codes, slugs and the stored practices."""

    source_name: str
    countries: set[str]
    themes: dict[str, int]
    sdgs: set[int]
    municipalities: dict[str, int]
    existing: dict[tuple[str, str], Practice]
    stored_many: dict[int, dict[str, set]]
    seen: dict[tuple[str, str], int] = field(default_factory=dict)

    @classmethod
    def load(cls, *, source_name: str, rows: list[dict]) -> "_Lookups":
        names = {source_name} | {str(r.get("source_name") or "").strip() for r in rows} - {""}
        existing = Practice.objects.filter(source_name__in=names).exclude(source_id="")
        stored: dict[int, dict[str, set]] = {}
        for model, value, key in (
            (Practice.themes.through, "theme__slug", "themes"),
            (Practice.sdgs.through, "sdg_id", "sdgs"),
        ):
            pairs = model.objects.filter(practice__in=existing).values_list("practice_id", value)
            for pk, item in pairs:
                stored.setdefault(pk, {"themes": set(), "sdgs": set()})[key].add(item)
        return cls(
            source_name=source_name,
            countries=set(Country.objects.values_list("iso", flat=True)),
            themes=dict(Theme.objects.values_list("slug", "pk")),
            sdgs=set(Sdg.objects.values_list("number", flat=True)),
            municipalities=dict(Municipality.objects.values_list("slug", "pk")),
            existing={(p.source_name, p.source_id): p for p in existing},
            stored_many=stored,
        )


@dataclass
class _Plan:
    practice: Practice
    is_new: bool
    changed: bool
    many: dict[str, set]


def import_practices(
    *,
    rows: list[dict],
    source_name: str,
    user: User | None = None,
    progress: Callable[[int], object] | None = None,
    embed_later: bool = True,
) -> ImportResult:
    """Create or update practices keyed by (source, source id), all rows or none.

    A row may name its own ``source_name``; otherwise ``source_name`` applies. Rows equal to
    the stored practice are left alone. If any row is invalid nothing is written and the
    result lists every row's problems. Search is refreshed once for the whole file; the
    written practices are embedded by one background task, or by the caller when
    ``embed_later`` is false (``result.practice_ids`` says which).
    """
    lookups, result = _Lookups.load(source_name=source_name, rows=rows), ImportResult()
    with transaction.atomic():
        for index, row in enumerate(rows, start=1):
            number = row.get(ROW_KEY, index)
            try:
                plan = _plan_row(row, number=number, lookups=lookups)
            except _RowInvalid as problems:
                result.errors.append(RowError(number, "; ".join(problems.args[0])))
            else:
                if not result.errors:
                    _write(plan, user=user, result=result, lookups=lookups)
            if progress:
                progress(1)
        if result.errors:
            transaction.set_rollback(True)
            result.created = result.updated = result.unchanged = 0
            result.practice_ids = []
        else:
            refresh_search_of(result.practice_ids, embed=embed_later)
    return result


def _plan_row(row: dict, *, number: int, lookups: _Lookups) -> _Plan:
    values, many, problems = _parse(row, lookups)
    values["source_name"] = values.get("source_name") or lookups.source_name
    key = (values["source_name"], values.get("source_id", ""))
    first = lookups.seen.setdefault(key, number)
    if not key[1]:
        problems.append(_("source_id is required"))
    elif first != number:
        problems.append(
            _("source id '%(id)s' is repeated from row %(row)s") % {"id": key[1], "row": first}
        )
    practice = lookups.existing.get(key)
    is_new = practice is None
    practice = practice or Practice()
    stored = lookups.stored_many.get(practice.pk, {"themes": set(), "sdgs": set()})
    changed = any(getattr(practice, name) != value for name, value in values.items()) or any(
        stored[name] != items for name, items in many.items()
    )
    for name, value in values.items():
        setattr(practice, name, value)
    problems += _model_problems(practice)
    if problems:
        raise _RowInvalid(problems)
    return _Plan(practice=practice, is_new=is_new, changed=is_new or changed, many=many)


def _model_problems(practice: Practice) -> list[str]:
    problems = []
    try:
        practice.full_clean(
            exclude=["slug", "country", "municipality", "created_by"],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            prefix = "" if name == NON_FIELD_ERRORS else f"{name}: "
            problems += [f"{prefix}{message}" for message in messages]
    if practice.start_year and practice.end_year and practice.end_year < practice.start_year:
        problems.append(_("end_year: the end year cannot be before the start year"))
    bad_links = [line for line in practice.link_list if not _is_web_address(line)]
    if bad_links:
        problems.append(_("links: '%(value)s' is not a web address") % {"value": bad_links[0]})
    for f in Practice._meta.concrete_fields:
        value = getattr(practice, f.attname)
        if isinstance(f, models.TextField) and f.max_length and len(value) > f.max_length:
            limit = {"name": f.name, "max": f.max_length}
            problems.append(_("%(name)s: at most %(max)d characters") % limit)
    return problems


def _write(plan: _Plan, *, user: User | None, result: ImportResult, lookups: _Lookups) -> None:
    if not plan.changed:
        result.unchanged += 1
        return
    practice = plan.practice
    if plan.is_new:
        practice.slug = unique_slug(practice.title)
        practice.created_by = user
    if practice.status == Status.PUBLISHED and practice.published_at is None:
        practice.published_at = timezone.now()
    practice.save()
    if "themes" in plan.many:
        practice.themes.set([lookups.themes[slug] for slug in plan.many["themes"]])
    if "sdgs" in plan.many:
        practice.sdgs.set(plan.many["sdgs"])
    note = _("Imported from %(source)s") % {"source": practice.source_name}
    record_revision(
        practice=practice, action=Revision.Action.IMPORTED, user=user, note=note, search=False
    )
    result.practice_ids.append(practice.pk)
    if plan.is_new:
        result.created += 1
    else:
        result.updated += 1


# Turning cells into values -------------------------------------------------------------------


def _parse(row: dict, lookups: _Lookups) -> tuple[dict[str, Any], dict[str, set], list[str]]:
    """Model attribute values, many-to-many sets and problems, from one row of cells."""
    values: dict[str, Any] = {}
    many: dict[str, set] = {}
    problems: list[str] = []
    for name, raw in row.items():
        if name == ROW_KEY:
            continue
        if name not in COLUMNS:
            problems.append(_("unknown column '%(name)s'") % {"name": name})
            continue
        try:
            if name in MANY:
                many[name] = _many(name, raw, lookups)
            elif (value := _value(name, raw, lookups)) is not None or _nullable(name):
                values[RELATIONS.get(name, name)] = value
        except ValueError as error:
            problems.append(str(error))
    return values, many, problems


def _nullable(name: str) -> bool:
    return name in RELATIONS or Practice._meta.get_field(name).null


def _value(name: str, raw: Any, lookups: _Lookups) -> Any:
    """The attribute value of one cell; ``None`` for an empty cell of a field with a default."""
    text = _cell_text(raw)
    if name == "country":
        code = COUNTRY_ALIASES.get(text.upper(), text.upper())
        if code and code not in lookups.countries:
            raise ValueError(_("country '%(value)s' is not a known ISO code") % {"value": text})
        return code or None
    if name == "municipality":
        if text and text not in lookups.municipalities:
            raise ValueError(_("municipality '%(value)s' is not known") % {"value": text})
        return lookups.municipalities.get(text)
    model_field = Practice._meta.get_field(name)
    if isinstance(model_field, models.PositiveIntegerField | models.PositiveSmallIntegerField):
        return _integer(name, text)
    if not text and not model_field.blank and model_field.has_default():
        return None
    if isinstance(model_field, models.URLField | models.EmailField):
        return text
    return clean_html(text) if name in RICH_FIELDS else plain_text(text)


def _many(name: str, raw: Any, lookups: _Lookups) -> set:
    items = raw if isinstance(raw, list) else _cell_text(raw).split(SEPARATOR)
    items = [_cell_text(item) for item in items if _cell_text(item)]
    if name == "themes":
        unknown = [item for item in items if item.lower() not in lookups.themes]
        if unknown:
            raise ValueError(_("theme '%(value)s' is not known") % {"value": unknown[0]})
        return {item.lower() for item in items}
    bad = [item for item in items if not item.isdecimal() or int(item) not in lookups.sdgs]
    if bad:
        raise ValueError(_("SDG '%(value)s' is not a goal number from 1 to 17") % {"value": bad[0]})
    return {int(item) for item in items}


def _integer(name: str, text: str) -> int | None:
    if not text:
        return None
    match = re.fullmatch(r"(\d+)(?:\.0*)?", text)
    if not match:
        problem = _("%(name)s '%(value)s' is not a whole number")
        raise ValueError(problem % {"name": name, "value": text})
    return int(match[1])


def _cell_text(raw: Any) -> str:
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return str(raw).strip()


def plain_text(text: str) -> str:
    """Text without any HTML: tags and scripts dropped, entities turned back into characters."""
    if not text:
        return ""
    return html.unescape(nh3.clean(text, tags=set())).strip()


def _undefuse(cell: str) -> str:
    return cell[1:] if cell[:1] == "'" and cell[1:2] in FORMULA_STARTS else cell


# Export ------------------------------------------------------------------------------------
