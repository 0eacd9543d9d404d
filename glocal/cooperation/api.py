"""The /api/v1/ endpoints of the cooperation app: collaborations, the board, the directory.

Reads only; writes go through the pages. Contacts of experts leave only for signed-in
members (a session or a personal token).
"""

from datetime import date
from typing import Annotated, Literal

from django.db.models import Prefetch
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from glocal.members.api import NO_NUL, READ_ERRORS, PageQuery, SearchText, api_user

from .models import Category, Collaboration, Expert, Partner, PartnerNetwork, Post

router = Router(tags=["cooperation"])
ThemeSlug = Annotated[str, Field(max_length=60, pattern=NO_NUL)]


def page_of(queryset, filters: PageQuery, schema_results) -> dict:
    return {"count": queryset.count(), "page": filters.page, "page_size": filters.page_size,
            "results": list(schema_results[filters.window()])}  # fmt: skip


class PartnerOut(Schema):
    municipality: str
    name: str
    role: str
    status: str

    @staticmethod
    def resolve_municipality(obj) -> str:
        return obj.municipality.slug

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.municipality.name


class FundingOut(Schema):
    funder: str
    programme: str
    amount_eur: int | None
    deadline: date | None
    status: str


class CollaborationOut(Schema):
    slug: str
    title: str
    summary: str
    status: str
    start_date: date | None
    end_date: date | None
    themes: list[str]
    partners: list[PartnerOut]
    funding_applications: list[FundingOut]

    @staticmethod
    def resolve_themes(obj) -> list[str]:
        return [theme.slug for theme in obj.themes.all()]

    @staticmethod
    def resolve_partners(obj) -> list:
        return list(obj.partners.all())

    @staticmethod
    def resolve_funding_applications(obj) -> list:
        return list(obj.funding_applications.all())


class CollaborationPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[CollaborationOut]


class CollaborationQuery(PageQuery):
    status: Literal["preparing", "running", "completed"] | None = None
    theme: ThemeSlug = ""


@router.get("/collaborations/", response={200: CollaborationPage, **READ_ERRORS})
def list_collaborations(request: HttpRequest, filters: Query[CollaborationQuery]):
    queryset = Collaboration.objects.visible_to(api_user(request))
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.theme:
        queryset = queryset.filter(themes__slug=filters.theme)
    partners = Partner.objects.exclude(status=Partner.Status.DECLINED).select_related(
        "municipality"
    )
    results = queryset.order_by("-created_at", "pk").prefetch_related(
        Prefetch("partners", partners), "themes", "funding_applications"
    )
    return page_of(queryset, filters, results)


class PostOut(Schema):
    id: int
    municipality: str
    country: str
    category: str
    title: str
    description: str
    quantity: str
    place: str
    urgency: int
    until: date | None

    @staticmethod
    def resolve_municipality(obj) -> str:
        return obj.municipality.slug

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.municipality.country_id


class PostPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[PostOut]


class PostQuery(PageQuery):
    category: Category | None = None
    municipality: ThemeSlug = ""


def list_posts(request: HttpRequest, queryset, filters: PostQuery) -> dict:
    api_user(request)
    queryset = queryset.open()
    if filters.category:
        queryset = queryset.filter(category=filters.category)
    if filters.municipality:
        queryset = queryset.filter(municipality__slug=filters.municipality)
    ordered = queryset.for_board().order_by("-urgency", "-created_at", "pk")
    return page_of(queryset, filters, ordered)


@router.get("/solidarity/needs", response={200: PostPage, **READ_ERRORS})
def list_needs(request: HttpRequest, filters: Query[PostQuery]):
    """Open needs on the solidarity board, most urgent first."""
    return list_posts(request, Post.objects.needs(), filters)


@router.get("/solidarity/offers", response={200: PostPage, **READ_ERRORS})
def list_offers(request: HttpRequest, filters: Query[PostQuery]):
    """Open offers on the solidarity board."""
    return list_posts(request, Post.objects.offers(), filters)


class ExpertOut(Schema):
    slug: str
    name: str
    kind: str
    organisation: str
    topics: list[str]
    themes: list[str]
    languages: list[str]
    country: str | None
    website: str
    email: str | None = Field(None, description="Only for signed-in members.")
    phone: str | None = Field(None, description="Only for signed-in members.")

    @staticmethod
    def resolve_topics(obj) -> list[str]:
        return obj.topic_list

    @staticmethod
    def resolve_languages(obj) -> list[str]:
        return obj.language_list

    @staticmethod
    def resolve_themes(obj) -> list[str]:
        return [theme.slug for theme in obj.themes.all()]

    @staticmethod
    def resolve_country(obj) -> str | None:
        return obj.country_id

    @staticmethod
    def resolve_email(obj, context) -> str | None:
        return obj.email if context["request"].user.is_authenticated else None

    @staticmethod
    def resolve_phone(obj, context) -> str | None:
        return obj.phone if context["request"].user.is_authenticated else None


class ExpertPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[ExpertOut]


class ExpertQuery(PageQuery):
    q: SearchText = ""
    theme: ThemeSlug = ""
    language: ThemeSlug = ""


@router.get("/experts/", response={200: ExpertPage, **READ_ERRORS})
def list_experts(request: HttpRequest, filters: Query[ExpertQuery]):
    api_user(request)
    queryset = Expert.objects.listed().search(filters.q)
    if filters.theme:
        queryset = queryset.filter(themes__slug=filters.theme)
    if filters.language:
        queryset = queryset.filter(languages__icontains=filters.language)
    queryset = queryset.distinct()
    return page_of(queryset, filters, queryset.order_by("name", "pk").prefetch_related("themes"))


class NetworkOut(Schema):
    slug: str
    name: str
    acronym: str
    description: str
    cooperation: str
    scope: str
    website: str
    since: int | None


class NetworkPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[NetworkOut]


@router.get("/networks/", response={200: NetworkPage, **READ_ERRORS})
def list_networks(request: HttpRequest, filters: Query[PageQuery]):
    api_user(request)
    queryset = PartnerNetwork.objects.all()
    return page_of(queryset, filters, queryset.order_by("name", "pk"))
