"""Reading an application, scoring it, assigning reviewers, ranking and deciding."""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from glocal.lib import roles
from glocal.lib.confirmation import ask_to_confirm, confirmed
from glocal.lib.edit_versions import (
    EditConflict,
    conflict_rows,
    loaded_base,
    posted_version,
    sign_base,
)
from glocal.members.models import Membership, User

from . import services
from .access import (
    get_application_for_viewer,
    get_assignment_for_reviewer,
    get_call_for_secretariat,
    get_call_for_viewer,
)
from .forms import AssignForm, ConflictForm, DecisionForm, ScoreForm
from .models import Application, Assignment, AuditEntry, Call, Question
from .ranking import rank_applications
from .rules import conflict_reason

RANKING_PAGE_SIZE = 50


def reviewer_pool():
    towns = Prefetch("memberships", Membership.objects.select_related("municipality"))
    return (
        User.objects.filter(roles.reviewers_q())
        .prefetch_related(towns)
        .order_by("full_name", "email")
    )


def answer_rows(application: Application) -> list[dict]:
    files = {f.question_id: f for f in application.files.all()}
    return [
        {"question": q, "answer": application.answers.get(str(q.pk), ""),
         "file": files.get(q.pk) if q.type == Question.Type.FILE else None}
        for q in application.call.questions.all()
    ]  # fmt: skip


@login_required
def application_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    application = get_application_for_viewer(request, slug, pk)
    call, user = application.call, request.user
    assignment = application.assignments.filter(reviewer=user, conflict=False).first()
    context = {"application": application, "call": call, "rows": answer_rows(application),
               "sdgs": application.sdgs.all(), "assignment": assignment,
               "is_applicant": roles.represents(user, application.municipality),
               "editable": call.accepts_changes() and not application.is_decided}  # fmt: skip
    criteria = list(call.criteria.all())
    if assignment is not None:
        scores = {s.criterion_id: s for s in assignment.scores.all()}
        context |= {
            "score_form": ScoreForm(criteria=criteria, scores=scores),
            "score_base": sign_base(assignment.score_fields()),
            "conflict_form": ConflictForm(),
            "can_score": call.is_past_deadline(),
        }
    if roles.is_secretariat(user):
        assignments = application.assignments.select_related("reviewer").prefetch_related(
            "scores__criterion")  # fmt: skip
        context |= {"assignments": assignments, "criteria": criteria,
                    "decision_form": DecisionForm(call=call, initial={
                        "feedback": application.feedback, "decision": application.status,
                        "internal_note": application.internal_note}),
                    "history": application.audit.select_related("user")}  # fmt: skip
    return render(request, "calls/application_detail.html", context)


