"""Desk lines of the events: one's registrations and waiting-list places, and the
registrations the secretariat must approve."""

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from glocal.lib import roles
from glocal.lib.desk import DeskItem

from .models import Event, Registration

LIMIT = 25
Status = Registration.Status


def items_for(user) -> list[DeskItem]:
    items = my_registrations(user)
    if roles.is_secretariat(user):
        items += registrations_to_approve()
    return items


def my_registrations(user) -> list[DeskItem]:
    ahead = (
        Registration.objects.filter(event=OuterRef("event"), status=Status.WAITLISTED)
        .filter(
            Q(queued_at__lt=OuterRef("queued_at"))
            | Q(queued_at=OuterRef("queued_at"), pk__lt=OuterRef("pk"))
        )
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    mine = (
        Registration.objects.filter(user=user, event__ends_at__gt=timezone.now())
        .filter(status__in=[Status.CONFIRMED, Status.PENDING, Status.WAITLISTED])
        .select_related("event")
        .annotate(ahead=Coalesce(Subquery(ahead), 0))
        .order_by("event__starts_at")
    )
    items = []
    for registration in mine[:LIMIT]:
        event = registration.event
        if registration.status == Status.WAITLISTED:
            action = _("You are number %(position)d on the waiting list") % {
                "position": registration.ahead + 1
            }
        elif registration.status == Status.PENDING:
            action = _("Your registration waits for the secretariat's approval")
        else:
            action = _("Your place is confirmed: add it to your calendar")
        items.append(
            DeskItem(
                kind=f"registration_{registration.status}",
                title=event.title,
                action=action,
                url=event.get_absolute_url(),
                due=event.starts_at,
                happens=True,
            )
        )
    return items


def registrations_to_approve() -> list[DeskItem]:
    events = (
        Event.objects.filter(ends_at__gt=timezone.now())
        .annotate(pending=Count("registrations", filter=Q(registrations__status=Status.PENDING)))
        .filter(pending__gt=0)
        .order_by("starts_at")
    )
    return [
        DeskItem(
            kind="registrations_to_approve",
            title=event.title,
            due=event.starts_at,
            url=reverse("events:participants", args=[event.slug]) + "?status=pending",
            action=ngettext(
                "Approve or decline %(count)d registration",
                "Approve or decline %(count)d registrations",
                event.pending,
            )
            % {"count": event.pending},
        )
        for event in events[:LIMIT]
    ]
