"""Showroom facets: each one filters the list and counts its values under the other filters.

Counting a facet under every filter but its own keeps all of its values visible, so
choices within one facet combine with OR and different facets combine with AND.
"""

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.http import QueryDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from glocal.members.models import POPULATION_BAND_LIMITS, PopulationBand
from glocal.reference.models import Region, country_name

from .models import CostBand, Distinction, Practice
from .search import WORD, database_search, ranked_ids


def population_band_expression() -> Case:
    whens = [
        When(municipality__population__lt=upper, then=Value(band))
        for upper, band in POPULATION_BAND_LIMITS
    ]
    return Case(
        When(municipality__population__isnull=True, then=Value("")),
        *whens,
        default=Value(PopulationBand.OVER_500K),
    )


@dataclass(frozen=True)
class Facet:
    param: str
    label: str
    field: str  # the value counted, after ``annotate``
    label_field: str | None = None  # a second column holding a readable name
    choices: dict | None = None  # readable names of coded values
    annotate: Callable[[], object] | None = None
    ordering: str = "label"
    numeric: bool = False
    many: bool = False  # a practice may have several values (themes, SDGs)
    localise: Callable[[str, str], str] | None = None  # (value, stored name) → reader's words

    def selected(self, params: QueryDict) -> list[str]:
        """The values asked for in the URL; malformed ones are ignored, not an error."""
        values = [v for v in params.getlist(self.param) if v and len(v) <= 60][:30]
        return [v for v in values if v.isdecimal()] if self.numeric else values

    def filter(self, queryset: QuerySet, values: list[str]) -> QuerySet:
        if self.annotate:
            queryset = queryset.annotate(**{self.field: self.annotate()})
        return queryset.filter(**{f"{self.field}__in": values})

    def counts(self, queryset: QuerySet, selected: list[str]) -> list[dict]:
        if self.annotate:
            queryset = queryset.annotate(**{self.field: self.annotate()})
        columns = [self.field] + ([self.label_field] if self.label_field else [])
        rows = queryset.order_by().values(*columns).annotate(n=Count("pk", distinct=True))
        return self.items(rows, selected)

    def items(self, rows, selected: list[str]) -> list[dict]:
        items = [self._item(row, selected) for row in rows if row[self.field] not in (None, "")]
        key = (
            (lambda i: (-i["count"], i["sort"]))
            if self.ordering == "count"
            else (lambda i: i["sort"])
        )
        return sorted(items, key=key)

    def _item(self, row: dict, selected: list[str]) -> dict:
        value = str(row[self.field])
        label = row[self.label_field] if self.label_field else value
        if self.choices:
            label = self.choices.get(value, value)
        if self.localise:
            label = self.localise(value, label)
        sort = row[self.field] if isinstance(row[self.field], int) else str(label)
        return {"value": value, "label": label, "count": row["n"], "checked": value in selected,
                "sort": sort}  # fmt: skip


def translated_name(value: str, name: str) -> str:
    """A taxonomy name kept in English in the database, in the reader's language."""
    return gettext(name)


def award_expression() -> Case:
    return Case(When(~Q(award=""), then=Value(1)), default=Value(0), output_field=IntegerField())


FACETS = [
    Facet("theme", _("Theme"), "themes__slug", "themes__name", many=True, localise=translated_name),
    Facet(
        "sdg",
        _("SDG"),
        "sdgs__number",
        "sdgs__name",
        numeric=True,
        many=True,
        localise=translated_name,
    ),
    Facet("region", _("Region"), "country__region", choices=dict(Region.choices)),
    Facet(
        "country",
        _("Country"),
        "country__iso",
        "country__name",
        ordering="count",
        localise=country_name,
    ),  # fmt: skip
    Facet(
        "population",
        _("Town size"),
        "population_band",
        choices=dict(PopulationBand.choices),
        annotate=population_band_expression,
    ),  # fmt: skip
    Facet("cost", _("Cost"), "cost_band", choices=dict(CostBand.choices)),
    Facet("year", _("Start year"), "start_year", numeric=True),
    Facet(
        "award",
        _("Award or label"),
        "has_award",
        choices={"1": _("Awarded or labelled"), "0": _("Not awarded")},
        annotate=award_expression,
    ),  # fmt: skip
    Facet("distinction", _("Network award"), "distinction", choices=dict(Distinction.choices)),
]


