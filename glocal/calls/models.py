"""Calls for proposals, the applications towns send, their review, and the HUBs they become."""

import datetime
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from glocal.lib import roles
from glocal.lib.dates import add_years
from glocal.lib.edit_versions import plain
from glocal.members.models import Municipality, PopulationBand
from glocal.practices.models import Practice
from glocal.projects.models import Project
from glocal.reference.models import Region, Sdg
from glocal.translations.models import Translatable

SCORE_MAX = 10  # every criterion is scored from 0 to 10
HUB_YEARS = (1, 3)  # a HUB's deliverables fall within one to three years


class Kind(models.TextChoices):
    LAB = "lab", _("Local Change Lab host")
    HUB = "hub", _("Local4Action HUB")
    AWARD = "award", _("Network award")
    FIELD = "field", _("Field-exposure host")
    OTHER = "other", _("Other")


class CallStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    DECIDED = "decided", _("Decided")


class CallQuerySet(models.QuerySet):
    def visible_to(self, user) -> "CallQuerySet":
        if roles.is_secretariat(user):
            return self
        return self.exclude(status=CallStatus.DRAFT)

    def accepting(self, now: datetime.datetime | None = None) -> "CallQuerySet":
        now = now or timezone.now()
        return self.filter(status=CallStatus.OPEN, opens_at__lte=now, closes_at__gt=now)

    def awards(self) -> "CallQuerySet":
        return self.filter(kind=Kind.AWARD)


