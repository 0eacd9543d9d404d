"""Time the showroom in French over Arabic practices, untranslated and fully translated.

    OMP_NUM_THREADS=1 .venv/bin/python scripts/bench_translations.py [--practices 25] [--runs 30]

Builds a throw-away test database, prints one JSON line: queries and p50/p95 per case.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glocal.settings")


def measure(client, runs: int) -> dict:
    from django.db import connection

    client.get("/practices/", HTTP_ACCEPT_LANGUAGE="fr")  # warm the process's caches
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get("/practices/", HTTP_ACCEPT_LANGUAGE="fr")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get("/practices/", HTTP_ACCEPT_LANGUAGE="fr")
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    cuts = statistics.quantiles(times, n=20)
    return {"queries": len(queries), "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(cuts[18], 1)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--practices", type=int, default=25)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.utils import timezone

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    from glocal.practices.models import Practice, Status
    from glocal.reference.loading import load_reference_data
    from glocal.reference.models import Country, Sdg, Theme
    from glocal.translations.models import Translation, TranslationStatus

    load_reference_data(Country, Sdg, Theme)
    now, lebanon = timezone.now(), Country.objects.get(iso="LB")
    practices = [
        Practice.objects.create(
            title=f"حديقة رقم {n}",
            slug=f"garden-{n}",
            summary="يعتني السكان بالحدائق. " * 8,
            language="ar",
            country=lebanon,
            status=Status.PUBLISHED,
            published_at=now,
        )  # fmt: skip
        for n in range(args.practices)
    ]
    client = Client()
    result = {"practices": args.practices, "runs": args.runs, "database": connection.vendor,
              "untranslated": measure(client, args.runs)}  # fmt: skip
    Translation.objects.bulk_create(
        Translation(
            content_object=p,
            field=field,
            language="fr",
            text=f"{field} {p.pk}",
            status=TranslationStatus.REVIEWED,
            translated_at=now,
        )  # fmt: skip
        for p in practices
        for field in Practice.TRANSLATABLE_FIELDS
    )
    result["translated"] = measure(client, args.runs)
    connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
