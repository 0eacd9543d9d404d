"""Build ``data/countries.json`` (the map's country outlines) once, offline.

Not used at runtime: the result is committed. Source: Natural Earth 1:110m country
outlines (public domain) as packaged in the ``world-atlas`` npm package (ISC)::

    cd /tmp && npm pack world-atlas@2 && tar xzf world-atlas-2.*.tgz
    python -m glocal.maps.build_shapes /tmp/package/countries-110m.json \\
        /work/shared/data/geonames/geonames_countries_2018.csv

The TopoJSON arcs are decoded (delta-encoded integers, then ``transform`` scale and
translate), each ring is projected with :func:`glocal.maps.projection.project`,
rounded to one decimal and written as a compact SVG path with relative moves. Country
ids (ISO 3166 numeric) become ISO alpha-2 codes via the GeoNames country table's
``isonumeric`` column; the three Natural Earth shapes without a code are mapped by
name (Kosovo → XK; N. Cyprus and Somaliland join CY and SO). Antarctica is left out.
"""

import csv
import json
import sys
from pathlib import Path

from glocal.maps.projection import EXTENTS, STANDARD_PARALLEL, project

OUTPUT = Path(__file__).resolve().parent / "data" / "countries.json"
BY_NAME = {"Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}
SKIP = {"AQ"}
ATTRIBUTION = "Natural Earth 1:110m country outlines (public domain), via world-atlas 2 (ISC)"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute (longitude, latitude) points of every arc."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list) -> list[tuple[float, float]]:
    """Join a ring's arcs; a negative index ``~i`` means arc ``i`` reversed."""
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    return points


def ring_path(points: list[tuple[float, float]]) -> tuple[str, list[tuple[float, float]]]:
    """An SVG subpath ``M x y l dx dy …z`` with coordinates rounded to 0.1."""
    projected = []
    for lon, lat in points:
        x, y = project(lat, lon)
        xy = (round(x, 1), round(y, 1))
        if not projected or xy != projected[-1]:
            projected.append(xy)
    if len(projected) < 3:
        return "", projected
    x0, y0 = projected[0]
    parts = [f"M{x0:g} {y0:g}l"]
    for (ax, ay), (bx, by) in zip(projected, projected[1:], strict=False):
        parts.append(f"{round(bx - ax, 1):g} {round(by - ay, 1):g}".replace(" -", "-"))
    return " ".join(parts).replace("l ", "l") + "z", projected


def numeric_to_alpha2(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as handle:
        return {row["isonumeric"].zfill(3): row["iso"] for row in csv.DictReader(handle)}


def build(topojson: Path, geonames: Path) -> dict:
    topology = json.loads(topojson.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    codes = numeric_to_alpha2(geonames)
    countries: dict[str, dict] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        numeric = geometry.get("id")
        iso = BY_NAME.get(name) or codes.get(numeric or "")
        if not iso or iso in SKIP or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        entry = countries.setdefault(iso, {"name": name, "numeric": numeric, "d": "", "c": None})
        largest: list = []
        for polygon in polygons:
            for ring in polygon:
                path, projected = ring_path(ring_points(ring, arcs))
                entry["d"] += path
                largest = projected if len(projected) > len(largest) else largest
        if largest and (entry["c"] is None or numeric):
            xs, ys = zip(*largest, strict=True)
            entry["c"] = [round(sum(xs) / len(xs), 1), round(sum(ys) / len(ys), 1)]
    return {
        "attribution": ATTRIBUTION,
        "projection": f"equirectangular, standard parallel {STANDARD_PARALLEL:g}°N",
        "extents": EXTENTS,
        "countries": dict(sorted(countries.items())),
    }


def main(argv: list[str]) -> None:
    data = build(Path(argv[1]), Path(argv[2]))
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n")
    print(f"{len(data['countries'])} countries, {OUTPUT.stat().st_size} bytes → {OUTPUT}")


if __name__ == "__main__":
    main(sys.argv)
