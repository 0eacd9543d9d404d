"""The SDG localisation report: per goal, what the network does and what its towns prioritise.

Every function returns plain rows (dicts), so the page, the printable page and the CSV
show the same figures. The whole report takes a constant number of queries.
"""

import re
from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from glocal.members.models import Municipality
from glocal.practices.models import Practice, Status
from glocal.projects.models import Indicator, ProjectVisibility
from glocal.reference.models import Country, Region, Sdg

EXAMPLES_PER_GOAL = 5
COUNTRY_RE = re.compile(r"[A-Z]{2}")
YEAR_RE = re.compile(r"(19[5-9]\d|20\d\d|2100)")

CSV_COLUMNS = (
    "sdg", "name", "practices", "municipalities", "countries", "priority_municipalities",
    "public_projects", "indicators", "indicator_progress_pct", "example_practices",
)  # fmt: skip


@dataclass(frozen=True)
class Filters:
    """The report's filters as read from the URL; malformed values are ignored."""

    region: str = ""
    country: str = ""
    year: int | None = None

    @classmethod
    def from_query(cls, params: QueryDict) -> "Filters":
        region = params.get("region", "").strip().lower()
        country = params.get("country", "").strip().upper()
        year = params.get("year", "").strip()
        return cls(
            region=region if region in Region.values else "",
            country=country if COUNTRY_RE.fullmatch(country) else "",
            year=int(year) if YEAR_RE.fullmatch(year) else None,
        )

    @property
    def active(self) -> bool:
        return bool(self.region or self.country or self.year)

    def as_query(self) -> str:
        """The filters as a query string, for shareable links to the other versions."""
        params = QueryDict(mutable=True)
        for name in ("region", "country", "year"):
            if value := getattr(self, name):
                params[name] = str(value)
        return params.urlencode()

    def describe(self, country_names: dict[str, str] | None = None) -> list[str]:
        """Readable lines such as 'Region: Balkans', for titles and the printed annex."""
        lines = []
        if self.region:
            lines.append(_("Region: %(value)s") % {"value": Region(self.region).label})
        if self.country:
            name = (country_names or {}).get(self.country, self.country)
            lines.append(_("Country: %(value)s") % {"value": name})
        if self.year:
            lines.append(_("Practices started in %(value)s") % {"value": self.year})
        return lines


def published_practice_goals(filters: Filters):
    """Rows of the practice–SDG table for published practices under the filters."""
    links = Practice.sdgs.through.objects.filter(practice__status=Status.PUBLISHED)
    if filters.region:
        links = links.filter(practice__country__region=filters.region)
    if filters.country:
        links = links.filter(practice__country_id=filters.country)
    if filters.year:
        links = links.filter(practice__start_year=filters.year)
    return links


def priority_goals(filters: Filters):
    """Rows of the municipality–SDG priority table for member towns under the filters.

    The year filter does not apply: a priority is a town's current choice, not dated.
    """
    links = Municipality.sdg_priorities.through.objects.filter(municipality__is_member=True)
    if filters.region:
        links = links.filter(municipality__country__region=filters.region)
    if filters.country:
        links = links.filter(municipality__country_id=filters.country)
    return links


def project_goal_figures(filters: Filters) -> dict[int, dict]:
    """Per goal: public local action projects with an indicator on it, those indicators, and
    their average progress from baseline to target (latest measurement). One query."""
    indicators = Indicator.objects.filter(
        project__visibility=ProjectVisibility.PUBLIC, sdgs__isnull=False
    )
    if filters.region:
        indicators = indicators.filter(project__municipality__country__region=filters.region)
    if filters.country:
        indicators = indicators.filter(project__municipality__country_id=filters.country)
    if filters.year:
        indicators = indicators.filter(project__start_date__year=filters.year)
    figures: dict[int, dict] = {}
    rows = indicators.with_latest().values_list(
        "pk", "project_id", "baseline", "target", "latest_value", "sdgs__number"
    )
    for pk, project_id, baseline, target, latest, number in rows:
        goal = figures.setdefault(number, {"projects": set(), "indicators": set(), "progress": []})
        goal["projects"].add(project_id)
        goal["indicators"].add(pk)
        progress = Indicator(baseline=baseline, target=target).progress(latest)
        if progress is not None:
            goal["progress"].append(progress)
    return figures


