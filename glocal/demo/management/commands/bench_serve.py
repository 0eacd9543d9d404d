"""Key pages under gunicorn with production settings, as a user feels them: ``bench_serve``.

For each data size (the demo; then demo plus synthetic practices and towns) the SQLite
database is copied to a temporary file and grown there, gunicorn serves it with
``gunicorn.conf.py`` (2 workers, one BLAS thread each, ``GLOCAL_DEBUG=0``), and each key page
is requested by one client, one request at a time (p50 / p95). At the sizes named in
``--throughput-at``, wrk then loads each page and a bare Django view (``scripts/bare_django.py``,
same gunicorn settings) in alternating runs: the ratio of their requests per second is the
figure that holds on a busy machine. Prints one JSON line per page and size, then a summary.
"""

import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from glocal.demo.growth import grow_practices, signed_in_session
from glocal.events.models import Event
from glocal.members.models import User
from glocal.practices.models import Practice

from .bench_pages import CONFERENCE, HUB_CALL, grow

PAGES = {
    "home": "/",
    "showroom": "/practices/",
    "showroom_facet": "/practices/?theme=participation",
    "search_two_words": "/practices/?q=youth+participation",
    "practice": "/practices/{practice}/",
    "municipalities": "/municipalities/",
    "events": "/events/",
    "event": f"/events/{CONFERENCE}/",
    "calls": "/calls/",
    "dashboard": "/dashboard/",
    "call_ranking": f"/calls/{HUB_CALL}/review/",
    "participants": f"/events/{CONFERENCE}/participants/",
    "api_practices": "/api/v1/practices",
}
STAFF_PAGES = {"dashboard", "call_ranking", "participants"}
SECRET = "bench-serve-production-like-secret-" * 2


class Command(BaseCommand):
    help = "Measure key pages under gunicorn with production settings (JSON lines)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--sizes",
            default="demo,1000:300,20000:3000",
            help="'demo' or PRACTICES:TOWNS added to the demo, comma-separated",
        )
        parser.add_argument("--throughput-at", default="demo", help="sizes also loaded by wrk")
        parser.add_argument("--requests", type=int, default=30, help="one-client requests")
        parser.add_argument("--seconds", type=int, default=3, help="length of one wrk run")
        parser.add_argument("--rounds", type=int, default=2, help="alternating wrk runs")
        parser.add_argument("--connections", type=int, default=4, help="wrk connections")
        parser.add_argument("--port", type=int, default=8191)
        parser.add_argument("--pages", default=",".join(PAGES), help="names of the pages measured")
        parser.add_argument(
            "--keep", default="", help="folder keeping grown databases for later runs"
        )
        parser.add_argument("--prepare", default="", help="internal: grow this database")
        parser.add_argument("--encoder-only", type=int, default=0,
                            help="internal: embed this many queries in this process")  # fmt: skip

    def handle(self, *args, **options):
        if options["encoder_only"]:
            return self.stdout.write(json.dumps(standalone_embedding(options["encoder_only"])))
        if options["prepare"]:
            return self.stdout.write(json.dumps(prepare(*parse_size(options["prepare"]))))
        if connection.vendor != "sqlite" or not Event.objects.filter(slug=CONFERENCE).exists():
            raise CommandError("Run on the SQLite database with the demo loaded (make setup).")
        if options["throughput_at"] and not shutil.which("wrk"):
            raise CommandError("Throughput needs wrk (apt-get install wrk); or --throughput-at ''")
        env = production_env()
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
                       env=env, cwd=settings.BASE_DIR, check=True)  # fmt: skip
        loaded = set(filter(None, options["throughput_at"].split(",")))
        rows = []
        for size in options["sizes"].split(","):
            for row in measure_size(size, env, options, throughput=size in loaded):
                self.stdout.write(json.dumps(row))  # as measured: a later failure keeps it
                self.stdout.flush()
                rows.append(row)
        self.stdout.write(json.dumps(summary(rows)))


def parse_size(size: str) -> tuple[int, int]:
    if size == "demo":
        return 0, 0
    practices, _, towns = size.partition(":")
    return int(practices), int(towns or 0)


