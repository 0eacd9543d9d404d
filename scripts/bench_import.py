"""How fast ``import_practices`` reads and writes a large CSV, in a throw-away SQLite database.

    .venv/bin/python scripts/bench_import.py --rows 20000

Writes a synthetic file in our CSV format (about 2.5 KB a row, so 20,000 rows ≈ 50 MB), imports
it once (every row new) and once more (every row unchanged), without embedding (the task worker
embeds later), and prints one JSON line: rows, megabytes, seconds and rows per second.
"""

import argparse
import csv
import io
import json
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORDS = (
    "residents town council youth waste repair energy school library budget participatory "
    "neighbourhood volunteers water transport mayor citizens climate heat trees market"
).split()
THEMES = ["waste-circular", "children-youth", "participation", "environment-climate"]
COUNTRIES = ["IT", "LB", "AT", "GR", "XK", "JO", "FR", "DE"]


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def write_csv(path: Path, rows: int) -> None:
    rng = random.Random(7)
    header = ["source_id", "title", "summary", "approach", "results", "country", "themes",
              "sdgs", "start_year", "status"]  # fmt: skip
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for n in range(rows):
            writer.writerow([
                f"bench-{n}", f"{sentence(rng, 5)[:-1]} {n}", sentence(rng, 40),
                "<p>" + " ".join(sentence(rng, 12) for _ in range(18)) + "</p>",
                " ".join(sentence(rng, 12) for _ in range(6)), rng.choice(COUNTRIES),
                ";".join(rng.sample(THEMES, 2)), f"{rng.randint(1, 17)};11",
                str(rng.randint(2000, 2025)), "published",
            ])  # fmt: skip


def timed_import(path: Path) -> dict:
    """Wall and CPU seconds of one ``import_practices`` run in this process, and its summary."""
    from django.core.management import call_command

    out = io.StringIO()
    wall, cpu = time.perf_counter(), time.process_time()
    call_command("import_practices", str(path), embed_later=True, stdout=out, stderr=io.StringIO())
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
            "summary": json.loads(out.getvalue().strip().splitlines()[-1])}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    rows = parser.parse_args().rows
    with tempfile.TemporaryDirectory(prefix="glocal-import-") as folder:
        os.environ.update({"DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
                           "DJANGO_SETTINGS_MODULE": "glocal.settings"})  # fmt: skip
        sys.path.insert(0, str(ROOT))
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        call_command("load_places", stdout=io.StringIO())
        path = Path(folder) / "practices.csv"
        write_csv(path, rows)
        megabytes = round(path.stat().st_size / 1e6, 1)
        first, again = timed_import(path), timed_import(path)
    per_second = {f"{name}_rows_per_s": {"wall": round(rows / run["wall_s"]),
                                         "cpu": round(rows / run["cpu_s"])}
                  for name, run in (("first", first), ("again", again))}  # fmt: skip
    load = os.getloadavg()[0]
    print(json.dumps({"rows": rows, "megabytes": megabytes, "load_average": round(load, 1),
                      **per_second, "first": first, "again": again}))  # fmt: skip


if __name__ == "__main__":
    main()
