"""Calls in every state the tests need, built from the root personas."""

import pytest

from glocal.calls.models import Call, Kind, Question

from .builders import make_call


@pytest.fixture
def lab_call(db) -> Call:
    call = make_call(slug="lab-2026")
    Question.objects.create(call=call, position=1, label="Why your town?", type="text",
                            required=True)  # fmt: skip
    Question.objects.create(call=call, position=2, label="Team size", type="number")
    Question.objects.create(call=call, position=3, label="Venue", type="choice",
                            choices="Town hall\nSchool")  # fmt: skip
    return call


@pytest.fixture
def hub_call(db) -> Call:
    return make_call(slug="hubs-2026", kind=Kind.HUB)


@pytest.fixture
def closed_call(db) -> Call:
    return make_call(slug="closed-lab", opens=-20, closes=-1)
