"""Pages that are the same for every anonymous visitor, kept rendered in the shared cache.

``@cached_for_anonymous()`` stores a view's 200 answer for visitors without a session or
pending messages, keyed by the path with its query, the language, the time zone and htmx;
the page's CSRF token is swapped for the visitor's own on every answer. Any successful
write request (POST, PUT, PATCH, DELETE, by anyone, the admin included) moves a version
number held in the cache, which retires every stored page at once
(``WritesRetireCachedPagesMiddleware``); ``PAGE_CACHE_SECONDS`` bounds what background
work (scheduled commands, the task worker) may leave stale, and ``0`` turns caching off.
"""

import hashlib
import json
import re
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation
from ninja.responses import NinjaJSONEncoder
from pydantic import BaseModel

VERSION_KEY = "glocal:pages:version"
TOKEN = re.compile(rb'(?:name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")([A-Za-z0-9]{64})"')
PLACEHOLDER = b"\x00csrf\x00"
PRIVATE_COOKIES = ("sessionid", "messages")


def page_store():
    return caches["pages"]


def retire_cached_pages() -> None:
    """Make every stored page stale (the next visitor renders it afresh)."""
    try:
        page_store().incr(VERSION_KEY)
    except ValueError:
        page_store().set(VERSION_KEY, 1, None)


def cacheable(request: HttpRequest) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not any(name in request.COOKIES for name in PRIVATE_COOKIES)
        and not request.user.is_authenticated
    )


def page_key(request: HttpRequest, version: object) -> str:
    htmx = (request.headers.get("HX-Request", ""), request.headers.get("HX-Target", ""))
    parts = [page_store().get_or_set(VERSION_KEY, 1, None), version, request.get_full_path(),
             translation.get_language(), timezone.get_current_timezone_name(), htmx]  # fmt: skip
    return "glocal:pagebytes:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def cached_for_anonymous(version: Callable[[], object] | None = None):
    """Serve the view's page from the cache to anonymous visitors; ``version`` adds to the key."""

    def decorate(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not cacheable(request):
                return view(request, *args, **kwargs)
            key = page_key(request, version() if version else None)
            if (stored := page_store().get(key)) is not None:
                body, content_type = stored  # bytes: no decoding, encoding, wide-string copy
                return HttpResponse(body.replace(PLACEHOLDER, get_token(request).encode()),
                                    content_type=content_type)  # fmt: skip
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming and not response.cookies:
                body = response.content
                if token := TOKEN.search(body):
                    body = body.replace(token.group(1), PLACEHOLDER)
                stored = (body, response["Content-Type"])
                page_store().set(key, stored, settings.PAGE_CACHE_SECONDS)
            return response

        return wrapper

    return decorate


def json_for_anonymous(
    request: HttpRequest,
    schema: type[BaseModel],
    build: Callable[[], object],
    version: Callable[[], object] | None = None,
) -> HttpResponse | object:
    """An API read's answer, serialised once and kept like a page for anonymous readers.

    Anyone else (a token, a session) gets ``build()`` back for the API to serialise as usual.
    The key is the full path with its query and the language; writes retire it as they
    retire pages. Called inside the operation, so the API's rate limits still count the read.
    """
    if not cacheable(request) or "Authorization" in request.headers:
        return build()
    key = page_key(request, ("api", version() if version else None))
    if (body := page_store().get(key)) is None:
        data = schema.model_validate(build()).model_dump()
        body = json.dumps(data, cls=NinjaJSONEncoder)
        page_store().set(key, body, settings.PAGE_CACHE_SECONDS)
    return HttpResponse(body, content_type="application/json; charset=utf-8")


class WritesRetireCachedPagesMiddleware:
    """A write that went through retires every cached page (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if settings.PAGE_CACHE_SECONDS <= 0:
            return response
        if request.method not in ("GET", "HEAD", "OPTIONS") and response.status_code < 400:
            retire_cached_pages()
        return response
