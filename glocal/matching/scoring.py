"""How well a practice fits a town, and a peer town fits another: pure functions, no ORM.

Every weight is a named constant with the reason for its size. Scores lie in [0, 1];
each contribution that matters comes with a reason in plain words, and a reason is given
only when it is true: a need is named only when a sentence of the practice answers it
(the sentence is quoted), "similar size" only within ``SIMILAR_SIZE_FACTOR`` with both
figures shown, region and budget only when they hold.

Cosines come from multilingual-e5-small (``passages``). Its scores are compressed (an
unrelated pair ≈ 0.79, a close one ≈ 0.85) and shift with the language of the need: an
Arabic need sits higher against everything English. So each need is measured against its
own baseline, the median of its cosines to the other candidates, and the bands below are
margins over that baseline (see ``calibrate``): for a practice, the mean of the margins of
its best sentence and of its overview.
"""

from dataclasses import dataclass, field

import numpy as np
from django.utils.formats import number_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

# Which cost bands a budget band can carry without outside funding.
AFFORDABLE = {"a": {"low"}, "b": {"low", "medium"}, "c": {"low", "medium", "high"},
              "d": {"low", "medium", "high"}}  # fmt: skip

NEED_WEIGHT = 0.55  # fitting a stated need is the point of a recommendation
SDG_WEIGHT = 0.10  # shared SDG priorities: same direction, weaker than a named need
SIZE_WEIGHT = 0.10  # a practice from a town of similar size transfers more easily
COST_WEIGHT = 0.08  # affordable within the town's budget
REGION_WEIGHT = 0.07  # same region: similar institutions, easier visits
LANGUAGE_WEIGHT = 0.05  # a shared language makes the call to the other mayor possible
RECOGNITION_WEIGHT = 0.05  # awarded or verified practices carry evidence
SEMANTIC_FLOOR, SEMANTIC_CEILING = 0.0, 0.05  # margin over the need's baseline: 0 → 0, 0.05 → 1
NEED_MATCH_MARGIN = 0.025  # from here the practice answers the need (see docs/benchmarks.md)
TYPICAL_UNRELATED = 0.79  # the baseline when too few candidates to take their median
MIN_FOR_MEDIAN = 8  # candidates needed for a median baseline
THEME_ONLY_RELEVANCE = 0.70  # without the model a shared theme is a good, not full, fit
SIMILAR_SIZE_FACTOR = 2.0  # "similar size": the larger town has at most twice the inhabitants
NEAR_SIZE_FACTOR = 4.0  # within this a practice still transfers, with some adapting


@dataclass(frozen=True)
class NeedView:
    rank: int
    text: str
    themes: frozenset[str] = frozenset()


@dataclass(frozen=True)
class TownView:
    name: str
    needs: tuple[NeedView, ...]
    sdgs: frozenset[int] = frozenset()
    population: int | None = None
    region: str = ""
    region_name: str = ""
    country: str = ""
    languages: frozenset[str] = frozenset()
    budget_band: str = ""
    budget_name: str = ""


@dataclass(frozen=True)
class PracticeView:
    id: int
    title: str
    themes: frozenset[str] = frozenset()
    sdgs: frozenset[int] = frozenset()
    town_name: str = ""
    population: int | None = None
    region: str = ""
    country: str = ""
    country_name: str = ""
    languages: frozenset[str] = frozenset()
    cost_band: str = ""
    cost_name: str = ""
    budget_eur: int | None = None
    recognised: bool = False


@dataclass
class Match:
    item_id: int
    score: float
    need_rank: int | None = None
    reasons: list[str] = field(default_factory=list)
    passage: str = ""  # the practice's sentence that answers the need, quoted
    shared_needs: list[tuple[str, str, float]] = field(default_factory=list)  # peers: mine, theirs


def short(text: str, words: int = 10) -> str:
    """A need as quoted in a reason: its first words."""
    return Truncator(text).words(words, truncate="…")


