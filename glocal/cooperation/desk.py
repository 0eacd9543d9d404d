"""Desk lines of cooperation: invitations to collaborate, solidarity matches to answer,
consultations coming up, and for the secretariat consultations to schedule and unmet needs."""

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from glocal.lib import roles
from glocal.lib.desk import DeskItem

from .models import Consultation, Match, Partner, Post

LIMIT = 25
COMING = datetime.timedelta(days=14)  # consultations this close appear on the desk


def items_for(user) -> list[DeskItem]:
    items = invitations(user) + matches_to_answer(user) + consultations_coming(user)
    if roles.is_secretariat(user):
        items += consultations_to_schedule() + unmet_needs()
    return items


def invitations(user) -> list[DeskItem]:
    invited = (
        Partner.objects.filter(roles.represented_by(user), status=Partner.Status.INVITED)
        .select_related("collaboration", "municipality")
        .distinct()
    )
    return [
        DeskItem(
            kind="collaboration_invitation",
            title=p.collaboration.title,
            url=p.collaboration.get_absolute_url(),
            urgent=True,
            action=_("%(town)s is invited to collaborate: accept or decline")
            % {"town": p.municipality},
        )
        for p in invited.order_by("invited_at")[:LIMIT]
    ]


def matches_to_answer(user) -> list[DeskItem]:
    mine = roles.represented_by(user, "need__municipality") | roles.represented_by(
        user, "offer__municipality"
    )
    offered = Match.objects.filter(mine, state=Match.State.OFFERED).select_related("need", "offer")
    return [
        DeskItem(
            kind="solidarity_match",
            title=f"{m.need.title} ↔ {m.offer.title}",
            url=m.need.get_absolute_url(),
            action=_("A match is suggested: accept or decline it"),
        )
        for m in offered.distinct().order_by("created_at")[:LIMIT]
    ]


def consultations_coming(user) -> list[DeskItem]:
    now = timezone.now()
    coming = Consultation.objects.filter(
        roles.represented_by(user, "project__municipality") | Q(expert__user=user),
        status=Consultation.Status.SCHEDULED,
        starts_at__gte=now,
        starts_at__lte=now + COMING,
    ).distinct()
    return [
        DeskItem(
            kind="consultation_coming",
            title=c.topic,
            url=c.get_absolute_url(),
            due=c.starts_at,
            happens=True,
            action=_("Consultation with %(adviser)s: prepare your questions")
            % {"adviser": c.adviser},
        )
        for c in coming.select_related("expert").order_by("starts_at")[:LIMIT]
    ]


def consultations_to_schedule() -> list[DeskItem]:
    waiting = Consultation.objects.filter(status=Consultation.Status.REQUESTED)
    return [
        DeskItem(
            kind="consultation_to_schedule",
            title=c.topic,
            url=c.get_absolute_url(),
            action=_("Requested: agree a time with the town and schedule it"),
        )
        for c in waiting.order_by("created_at")[:LIMIT]
    ]


def unmet_needs() -> list[DeskItem]:
    count = Post.objects.unmet().count()
    if not count:
        return []
    action = ngettext(
        "%(count)d need has no delivered offer yet: look for help",
        "%(count)d needs have no delivered offer yet: look for help",
        count,
    )
    return [
        DeskItem(
            kind="solidarity_unmet",
            title=_("Unmet solidarity needs"),
            url=reverse("cooperation:solidarity_unmet"),
            action=action % {"count": count},
        )
    ]
