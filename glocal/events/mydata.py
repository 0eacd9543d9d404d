"""A person's event registrations, answers and session places. The rows stay (numbers and
attendance of past events are the network's record); upcoming places go to those waiting."""

from .models import Booking, Registration
from .services import cancel_registration


def export(user) -> dict[str, list[dict]]:
    registrations = Registration.objects.filter(user=user).values(
        "event__title", "municipality__name", "role", "status", "answers", "created_at",
        "confirmed_at", "cancelled_at", "attended_at",
    )  # fmt: skip
    bookings = Booking.objects.filter(registration__user=user).values(
        "registration__event__title", "session__title", "status", "created_at"
    )
    return {"event_registrations": list(registrations), "session_bookings": list(bookings)}


def erase(user) -> None:
    for registration in Registration.objects.filter(user=user).select_related("event"):
        if registration.is_active and not registration.event.is_past:
            cancel_registration(registration=registration)
    Registration.objects.filter(user=user).update(answers={})
