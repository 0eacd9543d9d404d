"""Prototypes (transferable versions of practices) and local action projects adapted from them."""

import datetime
import uuid
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from glocal.lib import roles
from glocal.members.models import Municipality
from glocal.practices.models import Practice
from glocal.reference.models import Sdg, Theme
from glocal.translations.languages import active_language
from glocal.translations.models import Translatable
from glocal.translations.reading import shown_translations

# The plan's rows (goals, milestones, budget, partners, team, risks) live in models_plan.py;
# importing it here registers them with the app.
from .models_plan import Milestone

UPDATE_INTERVAL_DAYS = 30  # a running project is expected to post an update once a month


class PrototypeQuerySet(models.QuerySet):
    def visible_to(self, user) -> "PrototypeQuerySet":
        """Published prototypes for everyone; drafts only for the secretariat."""
        if roles.is_secretariat(user):
            return self
        return self.filter(is_published=True)

    def with_related_visible_to(self, user) -> "PrototypeQuerySet":
        """Prefetch the SDGs and only the practices and projects ``user`` may see, so that
        counts of towns adapting a prototype do not reveal private projects."""
        return self.prefetch_related(
            "sdgs",
            models.Prefetch("source_practices", queryset=Practice.objects.visible_to(user)),
            models.Prefetch("projects", queryset=Project.objects.visible_to(user)),
        )


