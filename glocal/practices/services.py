"""Every write to a practice goes through here, whoever asks: a page, a command or the admin."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from glocal.audit.services import record
from glocal.lib import edit_versions, roles, slugs
from glocal.lib.three_way import merge_fields
from glocal.members.languages import TranslateLater
from glocal.members.models import User
from glocal.notifications.models import Kind
from glocal.notifications.services import notify

from .engine import TEXT_FIELDS, bump_generation
from .models import Practice, ProposedRevision, Revision, Status
from .tasks import embed_practice, embed_practice_batch

SNAPSHOT_EXCLUDE = {"id", "created_at", "updated_at"}
SEARCHED_FIELDS = {"title", "status", *TEXT_FIELDS}
EDITABLE = (Status.DRAFT, Status.CHANGES_REQUESTED)


class EditConflict(edit_versions.EditConflict):
    """Someone saved the practice since this editor loaded it and changed the same fields."""

    def __init__(self, practice: Practice, conflicts: dict[str, tuple[Any, Any]]):
        super().__init__(practice, conflicts)
        self.practice = practice


class NotEditable(Exception):
    """The practice left the draft states (it was submitted, published…) meanwhile."""

    def __init__(self, practice: Practice):
        super().__init__(practice.status)
        self.practice = practice


def refresh_search(practice_id: int) -> None:
    """Tell every process its search index is stale; embed the new text in the background."""
    bump_generation()
    transaction.on_commit(lambda: embed_practice.enqueue(practice_id))


def refresh_search_of(practice_ids: list[int], *, embed: bool = True) -> None:
    """One index update for many practices (an import), and one background task to embed
    them in batches; ``embed=False`` when the caller embeds them itself."""
    if not practice_ids:
        return
    bump_generation()
    if embed:
        ids = list(practice_ids)
        transaction.on_commit(lambda: embed_practice_batch.enqueue(ids))


def snapshot(practice: Practice, *, many: dict[str, set] | None = None) -> dict:
    """The practice as plain JSON, many-to-many fields as sorted keys (read from the database
    unless ``many`` gives them: theme slugs and SDG numbers)."""
    data = model_to_dict(practice, exclude=["themes", "sdgs"])
    data = {k: v for k, v in data.items() if k not in SNAPSHOT_EXCLUDE}
    if many is not None:
        data["themes"], data["sdgs"] = sorted(many["themes"]), sorted(many["sdgs"])
    elif practice.pk:
        data["themes"] = sorted(practice.themes.values_list("slug", flat=True))
        data["sdgs"] = sorted(practice.sdgs.values_list("number", flat=True))
    data["version"] = practice.version
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data.items()}


def record_revision(
    *, practice: Practice, action: str, user: User | None, note: str = "", search: bool = True
) -> Revision:
    """``search=False``: the caller refreshes search once for many practices."""
    previous = practice.revisions.order_by("-created_at", "-pk").first()
    current = snapshot(practice)
    before = previous.snapshot if previous else {}
    changed = changed_fields(before, current)
    if search and SEARCHED_FIELDS.intersection(changed):
        refresh_search(practice.pk)
    code = "changes_requested" if action == Revision.Action.CHANGES_REQUESTED else action
    record(actor=user, action=f"practice.{code}", obj=practice,
           changes={k: [before.get(k), current[k]] for k in changed})  # fmt: skip
    return Revision.objects.create(
        practice=practice,
        action=action,
        user=user,
        note=note,
        changed_fields=changed,
        snapshot=current,
    )


def changed_fields(before: dict, after: dict) -> list[str]:
    """The snapshot keys whose values differ, the version counter aside."""
    return sorted(k for k, v in after.items() if before.get(k) != v and k != "version")


def unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    return slugs.unique_slug(Practice.objects.exclude(pk=exclude_pk), title, "practice")


@transaction.atomic
def save_practice(
    *, practice: Practice, user: User | None, action: str = Revision.Action.EDITED, m2m=None
) -> Practice:
    """Save a practice from a form (new or existing) and record the change in its history.

    ``m2m`` is a callable that saves many-to-many data once the row has a key
    (a ModelForm's ``save_m2m``).
    """
    is_new = practice.pk is None
    if is_new:
        practice.slug = unique_slug(practice.title)
        practice.created_by = user
    else:
        practice.version += 1
    practice.save()
    if m2m:
        m2m()
    record_revision(
        practice=practice, action=Revision.Action.CREATED if is_new else action, user=user
    )
    return practice


def base_snapshot(practice: Practice, version: int | None) -> dict:
    """The practice as it was at ``version`` (from its history), or {} when unknown.

    A writer that sends no version (a script) writes over the current one.
    """
    if version is None or version == practice.version:
        return snapshot(practice)
    for revision in practice.revisions.order_by("-pk").only("snapshot")[:100]:
        if revision.snapshot.get("version") == version:
            return revision.snapshot
    return {}


def apply_values(practice: Practice, values: dict[str, Any]) -> None:
    """Set snapshot-shaped values (keys for relations, slugs/numbers for themes and SDGs)."""
    for name, value in values.items():
        field = practice._meta.get_field(name)
        if name == "themes":
            practice.themes.set(practice.themes.model.objects.filter(slug__in=value))
        elif name == "sdgs":
            practice.sdgs.set(practice.sdgs.model.objects.filter(number__in=value))
        else:
            setattr(practice, field.attname, value)


@transaction.atomic
def edit_practice(
    *, practice_id: int, base_version: int | None, mine: dict[str, Any], user: User,
    action: str = Revision.Action.EDITED, drafts_only: bool = False,
) -> Practice:  # fmt: skip
    """Save one editor's values over what others saved since ``base_version``, field by field.

    Fields only this editor changed are written, fields only others changed are kept;
    both changing one field raises EditConflict and nothing is written. The status is never
    touched here; with ``drafts_only`` (autosave) a practice no longer a draft is refused.
    """
    practice = Practice.objects.select_for_update().get(pk=practice_id)
    if drafts_only and practice.status not in EDITABLE:
        raise NotEditable(practice)
    base = base_snapshot(practice, base_version)
    to_write, conflicts = merge_fields(base=base, theirs=snapshot(practice), mine=mine)
    if conflicts:
        raise EditConflict(practice, conflicts)
    if not to_write:
        return practice
    apply_values(practice, to_write)
    practice.version += 1
    practice.save()
    record_revision(practice=practice, action=action, user=user)
    return practice


@transaction.atomic
def submit_practice(*, practice: Practice, user: User) -> Practice:
    """Draft → submitted, once: the state it starts from is checked under a row lock."""
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    if practice.status not in EDITABLE:
        raise NotEditable(practice)
    if not practice.can_be_submitted:
        raise ValidationError(
            _("The practice is %(pct)s %% complete; %(min)s %% is needed to submit it. "
              "Still empty: %(fields)s.") % {"pct": practice.completeness,
                                             "min": practice.MIN_COMPLETENESS_TO_SUBMIT,
                                             "fields": ", ".join(practice.missing_fields)}
        )  # fmt: skip
    practice.status = Status.SUBMITTED
    practice.version += 1
    practice.save(update_fields=["status", "version", "updated_at"])
    record_revision(practice=practice, action=Revision.Action.SUBMITTED, user=user)
    staff = list(roles.secretariat_users().values_list("email", flat=True))
    transaction.on_commit(
        lambda: _notify(
            practice,
            staff,
            TranslateLater(gettext_lazy("Practice submitted for review: %s"), practice.title),
            "submitted",
            kind=Kind.PRACTICE_SUBMITTED,
        )
    )
    return practice


@transaction.atomic
def review_practice(*, practice: Practice, user: User, decision: str, note: str = "") -> Practice:
    """The secretariat publishes, asks for changes or archives; the author hears of it."""
    actions = {
        Status.PUBLISHED: Revision.Action.PUBLISHED,
        Status.CHANGES_REQUESTED: Revision.Action.CHANGES_REQUESTED,
        Status.ARCHIVED: Revision.Action.ARCHIVED,
    }
    if decision not in actions:
        raise ValueError(f"unknown review decision {decision!r}")
    practice.status = decision
    practice.review_note = note
    practice.version += 1
    fields = ["status", "review_note", "version", "updated_at"]
    if decision == Status.PUBLISHED and practice.published_at is None:
        practice.published_at = timezone.now()
        fields.append("published_at")
    practice.save(update_fields=fields)
    record_revision(practice=practice, action=actions[decision], user=user, note=note)
    author = practice.created_by
    if author and author.email and author != user:
        subject = TranslateLater(
            gettext_lazy("Your practice “%(title)s”: %(status)s"),
            title=practice.title, status=practice.get_status_display,
        )  # fmt: skip
        transaction.on_commit(
            lambda: _notify(
                practice, [author.email], subject, "reviewed", kind=Kind.PRACTICE_REVIEW
            )
        )
    return practice


def _notify(
    practice: Practice, recipients: list[str], subject: str, template: str, *, kind: str
) -> None:
    path = reverse("practices:detail", args=[practice.slug])
    notify(kind=kind, recipients=recipients, subject=subject, url=path,
           template=f"practices/email/{template}.txt",
           context={"practice": practice, "url": settings.SITE_URL + path})  # fmt: skip


@transaction.atomic
def add_attachment(*, practice: Practice, form, user: User):
    attachment = form.save(commit=False)
    attachment.practice = practice
    attachment.save()
    record_revision(
        practice=practice, action=Revision.Action.EDITED, user=user,
        note=_("attached %s") % (attachment.title or attachment.file.name),
    )  # fmt: skip
    return attachment


class NotPending(Exception):
    """The proposal was decided or replaced meanwhile; nothing was changed."""


@transaction.atomic
def propose_revision(
    *, practice: Practice, values: dict[str, Any], base_version: int | None, user: User
) -> ProposedRevision:
    """The author's changes to a published practice wait for the secretariat; the published
    text stays as it is. A newer proposal by the same person replaces their pending one."""
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    if practice.status != Status.PUBLISHED:
        raise NotEditable(practice)
    practice.proposed_revisions.pending().filter(proposed_by=user).update(
        status=ProposedRevision.Status.WITHDRAWN, decided_at=timezone.now()
    )
    proposal = ProposedRevision.objects.create(
        practice=practice, values=values, proposed_by=user,
        base_version=practice.version if base_version is None else base_version,
    )  # fmt: skip
    record_revision(practice=practice, action=Revision.Action.PROPOSED, user=user)
    staff = list(roles.secretariat_users().values_list("email", flat=True))
    subject = TranslateLater(gettext_lazy("Changes proposed to “%s”"), practice.title)
    transaction.on_commit(
        lambda: _notify_revision(proposal, staff, subject, kind=Kind.PRACTICE_SUBMITTED)
    )
    return proposal


def _lock_pending(revision_id: int) -> ProposedRevision:
    proposal = ProposedRevision.objects.select_for_update().get(pk=revision_id)
    if not proposal.is_pending:
        raise NotPending(proposal.get_status_display())
    return proposal


@transaction.atomic
def accept_revision(*, revision_id: int, user: User, note: str = "") -> ProposedRevision:
    """Apply the proposal with the three-way merge of ``edit_practice``: a field someone else
    changed since raises EditConflict and nothing is applied or decided."""
    proposal = _lock_pending(revision_id)
    before = Practice.objects.only("version").get(pk=proposal.practice_id).version
    practice = edit_practice(
        practice_id=proposal.practice_id, base_version=proposal.base_version,
        mine=proposal.values, user=user, action=Revision.Action.ACCEPTED,
    )  # fmt: skip
    if practice.version == before:  # nothing left to change: still say who decided
        record_revision(practice=practice, action=Revision.Action.ACCEPTED, user=user, note=note)
    return _decide(proposal, ProposedRevision.Status.ACCEPTED, user, note)


@transaction.atomic
def decline_revision(*, revision_id: int, user: User, note: str) -> ProposedRevision:
    """The published text stays; the author reads why in the note (required)."""
    if not note.strip():
        raise ValidationError(_("Tell the author why the changes are declined."))
    proposal = _lock_pending(revision_id)
    record_revision(
        practice=proposal.practice, action=Revision.Action.DECLINED, user=user, note=note
    )  # fmt: skip
    return _decide(proposal, ProposedRevision.Status.DECLINED, user, note)


def _decide(proposal: ProposedRevision, status: str, user: User, note: str) -> ProposedRevision:
    proposal.status, proposal.decided_by, proposal.note = status, user, note
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "decided_by", "decided_at", "note"])
    author = proposal.proposed_by
    if author and author.email and author != user:
        subject = TranslateLater(
            gettext_lazy("Your proposed changes to “%(title)s”: %(status)s"),
            title=proposal.practice.title, status=proposal.get_status_display,
        )  # fmt: skip
        transaction.on_commit(
            lambda: _notify_revision(proposal, [author.email], subject, kind=Kind.PRACTICE_REVIEW)
        )
    return proposal


def _notify_revision(
    proposal: ProposedRevision, recipients: list[str], subject, *, kind: str
) -> None:
    path = proposal.get_absolute_url()
    notify(kind=kind, recipients=recipients, subject=subject, url=path,
           template="practices/email/revision.txt",
           context={"proposal": proposal, "practice": proposal.practice,
                    "url": settings.SITE_URL + path})  # fmt: skip
