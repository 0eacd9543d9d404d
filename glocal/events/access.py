"""Fetch-and-authorise helpers for events and registrations, used by every view and endpoint."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from glocal.lib import roles

from .models import Booking, Event, Registration


def get_event_for_viewer(request: HttpRequest, slug: str) -> Event:
    """The event if the viewer may see it; unpublished events are 404 except to the secretariat."""
    queryset = Event.objects.visible_to(request.user).select_related("host__country")
    return get_object_or_404(queryset, slug=slug)


def get_event_for_secretariat(request: HttpRequest, slug: str) -> Event:
    if not roles.is_secretariat(request.user):
        raise PermissionDenied("Only the secretariat manages participants.")
    return get_object_or_404(Event.objects.select_related("host__country"), slug=slug)


def own_registration(user, event: Event) -> Registration | None:
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(event=event, user=user).first()


def can_see_online_link(user, event: Event, registration: Registration | None) -> bool:
    if not event.online_url:
        return False
    if roles.is_secretariat(user):
        return True
    return registration is not None and registration.is_confirmed


def get_registration_for_participant(request: HttpRequest, slug: str) -> Registration:
    """The signed-in person's own registration for the event, or 404."""
    event = get_event_for_viewer(request, slug)
    if not request.user.is_authenticated:
        raise PermissionDenied
    return get_object_or_404(Registration.objects.select_related("event"), event=event,
                             user=request.user)  # fmt: skip


def get_registration_for_secretariat(request: HttpRequest, slug: str, pk: int) -> Registration:
    event = get_event_for_secretariat(request, slug)
    queryset = Registration.objects.select_related("event", "user", "municipality__country")
    return get_object_or_404(queryset, event=event, pk=pk)


def get_booking_for_participant(request: HttpRequest, slug: str, session_id: int) -> Booking:
    registration = get_registration_for_participant(request, slug)
    return get_object_or_404(
        Booking.objects.select_related("session"), registration=registration, session_id=session_id
    )
