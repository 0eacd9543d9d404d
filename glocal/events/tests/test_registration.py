from datetime import timedelta

from django.utils import timezone

from glocal.events.models import Booking, Event, Registration, Session

from .conftest import make_event, make_person, statuses


def register(client, event, **data):
    return client.post(f"/events/{event.slug}/register/", {"role": "staff"} | data)


def test_representative_registers_and_is_confirmed_with_an_email(
    member_client, member, event, town, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = register(member_client, event, role="elected")
    assert response.status_code == 302
    registration = Registration.objects.get(event=event, user=member)
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.municipality == town
    assert registration.role == "elected"
    event.refresh_from_db()
    assert event.seats_taken == 1
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["mayor@spilamberto.test"]
    assert mailoutbox[0].subject == "Your place at Annual Conference is confirmed"
    name, content, mimetype = mailoutbox[0].attachments[0]
    assert (name, mimetype) == ("annual-conference.ics", "text/calendar")
    assert "SUMMARY:Annual Conference" in content


def test_anonymous_visitor_is_sent_to_sign_in_and_nothing_is_registered(anonymous, event):
    response = register(anonymous, event)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert Registration.objects.count() == 0


def test_registration_before_it_opens_is_refused(member_client, town):
    event = make_event(host=town, registration_opens_at=timezone.now() + timedelta(days=1))
    response = register(member_client, event)
    assert response.status_code == 302
    assert Registration.objects.count() == 0
    page = member_client.get(f"/events/{event.slug}/").content.decode()
    assert "Registration has not opened yet." in page


def test_registration_after_the_closing_time_is_refused(member_client, town):
    event = make_event(host=town, registration_closes_at=timezone.now() - timedelta(minutes=1))
    response = member_client.post(f"/events/{event.slug}/register/", {"role": "staff"}, follow=True)
    assert "Registration for this event is closed." in response.content.decode()
    assert Registration.objects.count() == 0
    event.refresh_from_db()
    assert event.seats_taken == 0


def test_registration_closes_when_the_event_starts_if_no_closing_time_is_set(town):
    start = timezone.now() + timedelta(hours=1)
    event = make_event(host=town, starts_at=start, registration_closes_at=None)
    assert event.registration_state(start - timedelta(seconds=1)) == "open"
    assert event.registration_state(start) == "closed"


def test_registration_is_open_between_its_opening_and_closing_times(town):
    opens = timezone.now() + timedelta(days=1)
    event = make_event(host=town, registration_opens_at=opens,
                       registration_closes_at=opens + timedelta(days=5))  # fmt: skip
    assert event.registration_state(opens - timedelta(seconds=1)) == "not_yet"
    assert event.registration_state(opens) == "open"
    assert event.registration_state(opens + timedelta(days=5)) == "closed"


def test_full_event_puts_the_next_person_on_the_waiting_list(client, event, town):
    people = [make_person(f"p{i}@town.test", town) for i in range(3)]
    for person in people:
        client.force_login(person)
        register(client, event)
    assert statuses(event) == {"p0@town.test": "confirmed", "p1@town.test": "confirmed",
                               "p2@town.test": "waitlisted"}  # fmt: skip
    event.refresh_from_db()
    assert event.seats_taken == 2
    client.force_login(people[2])
    page = client.get(f"/events/{event.slug}/").content.decode()
    assert "number 1 in the queue" in page


def test_cancellation_promotes_the_waiting_list_in_the_order_people_joined(
    client, event, town, mailoutbox, django_capture_on_commit_callbacks
):
    people = [make_person(f"p{i}@town.test", town) for i in range(5)]
    for person in people:
        client.force_login(person)
        register(client, event)
    mailoutbox.clear()
    client.force_login(people[0])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/events/{event.slug}/cancel/", {"confirmed": "yes"})
    assert response.status_code == 302
    assert statuses(event) == {
        "p0@town.test": "cancelled", "p1@town.test": "confirmed", "p2@town.test": "confirmed",
        "p3@town.test": "waitlisted", "p4@town.test": "waitlisted",
    }  # fmt: skip
    assert [m.to for m in mailoutbox] == [["p2@town.test"]]
    assert mailoutbox[0].subject == "A place freed up: you are now registered for Annual Conference"
    assert mailoutbox[0].attachments[0][0] == "annual-conference.ics"
    client.force_login(people[1])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/events/{event.slug}/cancel/", {"confirmed": "yes"})
    assert statuses(event)["p3@town.test"] == "confirmed"
    assert statuses(event)["p4@town.test"] == "waitlisted"
    event.refresh_from_db()
    assert event.seats_taken == 2


def test_leaving_the_waiting_list_frees_no_seat_and_promotes_nobody(client, event, town):
    people = [make_person(f"p{i}@town.test", town) for i in range(4)]
    for person in people:
        client.force_login(person)
        register(client, event)
    client.force_login(people[2])
    client.post(f"/events/{event.slug}/cancel/", {"confirmed": "yes"})
    assert statuses(event)["p3@town.test"] == "waitlisted"
    event.refresh_from_db()
    assert event.seats_taken == 2


def test_registering_twice_is_refused_and_takes_no_second_seat(member_client, event, member):
    register(member_client, event)
    response = register(member_client, event)
    assert response.status_code == 409  # the second tab is told, its answers kept in the form
    assert Registration.objects.filter(user=member).count() == 1
    event.refresh_from_db()
    assert event.seats_taken == 1


def test_a_cancelled_participant_may_register_again(member_client, event, member):
    register(member_client, event)
    member_client.post(f"/events/{event.slug}/cancel/", {"confirmed": "yes"})
    register(member_client, event)
    registration = Registration.objects.get(user=member)
    assert registration.status == Registration.Status.CONFIRMED
    event.refresh_from_db()
    assert event.seats_taken == 1


def test_answers_to_the_custom_questions_are_stored(member_client, event, member, questions):
    dietary, language = questions
    response = register(member_client, event, **{f"q{dietary.pk}": "Vegetarian",
                                                  f"q{language.pk}": "French"})  # fmt: skip
    assert response.status_code == 302
    registration = Registration.objects.get(user=member)
    assert registration.answers == {str(dietary.pk): "Vegetarian", str(language.pk): "French"}


def test_a_missing_required_answer_is_shown_next_to_the_field(member_client, event, questions):
    response = register(member_client, event, **{f"q{questions[1].pk}": "Klingon"})
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="field-q{questions[1].pk}"' in html
    assert "Select a valid choice. Klingon is not one of the available choices." in html
    assert Registration.objects.count() == 0


def test_approval_keeps_the_registration_pending_until_the_secretariat_decides(
    member_client, member, secretariat, town, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(host=town, capacity=5, requires_approval=True)
    with django_capture_on_commit_callbacks(execute=True):
        register(member_client, event)
    registration = Registration.objects.get(user=member)
    assert registration.status == Registration.Status.PENDING
    event.refresh_from_db()
    assert event.seats_taken == 0
    assert mailoutbox[0].subject == "We received your registration for Annual Conference"
    member_client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(
            f"/events/{event.slug}/participants/{registration.pk}/decide/", {"decision": "approve"}
        )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    event.refresh_from_db()
    assert event.seats_taken == 1
    assert mailoutbox[1].subject == "Your place at Annual Conference is confirmed"


def test_approving_when_the_event_is_full_puts_the_person_on_the_waiting_list(
    client, secretariat, town
):
    event = make_event(host=town, capacity=1, requires_approval=True)
    first, second = make_person("a@town.test", town), make_person("b@town.test", town)
    for person in (first, second):
        client.force_login(person)
        register(client, event)
    client.force_login(secretariat)
    for person in (first, second):
        pk = Registration.objects.get(user=person).pk
        client.post(f"/events/{event.slug}/participants/{pk}/decide/", {"decision": "approve"})
    assert statuses(event) == {"a@town.test": "confirmed", "b@town.test": "waitlisted"}


def test_secretariat_declines_a_pending_registration(client, secretariat, town, member):
    event = make_event(host=town, requires_approval=True)
    client.force_login(member)
    register(client, event)
    pk = Registration.objects.get().pk
    client.force_login(secretariat)
    client.post(f"/events/{event.slug}/participants/{pk}/decide/", {"decision": "decline"})
    assert statuses(event) == {"mayor@spilamberto.test": "declined"}


def test_another_municipalitys_representative_cannot_approve_registrations(
    other_member_client, member, town
):
    event = make_event(host=town, requires_approval=True)
    registration = Registration.objects.create(event=event, user=member, role="staff",
                                               status=Registration.Status.PENDING)  # fmt: skip
    response = other_member_client.post(
        f"/events/{event.slug}/participants/{registration.pk}/decide/", {"decision": "approve"}
    )
    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.status == Registration.Status.PENDING
    event.refresh_from_db()
    assert event.seats_taken == 0


def test_unpublished_event_is_hidden_from_members_and_registration_is_404(
    member_client, member, town
):
    event = make_event(host=town, is_published=False)
    assert member_client.get(f"/events/{event.slug}/").status_code == 404
    assert register(member_client, event).status_code == 404
    assert Registration.objects.count() == 0


def test_participants_cannot_cancel_after_the_event(member_client, member, town):
    event = make_event(host=town, starts_at=timezone.now() - timedelta(days=3))
    registration = Registration.objects.create(event=event, user=member, role="staff",
                                               status=Registration.Status.CONFIRMED)  # fmt: skip
    Event.objects.filter(pk=event.pk).update(seats_taken=1)
    member_client.post(f"/events/{event.slug}/cancel/", {"confirmed": "yes"})
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_register_page_of_a_closed_event_sends_back_with_the_reason(member_client, town):
    event = make_event(host=town, registration_closes_at=timezone.now() - timedelta(minutes=1))
    response = member_client.get(f"/events/{event.slug}/register/", follow=True)
    assert response.redirect_chain == [(f"/events/{event.slug}/", 302)]
    assert "Registration for this event is closed." in response.content.decode()
    assert Registration.objects.count() == 0


def test_emails_show_names_and_titles_as_typed_not_html_escaped(
    client, town, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event("Cities & Towns", slug="cities-towns", host=town, venue="Caffè “Al Ponte”")
    person = make_person("o@town.test", town, name="Seán O'Brien")
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        register(client, event)
    body = mailoutbox[0].body
    assert body.startswith("Dear Seán O'Brien,\n\nyour place at Cities & Towns is confirmed.")
    assert "Where: Caffè “Al Ponte”" in body
    assert "&amp;" not in body
    assert "&#x27;" not in body


def test_another_municipalitys_representative_cannot_touch_someone_elses_registration(
    client, member, other_member, town
):
    event = make_event(host=town, capacity=5)
    trip = Session.objects.create(event=event, title="Bus", kind="field_trip", capacity=1,
                                  starts_at=event.starts_at, ends_at=event.ends_at)  # fmt: skip
    registration = Registration.objects.create(
        event=event, user=member, role="staff", status="confirmed", attended_at=timezone.now()
    )
    Booking.objects.create(registration=registration, session=trip, status="confirmed")
    client.force_login(other_member)
    assert client.post(f"/events/{event.slug}/cancel/", {"confirmed": "yes"}).status_code == 404
    assert client.post(f"/events/{event.slug}/sessions/{trip.pk}/leave/").status_code == 404
    assert client.get(f"/events/{event.slug}/certificate.pdf").status_code == 404
    assert "Mayor" not in client.get("/events/agenda/").content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert trip.bookings.get().status == "confirmed"


def test_cancelling_promotes_the_next_person_for_the_event_and_each_session_held(
    client, town, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(host=town, capacity=1)
    trip = Session.objects.create(
        event=event,
        title="Bus to the olive press",
        kind="field_trip",
        capacity=1,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
    )
    leaving, booked, waiting = (make_person(f"{n}@town.test", town) for n in ("a", "b", "c"))
    registration = Registration.objects.create(event=event, user=leaving, role="staff",
                                               status="confirmed")  # fmt: skip
    Event.objects.filter(pk=event.pk).update(seats_taken=1)
    Booking.objects.create(registration=registration, session=trip, status="confirmed")
    Session.objects.filter(pk=trip.pk).update(seats_taken=1)
    other = Registration.objects.create(event=event, user=booked, role="staff", status="confirmed")
    Booking.objects.create(registration=other, session=trip, status="waitlisted")
    Registration.objects.create(event=event, user=waiting, role="staff", status="waitlisted")
    client.force_login(leaving)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/events/{event.slug}/cancel/", {"confirmed": "yes"})
    assert statuses(event) == {"a@town.test": "cancelled", "b@town.test": "confirmed",
                               "c@town.test": "confirmed"}  # fmt: skip
    assert trip.bookings.get(registration=other).status == "confirmed"
    assert sorted((m.to[0], m.subject) for m in mailoutbox) == [
        ("b@town.test", "A place freed up for you: Bus to the olive press"),
        ("c@town.test", "A place freed up: you are now registered for Annual Conference"),
    ]


def test_cancelling_asks_for_confirmation_and_keeps_the_place_until_then(client, event, town):
    person = make_person("keeps@town.test", town)
    client.force_login(person)
    register(client, event)
    response = client.post(f"/events/{event.slug}/cancel/")
    assert response.status_code == 200
    assert "Yes, cancel my registration" in response.content.decode()
    assert statuses(event) == {"keeps@town.test": "confirmed"}
