"""Daily reminders for running projects: late milestones and missing progress updates.

Run it from cron once a day (or more often: each project is written to at most once a day)::

    15 7 * * *  cd /srv/glocal && .venv/bin/python manage.py remind_projects
"""

import datetime

from django.core.management.base import BaseCommand
from django.db.models import Prefetch
from django.utils import timezone

from glocal.audit.context import from_command
from glocal.members.models import Membership
from glocal.projects.models import Project
from glocal.projects.models_plan import Milestone
from glocal.projects.services import remind_project


class Command(BaseCommand):
    help = "E-mail each running project's team about late milestones or a missing update."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=datetime.date.fromisoformat,
                            help="Pretend today is this day (YYYY-MM-DD).")  # fmt: skip

    @from_command("remind_projects")
    def handle(self, *args, date=None, **options):
        today = date or timezone.localdate()
        projects = (
            Project.objects.running().with_flags(today).select_related("municipality")
            .prefetch_related(
                "team",
                Prefetch("municipality__memberships",
                         queryset=Membership.objects.select_related("user")),
                Prefetch("milestones", queryset=Milestone.objects.overdue(today),
                         to_attr="overdue_list"),
            ).order_by("pk")
        )  # fmt: skip
        sent = skipped = 0
        for project in projects:
            missing = project.update_is_missing(project.last_update_at, today)
            if not (project.overdue_list or missing):
                continue
            count = remind_project(project=project, overdue=project.overdue_list,
                                   update_missing=missing, today=today)  # fmt: skip
            if count:
                sent += 1
                self.stdout.write(f"{project.pk} {project.title}: reminded {count} people")
            else:
                skipped += 1
                self.stdout.write(
                    f"{project.pk} {project.title}: nothing sent (done earlier today or no address)"
                )
        self.stdout.write(self.style.SUCCESS(
            f"Done: {sent} projects reminded, {skipped} skipped."))  # fmt: skip
