"""What the API says about an object's languages: its original and its shown translations."""

from django.db.models import Prefetch
from ninja import Schema

from .models import Translation


class TranslationOut(Schema):
    language: str
    reviewed: bool
    fields: dict[str, str]


def all_translations() -> Prefetch:
    """Every shown translation of a page of objects, in one query."""
    rows = Translation.objects.shown().order_by("language", "field")
    return Prefetch("translations", queryset=rows, to_attr="api_translations")


def translations_of(obj) -> list[dict]:
    """Shown translations grouped by language; reviewed only if every field in it is."""
    rows = getattr(obj, "api_translations", None)
    if rows is None:
        rows = obj.translations.shown().order_by("language", "field")
    versions: dict[str, dict] = {}
    for row in rows:
        version = versions.setdefault(row.language, {"language": row.language, "reviewed": True,
                                                     "fields": {}})  # fmt: skip
        version["fields"][row.field] = row.text
        version["reviewed"] = version["reviewed"] and row.status == "reviewed"
    return list(versions.values())


class TranslatedOut(Schema):
    """``language`` the content was written in; ``translations`` readers may be shown."""

    language: str
    translations: list[TranslationOut]

    @staticmethod
    def resolve_translations(obj) -> list[dict]:
        return translations_of(obj)
