"""Every write to prototypes and projects goes through here: pages, API, commands and admin."""

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F, Model
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from glocal.audit.services import changes_of, record, values_of
from glocal.lib.edit_versions import EditConflict, StaleState, merge_edit, plain, row_values
from glocal.lib.html import clean_html
from glocal.members.languages import TranslateLater
from glocal.members.models import Municipality, User
from glocal.notifications.models import Kind
from glocal.notifications.services import notify
from glocal.practices.models import Practice

from . import variant_rows
from .models import (
    AdaptationChoice,
    EvidenceFile,
    Indicator,
    Measurement,
    ProgressUpdate,
    Project,
    ProjectStatus,
    ProjectVisibility,
    Prototype,
    ReminderLog,
    TransferOutcome,
)
from .models_plan import Milestone, MilestoneStatus


@dataclass(frozen=True)
class Adaptation:
    """What a town does with one element of its source: kept, changed or dropped, and why."""

    element: str
    source_text: str
    decision: str
    reason: str = ""


@transaction.atomic
def start_project(
    *,
    municipality: Municipality,
    title: str,
    user: User | None,
    prototype: Prototype | None = None,
    source_practice: Practice | None = None,
    summary: str = "",
    start_date: datetime.date | None = None,
    end_date: datetime.date | None = None,
    visibility: str = ProjectVisibility.NETWORK,
    adaptations: Sequence[Adaptation] = (),
) -> Project:
    """Create a local action project for a municipality, keeping where it came from."""
    if prototype and not source_practice:
        source_practice = prototype.source_practices.order_by("pk").first()
    project = Project.objects.create(
        municipality=municipality,
        title=title,
        summary=summary,
        prototype=prototype,
        source_practice=source_practice,
        start_date=start_date,
        end_date=end_date,
        visibility=visibility,
        created_by=user,
    )
    AdaptationChoice.objects.bulk_create(
        AdaptationChoice(project=project, element=a.element, source_text=a.source_text,
                         decision=a.decision, reason=a.reason, position=position)
        for position, a in enumerate(adaptations)
    )  # fmt: skip
    record(actor=user, action="project.started", obj=project)
    return project


PROTOTYPE_FIELDS = (
    "title", "slug", "summary", "language", "source_practices", "approach", "steps",
    "preconditions", "typical_cost", "typical_staff", "risks", "learnings", "themes", "sdgs",
    "is_published",
)  # fmt: skip
PROTOTYPE_HTML = ("approach", "steps", "preconditions", "risks", "learnings")
PROTOTYPE_MANY = ("source_practices", "themes", "sdgs")


@transaction.atomic
def save_prototype(*, prototype: Prototype, user: User, save_related: Callable[[], None]) -> None:
    """Save a prototype with its sources, themes and variants (``save_related``) as one."""
    before = {} if prototype.pk is None else values_of(type(prototype).objects.get(pk=prototype.pk))
    if prototype.pk is None:
        prototype.created_by = user
    for name in PROTOTYPE_HTML:
        setattr(prototype, name, clean_html(getattr(prototype, name)))
    prototype.save()
    save_related()
    record(actor=user, action="prototype.saved", obj=prototype,
           changes=changes_of(prototype, before) if before else None)  # fmt: skip


class PrototypeConflict(EditConflict):
    """A stale prototype save refused: fields both people changed (``conflicts``), and the
    variants as saved when both changed the variants (``variants``, else None)."""

    def __init__(self, record: Prototype, conflicts: dict, kept: dict, variants: list | None):
        super().__init__(record, conflicts, kept)
        self.variants = variants


def prototype_values(prototype: Prototype) -> dict:
    """The edit page's fields (sources and themes as keys) and variants, for a three-way merge."""
    return row_values(prototype, list(PROTOTYPE_FIELDS)) | {
        "variants": variant_rows.saved_rows(prototype)
    }


@transaction.atomic
def edit_prototype(
    *, prototype_id: int, base_version: int | None, base: dict | None, mine: dict,
    my_variants: list[dict], save_variants: Callable[[Prototype], None], user: User,
) -> Prototype:  # fmt: skip
    """Save one editor's prototype over what colleagues saved since ``base_version``.

    Fields only this editor changed are written, fields others changed are kept; the variants
    are saved (``save_variants``, which may raise ValidationError) only when this editor
    changed them. Both changing one field, or both changing the variants, raises
    PrototypeConflict and nothing is written."""
    prototype = Prototype.objects.select_for_update().get(pk=prototype_id)
    theirs = prototype_values(prototype)
    saved_variants = theirs.pop("variants")
    mine = mine | {name: plain(clean_html(mine[name])) for name in PROTOTYPE_HTML if name in mine}
    loaded = (base or {}).get("variants", saved_variants)
    touched = variant_rows.kept(my_variants) != loaded
    stale = base_version is not None and base_version != prototype.version
    clash = stale and touched and (base is None or saved_variants != loaded)
    try:
        to_write = merge_edit(record=prototype, base_version=base_version, base=base,
                              theirs=theirs, mine=mine)  # fmt: skip
    except EditConflict as conflict:
        raise PrototypeConflict(prototype, conflict.conflicts, conflict.kept,
                                saved_variants if clash else None) from None  # fmt: skip
    if clash:
        raise PrototypeConflict(prototype, {}, others_changes(base, theirs, mine), saved_variants)
    if not (to_write or touched):
        return prototype
    write_prototype(prototype, to_write)
    if touched:
        save_variants(prototype)
    changes = {name: [theirs[name], value] for name, value in to_write.items()}
    if touched:
        after = variant_rows.saved_rows(prototype)
        changes["variants"] = [[r["name"] for r in saved_variants], [r["name"] for r in after]]
    record(actor=user, action="prototype.saved", obj=prototype, changes=changes)
    return prototype


