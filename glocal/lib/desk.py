"""The shape of one line on a person's desk; every app's ``desk.py`` returns a list of these.

An app's ``desk.py`` holds ``items_for(user) -> list[DeskItem]``, answered in a fixed number
of queries whatever the person's load; the desk app finds it by that name.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

FAR_FUTURE = datetime.datetime.max.replace(tzinfo=datetime.UTC)


@dataclass(frozen=True)
class DeskItem:
    kind: str  # a stable name, e.g. "practice_changes"; the API and tests use it
    title: str  # what it is about: the practice, the application, the event
    action: str  # what to do, in words: "Make the changes the secretariat asked for"
    url: str  # the page where it is done
    due: datetime.datetime | datetime.date | None = None
    urgent: bool = False  # late, refused or waiting on this person alone
    happens: bool = False  # ``due`` is when it takes place (an event), not a deadline

    @property
    def moment(self) -> datetime.datetime:
        """The deadline as an aware datetime (a date means the end of that day)."""
        if self.due is None:
            return FAR_FUTURE
        if isinstance(self.due, datetime.datetime):
            return self.due
        end = datetime.datetime.combine(self.due, datetime.time.max)
        return timezone.make_aware(end)

    @property
    def is_late(self) -> bool:
        return self.due is not None and self.moment < timezone.now()


def by_deadline(items: list[DeskItem]) -> list[DeskItem]:
    """Urgent first, then the nearest deadline; items without a deadline last."""
    return sorted(items, key=lambda item: (not item.urgent, item.moment, item.title))
