"""Demo content of the events app, loaded by `load_demo` after the practices (idempotent).

Events are found by slug, sessions by title within their event, registrations and bookings
by person; only what is missing is created. Seat counters are then recounted from the
confirmed rows, so they always match what is in the database.
"""

import zoneinfo
from datetime import date, datetime, time, timedelta
from typing import TextIO

from django.db.models import Count, Q
from django.utils import timezone

from glocal.events.models import Booking, Event, Question, Registration, Session
from glocal.members.models import Municipality, User
from glocal.practices.models import Practice
from glocal.projects.models import Project
from glocal.reference.models import Theme

from .content import SOURCE_NAME
from .content_events import EVENTS

EVENT_FIELDS = ("title", "kind", "mode", "time_zone", "venue", "address", "capacity",
                "summary", "description")  # fmt: skip


def at(offset: tuple[int, str], tz: str, today: date) -> datetime:
    days, clock = offset
    return datetime.combine(today + timedelta(days=days), time.fromisoformat(clock),
                            tzinfo=zoneinfo.ZoneInfo(tz))  # fmt: skip


def practices(keys: list[str]) -> list[Practice]:
    return list(Practice.objects.filter(source_name=SOURCE_NAME, source_id__in=keys))


def load_event(data: dict, today: date) -> tuple[Event, bool]:
    tz = data["time_zone"]
    values = {name: data[name] for name in EVENT_FIELDS} | {
        "host": Municipality.objects.filter(slug=data["host"]).first(),
        "online_url": data.get("online_url", ""),
        "starts_at": at(data["start"], tz, today),
        "ends_at": at(data["end"], tz, today),
        "registration_closes_at": at(data["registration_closes"], tz, today),
    }
    event, created = Event.objects.get_or_create(slug=data["slug"], defaults=values)
    if created:
        event.themes.set(Theme.objects.filter(slug__in=data["themes"]))
        event.practices.set(practices(data["practices"]))
        event.projects.set(Project.objects.filter(title__in=data.get("projects", [])))
        for position, question in enumerate(data["questions"], start=1):
            Question.objects.create(event=event, position=position, **question)
    for item in data["sessions"]:
        load_session(event, item, today)
    return event, created


def load_session(event: Event, item: dict, today: date) -> None:
    if event.sessions.filter(title=item["title"]).exists():
        return
    theme = Theme.objects.filter(slug=item.get("theme", "")).first()
    session = Session.objects.create(
        event=event, title=item["title"], kind=item["kind"], theme=theme,
        description=item.get("description", ""), speakers=item.get("speakers", ""),
        room=item.get("room", ""), capacity=item.get("capacity"),
        starts_at=at(item["start"], event.time_zone, today),
        ends_at=at(item["end"], event.time_zone, today),
    )  # fmt: skip
    session.practices.set(practices(item.get("practices", [])))


def queue_time(event: Event, index: int) -> datetime:
    """Demo people joined in the listed order, a minute apart, before the demo was loaded."""
    return event.created_at - timedelta(hours=1) + timedelta(minutes=index)


def load_registrations(event: Event, data: dict) -> int:
    questions = {q.label: str(q.pk) for q in event.questions.all()}
    created = 0
    for index, (email, role, answers) in enumerate(data["registrations"]):
        user = User.objects.filter(email=email).first()
        if user is None:
            continue
        membership = user.memberships.select_related("municipality").first()
        moment = queue_time(event, index)
        _registration, new = Registration.objects.get_or_create(
            event=event, user=user,
            defaults={"role": role, "status": Registration.Status.CONFIRMED,
                      "municipality": membership.municipality if membership else None,
                      "answers": {questions[k]: v for k, v in answers.items() if k in questions},
                      "queued_at": moment, "confirmed_at": moment,
                      "attended_at": event.ends_at if data.get("attended") else None},
        )  # fmt: skip
        created += new
    return created


def load_bookings(event: Event, data: dict) -> int:
    """The first people to book fill the session; the rest wait in the order listed."""
    created = 0
    for title, emails in data["bookings"].items():
        session = event.sessions.get(title=title)
        for index, email in enumerate(emails):
            registration = event.registrations.filter(user__email=email).first()
            if registration is None or session.bookings.filter(registration=registration).exists():
                continue
            status = Booking.Status.CONFIRMED
            if session.capacity is not None and index >= session.capacity:
                status = Booking.Status.WAITLISTED
            Booking.objects.create(registration=registration, session=session, status=status,
                                   queued_at=queue_time(event, index))  # fmt: skip
            created += 1
    return created


def recount_seats(event: Event) -> None:
    Event.objects.filter(pk=event.pk).update(
        seats_taken=event.registrations.filter(status=Registration.Status.CONFIRMED).count()
    )
    confirmed = Count("bookings", filter=Q(bookings__status=Booking.Status.CONFIRMED))
    for session in event.sessions.annotate(confirmed=confirmed):
        if session.seats_taken != session.confirmed:
            Session.objects.filter(pk=session.pk).update(seats_taken=session.confirmed)


def load(*, stdout: TextIO) -> None:
    """Create what is missing; never overwrite what people changed in the demo."""
    today = timezone.localdate()
    events = registrations = bookings = 0
    for data in EVENTS:
        event, created = load_event(data, today)
        events += created
        registrations += load_registrations(event, data)
        bookings += load_bookings(event, data)
        recount_seats(event)
    stdout.write(f"Events: {events} created, {registrations} registrations, "
                 f"{bookings} session bookings.\n")  # fmt: skip
