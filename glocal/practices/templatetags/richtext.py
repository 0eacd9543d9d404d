from django import template
from django.utils.safestring import mark_safe

from glocal.lib.html import render_rich_text

register = template.Library()


@register.filter
def rich(text: str) -> str:
    return mark_safe(render_rich_text(text))
