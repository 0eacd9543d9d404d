"""Consultations as iCalendar events (RFC 5545), built like the events' calendars."""

from django.conf import settings
from django.utils import timezone

from glocal.events.ical import new_calendar, vevent

from .models import Consultation


def consultation_calendar(consultation: Consultation) -> bytes:
    """One VEVENT for a scheduled consultation; an empty calendar before it is scheduled."""
    calendar = new_calendar("-//Glocal//Consultations//EN")
    if consultation.starts_at is None:
        return calendar.to_ical()
    url = settings.SITE_URL + consultation.get_absolute_url()
    calendar.add_component(vevent(
        f"consultation-{consultation.pk}@glocal", f"{consultation.topic} ({consultation.project})",
        consultation.starts_at, consultation.ends_at, f"{consultation.question}\n\n{url}",
        consultation.location, url, timezone.now(),
    ))  # fmt: skip
    return calendar.to_ical()
