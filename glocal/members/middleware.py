"""Show every date and time in the viewer's own time zone, and pages in their language."""

import zoneinfo

from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers

from .languages import is_known_language

SESSION_KEY = "time_zone"


def viewer_time_zone(request: HttpRequest) -> str:
    """The signed-in person's zone, else the one chosen in this session; '' for the default."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.time_zone:
        return user.time_zone
    return request.session.get(SESSION_KEY, "") if hasattr(request, "session") else ""


class TimeZoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        name = viewer_time_zone(request)
        try:
            timezone.activate(zoneinfo.ZoneInfo(name)) if name else timezone.deactivate()
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            timezone.deactivate()
        return self.get_response(request)


def chosen_language(request: HttpRequest) -> str:
    """``?lang=`` for this page, else the signed-in person's preference; '' to keep what
    LocaleMiddleware found (the language cookie, then Accept-Language)."""
    asked = request.GET.get("lang", "")
    if asked and is_known_language(asked):
        return asked
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and is_known_language(user.language):
        return user.language
    return ""


def activate_chosen_language(request: HttpRequest) -> None:
    """Also called by API token authentication, which signs the person in later."""
    language = chosen_language(request)
    if language:
        translation.activate(language)
        request.LANGUAGE_CODE = language


class PreferredLanguageMiddleware:
    """After authentication: a person's own language wins over the browser's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        activate_chosen_language(request)
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        return response
