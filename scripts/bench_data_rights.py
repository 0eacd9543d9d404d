"""Download and close every demo account, and look for what is left of them.

    .venv/bin/python scripts/bench_data_rights.py

Builds a throw-away test database with the demo, times "Download my data" (the zip) and
"Close my account" for each demo person, then searches every text field of every model
for their e-mail addresses and names. Prints one JSON line; ``found`` must be empty.
"""

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glocal.settings")

TEXT_FIELDS = ("CharField", "TextField", "EmailField", "JSONField", "SlugField", "URLField")


def places_naming(needles: list[str]) -> list[str]:
    from django.apps import apps

    found = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not field.concrete or field.get_internal_type() not in TEXT_FIELDS:
                continue
            for needle in needles:
                if model._default_manager.filter(**{f"{field.name}__icontains": needle}).exists():
                    found.append(f"{model._meta.label}.{field.name} ~ {needle}")
    return found


def measure() -> dict:
    from glocal.members.models import User
    from glocal.members.personal_data import data_zip
    from glocal.members.services import close_account

    people = list(User.objects.filter(is_active=True).order_by("email"))
    needles = sorted({text for u in people for text in (u.email, u.full_name) if len(text) > 3})
    started = time.perf_counter()
    sizes = [len(data_zip(person)) for person in people]
    zipped = time.perf_counter() - started
    staff = User(is_staff=True, is_active=True)
    started = time.perf_counter()
    for person in people:
        close_account(user=person, closed_by=staff)
    closed = time.perf_counter() - started
    return {"people": len(people), "zip_ms_each": round(1000 * zipped / len(people), 1),
            "zip_bytes_max": max(sizes), "close_ms_each": round(1000 * closed / len(people), 1),
            "found": places_naming(needles)}  # fmt: skip


def main() -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_demo", verbosity=0)
        result = measure()
    finally:
        connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
