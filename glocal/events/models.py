"""Events, their programme of sessions, and who registered for what.

Seats are counted in the database: ``seats_taken`` only grows through a conditional
``UPDATE ... WHERE seats_taken < capacity`` (see ``services.take_seat``) and a check
constraint refuses any row where it exceeds the capacity, so two people can never both
get the last seat.
"""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from glocal.lib import roles
from glocal.members.models import Municipality, known_time_zones
from glocal.practices.models import Practice
from glocal.projects.models import Project
from glocal.reference.models import Theme
from glocal.translations.languages import active_language
from glocal.translations.models import Translatable
from glocal.translations.reading import shown_translations

RESERVED_SLUGS = {"feed", "agenda", "new"}


def validate_time_zone(value: str) -> None:
    """The venue's zone is required, so unlike a person's it may not be empty."""
    if value not in known_time_zones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


def seats_within_capacity(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(capacity__isnull=True) | models.Q(seats_taken__lte=models.F("capacity")),
        name=name,
    )


class EventQuerySet(models.QuerySet):
    def published(self) -> "EventQuerySet":
        return self.filter(is_published=True)

    def visible_to(self, user) -> "EventQuerySet":
        if roles.is_secretariat(user):
            return self
        return self.published()

    def upcoming(self) -> "EventQuerySet":
        return self.filter(ends_at__gte=timezone.now()).order_by("starts_at")

    def past(self) -> "EventQuerySet":
        return self.filter(ends_at__lt=timezone.now()).order_by("-starts_at")

    def for_cards(self) -> "EventQuerySet":
        return self.select_related("host__country").prefetch_related(
            "themes", shown_translations(active_language())
        )


class Event(Translatable):
    TRANSLATABLE_FIELDS = ("title", "summary", "description", "venue")

    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Conference")
        FIELD_EXPOSURE = "field_exposure", _("Field exposure")
        WORKSHOP = "workshop", _("Workshop")
        WEBINAR = "webinar", _("Webinar")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(unique=True, max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    mode = models.CharField(_("format"), max_length=10, choices=Mode.choices)
    summary = models.TextField(_("summary"), max_length=1000)
    description = models.TextField(_("description"), blank=True)
    host = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.SET_NULL, related_name="events",
        verbose_name=_("host municipality"),
    )  # fmt: skip
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    time_zone = models.CharField(
        _("time zone of the venue"), max_length=50, default="Europe/Rome",
        validators=[validate_time_zone],
    )  # fmt: skip
    online_url = models.URLField(
        _("online link"), max_length=500, blank=True,
        help_text=_("Shown only to people whose registration is confirmed."),
    )  # fmt: skip
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    seats_taken = models.PositiveIntegerField(default=0, editable=False)
    requires_approval = models.BooleanField(
        _("the secretariat approves registrations"), default=False
    )
    themes = models.ManyToManyField(Theme, blank=True, verbose_name=_("themes"))
    practices = models.ManyToManyField(
        Practice,
        blank=True,
        related_name="events",
        verbose_name=_("practices presented or visited"),
    )
    projects = models.ManyToManyField(
        Project, blank=True, related_name="events", verbose_name=_("projects presented or visited")
    )
    is_published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Counts saves; the secretariat's admin page sends the version it loaded, so two people
    # editing one event are merged field by field or shown side by side (lib.edit_versions).
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            seats_within_capacity("event_seats_within_capacity"),
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.slug])

    def clean(self) -> None:
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This address is reserved.")
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("The event cannot end before it starts.")
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes <= opens:
            errors["registration_closes_at"] = _("Registration must close after it opens.")
        elif opens and self.starts_at and opens >= self.starts_at:
            errors["registration_opens_at"] = _("Registration must open before the event starts.")
        if self.capacity is not None and self.capacity < self.seats_taken:
            errors["capacity"] = _("%(n)s people already hold a place.") % {"n": self.seats_taken}
        if errors:
            raise ValidationError(errors)

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def is_online(self) -> bool:
        return self.mode in (self.Mode.ONLINE, self.Mode.HYBRID)

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.seats_taken >= self.capacity

    @property
    def places_left(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.seats_taken, 0)

    @property
    def registration_closes(self):
        """Registration closes at its set time, and at the latest when the event starts."""
        return min(filter(None, [self.registration_closes_at, self.starts_at]))

    def registration_state(self, now=None) -> str:
        """``not_yet``, ``open`` or ``closed``."""
        now = now or timezone.now()
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_yet"
        return "open" if now < self.registration_closes else "closed"

    @property
    def is_registration_open(self) -> bool:
        return self.registration_state() == "open"


