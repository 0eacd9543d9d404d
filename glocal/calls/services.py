"""Every write to calls, applications, reviews and decisions: pages, API and commands alike."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from glocal.audit.services import changes, record
from glocal.lib import roles
from glocal.lib.dates import add_years, local_datetime_text
from glocal.lib.edit_versions import EditConflict, merge_edit, plain
from glocal.lib.slugs import unique_slug
from glocal.lib.three_way import merge_fields
from glocal.members.languages import TranslateLater
from glocal.members.models import User
from glocal.notifications.models import Kind
from glocal.notifications.services import notify
from glocal.practices.models import Distinction, Practice
from glocal.projects.models import Project
from glocal.projects.services import start_project

from .models import (
    DECISIONS,
    HUB_YEARS,
    Application,
    ApplicationFile,
    ApplicationStatus,
    Assignment,
    AuditEntry,
    Call,
    CallStatus,
    Criterion,
    Hub,
    Question,
    Score,
)
from .rules import applicant_problems, conflict_reason, nomination_problems

DISTINCTIONS = {
    ApplicationStatus.WINNER: Distinction.WINNER,
    ApplicationStatus.FINALIST: Distinction.FINALIST,
}


def audit(*, call: Call, action: str, user: User | None, application=None, **detail) -> None:
    AuditEntry.objects.create(
        call=call, application=application, user=user, action=action, detail=detail
    )


def locked_call(call: Call) -> Call:
    """The call's row, locked so a deadline or a decision cannot race a write."""
    return Call.objects.select_for_update().get(pk=call.pk)


@transaction.atomic
def open_call(*, call: Call, now: datetime.datetime | None = None) -> Call:
    """The secretariat opens a call: it takes applications from ``opens_at`` to ``closes_at``."""
    call = locked_call(call)
    if not call.criteria.exists():
        raise ValidationError(_("%(call)s has no criteria: reviewers could not score it.")
                              % {"call": call})  # fmt: skip
    if call.closes_at <= (now or timezone.now()):
        raise ValidationError(_("%(call)s has a deadline in the past; move it first.")
                              % {"call": call})  # fmt: skip
    before, call.status = call.status, CallStatus.OPEN
    call.save(update_fields=["status", "updated_at"])
    record(actor=None, action="call.opened", obj=call, changes={"status": [before, call.status]})
    return call


@transaction.atomic
def close_call(*, call: Call) -> Call:
    """Stop taking applications now, even before the deadline; the review can start."""
    call = locked_call(call)
    if call.status != CallStatus.OPEN:
        raise ValidationError(_("%(call)s is not open.") % {"call": call})
    call.status = CallStatus.CLOSED
    call.save(update_fields=["status", "updated_at"])
    record(actor=None, action="call.closed", obj=call,
           changes={"status": [CallStatus.OPEN, call.status]})  # fmt: skip
    return call


@transaction.atomic
def save_application(
    *,
    application: Application,
    user: User,
    answers: dict[str, str],
    uploads: dict[Question, object],
    sdgs=None,
    submit: bool = False,
    now: datetime.datetime | None = None,
    base_version: int | None = None,
    base: dict | None = None,
    mine: dict | None = None,
) -> Application:
    """Keep a town's application (new or changed); ``submit`` hands it in.

    Refused with a ValidationError after the deadline, once decided, for an ineligible town,
    or when the town already has another application to this call. ``mine`` (the form's
    values) is merged over what others saved since ``base_version`` (EditConflict when both
    changed one field); the status is never taken from the form.
    """
    now = now or timezone.now()
    call = locked_call(application.call)
    if not call.accepts_changes(now):
        closed = local_datetime_text(call.closes_at)
        raise ValidationError(
            _("The call closed on %(when)s; the application can no longer change.")
            % {"when": closed}
        )
    if problems := applicant_problems(call, application.municipality):
        raise ValidationError(problems)
    years = application.duration_years
    if years is not None and not HUB_YEARS[0] <= years <= HUB_YEARS[1]:
        raise ValidationError(
            _("A HUB runs for 1 to 3 years; %(n)s is outside that.") % {"n": years}
        )
    if submit and call.is_award:
        nominee, practice = application.nominee, application.practice
        if problems := nomination_problems(call, nominee, practice):
            raise ValidationError([message for _field, message in problems])
    other = Application.objects.filter(call=call, municipality=application.municipality)
    if other.exclude(pk=application.pk).exists():
        raise ValidationError(_("%(town)s has already applied to this call.")
                              % {"town": application.municipality})  # fmt: skip
    if application.pk:
        application, answers, sdgs = merged_application(
            posted=application, answers=answers, sdgs=sdgs, base_version=base_version,
            base=base, mine=mine,
        )  # fmt: skip
    if application.pk is None:
        application.created_by = user
    before = {"status": application.status, **application.answers}
    application.answers = {**application.answers, **answers}
    # a withdrawn application may be handed in again while the call is open
    submitting = submit and application.status in (
        ApplicationStatus.DRAFT,
        ApplicationStatus.WITHDRAWN,
    )
    if submitting:
        application.status, application.submitted_at = ApplicationStatus.SUBMITTED, now
    if application.pk:
        application.version += 1
    application.save()
    if submitting:
        audit(call=call, action=AuditEntry.Action.SUBMITTED, user=user, application=application)
    if sdgs is not None:
        application.sdgs.set(sdgs)
    for question, upload in uploads.items():
        ApplicationFile.objects.filter(application=application, question=question).delete()
        ApplicationFile.objects.create(application=application, question=question, file=upload)
    after = {"status": application.status, **application.answers}
    after |= {f"file {q.pk}": getattr(u, "name", str(u)) for q, u in uploads.items()}
    record(actor=user, action="application.submitted" if submitting else "application.saved",
           obj=application, changes=changes(before, after))  # fmt: skip
    return application


