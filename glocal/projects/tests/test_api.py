import datetime
from decimal import Decimal

from glocal.members.models import ApiToken
from glocal.projects.models import Measurement


def bearer(user) -> dict:
    _token, key = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_prototypes_are_listed_with_their_sources(client, prototype, project):
    project.visibility = "public"
    project.save(update_fields=["visibility"])
    body = client.get("/api/v1/prototypes/").json()
    assert body == {"count": 1, "results": [{
        "slug": "activating-local-engagement", "title": "Activating Local Engagement",
        "summary": "Small-budget civic projects run with residents.",
        "source_practices": ["spilamberto-and-us"], "sdgs": [], "projects": 1,
        "language": "en", "translations": []}]}  # fmt: skip
    detail = client.get("/api/v1/prototypes/activating-local-engagement").json()
    assert (detail["steps"], detail["variants"]) == ("Map, invite, sign, celebrate.", [])


def test_private_projects_stay_private_in_the_api(client, other_member, member, project):
    assert client.get(f"/api/v1/projects/{project.pk}").status_code == 404
    assert client.get("/api/v1/projects/").json()["count"] == 0
    other = client.get(f"/api/v1/projects/{project.pk}", **bearer(other_member))
    assert other.status_code == 404
    own = client.get(f"/api/v1/projects/{project.pk}", **bearer(member)).json()
    assert (own["title"], own["municipality"], own["prototype"], own["source_practice"]) == (
        "Parks in Common",
        "spilamberto",
        "activating-local-engagement",
        "spilamberto-and-us",
    )


def test_indicators_come_with_their_measurements(client, member, project, indicator):
    Measurement.objects.create(indicator=indicator, value=Decimal("20"),
                               measured_on=datetime.date(2026, 3, 1))  # fmt: skip
    body = client.get(f"/api/v1/projects/{project.pk}/indicators", **bearer(member)).json()
    assert body[0]["name"] == "Active volunteers"
    assert body[0]["measurements"] == [
        {"measured_on": "2026-03-01", "value": "20.00", "note": ""}]  # fmt: skip


def test_a_representative_posts_a_measurement_with_a_token(client, member, project, indicator):
    url = f"/api/v1/projects/{project.pk}/indicators/{indicator.pk}/measurements"
    response = client.post(url, {"value": "42.5", "measured_on": "2026-04-01"},
                           content_type="application/json", **bearer(member))  # fmt: skip
    assert response.status_code == 201
    assert response.json() == {"measured_on": "2026-04-01", "value": "42.5", "note": ""}
    assert Measurement.objects.get().value == Decimal("42.50")


def test_only_the_towns_representatives_may_post_measurements(
    client, other_member, secretariat, project, indicator
):
    project.visibility = "network"
    project.save(update_fields=["visibility"])
    url = f"/api/v1/projects/{project.pk}/indicators/{indicator.pk}/measurements"
    data = {"value": "42", "measured_on": "2026-04-01"}
    no_token = client.post(url, data, content_type="application/json")
    other = client.post(url, data, content_type="application/json", **bearer(other_member))
    staff = client.post(url, data, content_type="application/json", **bearer(secretariat))
    assert (no_token.status_code, other.status_code, staff.status_code) == (401, 403, 403)
    assert other.json()["error"]["code"] == "forbidden"
    assert Measurement.objects.count() == 0


def test_a_bad_measurement_gets_a_422_and_nothing_is_saved(client, member, project, indicator):
    url = f"/api/v1/projects/{project.pk}/indicators/{indicator.pk}/measurements"
    future = client.post(url, {"value": "1", "measured_on": "2999-01-01"},
                         content_type="application/json", **bearer(member))  # fmt: skip
    garbage = client.post(url, {"value": "many", "measured_on": "yesterday"},
                          content_type="application/json", **bearer(member))  # fmt: skip
    assert (future.status_code, garbage.status_code) == (422, 422)
    assert future.json()["error"]["fields"] == {
        "measured_on": ["A measurement cannot be dated in the future."]}  # fmt: skip
    assert Measurement.objects.count() == 0
