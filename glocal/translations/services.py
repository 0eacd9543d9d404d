"""Writing and reviewing translations of content."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from glocal.audit.services import record
from glocal.lib import roles
from glocal.members.models import User

from .languages import codes
from .models import Translatable, Translation, TranslationStatus


class TranslationError(Exception):
    """A translation that cannot be saved, with a message for the person who tried."""


@transaction.atomic
def save_translations(
    *, obj: Translatable, language: str, texts: dict[str, str], user: User, by_author: bool
) -> int:
    """Save one language version field by field; an emptied field drops its translation.

    A changed text goes back to draft; unchanged texts keep their review. Returns how many
    fields changed.
    """
    if language not in codes():
        raise TranslationError(_("Choose one of the offered languages."))
    if language == obj.language:
        raise TranslationError(_("This is the language the text was written in."))
    rows = Translation.objects.of(obj).filter(language=language).select_for_update()
    existing = {row.field: row for row in rows}
    now, changed, diff = timezone.now(), 0, {}
    for field in type(obj).TRANSLATABLE_FIELDS:
        text, row = texts.get(field, "").strip(), existing.get(field)
        old = row.text if row else None
        if row and not text:
            row.delete()
        elif text and (row is None or row.text != text):
            row = row or Translation(content_object=obj, field=field, language=language)
            row.text, row.status, row.by_author = text, TranslationStatus.DRAFT, by_author
            row.translated_by, row.translated_at = user, now
            row.reviewed_by = row.reviewed_at = None
            row.save()
        else:
            continue
        changed += 1
        diff[f"{field} ({language})"] = [old, text or None]
    if changed:
        record(actor=user, action="translation.saved", obj=obj, changes=diff)
    return changed


@transaction.atomic
def review_translations(*, obj: Translatable, language: str, user: User) -> int:
    """The secretariat marks one language version of ``obj`` as reviewed; returns the count."""
    if not roles.is_secretariat(user):
        raise PermissionDenied("Only the secretariat reviews translations.")
    drafts = Translation.objects.of(obj).filter(language=language).drafts()
    count = drafts.update(
        status=TranslationStatus.REVIEWED, reviewed_by=user, reviewed_at=timezone.now()
    )
    if count:
        record(actor=user, action="translation.reviewed", obj=obj,
               changes={f"status ({language})": ["draft", "reviewed"]})  # fmt: skip
    return count
