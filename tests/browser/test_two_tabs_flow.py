"""Two tabs on one project plan: the second save is not lost and does not wipe the first; the
person sees the other tab's change beside their own and keeps both by saving again."""

import datetime

import pytest
from playwright.sync_api import expect

from glocal.projects.models import Project
from glocal.projects.services import start_project
from glocal.reference.tests.rows import reference_rows

from .conftest import DESKTOP, screenshot, sign_in

pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures(reference_rows.__name__)]  # fmt: skip


@pytest.fixture
def plan(town, member) -> Project:
    return start_project(municipality=town, title="Parks in Common", user=member,
                         start_date=datetime.date(2026, 1, 1),
                         end_date=datetime.date(2027, 12, 31))  # fmt: skip


def test_two_tabs_on_a_project_plan_show_the_other_change_and_lose_nothing(
    browser, live_server, plan
):
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
    tab_a = context.new_page()
    tab_a.set_default_timeout(15_000)
    sign_in(tab_a, "mayor@spilamberto.test", "pw-member-1")
    tab_b = context.new_page()
    tab_b.set_default_timeout(15_000)
    url = f"/projects/{plan.pk}/edit/"
    tab_a.goto(url)
    tab_b.goto(url)

    tab_a.get_by_label("Title").fill("Parks for everyone")
    tab_a.get_by_role("button", name="Save").click()
    expect(tab_a.locator("h1")).to_have_text("Parks for everyone")

    tab_b.get_by_label("Title").fill("Green squares")
    tab_b.get_by_label("Summary").fill("Residents adopt the parks.\nEvery street has one.")
    tab_b.get_by_role("button", name="Save").click()
    alert = tab_b.get_by_role("alert")
    expect(alert).to_contain_text("someone saved this project after you opened it")
    expect(alert.locator("dt")).to_have_text(["Title"])
    expect(alert.locator("dd").first).to_contain_text("Parks for everyone")
    expect(alert.locator("dd").last).to_contain_text("Green squares")
    expect(tab_b.get_by_label("Title")).to_have_value("Green squares")
    expect(tab_b.get_by_label("Summary")).to_have_value(
        "Residents adopt the parks.\nEvery street has one.")  # fmt: skip
    screenshot(tab_b, "two-tabs-plan-conflict-desktop")
    plan.refresh_from_db()
    assert (plan.title, plan.summary) == ("Parks for everyone", "")

    tab_b.get_by_role("button", name="Save").click()
    expect(tab_b.locator("h1")).to_have_text("Green squares")
    plan.refresh_from_db()
    assert (plan.title, plan.summary, plan.version) == (
        "Green squares", "Residents adopt the parks.\nEvery street has one.", 3)  # fmt: skip
    context.close()
