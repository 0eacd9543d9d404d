"""The showroom from a per-process table of the published practices' facet values.

Counting nine facets in SQL reads every published practice nine times per page (0.8 s at
20,000 practices). Each process instead keeps a ``FacetTable``: the published practice ids
in the showroom's order and, per facet, a code per practice (one value) or a boolean
practice × value matrix (themes, SDGs). Filters, counts, the order of a page and related
practices are then numpy operations, and only the 20 cards of a page are fetched.

The table follows the search index generation (every write to a practice bumps it): it is
read again when the generation moved and a published practice, or one it holds, changed;
``MAX_AGE`` bounds what other writes (a town's population, a country's region) leave stale.
Without ``SEARCH_REBUILD_IN_BACKGROUND`` (tests) it is read on every request.
"""

import dataclasses
import datetime
import threading
import time
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.http import QueryDict
from django.utils import timezone

from .facets import FACETS, Facet, apply_facets
from .models import Practice, Status
from .search import WORD, database_search, ranked_ids

ORDER = ("-published_at", "title", "pk")  # the showroom's own order, ties broken by id
CHECK_SECONDS = 0.2  # as the search engine: a save shows up in other workers within this
MAX_AGE = 300.0  # seconds; bounds staleness from writes that do not bump the generation
CLOCK_MARGIN = datetime.timedelta(seconds=30)  # longer than a write transaction lasts


@dataclass
class Column:
    """One facet's values: ``pairs[code]`` is (value, label); ``codes`` gives each practice's
    code for a single-valued facet, ``members`` practice × code for a many-valued one."""

    pairs: list[tuple]
    codes: np.ndarray | None = None
    members: np.ndarray | None = None

    def matching(self, values: list[str]) -> np.ndarray:
        """Rows holding one of ``values`` (as given in a URL)."""
        wanted = [c for c, (value, _) in enumerate(self.pairs)
                  if value is not None and str(value) in values]  # fmt: skip
        if self.members is not None:
            return self.members[:, wanted].any(axis=1)
        return np.isin(self.codes, wanted)

    def tally(self, rows: np.ndarray) -> np.ndarray:
        """How many of the rows in the boolean mask ``rows`` hold each code."""
        if self.members is not None:
            return np.count_nonzero(self.members[rows], axis=0)
        return np.bincount(self.codes[rows], minlength=len(self.pairs))


@dataclass
class FacetTable:
    generation: int
    read_at: datetime.datetime
    built_at: float
    ids: np.ndarray  # published practice ids, in ``ORDER``
    columns: dict[str, Column]
    row_of: dict[int, int]
    _ranks: dict = field(default_factory=dict)

    def rank(self, order: tuple) -> np.ndarray:
        """Each row's position when the published practices are ordered by ``order``."""
        if order not in self._ranks:
            ordered = Practice.objects.published().order_by(*order, "pk")
            position = {pk: i for i, pk in enumerate(ordered.values_list("pk", flat=True))}
            self._ranks[order] = np.array([position.get(int(pk), len(position))
                                           for pk in self.ids], dtype=np.int64)  # fmt: skip
        return self._ranks[order]

    def rows(self, ids: list[int]) -> np.ndarray:
        return np.array([self.row_of[pk] for pk in ids if pk in self.row_of], dtype=np.int64)


def single_column(values: list, labels: list) -> Column:
    pairs = list(zip(values, labels, strict=True))
    code_of = {pair: code for code, pair in enumerate(dict.fromkeys(pairs))}
    codes = np.fromiter(map(code_of.__getitem__, pairs), dtype=np.int32, count=len(pairs))
    return Column(pairs=list(code_of), codes=codes)


def many_column(facet: Facet, ids: np.ndarray) -> Column:
    """Read from the link table (practice id, value, label), joined to the small values' table."""
    (relation, value), label = facet.field.split("__"), facet.label_field.split("__")[1]
    field = Practice._meta.get_field(relation)
    target, through = field.m2m_reverse_field_name(), field.remote_field.through.objects
    links = list(through.values_list(field.m2m_field_name(), f"{target}__{value}",
                                     f"{target}__{label}"))  # fmt: skip
    column = single_column([(v, name) for _, v, name in links], [None] * len(links))
    column.pairs = [pair for pair, _ in column.pairs]
    members = np.zeros((len(ids), len(column.pairs)), dtype=bool)
    if len(ids) and links:
        practices = np.fromiter((pk for pk, *_ in links), dtype=np.int64, count=len(links))
        by_id = np.argsort(ids)
        at = np.minimum(np.searchsorted(ids, practices, sorter=by_id), len(ids) - 1)
        held = ids[by_id[at]] == practices  # links of practices not published are dropped
        members[by_id[at[held]], column.codes[held]] = True
    return Column(pairs=column.pairs, members=members)


def build_table(generation: int) -> FacetTable:
    """Read the published practices' facet values: one query, and one per many-valued facet."""
    read_at, published = timezone.now(), Practice.objects.published()
    single = [f for f in FACETS if not f.many]
    annotations = {f.field: f.annotate() for f in single if f.annotate}
    names = list(dict.fromkeys(c for f in single for c in (f.field, f.label_field) if c))
    rows = published.annotate(**annotations).order_by(*ORDER).values_list("pk", *names)
    columns = dict(zip(["pk", *names], zip(*rows, strict=True), strict=True)) if rows else {}
    ids = np.array(columns.get("pk", ()), dtype=np.int64)
    table = {}
    for facet in FACETS:
        if facet.many:
            table[facet.param] = many_column(facet, ids)
        else:
            values = columns.get(facet.field, ())
            table[facet.param] = single_column(values, columns.get(facet.label_field, values))
    row_of = {pk: row for row, pk in enumerate(ids.tolist())}
    return FacetTable(generation, read_at, time.monotonic(), ids, table, row_of)


