"""The languages content may be written in, their names and their writing direction.

Until every interface language has a catalogue, content languages are ``settings.LANGUAGES``.
"""

from django.conf import settings
from django.utils.translation import get_language, get_language_info

RIGHT_TO_LEFT = {"ar", "fa", "he", "ur"}


def language_choices() -> list[tuple[str, str]]:
    """Each language named in its own script, so an author finds theirs in any interface."""
    return [(code, native_name(code)) for code, _name in settings.LANGUAGES]


def codes() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


def normalize(code: str | None) -> str:
    """A known content language for a code like ``fr``, ``fr-ch`` or ``sr-Latn``."""
    known = codes()
    code = (code or "").lower()
    if code in known:
        return code
    if code.split("-")[0] in known:
        return code.split("-")[0]
    return settings.LANGUAGE_CODE


def active_language() -> str:
    """The viewer's language (and the default language of what an author writes now)."""
    return normalize(get_language())


def direction(code: str) -> str:
    """``rtl`` for right-to-left scripts; otherwise ``auto`` lets the text decide."""
    return "rtl" if code.split("-")[0] in RIGHT_TO_LEFT else "auto"


def _info(code: str) -> dict | None:
    try:
        return get_language_info(code)
    except KeyError:
        return None


def language_name(code: str) -> str:
    """The language's name in the interface language ("arabe" on a French page)."""
    info = _info(code)
    return info["name_translated"] if info else code


def native_name(code: str) -> str:
    """The language's name in its own script ("العربيّة")."""
    info = _info(code)
    return info["name_local"] if info else code