def figure(n: int) -> str:
    """A population in the reader's number format (75,977 / 75 977 / 75.977)."""
    return number_format(n, force_grouping=True)


def scaled(cosine: float, floor: float = SEMANTIC_FLOOR, ceiling: float = SEMANTIC_CEILING):
    return min(1.0, max(0.0, (cosine - floor) / (ceiling - floor)))


def rank_weight(rank: int) -> float:
    """The first need counts fully, later ones a little less (rank 5 counts half)."""
    return 1.0 / (1.0 + 0.25 * (max(rank, 1) - 1))


def need_fit(needs, themes: frozenset[str], cosines) -> tuple[float, int, bool]:
    """Best weighted relevance over the town's needs, that need's index, and whether it is met.

    With the model, relevance is the margin of the practice's best sentence over the need's
    baseline (``calibrate``); theme tags are not used. Without it, a shared theme stands
    in, and says so.
    """
    best, best_index, met = 0.0, -1, False
    for index, need in enumerate(needs):
        if cosines is not None:
            relevance = scaled(float(cosines[index]))
            answered = float(cosines[index]) >= NEED_MATCH_MARGIN
        else:
            answered = bool(need.themes & themes)
            relevance = THEME_ONLY_RELEVANCE * answered
        weighted = relevance * rank_weight(need.rank)
        if weighted > best:
            best, best_index, met = weighted, index, answered
    return best, best_index, met


def size_ratio(a: int | None, b: int | None) -> float | None:
    if not a or not b:
        return None
    return max(a, b) / min(a, b)


def size_fit(a: int | None, b: int | None) -> float:
    ratio = size_ratio(a, b)
    if ratio is None:
        return 0.3
    if ratio <= SIMILAR_SIZE_FACTOR:
        return 1.0
    return 0.5 if ratio <= NEAR_SIZE_FACTOR else 0.0


def cost_fit(budget_band: str, cost_band: str) -> float:
    if not budget_band or not cost_band:
        return 0.5
    return 1.0 if cost_band in AFFORDABLE[budget_band] else 0.0


def calibrate(cosines: np.ndarray, typical: float = TYPICAL_UNRELATED) -> np.ndarray:
    """Cosines (needs × items) as margins over each need's baseline: the median of its row."""
    if cosines.shape[1] < MIN_FOR_MEDIAN:
        return cosines - typical
    return cosines - np.median(cosines, axis=1, keepdims=True)


def score_practice(town: TownView, practice: PracticeView, cosines=None, passages=None) -> Match:
    """``cosines[i]``: the i-th need's margin (``calibrate``) for the practice's best sentence,
    ``passages[i]`` that sentence."""
    need_score, need_index, met = need_fit(town.needs, practice.themes, cosines)
    shared_sdgs = sorted(town.sdgs & practice.sdgs)
    sdg = len(shared_sdgs) / len(town.sdgs) if town.sdgs else 0.0
    size = size_fit(town.population, practice.population)
    cost = cost_fit(town.budget_band, practice.cost_band)
    region = 1.0 if town.region and town.region == practice.region else 0.0
    languages = sorted(town.languages & practice.languages)
    score = (
        NEED_WEIGHT * need_score + SDG_WEIGHT * sdg + SIZE_WEIGHT * size + COST_WEIGHT * cost
        + REGION_WEIGHT * region + LANGUAGE_WEIGHT * bool(languages)
        + RECOGNITION_WEIGHT * practice.recognised
    )  # fmt: skip
    need = town.needs[need_index] if met else None
    passage = passages[need_index].text if need and passages is not None else ""
    reasons = [need_reason(need, semantic=cosines is not None)] if need else []
    reasons += context_reasons(town, practice, size=size, affordable=cost == 1.0)
    if shared_sdgs:
        goals = ", ".join(f"SDG {n}" for n in shared_sdgs)
        reasons.append(_("shares your priorities %(goals)s") % {"goals": goals})
    if languages:
        reasons.append(_("they speak %(lang)s too") % {"lang": ", ".join(languages)})
    if practice.recognised:
        reasons.append(_("awarded or verified"))
    return Match(practice.id, round(score, 4), need.rank if need else None, reasons, passage)


