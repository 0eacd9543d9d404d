"""Importing practices: the rows ``reading.read_rows`` gives, validated and written together.

``import_practices`` validates every row and writes them all in one transaction, in bulk
batches, or writes nothing and lists every row's problems.
"""

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import nh3
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from glocal.audit.services import record_many
from glocal.lib.html import clean_html
from glocal.lib.slugs import unique_slug_among
from glocal.members.models import Municipality, User
from glocal.reference.models import Country, Sdg, Theme

from .forms import RICH_FIELDS
from .models import Practice, Revision, Status
from .reading import COLUMNS, COUNTRY_ALIASES, ROW_KEY, is_web_address
from .services import changed_fields, refresh_search_of, snapshot

BATCH = 500  # rows written per bulk query
SEPARATOR = ";"
RELATIONS = {"country": "country_id", "municipality": "municipality_id"}
MANY = ("themes", "sdgs")

UPDATED_FIELDS = [
    f.name for f in Practice._meta.concrete_fields
    if f.name not in {"id", "slug", "created_at", "created_by"}
]  # fmt: skip


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
    slugs: set[str]
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
            slugs=set(Practice.objects.values_list("slug", flat=True)),
        )


@dataclass
class _Plan:
    practice: Practice
    is_new: bool
    changed: bool
    many: dict[str, set]


def import_practices(
    *,
    rows: Iterable[dict],
    source_name: str,
    user: User | None = None,
    progress: Callable[[int], object] | None = None,
    embed_later: bool = True,
) -> ImportResult:
    """Create or update practices keyed by (source, source id), all rows or none.

    A row may name its own ``source_name``; otherwise ``source_name`` applies. Rows equal to
    the stored practice are left alone. If any row is invalid nothing is written and the
    result lists every row's problems. Rows are written in batches of ``BATCH`` (a few bulk
    queries each, so large files go at thousands of rows a second). Search is refreshed once
    for the whole file; the written practices are embedded by one background task, or by the
    caller when ``embed_later`` is false (``result.practice_ids`` says which).
    """
    rows = rows if isinstance(rows, list) else list(rows)
    lookups, result = _Lookups.load(source_name=source_name, rows=rows), ImportResult()
    note = _("Imported from %(source)s")
    with transaction.atomic():
        batch: list[_Plan] = []
        for index, row in enumerate(rows, start=1):
            number = row.get(ROW_KEY, index)
            try:
                plan = _plan_row(row, number=number, lookups=lookups)
            except _RowInvalid as problems:
                result.errors.append(RowError(number, "; ".join(problems.args[0])))
                batch = []
            else:
                if not result.errors:
                    batch.append(plan)
            if len(batch) >= BATCH:
                _write_batch(batch, user=user, note=note, result=result, lookups=lookups)
                batch = []
            if progress:
                progress(1)
        if result.errors:
            transaction.set_rollback(True)
            result.created = result.updated = result.unchanged = 0
            result.practice_ids = []
        else:
            _write_batch(batch, user=user, note=note, result=result, lookups=lookups)
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
    bad_links = [line for line in practice.link_list if not is_web_address(line)]
    if bad_links:
        problems.append(_("links: '%(value)s' is not a web address") % {"value": bad_links[0]})
    for f in Practice._meta.concrete_fields:
        value = getattr(practice, f.attname)
        if isinstance(f, models.TextField) and f.max_length and len(value) > f.max_length:
            limit = {"name": f.name, "max": f.max_length}
            problems.append(_("%(name)s: at most %(max)d characters") % limit)
    return problems


def _write_batch(
    plans: list[_Plan], *, user: User | None, note: str, result: ImportResult, lookups: _Lookups
) -> None:
    """Insert the new practices and update the changed ones in bulk, with their themes, SDGs
    and one history entry each, as the row-by-row form of ``save_practice`` would."""
    changed = [plan for plan in plans if plan.changed]
    result.unchanged += len(plans) - len(changed)
    new = [plan.practice for plan in changed if plan.is_new]
    stored = [plan.practice for plan in changed if not plan.is_new]
    now = timezone.now()
    for practice in new:
        practice.slug = unique_slug_among(lookups.slugs, practice.title, "practice")
        practice.created_by = user
    for practice in stored:
        practice.version += 1
        practice.updated_at = now
    for plan in changed:
        if plan.practice.status == Status.PUBLISHED and plan.practice.published_at is None:
            plan.practice.published_at = now
    Practice.objects.bulk_create(new, batch_size=BATCH)
    Practice.objects.bulk_update(stored, UPDATED_FIELDS, batch_size=100)
    _write_many(changed, lookups)
    _write_revisions(changed, user=user, note=note, lookups=lookups)
    result.practice_ids += [plan.practice.pk for plan in changed]
    result.created += len(new)
    result.updated += len(stored)


def _write_many(plans: list[_Plan], lookups: _Lookups) -> None:
    """Replace the themes and SDGs the rows name, for every practice of the batch at once."""
    for name, column, key in (("themes", "theme_id", lookups.themes.get), ("sdgs", "sdg_id", int)):
        through = getattr(Practice, name).through
        named = [plan for plan in plans if name in plan.many]
        through.objects.filter(practice__in=[p.practice.pk for p in named if not p.is_new]).delete()
        through.objects.bulk_create(
            [through(practice_id=plan.practice.pk, **{column: key(item)})
             for plan in named for item in sorted(plan.many[name])],
            batch_size=BATCH,
        )  # fmt: skip


def _write_revisions(plans: list[_Plan], *, user: User | None, note: str, lookups) -> None:
    """One "imported" history entry per written practice, its changes against the last one."""
    latest: dict[int, dict] = {}
    earlier = Revision.objects.filter(practice__in=[p.practice.pk for p in plans if not p.is_new])
    for pk, shot in earlier.order_by("created_at", "pk").values_list("practice_id", "snapshot"):
        latest[pk] = shot
    revisions, audited = [], []
    for plan in plans:
        practice = plan.practice
        many = lookups.stored_many.get(practice.pk, {"themes": set(), "sdgs": set()})
        current, before = (
            snapshot(practice, many={**many, **plan.many}),
            latest.get(practice.pk, {}),
        )
        changed = changed_fields(before, current)
        revisions.append(Revision(
            practice=practice, action=Revision.Action.IMPORTED, user=user,
            note=note % {"source": practice.source_name}, changed_fields=changed, snapshot=current,
        ))  # fmt: skip
        # a new practice's every field is in its first revision; the log names the row
        diff = {k: [before.get(k), current[k]] for k in changed} if before else {
            "source_id": [None, practice.source_id]}  # fmt: skip
        audited.append((practice, diff))
    Revision.objects.bulk_create(revisions, batch_size=BATCH)
    record_many(actor=user, action="practice.imported", changed=audited)


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
