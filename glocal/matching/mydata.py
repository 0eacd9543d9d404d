"""Feedback on recommendations belongs to the town; only who gave it is personal."""

from .models import Feedback


def export(user) -> dict[str, list[dict]]:
    rows = Feedback.objects.filter(user=user).values(
        "municipality__name", "practice__title", "verdict", "updated_at"
    )
    return {"recommendation_feedback": list(rows)}


def erase(user) -> None:
    Feedback.objects.filter(user=user).update(user=None)
