"""The API under /api/v1/: reads for everyone, writes with a token under the pages' rules."""

# ruff: noqa: F811 (the showroom fixtures are imported from the practices app)

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from glocal.api import api
from glocal.members.models import ApiToken, Municipality
from glocal.practices.models import Practice, Status
from glocal.practices.tests.conftest import make_practice, practice, showroom  # noqa: F401


@pytest.fixture(autouse=True)
def fresh_throttle_counts(db):
    cache.clear()
    yield
    cache.clear()


def bearer(user) -> dict:
    _, key = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.fixture
def draft(town, member):
    return make_practice("Draft Parks Plan", municipality=town, status=Status.DRAFT,
                         created_by=member, summary="Half written.")  # fmt: skip


def test_listing_searches_filters_counts_facets_and_pages(anonymous, showroom):
    everything = anonymous.get("/api/v1/practices").json()
    assert everything["count"] == 3
    assert {p["title"] for p in everything["results"]} == {
        "Learning Each Other's Language", "Summer Urban Camp", "Caring for Parks"}  # fmt: skip
    themes = {i["value"]: i["count"] for i in everything["facets"]["theme"]}
    assert themes == {"education": 1, "social-cohesion": 2, "children-youth": 1,
                      "civic-engagement": 1}  # fmt: skip
    found = anonymous.get("/api/v1/practices", {"q": "language"}).json()
    assert [p["title"] for p in found["results"]] == ["Learning Each Other's Language"]
    cohesion = anonymous.get("/api/v1/practices", {"theme": "social-cohesion", "sdg": 11}).json()
    assert [p["title"] for p in cohesion["results"]] == ["Caring for Parks"]
    paged = anonymous.get("/api/v1/practices", {"page": 2, "page_size": 2}).json()
    assert (paged["count"], paged["page"], paged["page_size"]) == (3, 2, 2)
    assert len(paged["results"]) == 1


@pytest.mark.usefixtures("steady_rate_clock")
def test_listing_takes_the_same_number_of_queries_for_more_practices(
    anonymous,
    showroom,
    town,
    django_assert_num_queries,
):
    anonymous.get("/api/v1/practices")
    with CaptureQueriesContext(connection) as context:
        anonymous.get("/api/v1/practices")
    for n in range(5):
        make_practice(f"Another Practice {n}", municipality=town, themes=["education"], sdgs=[4])
    with django_assert_num_queries(len(context.captured_queries)):
        response = anonymous.get("/api/v1/practices")
    assert response.json()["count"] == 8


def test_anonymous_readers_get_a_json_404_for_a_draft(anonymous, showroom):
    response = anonymous.get("/api/v1/practices/secret-draft-language-plan")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert anonymous.get("/api/v1/practices/caring-for-parks").json()["title"] == (
        "Caring for Parks"
    )


def test_a_municipality_shows_public_fields_and_never_its_contacts(anonymous, town):
    town.mayor, town.focal_point_email = "Ms Mayor", "focal@town.test"
    town.save()
    town.needs.create(rank=1, text="Clean water")
    body = anonymous.get("/api/v1/municipalities/spilamberto").json()
    assert body["name"] == "Spilamberto"
    assert body["country"]["iso"] == "IT"
    assert body["needs"] == [{"rank": 1, "text": "Clean water", "themes": []}]
    text = str(body)
    assert "mayor" not in text.lower()
    assert "focal" not in text
    listed = anonymous.get("/api/v1/municipalities", {"country": "it"}).json()
    assert [m["slug"] for m in listed["results"]] == ["spilamberto"]


def test_a_representatives_token_changes_their_towns_draft(client, draft, member):
    response = client.patch("/api/v1/practices/draft-parks-plan",
                            {"summary": "Now written.", "version": 1},
                            content_type="application/json", **bearer(member))  # fmt: skip
    assert response.status_code == 200, response.content
    draft.refresh_from_db()
    assert (draft.summary, draft.status) == ("Now written.", Status.DRAFT)
    assert draft.revisions.filter(user=member).exists()


def test_another_towns_token_cannot_change_a_practice(client, draft, other_member):
    before = list(Practice.objects.filter(pk=draft.pk).values())
    response = client.patch("/api/v1/practices/draft-parks-plan", {"summary": "Hijacked."},
                            content_type="application/json", **bearer(other_member))  # fmt: skip
    assert response.status_code in (403, 404)
    assert "error" in response.json()
    assert list(Practice.objects.filter(pk=draft.pk).values()) == before


def test_another_towns_token_is_forbidden_on_a_published_practice(client, practice, other_member):
    before = list(Practice.objects.filter(pk=practice.pk).values())
    response = client.patch(f"/api/v1/practices/{practice.slug}", {"summary": "Hijacked."},
                            content_type="application/json", **bearer(other_member))  # fmt: skip
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert list(Practice.objects.filter(pk=practice.pk).values()) == before


def test_writing_without_a_token_is_a_401_json_error(client, draft):
    response = client.patch("/api/v1/practices/draft-parks-plan", {"summary": "x"},
                            content_type="application/json")  # fmt: skip
    assert response.status_code == 401
    assert set(response.json()) == {"error"}
    assert response.json()["error"]["code"] == "unauthorized"


def test_an_unknown_token_is_a_401_even_for_reading(client, showroom):
    response = client.get("/api/v1/practices", HTTP_AUTHORIZATION="Bearer nope")
    assert response.status_code == 401


def test_bad_data_is_a_422_with_field_errors(client, draft, member):
    response = client.patch("/api/v1/practices/draft-parks-plan",
                            {"end_year": 2001, "start_year": 2010, "title": "", "version": 1},
                            content_type="application/json", **bearer(member))  # fmt: skip
    assert response.status_code == 422
    fields = response.json()["error"]["fields"]
    assert set(fields) == {"end_year", "title"}
    wrong_type = client.patch("/api/v1/practices/draft-parks-plan",
                              {"start_year": "soon", "version": 1},
                              content_type="application/json", **bearer(member))  # fmt: skip
    assert wrong_type.status_code == 422
    assert "start_year" in wrong_type.json()["error"]["fields"]


def test_a_representative_edits_their_municipality_but_not_another(client, town, member,
                                                                   other_town):  # fmt: skip
    ok = client.patch("/api/v1/municipalities/spilamberto", {"population": 13_000, "version": 1},
                      content_type="application/json", **bearer(member))  # fmt: skip
    assert ok.status_code == 200
    assert ok.json()["population"] == 13_000
    before = list(Municipality.objects.filter(pk=other_town.pk).values())
    denied = client.patch("/api/v1/municipalities/zahle", {"population": 1, "version": 1},
                          content_type="application/json", **bearer(member))  # fmt: skip
    assert denied.status_code == 403
    assert denied.json()["error"]["code"] == "forbidden"
    assert list(Municipality.objects.filter(pk=other_town.pk).values()) == before


def test_too_many_requests_get_a_429_json_error(anonymous, town, monkeypatch):
    for throttle in api.throttle:
        monkeypatch.setattr(throttle, "num_requests", 2)
    codes = [anonymous.get("/api/v1/municipalities").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    response = anonymous.get("/api/v1/municipalities")
    assert response.json()["error"]["code"] == "throttled"
    assert "Retry-After" in response
