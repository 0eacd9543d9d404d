"""``{% history_link obj %}``: a "History" link on an object's page, for the secretariat.

Representatives may read their own town's histories by address; the link is not computed for
them, so pages pinned to a query count stay as they are."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from glocal.lib import roles

register = template.Library()


@register.simple_tag(takes_context=True)
def history_link(context, obj) -> str:
    request = context.get("request")
    if obj is None or request is None or not roles.is_secretariat(request.user):
        return ""
    key = f"{obj._meta.app_label}.{obj._meta.model_name}"
    url = reverse("audit:history", args=[key, obj.pk])
    label = _("History of changes")
    return format_html('<p class="meta history-link"><a href="{}">{}</a></p>', url, label)
