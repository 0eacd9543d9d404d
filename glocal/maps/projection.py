"""The map's projection, shared by the shape build script and the view.

An equirectangular projection with standard parallel 40°N: ``x = lon·cos(40°)``,
``y = −lat`` (SVG's y axis points down). Between the Sahara and Scandinavia it keeps
shapes recognisable, needs no library and maps straight lines of latitude to rows.
Units are degrees of latitude, so a ``viewBox`` crops the world to any extent.
"""

import math

STANDARD_PARALLEL = 40.0
X_SCALE = math.cos(math.radians(STANDARD_PARALLEL))

# (west, south, east, north) in degrees
EXTENTS = {
    "default": (-13.0, 25.0, 50.0, 63.0),  # Europe, the Middle East and North Africa
    "world": (-180.0, -58.0, 180.0, 84.0),
}


def project(latitude: float, longitude: float) -> tuple[float, float]:
    """SVG coordinates of a point, rounded to 0.01 (about a kilometre)."""
    return round(float(longitude) * X_SCALE, 2), round(-float(latitude), 2)


def view_box(extent: tuple[float, float, float, float]) -> str:
    west, south, east, north = extent
    x0, y0 = project(north, west)
    x1, y1 = project(south, east)
    return f"{x0:g} {y0:g} {round(x1 - x0, 2):g} {round(y1 - y0, 2):g}"
