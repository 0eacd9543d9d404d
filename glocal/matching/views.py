from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from glocal.members.access import can_edit_municipality, get_municipality_for_viewer
from glocal.members.models import Municipality
from glocal.practices.access import get_practice_for_viewer
from glocal.practices.models import Practice

from . import services
from .models import Feedback
from .recommend import peers, recommend, with_profile
from .scoring import SHARED_NEED_MARGIN, SIMILAR_SIZE_FACTOR


def get_municipality_for_planner(request: HttpRequest, slug: str) -> Municipality:
    """Recommendations are the town's own working list: its representatives and staff."""
    town = get_municipality_for_viewer(request, slug)
    if not can_edit_municipality(request.user, town):
        raise PermissionDenied("Only this town's representatives see its recommendations.")
    return get_object_or_404(with_profile(Municipality.objects), pk=town.pk)


@login_required
@require_GET
def recommendations(request: HttpRequest, slug: str) -> HttpResponse:
    town = get_municipality_for_planner(request, slug)
    context = {"municipality": town, "items": recommend(town), "verdicts": Feedback.Verdict,
               "size_factor": f"{SIMILAR_SIZE_FACTOR:g}"}  # fmt: skip
    template = "matching/recommendations.html"
    if request.headers.get("HX-Request"):
        template += "#list"
    return render(request, template, context)


@login_required
@require_POST
def feedback(request: HttpRequest, slug: str, practice_slug: str) -> HttpResponse:
    town = get_municipality_for_planner(request, slug)
    practice = get_object_or_404(Practice.objects.published(), slug=practice_slug)
    verdict = request.POST.get("verdict", "")
    if verdict not in Feedback.Verdict.values:
        return HttpResponse("Unknown verdict.", status=400)
    services.record_feedback(municipality=town, practice=practice, verdict=verdict,
                             user=request.user)  # fmt: skip
    if request.headers.get("HX-Request"):
        context = {"municipality": town, "items": recommend(town), "verdicts": Feedback.Verdict}
        return render(request, "matching/recommendations.html#list", context)
    return redirect("matching:recommendations", slug=town.slug)


@require_GET
def peer_list(request: HttpRequest, slug: str) -> HttpResponse:
    town = get_municipality_for_viewer(request, slug)
    town = get_object_or_404(with_profile(Municipality.objects), pk=town.pk)
    context = {"municipality": town, "peers": peers(town), "shared_need_margin": SHARED_NEED_MARGIN}
    return render(request, "matching/peers.html", context)


@require_GET
def practice_adopters(request: HttpRequest, slug: str) -> HttpResponse:
    """Who already did this practice, or says it does the same: whom a mayor can call."""
    practice = get_practice_for_viewer(request, slug)
    doing = (
        Municipality.objects.filter(
            recommendation_feedback__practice=practice,
            recommendation_feedback__verdict=Feedback.Verdict.ALREADY_DOING,
        )
        .visible_to(request.user)
        .select_related("country")
    )
    context = {"practice": practice, "owner": practice.municipality, "doing": doing}
    return render(request, "matching/adopters.html", context)
