import pytest

from glocal.members.models import ApiToken

from ..models import Expert, Partner, PartnerNetwork
from ..services import start_collaboration
from .conftest import make_post


@pytest.fixture
def network_collaboration(town, other_town, member):
    collaboration = start_collaboration(
        lead=town, user=member, title="Shared archive", summary="Digitise both archives."
    )
    Partner.objects.create(collaboration=collaboration, municipality=other_town)
    collaboration.funding_applications.create(
        funder="Interreg", amount_eur=80_000, status="submitted"
    )
    return collaboration


def test_collaborations_in_the_api_for_signed_in_members(client, member, network_collaboration):
    assert client.get("/api/v1/collaborations/").json()["count"] == 0
    token, key = ApiToken.issue(member, "test")
    body = client.get("/api/v1/collaborations/", HTTP_AUTHORIZATION=f"Bearer {key}").json()
    assert body["count"] == 1
    result = body["results"][0]
    assert [(p["municipality"], p["role"], p["status"]) for p in result["partners"]] == [
        ("spilamberto", "lead", "accepted"),
        ("zahle", "partner", "invited"),
    ]
    assert result["funding_applications"] == [
        {
            "funder": "Interreg",
            "programme": "",
            "amount_eur": 80000,
            "deadline": None,
            "status": "submitted",
        }
    ]


def test_needs_and_offers_are_listed_apart_and_open_only(client, town, other_town):
    make_post(town, "need", title="Beds", category="goods")
    make_post(other_town, "offer", title="Generators")
    closed = make_post(town, "need", title="Old need")
    closed.closed_at = closed.created_at
    closed.save(update_fields=["closed_at"])
    needs = client.get("/api/v1/solidarity/needs").json()
    offers = client.get("/api/v1/solidarity/offers", {"category": "equipment"}).json()
    assert [(r["title"], r["municipality"], r["category"]) for r in needs["results"]] == [
        ("Beds", "spilamberto", "goods")
    ]
    assert [r["title"] for r in offers["results"]] == ["Generators"]


def test_an_unknown_category_is_a_422(client, db):
    response = client.get("/api/v1/solidarity/needs", {"category": "weapons"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid"


def test_expert_contacts_leave_the_api_only_for_members(client, member, expert):
    anonymous = client.get("/api/v1/experts/").json()["results"][0]
    assert (anonymous["name"], anonymous["email"], anonymous["phone"]) == (
        "Lina Haddad",
        None,
        None,
    )
    assert anonymous["languages"] == ["Arabic", "English", "French"]
    client.force_login(member)
    signed_in = client.get("/api/v1/experts/").json()["results"][0]
    assert (signed_in["email"], signed_in["phone"]) == ("lina@experts.test", "+961 1 000 000")


def test_unlisted_experts_stay_out_of_the_api(client, expert):
    Expert.objects.filter(pk=expert.pk).update(is_listed=False)
    assert client.get("/api/v1/experts/").json()["count"] == 0


def test_partner_networks_in_the_api(client, db):
    PartnerNetwork.objects.create(name="Forum", slug="forum", description="Towns.", since=2020)
    body = client.get("/api/v1/networks/").json()
    assert [(n["slug"], n["since"]) for n in body["results"]] == [("forum", 2020)]
