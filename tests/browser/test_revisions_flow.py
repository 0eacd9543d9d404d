import pytest
from playwright.sync_api import expect

from glocal.practices.models import Practice, ProposedRevision, Status

from .conftest import DESKTOP, PASSWORD, screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

MAYOR = "mayor@spilamberto.glocal.demo"
NEW_SUMMARY = "Residents and the town hall look after parks, libraries and school gardens together."


def test_author_proposes_changes_the_secretariat_accepts_and_they_go_online(
    page, phone_page, browser, live_server, demo
):
    practice = Practice.objects.filter(
        status=Status.PUBLISHED, municipality__memberships__user__email=MAYOR
    ).first()
    published = practice.summary
    sign_in(page, MAYOR, PASSWORD)
    page.goto(practice.get_absolute_url())
    page.get_by_role("link", name="Propose changes").click()
    page.get_by_label("Summary").fill(NEW_SUMMARY)
    screenshot(page, "revision-propose-desktop")
    page.get_by_role("button", name="Propose these changes").click()
    expect(page.locator(".messages").first).to_contain_text("Your changes are proposed")
    expect(page.locator("#pending-proposal")).to_contain_text("wait for the secretariat")
    expect(page.locator(".lead")).to_have_text(published)
    pending = ProposedRevision.objects.pending().get(practice=practice)  # replaces any older one
    assert pending.values["summary"] == NEW_SUMMARY
    practice.refresh_from_db()
    assert practice.summary == published
    phone_page.goto(practice.get_absolute_url())  # a visitor still reads the published text
    expect(phone_page.locator(".lead")).to_have_text(published)

    staff_context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
    staff = staff_context.new_page()
    sign_in(staff, "secretariat@glocal.demo", PASSWORD)
    staff.goto("/practices/revisions/")
    staff.get_by_role("link", name=practice.title).click()
    diff = staff.locator(".revision-diff")
    # the demo's pending proposal (new results) was reopened and the summary added to it
    expect(diff.locator("dt")).to_have_text(["Summary", "Results with figures"])
    expect(diff.locator(".proposed").first).to_have_text(NEW_SUMMARY)
    screenshot(staff, "revision-diff-desktop")
    staff.get_by_label("Accept the changes").check()
    staff.get_by_role("button", name="Record the decision").click()
    expect(staff.locator(".messages").first).to_contain_text("Decision recorded")
    staff_context.close()

    page.goto(practice.get_absolute_url())
    expect(page.locator(".lead")).to_have_text(NEW_SUMMARY)
    expect(page.locator("#pending-proposal")).to_have_count(0)
    practice.refresh_from_db()
    assert practice.summary == NEW_SUMMARY
    assert practice.revisions.first().action == "accepted"
