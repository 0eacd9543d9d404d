import io
import json
import re
import zipfile

import pytest
from playwright.sync_api import expect

from .conftest import PASSWORD, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

MAYOR = "mayor@spilamberto.glocal.demo"


def sign_in_to(page, path: str, email: str, password: str) -> None:
    """Sign in and land on ``path`` (the desk of a busy machine can take long to build)."""
    page.goto(f"/accounts/login/?next={path}")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=False).first.fill(password)
    page.get_by_role("button", name="Sign In").click()


def test_a_representative_downloads_their_data_then_closes_the_account(page, demo):
    sign_in_to(page, "/profile/", MAYOR, PASSWORD)
    expect(page.locator("h1")).to_have_text("Your profile")
    page.get_by_role("link", name="Download my data").first.click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my data").click()
    archive = zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes()))
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
    sign_in_to(page, "/profile/", MAYOR, PASSWORD)
    expect(page.locator(".error-summary")).to_contain_text("not correct")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    screenshot(page, "close-account-sign-in-refused")
