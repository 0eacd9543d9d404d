import datetime
import re
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from glocal.projects.models import (
    EvidenceFile,
    Indicator,
    Measurement,
    ProgressUpdate,
    ProjectStatus,
)
from glocal.projects.models_plan import Milestone

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_milestones_must_fall_within_the_project_dates(member_client, project):
    url = f"/projects/{project.pk}/plan/milestone/add/"
    late = member_client.post(url, {"title": "Festival", "due_date": "2028-05-01"})
    assert late.status_code == 200
    assert "This is after the project ends (2027-12-31)." in late.content.decode()
    assert Milestone.objects.count() == 0
    ok = member_client.post(url, {"title": "Festival", "due_date": "2026-05-01",
                                  "is_deliverable": "on"})  # fmt: skip
    assert ok.status_code == 302
    assert list(Milestone.objects.values_list("title", "is_deliverable")) == [("Festival", True)]


def test_an_indicator_links_to_sdgs_and_needs_a_target_other_than_its_baseline(
    member_client, project
):
    url = f"/projects/{project.pk}/plan/indicator/add/"
    data = {"name": "Adopted parks", "unit": "parks", "baseline": "2", "target": "2",
            "target_date": "2027-06-30", "sdgs": ["11", "16"]}  # fmt: skip
    same = member_client.post(url, data)
    assert "The target must differ from the baseline." in same.content.decode()
    assert Indicator.objects.count() == 0
    assert member_client.post(url, data | {"target": "12"}).status_code == 302
    indicator = Indicator.objects.get()
    assert (indicator.baseline, indicator.target) == (Decimal("2"), Decimal("12"))
    assert sorted(indicator.sdgs.values_list("number", flat=True)) == [11, 16]


def test_recording_a_measurement_shows_on_the_monitoring_chart(member_client, project, indicator):
    url = f"/projects/{project.pk}/indicators/{indicator.pk}/measurements/add/"
    response = member_client.post(url, {"value": "35", "measured_on": "2026-06-01", "note": ""})
    assert response.status_code == 302
    assert response["Location"] == f"/projects/{project.pk}/monitoring/"
    assert list(Measurement.objects.values_list("value", "measured_on")) == [
        (Decimal("35.00"), datetime.date(2026, 6, 1))]  # fmt: skip
    page = member_client.get(f"/projects/{project.pk}/monitoring/").content.decode()
    assert '<svg viewBox="0 0 600 240" role="img"' in page
    assert f'<title id="chart-{indicator.pk}-title">Active volunteers (people)</title>' in page
    assert "50 % of the way" in page
    assert '<td class="num">35</td>' in page


def test_chart_coordinates_stay_numbers_in_languages_with_a_decimal_comma(
    member_client, project, indicator
):
    Measurement.objects.create(indicator=indicator, value=Decimal("35"),
                               measured_on=datetime.date(2026, 6, 1))  # fmt: skip
    for language in ("fr", "ar"):
        member_client.cookies["django_language"] = language
        page = member_client.get(f"/projects/{project.pk}/monitoring/").content.decode()
        svg = page[page.index("<svg") : page.index("</svg>")]
        assert re.findall(r'(?:cx|cy|x1|y1|x2|y2|x|y|points|d)="[^"]*\d,\d', svg) == []


def test_a_measurement_from_the_future_is_refused(member_client, project, indicator):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    url = f"/projects/{project.pk}/indicators/{indicator.pk}/measurements/add/"
    response = member_client.post(url, {"value": "35", "measured_on": tomorrow.isoformat()})
    assert response.status_code == 200
    assert "A measurement cannot be dated in the future." in response.content.decode()
    assert Measurement.objects.count() == 0


def test_another_town_cannot_record_a_measurement(other_member_client, project, indicator):
    url = f"/projects/{project.pk}/indicators/{indicator.pk}/measurements/add/"
    response = other_member_client.post(url, {"value": "35", "measured_on": "2026-06-01"})
    assert response.status_code == 404
    assert Measurement.objects.count() == 0


def test_indicator_progress_runs_from_baseline_to_target(indicator):
    assert [indicator.progress(Decimal(v)) for v in ("10", "35", "60", "80", "0")] == [
        0, 50, 100, 100, 0]  # fmt: skip
    assert indicator.progress(None) is None


