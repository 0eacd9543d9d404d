import datetime

import pytest
from django.utils import timezone

from glocal.calls.models import Application, Call
from glocal.events.models import Event
from glocal.members.models import ApiToken


def make_event(**fields) -> Event:
    start = timezone.now() + datetime.timedelta(days=10)
    values = {"title": "Peer exchange", "slug": "peer-exchange", "kind": "webinar",
              "mode": "online", "summary": "s", "starts_at": start,
              "ends_at": start + datetime.timedelta(hours=2)}  # fmt: skip
    return Event.objects.create(**values | fields)


def make_call(**fields) -> Call:
    now = timezone.now()
    values = {"title": "Host a lab", "slug": "host-a-lab", "kind": "lab", "summary": "s",
              "status": "open", "opens_at": now - datetime.timedelta(days=30),
              "closes_at": now - datetime.timedelta(days=1)}  # fmt: skip
    return Call.objects.create(**values | fields)


@pytest.fixture
def submitted_application(db, town, member) -> Application:
    return Application.objects.create(
        call=make_call(), municipality=town, title="Our lab", status="submitted",
        created_by=member, submitted_at=timezone.now() - datetime.timedelta(days=2),
    )  # fmt: skip


@pytest.fixture
def token_for():
    def issue(user) -> dict:
        _token, key = ApiToken.issue(user, "test")
        return {"HTTP_AUTHORIZATION": f"Bearer {key}"}

    return issue
