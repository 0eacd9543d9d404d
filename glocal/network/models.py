"""The network community: working groups, the exchange space, joint statements and updates."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from glocal.lib import roles
from glocal.members.models import Municipality
from glocal.practices.models import Practice
from glocal.projects.models import Project
from glocal.reference.models import Theme
from glocal.translations.languages import active_language
from glocal.translations.models import Translatable, Translation
from glocal.translations.reading import shown_translations


class WorkingGroupQuerySet(models.QuerySet):
    def active(self) -> "WorkingGroupQuerySet":
        return self.filter(is_active=True)

    def with_counts(self) -> "WorkingGroupQuerySet":
        return (
            self.annotate(
                member_count=models.Count("memberships", distinct=True),
                thread_count=models.Count("threads", distinct=True),
            )
            .prefetch_related("themes")
            .order_by("name")
        )


class WorkingGroup(models.Model):
    """A thematic working group of the network, led by one or more coordinators."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(unique=True, max_length=160)
    summary = models.CharField(_("in one sentence"), max_length=300)
    description = models.TextField(_("what the group does"), blank=True)
    themes = models.ManyToManyField(
        Theme, blank=True, verbose_name=_("themes"),
        help_text=_("Practices and events with these themes appear on the group's page."),
    )  # fmt: skip
    practices = models.ManyToManyField(
        Practice, blank=True, related_name="working_groups", verbose_name=_("linked practices")
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Counts saves; the secretariat's admin page sends the version it loaded, so two people
    # editing one group are merged field by field or shown side by side (lib.edit_versions).
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = WorkingGroupQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:group_detail", args=[self.slug])

    def group_practices(self):
        """Published practices linked explicitly or sharing one of the group's themes."""
        themes = self.themes.all()
        return (
            Practice.objects.published()
            .filter(models.Q(working_groups=self) | models.Q(themes__in=themes))
            .distinct()
            .for_cards()
            .order_by("-published_at", "title")
        )

    def is_coordinated_by(self, user) -> bool:
        return (
            user.is_authenticated
            and self.memberships.filter(user=user, is_coordinator=True).exists()
        )

    def has_member(self, user) -> bool:
        return user.is_authenticated and self.memberships.filter(user=user).exists()


class GroupMembership(models.Model):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships"
    )
    is_coordinator = models.BooleanField(_("coordinator"), default=False)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-is_coordinator", "joined_at"]
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="one_group_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.group}"


class ThreadQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ThreadQuerySet":
        """Signed-in people see open and group threads, and threads on projects they may see."""
        if not user.is_authenticated:
            return self.none()
        if roles.is_secretariat(user):
            return self
        projects = Project.objects.visible_to(user).values("pk")
        return self.filter(models.Q(project__isnull=True) | models.Q(project__in=projects))

    def followed_by(self, user) -> "ThreadQuerySet":
        return self.filter(follows__user=user)

    def for_list(self) -> "ThreadQuerySet":
        return (
            self.select_related("group", "project", "author")
            .annotate(
                reply_count=models.Count(
                    "posts", filter=models.Q(posts__is_hidden=False), distinct=True
                )
            )
            .order_by("-last_post_at", "-pk")
        )


class Thread(models.Model):
    """A discussion: in a working group, on a project, or (neither) in the open network."""

    title = models.CharField(_("title"), max_length=200)
    group = models.ForeignKey(
        WorkingGroup, null=True, blank=True, on_delete=models.CASCADE, related_name="threads",
        verbose_name=_("working group"),
    )  # fmt: skip
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.CASCADE, related_name="threads",
        verbose_name=_("project"),
    )  # fmt: skip
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_post_at = models.DateTimeField(db_index=True)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-last_post_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(group__isnull=True) | models.Q(project__isnull=True),
                name="thread_in_group_or_project",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("network:thread_detail", args=[self.pk])

    @property
    def place_label(self) -> str:
        if self.group_id:
            return str(self.group)
        if self.project_id:
            return str(self.project)
        return str(_("Open network"))


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("message"))
    mentions = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    is_hidden = models.BooleanField(_("hidden by a moderator"), default=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.thread} #{self.pk}"


class Report(models.Model):
    """Someone flags a post as abusive; a moderator resolves it by hiding or keeping it."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(_("what is wrong with it"), max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["post", "reporter"], name="one_report_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.post}: {self.reason[:40]}"


class Follow(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "user"], name="follow_once")]

    def __str__(self) -> str:
        return f"{self.user} follows {self.thread}"


class DigestFrequency(models.TextChoices):
    OFF = "off", _("No digest")
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


DIGEST_PERIODS = {
    DigestFrequency.DAILY: timedelta(days=1),
    DigestFrequency.WEEKLY: timedelta(days=7),
}
DIGEST_SLACK = timedelta(hours=1)  # cron drifts; a digest due at 07:00 may run at 06:59


class DigestPreference(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_preference"
    )
    frequency = models.CharField(
        _("e-mail digest"), max_length=6, choices=DigestFrequency.choices,
        default=DigestFrequency.OFF,
    )  # fmt: skip
    last_sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user}: {self.frequency}"


def version_translations() -> Prefetch:
    """Every shown translation of the signed versions' text, to check signatures in bulk."""
    rows = Translation.objects.shown().filter(field="text")
    return Prefetch("version__translations", queryset=rows, to_attr="shown_translations")


class StatementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft (drafting towns only)")
    OPEN = "open", _("Open for signature")
    CLOSED = "closed", _("Closed")


