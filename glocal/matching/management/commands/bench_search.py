"""Time the search engine at several corpus sizes: ``bench_search --sizes 1000,10000,100000``.

Each size is a synthetic set of practices written inside a transaction that is rolled
back. Embedding 100,000 texts would take hours on two cores, so each practice gets one
synthetic unit vector drawn around a few hundred topics (text embeddings cluster the same
way); queries are embedded by the real model, so the query path is measured in full.
Prints one JSON line per size.
"""

import json
import random
import statistics
import time

import numpy as np
from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from glocal.lib.embeddings import DIMENSIONS, MODEL_NAME, get_encoder
from glocal.practices.engine import SearchEngine, bump_generation
from glocal.practices.models import Practice, PracticeVector, Status

from ...evaluation import percentile
from ...throwaway import add_in_place_argument, run_in_throwaway_database

WORDS = (
    "youth participation language courses waste recycling housing refugees summer camp digital "
    "services budget volunteers parks school health women jobs elderly care transport culture "
    "library climate energy water gardens migrants integration council assembly survey market"
).split()
QUERIES = ["youth participation", "language courses for refugees", "waste recycling fees",
           "summer camp for children", "housing for elderly people", "digital services portal",
           "volunteers care for parks", "women health check-ups"]  # fmt: skip


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmRSS"))
    return round(int(line.split()[1]) / 1024, 1)


class Command(BaseCommand):
    help = "Benchmark hybrid search, query embedding and lexical search at several sizes."

    def add_arguments(self, parser):
        add_in_place_argument(parser)
        parser.add_argument("--sizes", default="1000,10000,100000")
        parser.add_argument("--queries", type=int, default=200)

    def handle(self, *args, sizes: str, queries: int, in_place: bool, **options):
        if not in_place:
            arguments = ["bench_search", "--sizes", sizes, "--queries", str(queries), "--in-place"]
            run_in_throwaway_database(arguments)
            return
        encoder = get_encoder()
        if encoder is None:
            self.stderr.write("The embedding model is not available; hybrid figures need it.")
            return
        encoder.encode(["warm up"])
        for size in [int(s) for s in sizes.split(",")]:
            with transaction.atomic():
                result = self.measure(size, queries, encoder)
                transaction.set_rollback(True)
            self.stdout.write(json.dumps(result))

    def measure(self, size: int, queries: int, encoder) -> dict:
        ids = self.populate(size)
        engine = SearchEngine(scope=Practice.objects.filter(pk__in=ids))
        started = time.perf_counter()
        snapshot = engine.refresh()
        index_s = time.perf_counter() - started
        texts = [QUERIES[i % len(QUERIES)] for i in range(queries)]
        return {
            "practices": size, "index_s": round(index_s, 2),
            "hybrid": timing(lambda q: engine.rank(q, limit=20), texts),
            "query_embedding": timing(lambda q: encoder.encode([q]), texts),
            "lexical": timing(lambda q: snapshot.bm25.search(q, limit=20), texts),
            "rss_mb": rss_mb(), "vector_index": type(snapshot.vectors).__name__,
        }  # fmt: skip

    def populate(self, size: int) -> list[int]:
        rng, random_words = np.random.default_rng(size), random.Random(size)
        topics = rng.normal(size=(300, DIMENSIONS)).astype(np.float32)
        practices = []
        for i in tqdm(range(size), desc=f"{size} practices", disable=None):
            text = " ".join(random_words.choices(WORDS, k=120))
            practices.append(Practice(title=" ".join(random_words.choices(WORDS, k=4)),
                                      slug=f"bench-{size}-{i}", summary=text[:300],
                                      approach=text, status=Status.PUBLISHED))  # fmt: skip
        created = Practice.objects.bulk_create(practices, batch_size=2000)
        vectors = topics[rng.integers(0, 300, size)] + rng.normal(size=(size, DIMENSIONS)) * 0.6
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        PracticeVector.objects.bulk_create(
            [PracticeVector(practice=p, model=MODEL_NAME, text_hash="bench", chunks=1,
                            data=v.astype(np.float32).tobytes())
             for p, v in zip(created, vectors, strict=True)],
            batch_size=2000,
        )  # fmt: skip
        bump_generation()
        return [p.pk for p in created]


def timing(function, texts: list[str]) -> dict:
    times = []
    for text in texts:
        started = time.perf_counter()
        function(text)
        times.append((time.perf_counter() - started) * 1000)
    return {
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(percentile(times, 0.95), 2),
    }
