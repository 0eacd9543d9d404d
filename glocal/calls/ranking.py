"""Weighted totals and the spread between reviewers: pure arithmetic, no database.

A reviewer's total is the weighted mean of their scores, on a 0–100 scale; an application's
total is the mean of the totals of the reviewers who scored every criterion. The spread is
the gap between the highest and the lowest reviewer total: a large one calls for discussion.
"""

from dataclasses import dataclass, field
from math import fsum

from .models import SCORE_MAX


@dataclass
class Ranked:
    application: object
    total: float | None  # None until one reviewer has scored every criterion
    spread: float | None
    reviewer_totals: list[float] = field(default_factory=list)
    incomplete: int = 0  # reviewers who have not scored every criterion yet
    rank: int | None = None


def reviewer_total(scores: dict[int, int], weights: dict[int, int]) -> float | None:
    """Weighted mean of one reviewer's scores (criterion id → value) on 0–100; None if partial."""
    if not weights or any(criterion not in scores for criterion in weights):
        return None
    weighted = sum(scores[c] * w for c, w in weights.items())
    return round(100 * weighted / (SCORE_MAX * sum(weights.values())), 1)


def rank_applications(rows: list[tuple[object, list[dict[int, int]]]], weights: dict[int, int]):
    """``rows``: (application, one score dict per reviewer). Best total first, unscored last."""
    ranked = []
    for application, per_reviewer in rows:
        totals = [t for t in (reviewer_total(s, weights) for s in per_reviewer) if t is not None]
        ranked.append(
            Ranked(
                application=application,
                total=round(fsum(totals) / len(totals), 1) if totals else None,
                spread=round(max(totals) - min(totals), 1) if totals else None,
                reviewer_totals=totals,
                incomplete=len(per_reviewer) - len(totals),
            )
        )
    ranked.sort(key=lambda r: (r.total is None, -(r.total or 0)))
    for position, row in enumerate(ranked, start=1):
        row.rank = position if row.total is not None else None
    return ranked
