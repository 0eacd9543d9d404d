"""Best practices: the records of the showroom, their files and their history."""

import numpy as np
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from glocal.lib import roles
from glocal.lib.embeddings import DIMENSIONS
from glocal.members.models import Municipality
from glocal.reference.models import Country, Sdg, Theme
from glocal.translations.languages import active_language
from glocal.translations.models import Translatable
from glocal.translations.reading import shown_translations

from .search import search_practices


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    CHANGES_REQUESTED = "changes", _("Changes requested")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class CostBand(models.TextChoices):
    LOW = "low", _("Low cost (under €20,000)")
    MEDIUM = "medium", _("Medium cost (€20,000–200,000)")
    HIGH = "high", _("High cost (over €200,000)")


class Distinction(models.TextChoices):
    """The network's own award, set by the jury's published decision (calls app)."""

    WINNER = "winner", _("Network award winner")
    FINALIST = "finalist", _("Network award finalist")


YEAR_VALIDATORS = [MinValueValidator(1950), MaxValueValidator(2100)]


class PracticeQuerySet(models.QuerySet):
    def published(self) -> "PracticeQuerySet":
        return self.filter(status=Status.PUBLISHED)

    def search(self, q: str) -> "PracticeQuerySet":
        """Practices matching ``q``, best first. Callers never know the backend."""
        return search_practices(self, q)

    def editable_by(self, user) -> "PracticeQuerySet":
        if not user.is_authenticated:
            return self.none()
        if roles.is_secretariat(user):
            return self
        return self.filter(roles.represented_by(user, "municipality")).distinct()

    def visible_to(self, user) -> "PracticeQuerySet":
        if roles.is_secretariat(user):
            return self
        published = models.Q(status=Status.PUBLISHED)
        if not user.is_authenticated:
            return self.filter(published)
        mine = self.filter(
            roles.represented_by(user, "municipality") | models.Q(created_by=user)
        ).values("pk")
        return self.filter(published | models.Q(pk__in=mine))

    def for_cards(self) -> "PracticeQuerySet":
        """With what a card shows, translations into the viewer's language included."""
        return self.select_related("municipality", "country").prefetch_related(
            "themes", "sdgs", shown_translations(active_language())
        )


