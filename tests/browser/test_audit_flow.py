import pytest
from playwright.sync_api import expect

from .conftest import PASSWORD, screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def network(transactional_db):
    from glocal.members.models import Membership, Municipality, User
    from glocal.reference.loading import load_reference_data
    from glocal.reference.models import Country, Sdg, Theme

    load_reference_data(Country, Sdg, Theme)
    town = Municipality.objects.create(name="Spilamberto", slug="spilamberto", population=12_700,
                                       country=Country.objects.get(iso="IT"))  # fmt: skip
    mayor = User.objects.create_user("mayor@spilamberto.test", PASSWORD, full_name="Mayor")
    Membership.objects.create(user=mayor, municipality=town)
    User.objects.create_user("ana@network.test", PASSWORD, full_name="Ana", is_staff=True)
    return town


def test_secretariat_edits_a_profile_then_finds_the_change_in_the_audit_log(page, network):
    sign_in(page, "ana@network.test", PASSWORD)
    page.goto("/municipalities/spilamberto/edit/")
    page.get_by_label("Languages", exact=False).first.fill("Italian, English")
    page.get_by_role("button", name="Save").first.click()
    page.wait_for_url("**/municipalities/spilamberto/")

    page.get_by_text("Secretariat", exact=True).click()
    page.get_by_role("link", name="Audit log").click()
    page.get_by_label("Person (name or e-mail)").fill("ana@network.test")
    page.get_by_role("button", name="Filter").click()
    row = page.locator("table.audit tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("edited the municipality's profile")
    expect(row).to_contain_text("Spilamberto")
    expect(row.locator("ins")).to_contain_text("Italian, English")
    screenshot(page, "audit-log-filtered-desktop")

    page.get_by_label("Person (name or e-mail)").fill("mayor@spilamberto.test")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("table.audit tbody")).to_contain_text("No entry matches.")

    page.goto("/municipalities/spilamberto/")
    page.get_by_role("link", name="History of changes").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("History of “Spilamberto”")
    expect(page.locator("table.audit tbody tr")).to_have_count(1)
