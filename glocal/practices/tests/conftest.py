import pytest
from django.utils.text import slugify

from glocal.practices.models import Practice, Status
from glocal.reference.models import Country, Sdg, Theme


def make_practice(title: str, *, municipality=None, status=Status.PUBLISHED, **fields) -> Practice:
    themes = fields.pop("themes", [])
    sdgs = fields.pop("sdgs", [])
    country = fields.pop("country", None) or (municipality.country if municipality else None)
    practice = Practice.objects.create(
        title=title,
        slug=fields.pop("slug", None) or slugify(title),
        summary=fields.pop("summary", f"Summary of {title}."),
        municipality=municipality,
        country=country,
        status=status,
        **fields,
    )
    practice.themes.set(Theme.objects.filter(slug__in=themes))
    practice.sdgs.set(Sdg.objects.filter(number__in=sdgs))
    return practice


@pytest.fixture
def practice(town, member):
    return make_practice(
        "Spilamberto and Us",
        municipality=town,
        created_by=member,
        summary="Citizens care for parks and libraries.",
        themes=["civic-engagement"],
        sdgs=[11, 16],
        start_year=2017,
        cost_band="low",
    )


@pytest.fixture
def showroom(town, other_town):
    """A small showroom: three published practices in two regions, one draft."""
    kosovo = Country.objects.get(iso="XK")
    return {
        "language": make_practice(
            "Learning Each Other's Language",
            country=kosovo,
            owner_name="Kamenica",
            summary="Courses where neighbours learn Serbian and Albanian.",
            themes=["education", "social-cohesion"],
            sdgs=[4, 16],
            start_year=2016,
            cost_band="low",
            award="Innovation in Politics Award",
        ),  # fmt: skip
        "camp": make_practice(
            "Summer Urban Camp",
            municipality=other_town,
            summary="Children play all summer.",
            themes=["children-youth"],
            sdgs=[4],
            start_year=2018,
            cost_band="medium",
        ),  # fmt: skip
        "parks": make_practice(
            "Caring for Parks",
            municipality=town,
            summary="Volunteers look after parks.",
            themes=["civic-engagement", "social-cohesion"],
            sdgs=[11],
            start_year=2017,
            cost_band="low",
        ),  # fmt: skip
        "draft": make_practice(
            "Secret Draft Language Plan",
            municipality=town,
            status=Status.DRAFT,
            themes=["education"],
        ),  # fmt: skip
    }
