"""API pieces shared by every router (token auth, error and page shapes) and municipalities.

Only public fields of a municipality leave through here: never its contacts.
"""

from datetime import timedelta
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

from glocal.lib.edit_versions import EditConflict, conflict_body, parse_version

from . import services
from .access import get_municipality_for_editor, get_municipality_for_viewer
from .middleware import activate_chosen_language
from .models import ApiToken, Municipality

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
NO_NUL = r"^[^\x00]*$"  # PostgreSQL refuses NUL characters in text
Slug = Annotated[str, Path(pattern=SLUG_PATTERN, max_length=220)]
SearchText = Annotated[str, Field(max_length=200, pattern=NO_NUL)]


class ErrorDetail(Schema):
    code: str
    message: str
    fields: dict[str, list[str]] | None = None


class ErrorOut(Schema):
    error: ErrorDetail


def error_body(code: str, message: str, fields: dict | None = None) -> dict:
    detail = {"code": code, "message": message}
    if fields:
        detail["fields"] = {name: [str(m) for m in messages] for name, messages in fields.items()}
    return {"error": detail}


READ_ERRORS = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut}
WRITE_ERRORS = READ_ERRORS | {400: ErrorOut, 403: ErrorOut}


class ConflictDetail(Schema):
    code: str
    message: str
    version: int
    fields: dict[str, dict[str, Any]] | None = None


class ConflictOut(Schema):
    error: ConflictDetail


VERSIONED_WRITE_ERRORS = WRITE_ERRORS | {409: ConflictOut, 428: ErrorOut}


def sent_version(request: HttpRequest, changes: dict) -> int | None:
    """The version a write is based on: ``version`` in the body, else an If-Match header."""
    return changes.pop("version", None) or parse_version(request.headers.get("If-Match"))


def version_required() -> Status:
    message = _("Send the version you read: “version” in the body or an If-Match header.")
    return Status(428, error_body("version_required", message))


def stale_write(version: int, conflict: EditConflict) -> Status:
    """409: the current version and, for each field changed since, both values."""
    message = _("Someone changed these fields since version %(n)s; nothing was saved.")
    return Status(409, conflict_body(message % {"n": version}, conflict.record, conflict))


LAST_USED_PRECISION = timedelta(minutes=1)


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <key>``; the key's hash finds the token of an active user."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        if not token or "\x00" in token or len(token) > 200:
            return None
        found = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=ApiToken.hash_key(token), user__is_active=True)
            .first()
        )
        if found is None:
            return None
        now = timezone.now()
        if found.last_used_at is None or now - found.last_used_at >= LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)  # a write a minute
        request.user = found.user
        activate_chosen_language(request)
        return found


token_auth = TokenAuth()


def presented_token(request: HttpRequest) -> ApiToken | None:
    """The valid token a request carries (looked up once per request), or None."""
    if not hasattr(request, "_presented_token"):
        header = request.headers.get("Authorization", "")
        scheme, _, key = header.partition(" ")
        found = None
        if scheme.lower() == "bearer":
            found = token_auth.authenticate(request, key.strip())
        request._presented_token = found
    return request._presented_token


def api_user(request: HttpRequest):
    """Who reads: the token's user when a token is sent, else the session's (or anonymous)."""
    if request.headers.get("Authorization") and presented_token(request) is None:
        raise AuthenticationError(message=_("The API token is not valid."))
    return request.user


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(20, ge=1, le=100)

    def window(self) -> slice:
        start = (self.page - 1) * self.page_size
        return slice(start, start + self.page_size)


class CountryOut(Schema):
    iso: str
    name: str


class NeedOut(Schema):
    rank: int
    text: str
    themes: list[str]

    @staticmethod
    def resolve_themes(obj) -> list[str]:
        return [theme.slug for theme in obj.themes.all()]


class MunicipalityOut(Schema):
    name: str
    version: int
    slug: str
    country: CountryOut
    region: str
    admin1: str
    population: int | None
    settlement: str
    latitude: float | None
    longitude: float | None
    languages: str
    sdg_priorities: list[int]
    needs: list[NeedOut]

    @staticmethod
    def resolve_sdg_priorities(obj) -> list[int]:
        return [sdg.number for sdg in obj.sdg_priorities.all()]

    @staticmethod
    def resolve_needs(obj) -> list:
        return list(obj.needs.all())


class MunicipalityPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[MunicipalityOut]


class MunicipalityQuery(PageQuery):
    q: SearchText = ""
    region: Annotated[str, Field(max_length=20, pattern=NO_NUL)] = ""
    country: Annotated[str, Field(max_length=2, pattern=NO_NUL)] = ""


class MunicipalityPatch(Schema):
    """The profile fields to change and the ``version`` they were read at (or send If-Match)."""

    version: int | None = Field(None, ge=1, le=2_000_000_000)
    languages: str | None = Field(None, max_length=200, pattern=NO_NUL)
    population: int | None = Field(None, ge=0, le=2_000_000_000, strict=True)
    capacities: str | None = Field(None, max_length=10_000, pattern=NO_NUL)
    practices_in_place: str | None = Field(None, max_length=10_000, pattern=NO_NUL)


TEXT_PATCH_FIELDS = ("languages", "capacities", "practices_in_place")

router = Router(tags=["municipalities"])


def for_output(queryset):
    return queryset.select_related("country").prefetch_related("sdg_priorities", "needs__themes")


@router.get("", response={200: MunicipalityPage, **READ_ERRORS})
def list_municipalities(request: HttpRequest, filters: Query[MunicipalityQuery]):
    queryset = Municipality.objects.visible_to(api_user(request)).search(filters.q)
    if filters.region:
        queryset = queryset.filter(country__region=filters.region)
    if filters.country:
        queryset = queryset.filter(country__iso=filters.country.upper())
    results = list(for_output(queryset.order_by("name", "pk"))[filters.window()])
    return {"count": queryset.count(), "page": filters.page, "page_size": filters.page_size,
            "results": results}  # fmt: skip


def fetch_municipality(request: HttpRequest, slug: str) -> Municipality:
    found = get_municipality_for_viewer(request, slug)
    return for_output(Municipality.objects.filter(pk=found.pk)).get()


@router.get("/{slug}", response={200: MunicipalityOut, **READ_ERRORS})
def get_municipality(request: HttpRequest, slug: Slug):
    api_user(request)
    return fetch_municipality(request, slug)


@router.patch("/{slug}", auth=token_auth, response={200: MunicipalityOut, **VERSIONED_WRITE_ERRORS})
def patch_municipality(request: HttpRequest, slug: Slug, patch: MunicipalityPatch):
    """Change the profile read at ``version``; a field changed by someone since answers 409
    with the current version and both values, and nothing is written."""
    municipality = get_municipality_for_editor(request, slug)
    changes = patch.dict(exclude_unset=True)
    version = sent_version(request, changes)
    if version is None:
        return version_required()
    for name in TEXT_PATCH_FIELDS:
        if changes.get(name, "") is None:
            changes[name] = ""  # text columns are empty, never null
    try:
        services.patch_municipality_profile(municipality_id=municipality.pk, base_version=version,
                                            mine=changes, user=request.user)  # fmt: skip
    except EditConflict as conflict:
        return stale_write(version, conflict)
    return fetch_municipality(request, slug)
