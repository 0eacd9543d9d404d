import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from glocal.projects.models import EvidenceFile, ProgressUpdate, ProjectStatus
from glocal.projects.services import post_progress_update

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n" + b"minutes of the first meeting"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def evidence(media, project, member) -> tuple[EvidenceFile, EvidenceFile]:
    """A photo and the minutes of Spilamberto's private project."""
    update = post_progress_update(project=project, text="First pact signed", user=member, files=[
        SimpleUploadedFile("pact.png", PNG), SimpleUploadedFile("minutes.pdf", PDF)])  # fmt: skip
    photo, minutes = update.evidence.order_by("pk")
    return photo, minutes


def url(evidence_file: EvidenceFile) -> str:
    return f"/projects/{evidence_file.update.project_id}/evidence/{evidence_file.pk}/"


def test_the_team_downloads_a_document_of_its_private_project(member_client, evidence):
    _photo, minutes = evidence
    response = member_client.get(url(minutes))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="minutes.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private"


def test_an_image_of_evidence_opens_in_the_browser(member_client, evidence):
    photo, _minutes = evidence
    response = member_client.get(url(photo))
    assert (response.status_code, response["Content-Type"]) == (200, "image/png")
    assert response["Content-Disposition"] == 'inline; filename="pact.png"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_another_town_and_a_visitor_get_404_for_a_private_projects_evidence(
    other_member, secretariat, evidence
):
    other, visitor, staff = Client(), Client(), Client()
    other.force_login(other_member)
    staff.force_login(secretariat)
    for evidence_file in evidence:
        assert other.get(url(evidence_file)).status_code == 404
        assert visitor.get(url(evidence_file)).status_code == 404
        assert staff.get(url(evidence_file)).status_code == 200


def test_evidence_is_not_served_under_another_projects_address(member_client, other_town, evidence):
    photo, _minutes = evidence
    public = other_town.projects.create(title="Open Library", visibility="public")
    assert member_client.get(f"/projects/{public.pk}/evidence/{photo.pk}/").status_code == 404


def test_evidence_whose_file_is_gone_is_a_404_not_an_error(member_client, evidence):
    photo, _minutes = evidence
    photo.file.delete(save=False)
    assert member_client.get(url(photo)).status_code == 404


def test_evidence_is_stored_under_an_unguessable_folder(evidence):
    photo, minutes = evidence
    assert re.fullmatch(r"projects/evidence/[0-9a-f]{32}/pact\.png", photo.file.name)
    assert re.fullmatch(r"projects/evidence/[0-9a-f]{32}/minutes\.pdf", minutes.file.name)


def test_every_page_that_shows_evidence_links_through_the_project(member_client, evidence):
    photo, minutes = evidence
    project_pk = photo.update.project_id
    for page in ("", "monitoring/", "report/"):
        html = member_client.get(f"/projects/{project_pk}/{page}").content.decode()
        assert f'<a href="{url(photo)}">pact.png</a>' in html
        assert f'<a href="{url(minutes)}">minutes.pdf</a>' in html
        assert "/media/" not in html


def test_a_refused_upload_leaves_nothing_written(member_client, project, media):
    too_big = SimpleUploadedFile("plan.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024))
    photo = SimpleUploadedFile("pact.png", PNG)
    response = member_client.post(f"/projects/{project.pk}/updates/add/",
                                  {"text": "Two files", "evidence": [photo, too_big]})  # fmt: skip
    assert response.status_code == 200
    assert "plan.pdf: Files may be at most 5 MB; this one is 5.0 MB." in response.content.decode()
    assert (ProgressUpdate.objects.count(), EvidenceFile.objects.count()) == (0, 0)
    assert list(media.rglob("*")) == []
    project.refresh_from_db()
    assert project.status == ProjectStatus.PLANNING


def test_an_evidence_file_of_a_type_not_accepted_is_refused(member_client, project, media):
    page = SimpleUploadedFile("page.html", b"<script>alert(1)</script>")
    response = member_client.post(f"/projects/{project.pk}/updates/add/",
                                  {"text": "A page", "evidence": [page]})  # fmt: skip
    assert response.status_code == 200
    assert (
        "page.html: Allowed file types: .png, .jpg, .jpeg, .gif, .webp, .pdf, .docx, .xlsx, "
        ".pptx, .odt, .ods." in response.content.decode()
    )
    assert ProgressUpdate.objects.count() == 0
    assert list(media.rglob("*")) == []


def test_at_most_five_evidence_files_go_with_one_update(member_client, project, media):
    photos = [SimpleUploadedFile(f"p{n}.png", PNG) for n in range(6)]
    response = member_client.post(f"/projects/{project.pk}/updates/add/",
                                  {"text": "Many photos", "evidence": photos})  # fmt: skip
    assert "Attach at most 5 files." in response.content.decode()
    assert (ProgressUpdate.objects.count(), EvidenceFile.objects.count()) == (0, 0)
    assert list(media.rglob("*")) == []
