"""The one way the product tells a person something: a notification here, an e-mail by choice.

Every e-mail Glocal sends goes through ``notify`` (or ``send_digest_email`` for the digest
itself), so what is recorded, what is e-mailed, the unsubscribe headers and the
recipient's language are decided in one place.
"""

from collections.abc import Iterable, Sequence

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from glocal.audit.services import record
from glocal.lib.edit_versions import merge_edit

from .models import (
    FIXED_KINDS,
    Delivery,
    Email,
    Kind,
    Notification,
    Preference,
    PreferenceVersion,
    deliveries_for,
    deliveries_of,
    delivery_per_person,
)

UNSUBSCRIBE_SALT = "glocal.notifications.unsubscribe"
Attachment = tuple[str, str | bytes, str]  # file name, content, MIME type


def unsubscribe_token(*, user_id: int, kind: str) -> str:
    return signing.dumps({"u": user_id, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    """The person and kind a token names; ``signing.BadSignature`` when it was tampered with."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if not isinstance(data, dict) or data.get("k") not in Kind.values:
        raise signing.BadSignature("unknown kind")
    return int(data["u"]), data["k"]


def unsubscribe_url(*, user_id: int, kind: str) -> str:
    token = unsubscribe_token(user_id=user_id, kind=kind)
    return settings.SITE_URL + reverse("notifications:unsubscribe", args=[token])


def absolute(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else settings.SITE_URL + url


@transaction.atomic
def notify(
    *, kind: str, recipients: Iterable[str], subject, template: str, context: dict,
    url: str, attachments: Sequence[Attachment] = (), language: str | None = None,
) -> list[Notification]:  # fmt: skip
    """Tell each address about one thing; the e-mails leave once the transaction commits.

    Addresses of an account get a notification and an e-mail, a digest line or nothing, as
    they chose for ``kind``; other addresses (invitations) get the e-mail. Each person reads
    it in their own language: ``subject`` is put into words (``str()``) in that language, so
    pass a lazy text, not one already translated for whoever triggered it. ``language`` is
    for addresses without an account (an invitation); the network's default otherwise.
    """
    addresses = sorted({a.strip().lower() for a in recipients if a and a.strip()})
    if not addresses:
        return []
    people = {u.email.lower(): u for u in get_user_model().objects.filter(
        email__in=addresses, is_active=True)}  # fmt: skip
    deliveries = delivery_per_person([u.pk for u in people.values()], kind)
    created, messages = [], []
    fallback = language or settings.LANGUAGE_CODE
    for reader_language, group in by_language(addresses, people, fallback).items():
        with translation.override(reader_language):
            title = str(subject)
            body = render_to_string(template, {"site_url": settings.SITE_URL} | context)
            for address in group:
                user = people.get(address)
                email = Email.SENT
                if user is not None:
                    email = {Delivery.IMMEDIATELY: Email.SENT, Delivery.DIGEST: Email.WAITING}.get(
                        deliveries[user.pk], Email.NONE
                    )
                    created.append(Notification(user=user, kind=kind, title=title[:300],
                                                body=body, url=url[:500], email=email))  # fmt: skip
                if email == Email.SENT:
                    messages.append(build_email(
                        to=address, user_id=user.pk if user else None, kind=kind, subject=title,
                        body=body, url=url, attachments=attachments,
                    ))  # fmt: skip
    Notification.objects.bulk_create(created)
    transaction.on_commit(lambda: [message.send() for message in messages])
    return created


def by_language(addresses: list[str], people: dict, fallback: str) -> dict[str, list[str]]:
    """Addresses grouped by their owner's language; addresses without an account, or people
    who chose none, get ``fallback``."""
    groups: dict[str, list[str]] = {}
    for address in addresses:
        user = people.get(address)
        language = getattr(user, "language", "") or fallback
        groups.setdefault(language, []).append(address)
    return groups


def build_email(
    *, to: str, user_id: int | None, kind: str, subject: str, body: str, url: str,
    attachments: Sequence[Attachment] = (),
) -> EmailMessage:  # fmt: skip
    """One e-mail to one person, with the link to the item and, for an account, a one-click
    unsubscribe (RFC 2369 List-Unsubscribe and RFC 8058 List-Unsubscribe-Post headers)."""
    headers, unsubscribe = {}, ""
    if user_id is not None and kind not in FIXED_KINDS:
        unsubscribe = unsubscribe_url(user_id=user_id, kind=kind)
        headers = {"List-Unsubscribe": f"<{unsubscribe}>",
                   "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}  # fmt: skip
    footer = render_to_string(
        "notifications/email/footer.txt",
        {"url": absolute(url), "unsubscribe": unsubscribe, "kind": Kind(kind).label,
         "preferences": settings.SITE_URL + reverse("notifications:preferences")},
    )  # fmt: skip
    message = EmailMessage(subject, body.rstrip() + "\n\n" + footer, None, [to], headers=headers)
    for attachment in attachments:
        message.attach(*attachment)
    return message


def send_digest_email(*, user, subject: str, body: str, url: str) -> bool:
    """The digest itself: recorded like any notification and e-mailed, unless turned off."""
    notify_kind = Kind.DIGEST
    if deliveries_for(user)[notify_kind] == Delivery.NEVER:
        return False
    Notification.objects.create(user=user, kind=notify_kind, title=subject[:300], body=body,
                                url=url, email=Email.SENT)  # fmt: skip
    message = build_email(to=user.email, user_id=user.pk, kind=notify_kind, subject=subject,
                          body=body, url=url)  # fmt: skip
    transaction.on_commit(message.send)
    return True


def waiting_for_digest(user) -> QuerySet[Notification]:
    return Notification.objects.of(user).waiting_for_digest().order_by("created_at", "pk")


def mark_digested(notifications: Iterable[Notification], *, sent: bool = True) -> None:
    """The lines went out in a digest, or (digest turned off) will not be e-mailed at all."""
    state = Email.DIGESTED if sent else Email.NONE
    Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(email=state)


def mark_read(*, user, ids: Iterable[int] | None = None) -> int:
    """Mark some (or, without ``ids``, all) of the person's unread notifications read."""
    unread = Notification.objects.of(user).unread()
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    return unread.update(read_at=timezone.now())


@transaction.atomic
def set_preferences(
    *, user, choices: dict[str, str], base_version: int | None = None, base: dict | None = None
) -> dict[str, str]:
    """Save the person's delivery per kind; unknown kinds or deliveries raise ValueError.

    ``base_version`` and ``base`` are the version and choices a page or API client read: a
    kind changed elsewhere since (another tab, an unsubscribe link) keeps that change where
    this save left the loaded choice; both changing one kind raises EditConflict and nothing
    is saved. Without a version (an unsubscribe link), every choice sent is saved.
    """
    _check_choices(choices)
    counter = PreferenceVersion.objects.select_for_update().get_or_create(user=user)[0]
    before = deliveries_for(user)
    theirs = {kind: before[kind] for kind in choices}
    to_write = merge_edit(record=counter, base_version=base_version, base=base, theirs=theirs,
                          mine=choices)  # fmt: skip
    Preference.objects.bulk_create(
        [Preference(user=user, kind=kind, delivery=delivery)
         for kind, delivery in (theirs | to_write).items()],
        update_conflicts=True, unique_fields=["user", "kind"], update_fields=["delivery"],
    )  # fmt: skip
    if to_write:
        counter.version += 1
        counter.save(update_fields=["version"])
        diff = {kind: [before[kind], value] for kind, value in to_write.items()}
        record(actor=user, action="notifications.preferences", obj=user, changes=diff)
    return before | to_write


def _check_choices(choices: dict[str, str]) -> None:
    for kind, delivery in choices.items():
        allowed = [value for value, _label in deliveries_of(kind)] if kind in Kind.values else []
        if kind in FIXED_KINDS or delivery not in allowed:
            raise ValueError(f"unknown kind or delivery: {kind}={delivery}")


def unsubscribe(*, token: str) -> tuple[object, str]:
    """Stop e-mails of one kind for the person the token names; returns (person, kind)."""
    user_id, kind = read_unsubscribe_token(token)
    user = get_user_model().objects.get(pk=user_id, is_active=True)
    set_preferences(user=user, choices={kind: Delivery.NEVER})
    return user, kind
