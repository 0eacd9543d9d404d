import numpy as np
import pytest

from glocal.lib.vectors import APPROXIMATE_FROM, ExactIndex, IVFIndex, build_vector_index, top_k


def unit(rows: int, seed: int = 1) -> np.ndarray:
    matrix = np.random.default_rng(seed).normal(size=(rows, 32)).astype(np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def test_top_k_returns_the_best_first_and_skips_excluded_rows():
    rows, scores = top_k(np.array([0.1, 0.9, -np.inf, 0.5]), 3)
    assert rows.tolist() == [1, 3, 0]
    assert scores.tolist() == pytest.approx([0.9, 0.5, 0.1])
    assert top_k(np.array([-np.inf, 0.2]), 2)[0].tolist() == [1]


def test_exact_index_finds_the_vector_itself_first():
    matrix = unit(500)
    rows, scores = ExactIndex(matrix).search(matrix[42], 5)
    assert rows[0] == 42
    assert scores[0] == pytest.approx(1.0, abs=1e-5)


def test_allowed_mask_is_respected():
    matrix = unit(100)
    allowed = np.zeros(100, dtype=bool)
    allowed[[3, 7]] = True
    rows, _ = ExactIndex(matrix).search(matrix[42], 10, allowed)
    assert sorted(rows.tolist()) == [3, 7]


def clustered(rows: int, topics: int = 200, seed: int = 3) -> np.ndarray:
    """Like text embeddings: points gathered around topics, not spread evenly."""
    rng = np.random.default_rng(seed)
    centres = unit(topics, seed=seed + 1)
    matrix = centres[rng.integers(0, topics, rows)] + 0.15 * rng.normal(size=(rows, 32))
    return (matrix / np.linalg.norm(matrix, axis=1, keepdims=True)).astype(np.float32)


def test_approximate_index_agrees_with_exact_search_on_most_neighbours():
    matrix = clustered(20_000)
    exact, approximate = ExactIndex(matrix), IVFIndex(matrix)
    recall = []
    for q in range(50):
        query = matrix[q * 37] + 0.3 * unit(1, seed=q)[0]
        query /= np.linalg.norm(query)
        truth = set(exact.search(query, 10)[0].tolist())
        recall.append(len(truth & set(approximate.search(query, 10)[0].tolist())) / 10)
    assert np.mean(recall) >= 0.8


def test_index_kind_follows_the_size():
    assert isinstance(build_vector_index(unit(10)), ExactIndex)
    assert APPROXIMATE_FROM == 100_000


def test_empty_index_finds_nothing():
    rows, scores = ExactIndex(np.zeros((0, 32), dtype=np.float32)).search(unit(1)[0], 5)
    assert (len(rows), len(scores)) == (0, 0)
