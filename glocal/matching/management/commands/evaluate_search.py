"""Score the production search engine on a BEIR retrieval set.

The corpus becomes practices inside a transaction that is rolled back at the end, so the
database is left as it was; the engine indexes only those practices.
"""

import json
import statistics
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from glocal.lib.embeddings import get_encoder
from glocal.practices.engine import SearchEngine, embed_practices
from glocal.practices.models import Practice, Status

from ...evaluation import (
    CachedPassages,
    breakdown,
    mrr_at,
    ndcg_at,
    percentile,
    read_beir,
    read_query_metadata,
    recall_at,
)
from ...throwaway import add_in_place_argument, run_in_throwaway_database


class Command(BaseCommand):
    help = "Index a BEIR corpus with the production engine, run its queries, print metrics."

    def add_arguments(self, parser):
        add_in_place_argument(parser)
        parser.add_argument("folder", type=Path)
        parser.add_argument("--split", default="dev")
        parser.add_argument("--limit", type=int, default=0, help="only the first N queries")
        parser.add_argument(
            "--vector-cache",
            type=Path,
            help="an .npz file of passage vectors, read and extended (keep it outside the repo)",
        )

    def handle(self, *args, folder: Path, split: str, limit: int, in_place: bool, **options):
        cache = options.get("vector_cache")
        if not (folder / "corpus.jsonl").exists():
            raise CommandError(f"{folder} has no corpus.jsonl: not a BEIR folder")
        if not in_place:
            arguments = ["evaluate_search", str(folder.resolve()), "--split", split,
                         "--limit", str(limit), "--in-place"]  # fmt: skip
            if cache:
                arguments += ["--vector-cache", str(cache.resolve())]
            if run_in_throwaway_database(arguments):
                raise CommandError("the evaluation failed")
            return
        corpus, queries, qrels = read_beir(folder, split)
        if limit:
            queries = dict(list(queries.items())[:limit])
        encoder = get_encoder()
        if cache and encoder is not None:
            encoder = CachedPassages(encoder, cache)
        with transaction.atomic():
            result = self.evaluate(corpus, queries, qrels, encoder)
            transaction.set_rollback(True)
        if isinstance(encoder, CachedPassages):
            encoder.save()
        result.update(breakdown(result.pop("per_query"), read_query_metadata(folder)))
        self.stdout.write(json.dumps(result))

    def evaluate(self, corpus: dict, queries: dict, qrels: dict, encoder) -> dict:
        started = time.perf_counter()
        doc_of = self.create_practices(corpus)
        with tqdm(total=len(doc_of), desc="embedding", unit="doc", disable=None) as bar:
            embed_practices(list(doc_of), progress=bar.update, encoder=encoder)
        engine = SearchEngine(scope=Practice.objects.filter(pk__in=list(doc_of)))
        engine.refresh()
        index_s = time.perf_counter() - started
        scores, timings = {"ndcg": [], "recall": [], "mrr": []}, []
        for query_id, text in tqdm(queries.items(), desc="queries", disable=None):
            begin = time.perf_counter()
            ranked = [doc_of[pk] for pk, _ in engine.rank(text, limit=10)]
            timings.append((time.perf_counter() - begin) * 1000)
            scores["ndcg"].append(ndcg_at(ranked, qrels[query_id]))
            scores["recall"].append(recall_at(ranked, qrels[query_id]))
            scores["mrr"].append(mrr_at(ranked, qrels[query_id]))
        return {
            "queries": len(queries),
            "ndcg@10": round(statistics.fmean(scores["ndcg"]), 4) if queries else 0.0,
            "recall@10": round(statistics.fmean(scores["recall"]), 4) if queries else 0.0,
            "mrr@10": round(statistics.fmean(scores["mrr"]), 4) if queries else 0.0,
            "p50_ms": round(percentile(timings, 0.5), 2),
            "p95_ms": round(percentile(timings, 0.95), 2),
            "index_s": round(index_s, 2),
            "mode": engine.status()["mode"],
            "model": engine.status()["model"]["model"],
            "per_query": dict(zip(queries, scores["ndcg"], strict=True)),
        }

    def create_practices(self, corpus: dict) -> dict[int, str]:
        practices = Practice.objects.bulk_create(
            Practice(title=title[:200], slug=f"eval-{i}", summary="", approach=text,
                     status=Status.PUBLISHED, licence="")
            for i, (doc_id, (title, text)) in enumerate(corpus.items())
        )  # fmt: skip
        return {p.pk: doc_id for p, doc_id in zip(practices, corpus, strict=True)}
