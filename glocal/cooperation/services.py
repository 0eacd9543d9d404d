"""Every multi-row write of the cooperation app: pages, API and commands call these."""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from glocal.audit.services import record
from glocal.lib import roles
from glocal.lib.edit_versions import StaleState, merge_edit, plain
from glocal.lib.html import clean_html
from glocal.lib.slugs import unique_slug
from glocal.members.languages import TranslateLater
from glocal.members.models import Municipality, User
from glocal.notifications.models import Kind
from glocal.notifications.services import notify
from glocal.projects.models import Project
from glocal.reference.models import Theme

from . import suggest
from .ics import consultation_calendar
from .models import (
    Collaboration,
    Consultation,
    Expert,
    FundingApplication,
    Match,
    Partner,
    Post,
    Step,
)


class InvalidAction(ValueError):
    """A request that cannot be carried out as asked; the message says why."""


def emails_of(town: Municipality) -> list[str]:
    return list(town.memberships.filter(user__is_active=True).values_list("user__email", flat=True))


def secretariat_emails() -> list[str]:
    return list(roles.secretariat_users().values_list("email", flat=True))


TEMPLATE_KINDS = {
    "invited": Kind.COLLABORATION, "answered": Kind.COLLABORATION, "match": Kind.SOLIDARITY,
    "moved": Kind.SOLIDARITY, "requested": Kind.CONSULTATION, "scheduled": Kind.CONSULTATION,
}  # fmt: skip


def send(recipients: list[str], subject: str, template: str, context: dict, attach=None) -> None:
    """Notify each recipient; the page linked is the object the e-mail is about."""
    about = next(context[key] for key in ("collaboration", "post", "match", "consultation")
                 if key in context)  # fmt: skip
    url = about.need.get_absolute_url() if isinstance(about, Match) else about.get_absolute_url()
    notify(kind=TEMPLATE_KINDS[template], recipients=recipients, subject=subject, url=url,
           template=f"cooperation/email/{template}.txt", context=context,
           attachments=[attach] if attach else [])  # fmt: skip


# ---------------------------------------------------------------- collaborations


@transaction.atomic
def start_collaboration(
    *, lead: Municipality, user: User, title: str, summary: str, themes=(), **fields
) -> Collaboration:
    """Create a collaboration with ``lead`` as its lead town, already taking part."""
    collaboration = Collaboration.objects.create(
        title=title, slug=unique_slug(Collaboration.objects.all(), title), summary=summary,
        created_by=user,
        **fields,
    )  # fmt: skip
    collaboration.themes.set(themes)
    Partner.objects.create(
        collaboration=collaboration, municipality=lead, role=Partner.Role.LEAD,
        status=Partner.Status.ACCEPTED, invited_by=user, responded_at=timezone.now(),
    )  # fmt: skip
    record(actor=user, action="collaboration.started", obj=collaboration, town=lead)
    return collaboration


COLLABORATION_FIELDS = ("title", "summary", "themes", "status", "visibility", "start_date",
                        "end_date")  # fmt: skip


def collaboration_values(collaboration: Collaboration) -> dict[str, Any]:
    """The plan's fields as its edit page shows them (themes by slug), for a three-way merge."""
    values = {name: plain(getattr(collaboration, name)) for name in COLLABORATION_FIELDS
              if name != "themes"}  # fmt: skip
    return values | {"themes": sorted(theme.slug for theme in collaboration.themes.all())}


@transaction.atomic
def edit_collaboration(
    *, collaboration_id: int, base_version: int | None, base: dict | None,
    mine: dict[str, Any], user: User,
) -> Collaboration:  # fmt: skip
    """Save one editor's plan values over what the partner towns saved since ``base_version``.

    Fields only this editor changed are written, fields others changed are kept; both
    changing one field raises EditConflict and nothing is written.
    """
    collaboration = Collaboration.objects.select_for_update().get(pk=collaboration_id)
    before = collaboration_values(collaboration)
    to_write = merge_edit(record=collaboration, base_version=base_version, base=base,
                          theirs=before, mine=mine)  # fmt: skip
    if not to_write:
        return collaboration
    for name, value in to_write.items():
        if name in ("start_date", "end_date"):
            value = datetime.date.fromisoformat(value) if value else None
        if name != "themes":
            setattr(collaboration, name, value)
    start, end = collaboration.start_date, collaboration.end_date
    if start and end and end < start:  # two merged edits may not fit
        raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
    if "themes" in to_write:
        collaboration.themes.set(Theme.objects.filter(slug__in=to_write["themes"]))
    collaboration.version += 1
    fields = [name for name in to_write if name != "themes"]
    collaboration.save(update_fields=[*fields, "version", "updated_at"])
    record(actor=user, action="collaboration.edited", obj=collaboration,
           changes={name: [before[name], value] for name, value in to_write.items()})  # fmt: skip
    return collaboration


