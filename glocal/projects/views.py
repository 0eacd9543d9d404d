"""Pages of prototypes, the adoption flow and a project's plan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from glocal.lib import roles
from glocal.lib.edit_versions import (
    EditConflict,
    StaleState,
    as_posted,
    cleaned_values,
    conflict_context,
    loaded_base,
    plain,
    posted_version,
    sign_base,
)
from glocal.practices.access import get_practice_for_viewer
from glocal.translations.languages import active_language
from glocal.translations.reading import read_for, shown_translations

from . import services, variant_rows
from .access import (
    can_edit_project,
    get_evidence_for_viewer,
    get_indicator_for_editor,
    get_milestone_for_editor,
    get_project_for_editor,
    get_project_for_viewer,
    get_prototype_for_editor,
    get_prototype_for_viewer,
)
from .forms import (
    PLAN_FORMS,
    AdoptionForm,
    MeasurementForm,
    ProgressUpdateForm,
    ProjectForm,
    PrototypeForm,
    TransferOutcomeForm,
    VariantFormSet,
)
from .models import Project, ProjectStatus, Prototype
from .models_plan import MilestoneStatus
from .services import PROTOTYPE_FIELDS
from .teamrules import Person, check_team

PAGE_SIZE = 20


@require_GET
def prototype_list(request: HttpRequest) -> HttpResponse:
    prototypes = (
        Prototype.objects.visible_to(request.user)
        .with_related_visible_to(request.user)
        .prefetch_related(shown_translations(active_language()))
    )
    return render(request, "projects/prototype_list.html", {"prototypes": prototypes})


@require_GET
def prototype_detail(request: HttpRequest, slug: str) -> HttpResponse:
    prototype = get_prototype_for_viewer(request, slug)
    read_for(request, prototype)
    context = {
        "prototype": prototype,
        "practices": prototype.source_practices.visible_to(request.user).select_related(
            "municipality"
        ),
        "variants": prototype.variants.all(),
        "projects": prototype.projects.visible_to(request.user).for_list(),
        "themes": prototype.themes.all(),
        "sdgs": prototype.sdgs.all(),
    }
    return render(request, "projects/prototype_detail.html", context)


@login_required
def prototype_edit(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """Edit a prototype; a save based on an older version is merged, or shown beside the other."""
    prototype = get_prototype_for_editor(request, slug)
    if prototype is None:
        return prototype_new(request)
    form = PrototypeForm(request.POST or None, instance=prototype)
    variants = VariantFormSet(request.POST or None, instance=prototype, prefix="variants")
    context = {"form": form, "variants": variants, "heading": heading(prototype), "status": 200,
               "version": prototype.version,
               "base": sign_base(services.prototype_values(prototype))}  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.edit_prototype(
                prototype_id=prototype.pk, base_version=posted_version(request),
                base=loaded_base(request), mine=cleaned_values(form, PROTOTYPE_FIELDS),
                my_variants=variant_rows.posted_rows(variants), user=request.user,
                save_variants=lambda saved: save_formset(variants, saved),
            )  # fmt: skip
        except services.PrototypeConflict as conflict:
            context |= refused_prototype(request, conflict, variants) | {"status": 409}
        except ValidationError as error:
            form.add_error(None, error)
            context |= as_posted(request) | {"status": 400}
        else:
            messages.success(request, _("The prototype is saved."))
            return redirect(saved)
    elif request.method == "POST":
        context |= as_posted(request) | {"status": 400}
    return render(request, "projects/prototype_form.html", context, status=context.pop("status"))


def prototype_new(request: HttpRequest) -> HttpResponse:
    form = PrototypeForm(request.POST or None)
    variants = VariantFormSet(request.POST or None, instance=form.instance, prefix="variants")
    if request.method == "POST" and form.is_valid() and variants.is_valid():

        def save_related() -> None:
            form.save_m2m()
            save_formset(variants, form.instance)

        services.save_prototype(
            prototype=form.save(commit=False), user=request.user, save_related=save_related
        )
        messages.success(request, _("The prototype is saved."))
        return redirect(form.instance)
    context = {"form": form, "variants": variants, "heading": None}
    return render(request, "projects/prototype_form.html", context)


def heading(prototype: Prototype) -> dict:
    """The title and address as saved, before a form's typed values change the instance."""
    return {"title": prototype.title, "url": prototype.get_absolute_url()}


