"""A practice published, edited, imported or archived shows up in (or leaves) the very next
search of every worker, without rebuilding the whole index."""

import datetime

import pytest

from glocal.practices import engine as engine_module
from glocal.practices.engine import SearchEngine, embed_practices
from glocal.practices.importing import import_practices
from glocal.practices.models import Practice, Status
from glocal.practices.services import review_practice, save_practice

from .conftest import make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def workers(showroom, settings, monkeypatch):
    """Two web workers, each with its index built before the change."""
    settings.SEARCH_REBUILD_IN_BACKGROUND = True
    monkeypatch.setattr(engine_module, "GENERATION_CHECK_SECONDS", 0.0)
    monkeypatch.setattr("glocal.practices.index.CLOCK_MARGIN", datetime.timedelta(0))
    embed_practices()
    pair = [SearchEngine(), SearchEngine()]
    for worker in pair:
        worker.refresh()
    return pair


def found(worker: SearchEngine, q: str) -> list[int]:
    return [pk for pk, _ in worker.rank(q)]


def test_a_published_practice_is_found_by_the_next_search_of_another_worker(
    workers, secretariat, django_capture_on_commit_callbacks
):
    first, second = workers
    main = second.snapshot().main
    practice = make_practice("Repair café", status=Status.SUBMITTED,
                             summary="Neighbours mend bikes and toasters together.")  # fmt: skip
    assert practice.pk not in found(second, "repair café")

    with django_capture_on_commit_callbacks(execute=True):  # the worker embeds it
        review_practice(practice=practice, user=secretariat, decision=Status.PUBLISHED)

    assert found(second, "repair café")[0] == practice.pk
    assert found(first, "repair café")[0] == practice.pk
    assert second.snapshot().main is main  # only the change was read
    assert list(second.snapshot().delta.ids) == [practice.pk]


def test_an_archived_practice_leaves_the_next_search(workers, showroom, secretariat):
    _, second = workers
    language = showroom["language"]
    assert language.pk in found(second, "Serbian and Albanian courses")

    review_practice(practice=language, user=secretariat, decision=Status.ARCHIVED)

    assert language.pk not in found(second, "Serbian and Albanian courses")


def test_an_edited_practice_is_found_by_its_new_words_and_not_its_old(
    workers, showroom, secretariat, django_capture_on_commit_callbacks
):
    _, second = workers
    parks = showroom["parks"]
    assert found(second, "caring")[0] == parks.pk
    parks.title, parks.summary = "Tool library", "Neighbours lend each other drills and saws."
    with django_capture_on_commit_callbacks(execute=True):
        save_practice(practice=parks, user=secretariat)

    assert found(second, "tool library")[0] == parks.pk
    assert found(second, "caring")[0] != parks.pk  # its old title no longer counts


def test_imported_practices_are_found_by_the_next_search(
    workers, django_capture_on_commit_callbacks
):
    _, second = workers
    rows = [{"source_id": "x-1", "title": "Night bus", "summary": "A bus after midnight.",
             "status": "published"}]  # fmt: skip

    with django_capture_on_commit_callbacks(execute=True):
        import_practices(rows=rows, source_name="network")

    night_bus = Practice.objects.get(source_id="x-1")
    assert found(second, "night bus")[0] == night_bus.pk
    assert list(second.snapshot().delta.ids) == [night_bus.pk]


def test_too_many_changes_rebuild_the_whole_index(workers, monkeypatch):
    _, second = workers
    main = second.snapshot().main
    monkeypatch.setattr("glocal.practices.index.DELTA_LIMIT", 0)
    monkeypatch.setattr(engine_module.settings, "SEARCH_REBUILD_IN_BACKGROUND", False)
    practice = make_practice("Repair café", summary="Neighbours mend bikes.")
    embed_practices([practice.pk])

    assert found(second, "repair café")[0] == practice.pk
    assert second.snapshot().main is not main
    assert second.snapshot().delta is None
