"""Two tabs (or two colleagues) on one town profile: nobody's change is lost silently."""

import pytest

from glocal.audit.models import AuditEntry
from glocal.members.models import ApiToken, Municipality, Need
from glocal.reference.models import Theme

pytestmark = pytest.mark.django_db
EDIT = "/municipalities/spilamberto/edit/"


def loaded_page(client) -> dict:
    """What a browser would send back unchanged from the edit page as it is now."""
    response = client.get(EDIT)
    form, needs = response.context["form"], response.context["needs"]
    data = {"version": response.context["version"], "base": response.context["base"]}
    for field in form:
        value = field.value()
        if value is None or field.name == "place":
            continue
        data[field.html_name] = [str(v) for v in value] if isinstance(value, list) else value
    data |= {f"needs-{key}": value for key, value in needs.management_form.initial.items()}
    for number, need in enumerate(needs.forms):
        if (row := need.instance).pk:
            data |= {f"needs-{number}-id": row.pk, f"needs-{number}-rank": row.rank,
                     f"needs-{number}-text": row.text,
                     f"needs-{number}-themes": [t.slug for t in row.themes.all()]}  # fmt: skip
    return data


@pytest.fixture
def need(town):
    return Need.objects.create(municipality=town, rank=1, text="Young people leave the town")


def test_two_tabs_changing_different_fields_keep_both_changes(member_client, town, need):
    tab_a, tab_b = loaded_page(member_client), loaded_page(member_client)
    first = member_client.post(EDIT, tab_a | {"capacities": "A youth centre"})
    second = member_client.post(EDIT, tab_b | {"latitude": "44.53", "longitude": "11.08"})
    town.refresh_from_db()
    assert (first.status_code, second.status_code) == (302, 302)
    assert (town.capacities, str(town.latitude), str(town.longitude)) == (
        "A youth centre", "44.53000", "11.08000")  # fmt: skip


def test_two_tabs_changing_one_field_differently_show_both_and_save_nothing(
    member_client, town, need
):
    tab_a, tab_b = loaded_page(member_client), loaded_page(member_client)
    member_client.post(EDIT, tab_a | {"capacities": "A youth centre"})
    response = member_client.post(EDIT, tab_b | {"capacities": "A sports hall",
                                                 "languages": "Italian, English"})  # fmt: skip
    assert response.status_code == 409
    conflicts = response.context["conflicts"]
    assert [(c["theirs"], c["mine"]) for c in conflicts] == [("A youth centre", "A sports hall")]
    assert response.context["form"]["capacities"].value() == "A sports hall"  # kept in the form
    town.refresh_from_db()
    assert (town.capacities, town.languages) == ("A youth centre", "")
    again = member_client.post(EDIT, tab_b | {"capacities": "A sports hall",
                                              "base": response.context["base"]})  # fmt: skip
    town.refresh_from_db()
    assert (again.status_code, town.capacities) == (302, "A sports hall")


def test_a_save_from_a_page_older_than_an_api_change_merges_with_it(
    member_client, client, member, town, need
):
    tab = loaded_page(member_client)
    assert tab["version"] == 1
    key = ApiToken.issue(member, "script")[1]
    client.patch("/api/v1/municipalities/spilamberto", {"version": 1, "population": 13_000},
                 content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}")  # fmt: skip
    response = member_client.post(EDIT, tab | {"capacities": "A youth centre"})
    town.refresh_from_db()
    assert response.status_code == 302
    assert (town.population, town.capacities, town.version) == (13_000, "A youth centre", 3)
    last = AuditEntry.objects.filter(action="municipality.profile_edited").latest("pk")
    assert last.changes == {"capacities": ["", "A youth centre"]}


def test_a_stale_save_of_a_field_the_api_changed_shows_both_and_saves_nothing(
    member_client, client, member, town, need
):
    tab = loaded_page(member_client)
    key = ApiToken.issue(member, "script")[1]
    client.patch("/api/v1/municipalities/spilamberto", {"version": 1, "population": 13_000},
                 content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}")  # fmt: skip
    response = member_client.post(EDIT, tab | {"population": "12800", "mayor": "Anna"})
    assert response.status_code == 409
    assert [(c["theirs"], c["mine"]) for c in response.context["conflicts"]] == [(13_000, 12_800)]
    assert (response.context["version"], response.context["form"]["mayor"].value()) == (2, "Anna")
    town.refresh_from_db()
    assert (town.population, town.mayor, town.version) == (13_000, "", 2)
    assert list(town.needs.values_list("text", flat=True)) == ["Young people leave the town"]


def test_a_need_removed_in_another_tab_is_reported_and_its_text_offered_again(
    member_client, town, need
):
    tab_a, tab_b = loaded_page(member_client), loaded_page(member_client)
    member_client.post(EDIT, tab_a | {"needs-0-DELETE": "on"})
    response = member_client.post(EDIT, tab_b | {"needs-0-text": "Young people leave, sadly"})
    assert response.status_code == 409
    assert "removed by someone else" in response.content.decode()
    offered = [f.initial.get("text") for f in response.context["needs"].forms]
    assert "Young people leave, sadly" in offered
    assert not Need.objects.filter(municipality=town).exists()
    assert Municipality.objects.get(pk=town.pk).capacities == ""


def test_coordinates_out_of_range_are_refused_next_to_the_field(member_client, town, need):
    response = member_client.post(EDIT, loaded_page(member_client) | {"latitude": "999"})
    assert response.status_code == 200
    assert response.context["form"].errors["latitude"]
    assert Municipality.objects.get(pk=town.pk).latitude is None


