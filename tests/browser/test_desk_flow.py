import re

import pytest
from playwright.sync_api import expect

from glocal.notifications.models import Notification, Preference

from .conftest import PASSWORD, screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_secretariat_works_from_its_desk_and_menu_on_a_desktop(page, demo):
    sign_in(page, "secretariat@glocal.demo", PASSWORD)
    desk = page.locator(".desk-items")
    expect(desk).to_contain_text("Review it: publish, or ask the town for changes")
    expect(desk).to_contain_text("Approve or decline 1 registration")
    expect(desk.locator(".desk-item.urgent").first).to_contain_text("Look at a reported message")
    screenshot(page, "desk-secretariat-desktop")
    menu = page.locator(".submenu summary")
    menu.focus()
    page.keyboard.press("Enter")
    queues = page.locator(".submenu ul")
    expect(queues.get_by_role("link", name="Reported posts")).to_be_visible()
    screenshot(page, "desk-secretariat-menu-desktop")
    queues.get_by_role("link", name="Reported posts").click()
    expect(page.locator("h1")).to_contain_text("Reported")
    page.goto("/")
    desk.get_by_role("link", name="Approve or decline 1 registration").click()
    expect(page).to_have_url(re.compile(r"/events/peer-visit-volunteer-registers/participants/"))
    expect(page.locator("main")).to_contain_text("Kamenica")


def test_a_representative_reads_notifications_and_turns_one_kind_off_on_a_phone(phone_page, demo):
    page = phone_page
    sign_in(page, "mayor@spilamberto.glocal.demo", PASSWORD)
    expect(page.locator(".desk-items")).to_contain_text("You are number 1 on the waiting list")
    expect(page.locator(".desk-items")).to_contain_text("The text changed: confirm")
    screenshot(page, "desk-representative-phone")
    badge = page.locator(".notifications-link .count")
    expect(badge).to_have_attribute("data-count", "2")
    page.locator(".notifications-link").click()
    expect(page.locator("h1")).to_have_text("Notifications")
    screenshot(page, "notifications-representative-phone")
    page.get_by_role("button", name="new You are on the waiting list").click()
    expect(page).to_have_url(re.compile(r"/events/peer-visit-volunteer-registers/$"))
    assert Notification.objects.filter(user__email="mayor@spilamberto.glocal.demo",
                                       read_at__isnull=True).count() == 1  # fmt: skip
    page.goto("/notifications/preferences/")
    page.locator("#field-mention").get_by_label("Only here, no e-mail").check()
    screenshot(page, "notifications-preferences-phone")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("Your e-mail choices are saved.")
    chosen = Preference.objects.filter(user__email="mayor@spilamberto.glocal.demo")
    assert {p.kind: p.delivery for p in chosen if p.delivery != "immediately"} == {
        "mention": "never"
    }


def test_a_reviewer_finds_my_reviews_from_the_menu_on_a_phone(phone_page, demo):
    page = phone_page
    sign_in(page, "reviewer@glocal.demo", PASSWORD)
    page.get_by_role("button", name="Menu").click()
    page.get_by_role("link", name="My reviews").click()
    items = page.locator(".desk-items")
    expect(items).to_contain_text("Score it, or declare a conflict of interest")
    screenshot(page, "desk-reviewer-reviews-phone")
    items.get_by_role("link").first.click()
    expect(page.locator("main")).to_contain_text("Spilamberto")
