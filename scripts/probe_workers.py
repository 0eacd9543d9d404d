"""Two gunicorn workers and the task worker, hurt on purpose: every page keeps answering.

Run from the project root (about five minutes):

    .venv/bin/python scripts/probe_workers.py --port 8311 [--copy db.sqlite3]

In a temporary folder it builds the demo database (migrate, load_places, load_demo, reindex),
then, with production settings (``GLOCAL_DEBUG=0``, no page cache, so every answer is
rendered) and gunicorn's ``gunicorn.conf.py`` (2 workers):

1. spoils stored vectors before the start (truncated, of another dimension, empty, and a
   sentence vector), starts gunicorn, and requests the key pages of each persona (anonymous,
   a Zahlé officer, the secretariat; signed in through the login form) and every URL
   without arguments plus one detail page of each kind; starts ``task_worker`` and waits
   for ``/healthz`` to be clean again;
2. spoils vectors again while everything runs, and does the same;
3. SIGKILLs the task worker while it runs an embedding task (a batch, as an import queues),
   starts a fresh one as ``make serve`` does, and waits for the task to succeed;
4. runs two task workers, SIGKILLs the one running the task, and waits for the other to
   finish it without a restart.

Key pages must answer 200, no URL may answer 5xx. Prints one JSON line; exits 1 on failure.
"""

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
KEY_PAGES = ["/", "/practices/", "/practices/?q=youth+participation", "/practices/{practice}/",
             "/municipalities/", "/municipalities/zahle/", "/events/", "/calls/", "/map/",
             "/api/v1/practices", "/healthz"]  # fmt: skip
MEMBER_PAGES = ["/municipalities/zahle/recommendations/", "/notifications/", "/profile/"]
STAFF_PAGES = ["/dashboard/", "/desk/reviews/", "/practices/review/", "/audit/"]
PERSONAS = {
    "anonymous": ("", KEY_PAGES),  # "/" is the front page; signed in, the person's desk
    "town": ("officer@zahle.glocal.demo", KEY_PAGES + MEMBER_PAGES),
    "secretariat": ("secretariat@glocal.demo", KEY_PAGES + MEMBER_PAGES + STAFF_PAGES),
}
SKIPPED = ("admin/", "accounts/", "api/v1/me/", "i18n/")  # Django's admin, allauth, POST-only
failures: list[str] = []


def say(message: str) -> None:
    print(
        f"[probe_workers {time.strftime('%H:%M:%S', time.gmtime())}] {message}",
        file=sys.stderr,
        flush=True,
    )


def environment(folder: Path) -> dict:
    return os.environ | {
        "DATABASE_URL": f"sqlite:///{folder / 'demo.sqlite3'}", "GLOCAL_DEBUG": "0",
        "GLOCAL_SECRET_KEY": os.environ.get("GLOCAL_SECRET_KEY", "probe-workers-secret-" * 3),
        "GLOCAL_SSL_REDIRECT": "0", "GLOCAL_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "GLOCAL_PAGE_CACHE_SECONDS": "0", "GLOCAL_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),  # this checkout, whatever the venv points to
        "DJANGO_SETTINGS_MODULE": "glocal.settings",
    }  # fmt: skip


