"""Download my data and close my account through the API, with a token or a session."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from glocal.members.models import ApiToken, Invitation, User


@pytest.fixture
def key(member) -> str:
    return ApiToken.issue(member, "script")[1]


def test_my_data_answers_a_zip_for_a_token(client, member, key):
    response = client.get("/api/v1/me/data", headers={"Authorization": f"Bearer {key}"})
    assert (response.status_code, response["Content-Type"]) == (200, "application/zip")
    data = json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read("my-data.json"))
    assert data["profile"][0]["email"] == "mayor@spilamberto.test"
    assert [t["name"] for t in data["api_tokens"]] == ["script"]


def test_my_data_answers_a_zip_for_a_session(client, member):
    client.force_login(member)
    assert client.get("/api/v1/me/data").status_code == 200


def test_my_data_refuses_anonymous_people_in_the_envelope(client, db):
    response = client.get("/api/v1/me/data")
    assert response.status_code == 401
    assert set(response.json()["error"]) >= {"code", "message"}


def test_close_with_a_wrong_password_is_refused_and_changes_nothing(client, member, key):
    response = client.post("/api/v1/me/close", {"password": "wrong"},
                           content_type="application/json",
                           headers={"Authorization": f"Bearer {key}"})  # fmt: skip
    assert response.status_code == 403
    assert "not your password" in response.json()["error"]["message"]
    member.refresh_from_db()
    assert (member.email, member.is_active) == ("mayor@spilamberto.test", True)
    assert ApiToken.objects.filter(user=member).count() == 1


def test_close_with_the_password_closes_and_the_token_stops_working(client, member, key):
    auth = {"Authorization": f"Bearer {key}"}
    response = client.post("/api/v1/me/close", {"password": "pw-member-1"},
                           content_type="application/json", headers=auth)  # fmt: skip
    assert (response.status_code, response.json()) == (200, {"closed": True})
    member.refresh_from_db()
    assert (member.is_active, member.email) == (False, f"closed-{member.pk}@closed.invalid")
    assert client.get("/api/v1/me/data", headers=auth).status_code == 401


def test_retention_deletes_only_what_is_past_its_period(db, member, capsys):
    old = timezone.now() - timedelta(days=400)
    Invitation.objects.create(email="late@town.test", role="representative")
    Invitation.objects.filter(email="late@town.test").update(created_at=old)
    Invitation.objects.create(email="fresh@town.test", role="representative")
    stale, _key = ApiToken.issue(member, "old")
    ApiToken.objects.filter(pk=stale.pk).update(created_at=old)
    ApiToken.issue(member, "new")
    call_command("apply_retention", "--dry-run")
    dry = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert dry["deleted"]["pending_invitations"] == 1
    assert Invitation.objects.count() == 2
    call_command("apply_retention")
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary["deleted"] == {"cancelled_registrations": 0, "pending_invitations": 1,
                                  "read_notifications": 0, "unused_api_tokens": 1}  # fmt: skip
    assert list(Invitation.objects.values_list("email", flat=True)) == ["fresh@town.test"]
    assert list(ApiToken.objects.values_list("name", flat=True)) == ["new"]
    assert User.objects.filter(pk=member.pk, is_active=True).exists()