@transaction.atomic
def add_step(
    *, collaboration: Collaboration, user: User, title: str, owner: Municipality | None = None,
    due_date: datetime.date | None = None,
) -> Step:  # fmt: skip
    """Add a step to the shared plan."""
    step = Step.objects.create(collaboration=collaboration, title=title, owner=owner,
                               due_date=due_date)  # fmt: skip
    record(actor=user, action="collaboration.step_added", obj=collaboration,
           changes={"step": [None, str(step)]})  # fmt: skip
    return step


@transaction.atomic
def set_step_done(*, step: Step, done: bool, user: User, was: bool | None = None) -> Step:
    """Tick a step done or not, from the state ``was`` the editor saw (checked under a lock)."""
    step = Step.objects.select_for_update().select_related("collaboration").get(pk=step.pk)
    if was is not None and step.done != was:
        raise StaleState(step, _("Someone marked this step as done meanwhile; nothing was changed.")
                         if step.done else _("Someone marked this step as not done meanwhile; "
                                             "nothing was changed."))  # fmt: skip
    before, step.done = step.done, done
    step.save(update_fields=["done"])
    record(actor=user, action="collaboration.step_done", obj=step.collaboration,
           changes={f"{step} done": [before, done]})  # fmt: skip
    return step


@transaction.atomic
def add_funding_application(
    *, collaboration: Collaboration, user: User, funder: str, status: str, programme: str = "",
    amount_eur: int | None = None, deadline: datetime.date | None = None,
) -> FundingApplication:  # fmt: skip
    """Record a joint funding application of the towns taking part."""
    application = FundingApplication.objects.create(
        collaboration=collaboration, funder=funder, programme=programme, amount_eur=amount_eur,
        deadline=deadline, status=status,
    )  # fmt: skip
    record(actor=user, action="collaboration.funding_added", obj=collaboration,
           changes={"funding application": [None, str(application)]})  # fmt: skip
    return application


@transaction.atomic
def set_funding_status(
    *, application: FundingApplication, status: str, user: User, was: str | None = None
) -> FundingApplication:
    """Move an application on from the status ``was`` the editor saw (checked under a lock)."""
    application = (FundingApplication.objects.select_for_update()
                   .select_related("collaboration").get(pk=application.pk))  # fmt: skip
    if was is not None and application.status != was:
        raise StaleState(application, _("Someone set this funding application to “%(now)s” "
                                        "meanwhile; nothing was changed.")
                         % {"now": application.get_status_display()})  # fmt: skip
    before, application.status = application.status, status
    application.save(update_fields=["status", "updated_at"])
    record(actor=user, action="collaboration.funding_status", obj=application.collaboration,
           changes={str(application): [before, status]})  # fmt: skip
    return application


@transaction.atomic
def invite_partner(
    *, collaboration: Collaboration, municipality: Municipality, role: str, user: User,
    message: str = "",
) -> Partner:  # fmt: skip
    """Invite a town as partner or associate; its representatives hear of it by e-mail."""
    if role == Partner.Role.LEAD:
        raise InvalidAction(_("A collaboration has one lead town; invite partners or associates."))
    existing = Partner.objects.filter(collaboration=collaboration, municipality=municipality)
    if existing.exclude(status=Partner.Status.DECLINED).exists():
        raise InvalidAction(_("%s is already invited or taking part.") % municipality)
    partner, _created = Partner.objects.update_or_create(
        collaboration=collaboration, municipality=municipality,
        defaults={"role": role, "status": Partner.Status.INVITED, "message": message,
                  "invited_by": user, "invited_at": timezone.now(), "responded_at": None},
    )  # fmt: skip
    subject = TranslateLater(gettext_lazy("Invitation to collaborate: %s"), collaboration.title)
    context = {"collaboration": collaboration, "partner": partner, "inviter": user}
    recipients = emails_of(municipality)
    transaction.on_commit(lambda: send(recipients, subject, "invited", context))
    record(actor=user, action="collaboration.invited", obj=collaboration, town=municipality,
           changes={str(municipality): [None, f"{role}, {Partner.Status.INVITED}"]})  # fmt: skip
    return partner


