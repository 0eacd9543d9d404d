"""Sanitising what people type: a few formatting tags survive, nothing executable does."""

import json

import nh3
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "blockquote",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def clean_html(text: str) -> str:
    """Keep basic formatting and links; drop scripts, styles, events and unknown tags."""
    if not text:
        return ""
    return nh3.clean(
        text, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, link_rel="noopener nofollow"
    ).strip()


def render_rich_text(text: str) -> str:
    """HTML for display: plain text gets paragraphs, and everything is sanitised again."""
    if not text:
        return ""
    if "<" not in text:
        text = linebreaks(text)
    return clean_html(text)


# What must not appear raw inside a <script> element (as in Django's json_script).
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data: dict) -> SafeString:
    """``<script type="application/ld+json">`` with <, > and & escaped inside the JSON."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
