"""Every write to a practice goes through here, whoever asks: a page, a command or the admin."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.forms.models import model_to_dict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from glocal.lib import slugs
from glocal.members.languages import TranslateLater, emails_by_language
from glocal.members.models import User

from .engine import TEXT_FIELDS, bump_generation
from .models import Practice, Revision, Status
from .tasks import embed_practice

SNAPSHOT_EXCLUDE = {"id", "created_at", "updated_at"}
SEARCHED_FIELDS = {"title", "status", *TEXT_FIELDS}


def refresh_search(practice_id: int) -> None:
    """Tell every process its search index is stale; embed the new text in the background."""
    bump_generation()
    transaction.on_commit(lambda: embed_practice.enqueue(practice_id))


def snapshot(practice: Practice) -> dict:
    """The practice as plain JSON, many-to-many fields as sorted keys."""
    data = model_to_dict(practice, exclude=["themes", "sdgs"])
    data = {k: v for k, v in data.items() if k not in SNAPSHOT_EXCLUDE}
    if practice.pk:
        data["themes"] = sorted(practice.themes.values_list("slug", flat=True))
        data["sdgs"] = sorted(practice.sdgs.values_list("number", flat=True))
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data.items()}


def record_revision(
    *, practice: Practice, action: str, user: User | None, note: str = ""
) -> Revision:
    previous = practice.revisions.order_by("-created_at", "-pk").first()
    current = snapshot(practice)
    before = previous.snapshot if previous else {}
    changed = sorted(k for k, v in current.items() if before.get(k) != v)
    if SEARCHED_FIELDS.intersection(changed):
        refresh_search(practice.pk)
    return Revision.objects.create(
        practice=practice,
        action=action,
        user=user,
        note=note,
        changed_fields=changed,
        snapshot=current,
    )


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
    practice.save()
    if m2m:
        m2m()
    record_revision(
        practice=practice, action=Revision.Action.CREATED if is_new else action, user=user
    )
    return practice


@transaction.atomic
def submit_practice(*, practice: Practice, user: User) -> Practice:
    practice.status = Status.SUBMITTED
    practice.save(update_fields=["status", "updated_at"])
    record_revision(practice=practice, action=Revision.Action.SUBMITTED, user=user)
    staff = list(User.objects.filter(is_staff=True, is_active=True).values_list("email", flat=True))
    transaction.on_commit(
        lambda: _notify(
            practice,
            staff,
            TranslateLater(gettext_lazy("Practice submitted for review: %s"), practice.title),
            "submitted",
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
    fields = ["status", "review_note", "updated_at"]
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
        transaction.on_commit(lambda: _notify(practice, [author.email], subject, "reviewed"))
    return practice


def _notify(
    practice: Practice, recipients: list[str], subject: TranslateLater, template: str
) -> None:
    if not recipients:
        return
    url = settings.SITE_URL + reverse("practices:detail", args=[practice.slug])
    for language, group in emails_by_language(recipients).items():
        with translation.override(language):
            context = {"practice": practice, "url": url}
            body = render_to_string(f"practices/email/{template}.txt", context)
            send_mail(str(subject), body, None, group)


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
