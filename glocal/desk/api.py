"""The signed-in person's desk, notifications and e-mail choices in the API (token only)."""

from datetime import datetime
from typing import Annotated

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth

from glocal.lib.edit_versions import EditConflict
from glocal.members import services as members_services
from glocal.members.api import (
    READ_ERRORS,
    VERSIONED_WRITE_ERRORS,
    WRITE_ERRORS,
    PageQuery,
    sent_version,
    stale_write,
    token_auth,
    version_required,
)
from glocal.members.views_account import zip_response
from glocal.notifications import services
from glocal.notifications.access import get_notification_for_owner
from glocal.notifications.models import (
    FIXED_KINDS,
    Kind,
    Notification,
    choices_version,
    deliveries_for,
)

from .registry import items_for

router = Router(tags=["me"], auth=token_auth)


class DeskItemOut(Schema):
    kind: str
    title: str
    action: str
    url: str
    due: datetime | None
    urgent: bool
    happens: bool  # ``due`` is when it takes place rather than a deadline

    @staticmethod
    def resolve_due(obj) -> datetime | None:
        return obj.moment if obj.due is not None else None


class NotificationOut(Schema):
    id: int
    kind: str
    title: str
    url: str
    email: str
    created_at: datetime
    read: bool

    @staticmethod
    def resolve_read(obj) -> bool:
        return obj.is_read


class NotificationPage(Schema):
    count: int
    unread: int
    page: int
    page_size: int
    results: list[NotificationOut]


class NotificationQuery(PageQuery):
    unread_only: bool = False


class MarkReadIn(Schema):
    ids: Annotated[list[int], Field(max_length=500)] | None = None


class MarkedOut(Schema):
    marked: int


class PreferenceOut(Schema):
    kind: str
    label: str
    delivery: str


Delivery = Annotated[str, Field(pattern=r"^(immediately|digest|never)$")]


class PreferencesIn(Schema):
    """The kinds to change and the ``version`` they were read at (the ``ETag`` of the read),
    or an If-Match header."""

    version: int | None = Field(None, ge=1, le=2_000_000_000)
    choices: Annotated[dict[str, Delivery], Field(max_length=50)]


@router.get("/me/desk", response={200: list[DeskItemOut], **READ_ERRORS})
def desk(request: HttpRequest):
    """What needs the person, most pressing first, each with the page where it is done."""
    return items_for(request.user)


@router.get("/me/notifications", response={200: NotificationPage, **READ_ERRORS})
def list_notifications(request: HttpRequest, query: Query[NotificationQuery]):
    mine = Notification.objects.of(request.user)
    shown = mine.unread() if query.unread_only else mine
    return {"count": shown.count(), "unread": mine.unread().count(), "page": query.page,
            "page_size": query.page_size, "results": list(shown[query.window()])}  # fmt: skip


@router.post("/me/notifications/read", response={200: MarkedOut, **WRITE_ERRORS})
def mark_read(request: HttpRequest, payload: MarkReadIn):
    """Mark the given notifications (or, without ``ids``, all of them) read."""
    return {"marked": services.mark_read(user=request.user, ids=payload.ids)}


@router.post("/me/notifications/{id}/read", response={200: NotificationOut, **WRITE_ERRORS})
def mark_one_read(request: HttpRequest, id: int):
    notification = get_notification_for_owner(request, id)
    services.mark_read(user=request.user, ids=[notification.pk])
    notification.refresh_from_db(fields=["read_at"])
    return notification


def preference_rows(user, response: HttpResponse) -> list[dict]:
    """Every kind's delivery; the ``ETag`` header holds the version a change sends back."""
    response["ETag"] = f'"{choices_version(user)}"'
    chosen = deliveries_for(user)
    return [{"kind": k.value, "label": str(k.label), "delivery": chosen[k.value]}
            for k in Kind if k not in FIXED_KINDS]  # fmt: skip


@router.get("/me/notification-preferences", response={200: list[PreferenceOut], **READ_ERRORS})
def preferences(request: HttpRequest, response: HttpResponse):
    """Every kind's delivery; send the ``ETag`` back as ``version`` (or If-Match) to change."""
    return preference_rows(request.user, response)


@router.patch("/me/notification-preferences",
              response={200: list[PreferenceOut], **VERSIONED_WRITE_ERRORS})  # fmt: skip
def change_preferences(request: HttpRequest, payload: PreferencesIn, response: HttpResponse):
    """Per kind: ``immediately``, ``digest`` or ``never``; kinds not named keep their choice.
    A kind changed elsewhere since ``version`` answers 409 with both values; nothing is saved."""
    version = sent_version(request, payload.dict(exclude_unset=True))
    if version is None:
        return version_required()
    try:
        services.set_preferences(user=request.user, choices=payload.choices,
                                 base_version=version)  # fmt: skip
    except ValueError:
        known = ", ".join(k for k in Kind.values if k not in FIXED_KINDS)
        raise HttpError(
            400, f"Unknown kind, or a delivery it does not offer. Kinds: {known}."
        ) from None
    except EditConflict as conflict:
        return stale_write(version, conflict)
    return preference_rows(request.user, response)


TOKEN_OR_SESSION = [token_auth, django_auth]
ZIP_SCHEMA = {"schema": {"type": "string", "format": "binary"}}
ZIP_RESPONSE = {
    "200": {
        "description": "my-data.json and one CSV per section",
        "content": {"application/zip": ZIP_SCHEMA},
    }
}


class CloseIn(Schema):
    password: Annotated[str, Field(min_length=1, max_length=4096)]


class ClosedOut(Schema):
    closed: bool


@router.get("/me/data", auth=TOKEN_OR_SESSION, response=READ_ERRORS,
            openapi_extra={"responses": ZIP_RESPONSE})  # fmt: skip
def my_data(request: HttpRequest):
    """Everything the network holds about the person, as a zip of JSON and CSV."""
    return zip_response(request.user)


# A write needs the token: a signed-in browser closes the account on its own page.
@router.post("/me/close", auth=token_auth, response={200: ClosedOut, **WRITE_ERRORS})
def close_account(request: HttpRequest, payload: CloseIn):
    """Close the person's account, confirmed with their password; the token stops working."""
    try:
        members_services.close_account(user=request.user, password=payload.password)
    except members_services.WrongPassword:
        raise HttpError(403, _("This is not your password; nothing was changed.")) from None
    return {"closed": True}
