"""Practices in the API: the showroom's search and facets, the detail, and token edits."""

from datetime import datetime
from typing import Annotated, Literal

from django.core.exceptions import PermissionDenied
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from glocal.lib.pagecache import json_for_anonymous
from glocal.members.api import (
    NO_NUL,
    READ_ERRORS,
    VERSIONED_WRITE_ERRORS,
    PageQuery,
    SearchText,
    Slug,
    api_user,
    error_body,
    sent_version,
    stale_write,
    token_auth,
    version_required,
)
from glocal.members.models import Municipality, PopulationBand
from glocal.reference.models import Region
from glocal.translations.api import TranslatedOut, all_translations

from . import services
from .access import can_edit_practice, get_practice_for_viewer
from .facets import FACETS
from .forms import PracticeForm, form_values
from .models import CostBand, Distinction, Practice
from .search import index_generation
from .showroom import showroom

FacetText = Annotated[str, Field(max_length=60, pattern=NO_NUL)]
FacetNumber = Annotated[int, Field(ge=0, le=9999)]
Text = Annotated[str, Field(max_length=10_000, pattern=NO_NUL)]
Line = Annotated[str, Field(max_length=500, pattern=NO_NUL)]
Count = Annotated[int, Field(ge=0, le=2_000_000_000, strict=True)]


class PracticeQuery(PageQuery):
    q: SearchText = ""
    theme: list[FacetText] = []
    sdg: list[FacetNumber] = []
    region: list[Region] = []
    country: list[FacetText] = []
    population: list[PopulationBand] = []
    cost: list[CostBand] = []
    year: list[FacetNumber] = []
    award: list[Literal["0", "1"]] = []
    distinction: list[Distinction] = []

    def facet_params(self) -> QueryDict:
        params = QueryDict(mutable=True)
        for facet in FACETS:
            params.setlist(facet.param, [str(v) for v in getattr(self, facet.param)])
        return params


class FacetItem(Schema):
    value: str
    label: str
    count: int


class PracticeOut(TranslatedOut):
    slug: str
    title: str
    summary: str
    status: str
    owner: str
    municipality: str | None
    country: str | None
    start_year: int | None
    end_year: int | None
    themes: list[str]
    sdgs: list[int]
    cost_band: str
    award: str
    published_at: datetime | None

    @staticmethod
    def resolve_municipality(obj) -> str | None:
        return obj.municipality.slug if obj.municipality_id else None

    @staticmethod
    def resolve_country(obj) -> str | None:
        return obj.country_id

    @staticmethod
    def resolve_themes(obj) -> list[str]:
        return [theme.slug for theme in obj.themes.all()]

    @staticmethod
    def resolve_sdgs(obj) -> list[int]:
        return [sdg.number for sdg in obj.sdgs.all()]


class PracticeDetailOut(PracticeOut):
    version: int
    target_groups: str
    situation_before: str
    objectives: str
    approach: str
    partners: str
    budget_eur: int | None
    budget_notes: str
    staff: str
    duration_months: int | None
    results: str
    evidence: str
    lessons: str
    transferability: str
    links: list[str]
    source_name: str
    source_url: str
    licence: str

    @staticmethod
    def resolve_links(obj) -> list[str]:
        return obj.link_list


class PracticePage(Schema):
    count: int
    page: int
    page_size: int
    results: list[PracticeOut]
    facets: dict[str, list[FacetItem]]


