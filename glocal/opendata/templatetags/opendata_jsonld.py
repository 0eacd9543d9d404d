"""``{% load opendata_jsonld %}{% practice_jsonld practice %}``: schema.org for a practice."""

from django import template
from django.utils.safestring import SafeString

from glocal.lib.html import json_ld_script
from glocal.opendata import jsonld
from glocal.practices.models import Status

register = template.Library()


@register.simple_tag(takes_context=True)
def practice_jsonld(context, practice) -> SafeString | str:
    """The practice as JSON-LD; nothing for drafts and other unpublished records."""
    if practice is None or practice.status != Status.PUBLISHED:
        return ""
    same = context.get("practice") is practice  # the detail view's lists belong to it
    data = jsonld.practice_jsonld(
        practice,
        request=context.get("request"),
        themes=context.get("themes") if same else None,
        sdgs=context.get("sdgs") if same else None,
    )
    return json_ld_script(data)
