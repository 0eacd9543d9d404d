"""People, their roles, and the member municipalities with their ranked needs."""

import functools
import hashlib
import secrets
import zoneinfo
from datetime import timedelta

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from glocal.lib import roles
from glocal.reference.models import Country, Region, Sdg, Theme

from .languages import validate_language


@functools.cache
def known_time_zones() -> frozenset[str]:
    """The IANA zone names; read from disk once per process (tens of milliseconds)."""
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    """A zone name from the IANA database; choices are not stored so tzdata updates need no
    migration."""
    if value and value not in known_time_zones():
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value})


@functools.cache
def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(known_time_zones())]


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    """A person who signs in with an e-mail address.

    Secretariat staff have ``is_staff``; reviewers and jury members have ``is_reviewer``;
    municipality representatives have one or more ``Membership`` rows. Whether someone holds a
    role is asked of ``glocal.lib.roles``, never of these fields directly.
    """

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    is_reviewer = models.BooleanField(_("reviewer or jury member"), default=False)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_("Dates and times are shown in this zone; empty means the network's."),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        validators=[validate_language],
        help_text=_("Pages and e-mails are in this language; empty means your browser's."),
    )
    # Counts saves of the person's own profile (name, language, time zone) from the profile
    # page and the language switcher: a page holding an older one merges (lib.edit_versions).
    # Not named ``version``: that would put every admin change of the person under the admin's
    # version check (``reference/admin_versions.py``), password page and roles included.
    profile_version = models.PositiveIntegerField(default=1, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []
    objects = UserManager()

    def __str__(self) -> str:
        return self.full_name or self.email


class PopulationBand(models.TextChoices):
    UNDER_5K = "xs", _("under 5,000")
    FROM_5K = "s", _("5,000–20,000")
    FROM_20K = "m", _("20,000–100,000")
    FROM_100K = "l", _("100,000–500,000")
    OVER_500K = "xl", _("over 500,000")


POPULATION_BAND_LIMITS = [  # upper bound (exclusive) of each band, smallest first
    (5_000, PopulationBand.UNDER_5K),
    (20_000, PopulationBand.FROM_5K),
    (100_000, PopulationBand.FROM_20K),
    (500_000, PopulationBand.FROM_100K),
]


def population_band(population: int | None) -> str:
    if population is None:
        return ""
    for limit, band in POPULATION_BAND_LIMITS:
        if population < limit:
            return band
    return PopulationBand.OVER_500K


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    NETWORK = "network", _("Signed-in network members")
    SECRETARIAT = "secretariat", _("Secretariat only")


class MunicipalityQuerySet(models.QuerySet):
    def visible_to(self, user) -> "MunicipalityQuerySet":
        if roles.is_secretariat(user):
            return self
        if user.is_authenticated:
            return self.filter(
                models.Q(profile_visibility__in=[Visibility.PUBLIC, Visibility.NETWORK])
                | roles.represented_by(user, town_field="")
            ).distinct()
        return self.filter(profile_visibility=Visibility.PUBLIC)

    def search(self, q: str) -> "MunicipalityQuerySet":
        if not q:
            return self
        return self.filter(
            models.Q(name__icontains=q)
            | models.Q(country__name__icontains=q)
            | models.Q(admin1__icontains=q)
        )


class Municipality(models.Model):
    class Settlement(models.TextChoices):
        URBAN = "urban", _("Urban")
        RURAL = "rural", _("Rural")
        ISLAND = "island", _("Island")

    class BudgetBand(models.TextChoices):
        UNDER_1M = "a", _("under €1 million a year")
        FROM_1M = "b", _("€1–10 million a year")
        FROM_10M = "c", _("€10–100 million a year")
        OVER_100M = "d", _("over €100 million a year")

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(unique=True, max_length=160)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, verbose_name=_("country"))
    admin1 = models.CharField(_("first-level region"), max_length=150, blank=True)
    place = models.ForeignKey(
        "reference.Place", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    settlement = models.CharField(
        _("urban, rural or island"), max_length=10, choices=Settlement.choices, blank=True
    )
    latitude = models.DecimalField(
        max_digits=8, decimal_places=5, null=True, blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )  # fmt: skip
    longitude = models.DecimalField(
        max_digits=8, decimal_places=5, null=True, blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )  # fmt: skip
    languages = models.CharField(
        _("languages"),
        max_length=200,
        blank=True,
        help_text=_("Comma-separated, e.g. Arabic, French"),
    )
    budget_band = models.CharField(
        _("annual budget"), max_length=1, choices=BudgetBand.choices, blank=True
    )
    term_start = models.DateField(_("political term starts"), null=True, blank=True)
    term_end = models.DateField(_("political term ends"), null=True, blank=True)
    mayor = models.CharField(_("mayor"), max_length=150, blank=True)
    focal_point = models.CharField(_("focal point"), max_length=150, blank=True)
    focal_point_email = models.EmailField(_("focal point e-mail"), blank=True)
    sdg_priorities = models.ManyToManyField(Sdg, blank=True, verbose_name=_("SDG priorities"))
    capacities = models.TextField(_("capacities"), blank=True)
    practices_in_place = models.TextField(_("practices already in place"), blank=True)
    profile_visibility = models.CharField(
        _("who sees this profile"),
        max_length=12,
        choices=[c for c in Visibility.choices if c[0] != Visibility.SECRETARIAT],
        default=Visibility.PUBLIC,
    )
    contact_visibility = models.CharField(
        _("who sees the contacts"),
        max_length=12,
        choices=Visibility.choices,
        default=Visibility.NETWORK,
    )
    is_member = models.BooleanField(_("network member"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Counts saves of the profile; an API write sends the version it read (lib.edit_versions).
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("members:municipality", args=[self.slug])

    @property
    def region(self) -> str:
        return self.country.region

    @property
    def region_label(self) -> str:
        return Region(self.country.region).label

    @property
    def population_band(self) -> str:
        return population_band(self.population)

    def contacts_visible_to(self, user) -> bool:
        if self.contact_visibility == Visibility.PUBLIC:
            return True
        if not user.is_authenticated:
            return False
        if self.contact_visibility == Visibility.NETWORK:
            return True
        return roles.is_secretariat(user) or roles.represents(user, self)


class Need(models.Model):
    """A need or challenge a municipality states, in its own order of priority."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="needs")
    rank = models.PositiveSmallIntegerField(_("rank"))
    text = models.CharField(_("need or challenge"), max_length=300)
    themes = models.ManyToManyField(Theme, blank=True, verbose_name=_("themes"))

    class Meta:
        ordering = ["municipality", "rank"]

    def __str__(self) -> str:
        return f"{self.rank}. {self.text}"


class Membership(models.Model):
    """A person representing a municipality (mayor, officer, focal point)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="memberships"
    )
    position = models.CharField(_("position"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "municipality"], name="one_membership_per_town")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.municipality}"


def new_invitation_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    class Role(models.TextChoices):
        REPRESENTATIVE = "representative", _("Municipality representative")
        REVIEWER = "reviewer", _("Reviewer or jury member")
        SECRETARIAT = "secretariat", _("Secretariat staff")

    VALID_FOR = timedelta(days=14)

    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    municipality = models.ForeignKey(
        Municipality,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        verbose_name=_("municipality"),
    )
    position = models.CharField(_("position"), max_length=100, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        validators=[validate_language],
        help_text=_("The invitation is written in it and the new account starts with it."),
    )
    token = models.CharField(max_length=64, unique=True, default=new_invitation_token)
    invited_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.email

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and timezone.now() < self.created_at + self.VALID_FOR


class ApiToken(models.Model):
    """A personal key for the API; only its SHA-256 hash is stored, the key is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("prefix"), max_length=8, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, user: User, name: str) -> tuple["ApiToken", str]:
        """Create a token and return it with its plain key, which is never stored."""
        key = secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, key_hash=cls.hash_key(key), prefix=key[:8])
        return token, key
