"""One fetch-and-authorise helper per object type: every view and endpoint uses these."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from .models import Project


def get_project_for_viewer(request: HttpRequest, pk: int) -> Project:
    """The project if the viewer may see it; 404 (not 403) hides private projects' existence."""
    queryset = Project.objects.visible_to(request.user).select_related(
        "municipality__country", "prototype", "source_practice"
    )
    return get_object_or_404(queryset, pk=pk)


def can_edit_project(user, project: Project) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_staff or project.municipality.memberships.filter(user=user).exists()


def get_project_for_editor(request: HttpRequest, pk: int) -> Project:
    project = get_project_for_viewer(request, pk)
    if not can_edit_project(request.user, project):
        raise PermissionDenied("Only this municipality's team and the secretariat may change it.")
    return project