def merged_application(*, posted: Application, answers: dict, sdgs, base_version, base, mine):
    """The saved row, locked, with only this editor's changes laid over it: what others
    saved meanwhile (the status above all) is kept."""
    current = Application.objects.select_for_update().get(pk=posted.pk)
    if current.is_decided:
        raise ValidationError(_("This application has been decided and cannot change."))
    if mine is None:  # a script: every posted field, but never a stale status
        for name in ("status", "submitted_at", "decided_at", "feedback", "internal_note",
                     "answers", "version"):  # fmt: skip
            setattr(posted, name, getattr(current, name))
        return posted, answers, sdgs
    to_write = merge_edit(record=current, base_version=base_version, base=base,
                          theirs=current.edit_values(mine), mine=mine)  # fmt: skip
    for name, value in to_write.items():
        if not name.startswith("q") and name != "sdgs":
            setattr(current, current._meta.get_field(name).attname, value)
    answers = {key: value for key, value in answers.items() if f"q{key}" in to_write}
    return current, answers, (sdgs if "sdgs" in to_write else None)


@transaction.atomic
def assign_reviewer(*, application: Application, reviewer: User, user: User) -> Assignment:
    if not roles.may_review(reviewer):
        raise ValidationError(_("%(who)s is not a reviewer.") % {"who": reviewer})
    if application.status == ApplicationStatus.DRAFT:
        raise ValidationError(_("Drafts are not reviewed."))
    if reason := conflict_reason(reviewer, application):
        raise ValidationError(_("%(who)s cannot review this application: %(why)s.")
                              % {"who": reviewer, "why": reason})  # fmt: skip
    assignment, created = Assignment.objects.get_or_create(
        application=application, reviewer=reviewer
    )
    if created:
        audit(call=application.call, action=AuditEntry.Action.ASSIGNED, user=user,
              application=application, reviewer=reviewer.email)  # fmt: skip
        record(actor=user, action="application.reviewer_assigned", obj=application,
               changes={"reviewer": [None, str(reviewer)]})  # fmt: skip
    return assignment


@transaction.atomic
def declare_conflict(*, assignment: Assignment, note: str, user: User) -> Assignment:
    """The reviewer steps aside; their scores no longer count."""
    assignment.conflict, assignment.conflict_note = True, note
    assignment.save(update_fields=["conflict", "conflict_note"])
    audit(call=assignment.application.call, action=AuditEntry.Action.CONFLICT, user=user,
          application=assignment.application, reviewer=user.email, note=note)  # fmt: skip
    record(actor=user, action="application.conflict", obj=assignment.application,
           changes={"conflict": [False, True], "note": [None, note]})  # fmt: skip
    return assignment


