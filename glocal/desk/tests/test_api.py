from glocal.notifications.models import Notification, Preference
from glocal.practices.models import Practice


def make(user, title: str) -> Notification:
    return Notification.objects.create(user=user, kind="mention", title=title, url="/exchange/")


def test_the_desk_answers_the_tokens_person_only(client, member, other_member, town, token_for):
    Practice.objects.create(title="Sent back", slug="sent-back", summary="s", municipality=town,
                            country=town.country, status="changes")  # fmt: skip
    response = client.get("/api/v1/me/desk", **token_for(member))
    assert response.status_code == 200
    assert [(i["kind"], i["url"], i["urgent"]) for i in response.json()] == [
        ("practice_changes", "/practices/sent-back/edit/", True)
    ]
    assert client.get("/api/v1/me/desk", **token_for(other_member)).json() == []


def test_the_personal_api_refuses_without_a_token(client, member):
    client.force_login(member)
    response = client.get("/api/v1/me/notifications")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


def test_notifications_list_and_mark_read_for_oneself(client, member, other_member, token_for):
    mine, theirs = make(member, "Mine"), make(other_member, "Theirs")
    auth = token_for(member)
    listing = client.get("/api/v1/me/notifications", **auth).json()
    assert (listing["count"], listing["unread"]) == (1, 1)
    assert [(n["id"], n["title"], n["read"]) for n in listing["results"]] == [
        (mine.pk, "Mine", False)
    ]
    response = client.post("/api/v1/me/notifications/read", {"ids": [mine.pk, theirs.pk]},
                           content_type="application/json", **auth)  # fmt: skip
    assert response.json() == {"marked": 1}
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert client.get("/api/v1/me/notifications?unread_only=true", **auth).json()["count"] == 0


def test_marking_another_persons_notification_is_a_404_and_changes_nothing(
    client, member, other_member, token_for
):
    theirs = make(other_member, "Theirs")
    response = client.post(f"/api/v1/me/notifications/{theirs.pk}/read", **token_for(member))
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_preferences_read_and_change_by_kind(client, member, token_for):
    auth = token_for(member)
    read = client.get("/api/v1/me/notification-preferences", **auth)
    rows = read.json()
    assert {r["kind"]: r["delivery"] for r in rows}["mention"] == "immediately"
    assert "invitation" not in {r["kind"] for r in rows}
    response = client.patch("/api/v1/me/notification-preferences",
                            {"choices": {"mention": "digest"}}, content_type="application/json",
                            headers={"If-Match": read["ETag"]}, **auth)  # fmt: skip
    assert (read["ETag"], response.status_code, response["ETag"]) == ('"1"', 200, '"2"')
    assert {r["kind"]: r["delivery"] for r in response.json()}["mention"] == "digest"
    assert list(Preference.objects.values_list("kind", "delivery")) == [("mention", "digest")]


def test_an_unknown_kind_or_delivery_is_a_json_error_and_nothing_changes(client, member, token_for):
    auth = token_for(member)
    unknown_kind = client.patch("/api/v1/me/notification-preferences",
                                {"version": 1, "choices": {"mention": "never", "gossip": "never"}},
                                content_type="application/json", **auth)  # fmt: skip
    assert unknown_kind.status_code == 400
    assert "Unknown kind" in unknown_kind.json()["error"]["message"]
    bad_delivery = client.patch("/api/v1/me/notification-preferences",
                                {"version": 1, "choices": {"mention": "pigeon"}},
                                content_type="application/json", **auth)  # fmt: skip
    assert bad_delivery.status_code == 422
    assert not Preference.objects.exists()
