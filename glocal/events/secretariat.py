"""Secretariat pages: participant lists with filters, numbers, CSV, approval, check-in, badges."""

import csv

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from glocal.lib.edit_versions import posted_version
from glocal.lib.spreadsheets import defuse_cell

from . import services
from .access import get_event_for_secretariat, get_registration_for_secretariat
from .forms import ParticipantFilterForm
from .models import Event, Registration
from .pdfs import badges_pdf

PARTICIPANTS_PAGE_SIZE = 50  # the numbers and the CSV still cover every registration
CSV_HEADER = ("name", "email", "municipality", "country", "role", "status", "registered_at",
              "checked_in_at")  # fmt: skip


def filtered_registrations(request: HttpRequest, event: Event):
    form = ParticipantFilterForm(request.GET or None)
    registrations = form.filter(event.registrations.for_lists()).order_by(
        "status", "queued_at", "pk"
    )
    return form, registrations


@require_GET
def participant_list(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_event_for_secretariat(request, slug)
    form, registrations = filtered_registrations(request, event)
    page = Paginator(registrations, PARTICIPANTS_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "event": event,
        "form": form,
        "page": page,
        "registrations": page.object_list,
        "questions": list(event.questions.all()),
        "numbers": services.participant_numbers(event.registrations.all()),
        "query": request.GET.urlencode(),
    }
    return render(request, "events/participants.html", context)


@require_GET
def participant_csv(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_event_for_secretariat(request, slug)
    _form, registrations = filtered_registrations(request, event)
    questions = list(event.questions.all())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-participants.csv"'
    response.write("\ufeff")  # so spreadsheet programs read UTF-8 names correctly
    writer = csv.writer(response)
    writer.writerow([*CSV_HEADER, *(q.label for q in questions)])
    for r in registrations:
        town = r.municipality
        writer.writerow([
            defuse_cell(r.user.full_name), defuse_cell(r.user.email),
            defuse_cell(town.name if town else ""),
            town.country.label if town else "", r.get_role_display(), r.get_status_display(),
            r.created_at.isoformat(), r.attended_at.isoformat() if r.attended_at else "",
            *(defuse_cell(str(r.answers.get(str(q.pk), ""))) for q in questions),
        ])  # fmt: skip
    return response


@require_POST
def registration_decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    registration = get_registration_for_secretariat(request, slug, pk)
    decision = request.POST.get("decision")
    actions = {"approve": services.approve_registration, "decline": services.decline_registration}
    if decision not in actions:
        messages.error(request, _("Choose to approve or to decline."))
        return redirect("events:participants", slug=slug)
    try:
        registration = actions[decision](registration=registration,
                                         version=posted_version(request))  # fmt: skip
    except services.RegistrationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(name)s: %(status)s.") % {
            "name": registration.user, "status": registration.get_status_display()})  # fmt: skip
    return redirect("events:participants", slug=slug)


@require_POST
def registration_checkin(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Mark (or unmark) attendance at the door; answers with the row for htmx."""
    registration = get_registration_for_secretariat(request, slug, pk)
    attended = request.POST.get("attended") == "1"
    status = 200
    try:
        registration = services.mark_attendance(registration=registration, attended=attended)
    except services.RegistrationError as error:
        messages.error(request, str(error))
        status = 400
    if request.headers.get("HX-Request"):
        registration = Registration.objects.for_lists().get(pk=registration.pk)
        context = {"event": registration.event, "r": registration,
                   "questions": list(registration.event.questions.all())}  # fmt: skip
        return render(request, "events/participants.html#row", context, status=status)
    return redirect("events:participants", slug=slug)


@require_GET
def badges(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_event_for_secretariat(request, slug)
    registrations = event.registrations.confirmed().for_lists().select_related("event")
    registrations = registrations.order_by("user__full_name", "user__email")
    response = HttpResponse(badges_pdf(registrations), content_type="application/pdf")
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-badges-{stamp}.pdf"'
    return response
