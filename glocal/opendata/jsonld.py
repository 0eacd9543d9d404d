"""schema.org JSON-LD for showroom pages, built as plain dicts and written out safely."""

from collections.abc import Iterable

from django.http import HttpRequest

from glocal.practices.models import Practice

LICENCE_URLS = {
    "CC BY 4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC BY-SA 4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC0 1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "EUPL-1.2": "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12",
}
SDG_URL = "https://sdgs.un.org/goals/goal{number}"


def licence_url(licence: str) -> str:
    """A web address for a known licence name, else the name itself."""
    return LICENCE_URLS.get(licence.strip(), licence.strip())


def practice_jsonld(
    practice: Practice,
    *,
    request: HttpRequest | None = None,
    themes: Iterable | None = None,
    sdgs: Iterable | None = None,
) -> dict:
    """A schema.org ``CreativeWork`` describing one practice."""
    path = practice.get_absolute_url()
    url = request.build_absolute_uri(path) if request else path
    themes = practice.themes.all() if themes is None else themes
    sdgs = practice.sdgs.all() if sdgs is None else sdgs
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "@id": url,
        "url": url,
        "name": practice.title,
        "description": practice.summary,
        "dateCreated": practice.created_at.date().isoformat() if practice.created_at else None,
        "datePublished": practice.published_at.date().isoformat()
        if practice.published_at
        else None,
        "dateModified": practice.updated_at.date().isoformat() if practice.updated_at else None,
        "license": licence_url(practice.licence) if practice.licence else None,
        "keywords": [theme.name for theme in themes],
        "about": [
            {
                "@type": "DefinedTerm",
                "termCode": f"SDG {sdg.number}",
                "name": sdg.name,
                "url": SDG_URL.format(number=sdg.number),
                "inDefinedTermSet": "https://sdgs.un.org/goals",
            }
            for sdg in sdgs
        ],
    }
    if practice.owner:
        owner = {"@type": "Organization", "name": practice.owner}
        if practice.municipality_id:
            owner["url"] = (
                request.build_absolute_uri(practice.municipality.get_absolute_url())
                if request
                else practice.municipality.get_absolute_url()
            )
        data["creator"] = owner
        data["author"] = owner
    if practice.country_id:
        data["spatialCoverage"] = {
            "@type": "Place",
            "address": {"@type": "PostalAddress", "addressCountry": practice.country_id},
            "name": practice.municipality.name
            if practice.municipality_id
            else practice.country.name,
        }
    if practice.start_year:
        data["temporalCoverage"] = f"{practice.start_year}/{practice.end_year or '..'}"
    if practice.source_url:
        data["isBasedOn"] = practice.source_url
    return {key: value for key, value in data.items() if value not in (None, "", [])}
