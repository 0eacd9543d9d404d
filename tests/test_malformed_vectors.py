"""A malformed stored vector (truncated, of another dimension, empty) breaks no page: the
index skips it, says so on ``/healthz`` and queues the practice to be embedded again."""

import numpy as np
import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from glocal.lib.embeddings import DIMENSIONS
from glocal.matching import passages
from glocal.matching.models import SentenceVector
from glocal.members.models import Need
from glocal.practices.engine import embed_practices, engine
from glocal.practices.models import PracticeVector, vector_rows
from glocal.practices.tests.conftest import make_practice


def truncated(data: bytes, chunks: int) -> tuple[bytes, int]:
    return data[:-7], chunks


def other_dimension(data: bytes, chunks: int) -> tuple[bytes, int]:
    return np.ones((chunks, 2 * DIMENSIONS), dtype=np.float32).tobytes(), chunks


def empty(data: bytes, chunks: int) -> tuple[bytes, int]:
    return b"", chunks


MALFORMED = [truncated, other_dimension, empty]


@pytest.fixture
def database_tasks(settings):
    """Tasks wait in the database for a worker, as in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def reference_rows(db):
    """Countries and the rest: a transactional test before this one may have emptied them."""
    from glocal.reference.loading import load_reference_data
    from glocal.reference.models import Country, Sdg, Theme

    load_reference_data(Country, Sdg, Theme)


@pytest.fixture
def volunteers(reference_rows, town, other_town, database_tasks):
    """Zahlé needs youth volunteering; Spilamberto's two practices are embedded."""
    Need.objects.create(municipality=other_town, rank=1,
                        text="Young people want to volunteer for the town")  # fmt: skip
    practice = make_practice("Active Citizens", municipality=town, themes=["civic-engagement"],
                             summary="Residents volunteer to care for parks.")  # fmt: skip
    make_practice("Harbour Dredging", municipality=town, summary="Deepening the port.")
    embed_practices()
    engine.forget()
    passages.cache.clear()
    return practice


def spoil(practice, damage) -> None:
    stored = PracticeVector.objects.get(practice=practice)
    data, chunks = damage(bytes(stored.data), stored.chunks)
    PracticeVector.objects.filter(pk=stored.pk).update(data=data, chunks=chunks)
    engine.forget()  # a fresh process reads it on its first search


def health(client) -> tuple[int, str, int, int]:
    response = client.get("/healthz")
    body = response.json()
    search = body["search"]
    return (response.status_code, body["status"], search["malformed_vectors"],
            search["malformed_sentence_vectors"])  # fmt: skip


PAGES = ["/", "/municipalities/zahle/recommendations/", "/practices/?q=volunteer",
         "/practices/active-citizens/"]  # fmt: skip


def answers(client) -> dict[str, int]:
    return {path: client.get(path).status_code for path in PAGES}


def titles(response) -> list[str]:
    return [item.practice.title for item in response.context["items"]]


@pytest.mark.parametrize("damage", MALFORMED)
def test_every_page_answers_while_a_practice_vector_is_malformed(
    client, other_member, volunteers, damage, caplog
):
    spoil(volunteers, damage)
    client.force_login(other_member)
    assert answers(client) == dict.fromkeys(PAGES, 200)
    showroom = client.get("/practices/", {"q": "volunteer"})
    assert showroom.context["page"].object_list[0].title == "Active Citizens"  # by its words
    assert "Active Citizens" in titles(client.get("/municipalities/zahle/recommendations/"))
    assert health(client) == (200, "degraded", 1, 0)
    skipped = [r.getMessage() for r in caplog.records if "malformed" in r.getMessage()]
    assert skipped[0] == (
        f"search index: skipped 1 malformed stored vectors (practices {volunteers.pk})"
    )


