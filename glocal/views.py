"""Pages that draw on every app: the home page, the health check and the CSRF failure page."""

import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from glocal.calls.models import Call
from glocal.desk.registry import items_for as desk_items_for
from glocal.events.models import Event
from glocal.lib import roles
from glocal.lib.pagecache import cached_for_anonymous
from glocal.lib.stale_tasks import abandoned_tasks
from glocal.matching.models import SentenceVector
from glocal.matching.recommend import recommend, with_profile
from glocal.members.models import Municipality
from glocal.network.models import Update
from glocal.practices.engine import engine, malformed_vectors
from glocal.practices.models import Practice
from glocal.projects.models import Project

logger = logging.getLogger(__name__)


@require_GET
@cached_for_anonymous()
def home(request: HttpRequest) -> HttpResponse:
    """Visitors see the network's front page; a signed-in person their desk."""
    user = request.user
    context = network_news(user)
    if user.is_authenticated:
        context |= personal_blocks(user) | {"desk_items": desk_items_for(user)}
        return render(request, "desk/desk.html", context)
    context |= {
        "newest": Practice.objects.published().for_cards().order_by("-published_at")[:6],
        "practice_count": Practice.objects.published().count(),
        "municipality_count": Municipality.objects.filter(is_member=True).count(),
    }
    return render(request, "home.html", context)


def personal_blocks(user) -> dict:
    """The person's towns, the top five practices for the first, their running projects."""
    mine = Project.objects.editable_by(user).running().select_related("municipality")
    context = {"my_projects": mine[:5]}
    context["my_towns"] = towns = list(roles.represented_towns(user))
    if towns:
        town = with_profile(Municipality.objects).get(pk=towns[0].pk)
        context["top_town"], context["top_five"] = town, recommend(town, limit=5)
    return context


def network_news(user) -> dict:
    """What is on in the network this week: open calls, coming events, the latest stories."""
    stories = Update.objects.visible_to(user).stories().for_list()
    return {
        "open_calls": Call.objects.visible_to(user).accepting().order_by("closes_at")[:3],
        "coming_events": Event.objects.visible_to(user).upcoming()[:3],
        "stories": stories.order_by("-featured_at")[:3],
    }


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except DatabaseError:
        logger.exception("health check: database unreachable")
        checks["database"] = "error"
    healthy = all(v == "ok" for v in checks.values())
    stale = abandoned_tasks().count() if healthy else 0
    search = engine.status()
    if healthy:  # skipped by the index and the recommendations until embedded again
        search["malformed_vectors"] = malformed_vectors()
        search["malformed_sentence_vectors"] = SentenceVector.objects.malformed().count()
    malformed = search.get("malformed_vectors", 0) + search.get("malformed_sentence_vectors", 0)
    status = "ok" if healthy else "error"
    return JsonResponse(
        {
            "status": "degraded" if healthy and (stale or malformed) else status,
            "tasks": {"abandoned": stale},
            "checks": checks,
            "database": connection.vendor,
            "search": search,
        },  # fmt: skip
        status=200 if healthy else 503,
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A refused form (CSRF) as a site page in the visitor's language, not Django's default."""
    logger.info("CSRF failure on %s: %s", request.path, reason)
    return render(request, "403_csrf.html", {"reason": reason}, status=403)


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    """What is kept, why and for how long; the periods are the ones apply_retention uses."""
    periods = {
        "invitations": settings.RETENTION_PENDING_INVITATION_DAYS,
        "registrations": settings.RETENTION_CANCELLED_REGISTRATION_DAYS,
        "tokens": settings.RETENTION_UNUSED_TOKEN_DAYS,
        "notifications": settings.RETENTION_READ_NOTIFICATION_DAYS,
    }
    return render(request, "privacy.html", {"days": periods})
