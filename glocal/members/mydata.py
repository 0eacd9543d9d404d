"""What this app holds about a person: the profile, the towns represented, invitations, API
tokens (their name and prefix, never the key) and sign-in sessions."""

from allauth.account.models import EmailAddress
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session

from glocal.lib import roles

from .models import ApiToken, Invitation, Membership, User

CLOSED_NAME = "Former member"


def closed_email(user: User) -> str:
    """The placeholder address of a closed account: unique, and no mail can reach it."""
    return f"closed-{user.pk}@closed.invalid"


def export(user: User) -> dict[str, list[dict]]:
    profile = {
        "email": user.email, "full_name": user.full_name, "first_name": user.first_name,
        "last_name": user.last_name, "language": user.language, "time_zone": user.time_zone,
        "is_reviewer": roles.is_reviewer(user), "is_secretariat": roles.is_secretariat(user),
        "date_joined": user.date_joined, "last_login": user.last_login,
    }  # fmt: skip
    memberships = [
        {"municipality": m.municipality.name, "position": m.position, "since": m.created_at}
        for m in Membership.objects.filter(user=user).select_related("municipality")
    ]
    invitations = [
        {"email": i.email, "role": i.role, "position": i.position, "created_at": i.created_at,
         "accepted_at": i.accepted_at,
         "municipality": i.municipality.name if i.municipality else ""}
        for i in Invitation.objects.filter(email__iexact=user.email).select_related("municipality")
    ]  # fmt: skip
    tokens = list(
        ApiToken.objects.filter(user=user).values("name", "prefix", "created_at", "last_used_at")
    )
    return {"profile": [profile], "memberships": memberships, "invitations": invitations,
            "api_tokens": tokens}  # fmt: skip


def sessions_of(user: User) -> list[str]:
    """The keys of every stored session signed in as this person."""
    wanted = str(user.pk)
    return [
        session.session_key
        for session in Session.objects.iterator()
        if session.get_decoded().get("_auth_user_id") == wanted
    ]


def erase(user: User) -> None:
    """The person can no longer sign in and no field names them; the row stays so that what
    they did for a town (signatures, reviews, registrations) keeps its author as "former"."""
    Membership.objects.filter(user=user).delete()
    ApiToken.objects.filter(user=user).delete()
    Session.objects.filter(session_key__in=sessions_of(user)).delete()
    EmailAddress.objects.filter(user=user).delete()
    Invitation.objects.filter(email__iexact=user.email, accepted_at__isnull=True).delete()
    Invitation.objects.filter(email__iexact=user.email).update(email=closed_email(user))
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    ).update(object_repr=CLOSED_NAME, change_message="")
    user.email, user.full_name, user.first_name, user.last_name = (
        closed_email(user),
        CLOSED_NAME,
        "",
        "",
    )
    user.language = user.time_zone = ""
    user.is_active = user.is_staff = user.is_superuser = user.is_reviewer = False
    user.set_unusable_password()
    user.save(update_fields=[
        "email", "full_name", "first_name", "last_name", "language", "time_zone", "is_active",
        "is_staff", "is_superuser", "is_reviewer", "password",
    ])  # fmt: skip
    user.groups.clear()
    user.user_permissions.clear()
