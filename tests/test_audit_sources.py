"""Each entry says where the write came from (page, API token, admin, command); the secretariat
reads the log in the API too."""

import pytest

from glocal.audit.context import command
from glocal.audit.models import AuditEntry
from glocal.audit.services import record
from glocal.members.models import ApiToken, Membership, User
from glocal.members.tests.test_profiles import profile_data

pytestmark = pytest.mark.django_db


def bearer(key: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_a_page_write_names_the_page(member_client, town, member):
    response = member_client.post("/municipalities/spilamberto/edit/", profile_data(town))
    assert response.status_code == 302
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.actor, entry.town, entry.api_token_id) == (
        "municipality.profile_edited", member, town, None
    )  # fmt: skip
    assert entry.source == "page members:municipality_edit /municipalities/spilamberto/edit/"
    assert entry.changes["languages"] == ["", "Italian"]
    assert entry.changes["needs"] == [[], ["1. Young people leave the town",
                                           "2. Few volunteers for public spaces"]]  # fmt: skip


def test_an_api_write_names_the_operation_and_the_token(client, town, member):
    token, key = ApiToken.issue(member, "scripts")
    response = client.patch("/api/v1/municipalities/spilamberto",
                            {"population": 13000, "version": 1},
                            content_type="application/json", **bearer(key))  # fmt: skip
    assert response.status_code == 200
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.actor, entry.api_token_id) == (
        "municipality.profile_edited", member, token.pk
    )  # fmt: skip
    assert entry.source == f"API PATCH /api/v1/municipalities/spilamberto token #{token.pk}"
    assert entry.changes == {"population": [12700, 13000]}


def test_a_command_names_itself(town, member):
    with command("import_practices"):
        entry = record(actor=None, action="municipality.profile_edited", obj=town)
    assert (entry.source, entry.actor) == ("command import_practices", None)


def test_granting_the_secretariat_role_in_the_admin_is_recorded_with_the_town_added(
    secretariat_client, secretariat, town
):
    person = User.objects.create_user("new@town.test", "pw-new-1", full_name="Nina")
    data = {
        "email": "new@town.test", "full_name": "Nina", "is_active": "on", "is_staff": "on",
        "memberships-TOTAL_FORMS": "1", "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0", "memberships-MAX_NUM_FORMS": "1000",
        "memberships-0-municipality": str(town.pk), "memberships-0-position": "Officer",
        "memberships-0-user": str(person.pk),
    }  # fmt: skip
    response = secretariat_client.post(f"/admin/members/user/{person.pk}/change/", data)
    assert response.status_code == 302
    entries = AuditEntry.objects.order_by("pk")
    assert [(e.action, e.object_repr, e.actor, e.town, e.changes) for e in entries] == [
        ("user.roles_changed", "Nina", secretariat, None, {"is_staff": [False, True]}),
        ("membership.added", "Nina – Spilamberto", secretariat, town,
         {"municipality": [None, "Spilamberto"], "position": [None, "Officer"]}),
    ]  # fmt: skip
    assert entries[0].source == f"admin /admin/members/user/{person.pk}/change/"
    assert Membership.objects.filter(user=person, municipality=town).exists()


@pytest.fixture
def logged(town, other_town, member, other_member):
    record(actor=member, action="municipality.profile_edited", obj=town)
    record(actor=other_member, action="municipality.profile_edited", obj=other_town)


def test_the_secretariat_reads_and_filters_the_log_in_the_api(client, secretariat, logged, town):
    _token, key = ApiToken.issue(secretariat, "audit")
    response = client.get(f"/api/v1/audit?town={town.pk}", **bearer(key))
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    row = body["results"][0]
    assert (row["action"], row["actor"], row["town"], row["object_type"], row["object"]) == (
        "municipality.profile_edited", "mayor@spilamberto.test", "Spilamberto",
        "members.municipality", "Spilamberto",
    )  # fmt: skip


def test_the_api_refuses_representatives_anonymous_and_bad_filters(client, member, logged):
    _token, key = ApiToken.issue(member, "mine")
    assert client.get("/api/v1/audit", **bearer(key)).status_code == 403
    assert client.get("/api/v1/audit").status_code == 401
    assert client.get("/api/v1/audit").json()["error"]["code"] == "unauthorized"
    staff = User.objects.create_user("boss@network.test", "pw-x-1", is_staff=True)
    _token, staff_key = ApiToken.issue(staff, "audit")
    bad = client.get("/api/v1/audit?object_type=nothing.here", **bearer(staff_key))
    assert bad.status_code == 422
    assert list(bad.json()["error"]["fields"]) == ["object_type"]
