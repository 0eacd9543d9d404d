"""Collaborations between towns, the solidarity board, the directory and consultations."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from glocal.lib import roles
from glocal.members.models import Municipality, Visibility
from glocal.projects.models import Project
from glocal.reference.models import Country, Theme


def _signed_in_or_public(user) -> Q:
    if user.is_authenticated:
        return Q(visibility__in=[Visibility.PUBLIC, Visibility.NETWORK])
    return Q(visibility=Visibility.PUBLIC)


# ---------------------------------------------------------------- collaborations


class CollaborationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "CollaborationQuerySet":
        """Public ones for everyone, network ones when signed in, any one a town takes part in."""
        if roles.is_secretariat(user):
            return self
        condition = _signed_in_or_public(user)
        if user.is_authenticated:
            condition |= roles.represented_by(user, "partners__municipality")
        return self.filter(condition).distinct()


class Collaboration(models.Model):
    """A project two or more member towns run together, often across a border."""

    class Status(models.TextChoices):
        PREPARING = "preparing", _("Preparing")
        RUNNING = "running", _("Running")
        COMPLETED = "completed", _("Completed")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(unique=True, max_length=220)
    summary = models.TextField(_("what we do together"), max_length=3000)
    themes = models.ManyToManyField(Theme, blank=True, verbose_name=_("themes"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PREPARING
    )
    visibility = models.CharField(
        _("who can see it"), max_length=12, default=Visibility.NETWORK,
        choices=[c for c in Visibility.choices if c[0] != Visibility.SECRETARIAT],
    )  # fmt: skip
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Counts saves of the edit form; an editor sends the version it loaded, so two editors'
    # changes are merged field by field or shown side by side (lib.edit_versions).
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = CollaborationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("collaborative project")
        verbose_name_plural = _("collaborative projects")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cooperation:collaboration_detail", args=[self.slug])


class Partner(models.Model):
    """A town's place in a collaboration: lead, partner or associate; invited until it accepts."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead")
        PARTNER = "partner", _("Partner")
        ASSOCIATE = "associate", _("Associate")

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACCEPTED = "accepted", _("Taking part")
        DECLINED = "declined", _("Declined")

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="partners"
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="collaborations",
        verbose_name=_("municipality"),
    )  # fmt: skip
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.PARTNER)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.INVITED
    )
    message = models.CharField(_("message to the town"), max_length=500, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    invited_at = models.DateTimeField(default=timezone.now)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["role", "municipality__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "municipality"], name="one_partner_row_per_town"
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality} ({self.get_role_display()})"


class Step(models.Model):
    """One milestone of the shared plan, with the town that owns it and a date."""

    collaboration = models.ForeignKey(Collaboration, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(_("step"), max_length=200)
    owner = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("owned by"),
    )  # fmt: skip
    due_date = models.DateField(_("due date"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        ordering = [models.F("due_date").asc(nulls_last=True), "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_late(self) -> bool:
        return not self.done and self.due_date is not None and self.due_date < timezone.localdate()


class FundingApplication(models.Model):
    """A joint application for funding, from drafting to the funder's answer."""

    class Status(models.TextChoices):
        DRAFTING = "drafting", _("Drafting")
        SUBMITTED = "submitted", _("Submitted")
        GRANTED = "granted", _("Granted")
        REFUSED = "refused", _("Refused")

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="funding_applications"
    )
    funder = models.CharField(_("funder"), max_length=200)
    programme = models.CharField(_("programme"), max_length=200, blank=True)
    amount_eur = models.PositiveIntegerField(_("amount asked (EUR)"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFTING
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = [models.F("deadline").asc(nulls_last=True), "pk"]

    def __str__(self) -> str:
        return f"{self.funder} {self.programme}".strip()


# ---------------------------------------------------------------- solidarity board


class Category(models.TextChoices):
    GOODS = "goods", _("Goods")
    EQUIPMENT = "equipment", _("Equipment")
    EXPERTISE = "expertise", _("Expertise")
    HOSTING = "hosting", _("Hosting")


class PostQuerySet(models.QuerySet):
    def needs(self) -> "PostQuerySet":
        return self.filter(kind=Post.Kind.NEED)

    def offers(self) -> "PostQuerySet":
        return self.filter(kind=Post.Kind.OFFER)

    def open(self) -> "PostQuerySet":
        """Not closed by its town and not past its until-date."""
        today = timezone.localdate()
        return self.filter(closed_at__isnull=True).filter(
            Q(until__isnull=True) | Q(until__gte=today)
        )

    def unmet(self) -> "PostQuerySet":
        """Open needs no offer has been delivered to yet."""
        delivered = Match.objects.filter(need=models.OuterRef("pk"), state=Match.State.DELIVERED)
        return self.needs().open().exclude(models.Exists(delivered))

    def for_board(self) -> "PostQuerySet":
        return self.select_related("municipality__country")


class Post(models.Model):
    """A town's need or offer on the solidarity board."""

    class Kind(models.TextChoices):
        NEED = "need", _("Need")
        OFFER = "offer", _("Offer")

    class Urgency(models.IntegerChoices):
        LOW = 1, _("Can wait")
        MEDIUM = 2, _("Within weeks")
        HIGH = 3, _("Urgent")
        CRITICAL = 4, _("Critical: lives or homes at stake")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="solidarity_posts",
        verbose_name=_("municipality"),
    )  # fmt: skip
    kind = models.CharField(_("need or offer"), max_length=5, choices=Kind.choices)
    category = models.CharField(_("category"), max_length=10, choices=Category.choices)
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"), max_length=3000)
    quantity = models.CharField(
        _("quantity"), max_length=100, blank=True, help_text=_("e.g. 40 beds, 2 engineers")
    )
    place = models.CharField(
        _("place"), max_length=150, blank=True, help_text=_("Where it is needed or stored")
    )
    urgency = models.PositiveSmallIntegerField(
        _("urgency"), choices=Urgency.choices, default=Urgency.MEDIUM
    )
    until = models.DateField(_("until"), null=True, blank=True,
                             help_text=_("Needed by, or available until"))  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-urgency", "-created_at"]
        indexes = [models.Index(fields=["kind", "category"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cooperation:post_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.closed_at is None and (self.until is None or self.until >= timezone.localdate())


class Match(models.Model):
    """An offer put forward for a need, with why it fits; only the two towns move it on."""

    class State(models.TextChoices):
        OFFERED = "offered", _("Offered")
        ACCEPTED = "accepted", _("Accepted")
        DELIVERED = "delivered", _("Delivered")
        DECLINED = "declined", _("Declined")

    need = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="matches_as_need")
    offer = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="matches_as_offer")
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.OFFERED
    )
    score = models.FloatField(default=0)
    reasons = models.JSONField(default=list, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-score", "pk"]
        verbose_name_plural = _("matches")
        constraints = [
            models.UniqueConstraint(fields=["need", "offer"], name="one_match_per_need_and_offer")
        ]

    def __str__(self) -> str:
        return f"{self.offer} → {self.need}"


# ---------------------------------------------------------------- directory


class ExpertQuerySet(models.QuerySet):
    def listed(self) -> "ExpertQuerySet":
        return self.filter(is_listed=True)

    def search(self, q: str) -> "ExpertQuerySet":
        if not q:
            return self
        return self.filter(
            Q(name__icontains=q) | Q(topics__icontains=q) | Q(organisation__icontains=q)
            | Q(bio__icontains=q)
        )  # fmt: skip


class Expert(models.Model):
    """An external expert or organisation the network calls on for capacity building."""

    class Kind(models.TextChoices):
        PERSON = "person", _("Expert")
        ORGANISATION = "organisation", _("Organisation")

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(unique=True, max_length=160)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.PERSON)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    topics = models.CharField(_("topics"), max_length=300, help_text=_("Comma-separated"))
    themes = models.ManyToManyField(Theme, blank=True, verbose_name=_("themes"))
    bio = models.TextField(_("about"), blank=True)
    languages = models.CharField(_("languages"), max_length=200, blank=True,
                                 help_text=_("Comma-separated, e.g. English, Arabic"))  # fmt: skip
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("based in")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="expert_profile", verbose_name=_("user account"),
        help_text=_("Lets the expert see the consultations asked of them."),
    )  # fmt: skip
    is_listed = models.BooleanField(_("listed in the directory"), default=True)

    objects = ExpertQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("expert or organisation")
        verbose_name_plural = _("experts and organisations")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("cooperation:expert_detail", args=[self.slug])

    @property
    def topic_list(self) -> list[str]:
        return [t.strip() for t in self.topics.split(",") if t.strip()]

    @property
    def language_list(self) -> list[str]:
        return [t.strip() for t in self.languages.split(",") if t.strip()]


class PartnerNetwork(models.Model):
    """A city network the network cooperates with."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(unique=True, max_length=220)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    description = models.TextField(_("description"))
    cooperation = models.TextField(_("how we cooperate"), blank=True)
    scope = models.CharField(_("scope"), max_length=150, blank=True,
                             help_text=_("e.g. Europe, worldwide, Mediterranean"))  # fmt: skip
    website = models.URLField(_("website"), blank=True)
    since = models.PositiveSmallIntegerField(_("cooperating since"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner network")

    def __str__(self) -> str:
        return self.name


# ---------------------------------------------------------------- consultations


class ConsultationQuerySet(models.QuerySet):
    def on_agenda_of(self, user) -> "ConsultationQuerySet":
        """The requester's towns', the expert's own, and for the secretariat all of them."""
        if not user.is_authenticated:
            return self.none()
        if roles.is_secretariat(user):
            return self
        return self.filter(
            roles.represented_by(user, "project__municipality") | Q(expert__user=user)
        ).distinct()

    def upcoming(self) -> "ConsultationQuerySet":
        return self.filter(
            Q(status=Consultation.Status.REQUESTED)
            | Q(status=Consultation.Status.SCHEDULED, starts_at__gte=timezone.now())
        )


class Consultation(models.Model):
    """A representative's request for advice on their project, and what came of it."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="consultations", verbose_name=_("project")
    )
    expert = models.ForeignKey(
        Expert, null=True, blank=True, on_delete=models.SET_NULL, related_name="consultations",
        verbose_name=_("with"), help_text=_("Leave empty to ask the secretariat."),
    )  # fmt: skip
    topic = models.CharField(_("topic"), max_length=200)
    question = models.TextField(_("what you would like to discuss"), max_length=3000)
    preferred_times = models.CharField(
        _("preferred times"), max_length=300, help_text=_("e.g. Tuesday or Thursday mornings")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    starts_at = models.DateTimeField(_("starts at"), null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    location = models.CharField(_("link or place"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Counts saves of the schedule and notes forms; each sends the version it loaded, so two
    # people's changes are merged field by field or shown side by side (lib.edit_versions).
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = [models.F("starts_at").asc(nulls_first=True), "-created_at"]

    def __str__(self) -> str:
        return self.topic

    def get_absolute_url(self) -> str:
        return reverse("cooperation:consultation_detail", args=[self.pk])

    @property
    def ends_at(self) -> datetime.datetime | None:
        if self.starts_at is None:
            return None
        return self.starts_at + datetime.timedelta(minutes=self.duration_minutes)

    @property
    def adviser(self) -> str:
        return str(self.expert) if self.expert_id else str(_("the secretariat"))