class Call(Translatable):
    TRANSLATABLE_FIELDS = ("title", "summary", "description", "eligibility_notes")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(unique=True, max_length=220)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    summary = models.CharField(_("summary"), max_length=400)
    description = models.TextField(_("description"), blank=True)
    eligibility_notes = models.TextField(_("who may apply, in words"), blank=True)
    members_only = models.BooleanField(_("member municipalities only"), default=True)
    regions = models.JSONField(
        _("regions"), default=list, blank=True, help_text=_("Region codes; empty for all.")
    )
    population_bands = models.JSONField(
        _("population bands"), default=list, blank=True, help_text=_("Band codes; empty for all.")
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    reviews_due_at = models.DateTimeField(
        _("reviews due by"), null=True, blank=True,
        help_text=_("When reviewers and the jury should have scored; shown on their desks."),
    )  # fmt: skip
    status = models.CharField(
        _("status"), max_length=10, choices=CallStatus.choices, default=CallStatus.DRAFT
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Counts saves; the secretariat's admin page sends the version it loaded, so two people
    # editing one call are merged field by field or shown side by side (lib.edit_versions).
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = CallQuerySet.as_manager()

    class Meta:
        ordering = ["-closes_at", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")), name="call_closes_after"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("calls:detail", args=[self.slug])

    def accepts_changes(self, now: datetime.datetime | None = None) -> bool:
        """Applications may be written and changed only while the call is open."""
        now = now or timezone.now()
        return self.status == CallStatus.OPEN and self.opens_at <= now < self.closes_at

    def is_past_deadline(self, now: datetime.datetime | None = None) -> bool:
        """Closed to applicants, so the review may run: the deadline passed or the secretariat
        closed the call early."""
        if self.status in (CallStatus.CLOSED, CallStatus.DECIDED):
            return True
        return self.status == CallStatus.OPEN and (now or timezone.now()) >= self.closes_at

    @property
    def phase(self) -> str:
        """What a visitor needs to know now: draft, upcoming, open, under review or decided."""
        if self.status in (CallStatus.DRAFT, CallStatus.DECIDED):
            return self.get_status_display()
        now = timezone.now()
        if self.is_past_deadline(now):
            return str(_("Under review"))
        if now < self.opens_at:
            return str(_("Opens soon"))
        return str(_("Open"))

    @property
    def is_award(self) -> bool:
        return self.kind == Kind.AWARD

    @property
    def is_hub(self) -> bool:
        return self.kind == Kind.HUB

    @property
    def region_labels(self) -> list[str]:
        return [str(Region(code).label) for code in self.regions if code in Region.values]

    @property
    def band_labels(self) -> list[str]:
        names = dict(PopulationBand.choices)
        return [str(names[code]) for code in self.population_bands if code in names]


class Criterion(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = models.CharField(_("criterion"), max_length=200)
    description = models.CharField(_("what reviewers look for"), max_length=500, blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    class Meta:
        ordering = ["call", "position", "pk"]
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        return f"{self.name} (×{self.weight})"


class Question(models.Model):
    class Type(models.TextChoices):
        TEXT = "text", _("Text")
        CHOICE = "choice", _("Choice")
        NUMBER = "number", _("Number")
        WHOLE_NUMBER = "integer", _("Whole number (a count)")
        FILE = "file", _("File")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    type = models.CharField(_("answer type"), max_length=10, choices=Type.choices)
    choices = models.TextField(_("choices"), blank=True, help_text=_("One per line."))
    required = models.BooleanField(_("required"), default=False)

    class Meta:
        ordering = ["call", "position", "pk"]

    def __str__(self) -> str:
        return self.label

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    WAITING = "waiting", _("On the waiting list")
    REJECTED = "rejected", _("Not selected")
    WINNER = "winner", _("Winner")
    FINALIST = "finalist", _("Finalist")
    WITHDRAWN = "withdrawn", _("Withdrawn")


DECISIONS = {
    False: [ApplicationStatus.ACCEPTED, ApplicationStatus.WAITING, ApplicationStatus.REJECTED],
    True: [ApplicationStatus.WINNER, ApplicationStatus.FINALIST, ApplicationStatus.REJECTED],
}  # keyed by "is this an award call"
DECIDED = {s for choices in DECISIONS.values() for s in choices}


class ApplicationQuerySet(models.QuerySet):
    def of_representative(self, user) -> "ApplicationQuerySet":
        if not user.is_authenticated:
            return self.none()
        return self.filter(roles.represented_by(user, "municipality"))

    def visible_to(self, user) -> "ApplicationQuerySet":
        """The secretariat sees all; a town its own; a reviewer those assigned without conflict."""
        if not user.is_authenticated:
            return self.none()
        if roles.is_secretariat(user):
            return self
        mine = roles.represented_by(user, "municipality")
        assigned = models.Q(
            assignments__reviewer=user, assignments__conflict=False, status__in=REVIEWABLE
        )
        return self.filter(pk__in=self.filter(mine | assigned).values("pk"))

    def submitted(self) -> "ApplicationQuerySet":
        """Handed in and not taken back: what reviewers score and the ranking ranks."""
        return self.exclude(status__in=NOT_HANDED_IN)


NOT_HANDED_IN = (ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN)
REVIEWABLE = [s for s in ApplicationStatus.values if s not in NOT_HANDED_IN]


class Application(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="applications")
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="call_applications",
        verbose_name=_("applying municipality"),
    )  # fmt: skip
    title = models.CharField(_("title of the proposal"), max_length=200, blank=True)
    answers = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )  # fmt: skip
    # A Local4Action HUB proposal: what UCLG asks of every HUB.
    lead_government = models.CharField(
        _("lead local or regional government"), max_length=200, blank=True
    )
    partners = models.TextField(_("partners and their roles"), blank=True)
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    sdgs = models.ManyToManyField(Sdg, blank=True, verbose_name=_("SDGs addressed"))
    duration_years = models.PositiveSmallIntegerField(
        _("time frame (years)"), null=True, blank=True,
        validators=[MinValueValidator(HUB_YEARS[0]), MaxValueValidator(HUB_YEARS[1])],
    )  # fmt: skip
    deliverables = models.TextField(_("deliverables agreed with the partners"), blank=True)
    monitoring = models.TextField(_("how results are monitored"), blank=True)
    communication = models.TextField(_("communication strategy"), blank=True)
    # An award nomination: a town nominates itself or another for one of its practices.
    nominee = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.CASCADE, related_name="nominations",
        verbose_name=_("nominated municipality"),
    )  # fmt: skip
    practice = models.ForeignKey(
        Practice, null=True, blank=True, on_delete=models.SET_NULL, related_name="nominations",
        verbose_name=_("nominated practice"),
    )  # fmt: skip
    feedback = models.TextField(_("feedback shared with the applicant"), blank=True)
    internal_note = models.TextField(_("note for the secretariat only"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Counts saves and decisions; the form sends the version it loaded (lib.edit_versions), so
    # two tabs or two colleagues are merged field by field and a decision is not taken twice.
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["call", "municipality__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "municipality"], name="one_application_per_town"
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality} – {self.call}"

    def get_absolute_url(self) -> str:
        return reverse("calls:application", args=[self.call.slug, self.pk])

    @property
    def is_decided(self) -> bool:
        return self.status in DECIDED

    def edit_values(self, names) -> dict:
        """The form's fields as saved (answers as ``q<question id>``), for a three-way merge."""
        values = {}
        for name in names:
            if name.startswith("q") and name[1:].isdecimal():
                values[name] = self.answers.get(name[1:], "")
            elif name == "sdgs":
                values[name] = sorted(self.sdgs.values_list("pk", flat=True)) if self.pk else []
            else:
                values[name] = plain(getattr(self, self._meta.get_field(name).attname))
        return values

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        if self.practice_id:
            return self.practice.title
        return str(self.municipality)

    @property
    def subject_towns(self) -> list[Municipality]:
        """The towns whose people may not judge it: the applicant and, for awards, the nominee."""
        towns = [self.municipality]
        if self.nominee_id and self.nominee_id != self.municipality_id:
            towns.append(self.nominee)
        return towns


def upload_path(instance: "ApplicationFile", filename: str) -> str:
    """A random folder, so a file served from MEDIA_URL cannot be found by counting ids."""
    return f"calls/{instance.application_id}/{secrets.token_urlsafe(12)}/{filename}"


class ApplicationFile(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="files")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    file = models.FileField(_("file"), upload_to=upload_path)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["application", "question"], name="one_file_per_question"
            )
        ]

    def __str__(self) -> str:
        return self.file.name

    @property
    def name(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]


class Assignment(models.Model):
    """A reviewer (or juror) asked to score one application."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="assignments"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="call_assignments"
    )
    conflict = models.BooleanField(_("declared a conflict of interest"), default=False)
    conflict_note = models.CharField(_("why"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["application", "reviewer__email"]
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="one_assignment_each")
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} → {self.application}"

    def score_fields(self) -> dict[str, int | str | None]:
        """Its scores and comments as the score form names them, unscored criteria empty."""
        given = {score.criterion_id: score for score in self.scores.all()}
        fields: dict[str, int | str | None] = {}
        for criterion in self.application.call.criteria.all():
            score = given.get(criterion.pk)
            fields[f"score_{criterion.pk}"] = score.value if score else None
            fields[f"comment_{criterion.pk}"] = score.comment if score else ""
        return fields


class Score(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(0), MaxValueValidator(SCORE_MAX)]
    )
    comment = models.TextField(_("comment"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["criterion__position", "criterion_id"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "criterion"], name="one_score_each"),
            models.CheckConstraint(
                condition=models.Q(value__lte=SCORE_MAX), name="score_within_scale"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion.name}: {self.value}"


class AuditEntry(models.Model):
    """Every assignment, conflict, score change and decision, as it happened."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("submitted the application")
        ASSIGNED = "assigned", _("assigned a reviewer")
        UNASSIGNED = "unassigned", _("removed a reviewer")
        CONFLICT = "conflict", _("declared a conflict of interest")
        SCORED = "scored", _("scored")
        RESCORED = "rescored", _("changed a score")
        DECIDED = "decided", _("decided")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="audit")
    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.CASCADE, related_name="audit"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=12, choices=Action.choices)
    detail = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = _("audit entries")

    def __str__(self) -> str:
        return f"{self.call} {self.action}"


class Hub(models.Model):
    """An accepted Local4Action HUB proposal: labelled by the network, run as a project."""

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="hub")
    project = models.OneToOneField(
        Project, null=True, on_delete=models.SET_NULL, related_name="hub"
    )
    slug = models.SlugField(unique=True, max_length=220)
    title = models.CharField(_("title"), max_length=200)
    labelled_on = models.DateField(_("labelled on"))

    class Meta:
        ordering = ["-labelled_on", "title"]
        verbose_name = _("Local4Action HUB")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("calls:hub", args=[self.slug])

    @property
    def ends_on(self) -> datetime.date:
        years = self.application.duration_years or 1
        return add_years(self.labelled_on, years)
