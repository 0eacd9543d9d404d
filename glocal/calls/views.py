"""Calls, applying to them, the award page and the HUBs: the pages towns and visitors see."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Case, Prefetch, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from glocal.lib.dates import local_datetime_text
from glocal.lib.edit_versions import (
    EditConflict,
    as_posted,
    conflict_rows,
    loaded_base,
    posted_version,
    sign_base,
)
from glocal.lib.pagecache import cached_for_anonymous
from glocal.members.middleware import SESSION_KEY
from glocal.projects.models import Project
from glocal.translations.languages import active_language
from glocal.translations.reading import read_for, shown_translations

from . import services
from .access import get_call_for_viewer, get_hub_for_viewer, get_town_for_applicant
from .forms import ApplicationForm, TimeZoneForm
from .models import Application, ApplicationStatus, Call, Hub
from .rules import applicant_problems


@require_GET
@cached_for_anonymous()
def call_list(request: HttpRequest) -> HttpResponse:
    calls = list(
        Call.objects.visible_to(request.user)
        .prefetch_related(shown_translations(active_language()))
        .order_by("closes_at", "title")
    )
    now = timezone.now()
    own = Application.objects.of_representative(request.user).filter(call__in=calls)
    mine = {a.call_id: a for a in own.select_related("municipality")}
    for call in calls:
        call.my_application = mine.get(call.pk)
    context = {
        "current": [c for c in calls if not c.is_past_deadline(now)],
        "past": [c for c in reversed(calls) if c.is_past_deadline(now)],
        "time_zone_form": TimeZoneForm(initial={"next": request.path}),
    }
    return render(request, "calls/call_list.html", context)


@require_GET
def call_detail(request: HttpRequest, slug: str) -> HttpResponse:
    call = get_call_for_viewer(request, slug)
    read_for(request, call)
    towns = []
    if request.user.is_authenticated:
        own = {a.municipality_id: a for a in Application.objects.of_representative(
            request.user).filter(call=call)}  # fmt: skip
        for membership in request.user.memberships.select_related("municipality__country"):
            town = membership.municipality
            towns.append({"town": town, "application": own.get(town.pk),
                          "problems": applicant_problems(call, town)})  # fmt: skip
    context = {
        "call": call,
        "criteria": call.criteria.all(),
        "questions": call.questions.all(),
        "towns": towns,
        "accepting": call.accepts_changes(),
        "time_zone_form": TimeZoneForm(initial={"next": request.path}),
    }
    return render(request, "calls/call_detail.html", context)


def application_form(request: HttpRequest, call: Call, application: Application, *, lenient):
    questions = list(call.questions.all())
    files = {f.question_id: f for f in application.files.all()} if application.pk else {}
    data = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    return ApplicationForm(*data, instance=application, call=call, questions=questions,
                           files=files, lenient=lenient)  # fmt: skip


def save_from_form(request, form: ApplicationForm, *, submit: bool) -> Application | None:
    """Hand the form to the service; its refusal becomes a message at the top of the form.

    EditConflict (someone saved the same fields since this page loaded) goes to the caller."""
    try:
        return services.save_application(
            application=form.save(commit=False), user=request.user, answers=form.answers(),
            uploads=form.uploads(), sdgs=form.cleaned_data.get("sdgs") if form.call.is_hub
            else None, submit=submit, base_version=posted_version(request),
            base=loaded_base(request), mine=form.posted_values(),
        )  # fmt: skip
    except ValidationError as error:
        form.add_error(None, error)
        return None


def applicant_state(request: HttpRequest, slug: str):
    """The call, the applicant's town, its application (maybe unsaved) and why it is refused."""
    call = get_call_for_viewer(request, slug)
    town = get_town_for_applicant(request)
    application = Application.objects.filter(call=call, municipality=town).first()
    refusal = []
    if application is None:
        refusal = applicant_problems(call, town)
        application = Application(call=call, municipality=town)
    if not call.accepts_changes() and not refusal:
        refusal = [_("Applications to this call are not open: they open at %(start)s and close "
                     "at %(end)s.") % {"start": local_datetime_text(call.opens_at),
                                       "end": local_datetime_text(call.closes_at)}]  # fmt: skip
    return call, town, application, refusal


