"""Personal consultations: the request, the agenda of both sides, scheduling, notes, .ics."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from glocal.lib import roles
from glocal.lib.edit_versions import (
    EditConflict,
    as_posted,
    conflict_rows,
    loaded_base,
    posted_version,
    sign_base,
)
from glocal.projects.models import Project

from . import services
from .access import get_consultation_for_participant, get_project_for_team
from .forms import ConsultationForm, NotesForm, ScheduleForm
from .ics import consultation_calendar
from .models import Consultation


def is_adviser(user, consultation: Consultation) -> bool:
    expert = consultation.expert
    is_own = bool(expert and expert.user_id and expert.user_id == user.pk)
    return roles.is_secretariat(user) or is_own


@login_required
@require_GET
def consultation_agenda(request: HttpRequest) -> HttpResponse:
    """The requester's and the adviser's agenda: what is coming, then what was held."""
    mine = Consultation.objects.on_agenda_of(request.user).select_related(
        "project__municipality", "expert"
    )
    context = {
        "upcoming": mine.upcoming(),
        "past": mine.exclude(pk__in=mine.upcoming().values("pk")).order_by("-starts_at")[:50],
        "can_request": Project.objects.editable_by(request.user).exists(),
    }
    return render(request, "cooperation/consultation_agenda.html", context)


@login_required
def consultation_new(request: HttpRequest) -> HttpResponse:
    if not Project.objects.editable_by(request.user).exists():
        raise PermissionDenied(_("Consultations are asked for on a project of your town."))
    initial = {key: request.GET[key] for key in ("project", "expert") if request.GET.get(key)}
    form = ConsultationForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        consultation = services.request_consultation(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your request is sent. You will hear when it is scheduled."))
        return redirect(consultation)
    return render(request, "cooperation/consultation_form.html", {"form": form})


def render_consultation(request, consultation: Consultation, status: int = 200, **forms):
    """The page; a form shown again after a refusal keeps what was typed in it, with the
    version and values it was loaded with (or, after a conflict, the saved ones)."""
    adviser = is_adviser(request.user, consultation)
    context = {"consultation": consultation, "is_adviser": adviser,
               "version": consultation.version} | forms  # fmt: skip
    if roles.is_secretariat(request.user):
        context["schedule_form"] = forms.get("schedule_form") or ScheduleForm(instance=consultation)
        context.setdefault("schedule_base", sign_base(services.schedule_values(consultation)))
    if adviser:
        context["notes_form"] = forms.get("notes_form") or NotesForm(
            initial={"notes": consultation.notes}
        )
        context.setdefault("notes_base", sign_base(services.notes_values(consultation)))
    return render(request, "cooperation/consultation_detail.html", context, status=status)


@login_required
@require_GET
def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_consultation(request, get_consultation_for_participant(request, pk))


@login_required
@require_POST
def consultation_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_consultation_for_participant(request, pk)
    if not roles.is_secretariat(request.user):
        raise PermissionDenied(_("The secretariat schedules consultations."))
    form = ScheduleForm(request.POST, instance=Consultation.objects.get(pk=pk))
    if form.is_valid():
        try:
            services.schedule_consultation(
                consultation=consultation, user=request.user, base_version=posted_version(request),
                base=loaded_base(request), **form.cleaned_data,
            )  # fmt: skip
        except EditConflict as conflict:
            theirs = conflict.record
            form = ScheduleForm(conflict.refilled(request.POST), instance=theirs)
            return render_consultation(
                request, theirs, status=409, schedule_form=form,
                schedule_conflicts=conflict_rows(form, conflict),
                schedule_base=sign_base(services.schedule_values(theirs)),
            )  # fmt: skip
        except services.InvalidAction as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Scheduled; both sides have it by e-mail."))
            return redirect(consultation)
    return render_consultation(request, consultation, status=400, schedule_form=form,
                               **as_posted(request, "schedule_base"))  # fmt: skip


@login_required
@require_POST
def consultation_notes(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_consultation_for_participant(request, pk)
    if not is_adviser(request.user, consultation):
        raise PermissionDenied(_("Only the adviser and the secretariat record notes."))
    form = NotesForm(request.POST)
    if not form.is_valid():
        return render_consultation(request, consultation, status=400, notes_form=form,
                                   **as_posted(request, "notes_base"))  # fmt: skip
    try:
        services.record_notes(
            consultation=consultation, user=request.user, base_version=posted_version(request),
            base=loaded_base(request), **form.cleaned_data,
        )  # fmt: skip
    except EditConflict as conflict:
        theirs = conflict.record
        return render_consultation(
            request, theirs, status=409, notes_form=form,
            notes_conflicts=conflict_rows(form, conflict),
            notes_base=sign_base(services.notes_values(theirs)),
        )  # fmt: skip
    messages.success(request, _("The notes are kept on the project."))
    return redirect(consultation)


@login_required
@require_GET
def consultation_ics(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_consultation_for_participant(request, pk)
    response = HttpResponse(consultation_calendar(consultation), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="consultation-{pk}.ics"'
    return response


@require_GET
def project_consultations(request: HttpRequest, pk: int) -> HttpResponse:
    """A fragment for the project page: its consultations and their notes, for its team."""
    project = get_project_for_team(request, pk)
    consultations = project.consultations.select_related("expert").order_by("-created_at")
    context = {"project": project, "consultations": consultations}
    return render(request, "cooperation/includes/project_consultations.html", context)
