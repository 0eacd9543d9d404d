"""The network dashboard for the secretariat, and one prototype's projects side by side.

Figures are counted in the database over every project; the tables show 50 rows a page and
only those rows carry their milestone counts and indicator progress.
"""

from collections import defaultdict

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from glocal.lib import roles
from glocal.reference.models import Region

from .access import get_prototype_for_viewer
from .models import Indicator, Project, ProjectStatus, Prototype, progress_between
from .models_plan import Milestone, MilestoneStatus

PAGE_SIZE = 50
DASHBOARD_FILTERS = ("status", "region", "prototype", "sdg")


def require_secretariat(request: HttpRequest) -> None:
    if not roles.is_secretariat(request.user):
        raise PermissionDenied("The dashboard is for the secretariat.")


def counted(queryset: QuerySet, key: str, labels: dict | None = None) -> list[dict]:
    rows = queryset.values(key).annotate(n=Count("pk", distinct=True)).order_by("-n", key)
    return [{"key": r[key], "label": (labels or {}).get(r[key], r[key]), "n": r["n"]}
            for r in rows]  # fmt: skip


def chosen_projects(request: HttpRequest) -> tuple[QuerySet, dict]:
    """Every project, narrowed in the database to the figure the secretariat clicked on."""
    chosen = {key: request.GET.get(key, "")[:60] for key in DASHBOARD_FILTERS}
    lookups = {"status": "status", "region": "municipality__country__region",
               "prototype": "prototype__slug"}  # fmt: skip
    projects = Project.objects.all()
    for key, lookup in lookups.items():
        if chosen[key]:
            projects = projects.filter(**{lookup: chosen[key]})
    if chosen["sdg"]:
        number = int(chosen["sdg"]) if chosen["sdg"].isdecimal() else 0
        with_goal = Project.objects.filter(indicators__sdgs__number=number).values("pk")
        projects = projects.filter(pk__in=with_goal)
    return projects, {key: value for key, value in chosen.items() if value}


def with_milestone_counts(projects: QuerySet) -> QuerySet:
    milestones = Milestone.objects.filter(project=OuterRef("pk")).order_by().values("project")
    done = milestones.filter(status=MilestoneStatus.DONE)
    return projects.annotate(
        milestones_done=Coalesce(Subquery(done.annotate(n=Count("pk")).values("n")), 0),
        milestones_total=Coalesce(Subquery(milestones.annotate(n=Count("pk")).values("n")), 0),
    )


def page_with_progress(request: HttpRequest, projects: QuerySet) -> Page:
    """One page of ``projects``, each with its average indicator progress (None if unmeasured)."""
    page = Paginator(projects, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    indicators = Indicator.objects.with_latest().filter(project__in=[p.pk for p in rows])
    by_project = defaultdict(list)
    for indicator in indicators.only("pk", "project", "baseline", "target"):
        if (progress := indicator.progress(indicator.latest_value)) is not None:
            by_project[indicator.project_id].append(progress)
    for project in rows:
        values = by_project.get(project.pk)
        project.avg_progress = round(sum(values) / len(values)) if values else None
    page.object_list = rows
    return page


def indicator_figures() -> dict:
    """How many indicators are measured and reached, and their average progress, network-wide."""
    rows = Indicator.objects.with_latest().values_list("baseline", "target", "latest_value")
    progress = [p for b, t, v in rows if (p := progress_between(b, t, v)) is not None]
    return {
        "indicator_count": len(rows),
        "measured_count": len(progress),
        "reached_count": sum(p == 100 for p in progress),
        "avg_progress": round(sum(progress) / len(progress)) if progress else None,
    }


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """The network's view of every project; the secretariat only."""
    require_secretariat(request)
    today = timezone.localdate()
    late = Project.objects.running().with_flags(today).filter(overdue_count__gt=0)
    projects, chosen = chosen_projects(request)
    prototypes = Prototype.objects.annotate(
        n=Count("projects", distinct=True),
        running=Count("projects", filter=Q(projects__status__in=[
            ProjectStatus.PLANNING, ProjectStatus.IMPLEMENTING]), distinct=True),
    ).filter(n__gt=0).order_by("title")  # fmt: skip
    context = {
        "page": page_with_progress(
            request, projects.for_list().order_by("municipality__name", "title", "pk")
        ),  # fmt: skip
        "chosen": chosen,
        "total": Project.objects.count(),
        "late": late.for_list().order_by("municipality__name", "title")[:PAGE_SIZE],
        "late_count": late.count(),
        "by_status": counted(Project.objects.all(), "status", dict(ProjectStatus.choices)),
        "by_region": counted(
            Project.objects.all(), "municipality__country__region", dict(Region.choices)
        ),  # fmt: skip
        "by_sdg": counted(
            Project.objects.filter(indicators__sdgs__isnull=False), "indicators__sdgs__number"
        ),  # fmt: skip
        "prototypes": prototypes,
        "today": today,
        **indicator_figures(),
    }
    return render(request, "projects/dashboard.html", context)


@require_GET
def dashboard_prototype(request: HttpRequest, slug: str) -> HttpResponse:
    """Every project adapted from one prototype, side by side, for the monthly exchanges."""
    require_secretariat(request)
    prototype = get_prototype_for_viewer(request, slug)
    projects = with_milestone_counts(
        prototype.projects.for_list().with_flags(timezone.localdate())
    ).order_by("municipality__name", "title", "pk")
    context = {"prototype": prototype, "page": page_with_progress(request, projects)}
    return render(request, "projects/dashboard_prototype.html", context)
