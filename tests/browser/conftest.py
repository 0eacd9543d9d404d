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


@pytest.fixture(scope="session")
def demo_rows() -> dict:
    """Every table's rows right after the first demo load of this process (table → columns,
    rows), so later live-server tests restore them instead of loading the demo again."""
    return {}


GENERATED_COLUMNS = {
    "postgresql": "SELECT table_name, column_name FROM information_schema.columns "
    "WHERE is_generated = 'ALWAYS' AND table_schema = current_schema()",
    "sqlite": "SELECT m.name, c.name FROM sqlite_master m, pragma_table_xinfo(m.name) c "
    "WHERE m.type = 'table' AND c.hidden IN (2, 3)",
}


def copy_every_table() -> dict:
    """Each table's columns (computed ones left out: the database writes them) and rows."""
    from django.db import connection

    quote = connection.ops.quote_name
    rows = {}
    with connection.cursor() as cursor:
        cursor.execute(GENERATED_COLUMNS[connection.vendor])
        computed = set(cursor.fetchall())
        for table in sorted(connection.introspection.django_table_names(only_existing=True)):
            columns = [
                quote(column.name)
                for column in connection.introspection.get_table_description(cursor, table)
                if (table, column.name) not in computed
            ]
            cursor.execute(f"SELECT {', '.join(columns)} FROM {quote(table)}")
            rows[table] = (columns, cursor.fetchall())
    return rows


def put_back_every_table(rows: dict) -> None:
    """Empty each table and write the copied rows back with their own ids, in one
    transaction (foreign keys are checked at commit), then move the id sequences past them."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.core.management.color import no_style
    from django.db import connection, transaction

    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for table in rows:
            cursor.execute(f"DELETE FROM {quote(table)}")
        for table, (columns, values) in rows.items():
            if values:
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(
                    f"INSERT INTO {quote(table)} ({', '.join(columns)}) VALUES ({marks})", values
                )
        models = apps.get_models(include_auto_created=True)
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    ContentType.objects.clear_cache()


@pytest.fixture
def demo(transactional_db, demo_rows):
    """The demo network. Live-server tests empty every table afterwards, reference rows too;
    each text is embedded once in the run (``tests/vector_memo.py``). The sentences
    recommendations quote are embedded here, as ``embed_passages`` does before a deployment:
    inside the set-up, not inside a representative's first page, which the browser waits
    15 s for.
    The first test of a process loads it; the next ones get the same rows back (≈ 0.3 s
    instead of ≈ 5 s), ids included."""
    from django.core.management import call_command

    from glocal.reference.loading import load_reference_data
    from glocal.reference.models import Country, Sdg, Theme

    if demo_rows:
        put_back_every_table(demo_rows)
        return
    load_reference_data(Country, Sdg, Theme)
    call_command("load_demo", verbosity=0)
    call_command("embed_passages", stdout=StringIO())
    demo_rows.update(copy_every_table())


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
