"""The public API under /api/v1/ (django-ninja); each app adds its router here.

Every error answers ``{"error": {"code", "message", "fields"?}}``, the message in the reader's
language (Accept-Language, ``?lang=``, or the token owner's preference); reads are open to
everyone, writes need a personal token (``Authorization: Bearer <key>``).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.throttling import AnonRateThrottle, AuthRateThrottle

from glocal.calls.api import router as calls
from glocal.cooperation.api import router as cooperation
from glocal.events.api import router as events
from glocal.members.api import error_body
from glocal.members.api import router as municipalities
from glocal.network.api import router as network
from glocal.practices.api import router as practices
from glocal.projects.api import router as projects

api = NinjaAPI(title="Glocal API", version="1", urls_namespace="api", docs_url="/docs",
               openapi_url="/openapi.json",
               throttle=[AnonRateThrottle("120/min"), AuthRateThrottle("600/min")])  # fmt: skip
api.add_router("/v1/practices", practices)
api.add_router("/v1/municipalities", municipalities)
api.add_router("/v1", projects)
api.add_router("/v1", calls)
api.add_router("/v1", events)
api.add_router("/v1", network)
api.add_router("/v1", cooperation)


def field_errors(exc: ValidationError) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for item in exc.errors:
        loc = [str(part) for part in item.get("loc", ())]
        parts = loc[2:] if loc[:1] == ["body"] and len(loc) > 2 else loc[1:] or loc
        name = ".".join(parts) or "request"
        fields.setdefault(name, []).append(item.get("msg", "invalid"))
    return fields


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    body = error_body("invalid", _("The request is not valid."), field_errors(exc))
    return api.create_response(request, body, status=422)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, error_body("not_found", _("Not found.")), status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    message = str(exc) or _("You may not do this.")
    return api.create_response(request, error_body("forbidden", message), status=403)


@api.exception_handler(AuthenticationError)
def unauthorized(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    message = _("A valid API token is required (Authorization: Bearer <key>).")
    if exc.message != "Unauthorized":
        message = exc.message
    return api.create_response(request, error_body("unauthorized", message), status=401)


@api.exception_handler(Throttled)
def throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    body = error_body("throttled", _("Too many requests; slow down and try again."))
    response = api.create_response(request, body, status=429)
    if exc.wait:
        response["Retry-After"] = str(int(exc.wait) + 1)
    return response


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    code = "bad_request" if exc.status_code == 400 else "error"
    return api.create_response(request, error_body(code, str(exc)), status=exc.status_code)
