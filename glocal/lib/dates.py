"""Calendar arithmetic shared by project plans and HUB time frames, and dates in words."""

import datetime

from django.utils import formats, timezone


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The same day ``years`` later; 29 February becomes 28 February in common years."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def local_datetime_text(moment: datetime.datetime) -> str:
    """A moment in the active time zone, written the active language's way, with the zone."""
    local = timezone.localtime(moment)
    return f"{formats.date_format(local, 'DATETIME_FORMAT')} {local.tzname()}"
