from datetime import timedelta

from django.utils import timezone

from glocal.events.models import Booking, Registration, Session

from .conftest import make_event, make_person, make_session


def confirmed(event, person) -> Registration:
    return Registration.objects.create(event=event, user=person, role="staff",
                                       status=Registration.Status.CONFIRMED)  # fmt: skip


def book(client, session):
    return client.post(f"/events/{session.event.slug}/sessions/{session.pk}/book/")


def booking_statuses(session: Session) -> dict[str, str]:
    rows = Booking.objects.filter(session=session).values_list(
        "registration__user__email", "status"
    )
    return dict(rows)


def test_full_session_puts_participant_on_its_waiting_list(client, town):
    event = make_event(host=town, capacity=None)
    trip = make_session(event, capacity=1)
    for email in ("a@town.test", "b@town.test"):
        person = make_person(email, town)
        confirmed(event, person)
        client.force_login(person)
        assert book(client, trip).status_code == 302
    assert booking_statuses(trip) == {"a@town.test": "confirmed", "b@town.test": "waitlisted"}
    trip.refresh_from_db()
    assert trip.seats_taken == 1
    page = client.get(f"/events/{event.slug}/").content.decode()
    assert "On the waiting list (number 1)" in page


def test_a_freed_session_place_goes_to_the_first_in_the_queue_with_an_email(
    client, town, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(host=town, capacity=None)
    trip = make_session(event, title="Bus to the olive press", capacity=1)
    people = [make_person(f"p{i}@town.test", town) for i in range(4)]
    for person in people:
        confirmed(event, person)
        client.force_login(person)
        book(client, trip)
    client.force_login(people[0])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/events/{event.slug}/sessions/{trip.pk}/leave/")
    assert booking_statuses(trip) == {
        "p0@town.test": "cancelled", "p1@town.test": "confirmed",
        "p2@town.test": "waitlisted", "p3@town.test": "waitlisted",
    }  # fmt: skip
    assert [m.to for m in mailoutbox] == [["p1@town.test"]]
    assert mailoutbox[0].subject == "A place freed up for you: Bus to the olive press"


def test_cancelling_the_event_registration_frees_the_session_place_too(client, town):
    event = make_event(host=town, capacity=None)
    trip = make_session(event, capacity=1)
    first, second = make_person("a@town.test", town), make_person("b@town.test", town)
    for person in (first, second):
        confirmed(event, person)
        client.force_login(person)
        book(client, trip)
    client.force_login(first)
    client.post(f"/events/{event.slug}/cancel/", {"confirmed": "yes"})
    assert booking_statuses(trip) == {"a@town.test": "cancelled", "b@town.test": "confirmed"}
    trip.refresh_from_db()
    assert trip.seats_taken == 1


def test_people_on_the_event_waiting_list_cannot_book_sessions(member_client, member, town):
    event = make_event(host=town, capacity=None)
    trip = make_session(event, capacity=5)
    Registration.objects.create(event=event, user=member, role="staff",
                                status=Registration.Status.WAITLISTED)  # fmt: skip
    response = member_client.post(f"/events/{event.slug}/sessions/{trip.pk}/book/", follow=True)
    assert (
        "Sessions can be booked once your registration is confirmed." in response.content.decode()
    )
    assert Booking.objects.count() == 0
    trip.refresh_from_db()
    assert trip.seats_taken == 0


def test_booking_a_session_of_another_event_is_404(member_client, member, town):
    event, other = make_event(host=town), make_event("Webinar", host=town)
    trip = make_session(other, capacity=5)
    confirmed(event, member)
    response = member_client.post(f"/events/{event.slug}/sessions/{trip.pk}/book/")
    assert response.status_code == 404
    assert Booking.objects.count() == 0


def test_a_session_that_started_cannot_be_booked(member_client, member, town):
    event = make_event(host=town)
    trip = make_session(event, capacity=5)
    Session.objects.filter(pk=trip.pk).update(starts_at=event.starts_at - timedelta(days=40))
    confirmed(event, member)
    member_client.post(f"/events/{event.slug}/sessions/{trip.pk}/book/")
    assert Booking.objects.count() == 0


def test_agenda_shows_my_events_sessions_and_queue_position(client, town):
    event = make_event(host=town, capacity=None)
    trip = make_session(event, title="Olive press visit", capacity=1)
    first, second = make_person("a@town.test", town), make_person("b@town.test", town)
    for person in (first, second):
        confirmed(event, person)
        client.force_login(person)
        book(client, trip)
    page = client.get("/events/agenda/").content.decode()
    assert "Annual Conference" in page
    assert "Olive press visit" in page
    assert "Waiting list, number 1" in page
    client.force_login(first)
    assert "You have a place" in client.get("/events/agenda/").content.decode()


def test_agenda_needs_sign_in(anonymous):
    response = anonymous.get("/events/agenda/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_session_that_started_cannot_be_left_and_nobody_is_emailed(
    client, town, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(host=town, capacity=None)
    trip = make_session(event, capacity=1)
    first, second = make_person("a@town.test", town), make_person("b@town.test", town)
    for person in (first, second):
        confirmed(event, person)
        client.force_login(person)
        book(client, trip)
    Session.objects.filter(pk=trip.pk).update(starts_at=timezone.now() - timedelta(minutes=5))
    client.force_login(first)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/events/{event.slug}/sessions/{trip.pk}/leave/", follow=True)
    assert "This session has already started." in response.content.decode()
    assert booking_statuses(trip) == {"a@town.test": "confirmed", "b@town.test": "waitlisted"}
    assert mailoutbox == []


def test_cancelling_during_the_event_promotes_nobody_into_sessions_already_held(
    client, town, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(host=town, capacity=None, starts_at=timezone.now() - timedelta(days=1))
    trip = make_session(event, capacity=1)
    first, second = make_person("a@town.test", town), make_person("b@town.test", town)
    for person, status in ((first, "confirmed"), (second, "waitlisted")):
        registration = confirmed(event, person)
        Booking.objects.create(registration=registration, session=trip, status=status)
    Session.objects.filter(pk=trip.pk).update(seats_taken=1)
    client.force_login(first)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/events/{event.slug}/cancel/", {"confirmed": "yes"})
    assert booking_statuses(trip) == {"a@town.test": "cancelled", "b@town.test": "waitlisted"}
    trip.refresh_from_db()
    assert trip.seats_taken == 0
    assert mailoutbox == []