@transaction.atomic
def answer_invitation(*, partner: Partner, user: User, accept: bool) -> Partner:
    """The invited town accepts or declines; the towns already taking part hear of it."""
    partner = Partner.objects.select_for_update().get(pk=partner.pk)
    if partner.status != Partner.Status.INVITED:
        raise InvalidAction(_("This invitation has already been answered."))
    if not (user.is_authenticated and roles.represents(user, partner.municipality)):
        raise PermissionDenied(_("Only the invited town answers its invitation."))
    partner.status = Partner.Status.ACCEPTED if accept else Partner.Status.DECLINED
    partner.responded_at = timezone.now()
    partner.save(update_fields=["status", "responded_at"])
    collaboration = partner.collaboration
    others = Partner.objects.filter(collaboration=collaboration, status=Partner.Status.ACCEPTED)
    recipients = [e for p in others.exclude(pk=partner.pk) for e in emails_of(p.municipality)]
    subject = TranslateLater(gettext_lazy("%(town)s answered: %(title)s"),
                             town=partner.municipality, title=collaboration.title)  # fmt: skip
    context = {"collaboration": collaboration, "partner": partner}
    transaction.on_commit(lambda: send(recipients, subject, "answered", context))
    record(
        actor=user,
        action="collaboration.answered",
        obj=collaboration,
        town=partner.municipality,
        changes={str(partner.municipality): [Partner.Status.INVITED, partner.status]},
    )
    return partner


# ---------------------------------------------------------------- solidarity board


@transaction.atomic
def publish_post(*, municipality: Municipality, user: User, **fields) -> Post:
    """Put a need or offer on the board and the best counterparts forward as matches."""
    post = Post.objects.create(municipality=municipality, created_by=user, **fields)
    record(actor=user, action="solidarity.published", obj=post)
    suggest_matches(post=post)
    return post


@transaction.atomic
def suggest_matches(*, post: Post) -> list[Match]:
    """Store the best counterparts of ``post`` as offered matches; tell the other towns."""
    created = []
    for other, scored in suggest.matches_for(post):
        need, offer = (post, other) if post.kind == Post.Kind.NEED else (other, post)
        match, is_new = Match.objects.get_or_create(
            need=need, offer=offer, defaults={"score": scored.score, "reasons": scored.reasons}
        )
        if is_new:
            created.append(match)
            record(actor=None, action="solidarity.suggested", obj=match, town=need.municipality,
                   changes={"offer": [None, str(offer)]})  # fmt: skip
    for match in created:
        other = match.offer if post.kind == Post.Kind.NEED else match.need
        subject = TranslateLater(
            gettext_lazy("The solidarity board suggests a match: %s"), match.need.title
        )
        recipients = emails_of(other.municipality)
        context = {"match": match, "post": other}
        transaction.on_commit(lambda r=recipients, s=subject, c=context: send(r, s, "match", c))
    return created


