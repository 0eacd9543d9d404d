"""One person, two tabs (or phone and laptop) on their own profile: no change lost silently."""

import pytest

from glocal.audit.models import AuditEntry
from glocal.lib.tests.edit_pages import browser_data, page_data
from glocal.members.models import User

pytestmark = pytest.mark.django_db
PROFILE = "/profile/"


def saved(member) -> tuple:
    row = User.objects.get(pk=member.pk)
    return row.full_name, row.language, row.time_zone, row.profile_version


def test_two_tabs_changing_different_fields_keep_both_changes(laptop, phone, member):
    tab_a, tab_b = page_data(laptop.get(PROFILE)), page_data(phone.get(PROFILE))
    first = laptop.post(PROFILE, tab_a | {"full_name": "Anna Bianchi"})
    second = phone.post(PROFILE, tab_b | {"time_zone": "Europe/Rome"})
    assert (first.status_code, second.status_code) == (302, 302)
    assert saved(member) == ("Anna Bianchi", "", "Europe/Rome", 3)
    edits = AuditEntry.objects.filter(action="user.profile_edited").order_by("pk")
    assert [(entry.actor_id, entry.object_id, entry.changes) for entry in edits] == [
        (member.pk, member.pk, {"full_name": ["Mayor", "Anna Bianchi"]}),
        (member.pk, member.pk, {"time_zone": ["", "Europe/Rome"]}),
    ]


def test_two_tabs_changing_one_field_differently_show_both_keep_mine_and_save_nothing(
    laptop, phone, member
):
    tab_a, tab_b = page_data(laptop.get(PROFILE)), page_data(phone.get(PROFILE))
    laptop.post(PROFILE, tab_a | {"full_name": "Anna B.", "time_zone": "Europe/Rome"})
    response = phone.post(PROFILE, tab_b | {"full_name": "Anna Bianchi", "language": "it"})
    assert response.status_code == 409
    rows = [(c["label"], c["theirs"], c["mine"]) for c in response.context["conflicts"]]
    assert rows == [("Full name", "Anna B.", "Anna Bianchi")]
    page = response.content.decode()
    assert "Anna B." in page
    assert 'value="Anna Bianchi"' in page
    form = response.context["form"]
    assert (form["full_name"].value(), form["language"].value()) == ("Anna Bianchi", "it")
    assert form["time_zone"].value() == "Europe/Rome"  # the other tab's choice, laid in
    assert saved(member) == ("Anna B.", "", "Europe/Rome", 2)
    assert AuditEntry.objects.filter(action="user.profile_edited").count() == 1
    again = phone.post(PROFILE, page_data(response))
    assert again.status_code == 302
    assert saved(member) == ("Anna Bianchi", "it", "Europe/Rome", 3)


def test_a_language_chosen_in_the_switcher_meanwhile_is_kept_by_a_stale_profile_save(
    laptop, phone, member
):
    tab = page_data(laptop.get(PROFILE))
    phone.post("/language/", {"language": "fr", "next": "/"})
    response = laptop.post(PROFILE, tab | {"full_name": "Anna Bianchi"})
    assert response.status_code == 302
    assert saved(member) == ("Anna Bianchi", "fr", "", 3)


def test_a_stale_save_with_a_forged_base_is_refused_and_changes_nothing(laptop, phone, member):
    stale = page_data(laptop.get(PROFILE)) | {"base": "forged"}
    phone.post(PROFILE, page_data(phone.get(PROFILE)) | {"time_zone": "Europe/Rome"})
    response = laptop.post(PROFILE, stale | {"full_name": "Anna Bianchi"})
    assert response.status_code == 409
    rows = [(c["label"], c["theirs"], c["mine"]) for c in response.context["conflicts"]]
    assert rows == [("Full name", "Mayor", "Anna Bianchi"),
                    ("Time zone", "Europe/Rome", "The network's time zone")]  # fmt: skip
    assert saved(member) == ("Mayor", "", "Europe/Rome", 2)


def test_a_name_the_secretariat_corrected_in_the_admin_survives_an_older_profile_tab(
    laptop, member, secretariat_client
):
    tab = page_data(laptop.get(PROFILE))
    admin = f"/admin/members/user/{member.pk}/change/"
    corrected = browser_data(secretariat_client.get(admin), "user_form") | {
        "full_name": "Mayor Rossi"
    }
    assert secretariat_client.post(admin, corrected).status_code == 302
    assert laptop.post(PROFILE, tab | {"time_zone": "Europe/Rome"}).status_code == 302
    assert saved(member)[:3] == ("Mayor Rossi", "", "Europe/Rome")
