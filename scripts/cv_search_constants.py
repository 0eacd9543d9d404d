"""Cross-validate the search engine's constants over the three dev sets at once.

    OMP_NUM_THREADS=1 .venv/bin/python scripts/cv_search_constants.py [--cache /tmp/searchcv]

Each set's corpus becomes practices in a throw-away SQLite database, embedded through the
``.npz`` caches that ``evaluate_search --vector-cache`` writes (``<cache>/<set>.npz``;
query vectors are cached beside them), and indexed by the engine's own ``build_snapshot``.
Every query is then ranked as ``SearchEngine.rank`` does (the same dense hits, band,
trust and fusion), for each point of two grids:

- long queries: BM25 k1 and b, dense weight, mention prior, trust power (``FUSION``);
- short queries: the word limit, BM25 k1/b for them, feedback documents, terms and share,
  dense weight (``SHORT_*`` and ``SHORT_FUSION``).

Repeated stratified k-fold over the pooled queries (each set split into k folds): on the
training folds the constants are chosen that maximise the mean of the three sets' mean
nDCG@10 (each set counts the same, whatever its size); the held-out fold is scored with
them. For a fixed word limit the long and short constants touch different queries, so
they are chosen independently and the word limit last. Prints one JSON object: the
shipped and the chosen-on-everything constants, each set's held-out nDCG@10 (mean ± sd
over folds) for the cross-validated choice and for the shipped constants, how often each
value was chosen, and what each constant buys (one changed at a time from the choice).
"""

import argparse
import itertools
import json
import math
import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glocal.settings")
EVAL = Path("/work/shared/eval")
SETS = {  # name -> (BEIR folder, split)
    "methods": (EVAL / "participedia-methods" / "dev", "dev"),
    "issues": (EVAL / "participedia-issues", "dev"),
    "xquad": (EVAL / "xquad-dev", "dev"),
}
LONG_GRID = {
    "k1": [1.2, 2.0, 3.0],
    "b": [0.75, 0.9],
    "dense": [2.0, 4.0, 8.0],
    "prior": [0.0, 0.25, 0.5],
    "trust_power": [2.0, 4.0, 8.0],
}
SHORT_GRID = {
    "k1_b": [(0.9, 0.4), (1.2, 0.4), (0.9, 0.75), (2.0, 0.75)],
    "documents": [5, 10, 20],
    "terms": [5, 10, 20],
    "share": [0.3, 0.5, 0.7],
    "dense": [0.25, 0.5, 1.0],
}
WORD_LIMITS = [2, 3, 4]


def shipped() -> tuple[dict, dict, int]:
    from glocal.lib import retrieval
    from glocal.practices import engine

    long = {"k1": retrieval.DEFAULT_K1, "b": retrieval.DEFAULT_B, "dense": engine.FUSION.dense,
            "prior": engine.FUSION.prior, "trust_power": engine.FUSION.trust_power}  # fmt: skip
    feedback = engine.FEEDBACK
    short = {"k1_b": (feedback.k1, feedback.b), "documents": feedback.documents,
             "terms": feedback.terms, "share": feedback.share,
             "dense": engine.SHORT_FUSION.dense}  # fmt: skip
    return long, short, retrieval.SHORT_QUERY_WORDS


def points(grid: dict) -> list[dict]:
    return [dict(zip(grid, values, strict=True)) for values in itertools.product(*grid.values())]


