"""The bundled country outlines, loaded once per process."""

import json
from functools import cache
from pathlib import Path

SHAPES = Path(__file__).resolve().parent / "data" / "countries.json"


@cache
def load_shapes() -> dict:
    """``{"attribution", "projection", "extents", "countries": {iso: {name, d, c}}}``."""
    return json.loads(SHAPES.read_text(encoding="utf-8"))
