"""The importer's probe cases: every bad file ends in a message and a JSON summary, and nothing
is imported; large files are written in bulk batches with the same history as row by row."""

import csv
import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from glocal.practices import importing
from glocal.practices.importing import import_practices
from glocal.practices.models import Practice, Revision
from glocal.practices.reading import read_rows

IPSX_HEADER = ["id", "name", "description", "entry_type", "cid", "geocoverage_codes"]


def run_failing(path: Path) -> tuple[dict, str]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_practices", str(path), stdout=out, stderr=err)
    return json.loads(out.getvalue().splitlines()[-1]), err.getvalue()


def test_a_latin_1_csv_without_a_format_is_refused_with_the_line_and_a_summary(db, tmp_path):
    path = tmp_path / "towns.csv"
    path.write_bytes("source_id,title\na-1,Café des réparateurs\n".encode("latin-1"))

    summary, err = run_failing(path)

    assert summary == {"created": 0, "updated": 0, "unchanged": 0, "errors": 1}
    assert "not UTF-8 text (line 2)" in err
    assert Practice.objects.count() == 0


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def test_a_cell_longer_than_the_csv_module_allows_is_read(db, tmp_path):
    header = ["source_id", "title", "summary", "approach"]
    path = write_csv(tmp_path / "long.csv", [header, ["a-1", "Long", "Short.", "x" * 200_000]])

    out = io.StringIO()
    call_command("import_practices", str(path), "--embed-later", stdout=out, stderr=io.StringIO())

    assert json.loads(out.getvalue().splitlines()[-1])["created"] == 1
    assert len(Practice.objects.get(source_id="a-1").approach) == 200_000


def test_a_cell_too_long_for_its_field_is_an_error_of_its_row(db, tmp_path):
    header = ["source_id", "title", "summary"]
    path = write_csv(tmp_path / "long.csv", [header, ["a-1", "Long", "x" * 200_000]])

    summary, err = run_failing(path)

    assert summary["errors"] == 1
    assert "row 2: summary: at most 1000 characters" in err
    assert Practice.objects.count() == 0


def test_an_ipsx_row_with_more_cells_than_the_header_names_the_row(db, tmp_path):
    path = tmp_path / "ipsx.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([
            IPSX_HEADER,
            ["1", "Open budget", "Residents vote.", "case", "c1", "IT"],
            ["2", "Night bus", "A bus at night.", "case", "c2", "AT", "extra", "cells"],
        ])  # fmt: skip

    summary, err = run_failing(path)

    assert summary["errors"] == 1
    assert "row 3 has more cells than the header" in err
    assert Practice.objects.count() == 0


def test_json_nested_very_deep_is_refused_without_a_traceback(db, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")

    summary, err = run_failing(path)

    assert summary["errors"] == 1
    assert "nested too deeply" in err
    assert "Traceback" not in err


def many_rows(count: int, title: str = "Repair café") -> list[dict]:
    return [
        {"_row": n + 2, "source_id": f"r-{n}", "title": title, "summary": "Fixing together.",
         "themes": "waste-circular;participation", "sdgs": "12", "status": "published"}
        for n in range(count)
    ]  # fmt: skip


def test_rows_beyond_one_batch_get_unique_slugs_themes_and_one_history_entry(db, monkeypatch):
    monkeypatch.setattr(importing, "BATCH", 7)

    result = import_practices(rows=many_rows(20), source_name="bulk")

    assert result.counts() == {"created": 20, "updated": 0, "unchanged": 0, "errors": 0}
    slugs = sorted(Practice.objects.values_list("slug", flat=True))
    assert slugs[:3] == ["repair-cafe", "repair-cafe-10", "repair-cafe-11"]
    assert len(set(slugs)) == 20
    practice = Practice.objects.get(source_id="r-13")
    assert sorted(practice.themes.values_list("slug", flat=True)) == [
        "participation", "waste-circular",
    ]  # fmt: skip
    assert list(practice.sdgs.values_list("number", flat=True)) == [12]
    assert Revision.objects.filter(action=Revision.Action.IMPORTED).count() == 20
    assert practice.revisions.get().snapshot["themes"] == ["participation", "waste-circular"]


def test_a_bulk_update_bumps_the_version_and_records_only_what_changed(db, monkeypatch):
    monkeypatch.setattr(importing, "BATCH", 4)
    import_practices(rows=many_rows(10), source_name="bulk")
    rows = many_rows(10)
    rows[5]["title"], rows[5]["themes"] = "Repair café on Saturdays", "participation"

    result = import_practices(rows=rows, source_name="bulk")

    assert result.counts() == {"created": 0, "updated": 1, "unchanged": 9, "errors": 0}
    practice = Practice.objects.get(source_id="r-5")
    assert practice.version == 2
    assert list(practice.themes.values_list("slug", flat=True)) == ["participation"]
    latest = practice.revisions.order_by("-pk").first()
    assert latest.changed_fields == ["themes", "title"]
    assert Practice.objects.get(source_id="r-4").version == 1


def test_a_bad_row_after_a_written_batch_leaves_nothing_written(db, monkeypatch):
    monkeypatch.setattr(importing, "BATCH", 3)
    rows = many_rows(10)
    rows[8]["title"] = ""

    result = import_practices(rows=rows, source_name="bulk")

    assert [str(e) for e in result.errors] == ["row 10: title: This field cannot be blank."]
    assert result.counts()["created"] == 0
    assert Practice.objects.count() == 0
    assert Revision.objects.count() == 0


def test_the_csv_reader_keeps_rows_in_file_order_with_their_numbers(db, tmp_path):
    path = tmp_path / "order.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["source_id", "title"], ["b", "B"], [], ["a", "A"]])

    assert [(r["_row"], r["source_id"]) for r in read_rows(path, "csv")] == [(2, "b"), (4, "a")]


def test_each_imported_practice_gets_one_audit_entry_with_what_changed(db, monkeypatch):
    from glocal.audit.models import AuditEntry

    monkeypatch.setattr(importing, "BATCH", 4)
    import_practices(rows=many_rows(6), source_name="bulk")
    rows = many_rows(6)
    rows[2]["approach"] = "<p>" + "Plots for every street. " * 200 + "</p>"

    import_practices(rows=rows, source_name="bulk")

    entries = AuditEntry.objects.filter(action="practice.imported")
    assert entries.count() == 7  # six new, then one changed
    practice = Practice.objects.get(source_id="r-2")
    first, changed = entries.filter(object_id=practice.pk).order_by("pk")
    assert first.changes == {"source_id": [None, "r-2"]}  # its fields are in its revision
    assert list(changed.changes) == ["approach"]
    assert len(changed.changes["approach"][1]) == 2000
