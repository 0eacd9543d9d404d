"""Desk lines of the network: statements waiting for the town's signature or its
re-confirmation, drafts to write together, and reported messages for the moderators."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from glocal.lib import roles
from glocal.lib.desk import DeskItem

from .models import Report, Signatory, Signature, Statement, StatementStatus

LIMIT = 25


def items_for(user) -> list[DeskItem]:
    items = statements_to_sign(user) + statements_to_draft(user)
    if roles.is_secretariat(user):
        items += reported_posts()
    return items


def statements_to_sign(user) -> list[DeskItem]:
    towns = {
        s.municipality_id: s.municipality
        for s in Signatory.objects.active().filter(user=user).select_related("municipality")
    }
    if not towns:
        return []
    open_statements = list(Statement.objects.filter(status=StatementStatus.OPEN)[:LIMIT])
    signed = {
        (s.statement_id, s.municipality_id): s
        for s in Signature.objects.filter(
            statement__in=open_statements, municipality_id__in=towns, withdrawn_at__isnull=True
        ).select_related("version")
    }
    items = []
    for statement in open_statements:
        for town_id, town in towns.items():
            signature = signed.get((statement.pk, town_id))
            if signature is None:
                action = _("Sign it for %(town)s") % {"town": town}
                items.append(
                    DeskItem(
                        kind="statement_to_sign",
                        title=statement.title,
                        action=action,
                        url=statement.get_absolute_url(),
                    )
                )
            elif signature.version.number < statement.current_number:
                action = _("The text changed: confirm %(town)s's signature") % {"town": town}
                items.append(
                    DeskItem(
                        kind="statement_to_reconfirm",
                        title=statement.title,
                        action=action,
                        url=statement.get_absolute_url(),
                        urgent=True,
                    )
                )
    return items


def statements_to_draft(user) -> list[DeskItem]:
    drafts = Statement.objects.filter(
        roles.represented_by(user, "drafted_by"), status=StatementStatus.DRAFT
    ).distinct()
    return [
        DeskItem(
            kind="statement_draft",
            title=statement.title,
            url=statement.get_absolute_url(),
            action=_("Write the draft with the other drafting towns"),
        )
        for statement in drafts.order_by("-updated_at")[:LIMIT]
    ]


def reported_posts() -> list[DeskItem]:
    reports = Report.objects.filter(resolved_at__isnull=True).select_related("post__thread")
    by_post: dict[int, list[Report]] = {}
    for report in reports.order_by("created_at")[: LIMIT * 4]:
        by_post.setdefault(report.post_id, []).append(report)
    return [
        DeskItem(
            kind="post_reported",
            title=found[0].post.thread.title,
            url=reverse("network:report_queue"),
            action=ngettext(
                "Look at a reported message (%(count)d report)",
                "Look at a reported message (%(count)d reports)",
                len(found),
            )
            % {"count": len(found)},
            urgent=True,
        )
        for found in list(by_post.values())[:LIMIT]
    ]
