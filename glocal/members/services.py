"""Writes about people and municipalities that touch several rows or send mail."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.forms import BaseInlineFormSet, ModelForm
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Invitation, Membership, Municipality, User


@transaction.atomic
def update_municipality_profile(
    *, form: ModelForm, needs: BaseInlineFormSet, user: User
) -> Municipality:
    """Save a profile and its ranked needs together, or neither."""
    municipality = form.save()
    needs.instance = municipality
    needs.save()
    return municipality


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
    url = settings.SITE_URL + reverse("members:accept_invitation", args=[invitation.token])
    with translation.override(language or translation.get_language()):
        body = render_to_string(
            "members/email/invitation.txt",
            {"invitation": invitation, "url": url, "network": settings.NETWORK_NAME},
        )
        network = {"network": settings.NETWORK_NAME}
        subject = _("You are invited to %(network)s on Glocal") % network
    transaction.on_commit(lambda: send_mail(subject, body, None, [invitation.email]))
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
    if invitation.role == Invitation.Role.SECRETARIAT:
        user.is_staff = True
    if invitation.role == Invitation.Role.REVIEWER:
        user.is_reviewer = True
    if full_name and not user.full_name:
        user.full_name = full_name
    user.save(update_fields=["is_staff", "is_reviewer", "full_name"])
    if invitation.municipality_id:
        Membership.objects.get_or_create(
            user=user,
            municipality=invitation.municipality,
            defaults={"position": invitation.position},
        )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return user