def others_changes(base: dict | None, theirs: dict, mine: dict) -> dict:
    """The fields only others changed since ``base``: their values, to lay into a refused form."""
    return {name: theirs[name] for name in mine
            if base and name in base and mine[name] == base[name] != theirs[name]}  # fmt: skip


def write_prototype(prototype: Prototype, to_write: dict) -> None:
    """Write merged values (sources and themes as keys) and count one more version."""
    for name, value in to_write.items():
        if name in PROTOTYPE_MANY:
            getattr(prototype, name).set(value)
        else:
            setattr(prototype, name, value)
    prototype.version += 1
    columns = [name for name in to_write if name not in PROTOTYPE_MANY]
    prototype.save(update_fields=[*columns, "version", "updated_at"])


@transaction.atomic
def set_milestone_status(
    *, milestone: Milestone, status: str, today: datetime.date | None = None,
    was: str | None = None,
) -> None:  # fmt: skip
    """Move a milestone on from the status ``was`` the editor saw (checked under a row lock)."""
    milestone = Milestone.objects.select_for_update().select_related("project").get(pk=milestone.pk)
    if was is not None and milestone.status != was:
        raise StaleState(milestone, _("Someone set this milestone to “%(now)s” meanwhile; "
                                      "nothing was changed.")
                         % {"now": milestone.get_status_display()})  # fmt: skip
    before = values_of(milestone, ["status", "completed_on"])
    milestone.status = status
    done = status == MilestoneStatus.DONE
    milestone.completed_on = (today or timezone.localdate()) if done else None
    milestone.save(update_fields=["status", "completed_on"])
    project = milestone.project
    if status in (MilestoneStatus.IN_PROGRESS, MilestoneStatus.DONE) and (
        project.status == ProjectStatus.PLANNING
    ):
        project.status = ProjectStatus.IMPLEMENTING
        project.version = F("version") + 1  # the page in another tab is now out of date
        project.save(update_fields=["status", "version", "updated_at"])
    record(actor=None, action="milestone.status", obj=milestone,
           changes=changes_of(milestone, before))  # fmt: skip


PLAN_FIELDS = ("title", "summary", "language", "status", "visibility", "start_date", "end_date")
DATES = ("start_date", "end_date")


def plan_values(project: Project) -> dict:
    """The plan's own fields as its edit page shows them, for a three-way merge."""
    return {name: plain(getattr(project, name)) for name in PLAN_FIELDS}


@transaction.atomic
def edit_project(
    *, project_id: int, base_version: int | None, base: dict | None, mine: dict, user: User
) -> Project:
    """Save one editor's plan values over what others saved since ``base_version``.

    Fields only this editor changed are written, fields others changed are kept; both
    changing one field raises EditConflict and nothing is written.
    """
    project = Project.objects.select_for_update().get(pk=project_id)
    to_write = merge_edit(record=project, base_version=base_version, base=base,
                          theirs=plan_values(project), mine=mine)  # fmt: skip
    if not to_write:
        return project
    from .forms import check_duration  # forms import this module

    before = plan_values(project)
    for name, value in to_write.items():
        setattr(project, name, parse_day(value) if name in DATES else value)
    check_duration(project.start_date, project.end_date)  # two merged edits may not fit
    project.version += 1
    project.save(update_fields=[*to_write, "version", "updated_at"])
    record(actor=user, action="project.edited", obj=project,
           changes={name: [before[name], value] for name, value in to_write.items()})  # fmt: skip
    return project


@transaction.atomic
def add_plan_item(*, project: Project, form: forms.ModelForm, label: str, user: User) -> Model:
    """Add a row to the plan (a goal, milestone, budget line…) from its checked form."""
    item = form.save()
    record(actor=user, action="project.plan_item_added", obj=project,
           changes={label: [None, str(item)]})  # fmt: skip
    return item


@transaction.atomic
def remove_plan_item(
    *, project: Project, model: type[Model], item_pk: int, label: str, user: User
) -> bool:
    """Remove a row of the plan; False when another tab or a colleague removed it first."""
    item = model.objects.select_for_update().filter(project=project, pk=item_pk).first()
    if item is None:
        return False
    item.delete()
    record(actor=user, action="project.plan_item_removed", obj=project,
           changes={label: [str(item), None]})  # fmt: skip
    return True


