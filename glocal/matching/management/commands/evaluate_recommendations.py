"""Score recommendations against the demo expectations (run on the demo data)."""

import json

from django.core.management.base import BaseCommand

from ...demo_expectations import measure


class Command(BaseCommand):
    help = "Precision, recall and MRR of need → practice matching on the demo, as JSON."

    def handle(self, *args, **options):
        self.stdout.write(json.dumps(measure()))
