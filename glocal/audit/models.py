"""One row per change that matters: who, when, which object, which fields, from where."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .actions import label_of


class AuditEntryQuerySet(models.QuerySet):
    def about(self, obj: models.Model) -> "AuditEntryQuerySet":
        content_type = ContentType.objects.get_for_model(obj)
        return self.filter(content_type=content_type, object_id=obj.pk)

    def for_list(self) -> "AuditEntryQuerySet":
        return self.select_related("actor", "town", "content_type")


class AuditEntry(models.Model):
    """Written by the service that made the change, in its transaction; never edited."""

    created_at = models.DateTimeField(_("when"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    town = models.ForeignKey(
        "members.Municipality", verbose_name=_("municipality"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    action = models.CharField(_("action"), max_length=64)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    source = models.CharField(_("from"), max_length=300, blank=True)
    api_token_id = models.PositiveBigIntegerField(null=True, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [
            models.Index(fields=["content_type", "object_id", "-created_at"]),
            models.Index(fields=["actor", "-created_at"]),
            models.Index(fields=["town", "-created_at"]),
            models.Index(fields=["action", "-created_at"]),
            models.Index(fields=["-created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"

    @property
    def label(self) -> str:
        return label_of(self.action)

    @property
    def type_key(self) -> str:
        """``app_label.model`` of the object, as the history page's address names it."""
        ct = self.content_type
        return f"{ct.app_label}.{ct.model}" if ct else ""

    def change_rows(self) -> list[tuple[str, object, object]]:
        """(field, before, after) in the order they were recorded."""
        return [(name, *pair) for name, pair in self.changes.items()]
