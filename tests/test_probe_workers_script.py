"""The fast parts of ``scripts/probe_workers.py``: its damage is what /healthz calls malformed,
and its page sweep reaches every URL without arguments and one detail page of each kind."""

import importlib.util
from pathlib import Path

import pytest

from glocal.practices.engine import embed_practices, malformed_vectors
from glocal.practices.tests.conftest import make_practice

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "probe_workers.py"


@pytest.fixture
def probe():
    spec = importlib.util.spec_from_file_location("probe_workers", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_probe_spoils_three_vectors_in_the_three_ways_health_counts(probe, town):
    practices = [make_practice(f"Practice {n}", municipality=town) for n in range(3)]
    embed_practices()
    spoilt = probe.spoil(0)
    assert spoilt == dict(zip(["truncated", "other_dimension", "empty"],
                              [p.slug for p in practices], strict=True))  # fmt: skip
    assert malformed_vectors() == 3


def test_the_probe_sweeps_pages_without_arguments_and_a_detail_page_of_each_kind(probe, town):
    practice = make_practice("Caring for Parks", municipality=town)
    paths = probe.sweep_paths()
    assert {"/", "/healthz", "/practices/", "/desk/reviews/", practice.get_absolute_url(),
            town.get_absolute_url()} <= set(paths)  # fmt: skip
    assert [p for p in paths if p.startswith(("/admin/", "/accounts/", "/api/v1/me/"))] == []
