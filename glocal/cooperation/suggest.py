"""Candidates for the pure scoring in ``scoring.py``: a query or two, then a ranking.

Text similarity uses the practices engine's MiniLM encoder when it is on; without it
(``GLOCAL_EMBEDDINGS=off`` or no model) the scoring falls back to shared words and themes.
"""

from glocal.members.models import Municipality, Need
from glocal.practices.engine import engine

from . import scoring
from .models import Collaboration, Partner, Post

CANDIDATES = 200  # open posts compared per suggestion run; the board is never larger than this
MAX_MATCHES = 5  # offers put forward for one need (or needs for one offer)
MAX_PARTNERS = 5


def town_view(town: Municipality) -> scoring.TownView:
    return scoring.TownView(
        name=town.name, region=town.country.region, region_label=town.region_label,
        latitude=float(town.latitude) if town.latitude is not None else None,
        longitude=float(town.longitude) if town.longitude is not None else None,
    )  # fmt: skip


def post_text(post: Post) -> str:
    return f"{post.title}. {post.description}"


def post_view(post: Post) -> scoring.PostView:
    return scoring.PostView(
        id=post.pk, category=post.category, category_label=str(post.get_category_display()),
        text=post_text(post), town=town_view(post.municipality),
    )  # fmt: skip


def cosines(text: str, others: list[str]) -> list[float] | None:
    """Cosine of ``text`` to each of ``others``, or None without the model."""
    vectors = engine.encode([text, *others]) if others else None
    if vectors is None:
        return None
    return [float(v) for v in vectors[1:] @ vectors[0]]


def counterparts(post: Post):
    """Open posts of the other kind, in the same category, from other towns."""
    other = Post.objects.offers() if post.kind == Post.Kind.NEED else Post.objects.needs()
    return list(
        other.open()
        .filter(category=post.category)
        .exclude(municipality=post.municipality_id)
        .for_board()
        .order_by("-created_at")[:CANDIDATES]
    )


def matches_for(post: Post) -> list[tuple[Post, scoring.Scored]]:
    """The best counterparts of ``post``, each with its score and reasons."""
    candidates = counterparts(post)
    view = post_view(post)
    sims = cosines(view.text, [post_text(c) for c in candidates])
    found = []
    for index, candidate in enumerate(candidates):
        other = post_view(candidate)
        need, offer = (view, other) if post.kind == Post.Kind.NEED else (other, view)
        scored = scoring.score_offer(need, offer, sims[index] if sims is not None else None)
        if scored is not None and scored.score >= scoring.MIN_MATCH_SCORE:
            found.append((candidate, scored))
    found.sort(key=lambda pair: (-pair[1].score, pair[0].pk))
    return found[:MAX_MATCHES]


def partner_suggestions(collaboration: Collaboration) -> list[tuple[Municipality, list[str]]]:
    """Member towns not yet involved whose stated needs fit the collaboration, with why."""
    involved = Partner.objects.filter(collaboration=collaboration).values("municipality")
    themes = {t.slug for t in collaboration.themes.all()}
    needs = list(
        Need.objects.filter(municipality__is_member=True)
        .exclude(municipality__in=involved)
        .select_related("municipality")
        .prefetch_related("themes")
    )
    views = [
        scoring.NeedView(
            town_id=n.municipality_id,
            town_name=n.municipality.name,
            text=n.text,
            themes=tuple((t.slug, t.name) for t in n.themes.all()),
        )  # fmt: skip
        for n in needs
    ]
    aims = f"{collaboration.title}. {collaboration.summary}"
    sims = cosines(aims, [n.text for n in needs])
    ranked = scoring.rank_partners(aims, frozenset(themes), views, sims)
    towns = Municipality.objects.in_bulk([s.item_id for s in ranked[:MAX_PARTNERS]])
    return [(towns[s.item_id], s.reasons) for s in ranked[:MAX_PARTNERS]]
