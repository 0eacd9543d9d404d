"""Monitoring pages: a project's charts, CSV and printable report; the network dashboard;
and the transfer evidence shown on a source practice."""

import csv
from collections import defaultdict

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from glocal.lib.spreadsheets import defuse_cell
from glocal.practices.access import get_practice_for_viewer
from glocal.reference.models import Region

from .access import can_edit_project, get_project_for_viewer
from .charts import indicator_chart, timeline
from .models import Indicator, Project, ProjectStatus, Prototype, TransferOutcome, TransferResult
from .models_plan import Milestone, MilestoneStatus


def monitoring_context(project: Project) -> dict:
    today = timezone.localdate()
    indicators = list(project.indicators.with_latest().prefetch_related("measurements", "sdgs"))
    start = project.start_date or project.created_at.date()
    for indicator in indicators:
        readings = [(m.measured_on, m.value) for m in indicator.measurements.all()]
        indicator.readings = list(indicator.measurements.all())
        indicator.chart = indicator_chart(
            baseline=indicator.baseline, target=indicator.target, start=start,
            target_date=indicator.target_date, readings=readings, unit=indicator.unit,
        )  # fmt: skip
        indicator.progress_pct = indicator.progress(indicator.latest_value)
    milestones = list(project.milestones.all())
    rows = [(m.title, m.due_date, m.status, m.get_status_display(), m.is_overdue(today))
            for m in milestones]  # fmt: skip
    end = project.end_date or max([today, *(m.due_date for m in milestones)])
    return {
        "project": project,
        "indicators": indicators,
        "milestones": milestones,
        "timeline": timeline(start=start, end=end, milestones=rows, today=today),
        "updates": project.updates.prefetch_related("evidence")[:5],
        "today": today,
        "can_edit": False,
    }


