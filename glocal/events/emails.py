"""Mail to participants, always sent after the transaction commits."""

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from glocal.members.languages import in_language_of
from glocal.notifications.models import Kind
from glocal.notifications.services import notify

from .ical import build_calendar

SUBJECTS = {
    "confirmed": gettext_noop("Your place at %s is confirmed"),
    "promoted": gettext_noop("A place freed up: you are now registered for %s"),
    "waitlisted": gettext_noop("You are on the waiting list for %s"),
    "pending": gettext_noop("We received your registration for %s"),
    "declined": gettext_noop("Your registration for %s"),
    "reminder": gettext_noop("Reminder: %s is coming up"),
}
WITH_CALENDAR = {"confirmed", "promoted", "reminder"}
KINDS = {"promoted": Kind.EVENT_PROMOTION, "reminder": Kind.EVENT_REMINDER}


def on_commit_send(registration_id: int, template: str) -> None:
    transaction.on_commit(lambda: send_registration_mail(registration_id, template))


def on_commit_send_booking(booking_id: int) -> None:
    transaction.on_commit(lambda: send_booking_mail(booking_id))


def send_registration_mail(registration_id: int, template: str) -> None:
    from .models import Registration

    registration = Registration.objects.select_related("event", "user").get(pk=registration_id)
    event, user = registration.event, registration.user
    if not user.email:
        return
    context = {"registration": registration, "event": event, "user": user,
               "url": settings.SITE_URL + event.get_absolute_url(),
               "agenda_url": settings.SITE_URL + "/events/agenda/"}  # fmt: skip
    attachments = []
    with in_language_of(user):
        if template in WITH_CALENDAR:
            ics = build_calendar([event], with_online_link=True)
            attachments.append((f"{event.slug}.ics", ics, "text/calendar"))
        notify(kind=KINDS.get(template, Kind.EVENT_REGISTRATION), recipients=[user.email],
               subject=_(SUBJECTS[template]) % event.title, context=context,
               template=f"events/email/{template}.txt", url=event.get_absolute_url(),
               attachments=attachments)  # fmt: skip


def send_booking_mail(booking_id: int) -> None:
    from .models import Booking

    booking = Booking.objects.select_related("session__event", "registration__user").get(
        pk=booking_id
    )
    user, session = booking.registration.user, booking.session
    if not user.email:
        return
    context = {"session": session, "event": session.event, "user": user,
               "url": settings.SITE_URL + "/events/agenda/"}  # fmt: skip
    with in_language_of(user):
        notify(kind=Kind.EVENT_PROMOTION, recipients=[user.email],
               subject=_("A place freed up for you: %s") % session.title,
               template="events/email/session_promoted.txt", context=context,
               url=session.event.get_absolute_url())  # fmt: skip
