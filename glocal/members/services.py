"""Writes about people and municipalities that touch several rows or send mail."""

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.forms import BaseInlineFormSet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy, pgettext

from glocal.audit.services import changes, record
from glocal.lib import roles
from glocal.lib.edit_versions import EditConflict, merge_edit, plain
from glocal.lib.three_way import merge_fields
from glocal.notifications.models import Kind
from glocal.notifications.services import notify

from .forms import (
    MunicipalityForm,
    need_values,
    own_profile_values,
    posted_need_values,
    posted_profile_values,
    profile_values,
)
from .languages import TranslateLater
from .models import Invitation, Membership, Municipality, User
from .personal_data import erase_everywhere


@transaction.atomic
def update_municipality_profile(
    *, form: MunicipalityForm, needs: BaseInlineFormSet, user: User,
    base_version: int | None = None, base: dict | None = None,
) -> Municipality:  # fmt: skip
    """Save a profile and its ranked needs together, or neither.

    ``base_version`` and ``base`` are the version and values the editor's page was rendered
    with (``page_values``): fields only this editor changed, of the profile and of each need,
    are written over what others saved since, and both changing one field raises EditConflict
    and nothing is written. Without a version (a script), every changed field is written.
    """
    current = Municipality.objects.select_for_update().get(pk=form.instance.pk)
    theirs = profile_values(current)
    to_write = _merge_page(current=current, form=form, needs=needs, base_version=base_version,
                           base=base, theirs=theirs)  # fmt: skip
    needs_before = [str(n) for n in current.needs.all()]
    for name in to_write:
        value = form.cleaned_data.get(name)
        if current._meta.get_field(name).many_to_many:
            getattr(current, name).set(value)
        else:
            setattr(current, name, value)
    current.version += 1  # other pages and API clients holding the older version now merge
    current.save()
    needs.instance = current
    needs.save()
    after = {**profile_values(current), "needs": [str(n) for n in current.needs.all()]}
    before = {**theirs, "needs": needs_before}
    record(actor=user, action="municipality.profile_edited", obj=current,
           changes=changes(before, after))  # fmt: skip
    return current


def _merge_page(
    *, current: Municipality, form: MunicipalityForm, needs: BaseInlineFormSet,
    base_version: int | None, base: dict | None, theirs: dict,
) -> dict:  # fmt: skip
    """The profile fields to write; raises one EditConflict naming every field, of the profile
    or of a need (``needs-0-text``), that both this page and someone else changed."""
    profile_clash = EditConflict(current, {})
    try:
        to_write = merge_edit(record=current, base_version=base_version, base=base,
                              theirs=theirs, mine=posted_profile_values(form))  # fmt: skip
    except EditConflict as conflict:
        to_write, profile_clash = {}, conflict
    if base_version is None or base_version == current.version:
        return to_write  # nobody saved since: the needs are as the page showed them
    conflicts, kept = _merge_needs(current=current, needs=needs,
                                   loaded=(base or {}).get("needs", {}))  # fmt: skip
    if profile_clash.conflicts or conflicts:
        raise EditConflict(current, profile_clash.conflicts | conflicts,
                           profile_clash.kept | kept)  # fmt: skip
    return to_write


def _merge_needs(
    *, current: Municipality, needs: BaseInlineFormSet, loaded: dict
) -> tuple[dict, dict]:
    """Each need row of the page merged against the row as the page showed it: (conflicts,
    kept), keyed by the row's field names on the page. A field only others changed gets their
    value back on the form, so the save does not write it back stale."""
    saved = {need.pk: need for need in current.needs.prefetch_related("themes")}
    conflicts, kept = {}, {}
    for row in needs.initial_forms:
        now = saved.get(row.instance.pk)
        if now is None:
            continue
        base, theirs = loaded.get(str(now.pk), {}), need_values(now)
        if row.cleaned_data.get("DELETE"):  # removing a need others changed meanwhile: refused
            deleted = pgettext("what this page does to a row", "deleted")
            conflicts |= {row.add_prefix(name): (value, deleted) for name, value in theirs.items()
                          if name in base and base[name] != value}  # fmt: skip
            continue
        mine = posted_need_values(row)
        clashes = merge_fields(base=base, theirs=theirs, mine=mine)[1]
        conflicts |= {row.add_prefix(name): pair for name, pair in clashes.items()}
        for name in [n for n in mine if n in base and mine[n] == base[n] != theirs[n]]:
            kept[row.add_prefix(name)] = theirs[name]
            if name == "themes":
                row.cleaned_data["themes"] = list(now.themes.all())
            else:
                setattr(row.instance, name, getattr(now, name))
    return conflicts, kept


