"""Nearest-neighbour search over unit vectors: exact below a size, approximate above it.

Exact search is one matrix product, so it is both simple and right; past
``APPROXIMATE_FROM`` rows an inverted-file index (k-means cells, probe the nearest few)
keeps a query to a fraction of the rows at a small cost in recall.
"""

import numpy as np

APPROXIMATE_FROM = 100_000  # below this an exact scan takes a few milliseconds on 2 cores
PROBE_SHARE = 0.08  # share of cells scanned by the approximate index (recall ≈ 0.95+)
KMEANS_ROUNDS = 8


class ExactIndex:
    def __init__(self, matrix: np.ndarray):
        self.matrix = np.ascontiguousarray(matrix, dtype=np.float32)

    def __len__(self) -> int:
        return self.matrix.shape[0]

    def search(self, query: np.ndarray, limit: int, allowed: np.ndarray | None = None):
        """Rows and cosines of the ``limit`` best rows (only ``allowed`` ones, if given)."""
        if not len(self):
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
        scores = self.matrix @ query.astype(np.float32)
        if allowed is not None:
            scores = np.where(allowed, scores, -np.inf)
        return top_k(scores, limit)


class IVFIndex:
    """Inverted file: rows grouped by their nearest of ``sqrt(n)`` k-means centroids."""

    def __init__(self, matrix: np.ndarray, seed: int = 0):
        self.matrix = np.ascontiguousarray(matrix, dtype=np.float32)
        cells = max(1, int(np.sqrt(len(self.matrix))))
        self.centroids = kmeans(self.matrix, cells, seed)
        assignment = assign(self.matrix, self.centroids)
        order = np.argsort(assignment, kind="stable")
        self.rows = order  # position in the cell-sorted matrix -> original row
        self.sorted = np.ascontiguousarray(self.matrix[order])  # each cell one contiguous slice
        self.bounds = np.searchsorted(assignment[order], np.arange(cells + 1))
        self.probe = max(1, int(round(cells * PROBE_SHARE)))

    def __len__(self) -> int:
        return self.matrix.shape[0]

    def search(self, query: np.ndarray, limit: int, allowed: np.ndarray | None = None):
        query = query.astype(np.float32)
        nearest = top_k(self.centroids @ query, self.probe)[0]
        spans = [slice(self.bounds[c], self.bounds[c + 1]) for c in nearest]
        positions = np.concatenate([np.arange(s.start, s.stop) for s in spans])
        scores = np.concatenate([self.sorted[s] @ query for s in spans])
        rows = self.rows[positions]
        if allowed is not None:
            scores = np.where(allowed[rows], scores, -np.inf)
        found, best = top_k(scores, limit)
        return rows[found], best


def build_vector_index(matrix: np.ndarray) -> ExactIndex | IVFIndex:
    return IVFIndex(matrix) if len(matrix) >= APPROXIMATE_FROM else ExactIndex(matrix)


def top_k(scores: np.ndarray, limit: int):
    """Indexes and values of the ``limit`` largest finite scores, best first."""
    limit = min(limit, len(scores))
    if limit <= 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
    part = np.argpartition(-scores, limit - 1)[:limit]
    part = part[np.argsort(-scores[part], kind="stable")]
    part = part[np.isfinite(scores[part])]
    return part, scores[part]


def kmeans(matrix: np.ndarray, cells: int, seed: int) -> np.ndarray:
    """Spherical k-means on a sample: good enough centroids for routing queries."""
    rng = np.random.default_rng(seed)
    sample = matrix[rng.choice(len(matrix), size=min(len(matrix), cells * 40), replace=False)]
    centroids = sample[rng.choice(len(sample), size=cells, replace=False)].copy()
    for _ in range(KMEANS_ROUNDS):
        labels = assign(sample, centroids)
        sums = np.zeros_like(centroids)
        np.add.at(sums, labels, sample)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        centroids = np.where(norms > 0, sums / np.maximum(norms, 1e-12), centroids)
    return centroids.astype(np.float32)


def assign(matrix: np.ndarray, centroids: np.ndarray, batch: int = 8192) -> np.ndarray:
    labels = np.empty(len(matrix), dtype=np.int64)
    for start in range(0, len(matrix), batch):
        labels[start : start + batch] = np.argmax(matrix[start : start + batch] @ centroids.T, 1)
    return labels
