import pytest
from django.utils import translation
from playwright.sync_api import expect

from glocal.members.models import User

from .conftest import PASSWORD, screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def words(language: str, msgid: str) -> str:
    with translation.override(language):
        return translation.gettext(msgid)


def test_visitor_switches_to_arabic_with_the_keyboard_and_gets_a_right_to_left_page(
    page, phone_page, demo
):
    page.goto("/practices/?region=balkans")
    switcher = page.locator("#language")
    switcher.focus()
    for _ in range(4):
        page.keyboard.press("ArrowDown")  # moving through the list changes nothing yet
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.url.endswith("/practices/?region=balkans")
    switcher.select_option("ar")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Change language")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url("**/practices/?region=balkans")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("#site-nav")).to_contain_text(words("ar", "Showroom"))
    expect(page.locator("#language option[value=fr]")).to_have_text("Français")
    expect(page.locator("#language option[value=fr]")).to_have_attribute("lang", "fr")
    brand, width = page.locator(".brand").bounding_box(), page.viewport_size["width"]
    assert brand["x"] > width / 2  # the header starts on the right
    screenshot(page, "showroom-ar-desktop")
    phone_page.context.add_cookies([{"name": "django_language", "value": "ar",
                                     "url": page.url}])  # fmt: skip
    phone_page.goto("/practices/")
    expect(phone_page.locator("html")).to_have_attribute("dir", "rtl")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone_page, "showroom-ar-phone")


def test_person_chooses_french_once_and_finds_it_on_the_next_sign_in(browser, live_server, demo):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    sign_in(page, "mayor@spilamberto.glocal.demo", PASSWORD)
    page.locator("#language").select_option("fr")
    page.get_by_role("button", name="Change language").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert User.objects.get(email="mayor@spilamberto.glocal.demo").language == "fr"
    context.close()
    elsewhere = browser.new_context(base_url=live_server.url)  # another computer, no cookie
    page = elsewhere.new_page()
    sign_in(page, "mayor@spilamberto.glocal.demo", PASSWORD)
    page.goto("/profile/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text(words("fr", "Your profile"))
    screenshot(page, "profile-fr")
    elsewhere.close()
