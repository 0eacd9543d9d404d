"""The /api/v1/ endpoints of the network app: working groups, joint statements and updates.

Reads follow the same visibility as the pages (session or ``Authorization: Bearer`` token).
"""

from datetime import datetime

from django.http import HttpRequest
from ninja import Query, Router, Schema

from glocal.members.api import READ_ERRORS, PageQuery, Slug, api_user
from glocal.translations.api import (
    TranslatedOut,
    TranslationOut,
    all_translations,
    translations_of,
)

from .access import get_statement_for_viewer
from .models import Statement, Update, WorkingGroup

router = Router(tags=["network"])


class GroupOut(Schema):
    slug: str
    name: str
    summary: str
    themes: list[str]
    member_count: int
    coordinators: list[str]
    url: str

    @staticmethod
    def resolve_themes(obj) -> list[str]:
        return [theme.slug for theme in obj.themes.all()]

    @staticmethod
    def resolve_coordinators(obj) -> list[str]:
        return [str(m.user) for m in obj.memberships.all() if m.is_coordinator]

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()


class GroupPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[GroupOut]


@router.get("/groups/", response={200: GroupPage, **READ_ERRORS})
def list_groups(request: HttpRequest, query: Query[PageQuery]):
    api_user(request)
    groups = WorkingGroup.objects.active().with_counts().prefetch_related("memberships__user")
    return {"count": groups.count(), "page": query.page, "page_size": query.page_size,
            "results": list(groups[query.window()])}  # fmt: skip


class StatementOut(TranslatedOut):
    slug: str
    title: str
    status: str
    addressees: list[str]
    drafted_by: list[str]
    version: int
    updated_at: datetime
    url: str

    @staticmethod
    def resolve_addressees(obj) -> list[str]:
        return obj.addressee_list

    @staticmethod
    def resolve_drafted_by(obj) -> list[str]:
        return [town.slug for town in obj.drafted_by.all()]

    @staticmethod
    def resolve_version(obj) -> int:
        return obj.current_number

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()


class SignatureOut(Schema):
    municipality: str
    municipality_name: str
    signed_by: str
    version: int
    language: str
    signed_at: datetime
    needs_reconfirmation: bool

    @staticmethod
    def resolve_municipality(obj) -> str:
        return obj.municipality.slug

    @staticmethod
    def resolve_municipality_name(obj) -> str:
        return obj.municipality.name

    @staticmethod
    def resolve_signed_by(obj) -> str:
        return str(obj.signed_by) if obj.signed_by else ""

    @staticmethod
    def resolve_version(obj) -> int:
        return obj.version.number


class StatementDetailOut(StatementOut):
    text: str
    text_language: str
    text_translations: list[TranslationOut]
    signatures: list[SignatureOut]

    @staticmethod
    def resolve_text(obj) -> str:
        version = obj.current_version
        return version.text if version else ""

    @staticmethod
    def resolve_text_language(obj) -> str:
        version = obj.current_version
        return version.language if version else obj.language

    @staticmethod
    def resolve_text_translations(obj) -> list[dict]:
        version = obj.current_version
        return translations_of(version) if version else []

    @staticmethod
    def resolve_signatures(obj) -> list:
        return list(obj.active_signatures())


class StatementPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[StatementOut]


@router.get("/statements/", response={200: StatementPage, **READ_ERRORS})
def list_statements(request: HttpRequest, query: Query[PageQuery]):
    user = api_user(request)
    statements = Statement.objects.visible_to(user).prefetch_related(
        "drafted_by", all_translations()
    )
    return {"count": statements.count(), "page": query.page, "page_size": query.page_size,
            "results": list(statements[query.window()])}  # fmt: skip


@router.get("/statements/{slug}", response={200: StatementDetailOut, **READ_ERRORS})
def get_statement(request: HttpRequest, slug: Slug):
    api_user(request)  # refuses a bad token before the viewer's rights are checked
    return get_statement_for_viewer(request, slug)


class UpdateQuery(PageQuery):
    stories: bool = False


class UpdateOut(TranslatedOut):
    id: int
    title: str
    body: str
    project: int
    project_title: str
    municipality: str
    is_story: bool
    created_at: datetime
    url: str

    @staticmethod
    def resolve_project(obj) -> int:
        return obj.project_id

    @staticmethod
    def resolve_project_title(obj) -> str:
        return obj.project.title

    @staticmethod
    def resolve_municipality(obj) -> str:
        return obj.project.municipality.slug

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()


class UpdatePage(Schema):
    count: int
    page: int
    page_size: int
    results: list[UpdateOut]


@router.get("/updates/", response={200: UpdatePage, **READ_ERRORS})
def list_updates(request: HttpRequest, query: Query[UpdateQuery]):
    user = api_user(request)
    updates = Update.objects.visible_to(user).for_list().prefetch_related(all_translations())
    if query.stories:
        updates = updates.stories()
    return {"count": updates.count(), "page": query.page, "page_size": query.page_size,
            "results": list(updates[query.window()])}  # fmt: skip
