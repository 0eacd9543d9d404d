"""Members' data under their control: download it all, close the account, nothing personal
left anywhere, and what belongs to a town stays."""

import io
import json
import zipfile

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse

from glocal.calls.models import Assignment, Score
from glocal.calls.tests.builders import make_call, submitted
from glocal.cooperation.models import Consultation
from glocal.cooperation.services import request_consultation
from glocal.events.models import Registration
from glocal.events.services import register_participant
from glocal.events.tests.conftest import make_event
from glocal.members.models import ApiToken, Membership, User
from glocal.network import services as network
from glocal.network.models import Follow, Post, Signatory, Signature
from glocal.notifications.models import Notification
from glocal.practices.models import Practice
from glocal.projects.models import ProjectVisibility
from glocal.projects.services import start_project

PASSWORD = "pw-ilse-2026"
TEXT_FIELDS = (models.CharField, models.TextField, models.EmailField, models.JSONField)


@pytest.fixture
def ilse(db, town) -> User:
    """A representative who has done everything the platform offers."""
    user = User.objects.create_user(
        "ilse.vandermeer@spilamberto.test", PASSWORD, full_name="Ilse Vandermeer",
        first_name="Ilse", last_name="Vandermeer", language="fr", time_zone="Europe/Rome",
    )  # fmt: skip
    Membership.objects.create(user=user, municipality=town, position="Focal point")
    return user


@pytest.fixture
def ilse_did_everything(ilse, town, other_member, secretariat):
    """Registrations, posts, a signature, an application, a review, a consultation, a token."""
    event = make_event(host=town)
    register_participant(event=event, user=ilse, role="staff",
                         answers={"diet": "Ilse Vandermeer eats no meat"})  # fmt: skip
    thread = network.start_thread(title="Heat plans", body="<p>Who has one?</p>", author=ilse)
    network.reply_to_thread(thread=thread, body="<p>Ask @ilse-vandermeer</p>", author=other_member)
    statement = network.create_statement(
        title="Fair funding", addressees="European Commission", text="<p>Fund towns.</p>",
        towns=[town], user=ilse, status="open",
    )  # fmt: skip
    Signatory.objects.create(municipality=town, user=ilse, granted_by=secretariat)
    network.sign_statement(statement=statement, municipality=town, user=ilse)
    call = make_call(slug="lab-2026")
    application = submitted(call, town, created_by=ilse,
                            partners="Contact: ilse.vandermeer@spilamberto.test")  # fmt: skip
    other_call = make_call(slug="award-2026")
    reviewed = submitted(other_call, town)
    assignment = Assignment.objects.create(application=reviewed, reviewer=ilse)
    Score.objects.create(assignment=assignment, criterion=other_call.criteria.first(), value=4,
                         comment="Solid")  # fmt: skip
    project = start_project(municipality=town, title="Cool roofs", user=ilse,
                            visibility=ProjectVisibility.PUBLIC)  # fmt: skip
    request_consultation(project=project, user=ilse, topic="Roofs", question="Which paint?",
                         preferred_times="Mornings")  # fmt: skip
    Practice.objects.create(title="Shade map", slug="shade-map", municipality=town,
                            status="published", created_by=ilse, contact_name="Ilse Vandermeer",
                            contact_email="ilse.vandermeer@spilamberto.test")  # fmt: skip
    ApiToken.issue(ilse, "laptop")
    return {"event": event, "statement": statement, "application": application,
            "assignment": assignment, "project": project}  # fmt: skip


def unzip(response) -> dict[str, str]:
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)
                                         if response.streaming else response.content))  # fmt: skip
    return {name: archive.read(name).decode("utf-8-sig") for name in archive.namelist()}


def places_naming(needles: list[str]) -> list[str]:
    """Every text field of every model that still holds one of the needles."""
    found = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not isinstance(field, TEXT_FIELDS) or not field.concrete:
                continue
            for needle in needles:
                if model._default_manager.filter(**{f"{field.name}__icontains": needle}).exists():
                    found.append(f"{model._meta.label}.{field.name} ~ {needle}")
    return found


