"""Time the search engine at several corpus sizes: ``bench_search --sizes 1000,10000,100000``.

Each size is a synthetic set of practices written inside a transaction that is rolled
back. Half the queries are short (one to three words, as typed in the showroom: BM25 with
feedback), half long; each kind is also timed apart. Embedding 100,000 texts would take
hours on two cores, so each practice gets one
synthetic unit vector drawn around a few hundred topics (text embeddings cluster the same
way); queries are embedded by the real model, so the query path is measured in full.
Prints one JSON line per size.
"""

import itertools
import json
import random
import statistics
import time

import numpy as np
from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from glocal.lib.embeddings import DIMENSIONS, active_model_name, get_encoder
from glocal.lib.retrieval import chunks_for_embedding, is_short
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
        self.stdout.write(json.dumps({"models": [model_figures(key, queries) for key in MODELS]}))
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
        texts = distinct_queries(queries)
        forget_queries(encoder)
        hybrid = timings(lambda q: engine.rank(q, limit=20), texts)
        forget_queries(encoder)
        embedding = timings(lambda q: encoder.queries([q]), texts)
        overall = figures(hybrid["all"]), figures(embedding["all"])
        return {
            "practices": size, "index_s": round(index_s, 2), "model": encoder.name,
            "queries": {kind: len(times) for kind, times in hybrid.items()},
            "hybrid": overall[0], "query_embedding": overall[1],
            "hybrid_short": figures(hybrid["short"]), "hybrid_long": figures(hybrid["long"]),
            "query_embedding_short": figures(embedding["short"]),
            "query_embedding_long": figures(embedding["long"]),
            "hybrid_p95_within_1_5x_embedding": overall[0]["p95_ms"] <= 1.5 * overall[1]["p95_ms"],
            "lexical": timing(lambda q: snapshot.main.bm25.search(q, limit=20), texts),
            "rss_mb": rss_mb(), "vector_index": type(snapshot.main.vectors).__name__,
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
            [PracticeVector(practice=p, model=active_model_name(), text_hash="bench", chunks=1,
                            data=v.astype(np.float32).tobytes())
             for p, v in zip(created, vectors, strict=True)],
            batch_size=2000,
        )  # fmt: skip
        bump_generation()
        return [p.pk for p in created]


MODELS = ("e5", "minilm")


def distinct_queries(count: int) -> list[str]:
    """Queries that never repeat, so that the query cache does not flatter the figures:
    every other one short (one to three words of the corpus), the others long."""
    rng = random.Random(count)
    short: set[str] = set()
    while len(short) < (count + 1) // 2:
        short.add(" ".join(rng.sample(WORDS, k=rng.randint(1, 3))))
    ordered = sorted(short, key=lambda _: rng.random())
    long = [f"{QUERIES[i % len(QUERIES)]} {' '.join(rng.choices(WORDS, k=2))} {i}"
            for i in range(count // 2)]  # fmt: skip
    mixed = [q for pair in itertools.zip_longest(ordered, long) for q in pair if q]
    return mixed[:count]


def forget_queries(encoder) -> None:
    if hasattr(encoder, "cache"):
        encoder.cache.clear()


def model_figures(key: str, queries: int) -> dict:
    """Query embedding p50/p95 (cache cleared), passages per second and RSS of a model."""
    encoder = get_encoder(key)
    if encoder is None:
        return {"model": key, "status": "unavailable"}
    encoder.queries(["warm up"])
    forget_queries(encoder)
    texts = distinct_queries(queries)
    embedding = timing(lambda q: encoder.queries([q]), texts)
    body = " ".join(random.Random(0).choices(WORDS, k=150))
    passages = chunks_for_embedding("Bench practice", body)[1:] * 32
    started = time.perf_counter()
    encoder.passages(passages)
    per_second = len(passages) / (time.perf_counter() - started)
    return {"model": encoder.name, "query_embedding": embedding,
            "passages_per_s": round(per_second, 1), "passage_words": 150,
            "rss_mb_after_loading": rss_mb()}  # fmt: skip


def timing(function, texts: list[str]) -> dict:
    return figures(timings(function, texts)["all"])


def timings(function, texts: list[str]) -> dict[str, list[float]]:
    """Milliseconds per text, all together and for short and long queries apart."""
    times: dict[str, list[float]] = {"all": [], "short": [], "long": []}
    for text in texts:
        started = time.perf_counter()
        function(text)
        elapsed = (time.perf_counter() - started) * 1000
        times["all"].append(elapsed)
        times["short" if is_short(text) else "long"].append(elapsed)
    return times


def figures(times: list[float]) -> dict:
    if not times:
        return {"p50_ms": 0.0, "p95_ms": 0.0}
    return {
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(percentile(times, 0.95), 2),
    }
