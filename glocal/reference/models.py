"""Facts shared by every other app: countries, places, the 17 SDGs and the theme taxonomy."""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    EUROPE = "europe", _("Europe")
    BALKANS = "balkans", _("Balkans")
    MENA = "mena", _("Middle East and North Africa")
    OTHER = "other", _("Other")


class Country(models.Model):
    iso = models.CharField(_("ISO code"), max_length=2, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    region = models.CharField(_("network region"), max_length=10, choices=Region.choices)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name


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
        return f"SDG {self.number}: {self.name}"


class Theme(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
