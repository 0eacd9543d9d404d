"""Every write about registrations and seats goes through here: pages, the API and commands.

A seat is taken with one conditional ``UPDATE`` (``take_seat``): the database decides who gets
the last one, and the check constraints on ``seats_taken`` refuse anything beyond capacity.
"""

from datetime import datetime, timedelta

from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from glocal.audit.services import changes, record
from glocal.members.models import User
from glocal.reference.models import country_name

from . import emails
from .models import Booking, Event, Registration, Session


class RegistrationError(Exception):
    """A registration step that is not allowed now; the message is for the person."""


class AlreadyRegistered(RegistrationError):
    """The person registered meanwhile (another tab): the page shows what was saved."""


def locked_registration(pk: int, version: int | None) -> Registration:
    """The registration's row, locked; refused if it changed since the page showing it."""
    registration = Registration.objects.select_for_update().get(pk=pk)
    if version is not None and version != registration.version:
        raise RegistrationError(_("This registration was changed meanwhile (now: %(status)s), "
                                  "in another tab or by someone else; nothing was done.")
                                % {"status": registration.get_status_display()})  # fmt: skip
    registration.version += 1
    return registration


def take_seat(model: type[Event] | type[Session], pk: int) -> bool:
    """Take one seat if one is free; True when this caller got it."""
    free = Q(capacity__isnull=True) | Q(seats_taken__lt=F("capacity"))
    return model.objects.filter(free, pk=pk).update(seats_taken=F("seats_taken") + 1) == 1


def release_seat(model: type[Event] | type[Session], pk: int) -> None:
    model.objects.filter(pk=pk, seats_taken__gt=0).update(seats_taken=F("seats_taken") - 1)


def home_municipality(user: User):
    membership = user.memberships.select_related("municipality").order_by("pk").first()
    return membership.municipality if membership else None


def registration_refusal(event: Event, now: datetime | None = None) -> str:
    """Why nobody can register now, or '' while registration is open."""
    state = event.registration_state(now)
    if state == "not_yet":
        return _("Registration has not opened yet.")
    return _("Registration for this event is closed.") if state == "closed" else ""


@transaction.atomic
def register_participant(
    *, event: Event, user: User, role: str, answers: dict, now: datetime | None = None
) -> Registration:
    """Register ``user``: confirmed if a seat is free, queued if not, pending if approval is due."""
    now = now or timezone.now()
    if refusal := registration_refusal(event, now):
        raise RegistrationError(refusal)
    registration = Registration.objects.select_for_update().filter(
        event=event, user=user
    ).first() or Registration(event=event, user=user)
    if registration.pk and registration.is_active:
        raise AlreadyRegistered(_("You are already registered for this event."))
    if event.requires_approval:
        status = Registration.Status.PENDING
    elif take_seat(Event, event.pk):
        status = Registration.Status.CONFIRMED
    else:
        status = Registration.Status.WAITLISTED
    registration.municipality = home_municipality(user)
    registration.role, registration.answers, registration.status = role, answers, status
    registration.queued_at = now
    registration.confirmed_at = now if status == Registration.Status.CONFIRMED else None
    registration.cancelled_at = registration.attended_at = registration.reminded_at = None
    if registration.pk:  # registering again after a cancellation
        registration.version += 1
    registration.save()
    record(actor=user, action="registration.created", obj=registration,
           changes={"status": [None, status], "role": [None, role]})  # fmt: skip
    emails.on_commit_send(registration.pk, status)
    return registration


@transaction.atomic
def cancel_registration(
    *, registration: Registration, now: datetime | None = None, version: int | None = None
) -> Registration:
    """The participant withdraws; a freed seat goes to the next person waiting."""
    registration = locked_registration(registration.pk, version)
    if not registration.is_active:
        raise RegistrationError(_("This registration is already cancelled."))
    if registration.event.is_past:
        raise RegistrationError(_("This event is over; registrations can no longer change."))
    held_seat = registration.status == Registration.Status.CONFIRMED
    for booking in registration.bookings.exclude(status=Booking.Status.CANCELLED):
        cancel_booking(booking=booking)
    before, registration.status = registration.status, Registration.Status.CANCELLED
    registration.cancelled_at = now or timezone.now()
    registration.save(update_fields=["status", "cancelled_at", "version"])
    record(actor=None, action="registration.cancelled", obj=registration,
           changes={"status": [before, registration.status]})  # fmt: skip
    if held_seat:
        release_seat(Event, registration.event_id)
        promote_waiting_registrations(event=registration.event)
    return registration


@transaction.atomic
def promote_waiting_registrations(*, event: Event) -> list[Registration]:
    """Give free seats to the people waiting, first come first served, and tell them."""
    promoted = []
    queue = Registration.objects.waiting_in_order().filter(event=event).select_for_update()
    for registration in queue:
        if not take_seat(Event, event.pk):
            break
        confirm(registration)
        record(
            actor=None,
            action="registration.promoted",
            obj=registration,
            changes={"status": [Registration.Status.WAITLISTED, registration.status]},
        )
        emails.on_commit_send(registration.pk, "promoted")
        promoted.append(registration)
    return promoted


def confirm(registration: Registration) -> None:
    registration.status = Registration.Status.CONFIRMED
    registration.confirmed_at = timezone.now()
    registration.version = F("version") + 1
    registration.save(update_fields=["status", "confirmed_at", "version"])
    registration.refresh_from_db(fields=["version"])


