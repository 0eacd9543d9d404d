"""Fetch candidates in a few queries, score them with ``scoring``, diversify the list."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from glocal.members.models import Municipality
from glocal.practices.engine import engine
from glocal.practices.models import Practice

from .models import Feedback
from .scoring import Match, NeedView, PracticeView, TownView, diversify, score_peer, score_practice

CANDIDATES_PER_NEED = 150  # the engine's best practices for each need's wording
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
        population=town.population, size_band=town.population_band, region=town.country.region,
        country=town.country_id, languages=languages(town.languages), budget_band=town.budget_band,
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
        population=town.population if town else None,
        size_band=town.population_band if town else "",
        region=country.region if country else "", country=practice.country_id or "",
        country_name=country.label if country else "",
        languages=languages(town.languages) if town else frozenset(),
        cost_band=practice.cost_band, recognised=bool(practice.award) or practice.is_verified,
    )  # fmt: skip


def candidate_practices(town: Municipality, view: TownView):
    ids: set[int] = set()
    for need in view.needs:
        ids.update(pk for pk, _ in engine.rank(need.text, limit=CANDIDATES_PER_NEED))
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


def recommend(town: Municipality, limit: int = 10) -> list[Recommendation]:
    view = town_view(town)
    practices = list(candidate_practices(town, view))
    similarities = engine.similarities([n.text for n in view.needs], [p.pk for p in practices])
    verdicts = dict(
        Feedback.objects.filter(municipality=town).values_list("practice_id", "verdict")
    )
    matches = []
    for column, practice in enumerate(practices):
        cosines = similarities[:, column] if similarities is not None else None
        match = score_practice(view, practice_view(practice), cosines)
        if verdicts.get(practice.pk) == Feedback.Verdict.INTERESTING:
            match.score += INTERESTING_BOOST
            match.reasons.append(_("you marked it interesting"))
        matches.append(match)
    by_id = {p.pk: p for p in practices}
    return [
        Recommendation(by_id[m.item_id], m, verdicts.get(m.item_id, ""))
        for m in diversify(matches, limit)
    ]


def peers(town: Municipality, limit: int = 10) -> list[tuple[Municipality, Match]]:
    """Member towns facing similar needs in a similar context, best first."""
    view = town_view(town)
    others = list(with_profile(
        Municipality.objects.filter(is_member=True, profile_visibility="public").exclude(pk=town.pk)
    ))  # fmt: skip
    views = [town_view(o) for o in others]
    texts = [n.text for n in view.needs] + [n.text for v in views for n in v.needs]
    vectors = engine.encode(texts)
    own, offset, matches = len(view.needs), len(view.needs), []
    for other, other_view in zip(others, views, strict=True):
        cosines = None
        if vectors is not None:
            theirs = vectors[offset : offset + len(other_view.needs)]
            cosines = vectors[:own] @ theirs.T
        offset += len(other_view.needs)
        matches.append(score_peer(view, other_view, other.pk, cosines))
    matches.sort(key=lambda m: (-m.score, m.item_id))
    by_id = {o.pk: o for o in others}
    return [(by_id[m.item_id], m) for m in matches[:limit] if m.score > 0]