@pytest.mark.parametrize("damage", MALFORMED)
def test_a_malformed_practice_vector_is_queued_once_to_be_embedded_again(
    client, volunteers, damage
):
    spoil(volunteers, damage)
    client.get("/practices/", {"q": "volunteer"})
    client.get("/practices/", {"q": "parks"})
    [task] = DBTaskResult.objects.all()
    assert (task.task_path, task.args_kwargs["args"], task.status) == (
        "glocal.practices.tasks.embed_practice_batch", [[volunteers.pk]], "READY",
    )  # fmt: skip


@pytest.mark.django_db(transaction=True)  # the worker closes its connection when it stops
@pytest.mark.parametrize("damage", MALFORMED)
def test_the_worker_embeds_a_malformed_vector_again_and_health_is_clean(client, volunteers, damage):
    spoil(volunteers, damage)
    client.get("/practices/", {"q": "volunteer"})
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    stored = PracticeVector.objects.get(practice=volunteers)
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert vector_rows(bytes(stored.data), stored.chunks).shape == (stored.chunks, DIMENSIONS)
    assert health(client) == (200, "ok", 0, 0)
    client.get("/practices/", {"q": "volunteer"})
    assert engine.snapshot().malformed == frozenset()


@pytest.mark.django_db(transaction=True)  # the worker closes its connection when it stops
@pytest.mark.parametrize("damage", MALFORMED)
def test_the_task_worker_repairs_a_vector_spoilt_under_a_running_index(client, volunteers, damage):
    client.get("/practices/", {"q": "volunteer"})  # the index holds the good vector
    stored = PracticeVector.objects.get(practice=volunteers)
    data, chunks = damage(bytes(stored.data), stored.chunks)
    PracticeVector.objects.filter(pk=stored.pk).update(data=data, chunks=chunks)
    assert health(client) == (200, "degraded", 1, 0)
    call_command("task_worker", batch=True, no_startup_delay=True, verbosity=0)
    [task] = DBTaskResult.objects.all()
    assert (task.task_path, task.args_kwargs["args"], task.status) == (
        "glocal.practices.tasks.embed_practice_batch", [[volunteers.pk]], "SUCCESSFUL",
    )  # fmt: skip
    assert health(client) == (200, "ok", 0, 0)


@pytest.mark.parametrize("damage", MALFORMED)
def test_a_malformed_sentence_vector_is_reported_then_computed_again(
    client, other_member, volunteers, damage
):
    client.force_login(other_member)
    first = client.get("/municipalities/zahle/recommendations/").context["items"][0]
    key = passages.cache_key(f"passage: Active Citizens. {first.match.passage}")
    data, _ = damage(bytes(SentenceVector.objects.get(key=key).data), 1)
    SentenceVector.objects.filter(key=key).update(data=data)
    passages.cache.clear()  # a fresh process reads it from the database
    assert health(client) == (200, "degraded", 0, 1)
    again = client.get("/municipalities/zahle/recommendations/")
    assert again.status_code == 200
    assert again.context["items"][0].match.passage == first.match.passage
    assert len(SentenceVector.objects.get(key=key).data) == DIMENSIONS * 4
    assert health(client) == (200, "ok", 0, 0)


@pytest.mark.django_db(transaction=True)  # the worker closes its connection when it stops
def test_the_task_worker_drops_a_malformed_sentence_vector_a_process_still_holds(
    client, volunteers, other_member
):
    client.force_login(other_member)
    first = client.get("/municipalities/zahle/recommendations/").context["items"][0]
    key = passages.cache_key(f"passage: Active Citizens. {first.match.passage}")
    SentenceVector.objects.filter(key=key).update(data=b"")  # this process keeps its copy
    assert health(client) == (200, "degraded", 0, 1)
    call_command("task_worker", batch=True, no_startup_delay=True, verbosity=0)
    assert (SentenceVector.objects.filter(key=key).exists(), health(client)) == (
        False, (200, "ok", 0, 0),
    )  # fmt: skip
