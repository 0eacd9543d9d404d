from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from glocal.lib import roles
from glocal.lib.pagecache import cached_for_anonymous
from glocal.translations.reading import read_for

from . import services
from .access import (
    can_edit_practice,
    can_propose_revision,
    can_translate_practice,
    check_may_share_practices,
    get_practice_for_editor,
    get_practice_for_reviewer,
    get_practice_for_viewer,
)
from .forms import AttachmentForm, PracticeForm, ReviewForm, form_values
from .models import Practice, Revision, Status
from .search import index_generation
from .showroom import related_practices, showroom

SORTS = {
    "newest": ("-published_at", "title"),
    "title": ("title",),
    "year": ("-start_year", "title"),
}
PAGE_SIZE = 20


@require_GET
@cached_for_anonymous(version=index_generation)
def practice_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:200]
    sort = request.GET.get("sort", "")
    practices, facet_groups = showroom(q, request.GET, SORTS.get(sort))
    page = Paginator(practices, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "q": q, "facet_groups": facet_groups, "sort": sort,
               "filtered": any(g["active"] for g in facet_groups)}  # fmt: skip
    template = "practices/practice_list.html"
    if request.headers.get("HX-Request"):
        template += "#showroom"
    return render(request, template, context)


@require_GET
@cached_for_anonymous()
def practice_detail(request: HttpRequest, slug: str) -> HttpResponse:
    practice = get_practice_for_viewer(request, slug)
    read_for(request, practice)
    themes, sdgs = list(practice.themes.all()), list(practice.sdgs.all())
    context = {
        "practice": practice,
        "themes": themes,
        "sdgs": sdgs,
        "attachments": practice.attachments.all(),
        "related": related_practices(
            practice.pk, [t.slug for t in themes], [s.number for s in sdgs]
        ),
        "can_edit": can_edit_practice(request.user, practice),
        "can_translate": can_translate_practice(request.user, practice),
        "review_form": ReviewForm() if roles.is_secretariat(request.user) else None,
    } | proposal_context(request.user, practice)
    return render(request, "practices/practice_detail.html", context)


def proposal_context(user, practice: Practice) -> dict:
    """For the author: may they propose changes, and which proposal of theirs is pending;
    for the secretariat: the proposals waiting on this practice."""
    if not user.is_authenticated or practice.status != Status.PUBLISHED:
        return {}
    pending = practice.proposed_revisions.pending()
    if roles.is_secretariat(user):
        return {"proposals_waiting": list(pending.only("pk", "practice_id"))}
    if not can_propose_revision(user, practice):
        return {}
    return {"can_propose": True, "pending_proposal": pending.filter(proposed_by=user).first()}


def loaded_version(request: HttpRequest) -> int | None:
    """The version of the practice the editor's page was based on."""
    version = request.POST.get("version", "")
    return int(version) if version.isdecimal() and len(version) < 10 else None


def save_edits(
    request: HttpRequest, form: PracticeForm, draft: Practice | None, *, autosave: bool
) -> Practice:
    """Create the practice, or merge this editor's values into the version they loaded."""
    action = Revision.Action.SAVED if autosave else Revision.Action.EDITED
    if draft is None:
        practice = form.save(commit=False)
        practice.title = practice.title or _("Untitled draft")
        practice.status = Status.DRAFT
        return services.save_practice(
            practice=practice, user=request.user, action=action, m2m=form.save_m2m
        )
    mine = form_values(form)
    if not mine.get("title"):
        mine.pop("title", None)  # a half-written draft keeps the title it has
    return services.edit_practice(
        practice_id=draft.pk, base_version=loaded_version(request), mine=mine,
        user=request.user, action=action, drafts_only=True,
    )  # fmt: skip


def conflict_context(form: PracticeForm, conflict: services.EditConflict) -> list[dict]:
    """Each field two people changed: its label, the saved value and this editor's."""
    return [
        {"label": form.fields[name].label if name in form.fields else name,
         "theirs": theirs, "mine": mine}
        for name, (theirs, mine) in sorted(conflict.conflicts.items())
    ]  # fmt: skip


