"""One fetch-and-authorise helper per object type: every view and endpoint uses these."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from glocal.lib import roles

from .models import Municipality


def get_municipality_for_viewer(request: HttpRequest, slug: str) -> Municipality:
    queryset = Municipality.objects.visible_to(request.user).select_related("country")
    return get_object_or_404(queryset, slug=slug)


def get_municipality_for_editor(request: HttpRequest, slug: str) -> Municipality:
    municipality = get_municipality_for_viewer(request, slug)
    if not can_edit_municipality(request.user, municipality):
        raise PermissionDenied("Only this municipality's representatives may edit it.")
    return municipality


def can_edit_municipality(user, municipality: Municipality) -> bool:
    if not user.is_authenticated:
        return False
    return roles.is_secretariat(user) or roles.represents(user, municipality)
