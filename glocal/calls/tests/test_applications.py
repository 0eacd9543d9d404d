import zoneinfo
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from glocal.calls.models import (
    Application,
    ApplicationStatus,
    AuditEntry,
    Call,
    CallStatus,
    Question,
)
from glocal.reference.models import Region

from .builders import make_call, submitted

pytestmark = pytest.mark.django_db


def question_ids(call: Call) -> dict[str, int]:
    return {q.label: q.pk for q in call.questions.all()}


def lab_post(call: Call, **extra) -> dict:
    ids = question_ids(call)
    data = {
        "title": "A lab in the old mill",
        f"q{ids['Why your town?']}": "We have a youth council ready to host it.",
        f"q{ids['Team size']}": "4",
        f"q{ids['Venue']}": "School",
    }
    return data | extra


def test_representative_saves_a_draft_and_comes_back_to_it(member_client, town, lab_call):
    response = member_client.post("/calls/lab-2026/apply/", {"title": "Half", "save_draft": "1"})
    assert response.status_code == 302
    application = Application.objects.get()
    assert (application.municipality, application.status) == (town, ApplicationStatus.DRAFT)
    page = member_client.get("/calls/lab-2026/apply/")
    assert 'value="Half"' in page.content.decode()


def test_autosave_keeps_a_half_written_draft_with_answers(member_client, lab_call):
    ids = question_ids(lab_call)
    data = {"title": "", f"q{ids['Why your town?']}": "Because", f"q{ids['Team size']}": "2.5"}
    response = member_client.post("/calls/lab-2026/apply/autosave/", data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Draft saved at" in response.content.decode()
    application = Application.objects.get()
    assert application.answers == {
        str(ids["Why your town?"]): "Because", str(ids["Team size"]): "2.5", str(ids["Venue"]): ""
    }  # fmt: skip
    assert application.status == ApplicationStatus.DRAFT


def test_submitting_needs_the_required_answers_and_says_which(member_client, lab_call):
    ids = question_ids(lab_call)
    data = lab_post(lab_call, **{f"q{ids['Why your town?']}": "", "submit": "1"})
    response = member_client.post("/calls/lab-2026/apply/", data)
    assert response.status_code == 400
    assert "This question needs an answer." in response.content.decode()
    assert not Application.objects.exists()


def test_submitting_records_the_application_and_its_history(member_client, member, lab_call):
    response = member_client.post("/calls/lab-2026/apply/", lab_post(lab_call, submit="1"))
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == application.get_absolute_url()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.answers[str(question_ids(lab_call)["Team size"])] == "4"
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.user, entry.application) == ("submitted", member, application)


def test_a_town_has_one_application_per_call(member_client, town, lab_call):
    member_client.post("/calls/lab-2026/apply/", lab_post(lab_call, submit="1"))
    member_client.post("/calls/lab-2026/apply/", lab_post(lab_call, title="Second", submit="1"))
    assert list(Application.objects.values_list("title", flat=True)) == ["Second"]


def test_ineligible_town_is_told_why_and_nothing_is_created(member_client, town):
    make_call(slug="mena-only", regions=[Region.MENA])
    response = member_client.get("/calls/mena-only/apply/")
    assert response.status_code == 403
    assert "This call is for towns in" in response.content.decode()
    assert "Spilamberto is in" in response.content.decode()
    response = member_client.post("/calls/mena-only/apply/", {"title": "x", "submit": "1"})
    assert response.status_code == 403
    assert not Application.objects.exists()


def test_population_band_rule_names_the_towns_size(member_client, town):
    make_call(slug="big-towns", population_bands=["l", "xl"])
    response = member_client.get("/calls/big-towns/apply/")
    assert response.status_code == 403
    assert "Spilamberto has 5,000–20,000." in response.content.decode()


def test_hub_time_frame_outside_one_to_three_years_is_refused(member_client, hub_call):
    data = {"title": "Water HUB", "lead_government": "Spilamberto", "partners": "Uni",
            "topic": "Water", "duration_years": "4", "deliverables": "A plan",
            "monitoring": "Quarterly", "communication": "Newsletter", "submit": "1"}  # fmt: skip
    response = member_client.post("/calls/hubs-2026/apply/", data)
    assert response.status_code == 400
    assert "A HUB runs for 1 to 3 years; 4 is outside that." in response.content.decode()
    assert not Application.objects.exists()
    response = member_client.post("/calls/hubs-2026/apply/", data | {"duration_years": "3"})
    assert response.status_code == 302
    assert Application.objects.get().duration_years == 3


def test_hub_rich_text_is_sanitised(member_client, hub_call):
    data = {"title": "HUB", "deliverables": "<p>Map</p><script>x()</script>", "save_draft": "1"}
    member_client.post("/calls/hubs-2026/apply/", data)
    assert Application.objects.get().deliverables == "<p>Map</p>"