@login_required
def practice_submit(request: HttpRequest) -> HttpResponse:
    """Write a new practice, or go on with a draft (``?draft=slug``), and submit it."""
    check_may_share_practices(request)
    draft = None
    if slug := request.GET.get("draft") or request.POST.get("draft"):
        draft = get_practice_for_editor(request, slug)
    form = PracticeForm(request.POST or None, instance=draft, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            practice = save_edits(request, form, draft, autosave=False)
            if "save_draft" in request.POST:
                messages.success(request, _("Your draft is saved."))
                return redirect(f"{request.path}?draft={practice.slug}")
            services.submit_practice(practice=practice, user=request.user)
        except services.EditConflict as conflict:
            return render_form_with_conflict(request, form, conflict)
        except services.NotEditable as refused:
            messages.info(request, _("This practice is no longer a draft; nothing was changed."))
            return redirect(refused.practice)
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
            return redirect(f"{request.path}?draft={practice.slug}")
        messages.success(request, _("Thank you. The secretariat will review your practice."))
        return redirect(practice)
    return render(request, "practices/practice_form.html", form_context(request, form, draft))


def form_context(request: HttpRequest, form: PracticeForm, draft: Practice | None) -> dict:
    drafts = Practice.objects.editable_by(request.user).filter(
        status__in=services.EDITABLE, created_by=request.user
    )
    return {"form": form, "draft": draft, "drafts": drafts}


def render_form_with_conflict(
    request: HttpRequest, form: PracticeForm, conflict: services.EditConflict
) -> HttpResponse:
    """The editor's text stays in the form; the other save is shown beside it."""
    context = form_context(request, form, conflict.practice)
    context["conflicts"] = conflict_context(form, conflict)
    return render(request, "practices/practice_form.html", context, status=409)


@login_required
@require_POST
def practice_autosave(request: HttpRequest) -> HttpResponse:
    """Keep a half-written practice as a draft; answers with a status line for htmx.

    Autosave never changes the status and never overwrites a newer save of the same field.
    """
    check_may_share_practices(request)
    draft = None
    if slug := request.POST.get("draft"):
        draft = get_practice_for_editor(request, slug)
    form = PracticeForm(request.POST, instance=draft, user=request.user, lenient=True)
    context = {"form": form, "draft": draft, "saved": False}
    if form.is_valid():
        try:
            context |= {"draft": save_edits(request, form, draft, autosave=True), "saved": True}
        except services.EditConflict as conflict:
            context |= {"draft": conflict.practice, "conflicts": conflict_context(form, conflict)}
        except services.NotEditable as refused:
            context |= {"draft": refused.practice, "no_longer_draft": True}
    return render(request, "practices/practice_form.html#autosave", context)


@login_required
def practice_edit(request: HttpRequest, slug: str) -> HttpResponse:
    practice = get_practice_for_editor(request, slug)
    form = PracticeForm(request.POST or None, instance=practice, user=request.user)
    context = {"form": form, "practice": practice, "attachment_form": AttachmentForm()}
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_practice(
                practice_id=practice.pk, base_version=loaded_version(request),
                mine=form_values(form), user=request.user,
            )  # fmt: skip
        except services.EditConflict as conflict:
            context["conflicts"] = conflict_context(form, conflict)
            context["practice"] = conflict.practice
            return render(request, "practices/practice_edit.html", context, status=409)
        messages.success(request, _("The practice is saved."))
        return redirect(practice)
    return render(request, "practices/practice_edit.html", context)


@login_required
@require_POST
def attachment_add(request: HttpRequest, slug: str) -> HttpResponse:
    practice = get_practice_for_editor(request, slug)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        services.add_attachment(practice=practice, form=form, user=request.user)
        messages.success(request, _("The file is attached."))
        return redirect("practices:edit", slug=practice.slug)
    edit_form = PracticeForm(instance=practice, user=request.user)
    context = {"form": edit_form, "practice": practice, "attachment_form": form}
    return render(request, "practices/practice_edit.html", context, status=400)


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    if not roles.is_secretariat(request.user):
        raise PermissionDenied
    practices = (
        Practice.objects.filter(status=Status.SUBMITTED)
        .select_related("municipality", "created_by")
        .order_by("updated_at")
    )
    return render(request, "practices/review_queue.html", {"practices": practices})


@require_POST
def practice_review(request: HttpRequest, slug: str) -> HttpResponse:
    practice = get_practice_for_reviewer(request, slug)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
        return redirect(practice)
    services.review_practice(practice=practice, user=request.user, **form.cleaned_data)
    messages.success(request, _("Decision recorded: %s.") % practice.get_status_display())
    return redirect("practices:review_queue")


@login_required
def practice_history(request: HttpRequest, slug: str) -> HttpResponse:
    practice = get_practice_for_viewer(request, slug)
    if not (roles.is_secretariat(request.user) or practice.created_by_id == request.user.pk
            or can_edit_practice(request.user, practice)
            or can_propose_revision(request.user, practice)):  # fmt: skip
        raise PermissionDenied
    revisions = practice.revisions.select_related("user")
    return render(request, "practices/practice_history.html",
                  {"practice": practice, "revisions": revisions})  # fmt: skip