def build(env: dict, copy: str) -> float:
    """The demo database as ``make setup`` builds it (or a copy of one built before)."""
    started = time.monotonic()
    commands = ["migrate --noinput -v0", "createcachetable", "load_places", "load_demo", "reindex"]
    if copy:
        with sqlite3.connect(copy) as source, sqlite3.connect(env["DATABASE_URL"][10:]) as target:
            source.backup(target)
        commands = ["migrate --noinput -v0"]
    for command in [*commands, "collectstatic --noinput -v0"]:
        say(f"manage.py {command}")
        subprocess.run([sys.executable, "manage.py", *command.split()], env=env, cwd=ROOT,
                       check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    return round(time.monotonic() - started, 1)


def start(command: list[str], env: dict, log: Path) -> subprocess.Popen:
    with open(log, "a") as output:
        return subprocess.Popen(command, env=env, cwd=ROOT, stdout=output,
                                stderr=subprocess.STDOUT)  # fmt: skip


def task_worker(env: dict, log: Path) -> subprocess.Popen:
    return start([sys.executable, "manage.py", "task_worker", "--no-startup-delay"], env, log)


def spoil(offset: int) -> dict:
    """Damage three practice vectors and one sentence vector; return the practices' slugs."""
    from glocal.lib.embeddings import DIMENSIONS
    from glocal.matching.models import SentenceVector
    from glocal.practices.models import PracticeVector

    damages = {"truncated": lambda data, chunks: (data[:-7], chunks),
               "other_dimension": lambda data, chunks: (
                   np.ones((chunks, 2 * DIMENSIONS), np.float32).tobytes(), chunks),
               "empty": lambda data, chunks: (b"", chunks)}  # fmt: skip
    rows = PracticeVector.objects.filter(practice__status="published").order_by("practice_id")
    spoilt = {}
    for (name, damage), stored in zip(damages.items(), rows[offset : offset + 3], strict=True):
        data, chunks = damage(bytes(stored.data), stored.chunks)
        PracticeVector.objects.filter(pk=stored.pk).update(data=data, chunks=chunks)
        spoilt[name] = stored.practice.slug
    sentence = SentenceVector.objects.order_by("key")[offset : offset + 1]
    if sentence:
        SentenceVector.objects.filter(pk=sentence[0].pk).update(data=sentence[0].data[:-3])
        spoilt["sentence_truncated"] = sentence[0].pk
    return spoilt


def sweep_paths() -> list[str]:
    """Every URL pattern without arguments, and one detail page of each kind of object."""
    from django.apps import apps
    from django.urls import URLResolver, get_resolver

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern)

    paths = {f"/{p}" for p in walk(get_resolver().url_patterns)
             if "<" not in p and "(" not in p and not p.startswith(SKIPPED)}  # fmt: skip
    for model in apps.get_models():
        first = model.objects.order_by("pk").first() if hasattr(model, "get_absolute_url") else None
        if first is not None:
            paths.add(first.get_absolute_url())
    return sorted(paths)


def signed_in(base: str, email: str) -> requests.Session:
    """Signed in through the login form. Production cookies are Secure and this is plain
    HTTP (behind no proxy), so the client sends them back by hand, as a browser would over TLS."""
    from glocal.demo.content import DEMO_PASSWORD

    browser = requests.Session()
    if email:
        token = browser.get(f"{base}/accounts/login/", timeout=60).cookies["csrftoken"]
        answer = browser.post(f"{base}/accounts/login/", timeout=60, allow_redirects=False,
                              cookies={"csrftoken": token},
                              data={"login": email, "password": DEMO_PASSWORD,
                                    "csrfmiddlewaretoken": token})  # fmt: skip
        if answer.status_code != 302 or "sessionid" not in answer.cookies:
            failures.append(f"{email} could not sign in ({answer.status_code})")
        browser.cookies.clear()
        browser.cookies.set("sessionid", answer.cookies.get("sessionid", ""))
    return browser


def check_pages(base: str, round_name: str, practice: str) -> dict:
    """Key pages (200 wanted) and the sweep (no 5xx) for each persona; statuses counted."""
    summary, sweep = {}, sweep_paths()
    for persona, (email, pages) in PERSONAS.items():
        browser, counts = signed_in(base, email), {}
        keyed = [page.format(practice=practice) for page in pages]
        for n, path in enumerate(keyed + sweep):
            key = n < len(keyed)
            status = browser.get(base + path, timeout=120, allow_redirects=False).status_code
            counts[str(status)] = counts.get(str(status), 0) + 1
            if (key and status != 200) or status >= 500:
                failures.append(f"{round_name}: {persona} {path} answered {status}")
        summary[persona] = dict(sorted(counts.items()))
        say(f"{round_name}: {persona} {summary[persona]}")
    return {"requests": sum(sum(c.values()) for c in summary.values()), "statuses": summary}


def health(base: str) -> dict:
    body = requests.get(f"{base}/healthz", timeout=60).json()
    search = body["search"]
    return {"status": body["status"], "abandoned": body["tasks"]["abandoned"],
            "malformed_vectors": search.get("malformed_vectors"),
            "malformed_sentence_vectors": search.get("malformed_sentence_vectors")}  # fmt: skip


def until(condition, what: str, seconds: float = 180) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if condition():
            return round(time.monotonic() - started, 2)
        time.sleep(0.05)
    failures.append(f"{what}: not within {seconds} s")
    return None


def corrupt_round(base: str, name: str, spoilt: dict, then=None) -> dict:
    """Pages while vectors are spoilt; then (``then`` starts the task worker) until clean.
    Seconds count from the damage, or from the worker's start when there was none."""
    since, reported = time.monotonic(), health(base)
    pages = check_pages(base, name, spoilt["truncated"])
    after_pages = health(base)
    if then is not None:
        then()
        since = time.monotonic()
    clean = until(lambda: health(base) | {"abandoned": 0} == {
        "status": "ok", "abandoned": 0, "malformed_vectors": 0, "malformed_sentence_vectors": 0},
        f"{name}: /healthz clean again")  # fmt: skip
    return {
        "spoilt": spoilt,
        "pages": pages,
        "healthz_once_spoilt": reported,
        "healthz_after_pages": after_pages,
        "seconds_until_healthz_clean": clean and round(time.monotonic() - since, 1),
    }


