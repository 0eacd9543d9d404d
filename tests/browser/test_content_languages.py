"""Done-when for multilingual content: an Arabic practice inside a French page, then translated."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from glocal.members.models import Membership, Municipality, User
from glocal.practices.models import Practice, Status
from glocal.reference.loading import load_reference_data
from glocal.reference.models import Country, Sdg, Theme

from .conftest import DESKTOP, PASSWORD, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

ARABIC_TITLE = "حدائق يعتني بها السكان"
FRENCH_TITLE = "Des jardins entretenus par les habitants"


@pytest.fixture
def arabic_practice(transactional_db):
    load_reference_data(Country, Sdg, Theme)
    lebanon = Country.objects.get(iso="LB")
    town = Municipality.objects.create(name="Zahlé", slug="zahle", country=lebanon,
                                       population=78_145)  # fmt: skip
    author = User.objects.create_user("officer@zahle.test", PASSWORD, full_name="Officer")
    Membership.objects.create(user=author, municipality=town, position="Officer")
    return Practice.objects.create(
        title=ARABIC_TITLE, slug="zahle-gardens", summary="يعتني السكان بالحدائق والمكتبات.",
        approach="نعمل معا في كل حي.", language="ar", municipality=town, country=lebanon,
        status=Status.PUBLISHED, published_at=timezone.now(), created_by=author,
    )  # fmt: skip


@pytest.fixture
def french_page(browser, live_server):
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def direction_of(locator) -> str:
    return locator.evaluate("element => getComputedStyle(element).direction")


def test_arabic_practice_in_a_french_page_then_read_in_its_french_translation(
    french_page, browser, live_server, arabic_practice
):
    page = french_page
    page.goto("/practices/zahle-gardens/")
    assert page.locator("html").get_attribute("lang") == "fr"
    title = page.get_by_role("heading", level=1)
    expect(title).to_have_text(ARABIC_TITLE)
    assert (title.get_attribute("lang"), title.get_attribute("dir")) == ("ar", "rtl")
    assert (direction_of(title), direction_of(page.locator("body"))) == ("rtl", "ltr")
    screenshot(page, "content-arabic-in-french-page")

    page.goto("/accounts/login/")
    page.fill("input[name=login]", "officer@zahle.test")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**/")
    page.goto("/practices/zahle-gardens/")
    page.locator('a[href="/practices/zahle-gardens/translations/"]').click()
    expect(page.locator("#id_language")).to_have_value("fr")
    page.locator("#id_title").fill(FRENCH_TITLE)
    page.locator("#id_summary").fill("Les habitants entretiennent les jardins.")
    page.locator("button[value=save]").click()
    expect(page.locator("#id_title")).to_have_value(FRENCH_TITLE)
    screenshot(page, "content-translation-form")

    reader = browser.new_context(viewport=DESKTOP, base_url=live_server.url, locale="fr-FR")
    visitor = reader.new_page()
    visitor.goto("/practices/zahle-gardens/")
    title = visitor.get_by_role("heading", level=1)
    expect(title).to_have_text(FRENCH_TITLE)
    assert (title.get_attribute("lang"), direction_of(title)) == ("fr", "ltr")
    notice = visitor.locator(".translation-notice")
    assert notice.get_attribute("data-translated-from") == "ar"
    expect(visitor.locator(".prose div[lang=ar]")).to_have_text("نعمل معا في كل حي.")
    screenshot(visitor, "content-french-translation")
    notice.get_by_role("link").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(ARABIC_TITLE)
    assert direction_of(visitor.get_by_role("heading", level=1)) == "rtl"
    reader.close()
