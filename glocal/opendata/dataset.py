"""The open data export of the published showroom and what people may do with it."""

from collections import Counter
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from glocal.practices.exporting import export_rows
from glocal.practices.models import Practice

from .jsonld import licence_url

DEFAULT_LICENCE = "CC BY 4.0"
GEONAMES = "GeoNames (https://www.geonames.org/), CC BY 4.0"


def published_practices():
    """The published showroom in a stable order, so every export lists records alike."""
    return Practice.objects.published().order_by("-published_at", "title", "pk")


def licence_note() -> str:
    return _(
        "Each practice keeps its own licence, given in its 'licence' field "
        "(%(default)s unless the record says otherwise). Reuse a practice under its licence "
        "and credit its owner and the source named in 'source_name' and 'source_url'."
    ) % {"default": DEFAULT_LICENCE}


def attribution() -> list[str]:
    return [
        _("Practices: %(network)s showroom and the sources named in each record")
        % {"network": settings.NETWORK_NAME},
        _("Place facts (countries, places, populations): %(geonames)s") % {"geonames": GEONAMES},
    ]


def practices_document(request: HttpRequest) -> dict[str, Any]:
    """The JSON download: dataset metadata, then one record per published practice.

    Four queries: the practices, their themes and SDGs (``export_rows``), and their addresses.
    """
    queryset = published_practices()
    header, rows = export_rows(queryset)
    extra = list(queryset.values_list("slug", "published_at"))
    practices = []
    for cells, (slug, published_at) in zip(rows, extra, strict=True):
        record = dict(zip(header, cells, strict=True))
        record["licence"] = record["licence"] or DEFAULT_LICENCE
        record["licence_url"] = licence_url(record["licence"])
        record["url"] = request.build_absolute_uri(reverse("practices:detail", args=[slug]))
        record["published_at"] = published_at.isoformat() if published_at else None
        practices.append(record)
    return {
        "title": _("%(network)s: published good practices") % {"network": settings.NETWORK_NAME},
        "licence": licence_note(),
        "default_licence": DEFAULT_LICENCE,
        "default_licence_url": licence_url(DEFAULT_LICENCE),
        "licences": dict(Counter(record["licence"] for record in practices)),
        "attribution": attribution(),
        "source": request.build_absolute_uri(reverse("opendata:index")),
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "count": len(practices),
        "practices": practices,
    }
