"""Fetch-and-authorise helpers for practices, used by every view and endpoint."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from glocal.lib import roles

from .models import Practice, ProposedRevision, Status

EDITABLE_BY_REPRESENTATIVES = {Status.DRAFT, Status.CHANGES_REQUESTED, Status.SUBMITTED}


def check_may_share_practices(request: HttpRequest) -> None:
    """Representatives share their towns' practices, and the secretariat any; a reviewer or an
    expert with no town has no form to fill (the permission matrix found drafts made by them)."""
    if not (roles.is_secretariat(request.user) or roles.is_representative(request.user)):
        raise PermissionDenied("Practices are shared by the representatives of towns.")


def get_practice_for_viewer(request: HttpRequest, slug: str) -> Practice:
    queryset = Practice.objects.visible_to(request.user).select_related("municipality", "country")
    return get_object_or_404(queryset, slug=slug)


def can_edit_practice(user, practice: Practice) -> bool:
    if not user.is_authenticated:
        return False
    if roles.is_secretariat(user):
        return True
    if practice.status not in EDITABLE_BY_REPRESENTATIVES:
        return False
    if practice.municipality_id:
        return roles.represents(user, practice.municipality)
    return practice.created_by_id == user.pk


def get_practice_for_editor(request: HttpRequest, slug: str) -> Practice:
    practice = get_practice_for_viewer(request, slug)
    if not can_edit_practice(request.user, practice):
        raise PermissionDenied("You may not change this practice.")
    return practice


def get_practice_for_reviewer(request: HttpRequest, slug: str) -> Practice:
    if not roles.is_secretariat(request.user):
        raise PermissionDenied("Only the secretariat reviews practices.")
    return get_object_or_404(Practice, slug=slug)


def can_translate_practice(user, practice: Practice) -> bool:
    """The owning town's representatives (or the author) at any status, and the secretariat:
    a translation changes no reviewed original, and the secretariat reviews it in turn."""
    if not user.is_authenticated:
        return False
    if roles.is_secretariat(user):
        return True
    if practice.municipality_id:
        return roles.represents(user, practice.municipality)
    return practice.created_by_id == user.pk


def get_practice_for_translator(request: HttpRequest, slug: str) -> Practice:
    practice = get_practice_for_viewer(request, slug)
    if not can_translate_practice(request.user, practice):
        raise PermissionDenied("You may not translate this practice.")
    return practice


def represents_owner(user, practice: Practice) -> bool:
    """The owning town's representative, or the author of a practice without a town."""
    if practice.municipality_id:
        return roles.represents(user, practice.municipality)
    return practice.created_by_id == user.pk


def can_propose_revision(user, practice: Practice) -> bool:
    """Authors change a published practice through a proposal; the secretariat edits it."""
    if not user.is_authenticated or practice.status != Status.PUBLISHED:
        return False
    return not roles.is_secretariat(user) and represents_owner(user, practice)


def get_practice_for_proposer(request: HttpRequest, slug: str) -> Practice:
    practice = get_practice_for_viewer(request, slug)
    if not can_propose_revision(request.user, practice):
        raise PermissionDenied("You may not propose changes to this practice.")
    return practice


def get_revision_for_viewer(request: HttpRequest, pk: int) -> ProposedRevision:
    """The secretariat, the proposer and the owning town's representatives."""
    proposal = get_object_or_404(
        ProposedRevision.objects.select_related("practice__municipality", "proposed_by"), pk=pk
    )
    user = request.user
    if not (roles.is_secretariat(user) or proposal.proposed_by_id == user.pk
            or represents_owner(user, proposal.practice)):  # fmt: skip
        raise PermissionDenied("You may not see this proposal.")
    return proposal


def get_revision_for_decider(request: HttpRequest, pk: int) -> ProposedRevision:
    if not roles.is_secretariat(request.user):
        raise PermissionDenied("Only the secretariat decides on proposed changes.")
    return get_object_or_404(ProposedRevision.objects.select_related("practice"), pk=pk)
