"""The task worker ``make serve`` runs: django-tasks' ``db_worker`` that also puts things
right, at start-up and every GLOCAL_TASK_SWEEP_SECONDS while it runs:

* tasks left RUNNING by a worker that is gone are put back in the queue
  (``glocal/lib/stale_tasks.py``), so a killed worker's task is finished by the next one;
* practices whose stored vector is malformed are queued to be embedded again, and malformed
  sentence vectors are dropped (computed again when next needed), so ``/healthz`` is clean
  again even when no search process rebuilds its index.
"""

import logging
import os
import threading
import time

from django.conf import settings
from django.core.management.base import CommandError
from django.db import DatabaseError, connection
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from glocal.lib.stale_tasks import requeue_abandoned_tasks, worker_name
from glocal.practices.engine import active_model_name
from glocal.practices.models import PracticeVector
from glocal.practices.tasks import embed_practice_batch

from ...models import SentenceVector

logger = logging.getLogger(__name__)
WORKER_OPTIONS = ("interval", "backend_name", "startup_delay", "max_tasks", "worker_id")


class Worker(db_worker.Worker):
    def run(self) -> None:
        self.worker_id = self.worker_id or worker_name()  # named in the process that runs
        self._queued: set[int] = set()
        self.sweep()
        if not self.batch:
            threading.Thread(target=self.sweep_every, daemon=True).start()
        super().run()

    def sweep_every(self) -> None:
        while self.running:
            time.sleep(settings.TASK_SWEEP_SECONDS)
            self.sweep()

    def sweep(self) -> None:
        try:
            if requeued := requeue_abandoned_tasks():
                logger.warning("requeued %d tasks left running by a dead worker", requeued)
            self.embed_malformed_again()
        except DatabaseError:  # the next sweep tries again
            logger.exception("task worker sweep failed")
        finally:
            if threading.current_thread() is not threading.main_thread():
                connection.close()

    def embed_malformed_again(self) -> None:
        """Queue each malformed practice vector once (until it is repaired and spoilt again)."""
        vectors = PracticeVector.objects.filter(model=active_model_name()).malformed()
        malformed = set(vectors.values_list("practice_id", flat=True))
        if todo := sorted(malformed - self._queued):
            logger.warning("queued %d malformed practice vectors to embed again", len(todo))
            embed_practice_batch.enqueue(todo)
        self._queued = malformed
        if dropped := SentenceVector.objects.malformed().delete()[0]:
            logger.warning("dropped %d malformed sentence vectors", dropped)


class Command(db_worker.Command):
    help = "Run the background task worker; requeue tasks of dead workers, repair vectors."

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.set_defaults(worker_id=None)  # named host:pid:random by the running process

    def handle(self, *, verbosity: int, queue_name: str, exclude_queues: str, reload: bool,
               batch: bool, **options) -> None:  # fmt: skip
        """As ``db_worker`` does, with this module's worker."""
        self.configure_logging(verbosity)
        queues, excluded = queue_name.split(","), list(filter(None, exclude_queues.split(",")))
        if excluded and "*" not in queues:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = Worker(queue_names=queues, excluded_queue_names=excluded, batch=batch,
                        **{name: options[name] for name in WORKER_OPTIONS})  # fmt: skip
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":  # the reloaded child
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
