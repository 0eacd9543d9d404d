"""The main flows in Arabic (right-to-left) and French, by keyboard where it matters.

Controls are found by id or name, not by their (translated) labels, so the tests keep
passing when the catalogues land. Screenshots: test-artifacts/screenshots/flow-*.
"""

import pytest
from playwright.sync_api import expect

from glocal.events.models import Registration
from glocal.practices.models import Practice, Status

from .conftest import PHONE, open_in, screenshot, sign_in_by_id

pytestmark = pytest.mark.django_db(transaction=True)
LANGUAGES = ["ar", "fr"]
DIRECTION = {"ar": "rtl", "fr": "ltr"}


def active_id(page) -> str:
    return page.evaluate("document.activeElement ? document.activeElement.id : ''")


def tab_to(page, element_id: str, limit: int = 120) -> int:
    """Press Tab until ``element_id`` has focus; returns how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if active_id(page) == element_id:
            return presses
    raise AssertionError(f"#{element_id} is not reachable with Tab (last: #{active_id(page)})")


@pytest.mark.parametrize("language", LANGUAGES)
def test_visitor_ticks_a_showroom_facet_by_keyboard_and_keeps_focus(
    browser, live_server, demo, language
):
    page = open_in(browser, live_server, language)
    page.goto("/practices/")
    assert page.evaluate("document.documentElement.dir") == DIRECTION[language]
    page.locator("#q").focus()
    tab_to(page, "facet-region-balkans")
    page.keyboard.press("Space")
    page.wait_for_url("**region=balkans**")
    expect(page.locator("#facet-region-balkans")).to_be_checked()
    expect(page.locator("#live-status")).not_to_be_empty()
    count = page.locator("#showroom [data-announce]").inner_text()
    assert page.locator("#live-status").inner_text() == count
    assert active_id(page) == "facet-region-balkans"
    screenshot(page, f"flow-showroom-facet-{language}")
    following = page.evaluate(
        "() => { const boxes = [...document.querySelectorAll('input[type=checkbox]')];"
        " return boxes[boxes.findIndex(b => b.id === 'facet-region-balkans') + 1].id; }"
    )  # the next region in this language's alphabetical order
    page.keyboard.press("Tab")
    assert active_id(page) == following
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    page.wait_for_url(lambda url: "region=balkans" not in url)
    expect(page.locator("#facet-region-balkans")).not_to_be_checked()
    assert active_id(page) == "facet-region-balkans"
    page.context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_representative_submits_a_practice_after_fixing_the_errors(
    browser, live_server, demo, language
):
    page = open_in(browser, live_server, language)
    sign_in_by_id(page, "mayor@spilamberto.glocal.demo")
    page.goto("/practices/submit/")
    page.locator("#practice-form button[name=submit_for_review]").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary.locator("a[href='#id_title']")).to_be_visible()
    expect(page.locator("#id_title")).to_have_attribute("aria-invalid", "true")
    screenshot(page, f"flow-submit-errors-{language}")
    summary.locator("a[href='#id_title']").press("Enter")
    expect(page.locator("#id_title")).to_be_focused()
    page.keyboard.type("Café de la réparation – مقهى التصليح")
    page.locator("#id_summary").fill("Des bénévoles réparent des objets avec les habitants.")
    page.locator("#id_start_year").fill("2024")
    page.locator("input[name=themes]").first.check()
    # half of the descriptive fields, the least a practice needs to go to review
    page.locator("#id_situation_before").fill("Les objets cassés étaient jetés.")
    page.locator("#id_objectives").fill("Réparer au lieu de jeter.")
    page.locator("#id_approach").fill("Une salle, des outils et des bénévoles chaque mois.")
    page.locator("#id_results").fill("Quarante réparations par mois.")
    # autosave has made the draft, so submitting updates it instead of adding a second one
    expect(page.locator("#draft-slug")).not_to_have_value("", timeout=10_000)
    page.locator("#practice-form button[name=submit_for_review]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Café de la réparation – مقهى التصليح"
    )
    screenshot(page, f"flow-submit-done-{language}")
    practice = Practice.objects.get(title="Café de la réparation – مقهى التصليح")
    assert (practice.status, practice.start_year, practice.municipality.slug) == (
        Status.SUBMITTED, 2024, "spilamberto"
    )  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_officer_registers_for_an_event_on_a_phone(browser, live_server, demo, language):
    page = open_in(browser, live_server, language, viewport=PHONE)
    sign_in_by_id(page, "officer@zahle.glocal.demo")
    page.goto("/events/mayors-conference-vienna/register/")
    assert page.evaluate("document.documentElement.dir") == DIRECTION[language]
    page.locator("#id_role").select_option("staff")
    page.get_by_label("Interpretation language").select_option("Arabic")
    page.get_by_label("Dietary needs").fill("No pork")
    screenshot(page, f"flow-register-form-{language}")
    page.locator("form.narrow-form button[type=submit]").click()
    page.wait_for_url("**/events/mayors-conference-vienna/")
    expect(page.locator(".messages li.success")).to_be_visible()
    wrapper = page.locator(".messages-region:has(> ul.messages)")
    expect(wrapper).to_have_attribute("role", "status")
    screenshot(page, f"flow-register-done-{language}")
    registration = Registration.objects.get(
        user__email="officer@zahle.glocal.demo", event__slug="mayors-conference-vienna"
    )
    assert (registration.role, registration.status) == ("staff", "confirmed")
    page.context.close()