class Session(models.Model):
    class Kind(models.TextChoices):
        PLENARY = "plenary", _("Plenary")
        PANEL = "panel", _("Panel")
        WORKSHOP = "workshop", _("Workshop")
        TRAINING = "training", _("Training")
        FIELD_TRIP = "field_trip", _("Field trip")
        SITE_VISIT = "site_visit", _("Site visit")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("theme"),
    )  # fmt: skip
    speakers = models.TextField(_("speakers"), blank=True, help_text=_("One per line."))
    room = models.CharField(_("room or meeting point"), max_length=150, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    capacity = models.PositiveIntegerField(
        _("own capacity"), null=True, blank=True,
        help_text=_("For a bus or a room; leave empty when every participant may join."),
    )  # fmt: skip
    seats_taken = models.PositiveIntegerField(default=0, editable=False)
    practices = models.ManyToManyField(
        Practice, blank=True, related_name="event_sessions", verbose_name=_("practices shown")
    )

    class Meta:
        ordering = ["starts_at", "title"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            seats_within_capacity("session_seats_within_capacity"),
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="session_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("The session cannot end before it starts.")
        if self.capacity is not None and self.capacity < self.seats_taken:
            errors["capacity"] = _("%(n)s people already hold a place.") % {"n": self.seats_taken}
        if errors:
            raise ValidationError(errors)

    @property
    def speaker_list(self) -> list[str]:
        return [line.strip() for line in self.speakers.splitlines() if line.strip()]

    @property
    def needs_booking(self) -> bool:
        return self.capacity is not None

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.seats_taken >= self.capacity

    @property
    def places_left(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.seats_taken, 0)


class Question(models.Model):
    """A custom question asked at registration (dietary needs, accessibility, language)."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Free text")
        CHOICE = "choice", _("One of a list")
        YES_NO = "yes_no", _("Yes or no")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="questions")
    label = models.CharField(_("question"), max_length=200)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    kind = models.CharField(
        _("kind of answer"), max_length=10, choices=Kind.choices, default=Kind.TEXT
    )
    choices = models.TextField(_("choices"), blank=True, help_text=_("One per line, for a list."))
    required = models.BooleanField(_("required"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        if self.kind == self.Kind.CHOICE and len(self.choice_list) < 2:
            raise ValidationError({"choices": _("Give at least two choices, one per line.")})

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class ParticipantRole(models.TextChoices):
    ELECTED = "elected", _("Mayor or elected official")
    STAFF = "staff", _("Municipal staff")
    PARTNER = "partner", _("Partner organisation")
    SPEAKER = "speaker", _("Speaker or expert")
    SECRETARIAT = "secretariat", _("Network secretariat")
    OTHER = "other", _("Other")


class RegistrationQuerySet(models.QuerySet):
    def active(self) -> "RegistrationQuerySet":
        return self.exclude(
            status__in=[Registration.Status.CANCELLED, Registration.Status.DECLINED]
        )

    def confirmed(self) -> "RegistrationQuerySet":
        return self.filter(status=Registration.Status.CONFIRMED)

    def waiting_in_order(self) -> "RegistrationQuerySet":
        return self.filter(status=Registration.Status.WAITLISTED).order_by("queued_at", "pk")

    def for_lists(self) -> "RegistrationQuerySet":
        return self.select_related("user", "municipality__country")


class Registration(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waiting list")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="event_registrations"
    )
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("municipality"),
    )  # fmt: skip
    role = models.CharField(_("role"), max_length=12, choices=ParticipantRole.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    queued_at = models.DateTimeField(_("in the queue since"), default=timezone.now)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attended_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    # Counts changes of status; a button sends the version it was shown with, so a change
    # made meanwhile (another tab, another secretary) is not undone or applied twice.
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_person")
        ]
        indexes = [models.Index(fields=["event", "status", "queued_at"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.event}"

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED

    @property
    def is_active(self) -> bool:
        return self.status not in (self.Status.CANCELLED, self.Status.DECLINED)

    @property
    def attended(self) -> bool:
        return self.attended_at is not None

    def waiting_position(self) -> int | None:
        if self.status != self.Status.WAITLISTED:
            return None
        ahead = Registration.objects.waiting_in_order().filter(event_id=self.event_id)
        ahead = ahead.filter(
            models.Q(queued_at__lt=self.queued_at)
            | models.Q(queued_at=self.queued_at, pk__lt=self.pk)
        )
        return ahead.count() + 1


class BookingQuerySet(models.QuerySet):
    def waiting_in_order(self) -> "BookingQuerySet":
        return self.filter(status=Booking.Status.WAITLISTED).order_by("queued_at", "pk")


class Booking(models.Model):
    """A place (or a place in the queue) in a session that has its own capacity."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Place confirmed")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="bookings"
    )
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="bookings")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    queued_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["session__starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "session"], name="one_booking_per_session"
            )
        ]
        indexes = [models.Index(fields=["session", "status", "queued_at"])]

    def __str__(self) -> str:
        return f"{self.registration.user} – {self.session}"

    def waiting_position(self) -> int | None:
        if self.status != self.Status.WAITLISTED:
            return None
        queue = Booking.objects.waiting_in_order().filter(session_id=self.session_id)
        ahead = queue.filter(
            models.Q(queued_at__lt=self.queued_at)
            | models.Q(queued_at=self.queued_at, pk__lt=self.pk)
        )
        return ahead.count() + 1
