"""Demo rows that put at least one item of each kind on each demo role's desk (idempotent).

Loaded last by `load_demo`; rows are found by a natural key and only created when missing,
and nothing is e-mailed while loading.
"""

from datetime import timedelta
from typing import TextIO

from django.db.models import Q
from django.utils import timezone

from glocal.calls.models import Application
from glocal.events.models import Event, ParticipantRole, Registration
from glocal.lib import roles
from glocal.members.models import Municipality, User
from glocal.network.models import Post as ExchangePost
from glocal.network.models import Report
from glocal.notifications.models import Notification
from glocal.practices.models import Practice, Revision, Status
from glocal.practices.services import propose_revision, record_revision, snapshot, unique_slug

from . import content_desk as content

Status_ = Registration.Status


def load_practice() -> bool:
    data = content.PRACTICE_SENT_BACK
    if Practice.objects.filter(source_name=content.SOURCE_NAME, source_id=data["source_id"]):
        return False
    town = Municipality.objects.get(slug=data["town"])
    author = User.objects.get(email=data["author"])
    practice = Practice.objects.create(
        title=data["title"], slug=unique_slug(data["title"]), summary=data["summary"],
        municipality=town, country=town.country, created_by=author,
        status=Status.CHANGES_REQUESTED, review_note=data["review_note"],
        source_name=content.SOURCE_NAME, source_id=data["source_id"],
    )  # fmt: skip
    record_revision(practice=practice, action=Revision.Action.CREATED, user=author)
    staff = roles.secretariat_users().order_by("pk").first()
    record_revision(practice=practice, action=Revision.Action.CHANGES_REQUESTED, user=staff,
                    note=data["review_note"])  # fmt: skip
    return True


def load_decision() -> bool:
    data = content.DECIDED_APPLICATION
    undecided = Application.objects.filter(
        call__slug=data["call"], municipality__slug=data["town"], decided_at__isnull=True
    )
    return bool(undecided.update(status=data["status"], feedback=data["feedback"],
                                 decided_at=timezone.now() - timedelta(days=2)))  # fmt: skip


def load_peer_visit() -> bool:
    data = content.PEER_VISIT
    if Event.objects.filter(slug=data["slug"]).exists():
        return False
    start = timezone.now().replace(minute=0, second=0, microsecond=0)
    start += timedelta(days=data["starts_in_days"])
    event = Event.objects.create(
        slug=data["slug"], title=data["title"], summary=data["summary"], kind="workshop",
        mode="online", starts_at=start, ends_at=start + timedelta(hours=2),
        capacity=data["capacity"], requires_approval=True, time_zone="Asia/Beirut",
        registration_closes_at=start - timedelta(days=2), seats_taken=len(data["confirmed"]),
    )  # fmt: skip
    queue = [(e, Status_.CONFIRMED) for e in data["confirmed"]]
    queue += [(e, Status_.WAITLISTED) for e in data["waitlisted"]]
    queue += [(e, Status_.PENDING) for e in data["pending"]]
    now = timezone.now()
    for index, (email, status) in enumerate(queue):
        user = User.objects.get(email=email)
        Registration.objects.create(
            event=event, user=user, role=ParticipantRole.STAFF, status=status,
            municipality=user.memberships.first().municipality,
            queued_at=now - timedelta(hours=len(queue) - index),
            confirmed_at=now if status == Status_.CONFIRMED else None,
        )  # fmt: skip
    return True


def load_report() -> bool:
    data = content.REPORT
    reporter = User.objects.get(email=data["reporter"])
    post = (ExchangePost.objects.filter(thread__title=data["thread"]).exclude(author=reporter)
            .order_by("-created_at").first())  # fmt: skip
    if post is None or Report.objects.filter(post=post, reporter=reporter).exists():
        return False
    Report.objects.create(post=post, reporter=reporter, reason=data["reason"])
    return True


def load_notifications() -> int:
    people = {u.email: u for u in User.objects.filter(email__in=content.NOTIFICATIONS)}
    where = content.DECIDED_APPLICATION
    decided = Application.objects.filter(
        ~Q(decided_at=None), call__slug=where["call"], municipality__slug=where["town"]
    ).first()
    created = 0
    for email, rows in content.NOTIFICATIONS.items():
        user = people.get(email)
        if user is None or Notification.objects.filter(user=user).exists():
            continue
        for kind, title, url in rows:
            url = url or (decided.get_absolute_url() if decided else "/calls/")
            Notification.objects.create(user=user, kind=kind, title=title, url=url)
            created += 1
    return created


def load_proposal() -> bool:
    """A pending proposed change to a published practice, for both desks."""
    data = content.PROPOSED_CHANGE
    practice = Practice.objects.published().filter(municipality__slug=data["town"]).first()
    if practice is None or practice.proposed_revisions.pending().exists():
        return False
    values = snapshot(practice)
    values[data["field"]] = f"{values[data['field']]}\n<p>{data['addition']}</p>".strip()
    propose_revision(practice=practice, values=values, base_version=practice.version,
                     user=User.objects.get(email=data["author"]))  # fmt: skip
    return True


def load(*, stdout: TextIO) -> None:
    done = [load_practice(), load_decision(), load_peer_visit(), load_report(), load_proposal()]
    notifications = load_notifications()
    stdout.write(f"Desk: {sum(done)} demo situations and {notifications} notifications added.")
