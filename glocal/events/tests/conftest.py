from datetime import timedelta

import pytest
from django.utils import timezone

from glocal.events.models import Event, Question, Registration, Session
from glocal.members.models import Membership, Municipality, User
from glocal.reference.models import Country


def make_event(title: str = "Annual Conference", **fields) -> Event:
    start = fields.pop("starts_at", timezone.now() + timedelta(days=30))
    defaults = {
        "slug": fields.pop("slug", None) or title.lower().replace(" ", "-"),
        "kind": Event.Kind.CONFERENCE,
        "mode": Event.Mode.IN_PERSON,
        "summary": f"Summary of {title}.",
        "venue": "Rocca Rangoni",
        "time_zone": "Europe/Rome",
        "starts_at": start,
        "ends_at": start + timedelta(days=2),
        "registration_closes_at": start - timedelta(days=7),
    }
    return Event.objects.create(title=title, **(defaults | fields))


def make_session(event: Event, title: str = "Field trip", **fields) -> Session:
    start = fields.pop("starts_at", event.starts_at + timedelta(hours=2))
    defaults = {"kind": Session.Kind.FIELD_TRIP, "starts_at": start,
                "ends_at": start + timedelta(hours=3)}  # fmt: skip
    return Session.objects.create(event=event, title=title, **(defaults | fields))


def make_person(email: str, town: Municipality | None = None, name: str = "") -> User:
    user = User.objects.create_user(email, None, full_name=name or email.split("@")[0])
    if town:
        Membership.objects.create(user=user, municipality=town, position="Officer")
    return user


@pytest.fixture
def event(db, town) -> Event:
    return make_event(host=town, capacity=2)


@pytest.fixture
def questions(event) -> list[Question]:
    return [
        Question.objects.create(event=event, label="Dietary needs", position=1),
        Question.objects.create(
            event=event,
            label="Interpretation language",
            kind=Question.Kind.CHOICE,
            choices="Arabic\nFrench\nEnglish",
            required=True,
            position=2,
        ),  # fmt: skip
    ]


@pytest.fixture
def third_town(db) -> Municipality:
    return Municipality.objects.create(
        name="Kamenica", slug="kamenica", country=Country.objects.get(iso="RS")
    )


def statuses(event: Event) -> dict[str, str]:
    return dict(Registration.objects.filter(event=event).values_list("user__email", "status"))
