import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from glocal.matching.models import Feedback

from .conftest import PASSWORD, screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_representative_marks_a_recommendation_not_relevant(page, phone_page, demo):
    call_command("reindex", verbosity=0)
    sign_in(page, "officer@zahle.glocal.demo", PASSWORD)
    page.goto("/municipalities/zahle/recommendations/")
    cards = page.locator("#recommendations .card")
    expect(cards.first).to_be_visible()
    first_title = cards.first.locator("h2").inner_text()
    expect(cards.first).to_contain_text("Why:")
    screenshot(page, "recommendations-desktop")
    cards.first.get_by_role("button", name="Not relevant").click()
    expect(page.locator("#recommendations h2", has_text=first_title)).to_have_count(0)
    page.reload()
    expect(page.locator("#recommendations .card").first).to_be_visible()
    expect(page.locator("#recommendations h2", has_text=first_title)).to_have_count(0)
    assert Feedback.objects.get().verdict == "not_relevant"
    phone_page.context.add_cookies(page.context.cookies())
    phone_page.goto("/municipalities/zahle/recommendations/")
    screenshot(phone_page, "recommendations-phone")
