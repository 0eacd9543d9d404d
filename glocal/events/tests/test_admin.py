"""The secretariat builds an event and its programme in the admin, times in the venue's zone."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from glocal.events.models import Booking, Event, Question, Registration, Session

from .conftest import make_event, make_person, make_session

ADD = "/admin/events/event/add/"


def management(prefix: str, total: int, initial: int = 0) -> dict[str, str]:
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial),
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}  # fmt: skip


def when(prefix: str, day: str, clock: str) -> dict[str, str]:
    return {f"{prefix}_0": day, f"{prefix}_1": clock}


def session_data(index: int, title: str, day: str, start: str, end: str, **fields) -> dict:
    prefix = f"sessions-{index}-"
    return {f"{prefix}title": title, f"{prefix}kind": fields.pop("kind", "field_trip"),
            **when(f"{prefix}starts_at", day, start), **when(f"{prefix}ends_at", day, end),
            **{prefix + name: value for name, value in fields.items()}}  # fmt: skip


def event_data(sessions=(), questions=(), initial_sessions: int = 0, **fields) -> dict:
    data = {
        "title": "Field exposure Bekaa", "slug": "field-exposure-bekaa", "kind": "field_exposure",
        "mode": "in_person", "summary": "Two days in the Bekaa valley.", "venue": "Town hall",
        "time_zone": "Asia/Beirut", "capacity": "30", "is_published": "on", "language": "en",
        **when("starts_at", "2031-05-10", "09:00"), **when("ends_at", "2031-05-11", "17:00"),
        **when("registration_opens_at", "", ""), **when("registration_closes_at", "", ""),
        **management("sessions", len(sessions), initial_sessions),
        **management("questions", len(questions)),
    }  # fmt: skip
    for item in sessions:
        data |= item
    for item in questions:
        data |= item
    return data | fields


def errors_of(response) -> list[str]:
    form = response.context["adminform"].form
    found = [str(e) for errors in form.errors.values() for e in errors]
    for inline in response.context["inline_admin_formsets"]:
        for form in inline.formset.forms:
            found += [str(e) for errors in form.errors.values() for e in errors]
    return found


@pytest.fixture
def staff_client(client, secretariat):
    """A secretariat member who is staff but not a superuser, sitting in Vienna."""
    secretariat.time_zone = "Europe/Vienna"
    secretariat.save(update_fields=["time_zone"])
    client.force_login(secretariat)
    return client


def test_secretariat_creates_an_event_with_its_programme_and_questions(staff_client):
    page = staff_client.get(ADD)
    assert [i.formset.prefix for i in page.context["inline_admin_formsets"]] == [
        "sessions", "questions"]  # fmt: skip
    trip = session_data(0, "Bus to Baalbek", "2031-05-10", "10:00", "13:00", capacity="20",
                        room="Main square", speakers="Mayor of Baalbek\nYouth worker")  # fmt: skip
    question = {"questions-0-label": "Dietary needs", "questions-0-kind": "text",
                "questions-0-position": "1"}  # fmt: skip
    response = staff_client.post(ADD, event_data(sessions=[trip], questions=[question]))
    assert response.status_code == 302
    event = Event.objects.get(slug="field-exposure-bekaa")
    session = event.sessions.get()
    assert (session.title, session.capacity, session.speaker_list) == (
        "Bus to Baalbek", 20, ["Mayor of Baalbek", "Youth worker"])  # fmt: skip
    assert list(event.questions.values_list("label", flat=True)) == ["Dietary needs"]


def test_times_are_typed_in_the_venue_time_zone_not_the_secretariats(staff_client):
    trip = session_data(0, "Bus to Baalbek", "2031-05-10", "10:00", "13:00")
    staff_client.post(ADD, event_data(sessions=[trip]))
    event = Event.objects.get(slug="field-exposure-bekaa")
    assert event.starts_at == datetime(2031, 5, 10, 6, 0, tzinfo=UTC)  # 09:00 in Beirut (+3)
    assert event.sessions.get().starts_at == datetime(2031, 5, 10, 7, 0, tzinfo=UTC)
    page = staff_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    assert 'name="starts_at_1" value="09:00:00"' in page
    assert 'name="sessions-0-starts_at_1" value="10:00:00"' in page


def test_a_session_ending_before_it_starts_gets_a_clear_message_and_nothing_is_saved(
    staff_client,
):
    trip = session_data(0, "Bus to Baalbek", "2031-05-10", "13:00", "10:00")
    response = staff_client.post(ADD, event_data(sessions=[trip]))
    assert response.status_code == 200
    assert errors_of(response) == ["The session cannot end before it starts."]
    assert Event.objects.count() == Session.objects.count() == 0


def test_a_session_outside_the_event_days_is_refused(staff_client):
    trip = session_data(0, "Bus to Baalbek", "2031-06-10", "10:00", "13:00")
    response = staff_client.post(ADD, event_data(sessions=[trip]))
    assert response.status_code == 200
    assert errors_of(response) == [
        "The session must take place during the event, between 10 May 2031, 09:00 and "
        "11 May 2031, 17:00."
    ]
    assert Event.objects.count() == Session.objects.count() == 0


def test_registration_opening_after_the_event_starts_is_refused(staff_client):
    data = event_data(**when("registration_opens_at", "2031-05-10", "10:00"))
    response = staff_client.post(ADD, data)
    assert response.status_code == 200
    assert errors_of(response) == ["Registration must open before the event starts."]
    assert Event.objects.count() == 0


def test_a_list_question_without_choices_is_refused(staff_client):
    question = {"questions-0-label": "Interpretation language", "questions-0-kind": "choice",
                "questions-0-choices": "Arabic", "questions-0-position": "1"}  # fmt: skip
    response = staff_client.post(ADD, event_data(questions=[question]))
    assert response.status_code == 200
    assert errors_of(response) == ["Give at least two choices, one per line."]
    assert Question.objects.count() == 0


def change_data(event: Event, session: Session, **fields) -> dict:
    trip = session_data(0, session.title, "2031-05-10", "10:00", "13:00",
                        capacity=str(session.capacity), id=str(session.pk),
                        event=str(event.pk))  # fmt: skip
    return event_data(sessions=[trip], initial_sessions=1, slug=event.slug) | fields


@pytest.fixture
def bekaa(db) -> Event:
    start = datetime(2031, 5, 10, 6, 0, tzinfo=UTC)
    event = make_event("Field exposure Bekaa", slug="field-exposure-bekaa", capacity=2,
                       starts_at=start, time_zone="Asia/Beirut")  # fmt: skip
    Event.objects.filter(pk=event.pk).update(ends_at=datetime(2031, 5, 11, 14, 0, tzinfo=UTC))
    event.refresh_from_db()
    return event


def fill(event: Event, session: Session, people: int) -> list[Registration]:
    registrations = []
    for i in range(people):
        status = "confirmed" if i < 2 else "waitlisted"
        person = make_person(f"p{i}@bekaa.test")
        registration = Registration.objects.create(
            event=event, user=person, role="staff", status=status
        )
        registrations.append(registration)
        if status == "confirmed":
            Booking.objects.create(registration=registration, session=session,
                                   status="confirmed" if i == 0 else "waitlisted")  # fmt: skip
    Event.objects.filter(pk=event.pk).update(seats_taken=2)
    Session.objects.filter(pk=session.pk).update(seats_taken=1)
    return registrations


def test_capacities_below_the_places_taken_are_refused_with_a_message(staff_client, bekaa):
    trip = make_session(bekaa, "Bus to Baalbek", capacity=1,
                        starts_at=datetime(2031, 5, 10, 7, 0, tzinfo=UTC))  # fmt: skip
    fill(bekaa, trip, 3)
    data = change_data(bekaa, trip, capacity="1") | {"sessions-0-capacity": "0"}
    response = staff_client.post(f"/admin/events/event/{bekaa.pk}/change/", data)
    assert response.status_code == 200
    assert errors_of(response) == ["2 people already hold a place.",
                                   "1 people already hold a place."]  # fmt: skip
    bekaa.refresh_from_db()
    trip.refresh_from_db()
    assert (bekaa.capacity, bekaa.seats_taken, trip.capacity, trip.seats_taken) == (2, 2, 1, 1)


def test_removing_a_session_limit_gives_a_place_to_everyone_waiting_with_an_email(
    staff_client, bekaa, mailoutbox, django_capture_on_commit_callbacks
):
    trip = make_session(bekaa, "Bus to Baalbek", capacity=1,
                        starts_at=datetime(2031, 5, 10, 7, 0, tzinfo=UTC))  # fmt: skip
    fill(bekaa, trip, 2)
    data = change_data(bekaa, trip) | {"sessions-0-capacity": ""}
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(f"/admin/events/event/{bekaa.pk}/change/", data)
    assert response.status_code == 302
    assert sorted(trip.bookings.values_list("status", flat=True)) == ["confirmed", "confirmed"]
    assert [m.to for m in mailoutbox] == [["p1@bekaa.test"]]


@pytest.mark.skipif(
    not connection.features.has_select_for_update, reason="SQLite takes the write lock up front"
)
def test_the_admin_locks_the_event_row_so_a_seat_taken_meanwhile_is_not_overwritten(
    staff_client, bekaa
):
    trip = make_session(bekaa, "Bus to Baalbek", capacity=1,
                        starts_at=datetime(2031, 5, 10, 7, 0, tzinfo=UTC))  # fmt: skip
    with CaptureQueriesContext(connection) as queries:
        staff_client.post(f"/admin/events/event/{bekaa.pk}/change/", change_data(bekaa, trip))
    locked = [q["sql"] for q in queries if "FOR UPDATE" in q["sql"]]
    assert any('FROM "events_event"' in sql for sql in locked)
    assert any('FROM "events_session"' in sql for sql in locked)