def save_formset(variants: VariantFormSet, prototype: Prototype) -> None:
    variants.instance = prototype
    if not variants.is_valid():
        raise ValidationError(_("Some variants are not complete; see the variants below."))
    variants.save()


def refused_prototype(
    request: HttpRequest, conflict: services.PrototypeConflict, variants: VariantFormSet
) -> dict:
    """The page after a refused save: what was typed, with the others' changes laid in where
    nothing was typed, each field both changed, and the variants as saved if both changed them."""
    theirs = conflict.record
    saved = services.prototype_values(theirs)
    loaded = (loaded_base(request) or {}).get("variants", saved["variants"])
    rows = variant_rows.rebased(variant_rows.posted_rows(variants), loaded, saved["variants"])
    data = variant_rows.as_data(conflict.refilled(request.POST), rows, "variants")
    form = PrototypeForm(data, instance=theirs)
    for name in set(services.PROTOTYPE_MANY) & set(conflict.conflicts):
        chosen = form.fields[name].queryset
        conflict.conflicts[name] = tuple(", ".join(map(str, chosen.filter(pk__in=keys)))
                                         for keys in conflict.conflicts[name])  # fmt: skip
    return conflict_context(form, conflict, saved) | {
        "variants": VariantFormSet(data, instance=theirs, prefix="variants"),
        "saved_variants": theirs.variants.all() if conflict.variants is not None else None,
    }


