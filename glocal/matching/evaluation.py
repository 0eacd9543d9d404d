"""Retrieval metrics and the BEIR file layout, for ``evaluate_search``."""

import csv
import hashlib
import json
import math
from pathlib import Path

import numpy as np


def read_beir(folder: Path, split: str) -> tuple[dict, dict, dict]:
    """Corpus {id: (title, text)}, queries {id: text} and qrels {query: {doc: grade}}."""
    corpus = {}
    with (folder / "corpus.jsonl").open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                doc = json.loads(line)
                corpus[str(doc["_id"])] = (doc.get("title", ""), doc.get("text", ""))
    qrels: dict[str, dict[str, int]] = {}
    with (folder / "qrels" / f"{split}.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if int(row["score"]) > 0:
                qrels.setdefault(row["query-id"], {})[row["corpus-id"]] = int(row["score"])
    queries = {}
    with (folder / "queries.jsonl").open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                query = json.loads(line)
                if str(query["_id"]) in qrels:
                    queries[str(query["_id"])] = query["text"]
    return corpus, queries, qrels


def read_query_metadata(folder: Path) -> dict[str, dict]:
    """Each query's ``metadata`` (e.g. ``language``, ``document_language``), if it has any."""
    metadata = {}
    with (folder / "queries.jsonl").open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                query = json.loads(line)
                metadata[str(query["_id"])] = query.get("metadata") or {}
    return metadata


def breakdown(scores: dict[str, float], metadata: dict[str, dict]) -> dict:
    """Mean score per query language and for same- versus cross-language queries."""
    groups: dict[str, dict[str, list[float]]] = {"by_language": {}, "by_pair": {}}
    for query_id, score in scores.items():
        meta = metadata.get(query_id, {})
        language, target = meta.get("language"), meta.get("document_language")
        if language:
            groups["by_language"].setdefault(language, []).append(score)
        if language and target:
            pair = "same_language" if language == target else "cross_language"
            groups["by_pair"].setdefault(pair, []).append(score)
    result = {name: _summary(values) for name, values in sorted(groups["by_pair"].items())}
    if groups["by_language"]:
        result["by_language"] = {
            language: _summary(values) for language, values in sorted(groups["by_language"].items())
        }
    return result


def _summary(values: list[float]) -> dict:
    return {"queries": len(values), "ndcg@10": round(sum(values) / len(values), 4)}


class CachedPassages:
    """An encoder whose passage vectors come from an ``.npz`` cache when it has them.

    Tuning runs the same corpus many times; the cache (``keys``: sha1 of ``passage`` and
    the text, ``vectors``) is written by ``evaluate_search --vector-cache`` itself.
    """

    def __init__(self, encoder, path: Path):
        self.encoder, self.path, self.name = encoder, path, encoder.name
        self.vectors: dict[str, np.ndarray] = {}
        if path.exists():
            with np.load(path) as data:
                self.vectors = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(f"passage\n{text}".encode()).hexdigest()

    def queries(self, texts):
        return self.encoder.queries(texts)

    def passages(self, texts):
        missing = [t for t in dict.fromkeys(texts) if self.key(t) not in self.vectors]
        if missing:
            for text, vector in zip(missing, self.encoder.passages(missing), strict=True):
                self.vectors[self.key(text)] = vector
        return np.stack([self.vectors[self.key(t)] for t in texts])

    def save(self) -> None:
        keys = list(self.vectors)
        np.savez(self.path, keys=np.array(keys), vectors=np.stack([self.vectors[k] for k in keys]))


def ndcg_at(ranked: list[str], relevant: dict[str, int], k: int = 10) -> float:
    dcg = sum(relevant.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranked[:k]))
    ideal = sorted(relevant.values(), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall_at(ranked: list[str], relevant: dict[str, int], k: int = 10) -> float:
    return len(set(ranked[:k]) & relevant.keys()) / len(relevant) if relevant else 0.0


def mrr_at(ranked: list[str], relevant: dict[str, int], k: int = 10) -> float:
    return next((1 / (i + 1) for i, d in enumerate(ranked[:k]) if d in relevant), 0.0)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))] if ordered else 0
