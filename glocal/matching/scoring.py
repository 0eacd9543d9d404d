"""How well a practice fits a town, and a peer town fits another: pure functions, no ORM.

Every weight is a named constant with the reason for its size. Scores lie in [0, 1];
each contribution that matters comes with a reason in plain words.
"""

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

SIZE_BANDS = ["xs", "s", "m", "l", "xl"]
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
SEMANTIC_FLOOR, SEMANTIC_CEILING = 0.20, 0.60  # MiniLM cosines: unrelated ≈ 0.1, close ≈ 0.6
NEED_REASON_THRESHOLD = 0.45  # below this a need is not named as a reason
THEME_ONLY_RELEVANCE = 0.70  # sharing a theme without similar wording is a good, not full, fit


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
    size_band: str = ""
    region: str = ""
    country: str = ""
    languages: frozenset[str] = frozenset()
    budget_band: str = ""


@dataclass(frozen=True)
class PracticeView:
    id: int
    title: str
    themes: frozenset[str] = frozenset()
    sdgs: frozenset[int] = frozenset()
    population: int | None = None
    size_band: str = ""
    region: str = ""
    country: str = ""
    country_name: str = ""
    languages: frozenset[str] = frozenset()
    cost_band: str = ""
    recognised: bool = False


@dataclass
class Match:
    item_id: int
    score: float
    need_rank: int | None = None
    reasons: list[str] = field(default_factory=list)


def short(text: str, words: int = 10) -> str:
    """A need as quoted in a reason: its first words."""
    return Truncator(text).words(words, truncate="…")


def scaled_similarity(cosine: float) -> float:
    span = SEMANTIC_CEILING - SEMANTIC_FLOOR
    return min(1.0, max(0.0, (cosine - SEMANTIC_FLOOR) / span))


def rank_weight(rank: int) -> float:
    """The first need counts fully, later ones a little less (rank 5 counts half)."""
    return 1.0 / (1.0 + 0.25 * (max(rank, 1) - 1))


def need_fit(needs: tuple[NeedView, ...], themes: frozenset[str], cosines) -> tuple[float, int]:
    """Best weighted relevance over the town's needs, and the index of that need."""
    best, best_index = 0.0, -1
    for index, need in enumerate(needs):
        semantic = scaled_similarity(float(cosines[index])) if cosines is not None else 0.0
        relevance = semantic
        if need.themes & themes:
            relevance = max(semantic, THEME_ONLY_RELEVANCE + (1 - THEME_ONLY_RELEVANCE) * semantic)
        weighted = relevance * rank_weight(need.rank)
        if weighted > best:
            best, best_index = weighted, index
    return best, best_index


def size_fit(a: str, b: str) -> float:
    if not a or not b:
        return 0.3
    distance = abs(SIZE_BANDS.index(a) - SIZE_BANDS.index(b))
    return {0: 1.0, 1: 0.5}.get(distance, 0.0)


def cost_fit(budget_band: str, cost_band: str) -> float:
    if not budget_band or not cost_band:
        return 0.5
    return 1.0 if cost_band in AFFORDABLE[budget_band] else 0.0


def score_practice(town: TownView, practice: PracticeView, cosines=None) -> Match:
    """``cosines[i]`` is the similarity of the town's i-th need to the practice's text."""
    need_score, need_index = need_fit(town.needs, practice.themes, cosines)
    shared_sdgs = sorted(town.sdgs & practice.sdgs)
    sdg = len(shared_sdgs) / len(town.sdgs) if town.sdgs else 0.0
    size = size_fit(town.size_band, practice.size_band)
    cost = cost_fit(town.budget_band, practice.cost_band)
    region = 1.0 if town.region and town.region == practice.region else 0.0
    languages = sorted(town.languages & practice.languages)
    score = (
        NEED_WEIGHT * need_score + SDG_WEIGHT * sdg + SIZE_WEIGHT * size + COST_WEIGHT * cost
        + REGION_WEIGHT * region + LANGUAGE_WEIGHT * bool(languages)
        + RECOGNITION_WEIGHT * practice.recognised
    )  # fmt: skip
    need = town.needs[need_index] if need_index >= 0 else None
    reasons = practice_reasons(
        need=need if need_score >= NEED_REASON_THRESHOLD else None,
        practice=practice, size=size, shared_sdgs=shared_sdgs, languages=languages,
        same_region=bool(region), affordable=cost == 1.0,
    )  # fmt: skip
    return Match(practice.id, round(score, 4), need.rank if need else None, reasons)


