"""The plan of a local action project: goals, milestones and deliverables, budget lines,
partners, the local team and risks. Each row belongs to one project (see models.py)."""

import datetime

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PROJECT = "projects.Project"


class Goal(models.Model):
    project = models.ForeignKey(PROJECT, on_delete=models.CASCADE, related_name="goals")
    text = models.CharField(_("goal"), max_length=300)

    class Meta:
        ordering = ["project", "pk"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self) -> str:
        return self.text


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_MILESTONE = [MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS]


class MilestoneQuerySet(models.QuerySet):
    def overdue(self, today: datetime.date | None = None) -> "MilestoneQuerySet":
        today = today or timezone.localdate()
        return self.filter(status__in=OPEN_MILESTONE, due_date__lt=today)


class Milestone(models.Model):
    project = models.ForeignKey(PROJECT, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=200)
    due_date = models.DateField(_("due date"))
    is_deliverable = models.BooleanField(
        _("agreed deliverable"), default=False,
        help_text=_("A result agreed beforehand with the partners."),
    )  # fmt: skip
    status = models.CharField(
        _("status"), max_length=12, choices=MilestoneStatus.choices,
        default=MilestoneStatus.PLANNED,
    )  # fmt: skip
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        ordering = ["project", "due_date", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return self.status in OPEN_MILESTONE and self.due_date < (today or timezone.localdate())


class BudgetLine(models.Model):
    project = models.ForeignKey(PROJECT, on_delete=models.CASCADE, related_name="budget_lines")
    label = models.CharField(_("item"), max_length=200)
    amount_eur = models.DecimalField(
        _("amount (EUR)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    funder = models.CharField(_("paid by"), max_length=200, blank=True)

    class Meta:
        ordering = ["project", "pk"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")

    def __str__(self) -> str:
        return self.label


class Partner(models.Model):
    project = models.ForeignKey(PROJECT, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("partner"), max_length=200)
    role = models.CharField(_("their part"), max_length=300, blank=True)

    class Meta:
        ordering = ["project", "name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return self.name


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OTHER = "other", _("Other or not said")


class AgeGroup(models.TextChoices):
    UNDER_18 = "under_18", _("Under 18")
    YOUNG = "18_30", _("18 to 30")
    OVER_30 = "over_30", _("Over 30")


class TeamRole(models.TextChoices):
    MEMBER = "member", _("Team member")
    MAYOR = "mayor", _("Mayor, in the team")
    PATRON = "patron", _("Mayor, as patron")
    CONTACT = "contact", _("Municipal contact person")


class TeamMember(models.Model):
    """A person of the local team (a Local Change Lab team when the lab rules apply)."""

    project = models.ForeignKey(PROJECT, on_delete=models.CASCADE, related_name="team")
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Reminders are sent here."))
    role = models.CharField(_("role"), max_length=10, choices=TeamRole.choices,
                            default=TeamRole.MEMBER)  # fmt: skip
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices)
    age_group = models.CharField(_("age"), max_length=10, choices=AgeGroup.choices)

    class Meta:
        ordering = ["project", "pk"]
        verbose_name = _("team member")
        verbose_name_plural = _("team members")

    def __str__(self) -> str:
        return self.name


class Level(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class Risk(models.Model):
    project = models.ForeignKey(PROJECT, on_delete=models.CASCADE, related_name="risks")
    description = models.CharField(_("risk"), max_length=300)
    likelihood = models.CharField(_("likelihood"), max_length=10, choices=Level.choices)
    impact = models.CharField(_("impact"), max_length=10, choices=Level.choices)
    mitigation = models.TextField(_("what we do about it"), blank=True)

    class Meta:
        ordering = ["project", "pk"]
        verbose_name = _("risk")
        verbose_name_plural = _("risks")

    def __str__(self) -> str:
        return self.description