@require_GET
def monitoring(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_project_for_viewer(request, pk)
    context = monitoring_context(project)
    context["can_edit"] = can_edit_project(request.user, project)
    return render(request, "projects/monitoring.html", context)


@require_GET
def monitoring_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The same figures on a page made for printing (or saving as PDF from the browser)."""
    project = get_project_for_viewer(request, pk)
    context = monitoring_context(project)
    context["goals"] = project.goals.all()
    context["outcome"] = getattr(project, "outcome", None)
    return render(request, "projects/report.html", context)


@require_GET
def monitoring_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """Every measurement of every indicator, one row each, ready for a spreadsheet."""
    project = get_project_for_viewer(request, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"project-{project.pk}-{slugify(project.title)[:40]}-monitoring.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so spreadsheet programs read Arabic and accented names right
    writer = csv.writer(response)
    writer.writerow(["indicator", "unit", "baseline", "target", "target_date", "sdgs",
                     "measured_on", "value", "progress_pct", "note"])  # fmt: skip
    for indicator in project.indicators.prefetch_related("measurements", "sdgs"):
        frame = [defuse_cell(indicator.name), defuse_cell(indicator.unit), indicator.baseline,
                 indicator.target, indicator.target_date.isoformat(),
                 " ".join(str(s.number) for s in indicator.sdgs.all())]  # fmt: skip
        measurements = indicator.measurements.all()
        if not measurements:  # still listed, so the sheet shows every indicator of the plan
            writer.writerow([*frame, "", "", "", ""])
        for m in measurements:
            progress = "" if (p := indicator.progress(m.value)) is None else p
            writer.writerow([*frame, m.measured_on.isoformat(), m.value, progress,
                             defuse_cell(m.note)])  # fmt: skip
    return response


def dashboard_rows(projects: list[Project], indicators: list[Indicator]) -> None:
    """Attach each project's average indicator progress (None without measurements)."""
    by_project = defaultdict(list)
    for indicator in indicators:
        progress = indicator.progress(indicator.latest_value)
        if progress is not None:
            by_project[indicator.project_id].append(progress)
    for project in projects:
        values = by_project.get(project.pk)
        project.avg_progress = round(sum(values) / len(values)) if values else None


def counted(queryset, key: str, labels: dict | None = None) -> list[dict]:
    rows = queryset.values(key).annotate(n=Count("pk", distinct=True)).order_by("-n", key)
    return [{"key": r[key], "label": (labels or {}).get(r[key], r[key]), "n": r["n"]}
            for r in rows]  # fmt: skip


DASHBOARD_FILTERS = ("status", "region", "prototype", "sdg")


def dashboard_table(request: HttpRequest, projects: list[Project]) -> tuple[list, dict]:
    """The "every project" rows narrowed to the figure the secretariat clicked on."""
    chosen = {key: request.GET.get(key, "")[:60] for key in DASHBOARD_FILTERS}
    tests = {
        "status": lambda p, v: p.status == v,
        "region": lambda p, v: (
            p.municipality.country is not None and p.municipality.country.region == v
        ),
        "prototype": lambda p, v: p.prototype is not None and p.prototype.slug == v,
    }
    rows = projects
    for key, test in tests.items():
        if chosen[key]:
            rows = [p for p in rows if test(p, chosen[key])]
    if chosen["sdg"]:
        number = int(chosen["sdg"]) if chosen["sdg"].isdecimal() else 0
        with_goal = Project.objects.filter(indicators__sdgs__number=number).values_list("pk")
        ids = {pk for (pk,) in with_goal}
        rows = [p for p in rows if p.pk in ids]
    return rows, {key: value for key, value in chosen.items() if value}


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """The network's view of every project; the secretariat only."""
    if not (request.user.is_authenticated and request.user.is_staff):
        raise PermissionDenied("The dashboard is for the secretariat.")
    today = timezone.localdate()
    milestones = Milestone.objects.filter(project=OuterRef("pk"))
    done = milestones.filter(status=MilestoneStatus.DONE).values("project")
    projects = list(
        Project.objects.for_list().with_flags(today).annotate(
            milestones_done=Coalesce(Subquery(
                done.annotate(n=Count("pk")).values("n")), 0),
            milestones_total=Coalesce(Subquery(
                milestones.values("project").annotate(n=Count("pk")).values("n")), 0),
        ).order_by("municipality__name", "title")
    )  # fmt: skip
    indicators = list(Indicator.objects.with_latest().only("pk", "project", "baseline", "target"))
    dashboard_rows(projects, indicators)
    all_progress = [p for i in indicators if (p := i.progress(i.latest_value)) is not None]
    by_prototype = defaultdict(list)
    for project in projects:
        if project.prototype_id:
            by_prototype[project.prototype].append(project)
    rows, chosen = dashboard_table(request, projects)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    context = {
        "projects": projects,
        "page": page,
        "chosen": chosen,
        "total": len(projects),
        "late": [p for p in projects if p.overdue_count and p.is_running],
        "by_status": counted(Project.objects.all(), "status", dict(ProjectStatus.choices)),
        "by_region": counted(
            Project.objects.all(), "municipality__country__region", dict(Region.choices)
        ),  # fmt: skip
        "by_sdg": counted(
            Project.objects.filter(indicators__sdgs__isnull=False), "indicators__sdgs__number"
        ),  # fmt: skip
        "by_prototype": sorted(by_prototype.items(), key=lambda item: item[0].title),
        "indicator_count": len(indicators),
        "measured_count": len(all_progress),
        "reached_count": sum(p == 100 for p in all_progress),
        "avg_progress": round(sum(all_progress) / len(all_progress)) if all_progress else None,
        "today": today,
    }
    return render(request, "projects/dashboard.html", context)


@require_GET
def practice_transfers(request: HttpRequest, slug: str) -> HttpResponse:
    """Partial for a practice page: prototypes drawn from it and how its transfers went."""
    practice = get_practice_for_viewer(request, slug)
    projects = Project.objects.visible_to(request.user).filter(
        Q(source_practice=practice) | Q(prototype__source_practices=practice)
    )
    outcomes = (
        TransferOutcome.objects.filter(project__in=projects.values("pk"))
        .select_related("project__municipality__country")
        .order_by("-recorded_at")
    )
    context = {
        "practice": practice,
        "prototypes": Prototype.objects.visible_to(request.user).filter(source_practices=practice),
        "outcomes": outcomes,
        "successes": sum(o.result == TransferResult.WORKED for o in outcomes),
        "adopters": list(projects.distinct().for_list().order_by("municipality__name")),
    }
    return render(request, "projects/practice_transfers.html", context)
