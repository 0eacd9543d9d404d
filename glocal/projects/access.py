"""One fetch-and-authorise helper per object type: every view and endpoint uses these."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from glocal.lib import roles

from .models import EvidenceFile, Indicator, Project, Prototype
from .models_plan import Milestone


def get_project_for_viewer(request: HttpRequest, pk: int) -> Project:
    """The project if the viewer may see it; 404 (not 403) hides private projects' existence."""
    queryset = Project.objects.visible_to(request.user).select_related(
        "municipality__country", "prototype", "source_practice"
    )
    return get_object_or_404(queryset, pk=pk)


def get_evidence_for_viewer(request: HttpRequest, project_pk: int, pk: int) -> EvidenceFile:
    """An evidence file goes only to those who may see its project; 404 for everyone else."""
    project = get_project_for_viewer(request, project_pk)
    return get_object_or_404(EvidenceFile.objects.filter(update__project=project), pk=pk)


def can_edit_project(user, project: Project) -> bool:
    if not user.is_authenticated:
        return False
    return roles.is_secretariat(user) or roles.represents(user, project.municipality)


def get_project_for_editor(request: HttpRequest, pk: int) -> Project:
    project = get_project_for_viewer(request, pk)
    if not can_edit_project(request.user, project):
        raise PermissionDenied("Only this municipality's team and the secretariat may change it.")
    return project


def get_prototype_for_viewer(request: HttpRequest, slug: str) -> Prototype:
    """Published prototypes for all; drafts only for the secretariat, else 404."""
    return get_object_or_404(Prototype.objects.visible_to(request.user), slug=slug)


def get_prototype_for_editor(request: HttpRequest, slug: str | None = None) -> Prototype | None:
    """Only the secretariat writes prototypes; ``None`` slug means a new one."""
    if not roles.is_secretariat(request.user):
        raise PermissionDenied("Only the secretariat edits prototypes.")
    return get_object_or_404(Prototype, slug=slug) if slug else None


def get_indicator_for_editor(request: HttpRequest, project_pk: int, pk: int) -> Indicator:
    project = get_project_for_editor(request, project_pk)
    return get_object_or_404(project.indicators.select_related("project"), pk=pk)


def get_milestone_for_editor(request: HttpRequest, project_pk: int, pk: int) -> Milestone:
    project = get_project_for_editor(request, project_pk)
    return get_object_or_404(project.milestones.select_related("project"), pk=pk)


def can_record_measurement(user, project: Project) -> bool:
    """Through the API only the town's own representatives report figures."""
    return user.is_authenticated and roles.represents(user, project.municipality)