class Prepared:
    """One set indexed by the engine, with what ranking a query needs cached per query."""

    def __init__(self, name: str, cache: Path, limit: int = 0, words: int = 0):
        from django.db import transaction

        from glocal.lib.embeddings import get_encoder
        from glocal.matching.evaluation import (
            CachedPassages,
            read_beir,
            read_query_metadata,
        )
        from glocal.practices.engine import embed_practices
        from glocal.practices.index import build_snapshot
        from glocal.practices.models import Practice, Status

        folder, split = SETS[name]
        corpus, self.queries, self.qrels = read_beir(folder, split)
        self.metadata = read_query_metadata(folder)
        if words:  # only queries of at most this many indexed words
            self.queries = {i: q for i, q in self.queries.items() if word_count(q) <= words}
        if limit:
            self.queries = dict(list(self.queries.items())[:limit])
        encoder = CachedPassages(get_encoder(), cache / f"{name}.npz")
        with transaction.atomic():
            created = Practice.objects.bulk_create(
                Practice(title=title[:200], slug=f"cv-{name}-{i}", summary="", approach=text,
                         status=Status.PUBLISHED, licence="")
                for i, (title, text) in enumerate(corpus.values())
            )  # fmt: skip
            doc_of = {p.pk: doc_id for p, doc_id in zip(created, corpus, strict=True)}
            embed_practices(list(doc_of), encoder=encoder)
        encoder.save()
        self.snapshot = build_snapshot(0, Practice.objects.filter(pk__in=list(doc_of)))
        self.doc_of = doc_of
        self.segment = self.snapshot.main
        rows = Practice.objects.filter(pk__in=list(doc_of)).order_by("pk")
        self.documents = [(p.title, p.approach) for p in rows]
        self.query_vectors = query_vectors(name, self.queries, cache)
        self.indexes: dict = {}
        self.dense: dict = {}

    def index(self, k1: float, b: float):
        from glocal.lib import retrieval

        if (k1, b) not in self.indexes:
            index = retrieval.BM25Index(k1=k1, b=b)
            index.build(self.documents, self.segment.languages)
            self.indexes[k1, b] = index
        return self.indexes[k1, b]

    def dense_hits(self, query_id: str) -> list[tuple[int, float]]:
        from glocal.practices.engine import SearchEngine

        if query_id not in self.dense:
            vector = self.query_vectors[query_id]
            allowed = self.segment.published
            expected = SearchEngine.expected_cosines(vector, self.segment.centroids)
            self.dense[query_id] = SearchEngine.dense_hits(self.segment, vector, allowed,
                                                           expected)  # fmt: skip
        return self.dense[query_id]

    def ndcg(self, query_id: str, fused: list[tuple[int, float]], dense) -> float:
        """nDCG@10 of the fused list after the engine's dense band, as ``rank`` keeps it."""
        from glocal.matching.evaluation import ndcg_at
        from glocal.practices.engine import DENSE_BAND

        found_by_words = self._words
        best = dense[0][1] if dense else 0.0
        minimum = best - DENSE_BAND["multilingual-e5-small-q4"]
        close = {row for row, cosine in dense if cosine >= minimum}
        kept = [row for row, _ in fused if row in found_by_words or row in close][:10]
        ids = self.segment.ids
        return ndcg_at([self.doc_of[int(ids[row])] for row in kept], self.qrels[query_id])

    def long_lexical(self, query_id: str, k1: float, b: float) -> list[tuple[int, float]]:
        from glocal.practices.engine import LEXICAL_CANDIDATES

        index = self.index(k1, b)
        return index.search(self.queries[query_id], LEXICAL_CANDIDATES, self.segment.published)

    def long_score(self, query_id: str, lexical, point: dict) -> float:
        from glocal.lib import retrieval

        index = self.index(point["k1"], point["b"])
        weights = retrieval.FusionWeights(
            dense=point["dense"], prior=point["prior"], ideal_share=1.0,
            trust_power=point["trust_power"],
        )  # fmt: skip
        return self._fused_score(query_id, lexical, weights, index)

    def short_lexical(self, query_id: str, point: dict) -> list[tuple[int, float]]:
        from glocal.lib import retrieval
        from glocal.practices.engine import LEXICAL_CANDIDATES

        k1, b = point["k1_b"]
        feedback = retrieval.Feedback(point["documents"], point["terms"], point["share"], k1, b)
        parts = [(self.segment.bm25, self.segment.published)]
        [scores] = retrieval.feedback_search(parts, self.queries[query_id], feedback)
        return retrieval.top_positive(scores, LEXICAL_CANDIDATES)

    def short_score(self, query_id: str, lexical, dense_weight: float) -> float:
        from glocal.lib import retrieval

        weights = retrieval.FusionWeights(dense=dense_weight, prior=0.0, ideal_share=0.0,
                                          trust_power=4.0)  # fmt: skip
        return self._fused_score(query_id, lexical, weights, self.segment.bm25)

    def _fused_score(self, query_id, lexical, weights, index) -> float:
        from glocal.lib import retrieval

        q = self.queries[query_id]
        dense = self.dense_hits(query_id)
        trust = self.segment.bm25.trust(q, weights.trust_power)
        fused = retrieval.fuse(lexical, dense, self.segment.prior, trust=trust,
                               ideal=index.ideal(q), weights=weights)  # fmt: skip
        self._words = {row for row, _ in lexical}
        return self.ndcg(query_id, fused, dense)


