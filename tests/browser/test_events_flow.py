import pytest
from django.core import mail
from playwright.sync_api import expect

from glocal.events.models import Booking

from .conftest import PASSWORD, PHONE, screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
TRIP = "Field trip: Werkstatt Junges Wien"
AHEAD = ["mayor@spilamberto.glocal.demo", "officer@kamenica.glocal.demo",
         "officer@baalbek.glocal.demo"]  # fmt: skip


def give_up_trip_place(browser, live_server, email: str) -> None:
    """Another participant, on a phone, gives up their place on the field trip."""
    context = browser.new_context(viewport=PHONE, base_url=live_server.url, is_mobile=True)
    page = context.new_page()
    sign_in(page, email, PASSWORD)
    page.goto("/events/agenda/")
    entry = page.locator(".agenda-sessions li", has_text=TRIP)
    entry.get_by_role("button", name="Give up my place").click()
    expect(page.get_by_text("You left")).to_be_visible()
    context.close()


def cancel_registration(browser, live_server, email: str) -> None:
    """Another participant cancels the whole conference, and with it their trip place."""
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    sign_in(page, email, PASSWORD)
    page.goto("/events/mayors-conference-vienna/")
    page.get_by_role("button", name="Cancel my registration").click()
    page.get_by_role("button", name="Yes, cancel my registration").click()
    expect(page.get_by_text("Your registration is cancelled.")).to_be_visible()
    context.close()


def test_participant_joins_the_full_field_trip_queue_and_is_promoted(
    page, phone_page, browser, live_server, demo
):
    sign_in(page, "officer@zahle.glocal.demo", PASSWORD)
    page.goto("/events/")
    page.get_by_role("link", name="International Mayors' Conference – Vienna").click()
    expect(page.locator("#programme-heading")).to_be_visible()
    page.get_by_role("link", name="Register").click()
    page.get_by_label("You come as").select_option("staff")
    page.get_by_label("Interpretation language").select_option("Arabic")
    page.get_by_label("Dietary needs").fill("No pork")
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_text("You are registered.")).to_be_visible()
    expect(page.locator(".registration-box")).to_contain_text("Confirmed")
    expect(page.get_by_text("https://meet.glocal.demo/mayors-conference")).to_be_visible()

    trip = page.locator("li.session", has_text=TRIP)
    expect(trip).to_contain_text("Full")
    trip.get_by_role("button", name="Join the waiting list").click()
    trip = page.locator("li.session", has_text=TRIP)
    expect(trip).to_contain_text("On the waiting list (number 3)")
    screenshot(page, "events-waiting-list-desktop")

    for email in AHEAD[:2]:
        give_up_trip_place(browser, live_server, email)
    cancel_registration(browser, live_server, AHEAD[2])

    page.goto("/events/agenda/")
    entry = page.locator(".agenda-sessions li", has_text=TRIP)
    expect(entry).to_contain_text("You have a place")
    screenshot(page, "events-agenda-desktop")
    promoted = [m.to[0] for m in mail.outbox if m.subject.startswith("A place freed up for you")]
    assert promoted == ["officer@batroun.glocal.demo", "reviewer@glocal.demo",
                        "officer@zahle.glocal.demo"]  # fmt: skip
    assert Booking.objects.filter(session__title__startswith=TRIP,
                                  status="confirmed").count() == 4  # fmt: skip

    phone_page.context.add_cookies(page.context.cookies())
    phone_page.goto("/events/mayors-conference-vienna/")
    expect(phone_page.locator("li.session", has_text=TRIP)).to_contain_text("Place confirmed")
    screenshot(phone_page, "events-conference-phone")
    phone_page.goto("/events/agenda/")
    screenshot(phone_page, "events-agenda-phone")


def test_secretariat_filters_participants_and_checks_one_in(page, phone_page, demo):
    sign_in(page, "secretariat@glocal.demo", PASSWORD)
    page.goto("/events/mayors-conference-vienna/participants/")
    expect(page.locator(".numbers")).to_contain_text("Lebanon")
    page.get_by_label("Country code").fill("LB")
    page.get_by_role("button", name="Filter").click()
    rows = page.locator("table.participants tbody tr")
    expect(rows).to_have_count(3)
    row = rows.filter(has_text="officer@jbeil.glocal.demo")
    row.get_by_role("button", name="Check in").click()
    expect(row).to_contain_text("Present")
    screenshot(page, "events-participants-desktop")
    phone_page.context.add_cookies(page.context.cookies())
    phone_page.goto("/events/mayors-conference-vienna/participants/")
    screenshot(phone_page, "events-participants-phone")
