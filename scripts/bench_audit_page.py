"""Time /audit/ on 20,000 entries in a throw-away database (figures in docs/benchmarks.md).

export DATABASE_URL=sqlite:////tmp/audit_bench.sqlite3
python manage.py migrate
python manage.py shell -c "exec(open('scripts/bench_audit_page.py').read())"
"""

import json
import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from glocal.audit.models import AuditEntry
from glocal.members.models import Municipality, User
from glocal.reference.models import Country

staff = User.objects.create_user("bench@network.test", "x", is_staff=True)
country = Country.objects.first()
towns = [Municipality.objects.create(name=f"Town {i}", slug=f"town-{i}", country=country)
         for i in range(50)]  # fmt: skip
AuditEntry.objects.bulk_create(
    AuditEntry(actor=staff, town=towns[i % 50], action="municipality.profile_edited",
               object_repr=f"Town {i % 50}", changes={"population": [i, i + 1]},
               source="page members:municipality_edit /x/")
    for i in range(20_000)
)  # fmt: skip
client = Client()
client.force_login(staff)
PAGES = [
    ("all", "/audit/"),
    ("page 200", "/audit/?page=200"),
    ("town filter", f"/audit/?town={towns[3].pk}"),
    ("person filter", "/audit/?person=bench"),
]
out = {}
for name, url in PAGES:
    client.get(url)
    times = []
    for _ in range(5):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
        assert response.status_code == 200
    out[name] = {"median_ms": round(1000 * statistics.median(times), 1), "queries": len(queries)}
print(json.dumps({"entries": AuditEntry.objects.count(), "pages": out}))
