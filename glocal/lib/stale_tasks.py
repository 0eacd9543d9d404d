"""Background tasks whose worker died: found, put back in the queue.

django-tasks' database worker marks a task RUNNING when it claims it; a worker killed mid-task
never finishes it, and no other worker claims a RUNNING task. Our worker (``task_worker``)
names itself ``host:pid:random``, so a process on the same host can tell that the worker of a
RUNNING task is gone and requeue the task at once. A task whose worker runs elsewhere (or has
another name) is taken as abandoned when it has run longer than any real task takes
(GLOCAL_TASK_TIMEOUT_MINUTES); a task whose worker is alive here is never taken.
"""

import datetime
import os
import socket

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

HOST = socket.gethostname()


def worker_name() -> str:
    """A worker id naming this process, at most the 64 characters django-tasks allows."""
    return f"{HOST[:40]}:{os.getpid()}:{get_random_string(8)}"


def worker_alive(worker_id: str) -> bool | None:
    """Whether the worker is running; None when it is not a worker of this host."""
    host, _, rest = worker_id.partition(":")
    pid = rest.partition(":")[0]
    if host != HOST[:40] or not pid.isdigit():
        return None
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


def abandoned_tasks(now: datetime.datetime | None = None):
    cutoff = (now or timezone.now()) - datetime.timedelta(minutes=settings.TASK_TIMEOUT_MINUTES)
    running = DBTaskResult.objects.running()
    abandoned = []
    for pk, started_at, workers in running.values_list("pk", "started_at", "worker_ids"):
        alive = worker_alive(workers[-1]) if workers else None
        if alive is False or (alive is None and started_at is not None and started_at < cutoff):
            abandoned.append(pk)
    return running.filter(pk__in=abandoned)


def requeue_abandoned_tasks(now: datetime.datetime | None = None) -> int:
    """Make abandoned tasks READY for the next worker; return how many were requeued."""
    return abandoned_tasks(now).update(status=TaskResultStatus.READY, started_at=None)