def parse_day(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


@transaction.atomic
def record_measurement(
    *,
    indicator: Indicator,
    value: Decimal,
    measured_on: datetime.date,
    user: User | None,
    note: str = "",
) -> Measurement:
    """Add one reading of an indicator; readings from the future are refused."""
    if measured_on > timezone.localdate():
        raise ValidationError({"measured_on": _("A measurement cannot be dated in the future.")})
    start = indicator.project.start_date
    if start and measured_on < start:
        raise ValidationError(
            {"measured_on": _("The project starts on %(date)s; record the value before it as "
                              "the indicator's baseline.") % {"date": formats.date_format(start)}}
        )  # fmt: skip
    if value != value.quantize(Decimal("0.01")):
        raise ValidationError({"value": _("Give the figure with at most two decimals.")})
    measurement = Measurement.objects.create(
        indicator=indicator, value=value, measured_on=measured_on, note=note, recorded_by=user
    )
    record(
        actor=user,
        action="measurement.recorded",
        obj=measurement,
        changes={"value": [None, str(value)], "measured_on": [None, measured_on.isoformat()]},
    )
    return measurement


@transaction.atomic
def post_progress_update(
    *, project: Project, text: str, files: Sequence[UploadedFile], user: User
) -> ProgressUpdate:
    """A progress update with its evidence files (already checked by the form)."""
    update = ProgressUpdate.objects.create(project=project, text=clean_html(text), author=user)
    for upload in files:
        EvidenceFile.objects.create(update=update, file=upload, name=upload.name[:200])
    if project.status == ProjectStatus.PLANNING:
        project.status = ProjectStatus.IMPLEMENTING
        project.version = F("version") + 1  # the page in another tab is now out of date
        project.save(update_fields=["status", "version", "updated_at"])
    record(actor=user, action="project.progress_update", obj=project,
           changes={"update": [None, update.text]})  # fmt: skip
    return update


@transaction.atomic
def record_transfer_outcome(
    *, project: Project, result: str, achievements: str, lessons: str, user: User,
    status: str = ProjectStatus.COMPLETED, base_version: int | None = None,
    base: dict | None = None,
) -> TransferOutcome:  # fmt: skip
    """Close the project and say whether the transfer worked; the source practice shows it.

    From a page older than the project's ``base_version``, what a colleague recorded
    meanwhile is kept, or EditConflict is raised when both wrote one field differently."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    mine = {"result": result, "achievements": plain(clean_html(achievements)),
            "lessons": plain(clean_html(lessons)), "status": status}  # fmt: skip
    theirs = outcome_values(project)
    values = theirs | merge_edit(record=project, base_version=base_version, base=base,
                                 theirs=theirs, mine=mine)  # fmt: skip
    before = values_of(project, ["status", "end_date"])
    outcome, _created = TransferOutcome.objects.update_or_create(
        project=project,
        defaults={"result": values["result"], "achievements": values["achievements"],
                  "lessons": values["lessons"], "recorded_by": user},
    )  # fmt: skip
    project.status = values["status"]
    project.end_date = project.end_date or timezone.localdate()
    project.version += 1  # a plan page open in another tab now merges with the new status
    project.save(update_fields=["status", "end_date", "version", "updated_at"])
    record(actor=user, action="project.outcome", obj=project,
           changes=changes_of(project, before) | {"result": [theirs["result"] or None,
                                                             values["result"]]})  # fmt: skip
    return outcome


def outcome_values(project: Project) -> dict:
    """The outcome form's fields as its page shows them, for a three-way merge."""
    outcome = TransferOutcome.objects.filter(project=project).first()
    return {"result": outcome.result if outcome else "",
            "achievements": plain(outcome.achievements) if outcome else "",
            "lessons": plain(outcome.lessons) if outcome else "",
            "status": project.status}  # fmt: skip


def reminder_recipients(project: Project) -> list[str]:
    """The team's addresses and the municipality's representatives', each once."""
    team = [m.email for m in project.team.all() if m.email]
    representatives = [ms.user.email for ms in project.municipality.memberships.all()
                       if ms.user.is_active]  # fmt: skip
    return sorted(set(team + representatives))


@transaction.atomic
def remind_project(
    *, project: Project, overdue: Sequence[Milestone], update_missing: bool,
    today: datetime.date,
) -> int:  # fmt: skip
    """E-mail the team once a day at most about late milestones or a missing update.

    Returns how many people were written to (0 when today's reminder already went out).
    """
    recipients = reminder_recipients(project)
    if not recipients or not (overdue or update_missing):
        return 0
    try:
        with transaction.atomic():
            ReminderLog.objects.create(project=project, sent_on=today, recipients=len(recipients))
    except IntegrityError:
        return 0
    path = reverse("projects:monitoring", args=[project.pk])
    context = {"project": project, "overdue": list(overdue), "update_missing": update_missing,
               "url": settings.SITE_URL + path}  # fmt: skip
    subject = TranslateLater(gettext_lazy("Reminder: %(title)s needs your attention"),
                             title=project.title)  # fmt: skip
    notify(kind=Kind.PROJECT_REMINDER, recipients=recipients, subject=subject,
           template="projects/email/reminder.txt", context=context, url=path)  # fmt: skip
    return len(recipients)
