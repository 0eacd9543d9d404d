from django import template

register = template.Library()


@register.filter
def progress_of(indicator, value):
    """An indicator's progress (0–100) for one measured value."""
    return indicator.progress(value)
