import datetime

from django.utils import timezone

from glocal.lib.desk import DeskItem, by_deadline


def item(title: str, due=None, urgent: bool = False) -> DeskItem:
    return DeskItem(kind="k", title=title, action="a", url="/", due=due, urgent=urgent)


def test_urgent_lines_come_first_then_the_nearest_deadline_then_those_without_one():
    now = timezone.now()
    today = timezone.localdate()
    lines = [
        item("no deadline"),
        item("next week", now + datetime.timedelta(days=7)),
        item("urgent, no deadline", urgent=True),
        item("end of tomorrow", today + datetime.timedelta(days=1)),
        item("in an hour", now + datetime.timedelta(hours=1)),
        item("urgent, late", now - datetime.timedelta(days=2), urgent=True),
    ]
    assert [line.title for line in by_deadline(lines)] == [
        "urgent, late", "urgent, no deadline", "in an hour", "end of tomorrow", "next week",
        "no deadline",
    ]  # fmt: skip


def test_a_date_counts_as_late_only_once_its_day_is_over():
    today = timezone.localdate()
    assert item("today", today).is_late is False
    assert item("yesterday", today - datetime.timedelta(days=1)).is_late is True
    assert item("none").is_late is False
