import datetime

import pytest
from playwright.sync_api import expect

from glocal.practices.models import Practice
from glocal.projects.models import Measurement, Project

from .conftest import PASSWORD, screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_representative_turns_a_practice_into_a_monitored_project(
    page, phone_page, demo, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    practice = Practice.objects.get(source_id="spilamberto-and-us")
    sign_in(page, "officer@jbeil.glocal.demo", PASSWORD)
    page.goto(practice.get_absolute_url())
    expect(page.locator("#transfers")).to_contain_text("1 successful transfer")
    page.locator("#transfers").get_by_role("link", name="Adapt for my town").click()
    page.wait_for_url("**/projects/adopt/?practice=*")
    page.get_by_label("Title").fill("Jbeil Library Friends")
    start = datetime.date.today().replace(day=1)
    page.get_by_label("Start date").fill(start.isoformat())
    page.get_by_label("End date").fill(start.replace(year=start.year + 2).isoformat())
    page.locator("input[name=decision_budget_notes][value=changed]").check()
    page.locator("textarea[name=reason_budget_notes]").fill("Our budget is a third of theirs.")
    screenshot(page, "projects-adopt-desktop")
    page.get_by_role("button", name="Start the project").click()
    expect(page.locator("h1")).to_have_text("Jbeil Library Friends")
    expect(page.locator("#lineage")).to_contain_text("Our budget is a third of theirs.")

    page.get_by_role("link", name="Add an indicator").click()
    page.get_by_label("Indicator:", exact=True).fill("Library volunteers")
    page.get_by_label("Unit:", exact=True).fill("people")
    page.get_by_label("Baseline:", exact=True).fill("0")
    page.get_by_label("Target:", exact=True).fill("20")
    page.get_by_label("Target date").fill(start.replace(year=start.year + 1).isoformat())
    page.get_by_label("SDG 11: Sustainable cities").check()
    page.get_by_role("button", name="Add", exact=True).click()
    page.get_by_role("link", name="Record a measurement").click()
    page.get_by_label("Value").fill("5")
    page.get_by_role("button", name="Record").click()

    page.wait_for_url("**/monitoring/")
    chart = page.locator("svg.indicator-chart")
    expect(chart).to_be_visible()
    expect(chart.locator("circle.dot")).to_have_count(1)
    expect(page.locator("table.data").first).to_contain_text("25 %")
    screenshot(page, "projects-monitoring-desktop")
    project = Project.objects.get(title="Jbeil Library Friends")
    assert (project.source_practice, Measurement.objects.filter(indicator__project=project)
            .get().value) == (practice, 5)  # fmt: skip

    page.goto(f"/projects/{project.pk}/updates/add/")
    page.get_by_label("What happened since the last update?").fill("Ten volunteers met.")
    page.locator("input[name=evidence]").set_input_files(
        [{"name": "meeting.png", "mimeType": "image/png", "buffer": PNG}]
    )
    page.get_by_role("button", name="Post the update").click()
    evidence = page.get_by_role("link", name="meeting.png")
    href = evidence.get_attribute("href")
    assert href.startswith(f"/projects/{project.pk}/evidence/")
    download = page.request.get(href)
    assert (download.status, download.headers["content-type"]) == (200, "image/png")
    page.goto(f"/projects/{project.pk}/report/")
    expect(page.get_by_role("button", name="Print")).to_be_visible()
    expect(page.get_by_role("link", name="meeting.png")).to_be_visible()

    phone_page.context.add_cookies(page.context.cookies())
    phone_page.goto(f"/projects/{project.pk}/monitoring/")
    expect(phone_page.locator("svg.indicator-chart")).to_be_visible()
    screenshot(phone_page, "projects-monitoring-phone")
    phone_page.goto(f"/projects/{project.pk}/")
    screenshot(phone_page, "projects-detail-phone")
    zahle = Project.objects.get(municipality__slug="zahle")
    page.goto(f"/projects/{zahle.pk}/monitoring/")
    screenshot(page, "projects-monitoring-zahle-desktop")


def test_secretariat_compares_towns_on_the_dashboard(page, phone_page, demo):
    sign_in(page, "secretariat@glocal.demo", PASSWORD)
    page.goto("/dashboard/")
    expect(page.locator("#totals div").first).to_have_text(f"Projects{Project.objects.count()}")
    screenshot(page, "projects-dashboard-desktop")
    page.locator("#side-heading ~ ul a").first.click()
    expect(page.locator("table.side-by-side tbody tr")).to_have_count(5)
    screenshot(page, "projects-dashboard-side-by-side-desktop")
    page.go_back()
    phone_page.context.add_cookies(page.context.cookies())
    phone_page.goto("/dashboard/")
    screenshot(phone_page, "projects-dashboard-phone")
    practice = Practice.objects.get(source_id="spilamberto-and-us")
    page.goto(practice.get_absolute_url())
    expect(page.locator("#transfers")).to_contain_text("Towns that adapted it")
    screenshot(page, "projects-practice-transfers-desktop")
