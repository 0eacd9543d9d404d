"""Showroom facets: each one filters the list and counts its values under the other filters.

Counting a facet under every filter but its own keeps all of its values visible, so
choices within one facet combine with OR and different facets combine with AND.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.http import QueryDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from glocal.members.models import POPULATION_BAND_LIMITS, PopulationBand
from glocal.reference.models import Region, country_name

from .models import CostBand, Distinction


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
