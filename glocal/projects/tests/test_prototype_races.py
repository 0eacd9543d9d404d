"""Two secretariat colleagues (or two tabs) on one prototype: nobody's change is lost silently."""

import pytest
from django.test import Client

from glocal.audit.models import AuditEntry
from glocal.lib.tests.edit_pages import ONLY_POSTGRESQL, browser_data, race
from glocal.members.models import User
from glocal.projects.models import PrototypeVariant
from glocal.reference.models import Theme
from glocal.reference.tests.rows import reference_rows

pytestmark = pytest.mark.django_db


def edit_url(prototype) -> str:
    return f"/prototypes/{prototype.slug}/edit/"


def page(client: Client, prototype) -> dict:
    response = client.get(edit_url(prototype))
    assert response.status_code == 200
    return browser_data(response, "prototype-form")


@pytest.fixture
def colleague(db) -> Client:
    client = Client()
    client.force_login(User.objects.create_user("staff2@network.test", "pw", is_staff=True))
    return client


@pytest.fixture
def villages(prototype) -> PrototypeVariant:
    return PrototypeVariant.objects.create(prototype=prototype, name="Villages", size="small",
                                           description="One afternoon a week.")  # fmt: skip


def variants_of(prototype) -> list[tuple]:
    return list(prototype.variants.order_by("name").values_list("name", "description"))


def test_two_colleagues_changing_different_fields_keep_both_and_count_two_versions(
    secretariat_client, colleague, prototype
):
    mine, theirs = page(secretariat_client, prototype), page(colleague, prototype)
    assert colleague.post(edit_url(prototype), theirs | {"summary": "Theirs."}).status_code == 302
    response = secretariat_client.post(edit_url(prototype), mine | {"typical_staff": "Two"})
    assert response.status_code == 302
    prototype.refresh_from_db()
    assert (prototype.summary, prototype.typical_staff, prototype.version) == (
        "Theirs.", "Two", 3)  # fmt: skip
    entries = AuditEntry.objects.filter(action="prototype.saved").order_by("pk")
    assert [(entry.actor.email, entry.changes) for entry in entries] == [
        ("staff2@network.test",
         {"summary": ["Small-budget civic projects run with residents.", "Theirs."]}),
        ("staff@network.test", {"typical_staff": ["One coordinator", "Two"]}),
    ]  # fmt: skip


def test_a_stale_save_of_a_field_changed_meanwhile_shows_both_keeps_mine_and_saves_nothing(
    secretariat_client, colleague, prototype
):
    mine, theirs = page(secretariat_client, prototype), page(colleague, prototype)
    colleague.post(edit_url(prototype), theirs | {"summary": "Theirs.", "typical_cost": "€1,000"})
    response = secretariat_client.post(
        edit_url(prototype), mine | {"summary": "Mine.", "typical_staff": "Two"}
    )
    assert response.status_code == 409
    rows = [(c["label"], c["theirs"], c["mine"]) for c in response.context["conflicts"]]
    assert rows == [("Summary", "Theirs.", "Mine.")]
    assert "Not saved: someone saved this prototype after you opened it" in response.text
    again = browser_data(response, "prototype-form")
    assert (again["summary"], again["typical_staff"], again["typical_cost"]) == (
        "Mine.", "Two", "€1,000")  # fmt: skip
    prototype.refresh_from_db()
    assert (prototype.summary, prototype.typical_staff, prototype.typical_cost,
            prototype.version) == ("Theirs.", "One coordinator", "€1,000", 2)  # fmt: skip
    assert AuditEntry.objects.filter(action="prototype.saved").count() == 1
    assert secretariat_client.post(edit_url(prototype), again).status_code == 302
    prototype.refresh_from_db()
    assert (prototype.summary, prototype.typical_staff, prototype.typical_cost) == (
        "Mine.", "Two", "€1,000")  # fmt: skip


def test_a_stale_save_of_themes_changed_meanwhile_names_them_on_both_sides(
    secretariat_client, colleague, prototype
):
    first, second = Theme.objects.order_by("pk")[:2]
    mine, theirs = page(secretariat_client, prototype), page(colleague, prototype)
    colleague.post(edit_url(prototype), theirs | {"themes": [str(first.pk)]})
    response = secretariat_client.post(edit_url(prototype), mine | {"themes": [str(second.pk)]})
    assert response.status_code == 409
    rows = [(c["label"], c["theirs"], c["mine"]) for c in response.context["conflicts"]]
    assert rows == [("Themes", str(first), str(second))]
    assert list(prototype.themes.all()) == [first]


