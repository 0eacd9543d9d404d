"""Desk lines of the showroom: drafts and practices sent back, and the secretariat's queue."""

from django.urls import reverse
from django.utils.translation import gettext as _

from glocal.lib.desk import DeskItem

from .models import Practice, Status

LIMIT = 25


def items_for(user) -> list[DeskItem]:
    items = []
    if user.is_staff:
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
        municipality__memberships__user=user, status__in=[Status.DRAFT, Status.CHANGES_REQUESTED]
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
    return items