def prepare(practices: int, towns: int) -> dict:
    """Grow the (copied) database and sign the secretariat in; runs in a child process."""
    if towns:
        grow(towns)
    if practices:
        grow_practices(practices)
    staff = User.objects.get(email="secretariat@glocal.demo")
    sample = Practice.objects.published().order_by("-published_at", "title").first()
    return {"session": signed_in_session(staff), "practice": sample.slug,
            "practices": Practice.objects.published().count()}  # fmt: skip


def production_env(**extra: str) -> dict:
    return os.environ | {
        "GLOCAL_DEBUG": "0", "GLOCAL_SECRET_KEY": SECRET, "GLOCAL_SSL_REDIRECT": "0",
        "GLOCAL_ALLOWED_HOSTS": "127.0.0.1,localhost", "GLOCAL_LOG_LEVEL": "WARNING",
        "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "GLOCAL_BENCH_TIMING": "1",
        # The limiter still counts every API request; the limit is set out of wrk's reach.
        "GLOCAL_API_ANONYMOUS_RATE": "100000000/min",
        "GLOCAL_WEB_TIMEOUT": "600",  # the first search builds the index of 20,000 practices
        "PYTHONPATH": str(settings.BASE_DIR),  # this checkout, whatever the venv points to
    } | extra  # fmt: skip


def measure_size(size: str, env: dict, options: dict, *, throughput: bool) -> Iterator[dict]:
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as folder:
        copy = Path(folder) / "bench.sqlite3"
        source, target = (
            sqlite3.connect(settings.DATABASES["default"]["NAME"]),
            sqlite3.connect(copy),
        )
        source.backup(target)
        source.close()
        target.close()
        env = env | {"DATABASE_URL": f"sqlite:///{copy}"}
        info = grown(copy, size, env, Path(options["keep"]) if options["keep"] else None)
        port, bare_port = options["port"], options["port"] + 1
        log = Path(folder) / "gunicorn.log"
        with serving(env, port, "glocal.wsgi:application", log), \
             serving(env, bare_port, "bare_django:application", log):  # fmt: skip
            if "search_two_words" in options["pages"].split(","):
                yield {"size": size, "practices": info["practices"],
                       **embedding_times(port, env, options["requests"])}  # fmt: skip
            for name in options["pages"].split(","):
                url = f"http://127.0.0.1:{port}{PAGES[name].format(practice=info['practice'])}"
                cookie = f"sessionid={info['session']}" if name in STAFF_PAGES else ""
                row = {"size": size, "practices": info["practices"], "page": name,
                       **one_client(url, cookie, options["requests"])}  # fmt: skip
                if throughput:
                    row |= alternating(url, cookie, f"http://127.0.0.1:{bare_port}/", options)
                yield row


