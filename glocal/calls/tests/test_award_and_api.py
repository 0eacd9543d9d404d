import pytest

from glocal.calls.models import Application, ApplicationStatus, CallStatus, Kind
from glocal.members.models import ApiToken
from glocal.practices.models import Distinction, Practice, Status

from .builders import make_call, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices(town, other_town):
    make = Practice.objects.create
    return {
        "mine": make(title="Repair Café", slug="repair-cafe", summary="Fixing together.",
                     municipality=town, status=Status.PUBLISHED),
        "theirs": make(title="Shared Kitchens", slug="shared-kitchens", summary="Cooking.",
                       municipality=other_town, status=Status.PUBLISHED),
        "draft": make(title="Unfinished", slug="unfinished", summary="Draft.",
                      municipality=other_town, status=Status.DRAFT),
    }  # fmt: skip


def test_a_town_nominates_another_towns_practice(member_client, town, other_town, practices):
    make_call(slug="award-2026", kind=Kind.AWARD)
    data = {"nominee": other_town.pk, "practice": practices["theirs"].pk, "submit": "1"}
    assert member_client.post("/calls/award-2026/apply/", data).status_code == 302
    nomination = Application.objects.get()
    assert (nomination.municipality, nomination.nominee, nomination.practice) == (
        town, other_town, practices["theirs"])  # fmt: skip


def test_a_nominated_practice_must_belong_to_the_nominee(member_client, other_town, practices):
    make_call(slug="award-2026", kind=Kind.AWARD)
    data = {"nominee": other_town.pk, "practice": practices["mine"].pk, "submit": "1"}
    response = member_client.post("/calls/award-2026/apply/", data)
    assert response.status_code == 400
    assert "Repair Café is not a practice of Zahlé." in response.content.decode()
    assert not Application.objects.exists()


def test_winners_get_a_badge_and_a_showroom_facet(
    secretariat_client, town, other_town, practices, django_capture_on_commit_callbacks
):
    award = make_call(slug="award-2025", kind=Kind.AWARD, opens=-60, closes=-30)
    winner = submitted(award, town, nominee=town, practice=practices["mine"])
    finalist = submitted(award, other_town, nominee=other_town, practice=practices["theirs"])
    with django_capture_on_commit_callbacks(execute=True):
        for nomination, decision in ((winner, "winner"), (finalist, "finalist")):
            url = f"/calls/award-2025/applications/{nomination.pk}/decide/"
            assert secretariat_client.post(url, {"decision": decision}).status_code == 302
    assert dict(Practice.objects.values_list("slug", "distinction")) == {
        "repair-cafe": Distinction.WINNER, "shared-kitchens": Distinction.FINALIST,
        "unfinished": "",
    }  # fmt: skip
    award.refresh_from_db()
    assert award.status == CallStatus.DECIDED
    secretariat_client.logout()
    showroom = secretariat_client.get("/practices/?distinction=winner")
    assert [p.slug for p in showroom.context["page"]] == ["repair-cafe"]
    assert "★ Network award winner" in showroom.content.decode()
    page = secretariat_client.get("/award/").content.decode()
    assert "Repair Café" in page
    assert "Shared Kitchens" in page
    assert "★ Finalist" in page


def test_a_later_rejection_takes_the_badge_away(secretariat_client, town, practices):
    award = make_call(slug="award-2025", kind=Kind.AWARD, opens=-60, closes=-30)
    nomination = submitted(award, town, nominee=town, practice=practices["mine"])
    url = f"/calls/award-2025/applications/{nomination.pk}/decide/"
    secretariat_client.post(url, {"decision": "winner"})
    secretariat_client.post(url, {"decision": "rejected"})
    practices["mine"].refresh_from_db()
    assert (practices["mine"].distinction, practices["mine"].distinction_title) == ("", "")


