"""schema.org ``Event`` JSON-LD for event pages, written out safely inside a <script>."""

from django.http import HttpRequest

from .models import Event, Session

MODES = {
    Event.Mode.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    Event.Mode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Event.Mode.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def place(event: Event) -> dict | None:
    if event.mode == Event.Mode.ONLINE:
        return None
    address = {"@type": "PostalAddress", "streetAddress": event.address or None}
    if event.host:
        address |= {"addressLocality": event.host.name, "addressCountry": event.host.country_id}
    return {"@type": "Place", "name": event.venue or None, "address": address}


def session_item(session: Session) -> dict:
    performers = [{"@type": "Person", "name": name} for name in session.speaker_list]
    return {"@type": "Event", "name": session.title, "startDate": session.starts_at.isoformat(),
            "endDate": session.ends_at.isoformat(), "performer": performers}  # fmt: skip


def event_jsonld(event: Event, *, request: HttpRequest, sessions=()) -> dict:
    url = request.build_absolute_uri(event.get_absolute_url())
    tz = event.tz
    locations = [p for p in [place(event)] if p]
    if event.is_online:
        locations.append({"@type": "VirtualLocation", "url": url})  # the link itself stays private
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": event.title,
        "description": event.summary,
        "startDate": event.starts_at.astimezone(tz).isoformat(),
        "endDate": event.ends_at.astimezone(tz).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": MODES[event.mode],
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": {"@type": "Organization", "name": event.host.name} if event.host else None,
        "maximumAttendeeCapacity": event.capacity,
        "keywords": [theme.name for theme in event.themes.all()],
        "subEvent": [session_item(s) for s in sessions],
    }
    return prune(data)


def prune(value):
    """Drop empty values so the markup says only what is known."""
    if isinstance(value, dict):
        pruned = {k: prune(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [prune(v) for v in value]
    return value