def gunicorn(base: str, env: dict, log: Path) -> subprocess.Popen:
    command = [str(Path(sys.executable).with_name("gunicorn")), "--config", "gunicorn.conf.py",
               "--bind", base.removeprefix("http://")]  # fmt: skip
    server = start(command, env, log)
    until(lambda: up(base), "gunicorn answering", 120)
    return server


def up(base: str) -> bool:
    try:
        return requests.get(f"{base}/healthz", timeout=5).status_code == 200
    except requests.RequestException:
        return False


def running_batch() -> tuple[str, str]:
    """Queue an embedding of every practice (their text marked changed); wait until RUNNING."""
    from django_tasks_db.models import DBTaskResult

    from glocal.practices.models import Practice, PracticeVector
    from glocal.practices.tasks import embed_practice_batch

    PracticeVector.objects.update(text_hash="changed")
    task_id = embed_practice_batch.enqueue(list(Practice.objects.values_list("pk", flat=True))).id
    task = DBTaskResult.objects.filter(pk=task_id)
    until(lambda: task.filter(status="RUNNING").exists(), "the batch RUNNING", 60)
    return task_id, task.get().worker_ids[-1]


def finished(task_id: str) -> bool:
    from django_tasks_db.models import DBTaskResult

    from glocal.practices.models import PracticeVector

    done = DBTaskResult.objects.filter(pk=task_id, status="SUCCESSFUL").exists()
    return done and not PracticeVector.objects.filter(text_hash="changed").exists()


def kill_round(base: str, workers: list[subprocess.Popen], env: dict, log: Path) -> dict:
    """SIGKILL the worker running the batch; when it was the only one, start a fresh one."""
    from django_tasks_db.models import DBTaskResult

    task_id, worker_id = running_batch()
    victim = next(w for w in workers if f":{w.pid}:" in worker_id)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    killed_at = time.monotonic()
    workers.remove(victim)
    reported = health(base)
    restarted = not workers
    if restarted:  # as `make serve` starts it again
        workers.append(task_worker(env, log))
    task = DBTaskResult.objects.filter(pk=task_id)
    left = task.get().status
    claimed = until(lambda: len(task.get().worker_ids) > 1, "the killed worker's task claimed")
    done = until(lambda: finished(task_id), "the killed worker's task finished")
    return {"status_after_kill": left, "healthz_after_kill": reported,
            "fresh_worker_started": restarted, "seconds_from_kill_to_new_claim": claimed,
            "seconds_from_kill_to_success": done and round(time.monotonic() - killed_at, 2),
            "task_status": task.get().status, "claims": len(task.get().worker_ids)}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8311)
    parser.add_argument("--copy", default="", help="a demo SQLite database to copy, not build")
    options = parser.parse_args()
    base = f"http://127.0.0.1:{options.port}"
    servers, workers = [], []
    with tempfile.TemporaryDirectory(prefix="probe-workers-") as folder:
        env, log = environment(Path(folder)), Path(folder) / "processes.log"
        result = {
            "gunicorn_workers": 2,
            "built_s": build(env, options.copy),
            "fresh_build": not options.copy,
        }
        os.environ.update(env)
        import django

        django.setup()
        try:
            spoilt = spoil(0)
            servers.append(gunicorn(base, env, log))
            result["before_start"] = corrupt_round(
                base, "before_start", spoilt, lambda: workers.append(task_worker(env, log))
            )
            result["while_running"] = corrupt_round(base, "while_running", spoil(3))
            result["kill_and_restart"] = kill_round(base, workers, env, log)
            workers.append(task_worker(env, log))
            time.sleep(3)  # both workers polling the queue
            result["kill_with_a_peer"] = kill_round(base, workers, env, log)
            result["after"] = {"pages": check_pages(base, "after", spoilt["truncated"]),
                               "healthz": health(base)}  # fmt: skip
        finally:
            for process in servers + workers:
                process.terminate()
                process.wait(timeout=30)
            if failures:
                say("process log tail:\n" + log.read_text()[-3000:])
    result |= {"failures": failures, "all_hold": not failures}
    print(json.dumps(result))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