def grown(copy: Path, size: str, env: dict, keep: Path | None) -> dict:
    """Grow the copy to ``size``; with ``keep``, reuse (or keep) a grown database there."""
    kept, info = (keep / f"{size}.sqlite3", keep / f"{size}.json") if keep else (None, None)
    if kept and kept.exists() and info.exists():
        shutil.copyfile(kept, copy)
        return json.loads(info.read_text())
    output = subprocess.run(
        [sys.executable, "manage.py", "bench_serve", "--prepare", size],
        env=env, cwd=settings.BASE_DIR, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    result = json.loads(output.strip().splitlines()[-1])
    if kept:
        keep.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(copy) as source, sqlite3.connect(kept) as target:
            source.backup(target)
        info.write_text(json.dumps(result))
    return result


@contextmanager
def serving(env: dict, port: int, app: str, log: Path):
    command = [str(Path(sys.executable).with_name("gunicorn")), "--config", "gunicorn.conf.py",
               "--bind", f"127.0.0.1:{port}", "--pythonpath", "scripts", app]  # fmt: skip
    with open(log, "a") as output:
        server = subprocess.Popen(command, env=env, cwd=settings.BASE_DIR, stdout=output,
                                  stderr=subprocess.STDOUT)  # fmt: skip
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", server, log)
        yield server
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_until_up(url: str, server: subprocess.Popen, log: Path, seconds: int = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise CommandError(f"gunicorn stopped:\n{log.read_text()[-2000:]}")
        try:
            fetch(url, "")
            return
        except OSError:
            time.sleep(0.3)
    raise CommandError(f"gunicorn did not answer on {url} within {seconds} s")


def fetch(url: str, cookie: str, timeout: float = 60) -> float:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=timeout) as response:
        response.read()
        if response.status != 200:
            raise CommandError(f"{url} answered {response.status}")
    return (time.perf_counter() - started) * 1000


def one_client(url: str, cookie: str, requests: int) -> dict:
    """p50 / p95 of one client; for anonymous pages also of requests the page cache cannot
    answer (an unused ``bench`` parameter differs on each), as a first visitor feels them."""
    joiner = "&" if "?" in url else "?"
    for n in range(6):  # both workers load their search index and templates first, which
        # needs requests the page cache does not answer (20,000 practices: over a minute)
        fetch(url if cookie else f"{url}{joiner}warm={n}", cookie, timeout=600)
    timings = sorted(fetch(url, cookie) for _ in range(requests))
    result = {"p50_ms": round(statistics.median(timings), 1),
              "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 1)}  # fmt: skip
    if not cookie:
        cold = sorted(fetch(f"{url}{joiner}bench={time.time_ns()}", "") for _ in range(requests))
        result |= {"uncached_p50_ms": round(statistics.median(cold), 1),
                   "uncached_p95_ms": round(cold[int(0.95 * (len(cold) - 1))], 1)}  # fmt: skip
    return result


def alternating(url: str, cookie: str, bare: str, options: dict) -> dict:
    """App and bare view loaded in turn; the median of the per-round ratios."""
    ratios, app_rates, bare_rates = [], [], []
    for _ in range(options["rounds"]):
        app_rates.append(wrk(url, cookie, options))
        bare_rates.append(wrk(bare, "", options))
        ratios.append(app_rates[-1] / bare_rates[-1])
    return {"req_s": round(statistics.median(app_rates), 1),
            "bare_req_s": round(statistics.median(bare_rates), 1),
            "ratio": round(statistics.median(ratios), 3)}  # fmt: skip


def wrk(url: str, cookie: str, options: dict) -> float:
    command = ["wrk", "-t1", f"-c{options['connections']}", f"-d{options['seconds']}s", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in output:
        raise CommandError(f"{url} answered errors under load:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def queries(count: int) -> list[str]:
    """Different queries, so that nothing (no page, no remembered vector) spares the encoder."""
    return [f"youth participation {n} {time.time_ns()}" for n in range(count)]


def standalone_embedding(count: int) -> dict:
    """The encoder alone in a process like a worker (same env): p50 of ``count`` queries."""
    from glocal.lib.embeddings import embed_query, get_encoder, query_embedding_ms

    encoder = get_encoder()
    timings = []
    for text in queries(6) + queries(count):
        embed_query(encoder, text)
        timings.append(query_embedding_ms.get())
    return {"p50_ms": round(statistics.median(timings[6:]), 2)}


def embedding_times(port: int, env: dict, count: int) -> dict:
    """A query's embedding time inside a serving worker (the benchmark's header) beside the
    standalone encoder's, measured right after in a process with the same settings."""
    inside = []
    for text in queries(6) + queries(count):
        url = f"http://127.0.0.1:{port}/practices/?" + urllib.parse.urlencode({"q": text})
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
            inside.append(float(response.headers["X-Glocal-Embed-Ms"]))
    alone = subprocess.run([sys.executable, "manage.py", "bench_serve", "--encoder-only",
                            str(count)], env=env, cwd=settings.BASE_DIR, check=True,
                           capture_output=True, text=True)  # fmt: skip
    standalone = json.loads(alone.stdout.strip().splitlines()[-1])["p50_ms"]
    worker = round(statistics.median(inside[6:]), 2)
    return {"page": "query_embedding", "worker_p50_ms": worker, "standalone_p50_ms": standalone,
            "worker_over_standalone": round(worker / standalone, 2),
            "within_1_5x": worker <= 1.5 * standalone}  # fmt: skip


def summary(rows: list[dict]) -> dict:
    embedding = [r["within_1_5x"] for r in rows if r["page"] == "query_embedding"]
    rows = [r for r in rows if r["page"] != "query_embedding"]
    loaded = [r for r in rows if "ratio" in r]
    return {
        "database": "sqlite", "gunicorn_workers": 2, "cpus": os.cpu_count(),
        "worst_ratio": min((r["ratio"] for r in loaded), default=None),
        "embedding_within_1_5x": all(embedding) if embedding else None,
        "worst_p95_ms": {size: max(r["p95_ms"] for r in rows if r["size"] == size)
                         for size in dict.fromkeys(r["size"] for r in rows)},
    }  # fmt: skip
