"""Desk lines of the showroom: drafts and practices sent back, proposed changes to published
practices, and the secretariat's queues."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from glocal.lib import roles
from glocal.lib.desk import DeskItem

from .models import Practice, ProposedRevision, Status

LIMIT = 25
DECIDED_SHOWN_FOR = datetime.timedelta(days=30)


def items_for(user) -> list[DeskItem]:
    items = []
    if roles.is_secretariat(user):
        waiting = Practice.objects.filter(status=Status.SUBMITTED).order_by("updated_at")
        items += [
            DeskItem(
                kind="practice_to_review",
                title=p.title,
                url=p.get_absolute_url(),
                action=_("Review it: publish, or ask the town for changes"),
            )
            for p in waiting.only("title", "slug")[:LIMIT]
        ]
    mine = Practice.objects.filter(
        roles.represented_by(user), status__in=[Status.DRAFT, Status.CHANGES_REQUESTED]
    ).distinct()
    for practice in mine.only("title", "slug", "status").order_by("-updated_at")[:LIMIT]:
        url = reverse("practices:edit", args=[practice.slug])
        if practice.status == Status.CHANGES_REQUESTED:
            items.append(
                DeskItem(
                    kind="practice_changes",
                    title=practice.title,
                    url=url,
                    action=_("Make the changes the secretariat asked for"),
                    urgent=True,
                )
            )
        else:
            items.append(
                DeskItem(
                    kind="practice_draft",
                    title=practice.title,
                    url=url,
                    action=_("Finish the draft and submit it for review"),
                )
            )
    return items + proposal_items(user)


def proposal_items(user) -> list[DeskItem]:
    """One query: the person's proposals (pending, or decided in the last 30 days) and, for
    the secretariat, every proposal waiting for a decision."""
    since = timezone.now() - DECIDED_SHOWN_FOR
    proposals = (
        ProposedRevision.objects.on_desk_of(user, since=since)
        .select_related("practice")
        .only("status", "proposed_by_id", "decided_at", "practice__title", "practice__slug")
        .order_by("created_at")[:LIMIT]
    )
    return [proposal_item(user, p) for p in proposals]


def proposal_item(user, proposal: ProposedRevision) -> DeskItem:
    title, url = proposal.practice.title, proposal.get_absolute_url()
    if roles.is_secretariat(user) and proposal.is_pending:
        action = _("Compare the proposed changes and accept or decline them")
        return DeskItem(kind="revision_to_review", title=title, url=url, action=action)
    if proposal.is_pending:
        action = _("Your proposed changes wait for the secretariat")
        return DeskItem(kind="revision_pending", title=title, url=url, action=action)
    if proposal.status == ProposedRevision.Status.ACCEPTED:
        action = _("Your proposed changes are accepted and online")
        return DeskItem(kind="revision_accepted", title=title, url=url, action=action)
    action = _("Your proposed changes were declined: read the secretariat's note")
    return DeskItem(kind="revision_declined", title=title, url=url, action=action)
