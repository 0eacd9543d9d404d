from glocal.lib.three_way import merge_fields


def test_a_field_only_i_changed_is_written():
    merged = merge_fields(base={"a": "1", "b": "x"}, theirs={"a": "1", "b": "x"},
                          mine={"a": "2", "b": "x"})  # fmt: skip
    assert merged == ({"a": "2"}, {})


def test_a_field_only_they_changed_is_kept_and_mine_on_another_field_is_written():
    merged = merge_fields(base={"a": "", "b": ""}, theirs={"a": "theirs", "b": ""},
                          mine={"a": "", "b": "mine"})  # fmt: skip
    assert merged == ({"b": "mine"}, {})


def test_both_changing_one_field_differently_is_a_conflict():
    merged = merge_fields(base={"a": "old"}, theirs={"a": "theirs"}, mine={"a": "mine"})
    assert merged == ({}, {"a": ("theirs", "mine")})


def test_both_making_the_same_change_is_no_conflict():
    assert merge_fields(base={"a": "old"}, theirs={"a": "new"}, mine={"a": "new"}) == ({}, {})


def test_without_a_known_base_every_difference_is_a_conflict():
    merged = merge_fields(base={}, theirs={"a": "x", "b": "y"}, mine={"a": "x", "b": "z"})
    assert merged == ({}, {"b": ("y", "z")})