def test_a_stale_save_that_leaves_the_variants_keeps_the_ones_saved_meanwhile(
    secretariat_client, colleague, prototype, villages
):
    mine, theirs = page(secretariat_client, prototype), page(colleague, prototype)
    theirs |= {"variants-0-description": "Two evenings a week.", "variants-1-name": "Cities",
               "variants-1-description": "Every day."}  # fmt: skip
    assert colleague.post(edit_url(prototype), theirs).status_code == 302
    response = secretariat_client.post(edit_url(prototype), mine | {"title": "Open Libraries"})
    assert response.status_code == 302
    prototype.refresh_from_db()
    assert (prototype.title, prototype.version) == ("Open Libraries", 3)
    assert variants_of(prototype) == [("Cities", "Every day."),
                                      ("Villages", "Two evenings a week.")]  # fmt: skip


def test_a_stale_save_changing_variants_changed_meanwhile_is_refused_and_keeps_what_was_typed(
    secretariat_client, colleague, prototype, villages
):
    mine, theirs = page(secretariat_client, prototype), page(colleague, prototype)
    theirs |= {"variants-0-description": "Two evenings a week.", "variants-1-name": "Cities",
               "variants-1-description": "Every day."}  # fmt: skip
    colleague.post(edit_url(prototype), theirs)
    mine |= {"title": "Open Libraries", "variants-0-name": "Small villages",
             "variants-1-name": "Islands", "variants-1-description": "By boat."}  # fmt: skip
    response = secretariat_client.post(edit_url(prototype), mine)
    assert response.status_code == 409
    assert "someone changed the variants after you opened this page" in response.text
    assert [(v.name, v.description) for v in response.context["saved_variants"]] == [
        ("Cities", "Every day."), ("Villages", "Two evenings a week.")]  # fmt: skip
    again = browser_data(response, "prototype-form")
    assert again["title"] == "Open Libraries"
    typed = [(again[f"variants-{n}-name"], again[f"variants-{n}-description"]) for n in range(3)]
    assert sorted(typed) == [("Cities", "Every day."), ("Islands", "By boat."),
                             ("Small villages", "Two evenings a week.")]  # fmt: skip
    prototype.refresh_from_db()
    assert (prototype.title, prototype.version) == ("Activating Local Engagement", 2)
    assert variants_of(prototype) == [("Cities", "Every day."),
                                      ("Villages", "Two evenings a week.")]  # fmt: skip
    assert secretariat_client.post(edit_url(prototype), again).status_code == 302
    assert variants_of(prototype) == [("Cities", "Every day."), ("Islands", "By boat."),
                                      ("Small villages", "Two evenings a week.")]  # fmt: skip


def test_a_variant_removed_meanwhile_but_edited_here_stays_in_the_form_as_a_new_one(
    secretariat_client, colleague, prototype, villages
):
    mine, theirs = page(secretariat_client, prototype), page(colleague, prototype)
    colleague.post(edit_url(prototype), theirs | {"variants-0-DELETE": "on"})
    response = secretariat_client.post(
        edit_url(prototype), mine | {"variants-0-description": "Two afternoons."}
    )
    assert response.status_code == 409
    assert list(response.context["saved_variants"]) == []
    again = browser_data(response, "prototype-form")
    assert (again["variants-INITIAL_FORMS"], again["variants-0-id"],
            again["variants-0-description"]) == ("0", "", "Two afternoons.")  # fmt: skip
    assert PrototypeVariant.objects.count() == 0
    assert secretariat_client.post(edit_url(prototype), again).status_code == 302
    assert variants_of(prototype) == [("Villages", "Two afternoons.")]


def test_an_incomplete_variant_is_refused_and_nothing_is_saved(secretariat_client, prototype):
    data = page(secretariat_client, prototype) | {"title": "Open Libraries",
                                                  "variants-0-name": "Islands"}  # fmt: skip
    response = secretariat_client.post(edit_url(prototype), data)
    assert response.status_code == 400
    assert "Some variants are not complete" in response.text
    prototype.refresh_from_db()
    assert (prototype.title, prototype.version, prototype.variants.count()) == (
        "Activating Local Engagement", 1, 0)  # fmt: skip


def test_another_towns_representative_cannot_edit_a_prototype(
    other_member, secretariat_client, prototype
):
    data = page(secretariat_client, prototype) | {"title": "Taken over"}
    representative = Client()
    representative.force_login(other_member)
    assert representative.get(edit_url(prototype)).status_code == 403
    assert representative.post(edit_url(prototype), data).status_code == 403
    prototype.refresh_from_db()
    assert (prototype.title, prototype.version) == ("Activating Local Engagement", 1)
    assert not AuditEntry.objects.filter(action="prototype.saved").exists()


