"""Schemathesis drives every read endpoint: no server errors, no answers off the schema."""

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from glocal.practices.models import Status
from glocal.practices.tests.conftest import make_practice
from glocal.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application).include(method="GET")


@pytest.fixture
def keep_test_connection():
    """As Django's test client does: the app must not close the test's transaction."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def api_data(town, other_town, keep_test_connection):
    make_practice("Caring for Parks", municipality=town, themes=["civic-engagement"], sdgs=[11],
                  start_year=2017, cost_band="low")  # fmt: skip
    make_practice("Summer Urban Camp", municipality=other_town, sdgs=[4], award="A prize")
    make_practice("Quiet Draft", municipality=town, status=Status.DRAFT)
    town.needs.create(rank=1, text="Clean water")


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_read_endpoints_keep_to_their_schema(case, api_data):
    cache.clear()  # the rate limit would otherwise answer 429 to the hundreds of examples
    case.call_and_validate()
