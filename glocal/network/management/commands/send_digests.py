"""Send the e-mail digests that are due; run it from cron, e.g. every hour.

Idempotent: each person's ``last_sent_at`` moves forward with every digest, so running it
again at once sends nothing, and a digest covers exactly what came since the previous one.
"""

from django.core.management.base import BaseCommand

from glocal.audit.context import from_command
from glocal.network.digest import send_digests


class Command(BaseCommand):
    help = "E-mail each person who chose a daily or weekly digest what is new since the last one."

    @from_command("send_digests")
    def handle(self, *args, **options) -> None:
        sent = send_digests()
        self.stdout.write(self.style.SUCCESS(f"{sent} digest(s) sent."))