@transaction.atomic
def save_scores(
    *, assignment: Assignment, values: dict[Criterion, tuple[int, str]], user: User,
    base: dict | None = None,
) -> None:  # fmt: skip
    """Record one reviewer's scores; every new score and every change goes into the history.

    ``base`` is what the page showed (``Assignment.score_fields``; ``None``: a script, every
    value is written): what another tab saved meanwhile is kept, and a score or comment both
    changed differently raises ``EditConflict`` with nothing written."""
    application = assignment.application
    call = locked_call(application.call)
    if not call.is_past_deadline():
        raise ValidationError(_("Scoring starts once the call has closed."))
    if assignment.conflict or application.is_decided:
        raise ValidationError(_("This application can no longer be scored by you."))
    if base is not None:
        values = merged_scores(assignment=assignment, values=values, base=base)
    current = {s.criterion_id: s for s in assignment.scores.all()}
    diff = {}
    for criterion, (value, comment) in values.items():
        score = current.get(criterion.pk)
        if score is None:
            Score.objects.create(assignment=assignment, criterion=criterion, value=value,
                                 comment=comment)  # fmt: skip
            diff[criterion.name] = [None, value]
            audit(call=call, action=AuditEntry.Action.SCORED, user=user, application=application,
                  criterion=criterion.name, value=value)  # fmt: skip
        elif (score.value, score.comment) != (value, comment):
            audit(call=call, action=AuditEntry.Action.RESCORED, user=user,
                  application=application, criterion=criterion.name, before=score.value,
                  value=value, comment_changed=score.comment != comment)  # fmt: skip
            diff[criterion.name] = [score.value, value]
            score.value, score.comment = value, comment
            score.save(update_fields=["value", "comment", "updated_at"])
    if diff:
        record(actor=user, action="application.scored", obj=application, changes=diff)


def merged_scores(
    *, assignment: Assignment, values: dict[Criterion, tuple[int, str]], base: dict
) -> dict[Criterion, tuple[int, str]]:
    """The reviewer's values merged three-way, per score and comment, with the saved ones."""
    saved = assignment.score_fields()
    mine: dict[str, int | str] = {}
    for criterion, (value, comment) in values.items():
        mine |= {f"score_{criterion.pk}": value, f"comment_{criterion.pk}": comment}
    base, theirs, ours = plain(base), plain(saved), plain(mine)
    to_write, conflicts = merge_fields(base=base, theirs=theirs, mine=ours)
    if conflicts:
        kept = {name: saved[name] for name in ours
                if name in base and ours[name] == base[name] != theirs.get(name)}  # fmt: skip
        raise EditConflict(assignment, conflicts, kept)

    def merged(name: str) -> int | str:
        return mine[name] if name in to_write or saved.get(name) is None else saved[name]

    return {c: (merged(f"score_{c.pk}"), merged(f"comment_{c.pk}")) for c in values}


WITHDRAWABLE = (ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED)


@transaction.atomic
def withdraw_application(
    *, application: Application, user: User, version: int | None = None,
    now: datetime.datetime | None = None,
) -> Application:  # fmt: skip
    """The applying town takes its application back while the call is open; it leaves the
    review and the ranking. ``version`` is the application as the town saw it."""
    call = locked_call(application.call)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if not roles.represents(user, application.municipality):
        raise PermissionDenied("Only the applying town withdraws its application.")
    if version is not None and version != application.version:
        raise ValidationError(_("This application changed while you read it; nothing was "
                                "withdrawn. Read it again first."))  # fmt: skip
    if application.status not in WITHDRAWABLE or not call.accepts_changes(now):
        raise ValidationError(_("Only a draft or a submitted application of an open call can "
                                "be withdrawn."))  # fmt: skip
    before, application.status = application.status, ApplicationStatus.WITHDRAWN
    application.version += 1
    application.save(update_fields=["status", "version", "updated_at"])
    record(actor=user, action="application.withdrawn", obj=application,
           changes={"status": [before, application.status]})  # fmt: skip
    return application


