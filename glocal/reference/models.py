"""Facts shared by every other app: countries, places, the 17 SDGs and the theme taxonomy."""

import functools

from babel import Locale, UnknownLocaleError
from django.db import models
from django.db.models.functions import Lower
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    EUROPE = "europe", _("Europe")
    BALKANS = "balkans", _("Balkans")
    MENA = "mena", _("Middle East and North Africa")
    OTHER = "other", _("Other")


@functools.cache
def territory_names(language: str) -> dict[str, str]:
    """CLDR's country names in one language, by ISO code (Babel)."""
    try:
        return dict(Locale.parse(translation.to_locale(language)).territories)
    except (UnknownLocaleError, ValueError):
        return {}


def country_name(iso: str, default: str = "") -> str:
    """A country's name in the active language, else ``default``."""
    return territory_names(translation.get_language() or "en").get(iso, default or iso)


class Country(models.Model):
    iso = models.CharField(_("ISO code"), max_length=2, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    region = models.CharField(_("network region"), max_length=10, choices=Region.choices)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The name in the reader's language, from CLDR; ``name`` stays the English one."""
        return country_name(self.iso, self.name)


class PlaceQuerySet(models.QuerySet):
    def autocomplete(self, term: str, limit: int = 10) -> "PlaceQuerySet":
        term = term.strip()
        if len(term) < 2:
            return self.none()
        return (
            self.filter(models.Q(name__istartswith=term) | models.Q(ascii_name__istartswith=term))
            .select_related("country")
            .order_by("-population")[:limit]
        )


class Place(models.Model):
    """A populated place from the bundled GeoNames extract (CC BY 4.0)."""

    geonames_id = models.PositiveIntegerField(primary_key=True)
    name = models.CharField(max_length=200)
    ascii_name = models.CharField(max_length=200)
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="places")
    admin1 = models.CharField(_("first-level region"), max_length=200, blank=True)
    population = models.PositiveIntegerField()
    latitude = models.DecimalField(max_digits=8, decimal_places=5)
    longitude = models.DecimalField(max_digits=8, decimal_places=5)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(Lower("ascii_name"), name="place_ascii_name_lower")]

    def __str__(self) -> str:
        return f"{self.name}, {self.country_id}"


class Sdg(models.Model):
    """One of the 17 Sustainable Development Goals, by its official short name."""

    number = models.PositiveSmallIntegerField(primary_key=True)
    name = models.CharField(max_length=80)

    class Meta:
        ordering = ["number"]
        verbose_name = _("SDG")

    def __str__(self) -> str:
        return gettext("SDG %(number)s: %(name)s") % {
            "number": self.number, "name": self.label,
        }  # fmt: skip

    @property
    def label(self) -> str:
        """The goal's short name in the reader's language (the UN's where it has one)."""
        return gettext(self.name)


class Theme(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The theme's name in the reader's language; a theme added later shows as written."""
        return gettext(self.name)
