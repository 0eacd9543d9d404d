import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from ..models import Consultation
from ..services import request_consultation

REQUEST = {
    "topic": "Keeping young people in the council",
    "question": "Attendance drops after the first months. How do others keep it up?",
    "preferred_times": "Tuesday mornings",
}
NEXT_YEAR = timezone.localdate().year + 1  # scheduling needs a time still to come
WHEN = f"{NEXT_YEAR}-03-09T10:00"


@pytest.fixture
def consultation(project, member, expert):
    return request_consultation(project=project, user=member, expert=expert, **REQUEST)


def schedule(client, consultation, **changes):
    url = reverse("cooperation:consultation_schedule", args=[consultation.pk])
    data = {"starts_at": WHEN, "duration_minutes": "45", "location": "https://meet.example/abc"}
    return client.post(url, data | changes)


def test_a_request_reaches_the_experts_agenda_and_mailbox(
    member_client,
    project,
    expert,
    expert_user,
    secretariat,
    client,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(
            reverse("cooperation:consultation_new"),
            REQUEST | {"project": project.pk, "expert": expert.pk},
        )
    consultation = Consultation.objects.get()
    assert response.status_code == 302
    assert (consultation.status, consultation.expert, consultation.requested_by.email) == (
        "requested",
        expert,
        "mayor@spilamberto.test",
    )
    assert sorted(m.to[0] for m in mailoutbox) == ["lina@experts.test", "staff@network.test"]
    assert mailoutbox[0].subject == "Consultation requested: Keeping young people in the council"
    client.force_login(expert_user)
    agenda = client.get(reverse("cooperation:consultation_agenda"))
    assert [c.topic for c in agenda.context["upcoming"]] == ["Keeping young people in the council"]


def test_the_secretariat_schedules_and_both_sides_get_the_ics(
    secretariat_client, consultation, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert schedule(secretariat_client, consultation).status_code == 302
    consultation.refresh_from_db()
    assert consultation.status == "scheduled"
    assert (
        timezone.localtime(consultation.starts_at).strftime("%Y-%m-%d %H:%M")
        == f"{NEXT_YEAR}-03-09 10:00"
    )
    assert sorted(m.to[0] for m in mailoutbox) == [
        "lina@experts.test",
        "mayor@spilamberto.test",
        "staff@network.test",
    ]
    name, content, mimetype = mailoutbox[0].attachments[0]
    assert (name, mimetype) == ("consultation.ics", "text/calendar")


def test_the_ics_holds_the_scheduled_time_for_requester_and_expert(
    client, member, expert_user, consultation, secretariat
):
    Consultation.objects.filter(pk=consultation.pk).update(
        status="scheduled",
        location="Town hall, Spilamberto",
        starts_at=datetime.datetime(2027, 3, 9, 9, 0, tzinfo=datetime.UTC),
    )
    for user in (member, expert_user):
        client.force_login(user)
        response = client.get(reverse("cooperation:consultation_ics", args=[consultation.pk]))
        assert response["Content-Type"] == "text/calendar"
        event = Calendar.from_ical(response.content).walk("VEVENT")[0]
        assert event["SUMMARY"] == "Keeping young people in the council (Youth council)"
        assert event.decoded("DTSTART") == datetime.datetime(2027, 3, 9, 9, 0, tzinfo=datetime.UTC)
        assert event.decoded("DTEND") == datetime.datetime(2027, 3, 9, 10, 0, tzinfo=datetime.UTC)
        assert str(event["LOCATION"]) == "Town hall, Spilamberto"


def test_another_town_sees_neither_the_consultation_nor_its_ics(other_member_client, consultation):
    for name in ("consultation_detail", "consultation_ics"):
        url = reverse(f"cooperation:{name}", args=[consultation.pk])
        assert other_member_client.get(url).status_code == 404
    assert (
        list(
            other_member_client.get(reverse("cooperation:consultation_agenda")).context["upcoming"]
        )
        == []
    )


def test_a_representative_cannot_schedule_and_nothing_changes(member_client, consultation):
    assert schedule(member_client, consultation).status_code == 403
    consultation.refresh_from_db()
    assert (consultation.status, consultation.starts_at) == ("requested", None)


def test_scheduling_without_a_place_is_refused_next_to_the_field(secretariat_client, consultation):
    response = schedule(secretariat_client, consultation, location=" ")
    assert response.status_code == 400
    assert "Give the video link or the meeting place." in response.content.decode()
    consultation.refresh_from_db()
    assert consultation.status == "requested"


def test_a_representative_cannot_ask_on_another_towns_project(other_member_client, project):
    response = other_member_client.post(
        reverse("cooperation:consultation_new"), REQUEST | {"project": project.pk}
    )
    assert response.status_code == 403
    assert Consultation.objects.count() == 0


def test_the_expert_records_notes_that_stay_on_the_project(
    client, expert_user, consultation, member
):
    client.force_login(expert_user)
    url = reverse("cooperation:consultation_notes", args=[consultation.pk])
    notes = "<p>Rotate the chair.</p><script>alert(1)</script>"
    assert client.post(url, {"notes": notes}).status_code == 302
    consultation.refresh_from_db()
    assert (consultation.status, consultation.notes) == ("held", "<p>Rotate the chair.</p>")
    client.force_login(member)
    fragment = client.get(
        reverse("cooperation:project_consultations", args=[consultation.project_id])
    )
    assert "<p>Rotate the chair.</p>" in fragment.content.decode()
    assert "<script>" not in fragment.content.decode()


def test_the_requester_cannot_write_the_notes(member_client, consultation):
    url = reverse("cooperation:consultation_notes", args=[consultation.pk])
    assert member_client.post(url, {"notes": "Mine"}).status_code == 403
    consultation.refresh_from_db()
    assert consultation.notes == ""


def test_the_project_fragment_is_for_its_team_and_the_secretariat(
    client, other_member, secretariat, consultation
):
    url = reverse("cooperation:project_consultations", args=[consultation.project_id])
    client.force_login(other_member)
    assert client.get(url).status_code == 403
    client.force_login(secretariat)
    response = client.get(url)
    assert [c.topic for c in response.context["consultations"]] == [REQUEST["topic"]]


def test_asking_the_secretariat_mails_the_secretariat(
    member_client, project, secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(
            reverse("cooperation:consultation_new"), REQUEST | {"project": project.pk, "expert": ""}
        )
    assert Consultation.objects.get().expert is None
    assert [m.to for m in mailoutbox] == [["staff@network.test"]]


def test_a_consultation_cannot_be_scheduled_in_the_past_and_nobody_is_mailed(
    secretariat_client, consultation, mailoutbox
):
    sent_before = len(mailoutbox)
    response = schedule(secretariat_client, consultation, starts_at="2020-03-02T10:00")
    assert response.status_code == 400
    assert response.context["schedule_form"].errors["starts_at"] == ["Choose a time in the future."]
    consultation.refresh_from_db()
    assert (consultation.status, len(mailoutbox)) == ("requested", sent_before)
