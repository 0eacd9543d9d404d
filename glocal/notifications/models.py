"""What the product told each person, and how each person wants to hear of each kind."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    PRACTICE_REVIEW = "practice_review", _("Decisions on the practices I shared")
    PRACTICE_SUBMITTED = "practice_submitted", _("Practices submitted for review")
    PROJECT_REMINDER = "project_reminder", _("Late milestones and missing project updates")
    CALL_DECISION = "call_decision", _("Decisions on applications")
    MENTION = "mention", _("Mentions in the exchange")
    SIGNATURE = "signature", _("Statements to sign, confirm or draft")
    MODERATION = "moderation", _("Reported messages")
    EVENT_REGISTRATION = "event_registration", _("My event registrations")
    EVENT_PROMOTION = "event_promotion", _("Places freed up on a waiting list")
    EVENT_REMINDER = "event_reminder", _("Reminders before events")
    COLLABORATION = "collaboration", _("Collaboration invitations and answers")
    SOLIDARITY = "solidarity", _("Solidarity matches")
    CONSULTATION = "consultation", _("Consultations with experts")
    DIGEST = "digest", _("The exchange digest")
    INVITATION = "invitation", _("Invitations to join")


class Delivery(models.TextChoices):
    IMMEDIATELY = "immediately", _("E-mail at once")
    DIGEST = "digest", _("In the digest")
    NEVER = "never", _("Only here, no e-mail")


# What people get before they choose: every kind asks something of the person or answers
# them (a decision, a place, a signature), so each is e-mailed at once until they say otherwise.
DEFAULT_DELIVERY = dict.fromkeys(Kind.values, Delivery.IMMEDIATELY)
# Kinds a person cannot turn off or digest: the invitation reaches people without an account,
# and the digest is itself the digest.
FIXED_KINDS = {Kind.INVITATION}
# Kinds only the secretariat receives; nobody else is offered a choice about them.
SECRETARIAT_KINDS = {Kind.PRACTICE_SUBMITTED, Kind.MODERATION}


def deliveries_of(kind: str) -> list[tuple[str, str]]:
    """The choices for one kind: the digest cannot be put in the digest."""
    if kind == Kind.DIGEST:
        return [c for c in Delivery.choices if c[0] != Delivery.DIGEST]
    return Delivery.choices


class Email(models.TextChoices):
    SENT = "sent", _("e-mailed")
    WAITING = "waiting", _("waiting for the digest")
    DIGESTED = "digested", _("sent in the digest")
    NONE = "none", _("not e-mailed")


class NotificationQuerySet(models.QuerySet):
    def of(self, user) -> "NotificationQuerySet":
        return self.filter(user=user)

    def unread(self) -> "NotificationQuerySet":
        return self.filter(read_at__isnull=True)

    def waiting_for_digest(self) -> "NotificationQuerySet":
        return self.filter(email=Email.WAITING)


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("link"), max_length=500)
    email = models.CharField(max_length=8, choices=Email.choices, default=Email.NONE)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        return f"{self.user}: {self.title}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def day(self) -> datetime.date:
        return timezone.localdate(self.created_at)


class Preference(models.Model):
    """A person's choice for one kind; without a row, ``DEFAULT_DELIVERY`` applies."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    delivery = models.CharField(_("e-mail"), max_length=12, choices=Delivery.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.kind} → {self.delivery}"


class PreferenceVersion(models.Model):
    """Counts saves of one person's e-mail choices, so a page or API client holding an older
    count merges its choices with the ones saved since (``lib.edit_versions``).

    Why a row of its own: the choices are a set of rows, and a kind still at its default has
    none, so no ``Preference`` can carry the set's version. The person's ``profile_version``
    counts other saves (sharing it would refuse an API client's choices after a mere change of
    name), and a counter of ours on the person's row would sit on the table of the members
    app, which this app comes before. This row is made at the first save, under its own lock,
    and is named ``version`` like every edited record's, so the merge helpers read it as is.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return f"{self.user}: version {self.version}"


def choices_version(user) -> int:
    """The version of the person's e-mail choices a page or API client reads (1 before any)."""
    found = PreferenceVersion.objects.filter(user=user).values_list("version", flat=True)
    return found.first() or 1


def delivery_per_person(user_ids, kind: str) -> dict[int, str]:
    """How each of these people wants ``kind`` delivered (one query for all of them)."""
    if kind in FIXED_KINDS:
        return dict.fromkeys(user_ids, Delivery.IMMEDIATELY)
    chosen = dict(
        Preference.objects.filter(user_id__in=user_ids, kind=kind).values_list(
            "user_id", "delivery"
        )
    )
    return {pk: chosen.get(pk, DEFAULT_DELIVERY[kind]) for pk in user_ids}


def deliveries_for(user) -> dict[str, str]:
    """Every kind's delivery for ``user``: their choices over the defaults (one query)."""
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "delivery"))
    return {kind: chosen.get(kind, DEFAULT_DELIVERY[kind]) for kind in Kind.values}
