"""Put tasks abandoned by a dead worker back in the queue (`task_worker` does it by itself,
at start-up and every GLOCAL_TASK_SWEEP_SECONDS; this is for a plain `db_worker`)."""

import json

from django.core.management.base import BaseCommand

from glocal.lib.stale_tasks import requeue_abandoned_tasks


class Command(BaseCommand):
    help = "Requeue background tasks left RUNNING by a worker that died."

    def handle(self, *args, **options) -> None:
        self.stdout.write(json.dumps({"requeued": requeue_abandoned_tasks()}))
