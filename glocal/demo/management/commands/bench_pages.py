"""Time the list pages of projects, calls, events and the community: ``manage.py bench_pages``.

Runs on a database with the demo loaded. Each page is timed on the demo data, then the data is
grown with ``--towns`` synthetic towns (projects, indicators, applications, registrations,
threads, posts, solidarity posts, updates) inside a transaction that is rolled back, and timed
again. Prints one JSON line per page and a summary as the last line; a page whose query count
grows with the data is reported as ``"constant_queries": false``.
"""

import json
import statistics
import time
from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from tqdm import tqdm

from glocal.calls.models import Application, ApplicationStatus, Assignment, Call, Score
from glocal.cooperation.models import Post as SolidarityPost
from glocal.events.models import Event, Registration
from glocal.members.models import Membership, Municipality, User
from glocal.network.models import Post, Thread, Update
from glocal.projects.models import Indicator, Measurement, Milestone, Project, Prototype
from glocal.reference.models import Country

HUB_CALL, CONFERENCE = "local4action-hubs-2026", "mayors-conference-vienna"
PAGES = [
    "/prototypes/", "/projects/", "/dashboard/", "/calls/", f"/calls/{HUB_CALL}/review/",
    "/events/", f"/events/{CONFERENCE}/participants/", "/groups/", "/exchange/",
    "/statements/", "/updates/", "/collaborations/", "/solidarity/", "/solidarity/unmet/",
    "/experts/", "/", "/notifications/",
]  # fmt: skip


class Command(BaseCommand):
    help = "Measure list pages on the demo data and on a grown copy (rolled back afterwards)."

    def add_arguments(self, parser):
        parser.add_argument("--towns", type=int, default=300, help="synthetic towns to add")
        parser.add_argument("--requests", type=int, default=20, help="requests per page")

    def handle(self, *args, towns: int, requests: int, **options):
        secretariat = User.objects.filter(email="secretariat@glocal.demo").first()
        if secretariat is None or not Event.objects.filter(slug=CONFERENCE).exists():
            raise CommandError("Load the demo first: manage.py load_demo")
        client = Client()
        client.force_login(secretariat)
        before = {page: measure(client, page, requests) for page in tqdm(PAGES, disable=None)}
        with transaction.atomic():
            grow(towns)
            counts = {"projects": Project.objects.count(), "posts": Post.objects.count(),
                      "registrations": Registration.objects.count()}  # fmt: skip
            after = {page: measure(client, page, requests) for page in tqdm(PAGES, disable=None)}
            transaction.set_rollback(True)
        for page in PAGES:
            same = before[page]["queries"] == after[page]["queries"]
            row = {"page": page, "demo": before[page], "grown": after[page],
                   "constant_queries": same}  # fmt: skip
            self.stdout.write(json.dumps(row))
        summary = {
            "database": connection.vendor,
            "towns_added": towns,
            **counts,
            "worst_p95_ms": max(row["p95_ms"] for row in after.values()),
            "all_constant": all(before[p]["queries"] == after[p]["queries"] for p in PAGES),
        }
        self.stdout.write(json.dumps(summary))


def measure(client: Client, page: str, requests: int) -> dict:
    timings, queries = [], set()
    for _ in range(requests):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(page)
            timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise CommandError(f"{page} answered {response.status_code}")
        queries.add(len(captured))
    timings.sort()
    return {
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 1),
        "queries": sorted(queries),
    }


def grow(count: int) -> None:
    """Add ``count`` towns, each with a representative and a share of every kind of record."""
    countries = list(Country.objects.filter(iso__in=["IT", "AT", "LB", "XK", "GR", "JO"]))
    towns = Municipality.objects.bulk_create([
        Municipality(name=f"Bench town {i}", slug=f"bench-town-{i}", is_member=True,
                     country=countries[i % len(countries)], population=5_000 + i)
        for i in range(count)
    ])  # fmt: skip
    people = User.objects.bulk_create([User(email=f"bench{i}@bench.test") for i in range(count)])
    pairs = list(zip(towns, people, strict=True))
    Membership.objects.bulk_create(
        [Membership(user=u, municipality=t, position="Officer") for t, u in pairs]
    )
    grow_projects(pairs)
    grow_calls(pairs)
    grow_events(pairs)
    grow_community(pairs)


