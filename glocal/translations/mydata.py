"""Translations a person wrote or reviewed: the text belongs to the content and stays."""

from .models import Translation


def export(user) -> dict[str, list[dict]]:
    rows = Translation.objects.filter(translated_by=user).values(
        "content_type__model", "object_id", "field", "language", "text", "status", "translated_at"
    )
    return {"translations": list(rows)}


def erase(user) -> None:
    Translation.objects.filter(translated_by=user).update(translated_by=None)
    Translation.objects.filter(reviewed_by=user).update(reviewed_by=None)