def test_csv_export_lists_every_measurement(member_client, project, indicator):
    Measurement.objects.create(indicator=indicator, measured_on=datetime.date(2026, 3, 1),
                               value=Decimal("20"), note="spring count")  # fmt: skip
    indicator.sdgs.set([11])
    response = member_client.get(f"/projects/{project.pk}/monitoring.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "\ufeffindicator,unit,baseline,target,target_date,sdgs,measured_on,value,progress_pct,note",
        "Active volunteers,people,10.00,60.00,2027-06-30,11,2026-03-01,20.00,20,spring count",
    ]


def test_csv_export_lists_unmeasured_indicators_and_defuses_formulas(
    member_client, project, indicator
):
    Measurement.objects.create(indicator=indicator, measured_on=datetime.date(2026, 3, 1),
                               value=Decimal("-5"), note="=HYPERLINK(1)")  # fmt: skip
    Indicator.objects.create(project=project, name="@Trees", unit="trees", baseline=0,
                             target=40, target_date=datetime.date(2027, 6, 30))  # fmt: skip
    lines = member_client.get(f"/projects/{project.pk}/monitoring.csv").content.decode()
    assert lines.splitlines()[1:] == [
        "Active volunteers,people,10.00,60.00,2027-06-30,,2026-03-01,-5.00,0,'=HYPERLINK(1)",
        "'@Trees,trees,0.00,40.00,2027-06-30,,,,,",
    ]


def test_printable_report_has_the_charts_and_print_styles(member_client, project, indicator):
    response = member_client.get(f"/projects/{project.pk}/report/")
    content = response.content.decode()
    assert response.status_code == 200
    assert 'class="indicator-chart"' in content
    assert '<button type="button" class="link" data-print hidden>Print</button>' in content
    assert '<script src="/static/js/print.js" defer></script>' in content
    assert "onclick" not in content


def test_milestone_status_change_starts_implementation(member_client, project, milestone):
    url = f"/projects/{project.pk}/milestones/{milestone.pk}/status/"
    assert member_client.post(url, {"status": "done"}).status_code == 302
    milestone.refresh_from_db()
    project.refresh_from_db()
    assert (milestone.status, milestone.completed_on) == ("done", timezone.localdate())
    assert project.status == ProjectStatus.IMPLEMENTING
    member_client.post(url, {"status": "bogus"})
    milestone.refresh_from_db()
    assert milestone.status == "done"


def test_overdue_milestones_and_missing_updates_are_flagged(member_client, project, milestone):
    project.status = ProjectStatus.IMPLEMENTING
    project.save(update_fields=["status"])
    page = member_client.get(project.get_absolute_url()).content.decode()
    assert "Milestone “First pact signed” was due on 1 March 2026 and is not done." in page
    assert "No progress update for more than a month." in page
    ProgressUpdate.objects.create(project=project, text="Fresh news")
    page = member_client.get(project.get_absolute_url()).content.decode()
    assert "No progress update for more than a month." not in page


def test_progress_update_keeps_checked_evidence_files(member_client, project, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    photo = SimpleUploadedFile("cleanup.png", PNG, content_type="image/png")
    response = member_client.post(f"/projects/{project.pk}/updates/add/",
                                  {"text": "<p>We cleaned the park.</p><script>x</script>",
                                   "evidence": [photo]})  # fmt: skip
    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    assert update.text == "<p>We cleaned the park.</p>"
    assert list(EvidenceFile.objects.values_list("name", flat=True)) == ["cleanup.png"]


def test_an_evidence_file_that_lies_about_its_type_is_refused(member_client, project):
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = member_client.post(f"/projects/{project.pk}/updates/add/",
                                  {"text": "Report attached", "evidence": [fake]})  # fmt: skip
    assert response.status_code == 200
    assert "The file&#x27;s content does not match its .pdf name." in response.content.decode()
    assert ProgressUpdate.objects.count() == 0


def test_only_running_projects_are_listed_as_late(member_client, project, milestone):
    assert "1 milestone late" in member_client.get("/projects/").content.decode()
    project.status = ProjectStatus.COMPLETED
    project.save(update_fields=["status"])
    assert "milestone late" not in member_client.get("/projects/").content.decode()


def test_a_measurement_before_the_project_starts_is_refused(member_client, project, indicator):
    before = project.start_date - datetime.timedelta(days=1)
    url = f"/projects/{project.pk}/indicators/{indicator.pk}/measurements/add/"
    response = member_client.post(url, {"value": "35", "measured_on": before.isoformat()})
    assert response.status_code == 200
    assert "record the value before it as the indicator" in response.content.decode()
    assert Measurement.objects.count() == 0
