"""A person's notifications and e-mail choices; others' notifications that name them."""

from glocal.lib.erasure import identifiers, scrub_rows

from .models import Notification, Preference, PreferenceVersion


def export(user) -> dict[str, list[dict]]:
    notifications = Notification.objects.of(user).values(
        "kind", "title", "body", "url", "created_at", "read_at"
    )
    preferences = Preference.objects.filter(user=user).values("kind", "delivery")
    return {"notifications": list(notifications),
            "notification_preferences": list(preferences)}  # fmt: skip


def erase(user) -> None:
    Notification.objects.of(user).delete()
    Preference.objects.filter(user=user).delete()
    PreferenceVersion.objects.filter(user=user).delete()
    needles = identifiers(email=user.email, full_name=user.full_name)
    scrub_rows(Notification.objects.all(), ["title", "body"], needles)
