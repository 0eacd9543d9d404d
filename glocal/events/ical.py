"""iCalendar (.ics) files for events: one event, the public feed, and the mail attachment."""

from collections.abc import Iterable
from datetime import UTC

from django.conf import settings
from icalendar import Calendar
from icalendar import Event as VEvent

from .models import Event, Session

PRODID = "-//Glocal//Events//EN"


def event_uid(event: Event) -> str:
    return f"event-{event.pk}@glocal"


def session_uid(session: Session) -> str:
    return f"session-{session.pk}@glocal"


def where(event: Event, *, with_online_link: bool) -> str:
    place = ", ".join(part for part in (event.venue, event.address) if part)
    if event.mode == Event.Mode.ONLINE:
        place = ""
    if with_online_link and event.online_url:
        place = f"{place} · {event.online_url}" if place else event.online_url
    return place or event.get_mode_display()


def new_calendar(prodid: str = PRODID, name: str = "") -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def vevent(uid: str, title: str, start, end, description: str, location: str, url: str, stamp):
    """One VEVENT with its times in UTC."""
    item = VEvent()
    item.add("uid", uid)
    item.add("dtstamp", stamp.astimezone(UTC))
    item.add("dtstart", start.astimezone(UTC))
    item.add("dtend", end.astimezone(UTC))
    item.add("summary", title)
    if description:
        item.add("description", description)
    item.add("location", location)
    item.add("url", url)
    return item


def build_calendar(
    events: Iterable[Event], *, with_sessions: bool = False, with_online_link: bool = False,
    name: str = "",
) -> bytes:  # fmt: skip
    """A calendar of ``events`` (times in UTC); the online link only when asked for."""
    calendar = new_calendar(name=name)
    for event in events:
        url = settings.SITE_URL + event.get_absolute_url()
        location = where(event, with_online_link=with_online_link)
        stamp = event.created_at or event.starts_at
        calendar.add_component(
            vevent(event_uid(event), event.title, event.starts_at, event.ends_at,
                    event.summary, location, url, stamp)
        )  # fmt: skip
        if with_sessions:
            for session in event.sessions.all():
                room = ", ".join(p for p in (session.room, location) if p)
                title = f"{session.title} ({event.title})"
                calendar.add_component(
                    vevent(session_uid(session), title, session.starts_at, session.ends_at,
                            session.description, room, url, stamp)
                )  # fmt: skip
    return calendar.to_ical()