class Prototype(Translatable):
    TRANSLATABLE_FIELDS = (
        "title", "summary", "approach", "steps", "preconditions",
        "typical_cost", "typical_staff", "risks", "learnings"
    )  # fmt: skip

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(unique=True, max_length=220)
    summary = models.TextField(_("summary"), max_length=1000)
    source_practices = models.ManyToManyField(
        Practice, blank=True, related_name="prototypes", verbose_name=_("drawn from practices")
    )
    approach = models.TextField(_("general approach"), blank=True)
    steps = models.TextField(_("steps"), blank=True)
    preconditions = models.TextField(_("preconditions"), blank=True)
    typical_cost = models.CharField(_("typical cost"), max_length=300, blank=True)
    typical_staff = models.CharField(_("typical staff"), max_length=300, blank=True)
    risks = models.TextField(_("risks"), blank=True)
    learnings = models.TextField(_("learnings"), blank=True)
    themes = models.ManyToManyField(Theme, blank=True, verbose_name=_("themes"))
    sdgs = models.ManyToManyField(Sdg, blank=True, verbose_name=_("SDG goals"))
    is_published = models.BooleanField(_("published"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Counts saves of the prototype and its variants; its edit page sends the version it loaded
    # (glocal.lib.edit_versions), as the admin's change page does.
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = PrototypeQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("prototype")
        verbose_name_plural = _("prototypes")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:prototype_detail", args=[self.slug])


class ProjectStatus(models.TextChoices):
    PLANNING = "planning", _("Planning")
    IMPLEMENTING = "implementing", _("Implementing")
    COMPLETED = "completed", _("Completed")
    DISCONTINUED = "discontinued", _("Discontinued")


class ProjectVisibility(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    NETWORK = "network", _("Signed-in network members")
    PRIVATE = "private", _("Our municipality and the secretariat")


class ProjectQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ProjectQuerySet":
        """Public projects for everyone, network ones when signed in, private ones at home."""
        if roles.is_secretariat(user):
            return self
        if user.is_authenticated:
            return self.filter(
                models.Q(visibility__in=[ProjectVisibility.PUBLIC, ProjectVisibility.NETWORK])
                | roles.represented_by(user, "municipality")
            ).distinct()
        return self.filter(visibility=ProjectVisibility.PUBLIC)

    def editable_by(self, user) -> "ProjectQuerySet":
        if not user.is_authenticated:
            return self.none()
        if roles.is_secretariat(user):
            return self
        return self.filter(roles.represented_by(user, "municipality")).distinct()

    def running(self) -> "ProjectQuerySet":
        return self.filter(status__in=[ProjectStatus.PLANNING, ProjectStatus.IMPLEMENTING])

    def for_list(self) -> "ProjectQuerySet":
        return self.select_related(
            "municipality__country", "prototype", "source_practice"
        ).prefetch_related(shown_translations(active_language()))

    def with_flags(self, today: datetime.date | None = None) -> "ProjectQuerySet":
        """Annotate ``overdue_count`` (open milestones past due) and ``last_update_at``."""
        today = today or timezone.localdate()
        overdue = (
            Milestone.objects.overdue(today)
            .filter(project=models.OuterRef("pk"))
            .values("project")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        last_update = ProgressUpdate.objects.filter(project=models.OuterRef("pk")).values(
            "created_at"
        )[:1]
        return self.annotate(
            overdue_count=Coalesce(models.Subquery(overdue), 0),
            last_update_at=models.Subquery(last_update),
        )


class Project(Translatable):
    """A municipality's local action project, adapted from a prototype or a practice."""

    TRANSLATABLE_FIELDS = ("title", "summary")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="projects",
        verbose_name=_("municipality"),
    )  # fmt: skip
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    prototype = models.ForeignKey(
        Prototype, null=True, blank=True, on_delete=models.SET_NULL, related_name="projects",
        verbose_name=_("adapted from prototype"),
    )  # fmt: skip
    source_practice = models.ForeignKey(
        Practice, null=True, blank=True, on_delete=models.SET_NULL, related_name="projects",
        verbose_name=_("adapted from practice"),
    )  # fmt: skip
    status = models.CharField(
        _("status"), max_length=15, choices=ProjectStatus.choices, default=ProjectStatus.PLANNING
    )
    visibility = models.CharField(
        _("who can see it"), max_length=10, choices=ProjectVisibility.choices,
        default=ProjectVisibility.NETWORK,
    )  # fmt: skip
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Counts saves of the plan; an editor sends the version it loaded (glocal.lib.edit_versions).
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("local action project")
        verbose_name_plural = _("local action projects")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:project_detail", args=[self.pk])

    @property
    def is_running(self) -> bool:
        return self.status in (ProjectStatus.PLANNING, ProjectStatus.IMPLEMENTING)

    def update_is_missing(self, last_update_at, today: datetime.date | None = None) -> bool:
        """Implementing, and no progress update for more than a month (or ever)."""
        if self.status != ProjectStatus.IMPLEMENTING:
            return False
        today = today or timezone.localdate()
        since = last_update_at.date() if last_update_at else (self.start_date or today)
        return (today - since).days > UPDATE_INTERVAL_DAYS


class ContextSize(models.TextChoices):
    SMALL = "small", _("Small town (under 20,000)")
    MEDIUM = "medium", _("Medium town (20,000–100,000)")
    LARGE = "large", _("City (over 100,000)")


class ContextBudget(models.TextChoices):
    LOW = "low", _("Small budget (under €20,000)")
    MEDIUM = "medium", _("Medium budget (€20,000–200,000)")
    HIGH = "high", _("Large budget (over €200,000)")


class PrototypeVariant(models.Model):
    """How the prototype changes in a given context: a small town, a tight budget."""

    prototype = models.ForeignKey(Prototype, on_delete=models.CASCADE, related_name="variants")
    name = models.CharField(_("name"), max_length=150)
    size = models.CharField(_("town size"), max_length=10, choices=ContextSize.choices, blank=True)
    budget = models.CharField(_("budget"), max_length=10, choices=ContextBudget.choices, blank=True)
    description = models.TextField(_("what changes"))

    class Meta:
        ordering = ["prototype", "name"]
        verbose_name = _("prototype variant")
        verbose_name_plural = _("prototype variants")

    def __str__(self) -> str:
        return self.name


class Decision(models.TextChoices):
    KEPT = "kept", _("Kept as it is")
    CHANGED = "changed", _("Changed")
    DROPPED = "dropped", _("Dropped")


class AdaptationChoice(models.Model):
    """One element of the source and what the town did with it, and why: the lineage."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="adaptations")
    element = models.CharField(_("element"), max_length=100)
    source_text = models.TextField(_("in the source"), blank=True)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    reason = models.TextField(_("what we do instead and why"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["project", "position"]
        verbose_name = _("adaptation choice")
        verbose_name_plural = _("adaptation choices")

    def __str__(self) -> str:
        return f"{self.element}: {self.get_decision_display()}"


class IndicatorQuerySet(models.QuerySet):
    def with_latest(self) -> "IndicatorQuerySet":
        """Annotate ``latest_value`` and ``latest_on``: the most recent measurement."""
        latest = Measurement.objects.filter(indicator=models.OuterRef("pk")).order_by(
            "-measured_on", "-pk"
        )
        return self.annotate(
            latest_value=models.Subquery(latest.values("value")[:1]),
            latest_on=models.Subquery(latest.values("measured_on")[:1]),
        )


class Indicator(models.Model):
    """What the project measures, from where it starts to where it wants to be, and by when."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=50)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    target_date = models.DateField(_("target date"))
    sdgs = models.ManyToManyField(Sdg, blank=True, verbose_name=_("SDG goals"))

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["project", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})"

    def progress(self, value: Decimal | None) -> int | None:
        """How far ``value`` has come from the baseline to the target, 0–100 %."""
        return progress_between(self.baseline, self.target, value)


def progress_between(baseline: Decimal, target: Decimal, value: Decimal | None) -> int | None:
    """How far ``value`` has come from ``baseline`` to ``target``, 0–100 %; None if unmeasured."""
    if value is None or target == baseline:
        return None
    share = (value - baseline) / (target - baseline) * 100
    return max(0, min(100, round(share)))


class Measurement(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField(_("measured on"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["indicator", "measured_on", "pk"]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")

    def __str__(self) -> str:
        return f"{self.value} {self.indicator.unit} ({self.measured_on})"


class ProgressUpdate(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="updates")
    text = models.TextField(_("what happened"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["project", "-created_at"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self) -> str:
        return f"{self.project} · {self.created_at:%Y-%m-%d}"


EVIDENCE_TYPES = {  # the endings the upload check accepts, and what browsers are told they are
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
    ".webp": "image/webp", ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
}  # fmt: skip


def evidence_path(instance: "EvidenceFile", filename: str) -> str:
    """A random folder per file, so a stored path cannot be guessed: evidence is served only
    through its project (``projects:evidence``), never as a public media link."""
    return f"projects/evidence/{uuid.uuid4().hex}/{filename}"


class EvidenceFile(models.Model):
    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("file"), upload_to=evidence_path)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["update", "pk"]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")

    def __str__(self) -> str:
        return self.name

    @property
    def content_type(self) -> str:
        return EVIDENCE_TYPES.get(Path(self.file.name).suffix.lower(), "application/octet-stream")

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class TransferResult(models.TextChoices):
    WORKED = "worked", _("Yes, the transfer worked")
    PARTLY = "partly", _("Partly")
    FAILED = "failed", _("No, it did not work here")


class TransferOutcome(models.Model):
    """Recorded when a project ends: it feeds back to the source practice's evidence."""

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="outcome")
    result = models.CharField(_("did the transfer work?"), max_length=10,
                              choices=TransferResult.choices)  # fmt: skip
    achievements = models.TextField(_("what it achieved"))
    lessons = models.TextField(_("what others should know"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("transfer outcome")
        verbose_name_plural = _("transfer outcomes")

    def __str__(self) -> str:
        return f"{self.project}: {self.get_result_display()}"


class ReminderLog(models.Model):
    """One row per project and day a reminder went out, so cron can run as often as it likes."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="reminders")
    sent_on = models.DateField()
    recipients = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "sent_on"], name="one_reminder_per_day")
        ]
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")

    def __str__(self) -> str:
        return f"{self.project} · {self.sent_on}"
