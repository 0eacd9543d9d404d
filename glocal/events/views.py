"""Public and participant pages: events, the programme, registration, agenda, calendars."""

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from glocal.lib.confirmation import ask_to_confirm, confirmed
from glocal.lib.edit_versions import posted_version
from glocal.lib.html import json_ld_script
from glocal.lib.pagecache import cached_for_anonymous
from glocal.practices.access import get_practice_for_viewer
from glocal.practices.models import Practice
from glocal.projects.access import get_project_for_viewer
from glocal.projects.models import Project
from glocal.translations.reading import read_for

from . import services
from .access import (
    can_see_online_link,
    get_booking_for_participant,
    get_event_for_viewer,
    get_registration_for_participant,
    own_registration,
)
from .forms import RegistrationForm
from .ical import build_calendar
from .jsonld import event_jsonld
from .models import Booking, Event, ParticipantRole, Registration, Session
from .pdfs import certificate_pdf

PAGE_SIZE = 12
FEED_SIZE = 100


@require_GET
@cached_for_anonymous()
def event_list(request: HttpRequest) -> HttpResponse:
    past = request.GET.get("when") == "past"
    events = Event.objects.visible_to(request.user)
    events = events.past() if past else events.upcoming()
    kind = request.GET.get("kind", "")
    if kind in Event.Kind.values:
        events = events.filter(kind=kind)
    page = Paginator(events.for_cards(), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "past": past, "kind": kind, "kinds": Event.Kind.choices}
    return render(request, "events/event_list.html", context)


def programme_days(event: Event, sessions: list[Session]) -> list[tuple]:
    """The sessions grouped by their day at the venue."""
    return [
        (day, list(items))
        for day, items in groupby(sessions, key=lambda s: s.starts_at.astimezone(event.tz).date())
    ]


def sessions_with_bookings(
    event: Event, registration: Registration | None, viewer
) -> list[Session]:
    """The programme with the viewer's bookings and only the practices the viewer may open."""
    practices = Prefetch("practices", queryset=Practice.objects.visible_to(viewer))
    sessions = list(event.sessions.select_related("theme").prefetch_related(practices))
    bookings = {}
    if registration:
        bookings = {b.session_id: b for b in registration.bookings.all()}
    for session in sessions:
        session.my_booking = bookings.get(session.pk)
    return sessions


@require_GET
@cached_for_anonymous()
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_event_for_viewer(request, slug)
    read_for(request, event)
    registration = own_registration(request.user, event)
    sessions = sessions_with_bookings(event, registration, request.user)
    context = {
        "event": event,
        "registration": registration,
        "waiting_position": registration.waiting_position() if registration else None,
        "days": programme_days(event, sessions),
        "show_online_link": can_see_online_link(request.user, event, registration),
        "practices": event.practices.visible_to(request.user).select_related("municipality"),
        "projects": event.projects.visible_to(request.user).select_related("municipality"),
        "jsonld": json_ld_script(event_jsonld(event, request=request, sessions=sessions)),
    }
    return render(request, "events/event_detail.html", context)


