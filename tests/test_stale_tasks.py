"""A worker killed mid-task: the task is reported, requeued and finished by the next worker."""

import datetime
import json
import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from glocal.lib.stale_tasks import HOST, requeue_abandoned_tasks
from glocal.practices.models import PracticeVector
from glocal.practices.tasks import embed_practice
from glocal.practices.tests.conftest import make_practice


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def reference_rows(db):
    """Countries and the rest: a transactional test before this one may have emptied them."""
    from glocal.reference.loading import load_reference_data
    from glocal.reference.models import Country, Sdg, Theme

    load_reference_data(Country, Sdg, Theme)


@pytest.fixture
def abandoned(database_tasks, reference_rows, town) -> DBTaskResult:
    practice = make_practice("Caring for Parks", municipality=town)
    embed_practice.enqueue(practice.pk)
    result = DBTaskResult.objects.get()
    result.claim("worker-that-died")
    DBTaskResult.objects.filter(pk=result.pk).update(
        started_at=timezone.now() - datetime.timedelta(minutes=30)
    )
    return result


def test_health_check_reports_a_task_abandoned_by_a_dead_worker(client, abandoned):
    body = client.get("/healthz").json()
    assert (body["status"], body["tasks"]) == ("degraded", {"abandoned": 1})


def test_a_task_running_for_less_than_the_timeout_is_left_alone(database_tasks, town, capsys):
    embed_practice.enqueue(make_practice("Caring for Parks", municipality=town).pk)
    DBTaskResult.objects.get().claim("busy-worker")
    call_command("requeue_stale_tasks")
    assert json.loads(capsys.readouterr().out) == {"requeued": 0}
    assert DBTaskResult.objects.get().status == "RUNNING"


@pytest.mark.django_db(transaction=True)  # the worker closes its connection when it stops
def test_the_next_worker_finishes_an_abandoned_task(client, abandoned, capsys):
    call_command("requeue_stale_tasks")
    assert json.loads(capsys.readouterr().out) == {"requeued": 1}
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    finished = DBTaskResult.objects.get()
    assert finished.status == "SUCCESSFUL"
    assert PracticeVector.objects.filter(practice__title="Caring for Parks").count() == 1
    assert client.get("/healthz").json()["tasks"] == {"abandoned": 0}


def gone_worker() -> str:
    """The id a task_worker on this host had, in a process that has since ended."""
    process = subprocess.Popen([sys.executable, "-c", ""])
    process.wait()
    return f"{HOST}:{process.pid}:gone"


def claimed_by(worker_id: str, town) -> DBTaskResult:
    embed_practice.enqueue(make_practice("Caring for Parks", municipality=town).pk)
    result = DBTaskResult.objects.get()
    result.claim(worker_id)
    return result


@pytest.mark.django_db(transaction=True)  # the worker closes its connection when it stops
def test_a_fresh_task_worker_finishes_at_once_the_task_of_a_worker_that_is_gone(
    client, database_tasks, reference_rows, town
):
    claimed_by(gone_worker(), town)  # killed a second ago: far from the timeout
    assert client.get("/healthz").json()["tasks"] == {"abandoned": 1}
    call_command("task_worker", batch=True, no_startup_delay=True, verbosity=0)
    finished = DBTaskResult.objects.get()
    assert (finished.status, len(finished.worker_ids)) == ("SUCCESSFUL", 2)
    assert finished.worker_ids[1].startswith(f"{HOST}:{os.getpid()}:")
    assert PracticeVector.objects.filter(practice__title="Caring for Parks").count() == 1


def test_a_task_whose_worker_is_alive_here_is_never_requeued(database_tasks, town):
    claimed_by(f"{HOST}:{os.getpid()}:busy", town)
    later = timezone.now() + datetime.timedelta(days=1)
    assert requeue_abandoned_tasks(later) == 0
    assert DBTaskResult.objects.get().status == "RUNNING"
