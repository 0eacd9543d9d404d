import pytest
from django.core import mail

from glocal.members.models import Invitation, Membership, User

pytestmark = pytest.mark.django_db


def test_secretariat_invites_a_representative_who_joins(
    secretariat_client, client, town, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(
            "/invitations/new/",
            {"email": "New.Officer@Spilamberto.test", "role": "representative",
             "municipality": town.pk, "position": "Youth officer"},
        )  # fmt: skip
    invitation = Invitation.objects.get()
    assert response.status_code == 302
    assert mail.outbox[0].to == ["new.officer@spilamberto.test"]
    assert f"/invitations/{invitation.token}/" in mail.outbox[0].body
    client.logout()
    joined = client.post(
        f"/invitations/{invitation.token}/",
        {
            "full_name": "Nuova Officer",
            "password1": "a-long-pass-9x",
            "password2": "a-long-pass-9x",
        },
    )
    user = User.objects.get(email="new.officer@spilamberto.test")
    assert joined.status_code == 302
    assert Membership.objects.get(user=user).municipality == town
    assert user.check_password("a-long-pass-9x")


def test_invitation_cannot_be_used_twice(client, town, secretariat):
    invitation = Invitation.objects.create(
        email="x@y.test", role="representative", municipality=town, invited_by=secretariat
    )
    data = {"full_name": "X", "password1": "a-long-pass-9x", "password2": "a-long-pass-9x"}
    client.post(f"/invitations/{invitation.token}/", data)
    client.logout()
    again = client.post(f"/invitations/{invitation.token}/", data)
    assert again.status_code == 410
    assert Membership.objects.count() == 1


def test_representative_cannot_invite(member_client, town):
    response = member_client.post("/invitations/new/", {"email": "a@b.test", "role": "secretariat"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert not Invitation.objects.exists()


def test_representative_invitation_needs_a_municipality(secretariat_client):
    response = secretariat_client.post(
        "/invitations/new/", {"email": "a@b.test", "role": "representative"}
    )
    assert response.context["form"].errors["municipality"] == [
        "Choose the municipality this person represents."
    ]


def test_open_sign_up_is_closed(client):
    response = client.post(
        "/accounts/signup/",
        {"email": "stranger@x.test", "password1": "a-long-pass-9x", "password2": "a-long-pass-9x"},
    )
    assert not User.objects.filter(email="stranger@x.test").exists()
    assert response.status_code == 200


def test_sign_in_by_email_and_password_reset_mail(client, member):
    response = client.post(
        "/accounts/login/", {"login": "mayor@spilamberto.test", "password": "pw-member-1"}
    )
    assert response.status_code == 302
    client.logout()
    client.post("/accounts/password/reset/", {"email": "mayor@spilamberto.test"})
    assert mail.outbox[-1].to == ["mayor@spilamberto.test"]
