"""Mark up user text with its own language and direction, on every page that shows it.

``{{ practice.tr.title.attrs }}`` gives ``lang="ar" dir="rtl"`` for a title written in Arabic;
``{{ obj|langattrs }}`` does the same from an object's original language; ``{{ name|bdi }}``
isolates a name or number inside running text; ``{% translation_notice obj %}`` says a page is
translated and links to the original.
"""

from django import template
from django.utils.html import format_html

from glocal.translations.languages import direction, language_name

register = template.Library()


@register.filter
def langattrs(value) -> str:
    """``lang`` and ``dir`` for a Text, an object with a ``language``, or a language code."""
    code = getattr(value, "language", value) or ""
    if not isinstance(code, str) or not code:
        return ""
    return format_html('lang="{}" dir="{}"', code, direction(code))


@register.filter
def bdi(value) -> str:
    """Isolate a name or a number so it does not reorder the sentence around it."""
    if value in (None, ""):
        return ""
    code = getattr(value, "language", "")
    if code:
        return format_html('<bdi lang="{}">{}</bdi>', code, value)
    return format_html("<bdi>{}</bdi>", value)


@register.inclusion_tag("translations/notice.html", takes_context=True)
def translation_notice(context, obj) -> dict:
    request = context.get("request")
    return {"reading": obj.tr, "path": request.path if request else ""}


@register.filter(name="language_name")
def language_name_filter(code: str) -> str:
    """A language's name in the interface language: ``{{ "ar"|language_name }}``."""
    return language_name(code or "")