def test_changes_are_accepted_until_the_last_instant_before_the_deadline(
    member_client, town, lab_call, monkeypatch
):
    application = submitted(lab_call, town, title="Before")
    just_before = lab_call.closes_at - timedelta(microseconds=1)
    monkeypatch.setattr(timezone, "now", lambda: just_before)
    response = member_client.post("/calls/lab-2026/apply/", lab_post(lab_call, title="Edited",
                                                                      submit="1"))  # fmt: skip
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.title == "Edited"


def test_nothing_changes_from_the_deadline_on(member_client, town, lab_call, monkeypatch):
    application = submitted(lab_call, town, title="Before")
    monkeypatch.setattr(timezone, "now", lambda: lab_call.closes_at)
    response = member_client.post("/calls/lab-2026/apply/", lab_post(lab_call, title="Late",
                                                                      submit="1"))  # fmt: skip
    assert response.status_code == 302
    assert response["Location"] == application.get_absolute_url()
    autosave = member_client.post("/calls/lab-2026/apply/autosave/", {"title": "Late"})
    assert "not open" in autosave.content.decode()
    application.refresh_from_db()
    assert (application.title, application.status) == ("Before", ApplicationStatus.SUBMITTED)
    page = member_client.get(application.get_absolute_url())
    assert "can no longer change" in page.content.decode()


def test_deadline_is_one_instant_whatever_the_applicants_time_zone(
    member_client, member, town, monkeypatch
):
    """Closing at 23:59 in Vienna is the next morning in Auckland: the instant rules."""
    vienna, auckland = zoneinfo.ZoneInfo("Europe/Vienna"), zoneinfo.ZoneInfo("Pacific/Auckland")
    closes = (timezone.now() + timedelta(days=2)).astimezone(vienna).replace(hour=23, minute=59)
    call = make_call(slug="tz-call")
    Call.objects.filter(pk=call.pk).update(closes_at=closes)
    member.time_zone = "Pacific/Auckland"
    member.save(update_fields=["time_zone"])
    local = closes.astimezone(auckland)
    assert local.date() > closes.date()
    expected = f"{date_format(local, 'DATETIME_FORMAT')} {local.tzname()}"
    assert expected in member_client.get("/calls/tz-call/").content.decode()
    monkeypatch.setattr(timezone, "now", lambda: closes - timedelta(minutes=1))
    response = member_client.post("/calls/tz-call/apply/", {"title": "In time", "submit": "1"})
    assert response.status_code == 302
    monkeypatch.setattr(timezone, "now", lambda: closes + timedelta(minutes=1))
    member_client.post("/calls/tz-call/apply/", {"title": "Too late", "submit": "1"})
    assert Application.objects.get().title == "In time"


def test_anonymous_visitor_chooses_a_time_zone_for_the_session(client, lab_call):
    response = client.post("/time-zone/", {"time_zone": "Asia/Beirut", "next": "/calls/lab-2026/"})
    assert response.status_code == 302
    assert response["Location"] == "/calls/lab-2026/"
    local = lab_call.closes_at.astimezone(zoneinfo.ZoneInfo("Asia/Beirut"))
    page = client.get("/calls/lab-2026/").content.decode()
    assert f"{local.day} {local:%B %Y, %H:%M} {local.tzname()}" in page


