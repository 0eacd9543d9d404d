"""axe-core in Chromium on the key pages, anonymous and signed in, left-to-right and
right-to-left; and no page scrolls sideways on a 320 px phone.

axe-core is vendored (tests/browser/vendor/axe-core, MPL-2.0), so no npm at test time.
The test fails on any violation of the WCAG 2.0/2.1/2.2 A and AA rules.
"""

from pathlib import Path

import pytest

from glocal.calls.models import Call
from glocal.practices.models import Practice

from .a11y_pages import PEOPLE, PUBLIC, REPRESENTATIVE, SECRETARIAT, WCAG_22_AA
from .conftest import open_in, screenshot, sign_in_by_id

pytestmark = pytest.mark.django_db(transaction=True)
AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"


def with_axe(page):
    """axe-core in every document the page opens from now on. An init script is not subject to
    the site's Content-Security-Policy, which rightly refuses an injected script tag."""
    page.context.add_init_script(path=str(AXE))
    return page


def axe_violations(page) -> dict[str, list[str]]:
    """axe's violations of the WCAG A/AA rules. ``resultTypes`` leaves out the nodes that pass
    or do not apply, which only the report would show: the same rules run, in half the time."""
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        WCAG_22_AA,
    )
    return {
        v["id"]: [" ".join(map(str, n["target"])) for n in v["nodes"]][:5]
        for v in result["violations"]
    }


def direction(page) -> tuple[str, str]:
    return tuple(page.evaluate("[document.documentElement.lang, document.documentElement.dir]"))


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("person", ["anonymous", "representative", "secretariat"])
def test_key_pages_have_no_wcag_22_aa_violation(browser, live_server, demo, person, language):
    email, paths = PEOPLE[person]
    page = with_axe(open_in(browser, live_server, language))
    if email:
        sign_in_by_id(page, email)
    if person == "anonymous":
        paths = [*paths, Practice.objects.published().first().get_absolute_url(),
                 Call.objects.order_by("pk").first().get_absolute_url()]  # fmt: skip
    found, statuses = {}, {}
    for path in paths:
        statuses[path] = page.goto(path).status
        if path == "/api/docs":
            page.locator(".opblock").first.wait_for()  # Swagger UI has drawn the operations
        if violations := axe_violations(page):
            found[path] = violations
    assert {p: s for p, s in statuses.items() if s != 200} == {}
    assert found == {}
    assert len(paths) >= (15 if person == "anonymous" else 6)
    expected = ("ar", "rtl") if language == "ar" else ("en", "ltr")
    assert direction(page) == expected
    page.context.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_error_states_and_error_pages_have_no_wcag_22_aa_violation(
    browser, live_server, demo, language
):
    page = with_axe(open_in(browser, live_server, language))
    page.goto("/accounts/login/")
    page.locator("#id_login").fill("mayor@spilamberto.glocal.demo")
    page.locator("#id_password").fill("not-the-password")
    page.locator("#id_password").press("Enter")
    summary = page.locator("#error-summary")
    summary.wait_for()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.locator("#id_password").get_attribute("aria-invalid") == "true"
    found = {"refused sign-in": axe_violations(page)}
    screenshot(page, f"a11y-sign-in-refused-{language}")
    assert page.goto("/practices/no-such-practice/").status == 404
    found["404"] = axe_violations(page)
    screenshot(page, f"a11y-404-{language}")
    sign_in_by_id(page, "mayor@spilamberto.glocal.demo")
    assert page.goto("/practices/review/").status == 403
    found["403"] = axe_violations(page)
    page.goto("/practices/submit/")
    page.locator("#practice-form button[name=submit_for_review]").click()
    page.locator("#error-summary").wait_for()
    found["practice form with errors"] = axe_violations(page)
    assert {k: v for k, v in found.items() if v} == {}
    page.context.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_no_page_scrolls_sideways_on_a_320_px_phone(browser, live_server, demo, language):
    page = open_in(browser, live_server, language, viewport={"width": 320, "height": 640})
    sign_in_by_id(page, "secretariat@glocal.demo")
    too_wide, refused = {}, {}
    for path in PUBLIC + REPRESENTATIVE[1:] + SECRETARIAT[1:]:
        if (status := page.goto(path).status) != 200:
            refused[path] = status
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[path] = width
    assert too_wide == {}
    assert refused == {}
    page.goto("/municipalities/")
    screenshot(page, f"a11y-municipalities-320-{language}")
    page.context.close()
