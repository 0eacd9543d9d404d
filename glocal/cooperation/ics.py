"""Consultations as iCalendar events (RFC 5545) for anyone's calendar application."""

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from .models import Consultation


def consultation_calendar(consultation: Consultation) -> bytes:
    """One VEVENT for a scheduled consultation; an empty calendar before it is scheduled."""
    calendar = Calendar()
    calendar.add("prodid", "-//Glocal//Consultations//EN")
    calendar.add("version", "2.0")
    if consultation.starts_at is None:
        return calendar.to_ical()
    event = Event()
    event.add("uid", f"consultation-{consultation.pk}@glocal")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", consultation.starts_at)
    event.add("dtend", consultation.ends_at)
    event.add("summary", f"{consultation.topic} ({consultation.project})")
    description = f"{consultation.question}\n\n{settings.SITE_URL}{consultation.get_absolute_url()}"
    event.add("description", description)
    if consultation.location:
        event.add("location", consultation.location)
    calendar.add_component(event)
    return calendar.to_ical()
