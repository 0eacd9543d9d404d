"""Desk lines of the projects: late milestones and missing updates of the town's projects,
and for the secretariat the projects running late across the network."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from glocal.lib import roles
from glocal.lib.desk import DeskItem

from .models import Milestone, Project

LIMIT = 25


def items_for(user) -> list[DeskItem]:
    today = timezone.localdate()
    items = late_milestones(user, today) + missing_updates(user, today)
    if roles.is_secretariat(user):
        items += late_projects(today)
    return items


def late_milestones(user, today) -> list[DeskItem]:
    late = (
        Milestone.objects.overdue(today)
        .filter(roles.represented_by(user, "project__municipality"))
        .select_related("project")
        .order_by("due_date", "pk")
        .distinct()
    )
    return [
        DeskItem(
            kind="milestone_late",
            title=f"{m.project.title}: {m.title}",
            due=m.due_date,
            url=reverse("projects:monitoring", args=[m.project_id]),
            urgent=True,
            action=_("Late: mark it done or say what holds it up"),
        )
        for m in late[:LIMIT]
    ]


def missing_updates(user, today) -> list[DeskItem]:
    mine = (
        Project.objects.running()
        .filter(roles.represented_by(user, "municipality"))
        .distinct()
        .with_flags(today)
        .order_by("pk")
    )
    return [
        DeskItem(
            kind="update_missing",
            title=project.title,
            url=reverse("projects:update_add", args=[project.pk]),
            action=_("Tell the network how the project is going: post an update"),
        )
        for project in mine[:LIMIT]
        if project.update_is_missing(project.last_update_at, today)
    ]


def late_projects(today) -> list[DeskItem]:
    running = Project.objects.running().with_flags(today).select_related("municipality")
    late = running.filter(Q(overdue_count__gt=0)).order_by("-overdue_count", "pk")
    return [
        DeskItem(
            kind="project_late",
            title=f"{project.title} ({project.municipality})",
            url=reverse("projects:monitoring", args=[project.pk]),
            action=ngettext(
                "%(count)d milestone late: follow up with the town",
                "%(count)d milestones late: follow up with the town",
                project.overdue_count,
            )
            % {"count": project.overdue_count},
        )
        for project in late[:LIMIT]
    ]
