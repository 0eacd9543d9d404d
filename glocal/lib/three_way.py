"""Merging two people's edits of one record, field by field, as version control merges lines.

``base`` is the record as the editor loaded it, ``theirs`` as it is now, ``mine`` what the
editor sends. A field only I changed is written; a field only they changed is kept; a field we
both changed to different values is a conflict the editor must see. Nothing is lost silently.
"""

from typing import Any


def merge_fields(
    *, base: dict[str, Any], theirs: dict[str, Any], mine: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, tuple[Any, Any]]]:
    """Return (what to write, conflicts as {field: (their value, my value)})."""
    to_write: dict[str, Any] = {}
    conflicts: dict[str, tuple[Any, Any]] = {}
    for name, value in mine.items():
        current = theirs.get(name)
        if value == current:
            continue
        if name in base and value == base[name]:
            continue  # I did not touch it; their change stays
        if name in base and current == base[name]:
            to_write[name] = value
        else:
            conflicts[name] = (current, value)
    return to_write, conflicts
