"""Cells that spreadsheet programs would run as formulas, and how to make them plain text."""

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defuse_cell(cell: Any) -> Any:
    """Prefix text that starts like a formula with an apostrophe; other values pass through."""
    return f"'{cell}" if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) else cell
