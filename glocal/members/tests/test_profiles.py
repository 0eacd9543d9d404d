import pytest

from glocal.members.models import Municipality, Need, Visibility
from glocal.reference.models import Country, Place

pytestmark = pytest.mark.django_db


def profile_data(town: Municipality, **changes) -> dict:
    data = {
        "name": town.name, "country": town.country_id, "population": "12700",
        "settlement": "urban", "languages": "Italian", "profile_visibility": "public",
        "contact_visibility": "network", "sdg_priorities": ["11", "16"],
        "needs-TOTAL_FORMS": "2", "needs-INITIAL_FORMS": "0", "needs-MIN_NUM_FORMS": "0",
        "needs-MAX_NUM_FORMS": "12",
        "needs-0-rank": "1", "needs-0-text": "Young people leave the town",
        "needs-0-themes": ["children-youth"],
        "needs-1-rank": "2", "needs-1-text": "Few volunteers for public spaces",
    }  # fmt: skip
    return data | changes


def test_representative_edits_own_profile_and_ranked_needs(member_client, town):
    response = member_client.post("/municipalities/spilamberto/edit/", profile_data(town))
    town.refresh_from_db()
    assert response.status_code == 302
    assert town.languages == "Italian"
    assert sorted(town.sdg_priorities.values_list("number", flat=True)) == [11, 16]
    needs = list(town.needs.values_list("rank", "text"))
    assert needs == [(1, "Young people leave the town"), (2, "Few volunteers for public spaces")]
    theme = town.needs.get(rank=1).themes.get()
    assert theme.name == "Children and youth"


def test_the_place_chosen_from_the_reference_list_is_saved_with_the_profile(member_client, town):
    place = Place.objects.create(
        geonames_id=3166094, name="Spilamberto", ascii_name="Spilamberto", country_id="IT",
        admin1="Emilia-Romagna", population=12700, latitude="44.53", longitude="11.02",
    )  # fmt: skip
    response = member_client.post("/municipalities/spilamberto/edit/",
                                  profile_data(town, place=place.pk))  # fmt: skip
    assert response.status_code == 302
    assert Municipality.objects.get(pk=town.pk).place_id == place.pk


def test_another_towns_representative_cannot_edit_your_profile(other_member_client, town):
    before = Municipality.objects.values().get(pk=town.pk)
    get = other_member_client.get("/municipalities/spilamberto/edit/")
    post = other_member_client.post(
        "/municipalities/spilamberto/edit/", profile_data(town, languages="Arabic")
    )
    assert (get.status_code, post.status_code) == (403, 403)
    assert Municipality.objects.values().get(pk=town.pk) == before
    assert not Need.objects.exists()


def test_anonymous_visitor_is_sent_to_sign_in_or_refused(anonymous, town):
    response = anonymous.post("/municipalities/spilamberto/edit/", profile_data(town))
    assert response.status_code == 403
    assert not Need.objects.exists()


def test_duplicate_need_ranks_are_refused_with_a_message(member_client, town):
    data = profile_data(town, **{"needs-1-rank": "1"})
    response = member_client.post("/municipalities/spilamberto/edit/", data)
    assert response.status_code == 200
    assert response.context["needs"].non_form_errors() == ["Give each need a different rank."]
    assert not Need.objects.exists()


def test_term_must_end_after_it_starts(member_client, town):
    data = profile_data(town, term_start="2024-05-01", term_end="2020-01-01")
    response = member_client.post("/municipalities/spilamberto/edit/", data)
    assert response.context["form"].errors["term_end"] == ["The term must end after it starts."]


def test_place_suggestions_come_from_the_geonames_reference(member_client):
    Place.objects.create(
        geonames_id=266045, name="Zahlé", ascii_name="Zahle", country_id="LB",
        admin1="Béqaa", population=78145, latitude="33.84675", longitude="35.90203",
    )  # fmt: skip
    response = member_client.get("/places/suggestions/", {"place_search": "zah"})
    html = response.content.decode()
    assert 'data-population="78145"' in html
    assert 'data-country="LB"' in html


def test_network_only_profile_is_hidden_from_the_public(anonymous, town, member):
    town.profile_visibility = Visibility.NETWORK
    town.save(update_fields=["profile_visibility"])
    assert anonymous.get("/municipalities/spilamberto/").status_code == 404
    assert "Spilamberto" not in anonymous.get("/municipalities/").content.decode()
    anonymous.force_login(member)
    assert anonymous.get("/municipalities/spilamberto/").status_code == 200


def test_contacts_follow_the_contact_visibility(anonymous, town, other_member):
    town.focal_point, town.focal_point_email = "Anna", "anna@spilamberto.test"
    town.save(update_fields=["focal_point", "focal_point_email"])
    assert "anna@spilamberto.test" not in anonymous.get(town.get_absolute_url()).content.decode()
    anonymous.force_login(other_member)
    assert "anna@spilamberto.test" in anonymous.get(town.get_absolute_url()).content.decode()


def test_municipality_list_filters_by_region_with_constant_queries(
    anonymous, town, other_town, django_assert_num_queries
):
    with django_assert_num_queries(2):
        response = anonymous.get("/municipalities/", {"region": "mena"})
    assert [m.name for m in response.context["page"].object_list] == ["Zahlé"]
    for n in range(10):
        Municipality.objects.create(name=f"Town {n}", slug=f"town-{n}",
                                    country=Country.objects.get(iso="JO"))  # fmt: skip
    with django_assert_num_queries(2):
        anonymous.get("/municipalities/", {"region": "mena"})


def test_health_check_reports_the_database(anonymous):
    response = anonymous.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok"}