@login_required
def event_register(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_event_for_viewer(request, slug)
    registration = own_registration(request.user, event)
    if registration and registration.is_active:
        if request.method == "POST":  # registered meanwhile in another tab
            return answers_kept(request, event, registration)
        messages.info(request, _("You are already registered for this event."))
        return redirect(event)
    if refusal := services.registration_refusal(event):
        messages.error(request, refusal)
        return redirect(event)
    form = RegistrationForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.register_participant(
                event=event, user=request.user, role=form.cleaned_data["role"],
                answers=form.answers(),
            )  # fmt: skip
        except (services.AlreadyRegistered, IntegrityError):  # another tab, a moment earlier
            return answers_kept(request, event, own_registration(request.user, event))
        except services.RegistrationError as error:
            messages.error(request, str(error))
            return redirect(event)
        messages.success(request, registration_message(registration))
        return redirect(event)
    status = 400 if request.method == "POST" else 200
    context = {"event": event, "form": form}
    return render(request, "events/register.html", context, status=status)


def answers_kept(request: HttpRequest, event: Event, registration: Registration) -> HttpResponse:
    """Registered meanwhile (another tab): these answers were not saved; they stay in the form
    beside the ones that were."""
    form = RegistrationForm(request.POST, event=event)
    form.is_valid()
    saved = {"role": registration.role} | {f"q{pk}": a for pk, a in registration.answers.items()}
    roles, conflicts = dict(ParticipantRole.choices), []
    for name, field in form.fields.items():
        theirs, mine = str(saved.get(name, "")), form.data.get(name, "")
        if theirs != mine:
            conflicts.append({"label": field.label, "theirs": roles.get(theirs, theirs),
                              "mine": roles.get(mine, mine)})  # fmt: skip
    context = {"event": event, "form": form, "conflicts": conflicts, "registered": registration}
    return render(request, "events/register.html", context, status=409)


def registration_message(registration: Registration) -> str:
    return {
        Registration.Status.CONFIRMED: _("You are registered. A confirmation is on its way."),
        Registration.Status.WAITLISTED: _("The event is full: you are on the waiting list."),
        Registration.Status.PENDING: _("Thank you. The secretariat will confirm your place."),
    }[registration.status]


@login_required
@require_POST
def registration_cancel(request: HttpRequest, slug: str) -> HttpResponse:
    registration = get_registration_for_participant(request, slug)
    if not confirmed(request):
        return ask_to_confirm(
            request, question=_("Cancel your registration for %s?") % registration.event,
            consequence=_("Your place, and any session places, go to the next person waiting. "
                          "You would have to register again, if places are left."),
            button=_("Yes, cancel my registration"), back=registration.event.get_absolute_url(),
        )  # fmt: skip
    try:
        services.cancel_registration(registration=registration,
                                     version=posted_version(request))  # fmt: skip
    except services.RegistrationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect(registration.event)


@login_required
@require_POST
def session_book(request: HttpRequest, slug: str, session_id: int) -> HttpResponse:
    registration = get_registration_for_participant(request, slug)
    session = get_object_or_404(Session, pk=session_id, event=registration.event)
    try:
        booking = services.book_session(registration=registration, session=session)
    except services.RegistrationError as error:
        messages.error(request, str(error))
    else:
        if booking.status == Booking.Status.CONFIRMED:
            messages.success(request, _("You have a place in “%s”.") % session.title)
        else:
            messages.info(request, _("“%s” is full: you are on its waiting list.") % session.title)
    return redirect(f"{registration.event.get_absolute_url()}#session-{session.pk}")


@login_required
@require_POST
def booking_cancel(request: HttpRequest, slug: str, session_id: int) -> HttpResponse:
    booking = get_booking_for_participant(request, slug, session_id)
    try:
        services.leave_session(booking=booking)
    except services.RegistrationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You left “%s”.") % booking.session.title)
    if request.POST.get("next") == "agenda":
        return redirect("events:agenda")
    return redirect(booking.session.event)


@login_required
@require_GET
def agenda(request: HttpRequest) -> HttpResponse:
    """The signed-in person's events, sessions and queues, soonest first."""
    bookings = Booking.objects.exclude(status=Booking.Status.CANCELLED).select_related("session")
    registrations = (
        Registration.objects.active()
        .filter(user=request.user, event__is_published=True)
        .select_related("event__host")
        .prefetch_related(Prefetch("bookings", queryset=bookings))
        .order_by("event__starts_at")
    )
    upcoming = [r for r in registrations if not r.event.is_past]
    past = [r for r in registrations if r.event.is_past][::-1]
    return render(request, "events/agenda.html", {"upcoming": upcoming, "past": past})


def calendar_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_event_for_viewer(request, slug)
    registration = own_registration(request.user, event)
    with_link = can_see_online_link(request.user, event, registration)
    content = build_calendar([event], with_sessions=True, with_online_link=with_link)
    return calendar_response(content, f"{event.slug}.ics")


@require_GET
def feed_ics(request: HttpRequest) -> HttpResponse:
    events = Event.objects.published().upcoming().select_related("host")[:FEED_SIZE]
    content = build_calendar(events, name=_("Network events"))
    return calendar_response(content, "events.ics")


@login_required
@require_GET
def certificate(request: HttpRequest, slug: str) -> HttpResponse:
    """The attendance certificate: for people who were checked in, and only for them."""
    registration = get_registration_for_participant(request, slug)
    if not registration.attended:
        raise PermissionDenied(_("Certificates are for people who attended."))
    registration = (
        Registration.objects.for_lists().select_related("event__host").get(pk=registration.pk)
    )
    response = HttpResponse(certificate_pdf(registration), content_type="application/pdf")
    filename = slugify(f"certificate-{registration.event.slug}")
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    return response


@require_GET
def practice_events(request: HttpRequest, slug: str) -> HttpResponse:
    """A partial for the practice page: events where the practice is presented or visited."""
    practice: Practice = get_practice_for_viewer(request, slug)
    events = linked_events(request, practice.events.all(), practice.event_sessions.all())
    return render(request, "events/linked_events.html", {"events": events})


@require_GET
def project_events(request: HttpRequest, pk: int) -> HttpResponse:
    project: Project = get_project_for_viewer(request, pk)
    events = linked_events(request, project.events.all(), Session.objects.none())
    return render(request, "events/linked_events.html", {"events": events})


def linked_events(request: HttpRequest, events, sessions) -> list[Event]:
    ids = set(events.values_list("pk", flat=True)) | set(sessions.values_list("event", flat=True))
    visible = Event.objects.visible_to(request.user).filter(pk__in=ids)
    return list(visible.select_related("host").order_by("-starts_at"))
