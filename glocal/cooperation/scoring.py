"""How well an offer fits a need, and a town fits a collaboration: pure functions, no ORM.

Scores lie in [0, 1]; every weight is a named constant with the reason for its size, and
every contribution that counts comes with a reason in plain words.
"""

import math
import re
from dataclasses import dataclass, field

from django.utils.text import Truncator
from django.utils.translation import gettext as _

CATEGORY_WEIGHT = 0.25  # same kind of help (goods, equipment, …) is required; it earns a base
TEXT_WEIGHT = 0.50  # what is asked and what is offered must be about the same thing
DISTANCE_WEIGHT = 0.15  # nearby help arrives sooner and costs less to transport
REGION_WEIGHT = 0.10  # same region: similar rules, languages and easier visits
NEAR_KM, FAR_KM = 50, 3000  # within NEAR_KM counts as next door, beyond FAR_KM as far away
MIN_MATCH_SCORE = 0.40  # below this an offer is not put forward for a need
SEMANTIC_FLOOR, SEMANTIC_CEILING = 0.20, 0.65  # MiniLM cosines: unrelated ≈ 0.1, close ≈ 0.6
TEXT_REASON_THRESHOLD = 0.30  # a weaker text fit is not given as a reason
PARTNER_THEME_WEIGHT = 0.40  # a need on the collaboration's themes
PARTNER_TEXT_WEIGHT = 0.60  # a need worded like the collaboration's aims
MIN_PARTNER_SCORE = 0.30  # below this a town is not suggested as a partner

STOPWORDS = frozenset(
    "about after also among and are been before being both but can could each few for from "
    "have into its more most need needs offer offers other our over per some such than that "
    "the their them then there these they this those through under until very were what when "
    "which while who will with within would your".split()
)


@dataclass(frozen=True)
class TownView:
    name: str
    region: str = ""
    region_label: str = ""
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class PostView:
    id: int
    category: str
    category_label: str
    text: str
    town: TownView


@dataclass
class Scored:
    item_id: int
    score: float
    reasons: list[str] = field(default_factory=list)


def words(text: str) -> frozenset[str]:
    """Content words, lower-cased, with a plural ``s`` dropped so beds and bed meet."""
    found = set()
    for word in re.findall(r"[^\W\d_]{4,}", text.lower()):
        if word not in STOPWORDS:
            found.add(word[:-1] if word.endswith("s") and not word.endswith("ss") else word)
    return frozenset(found)


def word_overlap(a: str, b: str) -> tuple[float, list[str]]:
    """Cosine of the two word sets, and the shared words (alphabetical)."""
    left, right = words(a), words(b)
    if not left or not right:
        return 0.0, []
    shared = sorted(left & right)
    return len(shared) / math.sqrt(len(left) * len(right)), shared


def scaled_cosine(cosine: float) -> float:
    return min(1.0, max(0.0, (cosine - SEMANTIC_FLOOR) / (SEMANTIC_CEILING - SEMANTIC_FLOOR)))


def distance_km(a: TownView, b: TownView) -> float | None:
    """Great-circle distance, or None when a town has no coordinates."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


def closeness(km: float | None) -> float:
    if km is None:
        return 0.0
    if km <= NEAR_KM:
        return 1.0
    return max(0.0, 1 - (km - NEAR_KM) / (FAR_KM - NEAR_KM))


def text_fit(need: PostView, offer: PostView, cosine: float | None) -> tuple[float, str]:
    """How close the wording is, by meaning when the model gives a cosine, else by words."""
    if cosine is not None:
        fit = scaled_cosine(cosine)
        reason = _("The descriptions are close in meaning") if fit >= TEXT_REASON_THRESHOLD else ""
        overlap, shared = word_overlap(need.text, offer.text)
        if shared and fit >= TEXT_REASON_THRESHOLD:
            reason = _("Close in meaning; both mention %s") % ", ".join(shared[:3])
        return fit, reason
    overlap, shared = word_overlap(need.text, offer.text)
    fit = min(1.0, overlap * 2)  # half the words shared is as close as two texts get
    if fit < TEXT_REASON_THRESHOLD or not shared:
        return fit, ""
    return fit, _("Both mention %s") % ", ".join(shared[:3])


def score_offer(need: PostView, offer: PostView, cosine: float | None = None) -> Scored | None:
    """The fit of ``offer`` to ``need``, or None when it is not a candidate at all."""
    if need.category != offer.category or need.town.name == offer.town.name:
        return None
    reasons = [_("Same kind of help: %s") % need.category_label]
    fit, text_reason = text_fit(need, offer, cosine)
    if text_reason:
        reasons.append(text_reason)
    km = distance_km(need.town, offer.town)
    score = CATEGORY_WEIGHT + TEXT_WEIGHT * fit + DISTANCE_WEIGHT * closeness(km)
    if km is not None and closeness(km) > 0:
        reasons.append(_("%(town)s is about %(km)s km away") % {"town": offer.town.name,
                                                                 "km": round(km)})  # fmt: skip
    if need.town.region and need.town.region == offer.town.region:
        score += REGION_WEIGHT
        reasons.append(_("Both towns are in %s") % need.town.region_label)
    return Scored(item_id=offer.id, score=round(min(score, 1.0), 3), reasons=reasons)


def rank_offers(need: PostView, offers: list[PostView], cosines: list[float] | None = None):
    """Offers worth putting forward for ``need``, best first."""
    found = []
    for index, offer in enumerate(offers):
        scored = score_offer(need, offer, cosines[index] if cosines is not None else None)
        if scored is not None and scored.score >= MIN_MATCH_SCORE:
            found.append(scored)
    return sorted(found, key=lambda s: (-s.score, s.item_id))


@dataclass(frozen=True)
class NeedView:
    town_id: int
    town_name: str
    text: str
    themes: tuple[tuple[str, str], ...] = ()  # (slug, label)


def short(text: str, words_: int = 12) -> str:
    return Truncator(text).words(words_, truncate="…")


def score_partner(
    aims: str, themes: frozenset[str], need: NeedView, cosine: float | None = None
) -> Scored:
    """How well a town's stated need fits a collaboration, with the reason in plain words."""
    shared = [label for slug, label in need.themes if slug in themes]
    theme_fit = 1.0 if shared else 0.0
    if cosine is not None:
        text = scaled_cosine(cosine)
    else:
        text = min(1.0, word_overlap(aims, need.text)[0] * 2)
    score = PARTNER_THEME_WEIGHT * theme_fit + PARTNER_TEXT_WEIGHT * text
    reason = _("%(town)s names the same need: “%(need)s”") % {
        "town": need.town_name, "need": short(need.text)}  # fmt: skip
    if shared:
        reason += " " + _("(shared theme: %s)") % ", ".join(shared)
    return Scored(item_id=need.town_id, score=round(score, 3), reasons=[reason])


def rank_partners(aims: str, themes: frozenset[str], needs: list[NeedView], cosines=None):
    """One suggestion per town, by its best-fitting need, best first."""
    best: dict[int, Scored] = {}
    for index, need in enumerate(needs):
        scored = score_partner(aims, themes, need, cosines[index] if cosines is not None else None)
        if scored.score >= MIN_PARTNER_SCORE and (
            need.town_id not in best or scored.score > best[need.town_id].score
        ):
            best[need.town_id] = scored
    return sorted(best.values(), key=lambda s: (-s.score, s.item_id))
