"""Collaborative projects and the directory of experts and partner networks."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from glocal.lib import roles
from glocal.lib.edit_versions import (
    EditConflict,
    StaleState,
    as_posted,
    conflict_context,
    loaded_base,
    plain,
    posted_version,
    sign_base,
)
from glocal.projects.models import Project
from glocal.reference.models import Theme

from . import services, suggest
from .access import (
    can_edit_collaboration,
    get_collaboration_for_editor,
    get_collaboration_for_viewer,
    get_expert_for_viewer,
    get_invitation_for_town,
)
from .forms import (
    CollaborationForm,
    FundingForm,
    FundingStatusForm,
    InviteForm,
    NewCollaborationForm,
    StepForm,
)
from .models import Collaboration, Expert, Partner, PartnerNetwork

PAGE_SIZE = 20


@require_GET
def collaboration_list(request: HttpRequest) -> HttpResponse:
    collaborations = (
        Collaboration.objects.visible_to(request.user)
        .prefetch_related(
            Prefetch(
                "partners",
                Partner.objects.exclude(status=Partner.Status.DECLINED).select_related(
                    "municipality"
                ),
            ),  # fmt: skip
            "themes",
        )
        .order_by("-created_at")
    )
    status = request.GET.get("status", "")
    if status in Collaboration.Status.values:
        collaborations = collaborations.filter(status=status)
    invitations = Partner.objects.none()
    if request.user.is_authenticated:
        invitations = Partner.objects.filter(
            roles.represented_by(request.user), status=Partner.Status.INVITED
        ).select_related("collaboration", "municipality")
    page = Paginator(collaborations, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "status": status, "statuses": Collaboration.Status.choices,
               "invitations": invitations}  # fmt: skip
    return render(request, "cooperation/collaboration_list.html", context)


@login_required
def collaboration_new(request: HttpRequest) -> HttpResponse:
    if not (roles.is_secretariat(request.user) or roles.is_representative(request.user)):
        raise PermissionDenied(_("Only municipality representatives start collaborations."))
    form = NewCollaborationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        collaboration = services.start_collaboration(
            lead=data["lead"], user=request.user, title=data["title"], summary=data["summary"],
            themes=data["themes"], status=data["status"], visibility=data["visibility"],
            start_date=data["start_date"], end_date=data["end_date"],
        )  # fmt: skip
        messages.success(request, _("The collaboration is created. Now invite partner towns."))
        return redirect(collaboration)
    return render(request, "cooperation/collaboration_form.html", {"form": form})


def render_detail(request, collaboration: Collaboration, status: int = 200, **forms):
    can_edit = can_edit_collaboration(request.user, collaboration)
    partners = collaboration.partners.select_related("municipality__country")
    invitation = None
    if request.user.is_authenticated:
        invitation = partners.filter(
            roles.represented_by(request.user), status=Partner.Status.INVITED
        ).first()
    context = {
        "collaboration": collaboration,
        "partners": sorted(
            (p for p in partners if p.status != Partner.Status.DECLINED),
            key=lambda p: (Partner.Role.values.index(p.role), p.municipality.name),
        ),
        "steps": collaboration.steps.select_related("owner"),
        "applications": collaboration.funding_applications.all(),
        "themes": collaboration.themes.all(),
        "can_edit": can_edit,
        "invitation": invitation,
    }
    if can_edit:
        context |= {
            "invite_form": InviteForm(collaboration=collaboration),
            "step_form": StepForm(collaboration=collaboration),
            "funding_form": FundingForm(),
            "funding_statuses": FundingStatusForm.base_fields["status"].choices,
            "suggestions": suggest.partner_suggestions(collaboration),
        } | forms
    return render(request, "cooperation/collaboration_detail.html", context, status=status)


@require_GET
def collaboration_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return render_detail(request, get_collaboration_for_viewer(request, slug))


@login_required
def collaboration_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """Edit the plan; a save based on an older version is merged, or shown beside the other."""
    collaboration = get_collaboration_for_editor(request, slug)
    form = CollaborationForm(request.POST or None, instance=collaboration)
    context = {
        "form": form,
        "collaboration": collaboration,
        "version": collaboration.version,
        "base": sign_base(services.collaboration_values(collaboration)),
        "status": 200,
    }
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_collaboration(
                collaboration_id=collaboration.pk, base_version=posted_version(request),
                base=loaded_base(request), mine=collaboration_form_values(form),
                user=request.user,
            )  # fmt: skip
        except EditConflict as conflict:
            theirs = conflict.record
            form = CollaborationForm(conflict.refilled(request.POST), instance=theirs)
            context |= conflict_context(form, conflict, services.collaboration_values(theirs))
            context["status"] = 409
        except ValidationError as error:  # the merged values do not hold together
            form.add_error(None, error)
            context |= as_posted(request) | {"status": 400}  # the next save merges again
        else:
            messages.success(request, _("The collaboration is saved."))
            return redirect(collaboration)
    elif request.method == "POST":
        context |= as_posted(request) | {"status": 400}
    return render(request, "cooperation/collaboration_form.html", context,
                  status=context.pop("status"))  # fmt: skip


def collaboration_form_values(form: CollaborationForm) -> dict:
    values = {name: plain(form.cleaned_data.get(name)) for name in services.COLLABORATION_FIELDS}
    return values | {"themes": sorted(theme.slug for theme in form.cleaned_data["themes"])}


@login_required
@require_POST
def partner_invite(request: HttpRequest, slug: str) -> HttpResponse:
    collaboration = get_collaboration_for_editor(request, slug)
    form = InviteForm(request.POST, collaboration=collaboration)
    if form.is_valid():
        try:
            partner = services.invite_partner(
                collaboration=collaboration, user=request.user, **form.cleaned_data
            )
        except services.InvalidAction as error:
            form.add_error("municipality", str(error))
        else:
            messages.success(request, _("%s is invited.") % partner.municipality)
            return redirect(collaboration)
    return render_detail(request, collaboration, status=400, invite_form=form)


@login_required
@require_POST
def invitation_answer(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partner = get_invitation_for_town(request, slug, pk)
    accept = request.POST.get("answer") == "accept"
    services.answer_invitation(partner=partner, user=request.user, accept=accept)
    if accept:
        messages.success(request, _("Welcome on board: your town now takes part."))
    else:
        messages.success(request, _("You declined the invitation."))
    return redirect(partner.collaboration)


@login_required
@require_POST
def step_add(request: HttpRequest, slug: str) -> HttpResponse:
    collaboration = get_collaboration_for_editor(request, slug)
    form = StepForm(request.POST, collaboration=collaboration)
    if not form.is_valid():
        return render_detail(request, collaboration, status=400, step_form=form)
    services.add_step(collaboration=collaboration, user=request.user, **form.cleaned_data)
    messages.success(request, _("The step is added to the plan."))
    return redirect(f"{collaboration.get_absolute_url()}#plan")


@login_required
@require_POST
def step_done(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    collaboration = get_collaboration_for_editor(request, slug)
    step = get_object_or_404(collaboration.steps, pk=pk)
    was = {"1": True, "0": False}.get(request.POST.get("was", ""))
    try:
        services.set_step_done(step=step, done=request.POST.get("done") == "1", user=request.user,
                               was=was)  # fmt: skip
    except StaleState as stale:
        messages.error(request, str(stale))
    return redirect(f"{collaboration.get_absolute_url()}#plan")


@login_required
@require_POST
def funding_add(request: HttpRequest, slug: str) -> HttpResponse:
    collaboration = get_collaboration_for_editor(request, slug)
    form = FundingForm(request.POST)
    if not form.is_valid():
        return render_detail(request, collaboration, status=400, funding_form=form)
    services.add_funding_application(
        collaboration=collaboration, user=request.user, **form.cleaned_data
    )
    messages.success(request, _("The funding application is recorded."))
    return redirect(f"{collaboration.get_absolute_url()}#funding")


@login_required
@require_POST
def funding_status(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    collaboration = get_collaboration_for_editor(request, slug)
    application = get_object_or_404(collaboration.funding_applications, pk=pk)
    form = FundingStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the listed statuses."))
        return redirect(f"{collaboration.get_absolute_url()}#funding")
    try:
        application = services.set_funding_status(
            application=application, status=form.cleaned_data["status"], user=request.user,
            was=request.POST.get("was") or None,
        )  # fmt: skip
    except StaleState as stale:
        messages.error(request, str(stale))
    else:
        messages.success(request, _("Status of %(funder)s: %(status)s.") % {
            "funder": application, "status": application.get_status_display()})  # fmt: skip
    return redirect(f"{collaboration.get_absolute_url()}#funding")


# ---------------------------------------------------------------- directory


@require_GET
def expert_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:100]
    theme = request.GET.get("theme", "")[:60]
    language = request.GET.get("language", "").strip()[:40]
    experts = Expert.objects.listed().search(q).prefetch_related("themes").select_related("country")
    if theme:
        experts = experts.filter(themes__slug=theme)
    if language:
        experts = experts.filter(languages__icontains=language)
    page = Paginator(experts.distinct(), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "q": q, "theme": theme, "language": language,
               "themes": Theme.objects.filter(expert__is_listed=True).distinct()}  # fmt: skip
    return render(request, "cooperation/expert_list.html", context)


@require_GET
def expert_detail(request: HttpRequest, slug: str) -> HttpResponse:
    expert = get_expert_for_viewer(request, slug)
    context = {
        "expert": expert,
        "themes": expert.themes.all(),
        "can_request": Project.objects.editable_by(request.user).exists(),
    }
    return render(request, "cooperation/expert_detail.html", context)


@require_GET
def network_list(request: HttpRequest) -> HttpResponse:
    return render(request, "cooperation/network_list.html",
                  {"networks": PartnerNetwork.objects.all()})  # fmt: skip