@require_GET
def project_list(request: HttpRequest) -> HttpResponse:
    projects = Project.objects.visible_to(request.user).for_list().with_flags()
    status = request.GET.get("status", "")
    if status in ProjectStatus.values:
        projects = projects.filter(status=status)
    if request.GET.get("mine") and request.user.is_authenticated:
        projects = projects.filter(roles.represented_by(request.user, "municipality"))
    page = Paginator(projects.order_by("-created_at", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"page": page, "status": status, "statuses": ProjectStatus.choices,
               "mine": bool(request.GET.get("mine")), "today": timezone.localdate()}  # fmt: skip
    return render(request, "projects/project_list.html", context)


def adoption_source(request: HttpRequest):
    if slug := request.GET.get("prototype"):
        return get_prototype_for_viewer(request, slug)
    if slug := request.GET.get("practice"):
        return get_practice_for_viewer(request, slug)
    raise Http404("Start from a prototype or a practice.")


@login_required
def project_adopt(request: HttpRequest) -> HttpResponse:
    """The guided flow: a town adapts a prototype or practice into its own project."""
    source = adoption_source(request)
    if not (roles.is_secretariat(request.user) or roles.is_representative(request.user)):
        raise PermissionDenied("Only a municipality's representatives start projects.")
    initial = {"title": source.title, "summary": source.summary}
    form = AdoptionForm(request.POST or None, user=request.user, source=source, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        is_prototype = isinstance(source, Prototype)
        project = services.start_project(
            municipality=data["municipality"], title=data["title"], summary=data["summary"],
            user=request.user, prototype=source if is_prototype else None,
            source_practice=None if is_prototype else source, start_date=data["start_date"],
            end_date=data["end_date"], visibility=data["visibility"],
            adaptations=form.adaptations(),
        )  # fmt: skip
        messages.success(request, _("Your project is started. Now plan it step by step."))
        return redirect(project)
    context = {"form": form, "source": source, "is_prototype": isinstance(source, Prototype)}
    return render(request, "projects/project_adopt.html", context)


def project_context(project: Project, user) -> dict:
    today = timezone.localdate()
    team = list(project.team.all())
    indicators = list(project.indicators.with_latest().prefetch_related("sdgs", "measurements"))
    for indicator in indicators:
        indicator.progress_pct = indicator.progress(indicator.latest_value)
    milestones = list(project.milestones.all())
    budget_lines = list(project.budget_lines.all())
    last_update = project.updates.first()
    return {
        "project": project,
        "can_edit": can_edit_project(user, project),
        "adaptations": project.adaptations.all(),
        "goals": project.goals.all(),
        "milestones": milestones,
        "overdue": [m for m in milestones if m.is_overdue(today)],
        "update_missing": project.update_is_missing(
            last_update.created_at if last_update else None, today
        ),
        "budget_lines": budget_lines,
        "budget_total": sum(line.amount_eur for line in budget_lines),
        "partners": project.partners.all(),
        "team": team,
        "team_check": check_team([Person(m.role, m.gender, m.age_group) for m in team]),
        "risks": project.risks.all(),
        "indicators": indicators,
        "updates": project.updates.prefetch_related("evidence").select_related("author")[:10],
        "outcome": getattr(project, "outcome", None),
        "today": today,
    }


@require_GET
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_project_for_viewer(request, pk)
    read_for(request, project)
    context = project_context(project, request.user)
    context["milestone_statuses"] = MilestoneStatus.choices
    if context["can_edit"]:
        context["update_form"] = ProgressUpdateForm()
        context["measurement_form"] = MeasurementForm(initial={"measured_on": context["today"]})
    return render(request, "projects/project_detail.html", context)


@login_required
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit the plan; a save based on an older version is merged, or shown beside the other."""
    project = get_project_for_editor(request, pk)
    form = ProjectForm(request.POST or None, instance=project)
    base = services.plan_values(project)
    context = {"form": form, "project": project, "version": project.version,
               "base": sign_base(base), "status": 200}  # fmt: skip
    if request.method == "POST" and form.is_valid():
        mine = {name: plain(form.cleaned_data.get(name)) for name in services.PLAN_FIELDS}
        try:
            services.edit_project(
                project_id=project.pk, base_version=posted_version(request),
                base=loaded_base(request), mine=mine, user=request.user,
            )  # fmt: skip
        except EditConflict as conflict:
            form = ProjectForm(conflict.refilled(request.POST), instance=conflict.record)
            context |= conflict_context(form, conflict, services.plan_values(conflict.record))
            context["status"] = 409
        except ValidationError as error:  # the merged values do not hold together
            form.add_error(None, error)
            context |= as_posted(request) | {"status": 400}  # the next save merges again
        else:
            messages.success(request, _("The project is saved."))
            return redirect(project)
    elif request.method == "POST":
        context |= as_posted(request) | {"status": 400}
    return render(request, "projects/project_edit.html", context, status=context.pop("status"))


@login_required
def plan_item_add(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    project = get_project_for_editor(request, pk)
    if kind not in PLAN_FORMS:
        raise Http404("No such part of the plan.")
    form_class, label = PLAN_FORMS[kind]
    form = form_class(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        services.add_plan_item(project=project, form=form, label=str(label), user=request.user)
        messages.success(request, _("%(item)s added.") % {"item": label})
        if "add_another" in request.POST:
            return redirect(request.path)
        return redirect(f"{project.get_absolute_url()}#{kind}")
    context = {"form": form, "project": project, "label": label, "kind": kind}
    return render(request, "projects/plan_item_form.html", context)


@login_required
@require_POST
def plan_item_delete(request: HttpRequest, pk: int, kind: str, item_pk: int) -> HttpResponse:
    project = get_project_for_editor(request, pk)
    if kind not in PLAN_FORMS:
        raise Http404("No such part of the plan.")
    form_class, label = PLAN_FORMS[kind]
    if services.remove_plan_item(project=project, model=form_class._meta.model, item_pk=item_pk,
                                 label=str(label), user=request.user):  # fmt: skip
        messages.success(request, _("Removed from the plan."))
    else:  # another tab or a colleague removed it first
        messages.info(request, _("This was already removed from the plan; nothing else changed."))
    return redirect(f"{project.get_absolute_url()}#{kind}")


@login_required
@require_POST
def milestone_status(request: HttpRequest, pk: int, milestone_pk: int) -> HttpResponse:
    milestone = get_milestone_for_editor(request, pk, milestone_pk)
    status = request.POST.get("status", "")
    if status not in MilestoneStatus.values:
        messages.error(request, _("Choose one of the listed statuses."))
        return redirect(f"{milestone.project.get_absolute_url()}#milestone")
    try:
        services.set_milestone_status(
            milestone=milestone, status=status, was=request.POST.get("was") or None
        )
    except StaleState as stale:
        messages.error(request, str(stale))
    else:
        messages.success(request, _("Milestone status updated."))
    return redirect(f"{milestone.project.get_absolute_url()}#milestone")


@login_required
def measurement_add(request: HttpRequest, pk: int, indicator_pk: int) -> HttpResponse:
    indicator = get_indicator_for_editor(request, pk, indicator_pk)
    form = MeasurementForm(request.POST or None, initial={"measured_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.record_measurement(indicator=indicator, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Measurement recorded."))
            return redirect("projects:monitoring", pk=indicator.project_id)
    context = {"form": form, "indicator": indicator, "project": indicator.project}
    return render(request, "projects/measurement_form.html", context)


@login_required
def update_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_project_for_editor(request, pk)
    form = ProgressUpdateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.post_progress_update(
            project=project, text=data["text"], files=data["evidence"], user=request.user
        )
        messages.success(request, _("Thank you, the update is posted."))
        return redirect(f"{project.get_absolute_url()}#updates")
    return render(request, "projects/update_form.html", {"form": form, "project": project})


@login_required
def outcome_record(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the outcome; a save from a page older than a colleague's is merged, or shown."""
    project = get_project_for_editor(request, pk)
    outcome = getattr(project, "outcome", None)
    form = TransferOutcomeForm(request.POST or None, instance=outcome)
    context = {"form": form, "project": project, "version": project.version, "status": 200,
               "base": sign_base(services.outcome_values(project))}  # fmt: skip
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_transfer_outcome(
                project=project, result=data["result"], achievements=data["achievements"],
                lessons=data["lessons"], status=data["status"], user=request.user,
                base_version=posted_version(request), base=loaded_base(request),
            )  # fmt: skip
        except EditConflict as conflict:
            theirs = conflict.record
            form = TransferOutcomeForm(conflict.refilled(request.POST),
                                       instance=getattr(theirs, "outcome", None))  # fmt: skip
            context |= conflict_context(form, conflict, services.outcome_values(theirs))
            context["status"] = 409
        else:
            messages.success(
                request, _("The outcome is recorded and shown on the source practice.")
            )
            return redirect(project)
    elif request.method == "POST":
        context |= as_posted(request) | {"status": 400}
    return render(request, "projects/outcome_form.html", context, status=context.pop("status"))


@require_GET
def evidence_file(request: HttpRequest, pk: int, evidence_pk: int) -> FileResponse:
    """A progress update's evidence, for those who may see the project: images open in the
    browser, documents download; the browser may not guess another type."""
    evidence = get_evidence_for_viewer(request, pk, evidence_pk)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as error:
        raise Http404("The file is no longer stored.") from error
    response = FileResponse(handle, as_attachment=not evidence.is_image,
                            filename=evidence.name, content_type=evidence.content_type)  # fmt: skip
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    patch_cache_control(response, private=True)
    return response
