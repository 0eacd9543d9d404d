"""Background tasks whose worker died: found by age, put back in the queue.

django-tasks' database worker marks a task RUNNING when it claims it; a worker killed mid-task
never finishes it, and no other worker claims a RUNNING task. A task running longer than any
real task takes (GLOCAL_TASK_TIMEOUT_MINUTES) is taken as abandoned and made READY again.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult


def abandoned_tasks(now: datetime.datetime | None = None):
    limit = datetime.timedelta(minutes=settings.TASK_TIMEOUT_MINUTES)
    cutoff = (now or timezone.now()) - limit
    return DBTaskResult.objects.running().filter(started_at__lt=cutoff)


def requeue_abandoned_tasks(now: datetime.datetime | None = None) -> int:
    """Make abandoned tasks READY for the next worker; return how many were requeued."""
    return abandoned_tasks(now).update(status=TaskResultStatus.READY, started_at=None)