class Practice(Translatable):
    TRANSLATABLE_FIELDS = (
        "title", "summary", "target_groups", "situation_before", "objectives", "approach",
        "partners", "budget_notes", "staff", "results", "evidence", "lessons", "transferability"
    )  # fmt: skip

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(unique=True, max_length=220)
    summary = models.TextField(_("summary"), max_length=1000)
    municipality = models.ForeignKey(
        Municipality,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practices",
        verbose_name=_("owning municipality"),
    )
    owner_name = models.CharField(
        _("external owner"),
        max_length=200,
        blank=True,
        help_text=_("When the practice belongs to an organisation that is not a member."),
    )
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("country")
    )
    start_year = models.PositiveSmallIntegerField(
        _("start year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    end_year = models.PositiveSmallIntegerField(
        _("end year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    themes = models.ManyToManyField(Theme, blank=True, verbose_name=_("themes"))
    sdgs = models.ManyToManyField(Sdg, blank=True, verbose_name=_("SDG goals"))
    target_groups = models.CharField(_("target groups"), max_length=300, blank=True)
    situation_before = models.TextField(_("situation before"), blank=True)
    objectives = models.TextField(_("objectives"), blank=True)
    approach = models.TextField(_("approach and steps"), blank=True)
    partners = models.TextField(_("partners and their support"), blank=True)
    budget_eur = models.PositiveIntegerField(_("budget (EUR)"), null=True, blank=True)
    budget_notes = models.CharField(_("budget notes"), max_length=300, blank=True)
    cost_band = models.CharField(
        _("cost band"), max_length=10, choices=CostBand.choices, blank=True
    )
    staff = models.CharField(_("staff"), max_length=200, blank=True)
    duration_months = models.PositiveSmallIntegerField(
        _("duration (months)"), null=True, blank=True
    )
    results = models.TextField(_("results with figures"), blank=True)
    evidence = models.TextField(_("evidence of impact"), blank=True)
    lessons = models.TextField(_("lessons learned"), blank=True)
    transferability = models.TextField(_("transferability notes"), blank=True)
    award = models.CharField(_("award or label"), max_length=200, blank=True)
    distinction = models.CharField(
        _("network award"), max_length=10, choices=Distinction.choices, blank=True
    )
    distinction_title = models.CharField(_("network award title"), max_length=200, blank=True)
    links = models.TextField(_("links"), blank=True, help_text=_("One web address per line."))
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    source_name = models.CharField(_("source"), max_length=200, blank=True)
    source_id = models.CharField(_("source id"), max_length=100, blank=True)
    source_url = models.URLField(_("source address"), max_length=500, blank=True)
    licence = models.CharField(_("licence"), max_length=100, blank=True, default="CC BY 4.0")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    is_verified = models.BooleanField(_("verified by the secretariat"), default=False)
    review_note = models.TextField(_("note from the reviewer"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # Counts saves; an editor sends the version it loaded, so a stale save is merged or refused.
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_name", "source_id"],
                condition=~models.Q(source_id=""),
                name="unique_practice_source_id",
            )
        ]
        indexes = [models.Index(fields=["status", "-published_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("practices:detail", args=[self.slug])

    @property
    def owner(self) -> str:
        return self.municipality.name if self.municipality_id else self.owner_name

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]

    @property
    def years(self) -> str:
        if self.start_year and self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year or "")

    COMPLETENESS_FIELDS = (
        "summary", "situation_before", "objectives", "approach", "partners", "cost_band",
        "staff", "results", "evidence", "lessons", "transferability", "contact_email",
        "start_year", "country_id",
    )  # fmt: skip

    @property
    def completeness(self) -> int:
        """Share of the descriptive fields that are filled in, in percent."""
        filled = sum(1 for name in self.COMPLETENESS_FIELDS if getattr(self, name))
        return round(100 * filled / len(self.COMPLETENESS_FIELDS))

    @property
    def is_complete(self) -> bool:
        return self.completeness >= 80

    MIN_COMPLETENESS_TO_SUBMIT = 50

    @property
    def missing_fields(self) -> list[str]:
        """Labels of the descriptive fields still empty, in the form's order."""
        names = [n for n in self.COMPLETENESS_FIELDS if not getattr(self, n)]
        return [str(self._meta.get_field(n.removesuffix("_id")).verbose_name) for n in names]

    @property
    def can_be_submitted(self) -> bool:
        return self.completeness >= self.MIN_COMPLETENESS_TO_SUBMIT


def attachment_path(instance: "Attachment", filename: str) -> str:
    return f"practices/{instance.practice_id}/{filename}"


class Attachment(models.Model):
    class Kind(models.TextChoices):
        IMAGE = "image", _("Image")
        FILE = "file", _("Document")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(max_length=5, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to=attachment_path)
    title = models.CharField(_("title"), max_length=200, blank=True)
    alt_text = models.CharField(
        _("description for people who cannot see the image"), max_length=300, blank=True
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "uploaded_at"]

    def __str__(self) -> str:
        return self.title or self.file.name


class Revision(models.Model):
    """One entry in a practice's history: who did what, and the record as it then was."""

    class Action(models.TextChoices):
        CREATED = "created", _("created")
        SAVED = "saved", _("saved a draft")
        EDITED = "edited", _("edited")
        SUBMITTED = "submitted", _("submitted for review")
        CHANGES_REQUESTED = "changes", _("asked for changes")
        PUBLISHED = "published", _("published")
        ARCHIVED = "archived", _("archived")
        IMPORTED = "imported", _("imported")
        PROPOSED = "proposed", _("proposed changes")
        ACCEPTED = "accepted", _("accepted proposed changes")
        DECLINED = "declined", _("declined proposed changes")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="revisions")
    action = models.CharField(max_length=10, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)
    changed_fields = models.JSONField(default=list)
    snapshot = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.practice} {self.action}"


class ProposedRevisionQuerySet(models.QuerySet):
    def pending(self) -> "ProposedRevisionQuerySet":
        return self.filter(status=ProposedRevision.Status.PENDING)

    def on_desk_of(self, user, *, since) -> "ProposedRevisionQuerySet":
        """The person's own proposals, pending or decided since ``since``; for the
        secretariat, every pending proposal as well."""
        mine = models.Q(proposed_by=user) & (
            models.Q(status=ProposedRevision.Status.PENDING)
            | models.Q(decided_at__gte=since, status__in=ProposedRevision.DECIDED)
        )
        if roles.is_secretariat(user):
            mine |= models.Q(status=ProposedRevision.Status.PENDING)
        return self.filter(mine)


class ProposedRevision(models.Model):
    """Changes an author proposes to a published practice; the published text stays online
    until the secretariat accepts them."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for the secretariat")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        WITHDRAWN = "withdrawn", _("replaced by a newer proposal")

    DECIDED = (Status.ACCEPTED, Status.DECLINED)

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="proposed_revisions"
    )
    # The proposed field values, shaped like a history snapshot (see services.snapshot).
    values = models.JSONField(default=dict)
    base_version = models.PositiveIntegerField()
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(_("note to the author"), blank=True)

    objects = ProposedRevisionQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.practice} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("practices:revision", args=[self.pk])

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING


VECTOR_BYTES = DIMENSIONS * 4  # one chunk's row of float32


class PracticeVectorQuerySet(models.QuerySet):
    def malformed(self):
        """Rows whose bytes are not ``chunks`` rows of the model's width: truncated, of
        another dimension or empty. The index skips them; embedding replaces them."""
        well_formed = Q(chunks__gt=0, size=F("chunks") * VECTOR_BYTES)
        return self.annotate(size=Length("data")).exclude(well_formed)


def vector_rows(data: bytes, chunks: int):
    """A stored vector as a (chunks × dimensions) array, or None when it is malformed."""
    if chunks <= 0 or len(data) != chunks * VECTOR_BYTES:
        return None
    return np.frombuffer(data, dtype=np.float32).reshape(chunks, DIMENSIONS)


class PracticeVector(models.Model):
    """The practice's text as sentence embeddings (one row of float32 per chunk)."""

    practice = models.OneToOneField(
        Practice, on_delete=models.CASCADE, primary_key=True, related_name="vector"
    )
    model = models.CharField(max_length=80)
    text_hash = models.CharField(max_length=64)
    chunks = models.PositiveSmallIntegerField()
    data = models.BinaryField()
    updated_at = models.DateTimeField(auto_now=True)

    objects = PracticeVectorQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.practice_id} ({self.chunks} × {self.model})"


class SearchIndexState(models.Model):
    """A counter every write to practice text bumps, so each process knows its index is stale."""

    generation = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"search generation {self.generation}"