def sdg_rows(filters: Filters) -> list[dict]:
    """One row per goal, 1 to 17, with its counts and up to five example practices.

    ``practices`` counts published practices on the goal; ``municipalities`` and
    ``countries`` count the distinct owning member towns and countries of those practices;
    ``priorities`` counts member towns that chose the goal as a priority; ``projects``,
    ``indicators`` and ``indicator_progress`` come from public local action projects.
    Five queries.
    """
    practice_links = published_practice_goals(filters)
    practice_counts = {
        row["sdg_id"]: row
        for row in practice_links.order_by()
        .values("sdg_id")
        .annotate(
            practices=Count("practice_id", distinct=True),
            municipalities=Count("practice__municipality_id", distinct=True),
            countries=Count("practice__country_id", distinct=True),
        )
    }
    priority_counts = dict(
        priority_goals(filters)
        .order_by()
        .values("sdg_id")
        .annotate(n=Count("municipality_id", distinct=True))
        .values_list("sdg_id", "n")
    )
    ranked = practice_links.annotate(
        rank=Window(
            RowNumber(),
            partition_by=[F("sdg_id")],
            order_by=[F("practice__published_at").desc(nulls_last=True), F("practice__title")],
        )
    )
    examples: dict[int, list[dict]] = {}
    for sdg_id, title, slug in ranked.filter(rank__lte=EXAMPLES_PER_GOAL).values_list(
        "sdg_id", "practice__title", "practice__slug"
    ):
        examples.setdefault(sdg_id, []).append({"title": title, "slug": slug})
    projects = project_goal_figures(filters)
    rows = []
    for sdg in Sdg.objects.order_by("number"):
        counts = practice_counts.get(sdg.number, {})
        goal = projects.get(sdg.number, {"projects": (), "indicators": (), "progress": []})
        progress = goal["progress"]
        rows.append(
            {
                "number": sdg.number,
                "name": sdg.label,
                "practices": counts.get("practices", 0),
                "municipalities": counts.get("municipalities", 0),
                "countries": counts.get("countries", 0),
                "priorities": priority_counts.get(sdg.number, 0),
                "projects": len(goal["projects"]),
                "indicators": len(goal["indicators"]),
                "indicator_progress": round(sum(progress) / len(progress)) if progress else None,
                "examples": examples.get(sdg.number, []),
            }
        )
    add_bar_widths(rows, "practices")
    add_bar_widths(rows, "priorities")
    return rows


def add_bar_widths(rows: list[dict], key: str) -> None:
    """Width of each row's bar in percent of the largest value (0 when all are 0)."""
    largest = max((row[key] for row in rows), default=0)
    for row in rows:
        row[f"{key}_width"] = round(100 * row[key] / largest) if largest else 0


def totals(filters: Filters) -> dict:
    """Network-wide figures under the filters: each practice and town counted once."""
    practices = Practice.objects.published()
    if filters.region:
        practices = practices.filter(country__region=filters.region)
    if filters.country:
        practices = practices.filter(country_id=filters.country)
    if filters.year:
        practices = practices.filter(start_year=filters.year)
    return practices.aggregate(
        practices=Count("pk", distinct=True),
        with_goal=Count("pk", filter=Q(sdgs__isnull=False), distinct=True),
    )


def filter_choices() -> dict:
    """Regions, countries and years people can pick: two queries."""
    countries = list(
        Country.objects.filter(
            Q(practice__status=Status.PUBLISHED) | Q(municipality__is_member=True)
        )
        .distinct()
        .order_by("name")
        .values_list("iso", "name")
    )
    years = list(
        Practice.objects.published()
        .exclude(start_year=None)
        .order_by("-start_year")
        .values_list("start_year", flat=True)
        .distinct()
    )
    return {"regions": Region.choices, "countries": countries, "years": years}


def csv_rows(rows: list[dict]) -> list[list]:
    """The report as CSV cells, header first, one line per goal."""
    lines = [list(CSV_COLUMNS)]
    for row in rows:
        lines.append(
            [
                row["number"], row["name"], row["practices"], row["municipalities"],
                row["countries"], row["priorities"], row["projects"], row["indicators"],
                "" if row["indicator_progress"] is None else row["indicator_progress"],
                "; ".join(example["title"] for example in row["examples"]),
            ]
        )  # fmt: skip
    return lines
