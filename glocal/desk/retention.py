"""The retention rules /privacy/ states, applied by ``python manage.py apply_retention``.

Each rule names the rows it deletes; the periods are settings (``RETENTION_*_DAYS``).
"""

from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from glocal.events.models import Registration
from glocal.members.models import ApiToken, Invitation
from glocal.notifications.models import Notification


def before(now: datetime, days: int) -> datetime:
    return now - timedelta(days=days)


def expired_rows(now: datetime) -> dict[str, QuerySet]:
    """What each rule would delete now."""
    invitations = before(now, settings.RETENTION_PENDING_INVITATION_DAYS)
    registrations = before(now, settings.RETENTION_CANCELLED_REGISTRATION_DAYS)
    tokens = before(now, settings.RETENTION_UNUSED_TOKEN_DAYS)
    notifications = before(now, settings.RETENTION_READ_NOTIFICATION_DAYS)
    ended = [Registration.Status.CANCELLED, Registration.Status.DECLINED]
    return {
        "pending_invitations": Invitation.objects.filter(
            accepted_at__isnull=True, created_at__lt=invitations
        ),
        "cancelled_registrations": Registration.objects.filter(status__in=ended).filter(
            Q(cancelled_at__lt=registrations)
            | Q(cancelled_at__isnull=True, created_at__lt=registrations)
        ),
        "unused_api_tokens": ApiToken.objects.filter(
            Q(last_used_at__lt=tokens) | Q(last_used_at__isnull=True, created_at__lt=tokens)
        ),
        "read_notifications": Notification.objects.filter(read_at__lt=notifications),
    }


def apply_retention(
    *, dry_run: bool = False, now: datetime | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> dict[str, int]:  # fmt: skip
    """Delete (or, with ``dry_run``, only count) what the rules say is kept no longer."""
    summary = {}
    with transaction.atomic():
        for rule, rows in expired_rows(now or timezone.now()).items():
            count = rows.count()
            if not dry_run and count:
                rows.filter(pk__in=list(rows.values_list("pk", flat=True))).delete()
            summary[rule] = count
            if progress is not None:
                progress(rule, count)
    return summary
