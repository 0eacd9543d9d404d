"""The network map: member municipalities and practices on bundled country outlines.

Everything is drawn on the server as inline SVG, so the page needs no tile server,
no JavaScript library and no connection to anything but this site.
"""

import math
from dataclasses import dataclass

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from glocal.members.models import Municipality
from glocal.practices.facets import FACETS, apply_facets
from glocal.practices.models import Practice

from .projection import EXTENTS, project, view_box
from .shapes import load_shapes

BASE_WIDTH = EXTENTS["default"][2] - EXTENTS["default"][0]


@dataclass
class Point:
    kind: str  # "municipality" or "country"
    name: str
    country: str
    count: int
    x: float
    y: float
    r: float
    url: str
    is_member: bool = False


def radius(count: int, scale: float) -> float:
    """Circle area grows with the number of practices; an empty member still shows."""
    return round((0.35 + 0.3 * math.sqrt(count)) * scale, 2)


def facet_query(params) -> str:
    """The current facet selection as a query string, for links to the showroom."""
    pairs = [(f.param, v) for f in FACETS for v in f.selected(params)]
    return urlencode(pairs)


@require_GET
def network_map(request: HttpRequest) -> HttpResponse:
    extent_name = "world" if request.GET.get("extent") == "world" else "default"
    extent = EXTENTS[extent_name]
    scale = (extent[2] - extent[0]) / BASE_WIDTH
    practices, facet_groups = apply_facets(Practice.objects.published(), request.GET)
    filtered = any(group["active"] for group in facet_groups)
    rows = practices.order_by().values("municipality_id", "country_id").annotate(n=Count("pk"))
    municipalities = list(
        Municipality.objects.visible_to(request.user)
        .filter(latitude__isnull=False, longitude__isnull=False)
        .select_related("country")
        .order_by("name")
    )
    shown = {m.pk for m in municipalities}
    by_municipality: dict[int, int] = {}
    by_country: dict[str, int] = {}
    for row in rows:
        if row["municipality_id"] in shown:
            by_municipality[row["municipality_id"]] = row["n"]
        elif row["country_id"]:  # no municipality, or one this visitor may not see
            by_country[row["country_id"]] = by_country.get(row["country_id"], 0) + row["n"]

    shapes = load_shapes()["countries"]
    points = []
    for town in municipalities:
        count = by_municipality.get(town.pk, 0)
        if (filtered or not town.is_member) and not count:
            continue
        x, y = project(town.latitude, town.longitude)
        url = town.get_absolute_url()
        town_point = Point("municipality", town.name, town.country.label, count, x, y,
                           radius(count, scale), url, town.is_member)  # fmt: skip
        points.append(town_point)
    query = facet_query(request.GET)
    names = {m.country_id: m.country.label for m in municipalities}
    for iso, count in sorted(by_country.items()):
        shape = shapes.get(iso)
        if not shape or not shape.get("c"):
            continue
        x, y = shape["c"]
        country_query = urlencode([("country", iso)]) + (f"&{query}" if query else "")
        name = names.get(iso, shape["name"])
        url = f"{reverse('practices:list')}?{country_query}"
        points.append(Point("country", name, name, count, x, y, radius(count, scale), url))
    member_countries = {m.country_id for m in municipalities if m.is_member}
    countries = [
        {"iso": iso, "name": shape["name"], "d": shape["d"], "member": iso in member_countries}
        for iso, shape in shapes.items()
    ]
    context = {
        "countries": countries,
        "points": sorted(points, key=lambda p: -p.r),  # small circles drawn on top
        "table": sorted(points, key=lambda p: (p.country, p.kind != "municipality", p.name)),
        "view_box": view_box(extent),
        "extent": extent_name,
        "stroke": round(0.12 * scale, 3),
        "facet_groups": facet_groups,
        "filtered": filtered,
        "query": query,
        "practice_total": sum(p.count for p in points),
        "attribution": load_shapes()["attribution"],
    }
    return render(request, "maps/map.html", context)
