"""Writing and reviewing translations of content.

Two people may translate one object into one language at once (its author and the
secretariat): a save names the texts its page showed (``base``), so fields only others changed
meanwhile are kept and a field both changed is an ``EditConflict``; marking texts reviewed
names the texts the reviewer read (``seen``) and is refused if any changed since.
"""

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from glocal.audit.services import record
from glocal.lib import roles
from glocal.lib.edit_versions import EditConflict, StaleState
from glocal.lib.three_way import merge_fields
from glocal.members.models import User

from .languages import codes
from .models import Translatable, Translation, TranslationStatus, as_typed


class TranslationError(Exception):
    """A translation that cannot be saved, with a message for the person who tried."""


@transaction.atomic
def save_translations(
    *, obj: Translatable, language: str, texts: dict[str, str], user: User, by_author: bool,
    base: dict[str, str] | None = None,
) -> int:  # fmt: skip
    """Save one language version field by field; an emptied field drops its translation.

    A changed text goes back to draft; unchanged texts keep their review. With ``base``, the
    texts the editor's page showed, only the fields this editor changed are written; a field
    someone else changed meanwhile to another text raises EditConflict and nothing is saved.
    Returns how many fields changed.
    """
    if language not in codes():
        raise TranslationError(_("Choose one of the offered languages."))
    if language == obj.language:
        raise TranslationError(_("This is the language the text was written in."))
    fields = type(obj).TRANSLATABLE_FIELDS
    rows = _locked_rows(obj, language)
    existing = {row.field: row for row in rows}
    mine = {field: as_typed(texts.get(field, "")) for field in fields}
    to_write = _texts_to_write(obj=obj, base=base, theirs=rows.texts(fields), mine=mine)
    now, diff = timezone.now(), {}
    for field, text in to_write.items():
        row = existing.get(field)
        diff[f"{field} ({language})"] = [row.text if row else None, text or None]
        if not text:
            row.delete()
            continue
        row = row or Translation(content_object=obj, field=field, language=language)
        row.text, row.status, row.by_author = text, TranslationStatus.DRAFT, by_author
        row.translated_by, row.translated_at = user, now
        row.reviewed_by = row.reviewed_at = None
        row.save()
    if diff:
        record(actor=user, action="translation.saved", obj=obj, changes=diff)
    return len(diff)


def _locked_rows(obj: Translatable, language: str) -> models.QuerySet:
    """One language version's rows, after locking the content's row: saves and reviews of its
    translations wait for each other, even where a row is still to be created."""
    type(obj)._base_manager.select_for_update().only("pk").get(pk=obj.pk)
    return Translation.objects.of(obj).filter(language=language).select_for_update()


def _texts_to_write(
    *, obj: Translatable, base: dict[str, str] | None, theirs: dict[str, str],
    mine: dict[str, str],
) -> dict[str, str]:  # fmt: skip
    """The fields whose text to write (in field order); EditConflict when both changed one."""
    if base is None:  # a script, or a page from before pages named their texts
        return {field: text for field, text in mine.items() if text != theirs[field]}
    base = {field: as_typed(base.get(field, "")) for field in mine}
    to_write, conflicts = merge_fields(base=base, theirs=theirs, mine=mine)
    if conflicts:
        kept = {field: theirs[field] for field, text in mine.items()
                if text == base[field] != theirs[field]}  # fmt: skip
        raise EditConflict(obj, conflicts, kept)
    return {field: to_write[field] for field in mine if field in to_write}


@transaction.atomic
def review_translations(
    *, obj: Translatable, language: str, user: User, seen: dict[str, str] | None = None
) -> int:
    """The secretariat marks one language version of ``obj`` as reviewed; returns the count.

    With ``seen``, the texts the reviewer's page showed: refused with StaleState, nothing
    marked, if any text changed since.
    """
    if not roles.is_secretariat(user):
        raise PermissionDenied("Only the secretariat reviews translations.")
    rows = _locked_rows(obj, language)
    fields = type(obj).TRANSLATABLE_FIELDS
    if seen is not None and rows.texts(fields) != {f: as_typed(seen.get(f, "")) for f in fields}:
        raise StaleState(obj, _(
            "Nothing is marked reviewed: someone changed this translation after you opened "
            "the page. Read the texts below again, then mark them reviewed."
        ))  # fmt: skip
    count = (
        Translation.objects.of(obj)
        .filter(language=language)
        .drafts()
        .update(status=TranslationStatus.REVIEWED, reviewed_by=user, reviewed_at=timezone.now())
    )
    if count:
        record(actor=user, action="translation.reviewed", obj=obj,
               changes={f"status ({language})": ["draft", "reviewed"]})  # fmt: skip
    return count
