"""Server-drawn SVG charts: pure geometry, no database and no JavaScript.

The templates draw what these functions compute; each chart also gets a data table.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

WIDTH, HEIGHT = 600, 240  # the SVG's coordinate system; it scales to the page width
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 36  # room for the axis labels


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class LineChart:
    points: list[Point]
    polyline: str
    target_y: float
    baseline_y: float
    target_x: float
    y_ticks: list[tuple[float, str]]
    x_ticks: list[tuple[float, str, str]]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    bottom_edge: int = HEIGHT - BOTTOM


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}" if value == value.to_integral() else f"{value:.2f}"


def indicator_chart(
    *, baseline: Decimal, target: Decimal, start: datetime.date, target_date: datetime.date,
    readings: list[tuple[datetime.date, Decimal]], unit: str,
) -> LineChart:  # fmt: skip
    """Readings over time against the baseline and the target (a dashed line)."""
    dates = [start, target_date, *(day for day, _v in readings)]
    first, last = min(dates), max(dates)
    span_days = max((last - first).days, 1)
    values = [baseline, target, *(v for _d, v in readings)]
    low, high = min(values), max(values)
    if low == high:
        high = low + 1
    pad = (high - low) / 10
    low, high = low - pad, high + pad

    def x(day: datetime.date) -> float:
        return round(LEFT + (day - first).days / span_days * (WIDTH - LEFT - RIGHT), 1)

    def y(value: Decimal) -> float:
        share = float((value - low) / (high - low))
        return round(HEIGHT - BOTTOM - share * (HEIGHT - TOP - BOTTOM), 1)

    points = [Point(x(day), y(v), f"{day:%Y-%m-%d}: {_number(v)} {unit}") for day, v in readings]
    y_ticks = [(y(v), _number(v)) for v in sorted({baseline, target})]
    x_ticks = [(x(first), f"{first:%Y-%m}", "start"), (x(last), f"{last:%Y-%m}", "end")]
    return LineChart(
        points=points, polyline=" ".join(f"{p.x},{p.y}" for p in points),
        target_y=y(target), baseline_y=y(baseline), target_x=x(target_date),
        y_ticks=y_ticks, x_ticks=x_ticks,
    )  # fmt: skip


@dataclass(frozen=True)
class TimelineMark:
    x: float
    title: str
    due: datetime.date
    status: str
    label: str
    overdue: bool


def timeline(
    *, start: datetime.date, end: datetime.date,
    milestones: list[tuple[str, datetime.date, str, str, bool]], today: datetime.date,
) -> dict:  # fmt: skip
    """Milestones placed along the project's run, with where today is."""
    first = min([start, *(m[1] for m in milestones)])
    last = max([end, *(m[1] for m in milestones)])
    span = max((last - first).days, 1)

    def x(day: datetime.date) -> float:
        return round(LEFT + (day - first).days / span * (WIDTH - LEFT - RIGHT), 1)

    marks = [TimelineMark(x(due), title, due, status, label, overdue)
             for title, due, status, label, overdue in milestones]  # fmt: skip
    today_x = x(today) if first <= today <= last else None
    return {"marks": marks, "today_x": today_x, "start_x": x(first), "end_x": x(last),
            "first": first, "last": last, "width": WIDTH}  # fmt: skip