def test_download_holds_every_section_of_the_persons_own_data(client, ilse, ilse_did_everything):
    client.force_login(ilse)
    response = client.post(reverse("members:my_data"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    files = unzip(response)
    data = json.loads(files["my-data.json"])
    assert data["profile"][0]["email"] == "ilse.vandermeer@spilamberto.test"
    assert [m["municipality"] for m in data["memberships"]] == ["Spilamberto"]
    assert [r["event__title"] for r in data["event_registrations"]] == ["Annual Conference"]
    assert [p["thread__title"] for p in data["posts"]] == ["Heat plans"]
    assert [s["statement__title"] for s in data["signatures"]] == ["Fair funding"]
    assert [a["call__title"] for a in data["applications"]] == ["Lab 2026"]
    assert [s["value"] for s in data["review_scores"]] == [4]
    assert [c["topic"] for c in data["consultations"]] == ["Roofs"]
    assert [p["title"] for p in data["practices_authored"]] == ["Shade map"]
    assert [t["name"] for t in data["api_tokens"]] == ["laptop"]
    assert "key_hash" not in files["api_tokens.csv"]
    assert files["profile.csv"].splitlines()[0].startswith("email,full_name")
    assert {"posts.csv", "notifications.csv"} <= set(files)


def test_another_persons_data_never_appears_in_my_zip(client, ilse, ilse_did_everything,
                                                      other_member):  # fmt: skip
    client.force_login(other_member)
    files = unzip(client.post(reverse("members:my_data")))
    everything = "".join(files.values())
    for hers in ["ilse.vandermeer@", "Who has one?", "eats no meat", "laptop", "Roofs", "Solid"]:
        assert hers not in everything
    data = json.loads(files["my-data.json"])
    assert data["profile"][0]["email"] == "officer@zahle.test"
    assert [p["body"] for p in data["posts"]] == ["<p>Ask @ilse-vandermeer</p>"]


def test_formulas_in_my_data_are_plain_text_in_the_csv(client, ilse):
    ilse.full_name = "=HYPERLINK(1)"
    ilse.save(update_fields=["full_name"])
    client.force_login(ilse)
    csv_text = unzip(client.post(reverse("members:my_data")))["profile.csv"]
    assert ",'=HYPERLINK(1)," in csv_text


def test_anonymous_people_are_sent_to_sign_in(client):
    assert client.post(reverse("members:my_data")).status_code == 302
    assert client.get(reverse("members:close_account")).status_code == 302


def test_a_wrong_password_refuses_to_close_and_changes_nothing(client, ilse, ilse_did_everything):
    client.force_login(ilse)
    response = client.post(reverse("members:close_account"), {"password": "nope"})
    assert response.status_code == 400
    assert "Ce n&#x27;est pas votre mot de passe ; rien n&#x27;a été modifié." in (
        response.content.decode()
    )  # Ilse reads the site in French
    ilse.refresh_from_db()
    assert (ilse.email, ilse.full_name, ilse.is_active) == (
        "ilse.vandermeer@spilamberto.test",
        "Ilse Vandermeer",
        True,
    )
    assert ApiToken.objects.filter(user=ilse).count() == 1
    assert client.get(reverse("members:profile")).status_code == 200


def test_closing_leaves_no_personal_field_anywhere_and_keeps_the_towns_records(
    client, ilse, ilse_did_everything, town
):
    client.force_login(ilse)
    response = client.post(reverse("members:close_account"), {"password": PASSWORD})
    assert response.status_code == 302
    needles = ["ilse.vandermeer@spilamberto.test", "Ilse Vandermeer", "Ilse", "Vandermeer"]
    assert places_naming(needles) == []
    signature = Signature.objects.get(statement=ilse_did_everything["statement"])
    assert (signature.municipality, signature.signed_by) == (town, None)
    assert Practice.objects.filter(slug="shade-map", status="published",
                                   municipality=town).exists()  # fmt: skip
    assert (
        ilse_did_everything["application"]
        .__class__.objects.filter(pk=ilse_did_everything["application"].pk, municipality=town)
        .exists()
    )
    assert Score.objects.get(assignment=ilse_did_everything["assignment"]).value == 4
    assert Registration.objects.filter(user_id=ilse.pk).count() == 1
    assert Consultation.objects.get(topic="Roofs").project == ilse_did_everything["project"]
    assert Post.objects.filter(thread__title="Heat plans").count() == 2
    assert Signatory.objects.filter(user_id=ilse.pk).get().revoked_at is not None
    assert not Follow.objects.filter(user_id=ilse.pk).exists()
    assert not Notification.objects.filter(user_id=ilse.pk).exists()
    assert not ApiToken.objects.filter(user_id=ilse.pk).exists()


def test_a_closed_account_is_signed_out_and_cannot_sign_in_again(client, ilse):
    client.force_login(ilse)
    client.post(reverse("members:close_account"), {"password": PASSWORD})
    assert client.get(reverse("members:profile")).status_code == 302
    ilse.refresh_from_db()
    assert (ilse.is_active, ilse.has_usable_password()) == (False, False)
    assert not client.login(email="ilse.vandermeer@spilamberto.test", password=PASSWORD)
    response = client.post("/accounts/login/", {"login": "ilse.vandermeer@spilamberto.test",
                                                "password": PASSWORD})  # fmt: skip
    assert response.status_code == 200  # the form again, with its error


def test_an_upcoming_seat_goes_to_the_next_person_when_an_account_closes(
    client, ilse, ilse_did_everything
):
    client.force_login(ilse)
    client.post(reverse("members:close_account"), {"password": PASSWORD})
    registration = Registration.objects.get(user_id=ilse.pk)
    assert (registration.status, registration.answers) == ("cancelled", {})


def test_deleting_a_person_in_the_admin_closes_the_account_and_keeps_their_records(
    client, ilse, ilse_did_everything, secretariat
):
    client.force_login(secretariat)
    url = reverse("admin:members_user_delete", args=[ilse.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"post": "yes"})
    assert response.status_code == 302
    ilse.refresh_from_db()
    assert (ilse.is_active, ilse.email) == (False, f"closed-{ilse.pk}@closed.invalid")
    assert Registration.objects.filter(user_id=ilse.pk).count() == 1
    assert Assignment.objects.filter(reviewer_id=ilse.pk).count() == 1
    assert places_naming(["ilse.vandermeer@spilamberto.test", "Ilse Vandermeer"]) == []


def test_closing_accounts_from_the_admin_list_keeps_the_other_people(
    client, ilse, other_member, secretariat
):
    client.force_login(secretariat)
    response = client.post(reverse("admin:members_user_changelist"),
                           {"action": "close_accounts", "_selected_action": [ilse.pk]})  # fmt: skip
    assert response.status_code == 302
    assert list(User.objects.filter(is_active=False).values_list("pk", flat=True)) == [ilse.pk]
    assert User.objects.get(pk=other_member.pk).email == "officer@zahle.test"


def test_deleting_a_person_never_takes_others_records_with_them(ilse, ilse_did_everything):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        ilse.delete()
    assert Score.objects.count() == 1


def test_revoking_a_signatory_keeps_the_row(client, ilse, town, secretariat):
    grant = Signatory.objects.create(municipality=town, user=ilse, granted_by=secretariat)
    client.force_login(secretariat)
    client.post(reverse("network:signatory_revoke", args=[grant.pk]))
    grant.refresh_from_db()
    assert grant.revoked_at is not None
    assert not network.can_sign_for(ilse, town)


def test_privacy_page_states_the_periods_of_the_retention_command(db, client, settings):
    settings.RETENTION_UNUSED_TOKEN_DAYS = 200
    response = client.get(reverse("privacy"))
    assert response.status_code == 200
    assert "200 days without use" in response.content.decode()
    assert reverse("privacy") in client.get("/").content.decode()