def apply_facets(queryset: QuerySet, params: QueryDict) -> tuple[QuerySet, list[dict]]:
    """Filter ``queryset`` by every selected facet and count each facet's values."""
    selections = {f.param: f.selected(params) for f in FACETS}
    restricted = {}
    for facet in FACETS:
        values = selections[facet.param]
        if values:
            ids = facet.filter(queryset.model.objects.all(), values).values("pk")
            restricted[facet.param] = Q(pk__in=ids)
    filtered = queryset.filter(*restricted.values())
    groups = []
    for facet in FACETS:
        others = [q for param, q in restricted.items() if param != facet.param]
        items = facet.counts(queryset.filter(*others), selections[facet.param])
        groups.append({"facet": facet, "items": items, "active": bool(selections[facet.param])})
    return filtered, groups


def facet_ranked(queryset: QuerySet, ids: list[int], params: QueryDict):
    """``apply_facets`` for a ranked result: ids kept in rank order, counts in Python.

    The facet values of the ranked practices are read once (one query for the single-valued
    facets, one per many-valued facet) instead of filtering by the id list in every count.
    """
    table = facet_table(queryset, ids)
    selections = {f.param: f.selected(params) for f in FACETS}
    passing = {
        facet.param: {pk for pk, pairs in table[facet.param].items()
                      if any(str(value) in values for value, _ in pairs)}
        for facet in FACETS if (values := selections[facet.param])
    }  # fmt: skip
    present = table["_present"]
    filtered = [pk for pk in ids if pk in present and all(pk in s for s in passing.values())]
    groups = []
    for facet in FACETS:
        others = [s for param, s in passing.items() if param != facet.param]
        tally = Counter(
            pair for pk, pairs in table[facet.param].items()
            if all(pk in s for s in others) for pair in set(pairs)
        )  # fmt: skip
        label = facet.label_field or facet.field
        rows = [{facet.field: value, label: name, "n": n} for (value, name), n in tally.items()]
        items = facet.items(rows, selections[facet.param])
        groups.append({"facet": facet, "items": items, "active": bool(selections[facet.param])})
    return filtered, groups


def facet_table(queryset: QuerySet, ids: list[int]) -> dict[str, dict[int, list[tuple]]]:
    """Facet param → practice id → its (value, label) pairs, for the practices in ``ids``."""
    chosen = queryset.filter(pk__in=ids).order_by()
    table = defaultdict(lambda: defaultdict(list))
    single = [f for f in FACETS if not f.many]
    annotations = {f.field: f.annotate() for f in single if f.annotate}
    columns = {c for f in single for c in (f.field, f.label_field) if c}
    for row in chosen.annotate(**annotations).values("pk", *columns):
        table["_present"][row["pk"]] = []
        for facet in single:
            label = row[facet.label_field] if facet.label_field else row[facet.field]
            table[facet.param][row["pk"]].append((row[facet.field], label))
    for facet in (f for f in FACETS if f.many):
        for pk, value, label in chosen.values_list("pk", facet.field, facet.label_field):
            if pk in table["_present"]:
                table[facet.param][pk].append((value, label))
    return table


class RankedPractices:
    """Practice ids in rank order whose cards are fetched a page at a time (for Paginator)."""

    def __init__(self, ids: list[int]):
        self.ids = ids

    def count(self) -> int:
        return len(self.ids)

    __len__ = count

    def __getitem__(self, window: slice) -> list[Practice]:
        page_ids = self.ids[window]
        cards = Practice.objects.for_cards().in_bulk(page_ids)
        return [cards[pk] for pk in page_ids if pk in cards]


def showroom(queryset: QuerySet, q: str, params: QueryDict, sort: tuple | None):
    """Practices of the showroom matching ``q`` and the facets, with the facet groups.

    A ranked search is filtered and counted once in Python over its ids; the list is
    either a queryset (no search, or a chosen sort) or ranked ids fetched page by page.
    """
    searching = bool(WORD.search(q or ""))
    ids = ranked_ids(q) if searching else None
    if ids is None:
        practices = database_search(queryset, q) if searching else queryset
        practices, groups = apply_facets(practices, params)
        if sort or not q:
            practices = practices.order_by(*(sort or ("-published_at", "title")))
        return practices.for_cards(), groups
    ids, groups = facet_ranked(queryset, ids, params)
    if sort:
        return queryset.filter(pk__in=ids).order_by(*sort).for_cards(), groups
    return RankedPractices(ids), groups