def test_call_list_costs_the_same_queries_however_many_calls(
    client, member, django_assert_num_queries
):
    for n in range(3):
        make_call(slug=f"call-{n}")
    client.force_login(member)
    with django_assert_num_queries(5):  # one for translations
        response = client.get("/calls/")
    assert len(response.context["current"]) == 3
    for n in range(3, 8):
        make_call(slug=f"call-{n}", opens=-9, closes=-2)
    with django_assert_num_queries(5):  # one for translations
        response = client.get("/calls/")
    assert len(response.context["past"]) == 5


def test_api_lists_public_calls_without_drafts(client, lab_call):
    make_call(slug="hidden")
    from glocal.calls.models import Call

    Call.objects.filter(slug="hidden").update(status=CallStatus.DRAFT)
    body = client.get("/api/v1/calls/").json()
    assert (body["count"], [c["slug"] for c in body["results"]]) == (1, ["lab-2026"])
    detail = client.get("/api/v1/calls/lab-2026").json()
    assert detail["description"] == "<p>Host a lab.</p>"
    assert [c["weight"] for c in detail["criteria"]] == [3, 1]
    assert detail["questions"][0] == {"label": "Why your town?", "help_text": "",
                                      "type": "text", "choices": [], "required": True}  # fmt: skip
    assert client.get("/api/v1/calls/hidden").status_code == 404


def test_api_shows_applications_only_to_their_town_and_the_secretariat(
    client, member, other_member, secretariat, town, other_town, lab_call
):
    submitted(lab_call, town, title="Ours")
    submitted(lab_call, other_town, title="Theirs")
    _, key = ApiToken.issue(member, "laptop")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    mine = client.get("/api/v1/calls/lab-2026/applications", **auth).json()
    assert [a["title"] for a in mine] == ["Ours"]
    assert client.get("/api/v1/calls/lab-2026/applications").json() == []
    client.force_login(secretariat)
    every = client.get("/api/v1/calls/lab-2026/applications").json()
    assert sorted(a["title"] for a in every) == ["Ours", "Theirs"]
    bad = client.get("/api/v1/calls/lab-2026/applications", HTTP_AUTHORIZATION="Bearer nope")
    assert bad.status_code == 401


def test_api_feedback_is_hidden_until_the_decision(client, member, town, lab_call):
    application = submitted(lab_call, town, feedback="Draft of feedback")
    client.force_login(member)
    assert client.get("/api/v1/calls/lab-2026/applications").json()[0]["feedback"] == ""
    Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.REJECTED)
    assert client.get("/api/v1/calls/lab-2026/applications").json()[0]["feedback"] == (
        "Draft of feedback"
    )


def test_hub_and_award_lists_cost_the_same_queries_however_many_entries(
    client, secretariat, town, other_town, practices, django_assert_num_queries
):
    from glocal.calls.services import label_hub
    from glocal.members.models import Municipality
    from glocal.reference.models import Country, Sdg

    hubs = make_call(slug="hubs-2025", kind=Kind.HUB, opens=-60, closes=-30)
    award = make_call(slug="award-2025", kind=Kind.AWARD, opens=-60, closes=-30)
    serbia = Country.objects.get(iso="RS")
    towns = [town, other_town] + [
        Municipality.objects.create(name=f"Town {n}", slug=f"town-{n}", country=serbia)
        for n in range(2)
    ]
    for count, batch in ((2, towns[:2]), (4, towns[2:])):
        for t in batch:
            hub = submitted(hubs, t, title=f"HUB of {t}", status="accepted", duration_years=2)
            hub.sdgs.set(Sdg.objects.filter(number__in=[6, 11]))
            label_hub(application=hub, user=secretariat)
            submitted(award, t, nominee=t, practice=practices["mine"], status="finalist")
        with django_assert_num_queries(2):
            assert len(client.get("/hubs/").context["hubs"]) == count
        with django_assert_num_queries(2):
            page = client.get("/award/")
        assert len(page.context["past_calls"][0].laureates) == count
