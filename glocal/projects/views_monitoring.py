"""Monitoring pages: a project's charts, CSV and printable report, and the transfer evidence
shown on a source practice (the network dashboard is in ``views_dashboard``)."""

import csv

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from glocal.lib.spreadsheets import defuse_cell
from glocal.practices.access import get_practice_for_viewer

from .access import can_edit_project, get_project_for_viewer
from .charts import indicator_chart, timeline
from .models import Project, Prototype, TransferOutcome, TransferResult


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