@transaction.atomic
def approve_registration(*, registration: Registration, version: int | None = None) -> Registration:
    """The secretariat accepts a request: a seat if one is free, else the waiting list."""
    registration = locked_registration(registration.pk, version)
    if registration.status != Registration.Status.PENDING:
        raise RegistrationError(_("Only registrations awaiting approval can be approved."))
    if take_seat(Event, registration.event_id):
        confirm(registration)
    else:
        registration.status = Registration.Status.WAITLISTED
        registration.queued_at = timezone.now()
        registration.save(update_fields=["status", "queued_at", "version"])
    record(actor=None, action="registration.approved", obj=registration,
           changes={"status": [Registration.Status.PENDING, registration.status]})  # fmt: skip
    emails.on_commit_send(registration.pk, registration.status)
    return registration


@transaction.atomic
def decline_registration(*, registration: Registration, version: int | None = None) -> Registration:
    registration = locked_registration(registration.pk, version)
    if registration.status not in (Registration.Status.PENDING, Registration.Status.WAITLISTED):
        raise RegistrationError(_("Only pending or waiting registrations can be declined."))
    before, registration.status = registration.status, Registration.Status.DECLINED
    registration.save(update_fields=["status", "version"])
    record(actor=None, action="registration.declined", obj=registration,
           changes={"status": [before, registration.status]})  # fmt: skip
    emails.on_commit_send(registration.pk, "declined")
    return registration


@transaction.atomic
def book_session(*, registration: Registration, session: Session) -> Booking:
    """Ask for a place in a session with its own capacity; the queue when it is full."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != Registration.Status.CONFIRMED:
        raise RegistrationError(_("Sessions can be booked once your registration is confirmed."))
    if session.event_id != registration.event_id or not session.needs_booking:
        raise RegistrationError(_("This session needs no booking."))
    if session.starts_at <= timezone.now():
        raise RegistrationError(_("This session has already started."))
    booking = Booking.objects.filter(registration=registration, session=session).first()
    if booking and booking.status != Booking.Status.CANCELLED:
        raise RegistrationError(_("You already asked for this session."))
    booking = booking or Booking(registration=registration, session=session)
    taken = take_seat(Session, session.pk)
    booking.status = Booking.Status.CONFIRMED if taken else Booking.Status.WAITLISTED
    booking.queued_at = timezone.now()
    booking.save()
    record(
        actor=None,
        action="booking.created",
        obj=booking,
        changes={"session": [None, str(session)], "status": [None, booking.status]},
    )
    return booking


def leave_session(*, booking: Booking) -> Booking:
    """The participant gives up a place or leaves a queue, until the session starts."""
    if booking.session.starts_at <= timezone.now():
        raise RegistrationError(_("This session has already started."))
    return cancel_booking(booking=booking)


@transaction.atomic
def cancel_booking(*, booking: Booking) -> Booking:
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.status == Booking.Status.CANCELLED:
        return booking
    held_seat, before = booking.status == Booking.Status.CONFIRMED, booking.status
    booking.status = Booking.Status.CANCELLED
    booking.save(update_fields=["status"])
    record(actor=None, action="booking.cancelled", obj=booking,
           changes={"status": [before, booking.status]})  # fmt: skip
    if held_seat:
        release_seat(Session, booking.session_id)
        promote_waiting_bookings(session=booking.session)
    return booking


@transaction.atomic
def promote_waiting_bookings(*, session: Session) -> list[Booking]:
    """Give free places to the people waiting, unless the session has already started."""
    promoted = []
    if session.starts_at <= timezone.now():
        return promoted
    queue = Booking.objects.waiting_in_order().filter(session=session).select_for_update()
    for booking in queue:
        if not take_seat(Session, session.pk):
            break
        booking.status = Booking.Status.CONFIRMED
        booking.save(update_fields=["status"])
        record(actor=None, action="booking.promoted", obj=booking,
               changes={"status": [Booking.Status.WAITLISTED, booking.status]})  # fmt: skip
        emails.on_commit_send_booking(booking.pk)
        promoted.append(booking)
    return promoted


@transaction.atomic
def mark_attendance(*, registration: Registration, attended: bool) -> Registration:
    """Check-in by the secretariat; only confirmed participants can attend."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != Registration.Status.CONFIRMED:
        raise RegistrationError(_("Only confirmed participants can be checked in."))
    before = registration.attended_at
    registration.attended_at = (registration.attended_at or timezone.now()) if attended else None
    registration.save(update_fields=["attended_at"])
    record(
        actor=None,
        action="registration.attendance",
        obj=registration,
        changes=changes({"attended_at": before}, {"attended_at": registration.attended_at}),
    )
    return registration


def send_reminders(*, within: timedelta, now: datetime | None = None, progress=None) -> int:
    """Remind confirmed participants of events starting within ``within``; once per person."""
    now = now or timezone.now()
    due = Registration.objects.confirmed().filter(
        reminded_at__isnull=True, event__starts_at__gt=now, event__starts_at__lte=now + within
    )
    sent = 0
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            claimed = Registration.objects.filter(pk=pk, reminded_at__isnull=True).update(
                reminded_at=now
            )
            if claimed:
                emails.on_commit_send(pk, "reminder")
                sent += 1
        if progress:
            progress(sent)
    return sent


def country_label(row: dict) -> str:
    iso = row["municipality__country__iso"]
    return country_name(iso, row["municipality__country__name"]) if iso else _("No municipality")


def participant_numbers(registrations: models.QuerySet) -> dict[str, list[tuple[str, int]]]:
    """How many active registrations per country and per role, most first."""
    active = registrations.active()
    countries = (
        active.values("municipality__country__iso", "municipality__country__name")
        .annotate(n=models.Count("pk"))
        .order_by("-n", "municipality__country__name")
    )
    roles = active.values("role").annotate(n=models.Count("pk")).order_by("-n", "role")
    labels = dict(Registration._meta.get_field("role").choices)
    return {
        "countries": [(country_label(r), r["n"]) for r in countries],
        "roles": [(str(labels.get(r["role"], r["role"])), r["n"]) for r in roles],
    }
