"""Two people must never both get the last seat: real threads, real transactions.

On PostgreSQL the threads share the test database as is. SQLite's in-memory test database
uses a shared cache whose table locks fail at once instead of waiting, which no real
deployment has; so for SQLite the test database is copied to a file for these tests and
the threads meet the same WAL + IMMEDIATE + busy-timeout locking as production.
"""

import sqlite3
import threading

import pytest
from django.db import IntegrityError, connection, transaction

from glocal.events import services
from glocal.events.models import Booking, Event, Registration, Session

from .conftest import make_event, make_person, make_session

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("file_database")]
PEOPLE = 8


@pytest.fixture
def file_database(transactional_db, tmp_path):
    """Point the default connection (in every thread) at a file copy of the test database."""
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    connection.ensure_connection()
    target = sqlite3.connect(tmp_path / "race.sqlite3")
    connection.connection.backup(target)
    target.close()
    memory, name = connection.connection, connection.settings_dict["NAME"]
    connection.connection = None
    connection.settings_dict["NAME"] = str(tmp_path / "race.sqlite3")
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = name
        connection.connection = memory


def run_together(work, items) -> list:
    """Run ``work(item)`` in one thread per item, released at the same moment."""
    barrier = threading.Barrier(len(items))
    errors = []

    def target(item):
        try:
            barrier.wait()
            work(item)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=target, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_concurrent_registrations_for_the_last_seat_give_it_to_exactly_one_person():
    event = make_event(capacity=1)
    people = [make_person(f"p{i}@race.test") for i in range(PEOPLE)]
    errors = run_together(
        lambda person: services.register_participant(
            event=event, user=person, role="staff", answers={}
        ),
        people,
    )
    assert errors == []
    statuses = list(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert sorted(statuses) == ["confirmed"] + ["waitlisted"] * (PEOPLE - 1)
    event.refresh_from_db()
    assert event.seats_taken == 1


def test_concurrent_bookings_for_the_last_place_in_a_session_give_it_to_exactly_one_person():
    event = make_event(capacity=None)
    session = make_session(event, capacity=1)
    registrations = [
        services.register_participant(
            event=event, user=make_person(f"b{i}@race.test"), role="staff", answers={}
        )
        for i in range(PEOPLE)
    ]
    errors = run_together(
        lambda registration: services.book_session(registration=registration, session=session),
        registrations,
    )
    assert errors == []
    statuses = list(Booking.objects.filter(session=session).values_list("status", flat=True))
    assert sorted(statuses) == ["confirmed"] + ["waitlisted"] * (PEOPLE - 1)
    session.refresh_from_db()
    assert session.seats_taken == 1


def test_concurrent_cancellations_promote_each_waiting_person_once():
    event = make_event(capacity=3)
    people = [make_person(f"c{i}@race.test") for i in range(6)]
    registrations = [
        services.register_participant(event=event, user=p, role="staff", answers={}) for p in people
    ]
    errors = run_together(
        lambda registration: services.cancel_registration(registration=registration),
        registrations[:3],
    )
    assert errors == []
    by_person = dict(Registration.objects.filter(event=event).values_list("user__email", "status"))
    assert by_person == {"c0@race.test": "cancelled", "c1@race.test": "cancelled",
                         "c2@race.test": "cancelled", "c3@race.test": "confirmed",
                         "c4@race.test": "confirmed", "c5@race.test": "confirmed"}  # fmt: skip
    event.refresh_from_db()
    assert event.seats_taken == 3


def test_the_database_refuses_more_seats_than_the_capacity():
    event = make_event(capacity=1)
    Event.objects.filter(pk=event.pk).update(seats_taken=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(seats_taken=2)
    session = make_session(event, capacity=0)
    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.filter(pk=session.pk).update(seats_taken=1)
    event.refresh_from_db()
    assert event.seats_taken == 1
