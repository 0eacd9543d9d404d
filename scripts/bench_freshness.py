"""How soon two gunicorn workers find a practice just published, and forget one archived.

Run from the project root against a database with the demo loaded (``make setup``):

    .venv/bin/python scripts/bench_freshness.py --port 8101

Starts gunicorn with two workers, warms both, then publishes a practice through the
service (as the review page does) and polls the showroom until ten answers in a row list
it; then archives it and polls until ten in a row do not. Prints one JSON line: seconds
to the first and to the tenth consecutive answer, and each worker's RSS with the model
and the demo index loaded. Nothing is left behind: the practice is deleted at the end.
"""

import argparse
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glocal.settings")
WORD = f"zyxquartet{os.getpid()}"  # a word no practice contains


def listed(port: int, slug: str) -> bool:
    """Whether the showroom's results link to the practice (the query itself is echoed)."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/practices/?q={WORD}", timeout=90) as r:
        return f"/practices/{slug}/".encode() in r.read()


def seconds_until(port: int, slug: str, wanted: bool, streak: int = 10) -> dict:
    """Seconds until the first answer as wanted, and until the start of ten in a row."""
    started, first, since = time.perf_counter(), None, None
    run = 0
    while time.perf_counter() - started < 60:
        asked = time.perf_counter() - started
        if listed(port, slug) == wanted:
            first = asked if first is None else first
            since, run = (asked if run == 0 else since), run + 1
            if run >= streak:
                return {"first_s": round(first, 3), "every_answer_from_s": round(since, 3)}
        else:
            run = 0
    return {"first_s": first, "every_answer_from_s": None}


def worker_rss_mb(master: int) -> list[float]:
    children = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True)
    sizes = []
    for pid in children.stdout.split():
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS"):
                sizes.append(round(int(line.split()[1]) / 1024, 1))
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8101)
    port = parser.parse_args().port
    import django

    django.setup()
    from glocal.members.models import User
    from glocal.practices.models import Practice, Status
    from glocal.practices.services import review_practice, save_practice

    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "glocal.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}"],
        cwd=ROOT, env=os.environ | {"GLOCAL_DEBUG": "1"}, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    practice = None
    try:
        time.sleep(3)
        for _ in range(20):  # both workers load the model and build their index
            listed(port, "-")
        staff = User.objects.filter(is_staff=True).first()
        practice = Practice(title=f"Repair café {WORD}", summary="Neighbours mend things.")
        save_practice(practice=practice, user=staff)
        before = listed(port, practice.slug)
        review_practice(practice=practice, user=staff, decision=Status.PUBLISHED)
        published = seconds_until(port, practice.slug, True)
        review_practice(practice=practice, user=staff, decision=Status.ARCHIVED)
        archived = seconds_until(port, practice.slug, False)
        rss = worker_rss_mb(server.pid)
        print(json.dumps({"workers": 2, "listed_before": before, "published_found": published,
                          "archived_gone": archived, "worker_rss_mb": rss}))  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)
        if practice is not None and practice.pk:
            practice.delete()


if __name__ == "__main__":
    main()
