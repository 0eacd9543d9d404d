import pytest
from playwright.sync_api import expect

from glocal.network.models import Signature

from .conftest import PASSWORD, screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

STATEMENT = "/statements/direct-funding-for-host-municipalities/"


def test_representative_cosigns_then_confirms_again_after_the_text_changes(page, phone_page, demo):
    sign_in(page, "officer@jbeil.glocal.demo", PASSWORD)
    page.goto(STATEMENT)
    signing = page.locator(".signing")
    expect(signing).to_contain_text("Jbeil")
    signing.get_by_role("button", name="Sign version 2").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("for Jbeil")
    page.get_by_role("button", name="Yes, sign for Jbeil").click()
    expect(page.locator(".messages")).to_contain_text("Jbeil (Byblos) signed version 2.")
    expect(page.locator("#signatories-heading + table")).to_contain_text("Jbeil")
    screenshot(page, "network-statement-signed-desktop")

    sign_in(phone_page, "officer@zahle.glocal.demo", PASSWORD)
    phone_page.goto(STATEMENT)
    phone_page.get_by_role("link", name="Edit the text").click()
    phone_page.get_by_label("Text of the statement").fill(
        "<p>We ask for direct, multi-year funding lines open to every host municipality.</p>"
    )
    phone_page.get_by_label("What changed").fill("Shorter and clearer")
    screenshot(phone_page, "network-statement-edit-phone")
    phone_page.get_by_role("button", name="Save").click()
    expect(phone_page.locator(".messages")).to_contain_text("Version 3 is saved")

    page.reload()
    expect(page.locator(".warning-text")).to_contain_text("You signed version 2")
    screenshot(page, "network-statement-reconfirm-desktop")
    page.locator(".signing").get_by_role("button", name="Confirm version 3").click()
    page.get_by_role("button", name="Yes, sign for Jbeil").click()
    expect(page.locator(".messages")).to_contain_text("Jbeil (Byblos) signed version 3.")
    expect(page.locator(".warning-text")).to_have_count(0)
    signature = Signature.objects.select_related("version").get(municipality__slug="jbeil")
    assert (signature.version.number, signature.withdrawn_at) == (3, None)

    phone_page.context.add_cookies(page.context.cookies())
    phone_page.goto(STATEMENT)
    screenshot(phone_page, "network-statement-phone")
    phone_page.goto("/groups/education-and-social-cohesion/")
    screenshot(phone_page, "network-group-phone")
    page.goto("/community/")
    screenshot(page, "network-community-desktop")
    page.goto("/exchange/")
    screenshot(page, "network-exchange-desktop")
    page.goto("/updates/")
    screenshot(page, "network-updates-desktop")
