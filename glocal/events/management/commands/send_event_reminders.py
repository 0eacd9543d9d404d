"""Remind confirmed participants before their event; run it from cron, e.g. every hour.

Idempotent: each registration is reminded once (``reminded_at``), so running it again
sends nothing new.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand

from glocal.audit.context import from_command
from glocal.events.services import send_reminders


class Command(BaseCommand):
    help = "E-mail confirmed participants whose event starts within the next --hours (48)."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=48, help="How far ahead to look.")

    @from_command("send_event_reminders")
    def handle(self, *args, hours: int, **options) -> None:
        if hours < 1:
            self.stderr.write("--hours must be at least 1.")
            return

        def progress(sent: int) -> None:
            if sent and sent % 50 == 0:
                self.stdout.write(f"… {sent} reminders sent")

        sent = send_reminders(within=timedelta(hours=hours), progress=progress)
        self.stdout.write(self.style.SUCCESS(f"{sent} reminder(s) sent."))