def admin_url(prototype) -> str:
    return f"/admin/projects/prototype/{prototype.pk}/change/"


def test_a_stale_admin_page_of_a_prototype_is_refused_with_both_values(
    secretariat_client, colleague, prototype
):
    mine, theirs = admin_page(secretariat_client, prototype), admin_page(colleague, prototype)
    assert colleague.post(admin_url(prototype), theirs | {"summary": "Theirs."}).status_code == 302
    response = secretariat_client.post(admin_url(prototype), mine | {"summary": "Mine."})
    errors = [str(e) for e in response.context["adminform"].form.non_field_errors()]
    assert errors[1:] == ["Summary — saved meanwhile: Theirs.; yours: Mine."]
    prototype.refresh_from_db()
    assert (prototype.summary, prototype.version) == ("Theirs.", 2)


def admin_page(client: Client, prototype) -> dict:
    return browser_data(client.get(admin_url(prototype)), "prototype_form")


def test_a_stale_admin_page_that_leaves_the_variants_keeps_the_ones_saved_meanwhile(
    secretariat_client, colleague, prototype, villages
):
    mine, theirs = admin_page(secretariat_client, prototype), admin_page(colleague, prototype)
    theirs |= {"variants-0-description": "Two evenings a week."}
    assert colleague.post(admin_url(prototype), theirs).status_code == 302
    response = secretariat_client.post(admin_url(prototype), mine | {"summary": "Mine."})
    assert response.status_code == 302
    prototype.refresh_from_db()
    assert (prototype.summary, prototype.version) == ("Mine.", 3)
    assert variants_of(prototype) == [("Villages", "Two evenings a week.")]


def test_a_stale_admin_page_changing_one_variant_field_both_changed_is_refused(
    secretariat_client, colleague, prototype, villages
):
    mine, theirs = admin_page(secretariat_client, prototype), admin_page(colleague, prototype)
    colleague.post(admin_url(prototype), theirs | {"variants-0-description": "Two evenings."})
    response = secretariat_client.post(admin_url(prototype), mine | {
        "summary": "Mine.", "variants-0-description": "Three mornings."})  # fmt: skip
    assert response.status_code == 200
    [formset] = response.context["inline_admin_formsets"]
    assert [str(e) for e in formset.formset.non_form_errors()] == [
        "Not saved: someone changed the same rows of “Prototype variants” after you opened "
        "this page. Your values are still in the form; save again to keep them.",
        "Villages: What changes — saved meanwhile: Two evenings.; yours: Three mornings.",
    ]
    prototype.refresh_from_db()
    assert (prototype.summary, prototype.version) == ("Small-budget civic projects run with "
                                                      "residents.", 2)  # fmt: skip
    assert variants_of(prototype) == [("Villages", "Two evenings.")]


def test_a_stale_admin_page_and_a_colleague_changing_other_fields_of_one_variant_keep_both(
    secretariat_client, colleague, prototype, villages
):
    mine, theirs = admin_page(secretariat_client, prototype), admin_page(colleague, prototype)
    colleague.post(admin_url(prototype), theirs | {"variants-0-description": "Two evenings."})
    response = secretariat_client.post(
        admin_url(prototype), mine | {"summary": "Mine.", "variants-0-name": "Small villages"}
    )
    assert response.status_code == 302
    prototype.refresh_from_db()
    assert prototype.summary == "Mine."
    assert variants_of(prototype) == [("Small villages", "Two evenings.")]


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures(reference_rows.__name__)
@pytest.mark.skipif(**ONLY_POSTGRESQL)
def test_two_colleagues_saving_one_field_at_once_leave_one_change_and_one_conflict(
    secretariat, colleague, prototype
):
    client = Client()
    client.force_login(secretariat)
    mine, theirs = page(client, prototype), page(colleague, prototype)
    answers = race(
        lambda: client.post(edit_url(prototype), mine | {"summary": "Mine."}),
        lambda: colleague.post(edit_url(prototype), theirs | {"summary": "Theirs."}),
    )
    prototype.refresh_from_db()
    assert sorted(a.status_code for a in answers) == [302, 409]
    winner = "Mine." if answers[0].status_code == 302 else "Theirs."
    assert (prototype.summary, prototype.version) == (winner, 2)