def query_vectors(name: str, queries: dict, cache: Path) -> dict:
    from glocal.lib.embeddings import get_encoder

    path = cache / f"{name}-queries.npz"
    known = {}
    if path.exists():
        with np.load(path) as data:
            known = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
    missing = [q for q in queries.values() if q not in known]
    if missing:
        encoder = get_encoder()
        for text in missing:
            known[text] = encoder.queries([text])[0]
        np.savez(path, keys=np.array(list(known)), vectors=np.stack(list(known.values())))
    return {query_id: known[text] for query_id, text in queries.items()}


def word_count(text: str) -> int:
    from glocal.lib import retrieval

    return len(retrieval.tokenize(text))


def score_tables(prepared: dict[str, Prepared]):
    """Per query: its set, word count, nDCG under each long point and each short point."""
    long_points, short_points = points(LONG_GRID), points(SHORT_GRID)
    keys, long_table, short_table = [], [], []
    limit = max(WORD_LIMITS)
    for name, data in prepared.items():
        for query_id, text in data.queries.items():
            words = word_count(text)
            keys.append((name, query_id, words))
            lexical = {kb: data.long_lexical(query_id, *kb)
                       for kb in itertools.product(LONG_GRID["k1"], LONG_GRID["b"])}  # fmt: skip
            long_table.append([data.long_score(query_id, lexical[p["k1"], p["b"]], p)
                               for p in long_points])  # fmt: skip
            row = [math.nan] * len(short_points)
            if words <= limit:
                lexical = {}
                for i, point in enumerate(short_points):
                    lexical_key = (point["k1_b"], point["documents"], point["terms"],
                                   point["share"])  # fmt: skip
                    if lexical_key not in lexical:
                        lexical[lexical_key] = data.short_lexical(query_id, point)
                    row[i] = data.short_score(query_id, lexical[lexical_key], point["dense"])
            short_table.append(row)
        print(f"{name}: {len(data.queries)} queries scored", file=sys.stderr)
    return keys, np.array(long_table), np.array(short_table), long_points, short_points


class Chooser:
    """Choose (word limit, long point, short point) on a set of training queries."""

    def __init__(self, keys, long_table, short_table, preferred: tuple[int, int, int]):
        self.sets = np.array([name for name, _, _ in keys])
        self.words = np.array([w for _, _, w in keys])
        self.long, self.short = long_table, short_table
        self.preferred = preferred  # the shipped (limit, long, short): kept on a tie
        self.no_short = np.zeros(short_table.shape[1])

    def weights(self, train: np.ndarray) -> np.ndarray:
        """Each training query's weight: 1 / (its set's training queries)."""
        weights = np.zeros(len(self.sets))
        for name in set(self.sets[train]):
            members = train & (self.sets == name)
            weights[members] = 1.0 / members.sum()
        return weights

    def choose(self, train: np.ndarray) -> tuple[int, int, int]:
        weights = self.weights(train)
        best = None
        for limit in WORD_LIMITS:
            short = train & (self.words <= limit)
            long = train & ~(self.words <= limit)
            long_sum = weights[long] @ self.long[long]
            short_sum = weights[short] @ self.short[short] if short.any() else self.no_short
            i = self._argmax(long_sum, self.preferred[1])
            j = self._argmax(short_sum, self.preferred[2])
            total = float(long_sum[i] + (short_sum[j] if short.any() else 0.0))
            tie_first = limit == self.preferred[0]
            if best is None or total > best[0] + 1e-12 or (abs(total - best[0]) <= 1e-12
                                                            and tie_first):  # fmt: skip
                best = (total, limit, i, j)
        return best[1], best[2], best[3]

    @staticmethod
    def _argmax(values: np.ndarray, preferred: int) -> int:
        top = np.nanmax(values) if len(values) else 0.0
        return preferred if values[preferred] >= top - 1e-12 else int(np.nanargmax(values))

    def scores(self, choice: tuple[int, int, int], rows: np.ndarray) -> np.ndarray:
        limit, i, j = choice
        short = self.words <= limit
        return np.where(short, self.short[:, j], self.long[:, i])[rows]


