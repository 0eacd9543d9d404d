"""One fetch-and-authorise helper per object type; every view and endpoint uses these."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from glocal.lib import roles
from glocal.members.models import Municipality

from .models import Application, Assignment, Call, Hub


def get_call_for_viewer(request: HttpRequest, slug: str) -> Call:
    """Drafts exist only for the secretariat; others get a 404."""
    return get_object_or_404(Call.objects.visible_to(request.user), slug=slug)


def get_call_for_secretariat(request: HttpRequest, slug: str) -> Call:
    call = get_call_for_viewer(request, slug)
    if not roles.is_secretariat(request.user):
        raise PermissionDenied("Only the secretariat manages the review.")
    return call


def get_town_for_applicant(request: HttpRequest) -> Municipality:
    """The town the person applies for: the one named by ``?town=`` or their first one."""
    towns = roles.represented_towns(request.user).select_related("country")
    towns = list(towns.order_by("name"))
    if not towns:
        raise PermissionDenied("Only municipality representatives apply.")
    wanted = request.GET.get("town") or request.POST.get("town")
    if wanted:
        for town in towns:
            if town.slug == wanted:
                return town
        raise Http404("You do not represent that municipality.")
    return towns[0]


def get_application_for_viewer(request: HttpRequest, slug: str, pk: int) -> Application:
    """The application if the viewer is entitled: its town, an unconflicted reviewer, staff."""
    queryset = Application.objects.visible_to(request.user).select_related(
        "call", "municipality__country", "nominee__country", "practice", "created_by"
    )
    return get_object_or_404(queryset, call__slug=slug, pk=pk)


def get_assignment_for_reviewer(request: HttpRequest, slug: str, pk: int) -> Assignment:
    """The signed-in reviewer's own assignment to this application, unless they stepped aside."""
    if not request.user.is_authenticated:
        raise Http404
    queryset = Assignment.objects.select_related("application__call", "application__municipality")
    return get_object_or_404(
        queryset, application__call__slug=slug, application__pk=pk, reviewer=request.user,
        conflict=False,
    )  # fmt: skip


def get_hub_for_viewer(slug: str) -> Hub:
    """HUBs are public: the label exists to be seen."""
    queryset = Hub.objects.select_related(
        "application__municipality__country", "application__call", "project"
    )
    return get_object_or_404(queryset, slug=slug)