def test_unknown_time_zone_is_refused_and_nothing_stored(member_client, member):
    response = member_client.post("/time-zone/", {"time_zone": "Mars/Olympus", "next": "/calls/"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.time_zone == ""


def test_call_opening_in_the_future_refuses_applications(member_client):
    make_call(slug="later", opens=2, closes=5)
    response = member_client.post("/calls/later/apply/", {"title": "Early", "submit": "1"})
    assert response.status_code == 403
    assert "are not open" in response.content.decode()
    assert not Application.objects.exists()


def test_decided_application_cannot_be_edited_even_while_open(member_client, town, lab_call):
    application = submitted(lab_call, town, title="Done")
    Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.ACCEPTED)
    response = member_client.post("/calls/lab-2026/apply/", lab_post(lab_call, submit="1"))
    assert response.status_code == 302
    assert Application.objects.get().title == "Done"


def test_nobody_sees_another_towns_application(client, town, other_member, reviewer, lab_call):
    application = submitted(lab_call, town)
    url = application.get_absolute_url()
    assert client.get(url).status_code == 302  # anonymous: sign in first
    client.force_login(other_member)
    assert client.get(url).status_code == 404
    client.force_login(reviewer)  # a reviewer who is not assigned
    assert client.get(url).status_code == 404


def test_the_town_and_the_secretariat_see_the_application(client, member, secretariat, town,
                                                         lab_call):  # fmt: skip
    application = submitted(lab_call, town, title="Our lab")
    for person in (member, secretariat):
        client.force_login(person)
        response = client.get(application.get_absolute_url())
        assert response.status_code == 200
        assert "Our lab" in response.content.decode()


def test_a_member_cannot_apply_for_a_town_they_do_not_represent(member_client, other_town,
                                                                lab_call):  # fmt: skip
    response = member_client.post("/calls/lab-2026/apply/?town=zahle", lab_post(lab_call))
    assert response.status_code == 404
    assert not Application.objects.exists()


def test_a_person_without_a_town_cannot_apply(secretariat_client, lab_call):
    response = secretariat_client.post("/calls/lab-2026/apply/", lab_post(lab_call, submit="1"))
    assert response.status_code == 403
    assert not Application.objects.exists()


def test_draft_calls_exist_only_for_the_secretariat(client, member, secretariat):
    call = make_call(slug="secret")
    Call.objects.filter(pk=call.pk).update(status=CallStatus.DRAFT)
    client.force_login(member)
    assert client.get("/calls/secret/").status_code == 404
    assert client.post("/calls/secret/apply/", {"title": "x"}).status_code == 404
    client.force_login(secretariat)
    assert client.get("/calls/secret/").status_code == 200


def test_files_are_type_checked_and_shown_only_to_those_entitled(
    client, member, other_member, town, lab_call, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from glocal.calls.models import ApplicationFile, Question

    settings.MEDIA_ROOT = tmp_path
    letter = Question.objects.create(call=lab_call, position=4, label="Letter", type="file")
    client.force_login(member)
    fake = SimpleUploadedFile("letter.pdf", b"MZ not a pdf", content_type="application/pdf")
    data = lab_post(lab_call, save_draft="1") | {f"q{letter.pk}": fake}
    response = client.post("/calls/lab-2026/apply/", data)
    assert response.status_code == 400
    assert "does not match its .pdf name" in response.content.decode()
    assert not Application.objects.exists()
    real = SimpleUploadedFile("letter.pdf", b"%PDF-1.4 hello", content_type="application/pdf")
    client.post("/calls/lab-2026/apply/", data | {f"q{letter.pk}": real})
    attached = ApplicationFile.objects.get()
    application = attached.application
    url = f"/calls/lab-2026/applications/{application.pk}/files/{attached.pk}/"
    download = client.get(url)
    assert (download.status_code, b"".join(download.streaming_content)) == (200, b"%PDF-1.4 hello")
    client.force_login(other_member)
    assert client.get(url).status_code == 404
    client.force_login(member)
    attached.file.delete(save=False)
    assert client.get(url).status_code == 404


def test_a_draft_left_at_the_deadline_is_not_passed_off_as_with_the_reviewers(
    member_client, town, lab_call, monkeypatch
):
    draft = Application.objects.create(call=lab_call, municipality=town, title="Unfinished")
    monkeypatch.setattr(timezone, "now", lambda: lab_call.closes_at)
    page = member_client.get(draft.get_absolute_url()).content.decode()
    assert "This draft was not submitted before the call closed" in page
    assert "with the reviewers" not in page
    autosave = member_client.post("/calls/lab-2026/apply/autosave/", {"title": "Late"})
    assert "not open" in autosave.content.decode()
    draft.refresh_from_db()
    assert (draft.title, draft.status) == ("Unfinished", ApplicationStatus.DRAFT)


def test_uploaded_files_are_stored_where_their_id_cannot_be_guessed(
    member_client, lab_call, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from glocal.calls.models import ApplicationFile, Question

    settings.MEDIA_ROOT = tmp_path
    letter = Question.objects.create(call=lab_call, position=4, label="Letter", type="file")
    real = SimpleUploadedFile("letter.pdf", b"%PDF-1.4 hello", content_type="application/pdf")
    member_client.post("/calls/lab-2026/apply/", lab_post(lab_call, save_draft="1")
                       | {f"q{letter.pk}": real})  # fmt: skip
    attached = ApplicationFile.objects.get()
    folder, secret, name = attached.file.name.rsplit("/", 2)
    assert (folder, name) == (f"calls/{attached.application_id}", "letter.pdf")
    assert len(secret) >= 16


def test_a_whole_number_question_refuses_decimals_next_to_the_field(member_client, lab_call):
    count = Question.objects.create(call=lab_call, position=9, label="Participants",
                                    type=Question.Type.WHOLE_NUMBER)  # fmt: skip
    data = lab_post(lab_call, save_draft="1") | {f"q{count.pk}": "12.5"}
    response = member_client.post(f"/calls/{lab_call.slug}/apply/", data)
    assert response.status_code == 400
    assert response.context["form"].errors[f"q{count.pk}"] == ["Enter a whole number."]
    assert not Application.objects.exists()
