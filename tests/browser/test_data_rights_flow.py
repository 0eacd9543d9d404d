import io
import json
import zipfile

import pytest
from playwright.sync_api import expect

from .conftest import PASSWORD, screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

MAYOR = "mayor@spilamberto.glocal.demo"


def test_a_representative_downloads_their_data_then_closes_the_account(page, demo):
    page.set_default_timeout(60_000)  # the first sign-in builds the desk on a busy machine
    sign_in(page, MAYOR, PASSWORD)
    page.goto("/profile/")
    page.get_by_role("link", name="Download my data").first.click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my data").click()
    archive = zipfile.ZipFile(io.BytesIO(open(download.value.path(), "rb").read()))
    data = json.loads(archive.read("my-data.json"))
    assert data["profile"][0]["email"] == MAYOR
    assert "memberships.csv" in archive.namelist()
    page.get_by_role("link", name="Close my account").click()
    page.get_by_label("Your password").fill("not-my-password")
    page.get_by_role("button", name="Close my account for good").click()
    expect(page.locator(".error-summary")).to_contain_text("This is not your password")
    screenshot(page, "close-account-wrong-password")
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Close my account for good").click()
    expect(page.locator("body")).to_contain_text("Your account is closed")
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(MAYOR)
    page.get_by_label("Password", exact=False).first.fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.locator("form")).to_contain_text("not correct")
    screenshot(page, "close-account-sign-in-refused")
