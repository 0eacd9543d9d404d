"""Reading content in the viewer's language: each text knows the language it is in."""

from django.db.models import Prefetch
from django.utils.html import format_html

from .languages import direction, language_name
from .models import Translation


class Text(str):
    """A piece of user text with its language, so templates can mark it up correctly."""

    language: str

    def __new__(cls, value: str, language: str) -> "Text":
        text = super().__new__(cls, value)
        text.language = language
        return text

    @property
    def attrs(self) -> str:
        """``lang="ar" dir="rtl"`` for Arabic, ``lang="fr" dir="auto"`` for French."""
        return format_html('lang="{}" dir="{}"', self.language, direction(self.language))


def shown_translations(language: str) -> Prefetch:
    """Prefetch the translations a viewer in ``language`` sees, in one query for a whole list."""
    rows = Translation.objects.shown().filter(language=language)
    return Prefetch("translations", queryset=rows, to_attr="shown_translations")


class Reading:
    """One object's translatable fields as shown in ``language``, or in the original."""

    def __init__(self, obj, language: str, *, original: bool = False) -> None:
        self.obj = obj
        self.original_language = obj.language or language
        self.language = language
        self.show_original = original
        rows = [] if language == self.original_language else self._rows(obj, language)
        self.available = {row.field: row.text for row in rows if row.text}
        self.texts = {} if original else self.available

    @staticmethod
    def _rows(obj, language: str) -> list[Translation]:
        prefetched = getattr(obj, "shown_translations", None)
        if prefetched is not None:
            return [row for row in prefetched if row.language == language]
        if obj.pk is None:
            return []
        return list(obj.translations.shown().filter(language=language))

    def __getitem__(self, field: str) -> Text:
        if field not in type(self.obj).TRANSLATABLE_FIELDS:
            raise KeyError(field)
        if field in self.texts:
            return Text(self.texts[field], self.language)
        return Text(getattr(self.obj, field) or "", self.original_language)

    @property
    def is_translated(self) -> bool:
        return bool(self.texts)

    @property
    def has_translation(self) -> bool:
        """A translation into the viewer's language exists, shown or not right now."""
        return bool(self.available)

    @property
    def original_name(self) -> str:
        return language_name(self.original_language)

    @property
    def language_name(self) -> str:
        return language_name(self.language)


def read_for(request, obj) -> Reading:
    """Set how a detail page shows ``obj``: the viewer's language, or the original on request."""
    from .languages import active_language

    obj.tr = Reading(obj, active_language(), original="original" in request.GET)
    return obj.tr