@transaction.atomic
def propose_match(*, need: Post, offer: Post, user: User) -> Match:
    """A town puts one of its own open offers forward for a need."""
    if not roles.represents(user, offer.municipality) or offer.kind != Post.Kind.OFFER:
        raise PermissionDenied(_("Only the offering town puts its offer forward."))
    if need.kind != Post.Kind.NEED or not need.is_open or not offer.is_open:
        raise InvalidAction(_("Both the need and the offer must still be open."))
    if need.municipality_id == offer.municipality_id:
        raise InvalidAction(_("A town cannot answer its own need."))
    reasons = [_("Put forward by %s") % offer.municipality]
    match, created = Match.objects.get_or_create(
        need=need, offer=offer, defaults={"reasons": reasons, "updated_by": user}
    )
    if not created:
        raise InvalidAction(_("This offer is already matched with this need."))
    record(actor=user, action="solidarity.proposed", obj=match, town=offer.municipality,
           changes={"offer": [None, str(offer)]})  # fmt: skip
    subject = TranslateLater(gettext_lazy("An offer for your need: %s"), need.title)
    recipients, context = emails_of(need.municipality), {"match": match, "post": need}
    transaction.on_commit(lambda: send(recipients, subject, "match", context))
    return match


# (from, to): who may move a match along that edge
TRANSITIONS = {
    (Match.State.OFFERED, Match.State.ACCEPTED): "need",
    (Match.State.OFFERED, Match.State.DECLINED): "either",
    (Match.State.ACCEPTED, Match.State.DELIVERED): "either",
    (Match.State.ACCEPTED, Match.State.DECLINED): "either",
}


@transaction.atomic
def move_match(*, match: Match, user: User, state: str) -> Match:
    """Accept, decline or mark delivered; only the two towns, and only along allowed edges."""
    match = Match.objects.select_for_update().select_related("need", "offer").get(pk=match.pk)
    for_need = roles.represents(user, match.need.municipality)
    for_offer = roles.represents(user, match.offer.municipality)
    if not (for_need or for_offer):
        raise PermissionDenied(_("Only the two towns move a match on."))
    who = TRANSITIONS.get((match.state, state))
    if who is None:
        raise InvalidAction(
            _("A match that is %(now)s cannot become %(next)s.")
            % {"now": match.get_state_display().lower(), "next": Match.State(state).label.lower()}
        )
    if who == "need" and not for_need:
        raise PermissionDenied(_("Only the town in need accepts an offer."))
    before, match.state, match.updated_by = match.state, state, user
    match.save(update_fields=["state", "updated_by", "updated_at"])
    record(actor=user, action="solidarity.moved", obj=match,
           town=match.need.municipality if for_need else match.offer.municipality,
           changes={"state": [before, state]})  # fmt: skip
    other = match.offer if for_need else match.need
    subject = TranslateLater(
        gettext_lazy("Solidarity match %(state)s: %(title)s"),
        state=lambda: match.get_state_display().lower(), title=match.need.title,
    )  # fmt: skip
    recipients, context = emails_of(other.municipality), {"match": match, "post": other}
    transaction.on_commit(lambda: send(recipients, subject, "moved", context))
    return match


@transaction.atomic
def close_post(*, post: Post, user: User) -> Post:
    """The town withdraws its need or offer; offered matches of it are declined."""
    if not roles.represents(user, post.municipality):
        raise PermissionDenied(_("Only the town that posted it withdraws it."))
    post.closed_at = timezone.now()
    post.save(update_fields=["closed_at"])
    record(actor=user, action="solidarity.closed", obj=post,
           changes={"closed_at": [None, post.closed_at.isoformat()]})  # fmt: skip
    field = "need" if post.kind == Post.Kind.NEED else "offer"
    Match.objects.filter(**{field: post}, state=Match.State.OFFERED).update(
        state=Match.State.DECLINED, updated_by=user, updated_at=timezone.now()
    )
    return post


# ---------------------------------------------------------------- consultations


def adviser_emails(consultation: Consultation) -> list[str]:
    expert = consultation.expert
    if expert is None:
        return secretariat_emails()
    own = expert.user.email if expert.user_id else expert.email
    return [own, *secretariat_emails()]


@transaction.atomic
def request_consultation(
    *, project: Project, user: User, topic: str, question: str, preferred_times: str,
    expert: Expert | None = None,
) -> Consultation:  # fmt: skip
    """A representative asks for advice on their project; the adviser and secretariat hear."""
    consultation = Consultation.objects.create(
        project=project, expert=expert, topic=topic, question=question,
        preferred_times=preferred_times, requested_by=user,
    )  # fmt: skip
    record(actor=user, action="consultation.requested", obj=consultation)
    subject = TranslateLater(gettext_lazy("Consultation requested: %s"), topic)
    recipients, context = adviser_emails(consultation), {"consultation": consultation}
    transaction.on_commit(lambda: send(recipients, subject, "requested", context))
    return consultation