@login_required
@require_POST
def withdraw(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The applying town takes its application back, after saying yes on a confirmation page."""
    application = get_application_for_viewer(request, slug, pk)
    if not roles.represents(request.user, application.municipality):
        raise PermissionDenied("Only the applying town withdraws its application.")
    if not confirmed(request):
        return ask_to_confirm(
            request, question=_("Withdraw the application of %s?") % application.municipality,
            consequence=_("It leaves the review and the ranking. You can submit it again "
                          "while the call is open."),
            button=_("Yes, withdraw the application"), back=application.get_absolute_url(),
        )  # fmt: skip
    try:
        services.withdraw_application(application=application, user=request.user,
                                      version=posted_version(request))  # fmt: skip
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The application is withdrawn."))
    return redirect(application)


@login_required
@require_POST
def score(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    assignment = get_assignment_for_reviewer(request, slug, pk)
    criteria = list(assignment.application.call.criteria.all())
    form = ScoreForm(request.POST, criteria=criteria, scores={})
    if not form.is_valid():
        return score_page(request, assignment, form, base=request.POST.get("base", ""))
    try:
        services.save_scores(assignment=assignment, values=form.values(), user=request.user,
                             base=loaded_base(request))  # fmt: skip
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(assignment.application)
    except EditConflict as conflict:
        form = ScoreForm(conflict.refilled(request.POST), criteria=criteria, scores={})
        return score_page(request, assignment, form, base=sign_base(assignment.score_fields()),
                          status=409, conflicts=conflict_rows(form, conflict))  # fmt: skip
    messages.success(request, _("Your scores are saved."))
    return redirect("calls:review", slug=slug)


def score_page(request: HttpRequest, assignment: Assignment, form: ScoreForm, *, base: str,
               status: int = 400, conflicts: list | None = None) -> HttpResponse:  # fmt: skip
    """The application with the reviewer's refused scores in the form, and why."""
    application = assignment.application
    context = {"application": application, "call": application.call, "assignment": assignment,
               "rows": answer_rows(application), "score_form": form, "can_score": True,
               "score_base": base, "conflicts": conflicts or [],
               "conflict_form": ConflictForm(), "sdgs": application.sdgs.all()}  # fmt: skip
    return render(request, "calls/application_detail.html", context, status=status)


@login_required
@require_POST
def declare_conflict(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    assignment = get_assignment_for_reviewer(request, slug, pk)
    form = ConflictForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    services.declare_conflict(assignment=assignment, note=note, user=request.user)
    messages.success(request, _("You no longer review this application."))
    return redirect("calls:review", slug=slug)


@login_required
def review(request: HttpRequest, slug: str) -> HttpResponse:
    call = get_call_for_viewer(request, slug)
    if roles.is_secretariat(request.user):
        context = secretariat_review(call, request.GET.get("page"))
        return render(request, "calls/review.html", context)
    if not roles.is_reviewer(request.user):
        raise PermissionDenied
    assignments = (
        Assignment.objects.filter(reviewer=request.user, application__call=call)
        .select_related("application__municipality", "application__practice")
        .prefetch_related("scores")
    )
    context = {"call": call, "assignments": assignments, "criteria_count": call.criteria.count()}
    return render(request, "calls/review_mine.html", context)


def ranking_rows(call: Call) -> list[tuple[int, list[dict[int, int]]]]:
    """(application id, one score dict per reviewer without a conflict) for every submitted
    application, read as plain values in two queries."""
    submitted = call.applications.submitted()
    scores = defaultdict(dict)  # application id → assignment id → criterion id → value
    assignments = Assignment.objects.filter(application__in=submitted, conflict=False)
    for application_id, pk, criterion_id, value in assignments.values_list(
        "application_id", "pk", "scores__criterion_id", "scores__value"
    ):
        given = scores[application_id].setdefault(pk, {})
        if criterion_id is not None:
            given[criterion_id] = value
    return [(pk, list(scores[pk].values())) for pk in submitted.values_list("pk", flat=True)]


def secretariat_review(call: Call, page_number: str | None = None) -> dict:
    """The ranking of every submitted application with weighted totals and spread, 50 a page;
    the page's rows carry their application and who may still be assigned to it."""
    criteria = list(call.criteria.all())
    ranked = rank_applications(ranking_rows(call), {c.pk: c.weight for c in criteria})
    page = Paginator(ranked, RANKING_PAGE_SIZE).get_page(page_number)
    assignments = Assignment.objects.select_related("reviewer")
    applications = call.applications.select_related(
        "municipality__country", "nominee__country", "practice"
    ).prefetch_related(Prefetch("assignments", assignments))
    found = applications.in_bulk([row.application for row in page.object_list])
    pool = list(reviewer_pool())
    towns = {u.pk: roles.towns_of(u) for u in pool}
    for row in page.object_list:
        row.application = found[row.application]
        assigned = {x.reviewer_id for x in row.application.assignments.all()}
        row.excluded, row.candidates = [], []
        for user in pool:
            if user.pk in assigned:
                continue
            reason = conflict_reason(user, row.application, towns[user.pk])
            (row.excluded if reason else row.candidates).append((user, reason))
    return {"call": call, "criteria": criteria, "ranked": page.object_list, "page": page,
            "drafts": call.applications.filter(status="draft").count()}  # fmt: skip


@require_POST
def assign(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    call = get_call_for_secretariat(request, slug)
    application = get_application_for_viewer(request, slug, pk)
    form = AssignForm(request.POST, reviewers=reviewer_pool())
    if not form.is_valid():
        messages.error(request, _("Choose a reviewer from the list."))
        return redirect("calls:review", slug=call.slug)
    reviewer = form.cleaned_data["reviewer"]
    try:
        services.assign_reviewer(application=application, reviewer=reviewer, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(who)s now reviews %(what)s.")
                         % {"who": reviewer, "what": application.display_title})  # fmt: skip
    return redirect("calls:review", slug=call.slug)


@require_POST
def decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    call = get_call_for_secretariat(request, slug)
    application = get_application_for_viewer(request, slug, pk)
    form = DecisionForm(request.POST, call=call)
    if not form.is_valid():
        messages.error(request, _("Choose a decision."))
        return redirect(application)
    try:
        application = services.decide_application(
            application=application, user=request.user, version=posted_version(request),
            **form.cleaned_data,
        )  # fmt: skip
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(application)
    messages.success(request, _("Decision recorded and the applicant informed: %(d)s.")
                     % {"d": application.get_status_display()})  # fmt: skip
    return redirect("calls:review", slug=call.slug)


@login_required
def application_file(request: HttpRequest, slug: str, pk: int, file_pk: int) -> FileResponse:
    """Files of an application go only to those who may read the application."""
    application = get_application_for_viewer(request, slug, pk)
    attached = get_object_or_404(application.files, pk=file_pk)
    name = attached.file.name.rsplit("/", 1)[-1]
    try:
        handle = attached.file.open("rb")
    except FileNotFoundError as error:
        raise Http404("The file is no longer stored.") from error
    return FileResponse(handle, as_attachment=True, filename=name)


@login_required
def history(request: HttpRequest, slug: str) -> HttpResponse:
    call = get_call_for_secretariat(request, slug)
    entries = AuditEntry.objects.filter(call=call).select_related(
        "user", "application__municipality"
    )
    return render(request, "calls/history.html", {"call": call, "entries": entries[:500]})
