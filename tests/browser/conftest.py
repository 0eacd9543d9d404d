"""Real-browser tests: Playwright drives Debian's Chromium against a live server.

Locally they are skipped (with the reason) when /usr/bin/chromium is missing; in CI
(``CI=true``) or with ``GLOCAL_REQUIRE_BROWSER=1`` a missing browser is a failure.
Screenshots land in ``test-artifacts/screenshots/``.
"""

import os
import shutil
from io import StringIO
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("GLOCAL_CHROMIUM", "/usr/bin/chromium")
REQUIRED = os.environ.get("CI") == "true" or os.environ.get("GLOCAL_REQUIRE_BROWSER") == "1"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PASSWORD = "glocal-demo-2026"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# Playwright's sync API runs an event loop in this thread; the live server's database
# work happens in its own thread, so Django's async-safety guard does not apply here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        if REQUIRED:
            pytest.fail(f"Chromium is required for browser tests but {CHROMIUM} is missing")
        pytest.skip(f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking"],
        )  # fmt: skip
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    context = browser.new_context(
        viewport=PHONE, base_url=live_server.url, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def sign_in(page, email: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=False).first.fill(password)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/")


@pytest.fixture
def demo(transactional_db, remembering_encoder):
    """The demo network. Live-server tests empty every table afterwards, reference rows too;
    its practices' vectors are remembered for the run (root ``remembering_encoder``). The
    sentences recommendations quote are embedded here, as ``embed_passages`` does before a
    deployment: the first time in a process (≈ 15 s, a minute on a busy machine) inside the
    set-up, not inside a representative's first page, which the browser waits 15 s for."""
    from django.core.management import call_command

    from glocal.reference.loading import load_reference_data
    from glocal.reference.models import Country, Sdg, Theme

    load_reference_data(Country, Sdg, Theme)
    call_command("load_demo", verbosity=0)
    call_command("embed_passages", stdout=StringIO())


# == languages (a11y) ==
def open_in(browser, live_server, language: str, viewport=DESKTOP):
    """A page whose visitor reads ``language``: Accept-Language and the language cookie."""
    context = browser.new_context(
        viewport=viewport, base_url=live_server.url, locale=language,
        extra_http_headers={"Accept-Language": language},
    )  # fmt: skip
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def sign_in_by_id(page, email: str) -> None:
    """Sign in without relying on the (translated) labels."""
    page.goto("/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url("**/")
