"""Partner towns on one collaboration, colleagues on one consultation: no change lost silently."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from glocal.audit.models import AuditEntry
from glocal.lib.tests.edit_pages import ONLY_POSTGRESQL, page_data, race
from glocal.members.models import User
from glocal.reference.models import Theme
from glocal.reference.tests.rows import reference_rows

from ..models import Collaboration, Consultation, Partner
from ..services import request_consultation, start_collaboration

pytestmark = pytest.mark.django_db
NEXT_YEAR = timezone.localdate().year + 1


@pytest.fixture
def collaboration(town, other_town, member):
    collaboration = start_collaboration(
        lead=town, user=member, title="Youth across the sea",
        summary="Young people of both towns meet.",
        themes=Theme.objects.filter(slug="children-youth"),
    )  # fmt: skip
    Partner.objects.create(collaboration=collaboration, municipality=other_town,
                           invited_by=member, status=Partner.Status.ACCEPTED)  # fmt: skip
    return collaboration


def edit_url(collaboration) -> str:
    return reverse("cooperation:collaboration_edit", args=[collaboration.slug])


def test_two_partner_towns_changing_different_fields_keep_both_changes(
    member_client, other_member, collaboration
):
    partner = Client()
    partner.force_login(other_member)
    tab_a = page_data(member_client.get(edit_url(collaboration)))
    tab_b = page_data(partner.get(edit_url(collaboration)))
    first = member_client.post(edit_url(collaboration), tab_a | {"title": "Summer jobs"})
    second = partner.post(edit_url(collaboration), tab_b | {"status": "running"})
    collaboration.refresh_from_db()
    assert (first.status_code, second.status_code) == (302, 302)
    assert (collaboration.title, collaboration.status, collaboration.version) == (
        "Summer jobs", "running", 3)  # fmt: skip
    edits = AuditEntry.objects.filter(action="collaboration.edited").order_by("pk")
    assert [entry.changes for entry in edits] == [
        {"title": ["Youth across the sea", "Summer jobs"]},
        {"status": ["preparing", "running"]},
    ]


def test_a_stale_save_of_one_field_shows_both_texts_keeps_mine_in_the_form_and_saves_nothing(
    member_client, other_member, collaboration
):
    partner = Client()
    partner.force_login(other_member)
    tab_a = page_data(member_client.get(edit_url(collaboration)))
    tab_b = page_data(partner.get(edit_url(collaboration)))
    partner.post(edit_url(collaboration), tab_b | {"summary": "Theirs.", "status": "running"})
    response = member_client.post(
        edit_url(collaboration), tab_a | {"summary": "Mine.", "title": "Summer jobs"}
    )
    assert response.status_code == 409
    rows = [(c["label"], c["theirs"], c["mine"]) for c in response.context["conflicts"]]
    assert rows == [("What we do together", "Theirs.", "Mine.")]
    page = response.content.decode()
    assert "Theirs." in page
    assert "Mine." in page
    assert response.context["form"]["summary"].value() == "Mine."
    assert response.context["form"]["title"].value() == "Summer jobs"
    assert response.context["form"]["status"].value() == "running"  # theirs, laid in
    collaboration.refresh_from_db()
    assert (collaboration.title, collaboration.summary, collaboration.status,
            collaboration.version) == ("Youth across the sea", "Theirs.", "running", 2)  # fmt: skip
    again = member_client.post(edit_url(collaboration), page_data(response))
    collaboration.refresh_from_db()
    assert (again.status_code, collaboration.title, collaboration.summary,
            collaboration.status) == (302, "Summer jobs", "Mine.", "running")  # fmt: skip


def test_a_stale_save_whose_merge_breaks_the_dates_keeps_its_version_for_the_next_save(
    member_client, other_member, collaboration
):
    partner = Client()
    partner.force_login(other_member)
    tab_a = page_data(member_client.get(edit_url(collaboration)))
    tab_b = page_data(partner.get(edit_url(collaboration)))
    partner.post(edit_url(collaboration), tab_b | {"end_date": f"{NEXT_YEAR}-03-31"})
    refused = member_client.post(edit_url(collaboration), tab_a | {
        "start_date": f"{NEXT_YEAR}-06-01", "title": "Summer jobs"})  # fmt: skip
    assert refused.status_code == 400  # June, with the partner's end in March
    assert (refused.context["version"], refused.context["base"]) == (
        str(tab_a["version"]), tab_a["base"])  # fmt: skip
    again = member_client.post(edit_url(collaboration), page_data(refused) | {
        "start_date": f"{NEXT_YEAR}-02-01"})  # fmt: skip
    collaboration.refresh_from_db()
    assert (again.status_code, collaboration.title, str(collaboration.start_date),
            str(collaboration.end_date)) == (
        302, "Summer jobs", f"{NEXT_YEAR}-02-01", f"{NEXT_YEAR}-03-31")  # fmt: skip


def test_a_stale_save_with_a_forged_base_is_refused_field_by_field(member_client, collaboration):
    stale = page_data(member_client.get(edit_url(collaboration))) | {"base": "forged"}
    member_client.post(edit_url(collaboration), page_data(member_client.get(
        edit_url(collaboration))) | {"title": "Summer jobs"})  # fmt: skip
    response = member_client.post(edit_url(collaboration), stale | {"summary": "Mine."})
    assert response.status_code == 409
    assert [c["mine"] for c in response.context["conflicts"]] == ["Youth across the sea", "Mine."]
    summary = Collaboration.objects.get(pk=collaboration.pk).summary
    assert summary == "Young people of both towns meet."


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures(reference_rows.__name__)
@pytest.mark.skipif(**ONLY_POSTGRESQL)
def test_two_partner_towns_saving_one_field_at_once_leave_one_change_and_one_conflict(
    member_client, other_member, collaboration
):
    partner = Client()
    partner.force_login(other_member)
    tab_a = page_data(member_client.get(edit_url(collaboration)))
    tab_b = page_data(partner.get(edit_url(collaboration)))
    answers = race(
        lambda: member_client.post(edit_url(collaboration), tab_a | {"title": "Summer jobs"}),
        lambda: partner.post(edit_url(collaboration), tab_b | {"title": "First jobs"}),
    )
    collaboration.refresh_from_db()
    assert sorted(a.status_code for a in answers) == [302, 409]
    winner = "Summer jobs" if answers[0].status_code == 302 else "First jobs"
    assert (collaboration.title, collaboration.version) == (winner, 2)


@pytest.fixture
def consultation(project, member, expert):
    return request_consultation(
        project=project,
        user=member,
        expert=expert,
        topic="Youth council",
        question="How to keep attendance?",
        preferred_times="Tuesdays",
    )


@pytest.fixture
def colleague(db) -> User:
    return User.objects.create_user("staff2@network.test", "pw-staff-2", is_staff=True)


def page_of(client, consultation) -> dict:
    page = client.get(reverse("cooperation:consultation_detail", args=[consultation.pk]))
    return {"version": page.context["version"], "schedule": page.context.get("schedule_base"),
            "notes": page.context.get("notes_base")}  # fmt: skip


def schedule(client, consultation, page: dict, **values):
    url = reverse("cooperation:consultation_schedule", args=[consultation.pk])
    data = {"starts_at": f"{NEXT_YEAR}-03-09T10:00", "duration_minutes": "45",
            "location": "https://meet.example/abc"} | values  # fmt: skip
    return client.post(url, data | {"version": page["version"], "base": page["schedule"]})


def test_two_colleagues_scheduling_from_one_page_state_keep_the_first_place(
    secretariat_client, colleague, consultation
):
    other = Client()
    other.force_login(colleague)
    mine, theirs = page_of(secretariat_client, consultation), page_of(other, consultation)
    assert schedule(other, consultation, theirs, location="Town hall, room 2").status_code == 302
    response = schedule(secretariat_client, consultation, mine, location="https://meet.example/x",
                        duration_minutes="60")  # fmt: skip
    assert response.status_code == 409
    rows = [(c["label"], c["theirs"], c["mine"]) for c in response.context["schedule_conflicts"]]
    assert rows == [("Link or place", "Town hall, room 2", "https://meet.example/x")]
    page = response.content.decode()
    assert "Town hall, room 2" in page
    assert 'value="https://meet.example/x"' in page
    assert response.context["schedule_form"]["duration_minutes"].value() == "45"  # kept: 60 was
    # the page's value, so the colleague's 45 is laid into the form
    consultation.refresh_from_db()
    assert (consultation.location, consultation.duration_minutes, consultation.version) == (
        "Town hall, room 2", 45, 2)  # fmt: skip
    assert AuditEntry.objects.filter(action="consultation.scheduled").count() == 1


def test_a_stale_schedule_changing_other_details_keeps_the_colleagues_place(
    secretariat_client, colleague, consultation
):
    other = Client()
    other.force_login(colleague)
    mine = page_of(secretariat_client, consultation)
    schedule(other, consultation, page_of(other, consultation), location="Town hall")
    page = page_of(secretariat_client, consultation)
    assert schedule(other, consultation, page, location="Town hall, room 2").status_code == 302
    stale = mine | {"version": page["version"], "schedule": page["schedule"]}
    assert schedule(secretariat_client, consultation, stale, location="Town hall",
                    duration_minutes="90").status_code == 302  # fmt: skip
    consultation.refresh_from_db()
    assert (consultation.location, consultation.duration_minutes, consultation.version) == (
        "Town hall, room 2", 90, 4)  # fmt: skip


def test_notes_saved_meanwhile_are_shown_beside_mine_and_not_overwritten(
    client, secretariat_client, expert_user, consultation
):
    client.force_login(expert_user)
    url = reverse("cooperation:consultation_notes", args=[consultation.pk])
    mine, theirs = page_of(client, consultation), page_of(secretariat_client, consultation)
    secretariat_client.post(url, {"notes": "<p>Theirs.</p>", "version": theirs["version"],
                                  "base": theirs["notes"]})  # fmt: skip
    response = client.post(url, {"notes": "<p>Mine.</p>", "version": mine["version"],
                                 "base": mine["notes"]})  # fmt: skip
    assert response.status_code == 409
    rows = [(c["theirs"], c["mine"]) for c in response.context["notes_conflicts"]]
    assert rows == [("<p>Theirs.</p>", "<p>Mine.</p>")]
    assert response.context["notes_form"]["notes"].value() == "<p>Mine.</p>"
    assert Consultation.objects.get(pk=consultation.pk).notes == "<p>Theirs.</p>"
    again = client.post(url, {"notes": "<p>Mine.</p>", "version": response.context["version"],
                              "base": response.context["notes_base"]})  # fmt: skip
    assert (again.status_code, Consultation.objects.get(pk=consultation.pk).notes) == (
        302, "<p>Mine.</p>")  # fmt: skip