def folds(sets: np.ndarray, k: int, seed: int) -> list[np.ndarray]:
    """k boolean test masks, each set's queries dealt round-robin after a shuffle."""
    rng = random.Random(seed)
    fold_of = np.zeros(len(sets), dtype=np.int64)
    for name in sorted(set(sets)):
        members = np.flatnonzero(sets == name).tolist()
        rng.shuffle(members)
        for position, row in enumerate(members):
            fold_of[row] = position % k
    return [fold_of == f for f in range(k)]


def per_set(chooser: Chooser, values: np.ndarray, rows: np.ndarray, extra=None) -> dict:
    result = {}
    for name in sorted(set(chooser.sets)):
        mask = chooser.sets[rows] == name
        result[name] = float(values[mask].mean())
    if extra is not None:
        mask = extra[rows]
        result["xquad_across"] = float(values[mask].mean())
    return result


def mean_sd(values: list[float]) -> str:
    return f"{statistics.fmean(values):.3f} ± {statistics.stdev(values):.3f}"


def cross_validate(chooser: Chooser, across: np.ndarray, k: int, repeats: int) -> dict:
    held_out = {"chosen": [], "shipped": []}
    out_of_fold = {"chosen": [], "shipped": []}
    chosen_values = []
    everything = np.ones(len(chooser.sets), dtype=bool)
    for repeat in range(repeats):
        oof = {"chosen": np.zeros(len(chooser.sets)), "shipped": np.zeros(len(chooser.sets))}
        for test in folds(chooser.sets, k, seed=repeat):
            choice = chooser.choose(everything & ~test)
            chosen_values.append(choice)
            for label, pick in (("chosen", choice), ("shipped", chooser.preferred)):
                values = chooser.scores(pick, test)
                held_out[label].append(per_set(chooser, values, test, across))
                oof[label][test] = values
        for label in oof:
            out_of_fold[label].append(per_set(chooser, oof[label], everything, across))
    summary = {}
    for label in held_out:
        names = held_out[label][0].keys()
        summary[label] = {
            "held_out_folds": {n: mean_sd([f[n] for f in held_out[label]]) for n in names},
            "out_of_fold_per_repeat": {
                n: mean_sd([r[n] for r in out_of_fold[label]]) for n in names
            },  # fmt: skip
        }
    return {"summary": summary, "choices": chosen_values}


def buys(chooser, choice, long_points, short_points, across) -> list[dict]:
    """Each constant changed alone from ``choice``: the four figures on all queries."""
    everything = np.ones(len(chooser.sets), dtype=bool)
    limit, i, j = choice
    rows = [{"change": "chosen point", **rounded(per_set(chooser, chooser.scores(choice,
             everything), everything, across))}]  # fmt: skip
    for other in WORD_LIMITS:
        if other != limit:
            values = chooser.scores((other, i, j), everything)
            rows.append({"change": f"short = at most {other} words",
                         **rounded(per_set(chooser, values, everything, across))})  # fmt: skip
    for grid, table_points, position, prefix in (
        (LONG_GRID, long_points, 1, "long"), (SHORT_GRID, short_points, 2, "short"),
    ):  # fmt: skip
        base = table_points[choice[position]]
        for name, values in grid.items():
            for value in values:
                if value == base[name]:
                    continue
                wanted = {**base, name: value}
                index = table_points.index(wanted)
                pick = list(choice)
                pick[position] = index
                scores = chooser.scores(tuple(pick), everything)
                rows.append({"change": f"{prefix} {name} {value}",
                             **rounded(per_set(chooser, scores, everything, across))})  # fmt: skip
    return rows


