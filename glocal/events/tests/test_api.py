from datetime import timedelta

from django.utils import timezone

from glocal.events.models import Event, Registration
from glocal.members.models import ApiToken

from .conftest import make_event, make_session


def test_api_lists_upcoming_published_events(anonymous, town):
    make_event("Annual Conference", host=town, capacity=150)
    make_event("Past Exposure", host=town, starts_at=timezone.now() - timedelta(days=30))
    make_event("Hidden Draft", host=town, is_published=False)
    body = anonymous.get("/api/v1/events/").json()
    assert body["count"] == 1
    item = body["results"][0]
    assert item["slug"] == "annual-conference"
    assert item["host"] == "spilamberto"
    assert item["places_left"] == 150
    assert item["registration_open"] is True
    past = anonymous.get("/api/v1/events/", {"when": "past"}).json()
    assert [e["slug"] for e in past["results"]] == ["past-exposure"]


def test_api_event_detail_has_sessions_and_no_online_link_for_strangers(anonymous, town):
    event = make_event("Budget Webinar", host=town, mode=Event.Mode.ONLINE,
                       online_url="https://meet.example.org/x")  # fmt: skip
    make_session(event, "Questions and answers", kind="panel", speakers="Ana\nBo", capacity=None)
    body = anonymous.get("/api/v1/events/budget-webinar").json()
    assert body["online_url"] is None
    assert [(s["title"], s["speakers"]) for s in body["sessions"]] == [
        ("Questions and answers", ["Ana", "Bo"])]  # fmt: skip


def test_api_event_detail_shows_the_online_link_to_a_confirmed_token_holder(client, town, member):
    event = make_event("Budget Webinar", host=town, mode=Event.Mode.ONLINE,
                       online_url="https://meet.example.org/x")  # fmt: skip
    Registration.objects.create(event=event, user=member, role="staff",
                                status=Registration.Status.CONFIRMED)  # fmt: skip
    _token, key = ApiToken.issue(member, "calendar")
    response = client.get("/api/v1/events/budget-webinar",
                          headers={"Authorization": f"Bearer {key}"})  # fmt: skip
    assert response.json()["online_url"] == "https://meet.example.org/x"


def test_api_hides_unpublished_events_and_rejects_bad_filters(anonymous, town):
    make_event("Hidden Draft", slug="hidden", host=town, is_published=False)
    response = anonymous.get("/api/v1/events/hidden")
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "Not found."}}
    assert anonymous.get("/api/v1/events/", {"kind": "party"}).status_code == 422