def test_two_tabs_changing_one_need_text_differently_show_both_and_save_nothing(
    member_client, town, need
):
    tab_a, tab_b = loaded_page(member_client), loaded_page(member_client)
    member_client.post(EDIT, tab_a | {"needs-0-text": "Young people leave for Bologna"})
    response = member_client.post(EDIT, tab_b | {"needs-0-text": "Young people leave, sadly",
                                                 "capacities": "A youth centre"})  # fmt: skip
    assert response.status_code == 409
    conflicts = [(c["label"], c["theirs"], c["mine"]) for c in response.context["conflicts"]]
    assert conflicts == [("Need 1: Need or challenge", "Young people leave for Bologna",
                          "Young people leave, sadly")]  # fmt: skip
    assert "Young people leave for Bologna" in response.content.decode()
    assert response.context["needs"].forms[0]["text"].value() == "Young people leave, sadly"
    assert response.context["form"]["capacities"].value() == "A youth centre"
    town.refresh_from_db()
    assert (town.capacities, town.version) == ("", 2)
    assert list(town.needs.values_list("text", flat=True)) == ["Young people leave for Bologna"]
    again = member_client.post(EDIT, tab_b | {"needs-0-text": "Young people leave, sadly",
                                              "capacities": "A youth centre",
                                              "version": response.context["version"],
                                              "base": response.context["base"]})  # fmt: skip
    town.refresh_from_db()
    assert (again.status_code, town.capacities) == (302, "A youth centre")
    assert list(town.needs.values_list("text", flat=True)) == ["Young people leave, sadly"]


def test_removing_a_need_another_tab_changed_is_refused_and_the_need_kept(
    member_client, town, need
):
    tab_a, tab_b = loaded_page(member_client), loaded_page(member_client)
    member_client.post(EDIT, tab_a | {"needs-0-text": "Young people leave for Bologna"})
    response = member_client.post(EDIT, tab_b | {"needs-0-DELETE": "on"})
    assert response.status_code == 409
    conflicts = [(c["label"], c["theirs"], c["mine"]) for c in response.context["conflicts"]]
    assert conflicts == [("Need 1: Need or challenge", "Young people leave for Bologna",
                          "deleted")]  # fmt: skip
    assert list(town.needs.values_list("text", flat=True)) == ["Young people leave for Bologna"]
    again = member_client.post(EDIT, tab_b | {"needs-0-DELETE": "on",
                                              "version": response.context["version"],
                                              "base": response.context["base"]})  # fmt: skip
    assert (again.status_code, town.needs.count()) == (302, 0)


def test_a_refused_page_keeps_the_other_tabs_change_to_a_need_field_left_alone(
    member_client, town, need
):
    tab_a, tab_b = loaded_page(member_client), loaded_page(member_client)
    member_client.post(EDIT, tab_a | {"needs-0-text": "Young people leave", "needs-0-rank": "2"})
    response = member_client.post(EDIT, tab_b | {"needs-0-text": "Young people stay"})
    assert response.status_code == 409
    assert response.context["needs"].forms[0]["rank"].value() == "2"
    refused = {key: value for key, value in tab_b.items() if key not in ("version", "base")}
    again = member_client.post(EDIT, refused | {"needs-0-text": "Young people stay",
                                                "needs-0-rank": "2",
                                                "version": response.context["version"],
                                                "base": response.context["base"]})  # fmt: skip
    assert again.status_code == 302
    assert list(town.needs.values_list("rank", "text")) == [(2, "Young people stay")]


def test_need_text_from_one_tab_and_rank_and_themes_from_the_other_are_both_kept(
    member_client, town, need
):
    themes = list(Theme.objects.order_by("slug").values_list("slug", flat=True)[:2])
    tab_a, tab_b = loaded_page(member_client), loaded_page(member_client)
    first = member_client.post(EDIT, tab_a | {"needs-0-text": "Young people leave for Bologna"})
    second = member_client.post(EDIT, tab_b | {"needs-0-rank": "3", "needs-0-themes": themes})
    assert (first.status_code, second.status_code) == (302, 302)
    saved = Need.objects.get(pk=need.pk)
    assert (saved.rank, saved.text) == (3, "Young people leave for Bologna")
    assert sorted(saved.themes.values_list("slug", flat=True)) == themes


def test_need_text_from_one_tab_and_a_profile_field_from_the_other_are_both_kept(
    member_client, town, need
):
    tab_a, tab_b = loaded_page(member_client), loaded_page(member_client)
    first = member_client.post(EDIT, tab_a | {"capacities": "A youth centre"})
    second = member_client.post(EDIT, tab_b | {"needs-0-text": "Young people leave, sadly"})
    assert (first.status_code, second.status_code) == (302, 302)
    town.refresh_from_db()
    assert town.capacities == "A youth centre"
    assert list(town.needs.values_list("text", flat=True)) == ["Young people leave, sadly"]


def test_a_need_added_in_one_tab_survives_the_other_tabs_stale_save(member_client, town, need):
    tab_a, tab_b = loaded_page(member_client), loaded_page(member_client)
    first = member_client.post(EDIT, tab_a | {"needs-1-rank": "2", "needs-1-text": "No bus"})
    second = member_client.post(EDIT, tab_b | {"capacities": "A youth centre"})
    assert (first.status_code, second.status_code) == (302, 302)
    assert list(town.needs.values_list("rank", "text")) == [
        (1, "Young people leave the town"), (2, "No bus")]  # fmt: skip