class FacetTables:
    """The process's table, replaced whole when the practices it holds changed."""

    def __init__(self):
        self._table: FacetTable | None = None
        self._checked = 0.0
        self._lock = threading.Lock()

    def forget(self) -> None:
        self._table = None

    def current(self) -> FacetTable:
        table, now = self._table, time.monotonic()
        if not settings.SEARCH_REBUILD_IN_BACKGROUND:
            return self._build(-1)  # -1: no generation known
        if table is not None and now - self._checked < CHECK_SECONDS:
            return table
        from .engine import current_generation

        self._checked, generation = now, current_generation()
        if table is None or now - table.built_at > MAX_AGE:
            return self._build(generation)
        if generation != table.generation:
            if not self._holds_changes(table):
                self._table = table = dataclasses.replace(table, generation=generation)
                return table
            return self._build(generation)
        return table

    def _build(self, generation: int) -> FacetTable:
        with self._lock:
            self._table = build_table(generation)
        return self._table

    @staticmethod
    def _holds_changes(table: FacetTable) -> bool:
        """Did a published practice, or one the table holds, change (or go) since it was read?"""
        since = table.read_at - CLOCK_MARGIN
        changed = Practice.objects.filter(updated_at__gte=since).values_list("pk", "status")
        if any(status == Status.PUBLISHED or pk in table.row_of for pk, status in changed):
            return True
        return Practice.objects.published().count() != len(table.ids)  # one was deleted


tables = FacetTables()


def counted(table: FacetTable, params: QueryDict, within: np.ndarray) -> tuple[np.ndarray, list]:
    """The rows of ``within`` (a mask) passing every selected facet, and the facet groups:
    each facet counted under the other facets' filters, as ``apply_facets`` does in SQL."""
    selections = {f.param: f.selected(params) for f in FACETS}
    passing = {f.param: table.columns[f.param].matching(values)
               for f in FACETS if (values := selections[f.param])}  # fmt: skip
    groups = []
    for facet in FACETS:
        rows = within.copy()
        for param, mask in passing.items():
            if param != facet.param:
                rows &= mask
        column = table.columns[facet.param]
        label = facet.label_field or facet.field
        tally = zip(column.pairs, column.tally(rows), strict=True)
        counts = [{facet.field: value, label: name, "n": int(n)} for (value, name), n in tally if n]
        groups.append({"facet": facet, "items": facet.items(counts, selections[facet.param]),
                       "active": bool(selections[facet.param])})  # fmt: skip
    for mask in passing.values():
        within = within & mask
    return within, groups


def facet_ranked(table: FacetTable, ids: list[int], params: QueryDict, sort: tuple | None):
    """Ranked ids filtered by the facets, kept in rank order (or ``sort``), and the groups."""
    rows = table.rows(ids)
    within = np.zeros(len(table.ids), dtype=bool)
    within[rows] = True
    passing, groups = counted(table, params, within)
    rows = rows[passing[rows]]
    if sort:
        rows = rows[np.argsort(table.rank(sort)[rows], kind="stable")]
    return table.ids[rows], groups


def facet_all(table: FacetTable, params: QueryDict, sort: tuple | None):
    """Every published practice passing the facets, in the showroom's order (or ``sort``)."""
    passing, groups = counted(table, params, np.ones(len(table.ids), dtype=bool))
    if not sort:
        return table.ids[passing], groups
    order = np.argsort(table.rank(sort), kind="stable")
    return table.ids[order[passing[order]]], groups


class RankedPractices:
    """Practice ids in order whose cards are fetched a page at a time (for Paginator)."""

    def __init__(self, ids: np.ndarray):
        self.ids = ids

    def count(self) -> int:
        return len(self.ids)

    __len__ = count

    def __getitem__(self, window: slice) -> list[Practice]:
        page_ids = [int(pk) for pk in self.ids[window]]
        cards = Practice.objects.for_cards().in_bulk(page_ids)
        return [cards[pk] for pk in page_ids if pk in cards]


def showroom(q: str, params: QueryDict, sort: tuple | None):
    """Published practices matching ``q`` and the facets, with the facet groups.

    The engine ranks a search; the table filters, counts and orders; only a page's cards
    are read. Should the engine fail, the database's full-text search answers in SQL.
    """
    searching = bool(WORD.search(q or ""))
    ids = ranked_ids(q) if searching else None
    if searching and ids is None:
        practices, groups = apply_facets(database_search(Practice.objects.published(), q), params)
        if sort:
            practices = practices.order_by(*sort)
        return practices.for_cards(), groups
    table = tables.current()
    if ids is None:
        found, groups = facet_all(table, params, sort)
    else:
        found, groups = facet_ranked(table, ids, params, sort)
    return RankedPractices(found), groups


def related_practices(pk: int, theme_slugs: list[str], sdg_numbers: list[int], count: int = 4):
    """Published practices sharing the most themes and SDGs with practice ``pk``, then by
    title: counted over the table, not over every practice in SQL."""
    table = tables.current()
    shared = np.zeros(len(table.ids), dtype=np.int64)
    for param, values in (("theme", theme_slugs), ("sdg", [str(n) for n in sdg_numbers])):
        column = table.columns[param]
        wanted = [c for c, (value, _) in enumerate(column.pairs) if str(value) in values]
        shared += column.members[:, wanted].sum(axis=1)
    shared[table.ids == pk] = 0
    rows = np.flatnonzero(shared)
    if not len(rows):
        return []
    rows = rows[np.lexsort((table.rank(("title",))[rows], -shared[rows]))][:count]
    return RankedPractices(table.ids[rows])[:]
