"""Desk lines of the calls: applications to finish or whose decision came, reviews to score,
and the calls the secretariat must close or decide."""

import datetime

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from glocal.lib import roles
from glocal.lib.desk import DeskItem

from .models import Application, ApplicationStatus, Assignment, Call, CallStatus

LIMIT = 25
SOON = datetime.timedelta(days=3)  # a deadline this close makes the line urgent
RECENT = datetime.timedelta(days=30)  # decisions stay on the desk this long
CLOSING = datetime.timedelta(days=31)  # the secretariat sees calls closing within a month


def items_for(user) -> list[DeskItem]:
    now = timezone.now()
    items = applications_of_my_towns(user, now) + reviews_assigned_to(user)
    if roles.is_secretariat(user):
        items += calls_to_steer(now)
    return items


def applications_of_my_towns(user, now) -> list[DeskItem]:
    mine = (
        Application.objects.of_representative(user)
        .select_related("call", "municipality")
        .filter(
            Q(status=ApplicationStatus.DRAFT, call__status=CallStatus.OPEN, call__closes_at__gt=now)
            | Q(decided_at__gte=now - RECENT)
        )
        .distinct()
    )
    items = []
    for application in mine.order_by("call__closes_at")[:LIMIT]:
        call = application.call
        if application.status == ApplicationStatus.DRAFT:
            items.append(
                DeskItem(
                    kind="application_draft",
                    title=f"{call.title}: {application.display_title}",
                    action=_("Complete and submit the application before the deadline"),
                    url=reverse("calls:apply", args=[call.slug]),
                    due=call.closes_at,
                    urgent=call.closes_at - now < SOON,
                )
            )
        else:
            items.append(
                DeskItem(
                    kind="application_decision",
                    title=f"{call.title}: {application.display_title}",
                    action=_("Read the decision: %(decision)s")
                    % {"decision": application.get_status_display()},
                    url=application.get_absolute_url(),
                )
            )
    return items


def reviews_assigned_to(user) -> list[DeskItem]:
    if not roles.may_review(user):
        return []
    assigned = (
        Assignment.objects.filter(
            reviewer=user, conflict=False, application__status=ApplicationStatus.SUBMITTED
        )
        .select_related("application__call", "application__municipality")
        .annotate(
            scored=Count("scores", distinct=True),
            criteria=Count("application__call__criteria", distinct=True),
        )
        .order_by("application__call__reviews_due_at", "application__call__closes_at", "pk")
    )
    items = []
    for assignment in assigned[:LIMIT]:
        application = assignment.application
        if assignment.criteria and assignment.scored >= assignment.criteria:
            continue
        if assignment.scored:
            action = _("Finish scoring: %(done)d of %(total)d criteria") % {
                "done": assignment.scored,
                "total": assignment.criteria,
            }
        else:
            action = _("Score it, or declare a conflict of interest")
        due = application.call.reviews_due_at
        items.append(
            DeskItem(
                kind="review_assigned",
                title=f"{application.call.title}: {application.display_title}",
                action=action,
                url=application.get_absolute_url(),
                due=due,
                urgent=due is not None and due - timezone.now() < SOON,
            )
        )
    return items


def calls_to_steer(now) -> list[DeskItem]:
    calls = Call.objects.filter(
        Q(status=CallStatus.OPEN, closes_at__gt=now, closes_at__lte=now + CLOSING)
        | Q(status=CallStatus.CLOSED)
        | Q(status=CallStatus.OPEN, closes_at__lte=now)
    ).annotate(waiting=Count("applications", filter=Q(applications__status="submitted")))
    items = []
    for call in calls.order_by("closes_at")[:LIMIT]:
        if call.status == CallStatus.OPEN and call.closes_at > now:
            items.append(
                DeskItem(
                    kind="call_closing",
                    title=call.title,
                    due=call.closes_at,
                    action=_("Closes soon: check the applications coming in"),
                    url=reverse("calls:review", args=[call.slug]),
                )
            )
        elif call.waiting:
            items.append(
                DeskItem(
                    kind="call_to_decide",
                    title=call.title,
                    url=reverse("calls:review", args=[call.slug]),
                    action=ngettext(
                        "Decide %(count)d application",
                        "Decide %(count)d applications",
                        call.waiting,
                    )
                    % {"count": call.waiting},
                )
            )
    return items