@login_required
def apply(request: HttpRequest, slug: str) -> HttpResponse:
    call, town, application, refusal = applicant_state(request, slug)
    if application.pk and (refusal or application.is_decided):
        return redirect(application)
    if refusal:
        context = {"call": call, "town": town, "problems": refusal}
        return render(request, "calls/apply_refused.html", context, status=403)
    is_draft = application.status == ApplicationStatus.DRAFT
    lenient = is_draft and "save_draft" in request.POST
    form = application_form(request, call, application, lenient=lenient)
    version = application.version if application.pk else 0  # 0: not saved yet, anywhere
    saved, context = None, {"version": version, "base": edit_base(form, application)}
    if request.method == "POST":  # shown again as it came, unless a conflict says otherwise
        context |= as_posted(request)
    if request.method == "POST" and form.is_valid():
        try:
            saved = save_from_form(request, form, submit=not lenient)
        except EditConflict as conflict:
            return apply_conflict(request, form, conflict, context | {"town": town})
    if saved and lenient:
        messages.success(request, _("Your draft is saved."))
        return redirect(f"{request.path}?town={town.slug}")
    if saved:
        messages.success(request, _("Your application is saved. You can change it until the "
                                    "deadline."))  # fmt: skip
        return redirect(saved)
    context |= {"call": call, "town": town, "form": form, "application": application,
                "is_draft": is_draft}  # fmt: skip
    return render(request, "calls/apply.html", context, status=400 if form.errors else 200)


def edit_base(form: ApplicationForm, application: Application) -> str:
    """The signed values the page shows, so a later save merges over others' changes."""
    names = [n for n in form.fields if not n.startswith("q")] + [
        f"q{q.pk}" for q in form.questions if q.type != q.Type.FILE]  # fmt: skip
    return sign_base(application.edit_values(names))


def apply_conflict(request, form: ApplicationForm, conflict: EditConflict, context: dict):
    """The others' save beside this editor's values, which stay in the form."""
    current = conflict.record
    refilled = application_form(request, form.call, current, lenient=form.lenient)
    refilled.data = conflict.refilled(request.POST)
    context |= {"call": form.call, "form": refilled, "application": current,
                "is_draft": current.status == ApplicationStatus.DRAFT,
                "conflicts": conflict_rows(form, conflict), "version": current.version,
                "base": edit_base(form, current)}  # fmt: skip
    return render(request, "calls/apply.html", context, status=409)


@login_required
@require_POST
def autosave(request: HttpRequest, slug: str) -> HttpResponse:
    """Keep a half-written draft; answers with a status line for htmx."""
    call, town, application, refusal = applicant_state(request, slug)
    context = {"saved": False, "application": application, "town": town}
    if refusal or application.status != ApplicationStatus.DRAFT:
        context["problems"] = refusal or [_("Only drafts are saved automatically.")]
        return render(request, "calls/apply.html#autosave", context)
    form = application_form(request, call, application, lenient=True)
    context["form"] = form
    try:
        if form.is_valid() and (saved := save_from_form(request, form, submit=False)):
            context |= {"saved": True, "application": saved, "version": saved.version,
                        "base": edit_base(form, saved)}  # fmt: skip
    except EditConflict as conflict:
        context["conflicts"] = conflict_rows(form, conflict)
    return render(request, "calls/apply.html#autosave", context)


@require_GET
def award(request: HttpRequest) -> HttpResponse:
    calls = Call.objects.visible_to(request.user).awards().order_by("-closes_at")
    laureates = Application.objects.filter(
        status__in=[ApplicationStatus.WINNER, ApplicationStatus.FINALIST]
    ).select_related("municipality__country", "nominee__country", "practice")
    laureates = laureates.order_by(
        Case(When(status=ApplicationStatus.WINNER, then=0), default=1), "practice__title"
    )
    calls = list(calls.prefetch_related(Prefetch("applications", laureates, "laureates")))
    now = timezone.now()
    context = {
        "open_calls": [c for c in calls if c.accepts_changes(now)],
        "past_calls": [c for c in calls if c.laureates],
    }
    return render(request, "calls/award.html", context)


@require_GET
def hub_list(request: HttpRequest) -> HttpResponse:
    hubs = Hub.objects.select_related("application__municipality__country", "project")
    return render(request, "calls/hub_list.html", {"hubs": hubs.prefetch_related(
        "application__sdgs")})  # fmt: skip


@require_GET
def hub_detail(request: HttpRequest, slug: str) -> HttpResponse:
    hub = get_hub_for_viewer(slug)
    visible = Project.objects.visible_to(request.user).filter(pk=hub.project_id)
    context = {
        "hub": hub,
        "application": hub.application,
        "sdgs": hub.application.sdgs.all(),
        "project": visible.first() if hub.project_id else None,
    }
    return render(request, "calls/hub_detail.html", context)


@require_POST
def set_time_zone(request: HttpRequest) -> HttpResponse:
    """Remember the viewer's time zone: on their account when signed in, else in the session."""
    form = TimeZoneForm(request.POST)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
        target = reverse("calls:list")
    if not form.is_valid():
        messages.error(request, _("Choose a time zone from the list."))
        return redirect(target)
    zone = form.cleaned_data["time_zone"]
    if request.user.is_authenticated:
        request.user.time_zone = zone
        request.user.save(update_fields=["time_zone"])
    else:
        request.session[SESSION_KEY] = zone
    messages.success(request, _("Times are now shown for %(zone)s.") % {"zone": zone})
    return redirect(target or reverse("calls:list"))
