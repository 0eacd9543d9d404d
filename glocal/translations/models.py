"""Translations of user-written content, one field in one language at a time.

Any model that inherits ``Translatable`` records the language it was written in and lists its
``TRANSLATABLE_FIELDS``; its translations are rows keyed by content type, object, field and
language, each a draft until the secretariat reviews it (an author's own is shown at once).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .languages import active_language, language_choices


class TranslationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEWED = "reviewed", _("Reviewed")


def as_typed(text: str) -> str:
    """A text as a form sends it back unchanged: no outer spaces, lines ending in LF."""
    return text.replace("\r\n", "\n").strip()


class TranslationQuerySet(models.QuerySet):
    def shown(self) -> "TranslationQuerySet":
        """Reviewed translations, and those the content's own author wrote."""
        return self.filter(models.Q(status=TranslationStatus.REVIEWED) | models.Q(by_author=True))

    def drafts(self) -> "TranslationQuerySet":
        return self.filter(status=TranslationStatus.DRAFT)

    def of(self, obj: models.Model) -> "TranslationQuerySet":
        content_type = ContentType.objects.get_for_model(obj)
        return self.filter(content_type=content_type, object_id=obj.pk)

    def texts(self, fields: tuple[str, ...]) -> dict[str, str]:
        """Each field's text in these rows ("" where there is none), as a form compares it."""
        found = {row.field: row.text for row in self}
        return {field: as_typed(found.get(field, "")) for field in fields}


class Translation(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    field = models.CharField(_("field"), max_length=50)
    language = models.CharField(_("language"), max_length=10)
    text = models.TextField(_("text"))
    status = models.CharField(
        _("status"), max_length=10, choices=TranslationStatus.choices,
        default=TranslationStatus.DRAFT,
    )  # fmt: skip
    by_author = models.BooleanField(_("written by the content's author"), default=False)
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("translated by"),
    )  # fmt: skip
    translated_at = models.DateTimeField(_("translated at"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("reviewed by"),
    )  # fmt: skip
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    objects = TranslationQuerySet.as_manager()

    class Meta:
        ordering = ["content_type", "object_id", "language", "field"]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="one_translation_per_field_and_language",
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id", "language"])]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id} {self.field} [{self.language}]"

    @property
    def is_shown(self) -> bool:
        return self.status == TranslationStatus.REVIEWED or self.by_author


class Translatable(models.Model):
    """Content written in one language that authors and the secretariat may translate."""

    TRANSLATABLE_FIELDS: tuple[str, ...] = ()

    language = models.CharField(
        _("original language"), max_length=10, choices=language_choices,
        default=active_language, help_text=_("The language this text is written in."),
    )  # fmt: skip
    translations = GenericRelation(Translation)

    class Meta:
        abstract = True

    @cached_property
    def tr(self):
        """This content as the viewer reads it: their language where a translation is shown."""
        from .reading import Reading

        return Reading(self, active_language())

    def get_translations_url(self) -> str:
        return f"{self.get_absolute_url()}translations/"