class PracticePatch(Schema):
    """The fields to change and the ``version`` they were read at (or send If-Match)."""

    version: int | None = Field(None, ge=1, le=2_000_000_000)
    title: Line | None = None
    summary: Text | None = None
    municipality: Line | None = Field(None, description="The owning municipality's slug.")
    owner_name: Line | None = None
    country: Line | None = Field(None, description="ISO code of the country.")
    start_year: Count | None = None
    end_year: Count | None = None
    themes: list[Line] | None = Field(None, description="Theme slugs.")
    sdgs: list[Count] | None = Field(None, description="SDG numbers.")
    target_groups: Line | None = None
    situation_before: Text | None = None
    objectives: Text | None = None
    approach: Text | None = None
    partners: Text | None = None
    budget_eur: Count | None = None
    budget_notes: Line | None = None
    cost_band: Line | None = None
    staff: Line | None = None
    duration_months: Count | None = None
    results: Text | None = None
    evidence: Text | None = None
    lessons: Text | None = None
    transferability: Text | None = None
    award: Line | None = None
    links: list[Line] | None = None
    contact_name: Line | None = None
    contact_email: Line | None = None
    source_name: Line | None = None
    source_url: Line | None = None
    licence: Line | None = None


router = Router(tags=["practices"])


@router.get("", response={200: PracticePage, **READ_ERRORS})
def list_practices(request: HttpRequest, filters: Query[PracticeQuery]):
    api_user(request)
    return json_for_anonymous(request, PracticePage, lambda: practice_page(filters),
                              version=index_generation)  # fmt: skip


def practice_page(filters: PracticeQuery) -> dict:
    practices, groups = showroom(filters.q or "", filters.facet_params(), None)
    results = list(practices[filters.window()])
    prefetch_related_objects(results, all_translations())
    facets = {
        group["facet"].param: [
            {"value": i["value"], "label": str(i["label"]), "count": i["count"]}
            for i in group["items"]
        ]
        for group in groups
    }
    return {"count": practices.count(), "page": filters.page, "page_size": filters.page_size,
            "results": results, "facets": facets}  # fmt: skip


def fetch_practice(request: HttpRequest, slug: str) -> Practice:
    found = get_practice_for_viewer(request, slug)
    return Practice.objects.for_cards().get(pk=found.pk)


@router.get("/{slug}", response={200: PracticeDetailOut, **READ_ERRORS})
def get_practice(request: HttpRequest, slug: Slug):
    api_user(request)
    return fetch_practice(request, slug)


def form_data(practice: Practice, form: PracticeForm, patch: dict) -> dict:
    """The practice as the form would post it, with the patch laid over it."""
    data = {}
    for name in form.fields:
        if name == "themes":
            data[name] = [theme.slug for theme in practice.themes.all()]
        elif name == "sdgs":
            data[name] = [sdg.pk for sdg in practice.sdgs.all()]
        elif name in ("municipality", "country"):
            data[name] = getattr(practice, f"{name}_id")
        else:
            data[name] = getattr(practice, name)
    if "municipality" in patch and patch["municipality"]:
        town = Municipality.objects.filter(slug=patch["municipality"]).first()
        patch["municipality"] = town.pk if town else "unknown"
    if "links" in patch:
        patch["links"] = "\n".join(patch["links"] or [])
    data.update({k: ("" if v is None else v) for k, v in patch.items()})
    return data


@router.patch(
    "/{slug}", auth=token_auth, response={200: PracticeDetailOut, **VERSIONED_WRITE_ERRORS}
)
def patch_practice(request: HttpRequest, slug: Slug, patch: PracticePatch):
    """Change the practice read at ``version``; a field changed by someone since answers 409
    with the current version and both values, and nothing is written."""
    user = request.user
    practice = get_practice_for_viewer(request, slug)
    if not can_edit_practice(user, practice):
        raise PermissionDenied("You may not change this practice.")
    changes = patch.dict(exclude_unset=True)
    version = sent_version(request, changes)
    if version is None:
        return version_required()
    form = PracticeForm(instance=practice, user=user)
    form = PracticeForm(data=form_data(practice, form, changes), instance=practice, user=user)
    if not form.is_valid():
        return Status(422, error_body("invalid", _("The practice was not saved."), form.errors))
    mine = {name: value for name, value in form_values(form).items() if name in changes}
    try:
        services.edit_practice(practice_id=practice.pk, base_version=version, mine=mine,
                               user=user)  # fmt: skip
    except services.EditConflict as conflict:
        return stale_write(version, conflict)
    return fetch_practice(request, slug)
