from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from glocal.calls.models import Application, Call

from .conftest import DESKTOP, PASSWORD, PHONE, screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

CALL = "/calls/local-change-lab-2027-hosts/"


def new_page(browser, live_server, viewport=DESKTOP):
    context = browser.new_context(viewport=viewport, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def draft_leave_and_submit(page) -> None:
    sign_in(page, "mayor@spilamberto.glocal.demo", PASSWORD)
    page.goto(CALL)
    page.get_by_role("link", name="Apply for Spilamberto").click()
    page.get_by_label("Title of the proposal").fill("A lab on caring for common goods")
    page.get_by_label("Why does your town want to host the lab?").fill(
        "Our volunteers already look after parks; we want to learn from other towns."
    )
    expect(page.locator("#autosave-status")).to_contain_text("Draft saved at")
    page.goto("/calls/")  # leave the form
    page.goto(CALL)
    page.get_by_role("link", name="Continue the draft").click()
    expect(page.get_by_label("Title of the proposal")).to_have_value(
        "A lab on caring for common goods"
    )
    page.get_by_label("Which challenge should the lab work on?").fill("Keeping volunteers on")
    page.get_by_label("How many local participants").fill("30")
    page.get_by_label("Preferred season").select_option("Spring")
    screenshot(page, "calls-apply-desktop")
    # The form autosaves 1.2 s after typing and 0.3 s after a choice. The test run's in-memory
    # SQLite refuses a second writer at once ("table is locked") where a real database waits
    # (IMMEDIATE transactions, 20 s busy timeout), so let those saves finish first.
    page.wait_for_timeout(1_500)
    page.wait_for_function("() => !document.querySelector('.htmx-request')")
    page.get_by_role("button", name="Submit the application").click()
    expect(page.locator(".messages")).to_contain_text("Your application is saved")


def test_representative_applies_reviewer_scores_secretariat_accepts(
    page, browser, live_server, demo
):
    draft_leave_and_submit(page)
    application = Application.objects.get(call__slug="local-change-lab-2027-hosts",
                                          municipality__slug="spilamberto")  # fmt: skip
    assert application.status == "submitted"
    Call.objects.filter(pk=application.call_id).update(
        closes_at=timezone.now() - timedelta(minutes=1)
    )  # the deadline passes

    staff = new_page(browser, live_server)
    sign_in(staff, "secretariat@glocal.demo", PASSWORD)
    staff.goto(CALL + "review/")
    row = staff.locator("tr", has_text="A lab on caring for common goods")
    row.get_by_label("Reviewer").select_option(label="Reviewer Demo")
    row.get_by_role("button", name="Assign").click()
    expect(staff.locator(".messages")).to_contain_text("Reviewer Demo now reviews")

    judge = new_page(browser, live_server)
    sign_in(judge, "reviewer@glocal.demo", PASSWORD)
    judge.goto(CALL + "review/")
    judge.get_by_role("link", name="A lab on caring for common goods").click()
    for field, value in zip(judge.get_by_label("score from 0 to 10").all(), "978", strict=True):
        field.fill(value)
    judge.get_by_label("Comment on Involvement of young people").fill("Strong youth council.")
    judge.get_by_role("button", name="Save my scores").click()
    expect(judge.locator(".messages")).to_contain_text("Your scores are saved")

    staff.goto(CALL + "review/")
    expect(staff.locator("tr", has_text="A lab on caring").locator(".total")).to_have_text("81.7")
    screenshot(staff, "calls-ranking-desktop")
    staff.get_by_role("link", name="A lab on caring for common goods").click()
    staff.get_by_label("Accepted").check()
    staff.get_by_label("Feedback shared with the applicant").fill("Welcome, host town!")
    staff.get_by_role("button", name="Record the decision").click()
    expect(staff.locator(".messages")).to_contain_text("Decision recorded")

    page.goto(application.get_absolute_url())
    expect(page.locator(".decision")).to_contain_text("Decision: Accepted")
    expect(page.locator(".decision")).to_contain_text("Welcome, host town!")
    screenshot(page, "calls-decision-desktop")
    phone = new_page(browser, live_server, PHONE)
    phone.context.add_cookies(page.context.cookies())
    phone.goto(application.get_absolute_url())
    screenshot(phone, "calls-decision-phone")
    phone.context.add_cookies(staff.context.cookies())
    phone.goto(CALL + "review/")
    screenshot(phone, "calls-ranking-phone")


def test_apply_form_works_on_a_phone(phone_page, demo):
    sign_in(phone_page, "mayor@spilamberto.glocal.demo", PASSWORD)
    phone_page.goto(CALL)
    expect(phone_page.get_by_role("link", name="Apply for Spilamberto")).to_be_visible()
    screenshot(phone_page, "calls-detail-phone")
    phone_page.goto(CALL + "apply/")
    expect(phone_page.get_by_label("Title of the proposal")).to_be_visible()
    screenshot(phone_page, "calls-apply-phone")
    phone_page.goto("/award/")
    expect(phone_page.locator(".laureate").first).to_contain_text("Winner")
    screenshot(phone_page, "calls-award-phone")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
