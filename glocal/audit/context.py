"""Where a write comes from: a page, an API operation (with its token) or a command.

The middleware and ``from_command`` set it once; ``record`` reads it, so no service has to
pass it along.
"""

import contextvars
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db.models import Model
from django.http import HttpRequest, HttpResponse

_request: contextvars.ContextVar[HttpRequest | None] = contextvars.ContextVar(
    "audit_request", default=None
)
_command: contextvars.ContextVar[str] = contextvars.ContextVar("audit_command", default="")


def audit_source(get_response: Callable[[HttpRequest], HttpResponse]):
    """Middleware: keep the request at hand while it is served."""

    def middleware(request: HttpRequest) -> HttpResponse:
        token = _request.set(request)
        try:
            return get_response(request)
        finally:
            _request.reset(token)

    return middleware


@contextmanager
def command(name: str) -> Iterator[None]:
    """Writes inside come from the management command ``name``."""
    token = _command.set(name)
    try:
        yield
    finally:
        _command.reset(token)


def from_command(name: str):
    """Decorate a command's ``handle``: its writes say they came from ``name``."""

    def decorate(handle):
        @functools.wraps(handle)
        def wrapper(*args, **kwargs):
            with command(name):
                return handle(*args, **kwargs)

        return wrapper

    return decorate


def current_request() -> HttpRequest | None:
    return _request.get()


def api_token_id(request: HttpRequest) -> int | None:
    """The API token the request was authenticated with, if any (set by the API's auth)."""
    for token in (getattr(request, "_presented_token", None), getattr(request, "auth", None)):
        if isinstance(token, Model) and token._meta.label == "members.ApiToken":
            return token.pk
    return None


def describe() -> tuple[str, int | None]:
    """(where the write came from in words, the API token's id or None)."""
    if name := _command.get():
        return f"command {name}", None
    request = _request.get()
    if request is None:
        return "", None
    match = getattr(request, "resolver_match", None)
    url_name = match.view_name if match else ""
    token_id = api_token_id(request)
    if request.path.startswith("/api/"):
        where = f"API {request.method} {request.path}"
        return (f"{where} token #{token_id}" if token_id else where)[:300], token_id
    if request.path.startswith("/admin/"):
        return f"admin {request.path}"[:300], token_id
    return (f"page {url_name} {request.path}" if url_name else f"page {request.path}")[:300], None
