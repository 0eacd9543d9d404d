"""What the network would hand-pick for the demo towns' needs, and how close matching comes.

``ANSWERS`` names, for a demo town's need (slug, rank), the practices (title prefixes) that
answer it, read by a person; the other published practices count as not answering it.
``measure()`` scores the need → practice margins that recommendations use against them.
"""

import time

import numpy as np

from glocal.members.models import Municipality
from glocal.practices.models import Practice

from . import passages
from .recommend import peers, recommend, with_profile
from .scoring import NEED_MATCH_MARGIN, calibrate

ANSWERS = {
    ("kamenica", 1): ["Cuckoo's Nest", "Multi-Purpose Community Centre"],
    ("zahle", 1): ["Learning Each Other's", "Cuckoo's Nest", "Multi-Purpose Community Centre"],
    ("zahle", 2): ["Multi-Purpose Community Centre", "Spilamberto and Us", "Social Cohesion"],
    ("zahle", 3): ["Spilamberto and Us"],
    ("baalbek", 1): ["Spilamberto and Us", "Pop Up on Vivid Street", "Youth Empowerment"],
    ("batroun", 1): ["Spilamberto and Us"],
    ("batroun", 2): ["No Data Waste"],
    ("batroun", 3): ["Summer Urban Camp", "Social Cohesion Summer Camp"],
    ("chios", 1): ["Social Cohesion Summer Camp"],
    ("chios", 2): ["Multi-Purpose Community Centre"],
    ("spilamberto", 2): ["Municipal Flats for Senior"],
    ("jbeil", 3): ["Spilamberto and Us"],
    ("pazardzhik", 1): ["Werkstatt Junges Wien", "Pop Up on Vivid Street"],
}


def need_rows(slug: str, rank: int, practices: list[Practice]):
    """The margins of one need to every practice not its town's own, and which answer it."""
    town = Municipality.objects.get(slug=slug)
    mine = [p for p in practices if p.municipality_id != town.pk]
    need = town.needs.get(rank=rank).text
    found = passages.best_passages([need], [passages.practice_text(p) for p in mine])
    margins = ((calibrate(found.sentence) + calibrate(found.overview)) / 2)[0]
    answers = np.array([p.title.startswith(tuple(ANSWERS[slug, rank])) for p in mine])
    return margins, answers


def measure() -> dict:
    """Precision and recall of "matches your need", mean reciprocal rank, peers, timings."""
    practices = list(Practice.objects.published().order_by("pk"))
    named = right = relevant = 0
    reciprocal = []
    for slug, rank in ANSWERS:
        margins, answers = need_rows(slug, rank, practices)
        order = np.argsort(-margins)
        reciprocal.append(1 / (1 + int(np.flatnonzero(answers[order])[0])))
        said = margins >= NEED_MATCH_MARGIN
        named += int(said.sum())
        right += int((said & answers).sum())
        relevant += int(answers.sum())
    towns = list(with_profile(Municipality.objects.filter(is_member=True)))
    started = time.perf_counter()
    for town in towns:
        recommend(town)
    per_town = (time.perf_counter() - started) / len(towns)
    peer_counts = [len(peers(town)) for town in towns]
    return {
        "needs": len(ANSWERS), "named": named, "right": right, "answers": relevant,
        "precision": round(right / max(named, 1), 3), "recall": round(right / relevant, 3),
        "mrr": round(float(np.mean(reciprocal)), 3),
        "peers_per_town": round(float(np.mean(peer_counts)), 2),
        "towns_with_peers": sum(1 for n in peer_counts if n), "towns": len(towns),
        "recommend_warm_s": round(per_town, 3),
    }  # fmt: skip
