import datetime
from decimal import Decimal

import pytest

from glocal.lib.edit_versions import EditConflict, merge_edit, plain


class Record:
    version = 3


def test_plain_values_compare_as_a_browser_sends_them():
    assert plain({"text": "a\r\nb", "day": datetime.date(2026, 1, 2), "n": Decimal("4.50"),
                  "ids": (3, 1)}) == {"text": "a\nb", "day": "2026-01-02", "n": "4.50",
                                      "ids": [1, 3]}  # fmt: skip


def test_an_edit_on_the_current_version_writes_only_the_changed_fields():
    written = merge_edit(record=Record(), base_version=3, base=None,
                         theirs={"a": "x", "b": "y"}, mine={"a": "x", "b": "z"})  # fmt: skip
    assert written == {"b": "z"}


def test_a_stale_edit_keeps_the_others_field_and_refills_it_in_the_form():
    with pytest.raises(EditConflict) as refused:
        merge_edit(record=Record(), base_version=2, base={"a": "", "b": ""},
                   theirs={"a": "theirs", "b": "theirs"}, mine={"a": "", "b": "mine"})  # fmt: skip
    assert (refused.value.conflicts, refused.value.kept) == ({"b": ("theirs", "mine")},
                                                             {"a": "theirs"})  # fmt: skip


def test_a_stale_edit_without_its_base_is_refused_on_every_differing_field():
    with pytest.raises(EditConflict) as refused:
        merge_edit(record=Record(), base_version=1, base=None, theirs={"a": "x", "b": "y"},
                   mine={"a": "x", "b": "z"})  # fmt: skip
    assert refused.value.conflicts == {"b": ("y", "z")}


def test_a_count_under_another_name_is_checked_and_named_in_the_conflict():
    class Person:
        profile_version = 5

    assert merge_edit(record=Person(), version=5, base_version=5, base=None,
                      theirs={"a": "x"}, mine={"a": "y"}) == {"a": "y"}  # fmt: skip
    with pytest.raises(EditConflict) as refused:
        merge_edit(record=Person(), version=5, base_version=4, base={"a": "w"},
                   theirs={"a": "x"}, mine={"a": "y"})  # fmt: skip
    assert (refused.value.version, refused.value.conflicts) == (5, {"a": ("x", "y")})
