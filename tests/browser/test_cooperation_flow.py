import pytest
from playwright.sync_api import expect

from glocal.cooperation.models import Match

from .conftest import PASSWORD, screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_representative_posts_a_need_sees_a_suggested_offer_and_accepts_it(page, phone_page, demo):
    sign_in(page, "officer@batroun.glocal.demo", PASSWORD)
    page.goto("/solidarity/")
    screenshot(page, "solidarity-board-desktop")
    page.get_by_role("link", name="Post a need").click()
    page.get_by_label("Category").select_option("equipment")
    page.get_by_label("Title").fill("Generators for the municipal clinic")
    page.get_by_label("Description").fill(
        "The clinic loses power every evening; we need a diesel generator for the fridges."
    )
    page.get_by_label("Quantity").fill("1 generator")
    page.get_by_label("Urgency").select_option(label="Urgent")
    page.get_by_role("button", name="Post", exact=True).click()

    expect(page.get_by_role("heading", name="Suggested offers")).to_be_visible()
    card = page.locator("#matches .card", has_text="Two mobile generators on loan")
    expect(card).to_contain_text("Why: Same kind of help: Equipment")
    expect(card).to_contain_text("Jbeil (Byblos) is about 15 km away")
    screenshot(page, "solidarity-need-desktop")

    card.get_by_role("button", name="Accept this offer").click()
    expect(page.locator(".messages")).to_contain_text("The match is now accepted.")
    match = Match.objects.get(need__title="Generators for the municipal clinic",
                              offer__title="Two mobile generators on loan")  # fmt: skip
    assert match.state == Match.State.ACCEPTED
    expect(page.locator("#matches .card", has_text="Two mobile generators")).to_contain_text(
        "Accepted"
    )

    phone_page.context.add_cookies(page.context.cookies())
    phone_page.goto(match.need.get_absolute_url())
    screenshot(phone_page, "solidarity-need-phone")
    phone_page.goto("/solidarity/")
    screenshot(phone_page, "solidarity-board-phone")


def test_lead_town_sees_its_collaboration_plan_funding_and_partner_suggestions(
    page, phone_page, demo
):
    sign_in(page, "mayor@spilamberto.glocal.demo", PASSWORD)
    page.goto("/collaborations/")
    page.get_by_role("link", name="Youth Bridges: Spilamberto and Batroun").click()
    expect(page.get_by_role("heading", name="Shared plan")).to_be_visible()
    expect(page.locator("#funding ~ ul .card").first).to_contain_text("Erasmus+ Youth Exchanges")
    expect(page.get_by_role("heading", name="Towns with the same need")).to_be_visible()
    screenshot(page, "collaboration-desktop")
    phone_page.context.add_cookies(page.context.cookies())
    phone_page.goto(page.url)
    screenshot(phone_page, "collaboration-phone")
    page.goto("/experts/nour-khalil/")
    expect(page.get_by_role("link", name="expert@glocal.demo")).to_be_visible()
    screenshot(page, "expert-desktop")
    phone_page.goto("/consultations/")
    screenshot(phone_page, "consultations-phone")
