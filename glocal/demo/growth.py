"""Synthetic practices and towns for benchmarks, written for good (into a throw-away copy).

Practices get text from a small vocabulary, themes, SDGs, a country and a town, and one
synthetic unit vector each, clustered around 300 topics as text embeddings are, so the
engine serves them in hybrid mode without running the encoder.
"""

import random

import numpy as np
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone

from glocal.lib.embeddings import active_model_name
from glocal.members.models import Municipality, User
from glocal.practices.engine import bump_generation
from glocal.practices.models import Practice, PracticeVector, Status
from glocal.reference.models import Country, Sdg, Theme

WORDS = (
    "youth participation language courses waste recycling housing refugees summer camp digital "
    "services budget volunteers parks school health women jobs elderly care transport culture "
    "library climate energy water gardens migrants integration council assembly survey market"
).split()
DIMENSIONS = 384


def grow_practices(count: int, *, seed: int = 7) -> None:
    """Add ``count`` published practices spread over the member towns."""
    rng, words = np.random.default_rng(seed), random.Random(seed)
    towns = list(Municipality.objects.filter(is_member=True).select_related("country"))
    countries = list(Country.objects.filter(iso__in=["IT", "AT", "LB", "XK", "GR", "JO"]))
    now = timezone.now()
    practices = []
    for i in range(count):
        town = towns[i % len(towns)] if towns else None
        text = " ".join(words.choices(WORDS, k=120))
        practices.append(Practice(
            title=" ".join(words.choices(WORDS, k=4)).capitalize(), slug=f"bench-practice-{i}",
            summary=text[:300], approach=text, status=Status.PUBLISHED, published_at=now,
            municipality=town, country=town.country if town else countries[i % len(countries)],
            start_year=2010 + i % 15, cost_band=("low", "medium", "high")[i % 3],
            award="Innovation in Politics Award" if i % 17 == 0 else "",
        ))  # fmt: skip
    created = Practice.objects.bulk_create(practices, batch_size=2000)
    themes, sdgs = list(Theme.objects.all()), list(Sdg.objects.all())
    Practice.themes.through.objects.bulk_create([
        Practice.themes.through(practice_id=p.pk, theme_id=themes[(p.pk + k * 5) % len(themes)].pk)
        for p in created for k in range(2)
    ], batch_size=5000)  # fmt: skip
    Practice.sdgs.through.objects.bulk_create([
        Practice.sdgs.through(practice_id=p.pk, sdg_id=sdgs[(p.pk + k * 7) % len(sdgs)].pk)
        for p in created for k in range(2)
    ], batch_size=5000)  # fmt: skip
    topics = rng.normal(size=(300, DIMENSIONS)).astype(np.float32)
    vectors = topics[rng.integers(0, 300, count)] + rng.normal(size=(count, DIMENSIONS)) * 0.6
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    PracticeVector.objects.bulk_create(
        [PracticeVector(practice=p, model=active_model_name(), text_hash="bench", chunks=1,
                        data=v.astype(np.float32).tobytes())
         for p, v in zip(created, vectors, strict=True)],
        batch_size=2000,
    )  # fmt: skip
    bump_generation()


def signed_in_session(user: User) -> str:
    """A stored session of ``user``, as if they had signed in; returns its key."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key