def rounded(figures: dict) -> dict:
    return {name: round(value, 3) for name, value in figures.items()}


def describe(choice, long_points, short_points) -> dict:
    limit, i, j = choice
    return {"short_query_words": limit, "long": long_points[i], "short": short_points[j]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/searchcv"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=4)
    parser.add_argument("--sets", default=",".join(SETS), help="a smoke test: fewer sets")
    parser.add_argument("--limit", type=int, default=0, help="a smoke test: N queries a set")
    parser.add_argument("--short-only", action="store_true",
                        help="only the queries the short-query constants can touch (at most "
                        f"{max(WORD_LIMITS)} words); implies --hold-long")  # fmt: skip
    parser.add_argument("--hold-long", action="store_true",
                        help="keep the long-query constants as shipped (cross-validate the "
                        "short-query ones alone, e.g. without the methods set)")  # fmt: skip
    parser.add_argument("--hold-short", action="store_true",
                        help="keep the word limit and the short-query constants as shipped "
                        "(cross-validate the long-query ones alone)")  # fmt: skip
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="glocal-cv-") as folder:
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/cv.sqlite3"
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)
        if args.hold_long or args.short_only:
            LONG_GRID.update({name: [value] for name, value in shipped()[0].items()})
        if args.hold_short:
            SHORT_GRID.update({name: [value] for name, value in shipped()[1].items()})
            WORD_LIMITS[:] = [shipped()[2]]
        words = max(WORD_LIMITS) if args.short_only else 0
        prepared = {name: Prepared(name, args.cache, args.limit, words)
                    for name in args.sets.split(",")}  # fmt: skip
        keys, long_table, short_table, long_points, short_points = score_tables(prepared)
    long, short, limit = shipped()
    preferred = (limit, long_points.index(long), short_points.index(short))
    chooser = Chooser(keys, long_table, short_table, preferred)
    xquad_meta = prepared["xquad"].metadata if "xquad" in prepared else {}
    across = np.array([name == "xquad" and xquad_meta.get(query_id, {}).get("language")
                       != xquad_meta.get(query_id, {}).get("document_language")
                       for name, query_id, _ in keys])  # fmt: skip
    result = cross_validate(chooser, across, args.folds, args.repeats)
    counts: dict[str, dict] = {}
    for choice in result.pop("choices"):
        described = describe(choice, long_points, short_points)
        flat = {"short_query_words": described["short_query_words"]}
        flat |= {f"long {k}": v for k, v in described["long"].items()}
        flat |= {f"short {k}": v for k, v in described["short"].items()}
        for name, value in flat.items():
            counts.setdefault(name, {}).setdefault(str(value), 0)
            counts[name][str(value)] += 1
    on_everything = chooser.choose(np.ones(len(keys), dtype=bool))
    print(json.dumps({
        "queries": {name: len(data.queries) for name, data in prepared.items()},
        "folds": args.folds, "repeats": args.repeats,
        "long_held_as_shipped": args.hold_long or args.short_only,
        "short_held_as_shipped": args.hold_short,
        "only_queries_of_at_most_words": words or None,
        "shipped": describe(preferred, long_points, short_points),
        "chosen_on_all_queries": describe(on_everything, long_points, short_points),
        "cross_validation": result["summary"],
        "times_chosen": counts,
        "what_each_constant_buys": buys(chooser, on_everything, long_points, short_points,
                                        across),
    }))  # fmt: skip


if __name__ == "__main__":
    main()
