import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from glocal.matching.models import Feedback

from .conftest import PASSWORD, screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_representative_marks_a_recommendation_not_relevant(page, phone_page, demo):
    call_command("reindex", verbosity=0)
    call_command("embed_passages", verbosity=0)
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


def test_officer_reads_the_sentence_that_answers_the_towns_need(page, phone_page, demo):
    call_command("reindex", verbosity=0)
    call_command("embed_passages", verbosity=0)
    sign_in(page, "officer@kamenica.glocal.demo", PASSWORD)
    page.goto("/municipalities/kamenica/recommendations/")
    card = page.locator("#recommendations .card", has_text="Cuckoo's Nest")
    expect(card.locator("figure.passage blockquote")).to_have_text(
        "Offer homework help in the afternoons and language courses in the evenings."
    )
    expect(card.locator("figure.passage figcaption")).to_have_text("What answers your need:")
    expect(card).to_contain_text("matches your need “Albanian- and Serbian-speaking neighbours")
    expect(page.locator("#recommendations h2", has_text="in Kamenica")).to_have_count(0)
    expect(page.get_by_text("at most 2 times the inhabitants")).to_be_visible()
    screenshot(page, "recommendations-passage-desktop")
    page.get_by_role("link", name="Towns like yours").click()
    expect(page.locator(".card h2")).to_have_text(["Pazardzhik", "Al-Koura"])
    expect(page.locator(".shared-needs li").first).to_contain_text("Young people leave for")
    screenshot(page, "peers-shared-needs-desktop")
    phone_page.context.add_cookies(page.context.cookies())
    phone_page.goto("/municipalities/kamenica/recommendations/")
    expect(phone_page.locator("figure.passage").first).to_be_visible()
    screenshot(phone_page, "recommendations-passage-phone")