def need_reason(need: NeedView, *, semantic: bool) -> str:
    if semantic:
        return _("matches your need “%(need)s”") % {"need": short(need.text)}
    return _("on the theme of your need “%(need)s”") % {"need": short(need.text)}


def context_reasons(town: TownView, practice: PracticeView, *, size, affordable) -> list[str]:
    """Size, cost and region, each only when true and with the figures behind it."""
    reasons = []
    if size == 1.0:
        reasons.append(_("similar size: %(town)s %(ours)s, %(other)s %(theirs)s") % {
            "town": town.name, "ours": figure(town.population),
            "other": practice.town_name or _("this practice's town"),
            "theirs": figure(practice.population),
        })  # fmt: skip
    cost = (_("costs €%(n)s") % {"n": figure(practice.budget_eur)} if practice.budget_eur
            else practice.cost_name)  # fmt: skip
    if affordable:
        reasons.append(_("%(cost)s, within a budget of %(budget)s") % {
            "cost": cost, "budget": town.budget_name,
        })  # fmt: skip
    elif practice.cost_band == "low" and not town.budget_band:
        reasons.append(practice.cost_name if not practice.budget_eur
                       else _("low cost: €%(n)s") % {"n": figure(practice.budget_eur)})  # fmt: skip
    if town.region and town.region == practice.region and practice.country_name:
        reasons.append(_("from %(country)s, in your region (%(region)s)") % {
            "country": practice.country_name, "region": town.region_name or town.region,
        })  # fmt: skip
    return reasons


def diversify(matches: list[Match], limit: int, repeat_penalty: float = 0.6) -> list[Match]:
    """Pick the best matches so that the top ones cover different needs.

    Each further pick for a need already covered counts ``repeat_penalty`` times less, so
    a second practice for the same need must be clearly better to come first. Matches for
    no need count as already covered once.
    """
    chosen: list[Match] = []
    covered: dict[int | None, int] = {None: 1}
    pool = sorted(matches, key=lambda m: (-m.score, m.item_id))
    while pool and len(chosen) < limit:
        best = max(pool, key=lambda m: m.score * repeat_penalty ** covered.get(m.need_rank, 0))
        pool.remove(best)
        chosen.append(best)
        covered[best.need_rank] = covered.get(best.need_rank, 0) + 1
    return chosen


SHARED_NEED_MARGIN = 0.055  # two needs read alike from here, over their medians to all others
PEER_TYPICAL_UNRELATED = 0.83  # need-to-need baseline when there are too few other needs
PEER_FLOOR, PEER_CEILING = 0.0, 0.10  # need-to-need margin: the baseline → 0, 0.10 over it → 1
PEER_CHALLENGE_WEIGHT = 0.60  # peers are towns facing the same problems
PEER_SIZE_WEIGHT = 0.15  # …in a town of similar size
PEER_REGION_WEIGHT = 0.10  # …with similar institutions
PEER_SDG_WEIGHT = 0.10  # …working towards the same goals
PEER_LANGUAGE_WEIGHT = 0.05  # …and someone to talk to without an interpreter


def script_baselines(similarities: np.ndarray, scripts: list[str]) -> dict[str, np.ndarray]:
    """Each need's median cosine to the other needs written in each script (NaN if too few)."""
    count = len(similarities)
    baselines = {}
    for script in set(scripts):
        columns = np.array([s == script for s in scripts])
        medians = np.full(count, np.nan)
        for row in range(count):
            values = similarities[row, columns & (np.arange(count) != row)]
            if len(values) >= MIN_FOR_MEDIAN:
                medians[row] = np.median(values)
        baselines[script] = medians
    return baselines


