"""The e-mail digest: what is new in what each person follows since their last digest."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from glocal.members.languages import in_language_of
from glocal.members.models import User
from glocal.notifications.models import Notification
from glocal.notifications.services import mark_digested, send_digest_email, waiting_for_digest

from .models import DIGEST_PERIODS, DIGEST_SLACK, DigestPreference, Post, Thread, Update


@dataclass
class Digest:
    posts: list[Post]  # new replies in threads the person follows
    threads: list[Thread]  # new threads in the person's working groups
    updates: list[Update]  # new project updates and stories they may see
    notifications: list[Notification]  # what the person chose to hear of in the digest

    @property
    def is_empty(self) -> bool:
        return not (self.posts or self.threads or self.updates or self.notifications)


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
    return Digest(posts=list(posts), threads=list(threads), updates=list(updates),
                  notifications=list(waiting_for_digest(user)))  # fmt: skip


def is_due(preference: DigestPreference, now: datetime) -> bool:
    period = period_of(preference)
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
    period = period_of(preference)
    since = preference.last_sent_at or now - period
    digest = build_digest(preference.user, since, now)
    preference.last_sent_at = now
    preference.save(update_fields=["last_sent_at"])
    if digest.is_empty:
        return False
    context = {"digest": digest, "user": preference.user, "preference": preference,
               "site": settings.SITE_URL}  # fmt: skip
    with in_language_of(preference.user):
        when = date_format(timezone.localtime(since), "DATE_FORMAT")
        subject = gettext("What is new in the network since %s") % when
        body = render_to_string("network/email/digest.txt", context)
        sent = send_digest_email(user=preference.user, subject=subject, body=body,
                                 url=reverse("notifications:list"))  # fmt: skip
    mark_digested(digest.notifications, sent=sent)
    return sent


def period_of(preference: DigestPreference):
    """The chosen period; someone who turned the exchange digest off but asked for some
    notifications in the digest still gets them once a day."""
    period = DIGEST_PERIODS.get(preference.frequency)
    if period is None and waiting_for_digest(preference.user).exists():
        return DIGEST_PERIODS["daily"]
    return period


def send_digests(now: datetime | None = None) -> int:
    """Every due digest, each in its own transaction; returns how many e-mails were sent."""
    now = now or timezone.now()
    waiting = Notification.objects.waiting_for_digest().values("user")
    for user_id in set(waiting.exclude(user__digest_preference__isnull=False).values_list(
            "user", flat=True)):  # fmt: skip
        DigestPreference.objects.get_or_create(user_id=user_id)
    due = (DigestPreference.objects.exclude(frequency="off") | DigestPreference.objects.filter(
        user__in=waiting)).values_list("pk", flat=True)  # fmt: skip
    return sum(send_digest(preference_id=pk, now=now) for pk in list(due))
