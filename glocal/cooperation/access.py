"""One fetch-and-authorise helper per object type: every view and endpoint uses these.

Objects one may not see answer 404, so their existence is not given away.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from glocal.lib import roles
from glocal.projects.access import can_edit_project, get_project_for_viewer
from glocal.projects.models import Project

from .models import Collaboration, Consultation, Expert, Match, Partner, Post


def get_collaboration_for_viewer(request: HttpRequest, slug: str) -> Collaboration:
    return get_object_or_404(Collaboration.objects.visible_to(request.user), slug=slug)


def can_edit_collaboration(user, collaboration: Collaboration) -> bool:
    """The secretariat and the towns taking part (not those only invited)."""
    if not user.is_authenticated:
        return False
    return (
        roles.is_secretariat(user)
        or collaboration.partners.filter(
            roles.represented_by(user), status=Partner.Status.ACCEPTED
        ).exists()
    )


def get_collaboration_for_editor(request: HttpRequest, slug: str) -> Collaboration:
    collaboration = get_collaboration_for_viewer(request, slug)
    if not can_edit_collaboration(request.user, collaboration):
        raise PermissionDenied("Only the towns taking part and the secretariat may change it.")
    return collaboration


def get_invitation_for_town(request: HttpRequest, slug: str, pk: int) -> Partner:
    """An open invitation addressed to one of the user's towns."""
    return get_object_or_404(
        Partner.objects.select_related("collaboration", "municipality"),
        roles.represented_by(request.user.pk),
        pk=pk, collaboration__slug=slug, status=Partner.Status.INVITED,
    )  # fmt: skip


def get_post_for_viewer(request: HttpRequest, pk: int) -> Post:
    return get_object_or_404(Post.objects.for_board(), pk=pk)


def get_post_for_owner(request: HttpRequest, pk: int) -> Post:
    post = get_post_for_viewer(request, pk)
    if not roles.represents(request.user, post.municipality):
        raise PermissionDenied("Only the town that posted it may change it.")
    return post


def get_match_for_party(request: HttpRequest, pk: int) -> Match:
    """A match seen by one of its two towns; to anyone else it does not exist."""
    match = get_object_or_404(
        Match.objects.select_related("need__municipality", "offer__municipality"), pk=pk
    )
    towns = (match.need.municipality, match.offer.municipality)
    if not any(roles.represents(request.user, town) for town in towns):
        raise Http404("No such match.")
    return match


def get_expert_for_viewer(request: HttpRequest, slug: str) -> Expert:
    secretariat = roles.is_secretariat(request.user)
    experts = Expert.objects.all() if secretariat else Expert.objects.listed()
    return get_object_or_404(experts.select_related("country"), slug=slug)


def get_consultation_for_participant(request: HttpRequest, pk: int) -> Consultation:
    """On the agenda of the requesting town, the expert, or the secretariat; else 404."""
    found = Consultation.objects.on_agenda_of(request.user).select_related(
        "project__municipality", "expert__user", "requested_by"
    )
    return get_object_or_404(found, pk=pk)


def get_project_for_team(request: HttpRequest, pk: int) -> Project:
    """A project whose team (or the secretariat) asks for or reads its consultations."""
    project = get_project_for_viewer(request, pk)
    if not can_edit_project(request.user, project):
        raise PermissionDenied("Only the project's team and the secretariat see its consultations.")
    return project
