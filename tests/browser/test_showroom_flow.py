import re

import pytest
from playwright.sync_api import expect

from glocal.practices.models import Practice, Status

from .conftest import PASSWORD, screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_searches_filters_and_opens_a_practice(page, phone_page, demo):
    page.goto("/practices/")
    page.get_by_label("Search practices").fill("language")
    expect(page.locator("#showroom .card h3").first).to_have_text(
        "Learning Each Other's Language in Kamenica"
    )
    page.wait_for_url("**q=language**")
    page.get_by_label("Search practices").fill("")
    page.locator("#showroom fieldset", has_text="Region").get_by_label("Balkans").check()
    page.wait_for_url("**region=balkans**")
    expect(page.locator("#showroom .card h3").first).to_be_visible()
    cards = page.locator("#showroom .card h3")
    assert cards.count() >= 2
    screenshot(page, "showroom-desktop")
    cards.get_by_text("Learning Each Other").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Language")
    screenshot(page, "practice-desktop")
    phone_page.goto(page.url)
    screenshot(phone_page, "practice-phone")
    phone_page.goto("/practices/?region=balkans")
    screenshot(phone_page, "showroom-phone")


def test_representative_writes_a_draft_comes_back_and_submits(page, demo):
    sign_in(page, "mayor@spilamberto.glocal.demo", PASSWORD)
    page.goto("/practices/submit/")
    page.get_by_label("Title").fill("Repair Café in the Town Library")
    page.get_by_label("Summary").fill("Volunteers fix household items with residents.")
    expect(page.locator("#autosave-status")).to_contain_text("Draft saved at", timeout=10_000)
    draft = Practice.objects.get(title="Repair Café in the Town Library")
    assert draft.status == Status.DRAFT
    page.goto("/")
    page.goto(f"/practices/submit/?draft={draft.slug}")
    expect(page.get_by_label("Title")).to_have_value("Repair Café in the Town Library")
    page.get_by_label("Start year").fill("2024")
    page.get_by_label("Civic engagement and volunteering").first.check()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messages")).to_contain_text("% is needed to submit it")
    draft.refresh_from_db()
    assert (draft.status, draft.start_year) == (Status.DRAFT, 2024)  # kept, not submitted
    page.get_by_label("Situation before").fill("Broken things were thrown away.")
    page.get_by_label("Objectives").fill("Repair instead of throwing away.")
    page.get_by_label("Approach and steps").fill("A room, tools and volunteers each month.")
    page.get_by_label("Results with figures").fill("Forty repairs a month.")
    screenshot(page, "submit-desktop")
    # Submit at once, while the autosave of the last field may still be on its way.
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Repair Café in the Town Library")
    expect(page.get_by_text("Submitted for review").first).to_be_visible()
    draft.refresh_from_db()
    assert (draft.status, draft.start_year) == (Status.SUBMITTED, 2024)


def test_on_a_phone_the_menu_opens_with_its_button_and_reaches_every_section(phone_page, demo):
    phone_page.goto("/")
    events = phone_page.get_by_role("navigation", name="Main").get_by_role("link", name="Events")
    expect(events).to_be_hidden()
    menu = phone_page.get_by_role("button", name="Menu")
    expect(menu).to_have_attribute("aria-expanded", "false")
    menu.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(events).to_be_visible()
    screenshot(phone_page, "menu-phone")
    events.click()
    expect(phone_page).to_have_url(re.compile(r"/events/$"))


def test_visitor_searches_in_serbian_and_arabic_and_finds_english_practices(page, demo):
    from glocal.practices.engine import embed_practices

    embed_practices()
    searches = [
        ("летњи камп за децу на острву током школског распуста", "Summer Urban Camp on Chios"),
        ("دورات لغة مجانية ليتعلم السكان الألبانية والصربية",
         "Learning Each Other's Language in Kamenica"),
    ]  # fmt: skip
    page.goto("/practices/")
    for query, title in searches:
        page.get_by_label("Search practices").fill(query)
        page.wait_for_url(re.compile(r".*q=.*"))
        cards = page.locator("#showroom .card h3")
        expect(cards.filter(has_text=title).first).to_be_visible()
        assert title in cards.all_inner_texts()[:3]
    screenshot(page, "showroom-search-arabic")
