"""The demo has a conference with a full field trip and a queue, a past exposure, a webinar."""

from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from glocal.events.models import Booking, Event, Registration, Session


def test_demo_has_an_upcoming_conference_with_a_three_day_programme(demo):
    conference = Event.objects.get(slug="mayors-conference-vienna")
    assert conference.kind == Event.Kind.CONFERENCE
    assert conference.starts_at > timezone.now()
    assert conference.is_registration_open
    days = {s.starts_at.astimezone(conference.tz).date() for s in conference.sessions.all()}
    assert len(days) == 3
    panels = conference.sessions.filter(kind=Session.Kind.PANEL)
    assert sorted(panels.values_list("theme__slug", flat=True)) == [
        "children-youth", "environment-climate", "migration-integration", "participation",
        "social-cohesion"]  # fmt: skip
    assert conference.sessions.filter(kind=Session.Kind.WORKSHOP).count() == 1
    assert conference.questions.count() == 3
    assert conference.seats_taken == conference.registrations.confirmed().count() == 6


def test_demo_field_trip_is_full_with_people_waiting_in_order(demo):
    trip = Session.objects.get(kind=Session.Kind.FIELD_TRIP, event__slug="mayors-conference-vienna")
    assert trip.is_full
    assert trip.seats_taken == trip.capacity == 4
    queue = Booking.objects.waiting_in_order().filter(session=trip)
    assert [b.registration.user.email for b in queue] == [
        "officer@batroun.glocal.demo", "reviewer@glocal.demo"]  # fmt: skip


def test_demo_has_a_past_field_exposure_linked_to_the_practices_visited(demo):
    exposure = Event.objects.get(slug="field-exposure-bekaa-valley")
    assert exposure.is_past
    assert sorted(exposure.practices.values_list("source_id", flat=True)) == [
        "baalbek-youth-volunteers", "zahle-neighbourhood-volunteers"]  # fmt: skip
    assert exposure.registrations.filter(attended_at__isnull=False).count() == 4
    practice = exposure.practices.get(source_id="zahle-neighbourhood-volunteers")
    assert practice.events.get() == exposure
    visited = sorted(exposure.projects.values_list("title", flat=True))
    assert visited == ["Baalbek Heritage Keepers", "Zahlé Engaged Neighbourhoods"]


def test_the_public_sees_the_public_project_visited_on_the_past_field_exposure(demo, client):
    page = client.get("/events/field-exposure-bekaa-valley/").content.decode()
    assert "Zahlé Engaged Neighbourhoods" in page
    assert "Baalbek Heritage Keepers" not in page  # shown to the network only


def test_demo_has_an_online_webinar_with_registrations(demo):
    webinar = Event.objects.get(kind=Event.Kind.WEBINAR)
    assert webinar.mode == Event.Mode.ONLINE
    assert webinar.online_url.startswith("https://meet.glocal.demo/")
    assert webinar.registrations.count() == 2


def test_loading_the_demo_twice_creates_no_more_events_or_registrations(demo):
    counts = (Event.objects.count(), Session.objects.count(), Registration.objects.count(),
              Booking.objects.count())  # fmt: skip
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Events: 0 created, 0 registrations, 0 session bookings." in out.getvalue()
    assert counts == (Event.objects.count(), Session.objects.count(),
                      Registration.objects.count(), Booking.objects.count())  # fmt: skip
