"""Sanitising what people type: a few formatting tags survive, nothing executable does."""

import nh3
from django.utils.html import linebreaks

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
