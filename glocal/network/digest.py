"""The e-mail digest: what is new in what each person follows since their last digest."""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy

from glocal.members.languages import TranslateLater
from glocal.members.models import User

from .models import DIGEST_PERIODS, DIGEST_SLACK, DigestPreference, Post, Thread, Update
from .services import mail


@dataclass
class Digest:
    posts: list[Post]  # new replies in threads the person follows
    threads: list[Thread]  # new threads in the person's working groups
    updates: list[Update]  # new project updates and stories they may see

    @property
    def is_empty(self) -> bool:
        return not (self.posts or self.threads or self.updates)


def build_digest(user: User, since: datetime, until: datetime) -> Digest:
    window = {"created_at__gt": since, "created_at__lte": until}
    visible = Thread.objects.visible_to(user)
    posts = (
        Post.objects.filter(thread__in=visible.followed_by(user), is_hidden=False, **window)
        .exclude(author=user)
        .select_related("thread", "author")
        .order_by("thread_id", "created_at")
    )
    threads = (
        visible.filter(group__memberships__user=user, **window)
        .exclude(author=user)
        .exclude(follows__user=user)
        .select_related("group")
        .order_by("created_at")
    )
    updates = (
        Update.objects.visible_to(user).filter(**window).for_list().order_by("-is_story", "-pk")
    )
    return Digest(posts=list(posts), threads=list(threads), updates=list(updates))


def is_due(preference: DigestPreference, now: datetime) -> bool:
    period = DIGEST_PERIODS.get(preference.frequency)
    if period is None:
        return False
    return preference.last_sent_at is None or now - preference.last_sent_at >= period - DIGEST_SLACK


@transaction.atomic
def send_digest(*, preference_id: int, now: datetime | None = None) -> bool:
    """Send one person's digest if it is due; True if an e-mail went out. Safe to repeat."""
    now = now or timezone.now()
    preference = (
        DigestPreference.objects.select_for_update().select_related("user").get(pk=preference_id)
    )
    if not (is_due(preference, now) and preference.user.is_active):
        return False
    period = DIGEST_PERIODS[preference.frequency]
    since = preference.last_sent_at or now - period
    digest = build_digest(preference.user, since, now)
    preference.last_sent_at = now
    preference.save(update_fields=["last_sent_at"])
    if digest.is_empty:
        return False
    subject = TranslateLater(
        gettext_lazy("What is new in the network since %s"),
        lambda: date_format(timezone.localtime(since), "DATE_FORMAT"),
    )
    mail(subject=subject, template="digest",
         context={"digest": digest, "user": preference.user, "preference": preference},
         recipients=[preference.user.email])  # fmt: skip
    return True


def send_digests(now: datetime | None = None) -> int:
    """Every due digest, each in its own transaction; returns how many e-mails were sent."""
    now = now or timezone.now()
    due = DigestPreference.objects.exclude(frequency="off").values_list("pk", flat=True)
    return sum(send_digest(preference_id=pk, now=now) for pk in list(due))