def schedule_values(consultation: Consultation) -> dict[str, Any]:
    """The schedule form's fields as it shows them (the time to the minute, local)."""
    starts_at = consultation.starts_at
    return {
        "starts_at": local_minute(starts_at) if starts_at else None,
        "duration_minutes": consultation.duration_minutes,
        "location": consultation.location,
    }


def local_minute(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


@transaction.atomic
def schedule_consultation(
    *, consultation: Consultation, user: User, starts_at: datetime.datetime,
    duration_minutes: int, location: str, base_version: int | None = None,
    base: dict | None = None,
) -> Consultation:  # fmt: skip
    """The secretariat sets time and place; requester and adviser get it with an .ics.

    From a page older than ``base_version``, what a colleague set meanwhile is kept, or
    EditConflict is raised when both set one field differently and nothing is written.
    """
    if not roles.is_secretariat(user):
        raise PermissionDenied(_("The secretariat schedules consultations."))
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.status in (Consultation.Status.HELD, Consultation.Status.CANCELLED):
        raise InvalidAction(_("This consultation is closed."))
    mine = {"starts_at": local_minute(starts_at), "duration_minutes": duration_minutes,
            "location": location}  # fmt: skip
    theirs = schedule_values(consultation)
    merged = theirs | merge_edit(record=consultation, base_version=base_version, base=base,
                                 theirs=theirs, mine=mine)  # fmt: skip
    if merged["starts_at"] != mine["starts_at"]:
        starts_at = consultation.starts_at  # a colleague's time, kept
    duration_minutes, location = merged["duration_minutes"], merged["location"]
    before = [consultation.status, consultation.starts_at, consultation.location]
    consultation.starts_at, consultation.location = starts_at, location
    consultation.duration_minutes = duration_minutes
    consultation.status = Consultation.Status.SCHEDULED
    consultation.version += 1
    consultation.save(update_fields=["starts_at", "location", "duration_minutes", "status",
                                     "version", "updated_at"])  # fmt: skip
    record(actor=user, action="consultation.scheduled", obj=consultation, changes={
        "status": [before[0], consultation.status],
        "starts_at": [before[1] and before[1].isoformat(), starts_at.isoformat()],
        "location": [before[2], location],
    })  # fmt: skip
    recipients = [consultation.requested_by.email if consultation.requested_by else ""]
    recipients += adviser_emails(consultation)
    subject = TranslateLater(gettext_lazy("Consultation scheduled: %s"), consultation.topic)
    attach = ("consultation.ics", consultation_calendar(consultation), "text/calendar")
    context = {"consultation": consultation}
    transaction.on_commit(lambda: send(recipients, subject, "scheduled", context, attach))
    return consultation


@transaction.atomic
def record_notes(
    *, consultation: Consultation, user: User, notes: str, base_version: int | None = None,
    base: dict | None = None,
) -> Consultation:  # fmt: skip
    """The adviser or secretariat keeps what was said; the notes stay on the project.

    Notes someone else saved since ``base_version`` are not overwritten: EditConflict."""
    expert_user = consultation.expert.user_id if consultation.expert_id else None
    if not (roles.is_secretariat(user) or (expert_user and expert_user == user.pk)):
        raise PermissionDenied(_("Only the adviser and the secretariat record notes."))
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    notes = clean_html(notes)
    merge_edit(record=consultation, base_version=base_version, base=base,
               theirs=notes_values(consultation), mine={"notes": plain(notes)})  # fmt: skip
    before = [consultation.notes, consultation.status]
    consultation.notes = notes
    consultation.status = Consultation.Status.HELD
    consultation.version += 1
    consultation.save(update_fields=["notes", "status", "version", "updated_at"])
    record(actor=user, action="consultation.notes", obj=consultation, changes={
        "notes": [before[0], consultation.notes], "status": [before[1], consultation.status]
    })  # fmt: skip
    return consultation


def notes_values(consultation: Consultation) -> dict[str, Any]:
    return {"notes": plain(consultation.notes)}
