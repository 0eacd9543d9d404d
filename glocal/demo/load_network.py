"""Demo content of the network app, loaded by `load_demo` after the practices (idempotent).

Rows are found by a natural key (group and statement slugs, thread and update titles) and
only created when missing; nothing is e-mailed while loading.
"""

from datetime import timedelta
from typing import TextIO

from django.utils import timezone

from glocal.lib.html import clean_html
from glocal.members.models import Municipality, User
from glocal.network.models import (
    DigestPreference,
    GroupMembership,
    Post,
    Signatory,
    Signature,
    Statement,
    StatementVersion,
    Thread,
    Update,
    WorkingGroup,
)
from glocal.network.services import find_mentions
from glocal.practices.models import Practice
from glocal.projects.models import Project
from glocal.reference.models import Theme

from .content_network import DIGESTS, GROUPS, SECRETARIAT, STATEMENTS, THREADS, UPDATES


def users_by_email() -> dict[str, User]:
    return {u.email: u for u in User.objects.filter(email__endswith="glocal.demo")}


def load_groups(people: dict[str, User]) -> int:
    """Fill the six groups (a migration creates them) while nobody has joined them yet."""
    filled = 0
    for data in GROUPS:
        group, is_new = WorkingGroup.objects.get_or_create(slug=data["slug"], defaults={
            "name": data["name"], "summary": data["summary"],
            "description": data["description"], "created_by": people.get(SECRETARIAT),
        })  # fmt: skip
        if not is_new and group.memberships.exists():
            continue
        filled += 1
        if not group.description:
            group.description = data["description"]
            group.save(update_fields=["description"])
        if not group.themes.exists():
            group.themes.set(Theme.objects.filter(slug__in=data["themes"]))
        if not group.practices.exists():
            group.practices.set(Practice.objects.filter(title__in=data["practices"]))
        for email in data["coordinators"] + data["members"]:
            if email in people:
                GroupMembership.objects.get_or_create(
                    group=group, user=people[email],
                    defaults={"is_coordinator": email in data["coordinators"]},
                )  # fmt: skip
    return filled


def load_threads(people: dict[str, User], now) -> int:
    created = 0
    for age, data in enumerate(THREADS):
        group = WorkingGroup.objects.filter(slug=data.get("group", "")).first()
        project = Project.objects.filter(title=data.get("project", "")).first()
        if data.get("project") and project is None:
            continue  # the projects demo is not there: skip its discussion
        started = now - timedelta(days=3 * age + 2)
        thread, is_new = Thread.objects.get_or_create(title=data["title"], defaults={
            "group": group, "project": project, "author": people.get(data["author"]),
            "last_post_at": started,
        })  # fmt: skip
        if not is_new:
            continue
        created += 1
        messages = [(data["author"], data["body"]), *data["replies"]]
        for n, (email, body) in enumerate(messages):
            post = Post.objects.create(thread=thread, author=people.get(email),
                                       body=clean_html(body))  # fmt: skip
            Post.objects.filter(pk=post.pk).update(created_at=started + timedelta(hours=5 * n))
            post.mentions.set(find_mentions(body))
        thread.last_post_at = started + timedelta(hours=5 * (len(messages) - 1))
        thread.save(update_fields=["last_post_at"])
        for email in {data["author"], *data["followers"]}:
            if email in people:
                thread.follows.get_or_create(user=people[email])
    return created


def load_statement(data: dict, people: dict[str, User], now) -> bool:
    towns = {t.slug: t for t in Municipality.objects.filter(slug__in=data["drafted_by"])}
    if not towns:
        return False
    for slug, email, title in data["signatories"]:
        town = Municipality.objects.filter(slug=slug).first()
        if town and email in people:
            Signatory.objects.get_or_create(municipality=town, user=people[email], defaults={
                "title": title, "granted_by": people.get(SECRETARIAT),
            })  # fmt: skip
    author = people.get(f"officer@{data['drafted_by'][0]}.glocal.demo")
    statement, is_new = Statement.objects.get_or_create(slug=data["slug"], defaults={
        "title": data["title"], "addressees": data["addressees"], "status": data["status"],
        "created_by": author, "current_number": len(data["versions"]),
    })  # fmt: skip
    if not is_new:
        return False
    statement.drafted_by.set(towns.values())
    versions = {}
    for number, (text, note) in enumerate(data["versions"], start=1):
        versions[number] = StatementVersion.objects.create(
            statement=statement, number=number, text=clean_html(text), note=note,
            created_by=author,
        )  # fmt: skip
    for age, (slug, number) in enumerate(data["signatures"]):
        grant = Signatory.objects.filter(municipality__slug=slug).first()
        if grant:
            Signature.objects.create(
                statement=statement, municipality=grant.municipality, version=versions[number],
                signed_by=grant.user, signed_at=now - timedelta(days=10 - age),
            )  # fmt: skip
    return True


def load_updates(people: dict[str, User], now) -> int:
    created = 0
    for data in UPDATES:
        project = Project.objects.filter(title=data["project"]).first()
        if project is None:
            continue
        update, is_new = Update.objects.get_or_create(project=project, title=data["title"],
                                                      defaults={
            "body": clean_html(data["body"]), "author": people.get(data["author"]),
            "is_story": data["story"],
        })  # fmt: skip
        if is_new:
            created += 1
            when = now - timedelta(days=data["days_ago"])
            Update.objects.filter(pk=update.pk).update(
                created_at=when, updated_at=when, featured_at=when if data["story"] else None
            )
    return created


def load(*, stdout: TextIO) -> None:
    """Create what is missing; never overwrite what people changed in the demo."""
    people = users_by_email()
    now = timezone.now()
    groups = load_groups(people)
    threads = load_threads(people, now)
    statements = sum(load_statement(data, people, now) for data in STATEMENTS)
    updates = load_updates(people, now)
    for email, frequency in DIGESTS:
        if email in people:
            DigestPreference.objects.get_or_create(
                user=people[email], defaults={"frequency": frequency, "last_sent_at": now}
            )
    stdout.write(f"Network: {groups} working groups filled, {threads} threads, {statements} "
                 f"statements, {updates} updates created.\n")  # fmt: skip
