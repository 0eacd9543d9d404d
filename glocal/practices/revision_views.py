"""Proposed changes to published practices: the author proposes, the secretariat decides."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from glocal.lib import roles

from . import services
from .access import get_practice_for_proposer, get_revision_for_decider, get_revision_for_viewer
from .diffs import changes
from .forms import PracticeForm, RevisionDecisionForm, form_values
from .models import ProposedRevision
from .views import conflict_context, loaded_version


@login_required
def revision_propose(request: HttpRequest, slug: str) -> HttpResponse:
    """The published practice's form; saving it proposes the changes, publishing nothing."""
    practice = get_practice_for_proposer(request, slug)
    pending = practice.proposed_revisions.pending().filter(proposed_by=request.user).first()
    # A pending proposal is taken up where it was left, from the version it started from.
    version = pending.base_version if pending else practice.version
    initial = pending.values if pending else None
    form = PracticeForm(request.POST or None, instance=practice, initial=initial,
                        user=request.user)  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            services.propose_revision(
                practice=practice, values=form_values(form),
                base_version=loaded_version(request), user=request.user,
            )  # fmt: skip
        except services.NotEditable:
            messages.info(request, _("This practice is no longer published; nothing was proposed."))
            return redirect(practice)
        messages.success(
            request, _("Your changes are proposed. The published text stays online until the "
                       "secretariat accepts them.")
        )  # fmt: skip
        return redirect(practice)
    context = {"form": form, "practice": practice, "version": version, "pending": pending}
    return render(request, "practices/revision_propose.html", context)


@require_GET
@login_required
def revision_queue(request: HttpRequest) -> HttpResponse:
    if not roles.is_secretariat(request.user):
        raise PermissionDenied
    proposals = ProposedRevision.objects.pending().select_related(
        "practice__municipality", "proposed_by"
    )
    return render(request, "practices/revision_queue.html", {"proposals": proposals})


def detail_context(proposal: ProposedRevision, user) -> dict:
    practice = proposal.practice
    current = services.snapshot(practice)
    base = services.base_snapshot(practice, proposal.base_version)
    decide = roles.is_secretariat(user) and proposal.is_pending
    return {"proposal": proposal, "practice": practice,
            "rows": changes(proposal, base=base, current=current),
            "form": RevisionDecisionForm() if decide else None}  # fmt: skip


@require_GET
@login_required
def revision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_revision_for_viewer(request, pk)
    return render(request, "practices/revision_detail.html", detail_context(proposal, request.user))


@require_POST
@login_required
def revision_decide(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_revision_for_decider(request, pk)
    form = RevisionDecisionForm(request.POST)
    context = detail_context(proposal, request.user) | {"form": form}
    if not form.is_valid():
        return render(request, "practices/revision_detail.html", context, status=400)
    decision, note = form.cleaned_data["decision"], form.cleaned_data["note"]
    try:
        if decision == "accept":
            services.accept_revision(revision_id=proposal.pk, user=request.user, note=note)
        else:
            services.decline_revision(revision_id=proposal.pk, user=request.user, note=note)
    except services.EditConflict as conflict:
        edit_form = PracticeForm(instance=proposal.practice, user=request.user)
        context["conflicts"] = conflict_context(edit_form, conflict)
        return render(request, "practices/revision_detail.html", context, status=409)
    except services.NotPending:
        messages.info(request, _("These changes were already decided; nothing was changed."))
        return redirect(proposal)
    messages.success(request, _("Decision recorded."))
    return redirect("practices:revision_queue")