def practice_reasons(
    *, need, practice, size, shared_sdgs, languages, same_region, affordable
) -> list[str]:
    reasons = []
    if need:
        reasons.append(_("matches your need “%(need)s”") % {"need": short(need.text)})
    if size == 1.0 and practice.population:
        people = number_format(practice.population, force_grouping=True)
        reasons.append(_("done in a town of %(n)s like yours") % {"n": people})
    if practice.cost_band == "low":
        reasons.append(_("low cost"))
    elif affordable:
        reasons.append(_("within your budget"))
    if shared_sdgs:
        goals = ", ".join(f"SDG {n}" for n in shared_sdgs)
        reasons.append(_("shares your priorities %(goals)s") % {"goals": goals})
    if same_region and practice.country_name:
        reasons.append(_("from %(country)s, in your region") % {"country": practice.country_name})
    if languages:
        reasons.append(_("they speak %(lang)s too") % {"lang": ", ".join(languages)})
    if practice.recognised:
        reasons.append(_("awarded or verified"))
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


PEER_CHALLENGE_WEIGHT = 0.60  # peers are towns facing the same problems
PEER_SIZE_WEIGHT = 0.15  # …in a town of similar size
PEER_REGION_WEIGHT = 0.10  # …with similar institutions
PEER_SDG_WEIGHT = 0.10  # …working towards the same goals
PEER_LANGUAGE_WEIGHT = 0.05  # …and someone to talk to without an interpreter


def score_peer(town: TownView, other: TownView, other_id: int, cosines=None) -> Match:
    """``cosines[i][j]``: similarity of ``town``'s need i to ``other``'s need j."""
    challenge, shared_need = 0.0, None
    weights = 0.0
    for i, need in enumerate(town.needs):
        row = cosines[i] if cosines is not None else [0.0] * len(other.needs)
        fits = [
            max(
                scaled_similarity(float(row[j])),
                THEME_ONLY_RELEVANCE * bool(need.themes & o.themes),
            )
            for j, o in enumerate(other.needs)
        ]
        best = max(fits, default=0.0)
        challenge += best * rank_weight(need.rank)
        weights += rank_weight(need.rank)
        if best >= NEED_REASON_THRESHOLD and (shared_need is None or best > shared_need[0]):
            shared_need = (best, other.needs[fits.index(best)].text)
    challenge = challenge / weights if weights else 0.0
    size = size_fit(town.size_band, other.size_band)
    region = 1.0 if town.region and town.region == other.region else 0.0
    sdgs = sorted(town.sdgs & other.sdgs)
    languages = sorted(town.languages & other.languages)
    score = (
        PEER_CHALLENGE_WEIGHT * challenge + PEER_SIZE_WEIGHT * size + PEER_REGION_WEIGHT * region
        + PEER_SDG_WEIGHT * (len(sdgs) / len(town.sdgs) if town.sdgs else 0.0)
        + PEER_LANGUAGE_WEIGHT * bool(languages)
    )  # fmt: skip
    reasons = []
    if shared_need:
        reasons.append(_("also faces “%(need)s”") % {"need": short(shared_need[1])})
    if size == 1.0 and other.population:
        people = number_format(other.population, force_grouping=True)
        reasons.append(_("similar size: %(n)s inhabitants") % {"n": people})
    if region:
        reasons.append(_("same region"))
    if sdgs:
        reasons.append(_("shares %(goals)s") % {"goals": ", ".join(f"SDG {n}" for n in sdgs)})
    if languages:
        reasons.append(_("they speak %(lang)s too") % {"lang": ", ".join(languages)})
    return Match(other_id, round(score, 4), None, reasons)
