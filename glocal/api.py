"""The public API under /api/v1/ (django-ninja); each app adds its router here.

Every error answers ``{"error": {"code", "message", "fields"?}}``, the message in the reader's
language (Accept-Language, ``?lang=``, or the token owner's preference); reads are open to
everyone, writes need a personal token (``Authorization: Bearer <key>``).
"""

import json
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.throttling import SimpleRateThrottle

from glocal.audit.api import router as audit
from glocal.calls.api import router as calls
from glocal.cooperation.api import router as cooperation
from glocal.desk.api import router as me
from glocal.events.api import router as events
from glocal.lib.ratelimit import SharedCounter
from glocal.members.api import error_body, presented_token, token_auth
from glocal.members.api import router as municipalities
from glocal.network.api import router as network
from glocal.practices.api import router as practices
from glocal.projects.api import router as projects

COUNTS = SharedCounter()


class SharedRateThrottle(SimpleRateThrottle):
    """Counts every worker's requests in the shared cache, batched (``glocal/lib/ratelimit.py``
    says how far over the limit that can let a burst go: 5 % of the limit per worker)."""

    def allow_request(self, request: HttpRequest) -> bool:
        self.key = self.get_cache_key(request)
        if self.key is None:
            return True
        return COUNTS.hit(self.key, self.num_requests, self.duration)

    def wait(self) -> float | None:
        return COUNTS.seconds_to_wait(self.duration)


class AnonymousRateThrottle(SharedRateThrottle):
    """Requests without a valid token share a limit per client address (proxy-aware)."""

    scope = "anon"

    def get_cache_key(self, request: HttpRequest) -> str | None:
        if presented_token(request) is not None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class TokenRateThrottle(SharedRateThrottle):
    """Requests with a valid token, reads as well as writes, count against that token."""

    scope = "token"

    def get_cache_key(self, request: HttpRequest) -> str | None:
        token = presented_token(request)
        if token is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": token.pk}


api = NinjaAPI(title="Glocal API", version="1", urls_namespace="api", docs_url="/docs",
               openapi_url="/openapi.json", docs=Swagger(settings={"deepLinking": False}),
               throttle=[AnonymousRateThrottle(settings.API_ANONYMOUS_RATE),
                         TokenRateThrottle(settings.API_TOKEN_RATE)])  # fmt: skip
api.add_router("/v1/practices", practices)
api.add_router("/v1/municipalities", municipalities)
api.add_router("/v1", projects)
api.add_router("/v1", calls)
api.add_router("/v1", events)
api.add_router("/v1", network)
api.add_router("/v1", cooperation)
api.add_router("/v1", me)
api.add_router("/v1", audit, auth=token_auth)


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


ERROR_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed",
               413: "too_large", 415: "unsupported_media_type"}  # fmt: skip
ERROR_MESSAGES = {
    400: "The request is not valid.",
    404: "Not found.",
    405: "This method is not allowed here.",
    413: "The request body is too large.",
    415: "Send the body as application/json.",
}


FORM_TYPES = {"multipart/form-data", "application/x-www-form-urlencoded"}


def envelope(status: int, message: str | None = None) -> JsonResponse:
    code = ERROR_CODES.get(status, "server_error" if status >= 500 else "error")
    default = ERROR_MESSAGES.get(status, "Something went wrong on our side.")
    return JsonResponse(error_body(code, message or default), status=status)


def body_problem(request: HttpRequest) -> JsonResponse | None:
    """A write's body must be one JSON object sent as application/json."""
    if request.method not in {"POST", "PUT", "PATCH"}:
        return None
    try:
        body = request.body
    except RequestDataTooBig:
        return envelope(413)
    if not body:
        return None
    if request.content_type != "application/json":
        # A form post with no fields (an action such as "mark read") carries no data to refuse.
        if request.content_type in FORM_TYPES and not (request.POST or request.FILES):
            return None
        return envelope(415)
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return envelope(400, "The body is not valid JSON.")
    if not isinstance(data, dict):
        return envelope(400, "The body must be a JSON object.")
    return None


def json_errors_under_api(get_response: Callable[[HttpRequest], HttpResponse]):
    """Under /api/, every refusal, the framework's own included, uses the error envelope."""

    def middleware(request: HttpRequest) -> HttpResponse:
        if not request.path.startswith("/api/"):
            return get_response(request)
        problem = body_problem(request)
        if problem is not None:
            return problem
        response = get_response(request)
        is_json = response.get("Content-Type", "").startswith("application/json")
        if response.status_code >= 400 and not is_json:
            wrapped = envelope(response.status_code)
            if response.has_header("Allow"):
                wrapped["Allow"] = response["Allow"]
            return wrapped
        return response

    return middleware
