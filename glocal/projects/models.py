"""Prototypes (transferable versions of practices) and local action projects adapted from them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from glocal.members.models import Municipality
from glocal.practices.models import Practice
from glocal.reference.models import Sdg, Theme


class Prototype(models.Model):
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
        if user.is_authenticated and user.is_staff:
            return self
        if user.is_authenticated:
            return self.filter(
                models.Q(visibility__in=[ProjectVisibility.PUBLIC, ProjectVisibility.NETWORK])
                | models.Q(municipality__memberships__user=user)
            ).distinct()
        return self.filter(visibility=ProjectVisibility.PUBLIC)

    def editable_by(self, user) -> "ProjectQuerySet":
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self
        return self.filter(municipality__memberships__user=user).distinct()


class Project(models.Model):
    """A municipality's local action project, adapted from a prototype or a practice."""

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

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("local action project")
        verbose_name_plural = _("local action projects")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:project_detail", args=[self.pk])
