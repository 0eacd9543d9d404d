from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from glocal.events.models import Event, Registration

from .conftest import make_event, make_session

START = datetime(2030, 5, 12, 7, 30, tzinfo=UTC)


@pytest.fixture
def webinar(town) -> Event:
    event = make_event(
        "Budgeting with Citizens", slug="budgeting-webinar", host=town, starts_at=START,
        mode=Event.Mode.HYBRID, online_url="https://meet.example.org/glocal-budget",
        venue="Town hall", address="Piazza Caduti 1, Spilamberto",
    )  # fmt: skip
    event.ends_at = START + timedelta(hours=2)
    event.save(update_fields=["ends_at"])
    make_session(event, "Opening panel", kind="panel", starts_at=START, room="Sala consiliare")
    return event


def unfold(content: bytes) -> str:
    return content.decode().replace("\r\n ", "")


def test_event_ics_lists_the_event_and_its_sessions_in_utc(anonymous, webinar):
    response = anonymous.get("/events/budgeting-webinar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = unfold(response.content)
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Glocal//Events//EN\r\n")
    assert f"UID:event-{webinar.pk}@glocal\r\n" in text
    assert "DTSTART:20300512T073000Z\r\n" in text
    assert "DTEND:20300512T093000Z\r\n" in text
    assert "SUMMARY:Budgeting with Citizens\r\n" in text
    assert "LOCATION:Town hall\\, Piazza Caduti 1\\, Spilamberto\r\n" in text
    assert "URL:http://127.0.0.1:8000/events/budgeting-webinar/\r\n" in text
    assert "SUMMARY:Opening panel (Budgeting with Citizens)\r\n" in text
    assert "LOCATION:Sala consiliare\\, Town hall\\, Piazza Caduti 1\\, Spilamberto\r\n" in text
    assert text.count("BEGIN:VEVENT") == 2
    assert "meet.example.org" not in text


def test_event_ics_carries_the_online_link_for_a_confirmed_participant(
    member_client, member, webinar
):
    Registration.objects.create(event=webinar, user=member, role="staff",
                                status=Registration.Status.CONFIRMED)  # fmt: skip
    text = unfold(member_client.get("/events/budgeting-webinar.ics").content)
    assert (
        "LOCATION:Town hall\\, Piazza Caduti 1\\, Spilamberto · "
        "https://meet.example.org/glocal-budget\r\n"
    ) in text


def test_online_link_is_shown_only_to_confirmed_participants(client, member, webinar):
    link = "https://meet.example.org/glocal-budget"
    assert link not in client.get("/events/budgeting-webinar/").content.decode()
    client.force_login(member)
    registration = Registration.objects.create(event=webinar, user=member, role="staff",
                                               status=Registration.Status.WAITLISTED)  # fmt: skip
    assert link not in client.get("/events/budgeting-webinar/").content.decode()
    registration.status = Registration.Status.CONFIRMED
    registration.save(update_fields=["status"])
    assert link in client.get("/events/budgeting-webinar/").content.decode()


def test_feed_lists_upcoming_published_events_only(anonymous, webinar, town):
    make_event("Past Exposure", host=town, starts_at=timezone.now() - timedelta(days=20))
    make_event("Hidden Draft", host=town, is_published=False)
    response = anonymous.get("/events/feed.ics")
    assert response.status_code == 200
    text = unfold(response.content)
    assert "X-WR-CALNAME:Network events\r\n" in text
    assert "SUMMARY:Budgeting with Citizens\r\n" in text
    assert "Past Exposure" not in text
    assert "Hidden Draft" not in text
    assert text.count("BEGIN:VEVENT") == 1
    assert "meet.example.org" not in text


def test_ics_of_an_unpublished_event_is_404(anonymous, town):
    make_event("Hidden Draft", slug="hidden", host=town, is_published=False)
    assert anonymous.get("/events/hidden.ics").status_code == 404


def test_event_uid_stays_the_same_when_the_event_changes_and_text_is_escaped(anonymous, webinar):
    before = unfold(anonymous.get("/events/budgeting-webinar.ics").content)
    Event.objects.filter(pk=webinar.pk).update(
        title="Budgets; citizens, and towns", summary="Line one\nLine two"
    )
    after = unfold(anonymous.get("/events/budgeting-webinar.ics").content)
    uid = f"UID:event-{webinar.pk}@glocal\r\n"
    assert uid in before
    assert uid in after
    assert "SUMMARY:Budgets\\; citizens\\, and towns\r\n" in after
    assert "DESCRIPTION:Line one\\nLine two\r\n" in after