def grow_projects(pairs: list[tuple[Municipality, User]]) -> None:
    prototype = Prototype.objects.first()
    projects = Project.objects.bulk_create([
        Project(municipality=t, title=f"Bench project {t.pk}-{n}", created_by=u,
                prototype=prototype, status=("planning", "implementing", "completed")[n % 3],
                visibility="network", start_date=date(2026, 1, 1), end_date=date(2027, 12, 31))
        for t, u in pairs for n in range(3)
    ])  # fmt: skip
    indicators = Indicator.objects.bulk_create([
        Indicator(project=p, name="Volunteers", unit="people", baseline=0, target=100,
                  target_date=date(2027, 12, 31))
        for p in projects
    ])  # fmt: skip
    Measurement.objects.bulk_create([
        Measurement(indicator=i, measured_on=date(2026, m, 1), value=10 * m)
        for i in indicators for m in (3, 6)
    ])  # fmt: skip
    Milestone.objects.bulk_create([
        Milestone(project=p, title=f"Step {n}", due_date=date(2026, 2 + 3 * n, 1))
        for p in projects for n in range(3)
    ])  # fmt: skip


def grow_calls(pairs: list[tuple[Municipality, User]]) -> None:
    call = Call.objects.get(slug=HUB_CALL)
    reviewer = User.objects.get(email="reviewer@glocal.demo")
    applications = Application.objects.bulk_create([
        Application(call=call, municipality=t, created_by=u, title=f"HUB of {t.name}",
                    status=ApplicationStatus.SUBMITTED, submitted_at=call.closes_at, answers={})
        for t, u in pairs
    ])  # fmt: skip
    assignments = Assignment.objects.bulk_create(
        [Assignment(application=a, reviewer=reviewer) for a in applications]
    )
    criteria = list(call.criteria.all())
    Score.objects.bulk_create([
        Score(assignment=a, criterion=c, value=(a.pk + c.pk) % 5 + 1)
        for a in assignments for c in criteria
    ])  # fmt: skip


def grow_events(pairs: list[tuple[Municipality, User]]) -> None:
    event = Event.objects.get(slug=CONFERENCE)
    Registration.objects.bulk_create([
        Registration(event=event, user=u, municipality=t, role="staff",
                     status=Registration.Status.WAITLISTED, answers={})
        for t, u in pairs
    ])  # fmt: skip


def grow_community(pairs: list[tuple[Municipality, User]]) -> None:
    now = timezone.now()
    threads = Thread.objects.bulk_create([
        Thread(title=f"Question from {t.name}", author=u, last_post_at=now)
        for t, u in pairs
    ])  # fmt: skip
    Post.objects.bulk_create([
        Post(thread=th, author=u, body=f"<p>Message {n}</p>")
        for th, (_t, u) in zip(threads, pairs, strict=True) for n in range(4)
    ])  # fmt: skip
    SolidarityPost.objects.bulk_create([
        SolidarityPost(municipality=t, created_by=u, kind=("need", "offer")[t.pk % 2],
                       category="equipment", title=f"Generators for {t.name}",
                       description="Two generators for the school.", urgency=2)
        for t, u in pairs
    ])  # fmt: skip
    towns = [t for t, _u in pairs]
    project_ids = Project.objects.filter(municipality__in=towns).values_list("pk", flat=True)
    Update.objects.bulk_create([
        Update(project_id=pk, title="News", body="<p>Going well.</p>",
               created_at=now - timedelta(days=pk % 30))
        for pk in project_ids[: len(towns)]
    ])  # fmt: skip