@transaction.atomic
def patch_municipality_profile(
    *, municipality_id: int, base_version: int | None, mine: dict[str, Any], user: User
) -> Municipality:
    """Write an API client's profile fields read at ``base_version``; a field changed since
    raises EditConflict and nothing is written."""
    current = Municipality.objects.select_for_update().get(pk=municipality_id)
    theirs = {name: plain(getattr(current, name)) for name in mine}
    to_write = merge_edit(record=current, base_version=base_version, base=None, theirs=theirs,
                          mine=mine)  # fmt: skip
    if not to_write:
        return current
    for name, value in to_write.items():
        setattr(current, name, value)
    current.version += 1
    current.save(update_fields=[*to_write, "version", "updated_at"])
    record(actor=user, action="municipality.profile_edited", obj=current,
           changes=changes(theirs, to_write))  # fmt: skip
    return current


@transaction.atomic
def edit_own_profile(
    *, user: User, base_version: int | None, base: dict | None, mine: dict[str, Any]
) -> User:
    """Save a person's own name, language and time zone as their page had them at
    ``base_version``: what another tab saved since is kept where this page left the loaded
    value, and both changing one field raises EditConflict and nothing is written."""
    current = User.objects.select_for_update().get(pk=user.pk)
    theirs = own_profile_values(current)
    to_write = merge_edit(
        record=current, version=current.profile_version, base_version=base_version, base=base,
        theirs=theirs, mine=mine,
    )  # fmt: skip
    if not to_write:
        return current
    for name, value in to_write.items():
        setattr(current, name, value)
    current.profile_version += 1
    current.save(update_fields=[*to_write, "profile_version"])
    record(actor=current, action="user.profile_edited", obj=current,
           changes=changes(theirs, to_write))  # fmt: skip
    return current


@transaction.atomic
def invite_person(
    *,
    email: str,
    role: str,
    invited_by: User,
    municipality: Municipality | None = None,
    position: str = "",
    language: str = "",
) -> Invitation:
    """Invite someone by e-mail, written in ``language`` (else the inviter's page language)."""
    if role == Invitation.Role.REPRESENTATIVE and municipality is None:
        raise ValueError("a representative is invited to a municipality")
    invitation = Invitation.objects.create(
        email=email.lower(),
        role=role,
        municipality=municipality,
        position=position,
        language=language,
        invited_by=invited_by,
    )
    path = reverse("members:accept_invitation", args=[invitation.token])
    subject = TranslateLater(gettext_lazy("You are invited to %(network)s on Glocal"),
                             network=settings.NETWORK_NAME)  # fmt: skip
    notify(kind=Kind.INVITATION, recipients=[invitation.email], subject=subject, url=path,
           template="members/email/invitation.txt",
           context={"invitation": invitation, "url": settings.SITE_URL + path,
                    "network": settings.NETWORK_NAME},
           language=language or translation.get_language())  # fmt: skip
    record(actor=invited_by, action="invitation.sent", obj=invitation,
           changes={"email": [None, invitation.email], "role": [None, role]})  # fmt: skip
    return invitation


@transaction.atomic
def accept_invitation(
    *, invitation: Invitation, full_name: str, password: str | None, user: User | None = None
) -> User:
    """Create the account (or use the signed-in one) and grant what the invitation promised."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise ValueError("this invitation was used or has expired")
    if user is None:
        user = User.objects.filter(email__iexact=invitation.email).first()
    if user is None:
        user = User.objects.create_user(
            invitation.email, password, full_name=full_name, language=invitation.language
        )
    before = _roles_of(user)
    if invitation.role == Invitation.Role.SECRETARIAT:
        user.is_staff = True
    if invitation.role == Invitation.Role.REVIEWER:
        user.is_reviewer = True
    named = bool(full_name and not user.full_name)
    if named:
        user.full_name = full_name
    user.save(update_fields=["is_staff", "is_reviewer", "full_name"])
    if named:  # a profile page open with the empty name now merges with this one
        User.objects.filter(pk=user.pk).update(profile_version=F("profile_version") + 1)
    if invitation.municipality_id:
        Membership.objects.get_or_create(
            user=user,
            municipality=invitation.municipality,
            defaults={"position": invitation.position},
        )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    roles.forget(user)
    record(actor=user, action="invitation.accepted", obj=user,
           changes=changes(before, _roles_of(user)), town=invitation.municipality)  # fmt: skip
    return user


def _roles_of(user: User) -> dict:
    towns = sorted(str(m.municipality) for m in user.memberships.select_related("municipality"))
    return {"secretariat": roles.is_secretariat(user), "reviewer": roles.is_reviewer(user),
            "towns": towns}  # fmt: skip


class WrongPassword(Exception):
    """The person closing their own account did not confirm it with their password."""


@transaction.atomic
def close_account(
    *, user: User, password: str | None = None, closed_by: User | None = None
) -> None:
    """Erase or anonymise everything personal about ``user`` in every app (each app's
    ``mydata.erase``); what they did for a town stays under the town's name.

    The person confirms with their password; the secretariat (``closed_by``) needs none.
    Afterwards nobody can sign in to the account: it has no address, password or sessions.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    if closed_by is None and not (password and user.check_password(password)):
        raise WrongPassword
    if closed_by is not None and not roles.is_secretariat(closed_by):
        raise PermissionDenied("Only the secretariat closes another person's account.")
    erase_everywhere(user)
    user.refresh_from_db()
    record(actor=closed_by or user, action="account.closed", obj=user)
