"""Time the showroom under load: ``manage.py benchmark_showroom --practices 5000``.

Adds synthetic published practices inside a transaction that is rolled back at the end,
requests the list page with a mix of searches and facets, and prints JSON as its last line.
"""

import json
import random
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from tqdm import tqdm

from glocal.members.models import Municipality
from glocal.practices.models import Practice, Status
from glocal.reference.models import Country, Sdg, Theme

WORDS = (
    "youth participation language waste recycling housing refugees summer camp digital "
    "services budget volunteers parks school health women jobs"
).split()
QUERIES = [
    {},
    {"q": "youth participation"},
    {"theme": "children-youth"},
    {"q": "waste", "region": "europe", "sdg": "11"},
    {"region": "mena", "cost": "low", "sort": "title"},
    {"page": "3"},
]


class Command(BaseCommand):
    help = "Measure showroom response times on a synthetic corpus (rolled back afterwards)."

    def add_arguments(self, parser):
        parser.add_argument("--practices", type=int, default=5000)
        parser.add_argument("--requests", type=int, default=120)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, practices: int, requests: int, seed: int, **options):
        random.seed(seed)
        with transaction.atomic():
            self.populate(practices)
            result = self.measure(requests) | {"practices": Practice.objects.published().count()}
            transaction.set_rollback(True)
        self.stdout.write(json.dumps(result))

    def populate(self, count: int) -> None:
        countries = list(Country.objects.filter(iso__in=["IT", "AT", "LB", "XK", "GR", "JO"]))
        towns = [
            Municipality.objects.create(
                name=f"Bench town {i}",
                slug=f"bench-town-{i}",
                country=random.choice(countries),
                population=random.randint(1_000, 900_000),
            )  # fmt: skip
            for i in range(50)
        ]
        themes, sdgs = list(Theme.objects.all()), list(Sdg.objects.all())
        rows = []
        for i in tqdm(range(count), desc="practices", disable=None):
            town = random.choice(towns)
            text = " ".join(random.choices(WORDS, k=40))
            rows.append(Practice(
                title=f"Bench practice {i} " + " ".join(random.choices(WORDS, k=3)),
                slug=f"bench-practice-{i}", summary=text[:300], approach=text,
                municipality=town, country=town.country, status=Status.PUBLISHED,
                start_year=random.randint(2010, 2026),
                cost_band=random.choice(["low", "medium", "high"]),
            ))  # fmt: skip
        created = Practice.objects.bulk_create(rows, batch_size=1000)
        links = Practice.themes.through
        links.objects.bulk_create(
            [links(practice=p, theme=t) for p in created for t in random.sample(themes, 2)],
            batch_size=2000,
        )
        sdg_links = Practice.sdgs.through
        sdg_links.objects.bulk_create(
            [sdg_links(practice=p, sdg=s) for p in created for s in random.sample(sdgs, 2)],
            batch_size=2000,
        )

    def measure(self, requests: int) -> dict:
        client = Client()
        timings, queries = [], set()
        for i in tqdm(range(requests), desc="requests", disable=None):
            params = QUERIES[i % len(QUERIES)]
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = client.get("/practices/", params)
                timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, response.status_code
            queries.add(len(captured))
        timings.sort()
        return {
            "database": connection.vendor,
            "requests": requests,
            "p50_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 1),
            "max_queries_per_page": max(queries),
        }