@transaction.atomic
def decide_application(
    *,
    application: Application,
    decision: str,
    user: User,
    feedback: str = "",
    share_comments: bool = False,
    internal_note: str = "",
    version: int | None = None,
) -> Application:
    """Accept, reject or wait-list (for awards: winner, finalist) and tell the applicant.

    ``version`` is the application as the decider saw it: a decision taken meanwhile by
    someone else, or a change of the application, refuses this one."""
    call = locked_call(application.call)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if version is not None and version != application.version:
        raise ValidationError(_("This application changed while you read it (now: %(status)s); "
                                "nothing was decided. Read it again, then decide.")
                              % {"status": application.get_status_display()})  # fmt: skip
    if decision not in DECISIONS[call.is_award]:
        raise ValidationError(_("That decision does not exist for this call."))
    if application.status == ApplicationStatus.DRAFT or not call.is_past_deadline():
        raise ValidationError(_("Decisions are taken on submitted applications after the "
                                "deadline."))  # fmt: skip
    before = application.status
    application.status, application.decided_at = decision, timezone.now()
    application.feedback = feedback + shared_comments(application) if share_comments else feedback
    application.internal_note = internal_note
    application.version += 1
    application.save(update_fields=["status", "decided_at", "feedback", "internal_note",
                                    "version", "updated_at"])  # fmt: skip
    audit(call=call, action=AuditEntry.Action.DECIDED, user=user, application=application,
          before=before, decision=decision, shared_comments=share_comments,
          feedback=application.feedback)  # fmt: skip
    record(
        actor=user,
        action="application.decided",
        obj=application,
        changes={"status": [before, decision], "feedback": [None, application.feedback]},
    )
    if call.is_hub:
        update_hub_label(application=application, user=user)
    if call.is_award and application.practice_id:
        set_distinction(practice=application.practice, call=call, decision=decision)
    if not call.applications.filter(status=ApplicationStatus.SUBMITTED).exists():
        call.status = CallStatus.DECIDED
        call.save(update_fields=["status", "updated_at"])
    transaction.on_commit(lambda: notify_decision(application_id=application.pk))
    return application


def shared_comments(application: Application) -> str:
    comments = [
        f"- {score.criterion.name}: {score.comment}"
        for score in Score.objects.filter(
            assignment__application=application, assignment__conflict=False
        ).select_related("criterion")
        if score.comment
    ]
    if not comments:
        return ""
    return "\n\n" + _("Comments from the reviewers:") + "\n" + "\n".join(comments)


def update_hub_label(*, application: Application, user: User) -> None:
    """Accepted, the proposal is a labelled HUB; any other decision takes the label away
    (the project it runs as stays the town's)."""
    if application.status == ApplicationStatus.ACCEPTED:
        label_hub(application=application, user=user)
    elif hub := Hub.objects.filter(application=application).first():
        hub.delete()
        record(actor=user, action="hub.unlabelled", obj=application,
               changes={"hub": [hub.title, None]})  # fmt: skip


def label_hub(
    *,
    application: Application,
    user: User,
    on: datetime.date | None = None,
    project: Project | None = None,
) -> Hub:
    """An accepted HUB proposal becomes a labelled HUB run as a local action project.

    ``project`` links a project the town already runs; otherwise one is started.
    """
    if hub := Hub.objects.filter(application=application).first():
        return hub
    today = on or timezone.localdate()
    if project is None:  # accepted before, then not: the project it ran as is still there
        project = Project.objects.filter(
            municipality=application.municipality, title=application.title, hub=None
        ).first()
    if project is None:
        years = application.duration_years or 1
        project = start_project(
            municipality=application.municipality, title=application.title, user=user,
            summary=application.topic, start_date=today,
            end_date=add_years(today, years),
        )  # fmt: skip
    slug = unique_slug(Hub.objects.all(), application.title, "hub")
    hub = Hub.objects.create(application=application, project=project, slug=slug,
                             title=application.title, labelled_on=today)  # fmt: skip
    record(actor=user, action="hub.labelled", obj=hub, town=application.municipality)
    return hub


def set_distinction(*, practice: Practice, call: Call, decision: str) -> None:
    """The practice shows the award in the showroom; a later 'not selected' takes it away."""
    before = [practice.distinction, practice.distinction_title]
    practice.distinction = DISTINCTIONS.get(decision, "")
    practice.distinction_title = call.title if practice.distinction else ""
    practice.save(update_fields=["distinction", "distinction_title", "updated_at"])
    after = [practice.distinction, practice.distinction_title]
    if before != after:
        record(
            actor=None,
            action="practice.distinction",
            obj=practice,
            changes={"distinction": [before[0], after[0]], "title": [before[1], after[1]]},
        )


def notify_decision(*, application_id: int) -> None:
    application = Application.objects.select_related("call", "municipality", "created_by").get(
        pk=application_id
    )
    recipients = {
        m.user.email
        for m in application.municipality.memberships.select_related("user")
        if m.user.is_active
    }
    if application.created_by and application.created_by.is_active:
        recipients.add(application.created_by.email)
    path = application.get_absolute_url()
    context = {"application": application, "call": application.call,
               "url": settings.SITE_URL + path}  # fmt: skip
    subject = TranslateLater(gettext_lazy("Decision on your application to %(call)s"),
                             call=application.call)  # fmt: skip
    notify(kind=Kind.CALL_DECISION, recipients=recipients, subject=subject,
           template="calls/email/decision.txt", context=context, url=path)  # fmt: skip
