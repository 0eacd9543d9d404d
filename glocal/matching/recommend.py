"""Fetch candidates in a few queries, score them with ``scoring``, diversify the list."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from glocal.members.models import Municipality
from glocal.practices.engine import engine
from glocal.practices.models import Practice

from . import passages
from .models import Feedback
from .scoring import (
    Match,
    NeedView,
    PracticeView,
    TownView,
    calibrate,
    diversify,
    need_margins,
    score_peer,
    score_practice,
)

CANDIDATES_PER_NEED = 150  # the engine's best practices for each need's wording
READ_IN_FULL = 60  # candidates whose every sentence is compared with the needs, best first
INTERESTING_BOOST = 0.05  # a practice the town marked interesting stays near the top
HIDDEN_VERDICTS = [Feedback.Verdict.NOT_RELEVANT, Feedback.Verdict.ALREADY_DOING]


@dataclass
class Recommendation:
    practice: Practice
    match: Match
    verdict: str = ""


def languages(text: str) -> frozenset[str]:
    return frozenset(part.strip().capitalize() for part in text.split(",") if part.strip())


def town_view(town: Municipality) -> TownView:
    """Reads ``needs__themes`` and ``sdg_priorities``: prefetch them for many towns."""
    needs = tuple(
        NeedView(n.rank, n.text, frozenset(t.slug for t in n.themes.all()))
        for n in sorted(town.needs.all(), key=lambda n: n.rank)
    )
    return TownView(
        name=town.name, needs=needs, sdgs=frozenset(s.pk for s in town.sdg_priorities.all()),
        population=town.population, region=town.country.region,
        region_name=str(town.country.get_region_display()), country=town.country_id,
        languages=languages(town.languages), budget_band=town.budget_band,
        budget_name=str(town.get_budget_band_display()),
    )  # fmt: skip


def with_profile(towns):
    return towns.select_related("country").prefetch_related("needs__themes", "sdg_priorities")


def practice_view(practice: Practice) -> PracticeView:
    town = practice.municipality
    country = practice.country
    return PracticeView(
        id=practice.pk, title=practice.title,
        themes=frozenset(t.slug for t in practice.themes.all()),
        sdgs=frozenset(s.pk for s in practice.sdgs.all()),
        town_name=town.name if town else "", population=town.population if town else None,
        region=country.region if country else "", country=practice.country_id or "",
        country_name=country.label if country else "",
        languages=languages(town.languages) if town else frozenset(),
        cost_band=practice.cost_band, cost_name=str(practice.get_cost_band_display()),
        budget_eur=practice.budget_eur, recognised=bool(practice.award) or practice.is_verified,
    )  # fmt: skip


def engine_positions(view: TownView) -> dict[int, int]:
    """Each practice the engine finds for some need, with its best position in those lists."""
    positions: dict[int, int] = {}
    for need in view.needs:
        for position, (pk, _score) in enumerate(engine.rank(need.text, limit=CANDIDATES_PER_NEED)):
            positions[pk] = min(position, positions.get(pk, position))
    return positions


def candidate_practices(town: Municipality, view: TownView, ids):
    themes = set().union(*(n.themes for n in view.needs)) if view.needs else set()
    hidden = Feedback.objects.filter(municipality=town, verdict__in=HIDDEN_VERDICTS)
    return (
        Practice.objects.published()
        .filter(Q(pk__in=ids) | Q(themes__slug__in=themes) | Q(sdgs__in=view.sdgs))
        .exclude(municipality=town)
        .exclude(pk__in=hidden.values("practice"))
        .distinct()
        .select_related("municipality__country", "country")
        .prefetch_related("themes", "sdgs")
    )


def read_first(practices: list[Practice], view: TownView, positions: dict[int, int]):
    """The candidates worth reading sentence by sentence: found by the engine, then by theme."""
    themes = set().union(*(n.themes for n in view.needs)) if view.needs else set()

    def order(practice: Practice):
        shared = len(themes & {t.slug for t in practice.themes.all()})
        return positions.get(practice.pk, len(positions)), -shared, practice.pk

    return sorted(practices, key=order)[:READ_IN_FULL]


def score_all(view: TownView, practices: list[Practice]) -> list[Match]:
    """Score each practice; with the model, against its sentence that best answers each need."""
    texts = [passages.practice_text(p, get_language() or "") for p in practices]
    found = passages.best_passages([n.text for n in view.needs], texts)
    if found is None:
        return [score_practice(view, practice_view(p)) for p in practices]
    margins = (calibrate(found.sentence) + calibrate(found.overview)) / 2
    return [
        score_practice(view, practice_view(practice), margins[:, column],
                       [row[column] for row in found.passages])
        for column, practice in enumerate(practices)
    ]  # fmt: skip


def recommend(town: Municipality, limit: int = 10) -> list[Recommendation]:
    view = town_view(town)
    positions = engine_positions(view)
    practices = list(candidate_practices(town, view, positions))
    if passages.encoder() is not None:
        practices = read_first(practices, view, positions)
    matches = score_all(view, practices)
    verdicts = dict(
        Feedback.objects.filter(municipality=town).values_list("practice_id", "verdict")
    )
    for match in matches:
        if verdicts.get(match.item_id) == Feedback.Verdict.INTERESTING:
            match.score += INTERESTING_BOOST
            match.reasons.append(_("you marked it interesting"))
    by_id = {p.pk: p for p in practices}
    return [
        Recommendation(by_id[m.item_id], m, verdicts.get(m.item_id, ""))
        for m in diversify(matches, limit)
    ]


def peers(town: Municipality, limit: int = 10) -> list[tuple[Municipality, Match]]:
    """Member towns sharing at least one need, in a similar context, best first."""
    view = town_view(town)
    others = list(with_profile(
        Municipality.objects.filter(is_member=True, profile_visibility="public").exclude(pk=town.pk)
    ))  # fmt: skip
    views = [town_view(o) for o in others]
    texts = [n.text for n in view.needs] + [n.text for v in views for n in v.needs]
    similarities = passages.need_similarities(texts)
    if similarities is None:
        return []
    own, offset, matches = len(view.needs), len(view.needs), []
    scripts = [passages.script(text) for text in texts]
    margins = need_margins(similarities, own, scripts)
    for other, other_view in zip(others, views, strict=True):
        cosines = margins[:, offset - own : offset - own + len(other_view.needs)]
        offset += len(other_view.needs)
        if (match := score_peer(view, other_view, other.pk, cosines)) is not None:
            matches.append(match)
    matches.sort(key=lambda m: (-m.score, m.item_id))
    by_id = {o.pk: o for o in others}
    return [(by_id[m.item_id], m) for m in matches[:limit]]
