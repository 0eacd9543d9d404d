import pytest
from playwright.sync_api import expect

from .conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_opens_the_map_and_filters_it(page, phone_page, demo):
    page.goto("/map/")
    expect(page.locator("svg#network-map")).to_be_visible()
    expect(page.locator("#map-places").get_by_role("link", name="Spilamberto")).to_be_visible()
    assert page.locator('svg#network-map a[href="/municipalities/spilamberto/"]').count() == 1
    screenshot(page, "map-desktop")
    page.locator("#filters fieldset", has_text="Region").get_by_label("Middle East").check()
    page.wait_for_url("**region=mena**")
    expect(page.locator("#map-places").get_by_role("link", name="Spilamberto")).to_have_count(0)
    expect(page.locator("#map-places").get_by_role("link", name="Al-Koura")).to_be_visible()
    expect(page.locator("svg#network-map")).to_be_visible()
    phone_page.goto("/map/")
    expect(phone_page.locator("svg#network-map")).to_be_visible()
    screenshot(phone_page, "map-phone")


def test_visitor_opens_the_sdg_report_and_filters_it(page, demo):
    page.goto("/reports/sdg/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text("Quality education").first).to_be_visible()
    screenshot(page, "sdg-report-desktop")
    page.goto("/reports/sdg/?region=mena")
    expect(page.get_by_text("Quality education").first).to_be_visible()
    page.goto("/reports/sdg/print/")
    expect(page.get_by_role("button", name="Print or save as PDF")).to_be_visible()
