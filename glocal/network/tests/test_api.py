import pytest

from glocal.members.models import ApiToken
from glocal.network import services
from glocal.network.models import GroupMembership

pytestmark = pytest.mark.django_db


def test_api_lists_working_groups_with_coordinators(client, group, coordinator):
    response = client.get("/api/v1/groups/")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 6
    first = body["results"][0]
    assert first | {"summary": None} == {
        "slug": "childrens-rights", "name": "Children's Rights", "summary": None,
        "themes": ["children-youth"], "member_count": 1,
        "coordinators": ["Officer"], "url": "/groups/childrens-rights/",
    }  # fmt: skip


def test_api_statement_detail_lists_signatures_with_the_version_signed(
    client, statement, town, member, town_signatory
):
    services.sign_statement(statement=statement, municipality=town, user=member)
    services.revise_statement(statement=statement, user=member, text="<p>Second.</p>")

    body = client.get(f"/api/v1/statements/{statement.slug}").json()

    assert (body["version"], body["text"], body["addressees"]) == (
        2, "<p>Second.</p>", ["European Commission", "UNHCR"],
    )  # fmt: skip
    assert [(s["municipality"], s["version"], s["needs_reconfirmation"])
            for s in body["signatures"]] == [("spilamberto", 1, True)]  # fmt: skip


def test_api_hides_draft_statements_from_other_towns(client, town, member, other_member):
    draft = services.create_statement(title="Draft", addressees="EU", text="x", towns=[town],
                                      user=member)  # fmt: skip
    _token, key = ApiToken.issue(other_member, "test")

    response = client.get(
        f"/api/v1/statements/{draft.slug}", headers={"Authorization": f"Bearer {key}"}
    )

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert client.get("/api/v1/statements/").json()["count"] == 0


def test_api_lists_public_updates_and_stories(client, project, private_project, member):
    services.post_update(project=project, title="Open", body="x", author=member)
    services.post_update(project=private_project, title="Private", body="y", author=member)

    body = client.get("/api/v1/updates/").json()

    assert [u["title"] for u in body["results"]] == ["Open"]
    assert body["results"][0]["municipality"] == "spilamberto"
    assert client.get("/api/v1/updates/?stories=true").json()["count"] == 0


def test_api_group_list_counts_members(client, group, member, other_member):
    GroupMembership.objects.create(group=group, user=member)
    GroupMembership.objects.create(group=group, user=other_member)

    assert client.get("/api/v1/groups/").json()["results"][0]["member_count"] == 2
