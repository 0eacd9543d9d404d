"""Delete what the privacy page says is kept no longer; run it from cron once a day.

The last line is a JSON summary: how many rows each rule deleted (or would delete).
"""

import json

from django.conf import settings
from django.core.management.base import BaseCommand

from glocal.desk.retention import apply_retention


class Command(BaseCommand):
    help = "Apply the retention periods of /privacy/ (settings RETENTION_*_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count, delete nothing.")

    def handle(self, *args, dry_run: bool, **options) -> None:
        rules = ("pending_invitations", "cancelled_registrations", "unused_api_tokens",
                 "read_notifications")  # fmt: skip
        done = []

        def progress(rule: str, count: int) -> None:
            done.append(rule)
            verb = "would delete" if dry_run else "deleted"
            self.stdout.write(f"[{len(done)}/{len(rules)}] {rule}: {verb} {count}")

        summary = apply_retention(dry_run=dry_run, progress=progress)
        periods = {
            "pending_invitations": settings.RETENTION_PENDING_INVITATION_DAYS,
            "cancelled_registrations": settings.RETENTION_CANCELLED_REGISTRATION_DAYS,
            "unused_api_tokens": settings.RETENTION_UNUSED_TOKEN_DAYS,
            "read_notifications": settings.RETENTION_READ_NOTIFICATION_DAYS,
        }
        self.stdout.write(json.dumps(
            {"dry_run": dry_run, "deleted": summary, "days": periods}, sort_keys=True
        ))  # fmt: skip
