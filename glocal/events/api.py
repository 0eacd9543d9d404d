"""The /api/v1/ endpoints of the events app: the list and one event with its programme.

The online link of an online or hybrid event is only in the answer for the secretariat and
for people whose registration is confirmed (session or ``Authorization: Bearer`` token).
"""

from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema

from glocal.members.api import READ_ERRORS, PageQuery, Slug, api_user
from glocal.translations.api import TranslatedOut, all_translations

from .access import can_see_online_link, get_event_for_viewer, own_registration
from .models import Event

router = Router(tags=["events"])


class EventQuery(PageQuery):
    when: Literal["upcoming", "past", "all"] = "upcoming"
    kind: Event.Kind | None = None


class EventOut(TranslatedOut):
    slug: str
    title: str
    kind: str
    mode: str
    summary: str
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    venue: str
    host: str | None
    themes: list[str]
    capacity: int | None
    places_left: int | None
    registration_open: bool
    registration_closes_at: datetime
    url: str

    @staticmethod
    def resolve_host(obj) -> str | None:
        return obj.host.slug if obj.host_id else None

    @staticmethod
    def resolve_themes(obj) -> list[str]:
        return [theme.slug for theme in obj.themes.all()]

    @staticmethod
    def resolve_registration_open(obj) -> bool:
        return obj.is_registration_open

    @staticmethod
    def resolve_registration_closes_at(obj) -> datetime:
        return obj.registration_closes

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()


class SessionOut(Schema):
    id: int
    title: str
    kind: str
    description: str
    theme: str | None
    speakers: list[str]
    room: str
    starts_at: datetime
    ends_at: datetime
    capacity: int | None
    places_left: int | None

    @staticmethod
    def resolve_theme(obj) -> str | None:
        return obj.theme.slug if obj.theme_id else None

    @staticmethod
    def resolve_speakers(obj) -> list[str]:
        return obj.speaker_list


class EventDetailOut(EventOut):
    description: str
    address: str
    sessions: list[SessionOut]
    practices: list[str]
    online_url: str | None

    @staticmethod
    def resolve_sessions(obj) -> list:
        return list(obj.sessions.select_related("theme"))

    @staticmethod
    def resolve_practices(obj) -> list[str]:
        return obj.visible_practices

    @staticmethod
    def resolve_online_url(obj) -> str | None:
        return obj.shown_online_url


class EventPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[EventOut]


@router.get("/events/", response={200: EventPage, **READ_ERRORS})
def list_events(request: HttpRequest, query: Query[EventQuery]):
    user = api_user(request)
    events = Event.objects.visible_to(user)
    events = {"upcoming": events.upcoming(), "past": events.past()}.get(query.when, events)
    if query.kind:
        events = events.filter(kind=query.kind)
    events = events.for_cards().prefetch_related(all_translations())
    return {"count": events.count(), "page": query.page, "page_size": query.page_size,
            "results": list(events[query.window()])}  # fmt: skip


@router.get("/events/{slug}", response={200: EventDetailOut, **READ_ERRORS})
def get_event(request: HttpRequest, slug: Slug):
    user = api_user(request)
    event = get_event_for_viewer(request, slug)
    registration = own_registration(user, event)
    event.shown_online_url = (
        event.online_url if can_see_online_link(user, event, registration) else None
    )
    event.visible_practices = list(event.practices.visible_to(user).values_list("slug", flat=True))
    return event