def need_margins(similarities: np.ndarray, own: int, scripts: list[str]) -> np.ndarray:
    """The first ``own`` needs against the rest, as margins over the pair's baseline.

    ``similarities`` is square over all needs, the town's first; ``scripts[i]`` is the
    writing system of need i. Cosines across scripts sit lower than within one, so a
    pair's baseline is the mean of each need's median to needs written like the other one;
    when one side has too few such needs to tell, the other side's median stands for both.
    The margin is symmetric: A shares a need with B exactly when B shares it with A.
    """
    if len(similarities) - 1 < MIN_FOR_MEDIAN:
        return similarities[:own, own:] - PEER_TYPICAL_UNRELATED
    baselines = script_baselines(similarities, scripts)
    margins = np.empty((own, len(similarities) - own))
    for i in range(own):
        for j in range(own, len(similarities)):
            pair = [baselines[scripts[j]][i], baselines[scripts[i]][j]]
            known = [b for b in pair if not np.isnan(b)]
            baseline = float(np.mean(known)) if known else PEER_TYPICAL_UNRELATED
            margins[i, j - own] = similarities[i, j] - baseline
    return margins


def shared_needs(town: TownView, other: TownView, cosines) -> list[tuple[str, str, float]]:
    """Each of ``town``'s needs with the other's need that reads most like it, if close enough.

    ``cosines`` are margins over the needs' baselines (``need_margins``).
    """
    shared = []
    for i, need in enumerate(town.needs):
        if not other.needs:
            break
        j = max(range(len(other.needs)), key=lambda j: float(cosines[i][j]))
        if float(cosines[i][j]) >= SHARED_NEED_MARGIN:
            shared.append((need.text, other.needs[j].text, round(float(cosines[i][j]), 3)))
    return shared


def score_peer(town: TownView, other: TownView, other_id: int, cosines) -> Match | None:
    """``cosines[i][j]``: margin of ``town``'s need i to ``other``'s need j (``need_margins``).

    A town is a peer only when at least one need is shared (``SHARED_NEED_MARGIN``); its
    context (size, region, goals, languages) then orders the peers and is explained.
    """
    shared = shared_needs(town, other, cosines)
    if not shared:
        return None
    weights = sum(rank_weight(n.rank) for n in town.needs)
    challenge = sum(
        scaled(max(float(c) for c in cosines[i]), PEER_FLOOR, PEER_CEILING) * rank_weight(n.rank)
        for i, n in enumerate(town.needs)
    ) / weights  # fmt: skip
    size = size_fit(town.population, other.population)
    region = 1.0 if town.region and town.region == other.region else 0.0
    sdgs = sorted(town.sdgs & other.sdgs)
    languages = sorted(town.languages & other.languages)
    score = (
        PEER_CHALLENGE_WEIGHT * challenge + PEER_SIZE_WEIGHT * size + PEER_REGION_WEIGHT * region
        + PEER_SDG_WEIGHT * (len(sdgs) / len(town.sdgs) if town.sdgs else 0.0)
        + PEER_LANGUAGE_WEIGHT * bool(languages)
    )  # fmt: skip
    reasons = []  # the shared needs are shown in full beside these
    if size == 1.0:
        reasons.append(_("similar size: %(town)s %(ours)s, %(other)s %(theirs)s") % {
            "town": town.name, "ours": figure(town.population),
            "other": other.name, "theirs": figure(other.population),
        })  # fmt: skip
    if region:
        region_name = other.region_name or other.region
        reasons.append(_("same region (%(region)s)") % {"region": region_name})
    if sdgs:
        reasons.append(_("shares %(goals)s") % {"goals": ", ".join(f"SDG {n}" for n in sdgs)})
    if languages:
        reasons.append(_("they speak %(lang)s too") % {"lang": ", ".join(languages)})
    return Match(other_id, round(score, 4), None, reasons, shared_needs=shared)