class StatementQuerySet(models.QuerySet):
    def visible_to(self, user) -> "StatementQuerySet":
        """Open and closed statements for everyone; drafts for their drafting towns."""
        public = models.Q(status__in=[StatementStatus.OPEN, StatementStatus.CLOSED])
        if not user.is_authenticated:
            return self.filter(public)
        if roles.is_secretariat(user):
            return self
        drafting = self.filter(roles.represented_by(user, "drafted_by")).values("pk")
        return self.filter(public | models.Q(pk__in=drafting))


class Statement(Translatable):
    """A joint statement drafted by towns and co-signed by municipalities as institutions."""

    TRANSLATABLE_FIELDS = ("title", "addressees")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(unique=True, max_length=220)
    addressees = models.TextField(
        _("addressed to"), help_text=_("One named body per line, e.g. European Commission.")
    )
    drafted_by = models.ManyToManyField(
        Municipality, related_name="drafted_statements", verbose_name=_("drafting towns")
    )
    status = models.CharField(
        _("status"), max_length=6, choices=StatementStatus.choices, default=StatementStatus.DRAFT
    )
    current_number = models.PositiveSmallIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Counts saves of the drafting form; an editor sends the version it loaded, so two
    # drafters' changes are merged field by field or shown side by side (lib.edit_versions).
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("joint statement")
        verbose_name_plural = _("joint statements")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("network:statement_detail", args=[self.slug])

    @property
    def addressee_list(self) -> list[str]:
        return [line.strip() for line in self.addressees.splitlines() if line.strip()]

    @property
    def current_version(self) -> "StatementVersion | None":
        return self.versions.filter(number=self.current_number).first()

    @property
    def is_open(self) -> bool:
        return self.status == StatementStatus.OPEN

    def edit_values(self) -> dict[str, str]:
        """What the drafting form shows, for a three-way merge of two drafters' saves."""
        current = self.current_version
        return {"title": self.title, "addressees": self.addressees,
                "text": current.text if current else "", "status": self.status}  # fmt: skip

    def active_signatures(self):
        return (
            self.signatures.filter(withdrawn_at__isnull=True)
            .select_related("municipality__country", "signed_by", "version")
            .prefetch_related(version_translations())
            .order_by("signed_at")
        )


class StatementVersion(Translatable):
    """One wording of a statement; every edit adds one and earlier ones stay readable."""

    TRANSLATABLE_FIELDS = ("text",)

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    text = models.TextField(_("text"))
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["statement", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["statement", "number"], name="one_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.statement} v{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("network:statement_version", args=[self.statement.slug, self.number])

    def text_in(self, language: str) -> str | None:
        """This version's wording in ``language``: the original, a shown translation, or None."""
        if language == self.language:
            return self.text
        rows = getattr(self, "shown_translations", None)
        if rows is None:
            rows = self.translations.shown().filter(field="text", language=language)
        return next((r.text for r in rows if r.field == "text" and r.language == language), None)

    def digest_in(self, language: str) -> str | None:
        text = self.text_in(language)
        return hashlib.sha256(text.encode()).hexdigest() if text is not None else None


class SignatoryQuerySet(models.QuerySet):
    def active(self) -> "SignatoryQuerySet":
        """Authorisations in force; revoked ones stay as a record of who could sign when."""
        return self.filter(revoked_at__isnull=True)


class Signatory(models.Model):
    """A person authorised to sign statements on behalf of a municipality."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="signatories"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="signatory_for"
    )
    title = models.CharField(_("title or office"), max_length=150, blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = SignatoryQuerySet.as_manager()

    class Meta:
        ordering = ["municipality__name", "granted_at"]
        verbose_name = _("authorised signatory")
        verbose_name_plural = _("authorised signatories")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "user"], name="one_signatory_grant")
        ]

    def __str__(self) -> str:
        return f"{self.user} for {self.municipality}"


class Signature(models.Model):
    """A municipality's signature on a statement: which version, who signed, and if withdrawn."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="signatures")
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="statement_signatures"
    )
    version = models.ForeignKey(StatementVersion, on_delete=models.PROTECT, related_name="+")
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_at = models.DateTimeField()
    language = models.CharField(_("language signed in"), max_length=10, default="en")
    text_digest = models.CharField(
        _("fingerprint of the text signed"), max_length=64, blank=True, editable=False
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["signed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "municipality"], name="one_signature_per_town"
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality} on {self.statement}"

    @property
    def needs_reconfirmation(self) -> bool:
        """A newer version exists, or the wording signed in this language has changed since."""
        if self.withdrawn_at is not None:
            return False
        if self.version.number < self.statement.current_number:
            return True
        return bool(self.text_digest) and self.text_digest != self.version.digest_in(self.language)


class UpdateQuerySet(models.QuerySet):
    def visible_to(self, user) -> "UpdateQuerySet":
        return self.filter(project__in=Project.objects.visible_to(user).values("pk"))

    def stories(self) -> "UpdateQuerySet":
        return self.filter(is_story=True)

    def for_list(self) -> "UpdateQuerySet":
        return self.select_related("project__municipality", "author").prefetch_related(
            shown_translations(active_language())
        )


class Update(Translatable):
    """News from an ongoing project, written by its town; the secretariat features stories."""

    TRANSLATABLE_FIELDS = ("title", "body")

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="network_updates",
        verbose_name=_("project"),
    )  # fmt: skip
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("what happened"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_story = models.BooleanField(_("featured as a story"), default=False)
    featured_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = UpdateQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("project update")
        verbose_name_plural = _("project updates")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("network:update_detail", args=[self.pk])
