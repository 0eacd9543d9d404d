"""Demo content of the cooperation app, loaded by `load_demo` after the practices (idempotent)."""

from typing import TextIO


def load(*, stdout: TextIO) -> None:
    """Create what is missing; never overwrite what people changed in the demo."""
