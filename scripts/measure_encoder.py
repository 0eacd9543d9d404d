"""Measure glocal.lib.embeddings: load time, memory, query latency, document throughput.

Run with the project's virtualenv and print one JSON object::

    .venv/bin/python scripts/measure_encoder.py [--queries 200] [--documents 96]

Queries are short (2-8 words) and embedded one at a time, as a search box would;
documents are about 300 words (so truncated to 256 tokens) and embedded in batches.
"""

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

WORDS = (
    "municipality council budget waste recycling compost school canteen water leak pipe "
    "network bike lane cycling bus tram solar panel roof library digital service elderly "
    "resident youth sport park tree heat island flood river coast tourism market farmer "
    "energy efficiency street light housing rent social inclusion migrant language course "
    "participatory citizen assembly survey transparency open data procurement circular"
).split()


def rss_mb(field: str = "VmRSS") -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def blas_info() -> dict:
    info = {k: os.environ[k] for k in ("OPENBLAS_CORETYPE", "OMP_NUM_THREADS") if k in os.environ}
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return info | {"threadpoolctl": "not installed"}
    pools = [{k: p.get(k) for k in ("internal_api", "num_threads", "architecture")}
             for p in threadpool_info()]  # fmt: skip
    return info | {"pools": pools}


def percentile_ms(samples: list[float], q: float) -> float:
    return round(float(np.percentile(samples, q)) * 1000, 2)


def measure_queries(encoder, count: int, rng: random.Random) -> dict:
    queries = [" ".join(rng.choices(WORDS, k=rng.randint(2, 8))) for _ in range(count)]
    for query in queries[:10]:  # warm up caches and BLAS threads
        encoder.encode([query])
    samples = []
    for query in queries:
        start = time.perf_counter()
        encoder.encode([query])
        samples.append(time.perf_counter() - start)
    return {
        "queries": count,
        "query_p50_ms": percentile_ms(samples, 50),
        "query_p95_ms": percentile_ms(samples, 95),
        "query_max_ms": percentile_ms(samples, 100),
    }


def measure_documents(encoder, count: int, batch_size: int, rng: random.Random) -> dict:
    documents = [" ".join(rng.choices(WORDS, k=rng.randint(280, 320))) for _ in range(count)]
    encoder.encode(documents[:batch_size], batch_size=batch_size)  # warm up
    start = time.perf_counter()
    encoder.encode(documents, batch_size=batch_size)
    elapsed = time.perf_counter() - start
    return {
        "documents": count,
        "document_batch_size": batch_size,
        "documents_per_second": round(count / elapsed, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--documents", type=int, default=96)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    rss_before = rss_mb()
    start = time.perf_counter()
    from glocal.lib.embeddings import Encoder, model_path

    encoder = Encoder(model_path())
    report = {
        "load_seconds": round(time.perf_counter() - start, 3),
        "rss_before_load_mb": round(rss_before, 1),
        "rss_after_load_mb": round(rss_mb(), 1),
    }
    rng = random.Random(0)
    report |= measure_queries(encoder, args.queries, rng)
    report |= measure_documents(encoder, args.documents, args.batch_size, rng)
    report |= {"peak_rss_mb": round(rss_mb("VmHWM"), 1), "cpus": os.cpu_count()}
    report["blas"] = blas_info()
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
