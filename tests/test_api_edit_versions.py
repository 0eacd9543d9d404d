"""Every API write names the version it read; a stale one is refused with both values (409)."""

import pytest

from glocal.audit.models import AuditEntry
from glocal.members.models import ApiToken, Municipality
from glocal.members.tests.test_profiles import profile_data
from glocal.practices.models import Practice, Revision, Status
from glocal.practices.services import record_revision
from glocal.practices.tests.conftest import make_practice

pytestmark = pytest.mark.django_db


def patch(client, url: str, user, body: dict, **headers):
    key = ApiToken.issue(user, "test")[1]
    return client.patch(url, body, content_type="application/json",
                        HTTP_AUTHORIZATION=f"Bearer {key}", **headers)  # fmt: skip


@pytest.fixture
def draft(town, member) -> Practice:
    practice = make_practice("Draft Parks Plan", municipality=town, status=Status.DRAFT,
                             created_by=member, summary="Half written.")  # fmt: skip
    record_revision(practice=practice, action=Revision.Action.CREATED, user=member, search=False)
    return practice


PRACTICE = "/api/v1/practices/draft-parks-plan"
TOWN = "/api/v1/municipalities/spilamberto"


def test_a_practice_change_on_the_version_read_is_saved_and_counts_one(client, draft, member):
    key = ApiToken.issue(member, "reader")[1]
    read = client.get(PRACTICE, HTTP_AUTHORIZATION=f"Bearer {key}").json()
    response = patch(client, PRACTICE, member, {"version": read["version"], "summary": "Done."})
    assert response.status_code == 200
    assert (response.json()["summary"], response.json()["version"]) == ("Done.", 2)


def test_a_stale_practice_change_is_refused_with_both_values_and_nothing_is_written(
    client, draft, member
):
    patch(client, PRACTICE, member, {"version": 1, "summary": "Theirs."})
    response = patch(client, PRACTICE, member, {"summary": "Mine."}, HTTP_IF_MATCH='"1"')
    assert response.status_code == 409
    assert response.json() == {"error": {
        "code": "conflict", "version": 2,
        "fields": {"summary": {"current": "Theirs.", "yours": "Mine."}},
        "message": "Someone changed these fields since version 1; nothing was saved."}}  # fmt: skip
    draft.refresh_from_db()
    assert (draft.summary, draft.version, draft.revisions.count()) == ("Theirs.", 2, 2)


def test_a_stale_practice_change_to_another_field_keeps_both(client, draft, member):
    patch(client, PRACTICE, member, {"version": 1, "summary": "Theirs."})
    response = patch(client, PRACTICE, member, {"version": 1, "title": "Parks Plan"})
    assert response.status_code == 200
    draft.refresh_from_db()
    assert (draft.title, draft.summary, draft.version) == ("Parks Plan", "Theirs.", 3)


def test_a_practice_change_without_a_version_is_refused(client, draft, member):
    response = patch(client, PRACTICE, member, {"summary": "Mine."})
    assert (response.status_code, response.json()["error"]["code"]) == (428, "version_required")
    draft.refresh_from_db()
    assert (draft.summary, draft.version) == ("Half written.", 1)


def test_a_stale_profile_change_is_refused_with_both_values_and_nothing_is_written(
    client, town, member
):
    assert client.get(TOWN).json()["version"] == 1
    assert patch(client, TOWN, member, {"version": 1, "population": 13_000}).status_code == 200
    response = patch(client, TOWN, member, {"version": 1, "population": 12_500})
    assert response.status_code == 409
    assert response.json()["error"]["fields"] == {
        "population": {"current": 13_000, "yours": 12_500}}  # fmt: skip
    town.refresh_from_db()
    assert (town.population, town.version) == (13_000, 2)
    assert AuditEntry.objects.filter(action="municipality.profile_edited").count() == 1


def test_a_profile_change_without_a_version_is_refused(client, town, member):
    response = patch(client, TOWN, member, {"population": 1})
    assert response.status_code == 428
    assert Municipality.objects.get(pk=town.pk).version == 1


def test_a_profile_saved_on_the_site_makes_an_api_clients_version_stale(
    client, member_client, town, member
):
    saved = member_client.post("/municipalities/spilamberto/edit/",
                               profile_data(town, population="14000"))  # fmt: skip
    assert saved.status_code == 302
    response = patch(client, TOWN, member, {"version": 1, "population": 7})
    assert response.status_code == 409
    assert response.json()["error"]["fields"] == {"population": {"current": 14_000, "yours": 7}}
    assert Municipality.objects.get(pk=town.pk).population == 14_000
