"""The secretariat writes, opens and closes calls in the admin, without code or superpowers."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from glocal.calls.models import Application, Assignment, Call, CallStatus, Criterion, Question

from .builders import make_call, submitted

pytestmark = pytest.mark.django_db

ADD = "/admin/calls/call/add/"


def call_form(**extra) -> dict:
    """A whole admin form: the call, two criteria and one question of each type."""
    data = {
        "title": "Lab hosts 2030", "slug": "lab-hosts-2030", "kind": "lab", "status": "open",
        "summary": "Host a lab.", "description": "<p>Come.</p><script>x()</script>",
        "eligibility_notes": "", "members_only": "on", "year": "2030",
        "opens_at_0": "2030-03-01", "opens_at_1": "09:00:00",
        "closes_at_0": "2030-04-30", "closes_at_1": "23:59:00",
        "criteria-TOTAL_FORMS": "2", "criteria-INITIAL_FORMS": "0",
        "criteria-0-position": "1", "criteria-0-name": "Relevance", "criteria-0-weight": "3",
        "criteria-1-position": "2", "criteria-1-name": "Feasibility", "criteria-1-weight": "1",
        "questions-TOTAL_FORMS": "4", "questions-INITIAL_FORMS": "0",
    }  # fmt: skip
    for n, (label, kind, choices, required) in enumerate([
        ("Why you?", "text", "", "on"), ("Team size", "number", "", ""),
        ("Season", "choice", "Spring\nAutumn", "on"), ("Letter", "file", "", "on"),
    ]):  # fmt: skip
        data |= {f"questions-{n}-position": str(n), f"questions-{n}-label": label,
                 f"questions-{n}-type": kind, f"questions-{n}-choices": choices}  # fmt: skip
        if required:
            data[f"questions-{n}-required"] = required
    return data | extra


def test_secretariat_writes_and_opens_a_call_in_the_admin_in_its_own_time_zone(
    secretariat_client, secretariat
):
    secretariat.time_zone = "Asia/Beirut"
    secretariat.save(update_fields=["time_zone"])
    assert not secretariat.is_superuser
    assert f'href="{ADD}"' in secretariat_client.get("/calls/").content.decode()
    page = secretariat_client.get(ADD)
    assert page.status_code == 200
    assert "In your time zone, Asia/Beirut." in page.content.decode()
    response = secretariat_client.post(ADD, call_form())
    assert response.status_code == 302
    call = Call.objects.get()
    beirut = zoneinfo.ZoneInfo("Asia/Beirut")
    assert (call.status, call.description) == (CallStatus.OPEN, "<p>Come.</p>")
    assert call.closes_at == datetime.datetime(2030, 4, 30, 23, 59, tzinfo=beirut)
    assert [(c.name, c.weight) for c in call.criteria.all()] == [
        ("Relevance", 3), ("Feasibility", 1)
    ]  # fmt: skip
    assert [(q.type, q.required) for q in call.questions.all()] == [
        ("text", True), ("number", False), ("choice", True), ("file", True)
    ]  # fmt: skip
    assert secretariat_client.get(f"/admin/calls/call/{call.pk}/change/").status_code == 200


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"closes_at_0": "2030-02-01"}, "The call must close after it opens."),
        ({"criteria-0-weight": "0"}, "greater than or equal to 1"),
        ({"criteria-1-weight": "101"}, "less than or equal to 100"),
        ({"questions-2-choices": "Spring"}, "at least two choices"),
        ({"criteria-TOTAL_FORMS": "0"}, "A call needs at least one criterion before it opens."),
    ],
)  # fmt: skip
def test_admin_refuses_a_bad_call_and_says_why(secretariat_client, change, message):
    response = secretariat_client.post(ADD, call_form(**change))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Call.objects.exists()
    assert not Criterion.objects.exists()
    assert not Question.objects.exists()


def test_a_draft_call_may_be_saved_before_its_criteria_are_written(secretariat_client):
    data = call_form(status="draft", **{"criteria-TOTAL_FORMS": "0"})
    assert secretariat_client.post(ADD, data).status_code == 302
    assert Call.objects.get().status == CallStatus.DRAFT


def test_members_and_reviewers_cannot_reach_the_calls_admin(client, member, reviewer):
    for person in (member, reviewer):
        client.force_login(person)
        assert client.post(ADD, call_form()).status_code == 302  # to the admin sign-in
    assert not Call.objects.exists()


def actions(client, action: str, *calls: Call):
    data = {"action": action, "_selected_action": [c.pk for c in calls]}
    return client.post("/admin/calls/call/", data, follow=True)


def test_secretariat_opens_a_draft_call_from_the_list_but_not_one_without_criteria(
    secretariat_client,
):
    ready, empty = make_call(slug="ready"), make_call(slug="empty")
    Call.objects.update(status=CallStatus.DRAFT)
    empty.criteria.all().delete()
    response = actions(secretariat_client, "open_calls", ready, empty)
    page = response.content.decode()
    assert "Empty has no criteria: reviewers could not score it." in page
    assert "1 call changed." in page
    assert dict(Call.objects.values_list("slug", "status")) == {
        "ready": CallStatus.OPEN, "empty": CallStatus.DRAFT
    }  # fmt: skip


def test_closing_a_call_early_stops_applicants_and_starts_the_review(
    client, secretariat, member, reviewer, town, lab_call
):
    application = submitted(lab_call, town, title="Before")
    assignment = Assignment.objects.create(application=application, reviewer=reviewer)
    client.force_login(secretariat)
    actions(client, "close_calls", lab_call)
    lab_call.refresh_from_db()
    assert lab_call.status == CallStatus.CLOSED
    assert lab_call.closes_at > timezone.now()  # the announced deadline had not come yet
    client.force_login(member)
    client.post("/calls/lab-2026/apply/", {"title": "Late", "submit": "1"})
    assert Application.objects.get().title == "Before"
    assert "Under review" in client.get("/calls/lab-2026/").content.decode()
    client.force_login(reviewer)
    criteria = list(lab_call.criteria.all())
    scores = {f"score_{c.pk}": "7" for c in criteria}
    url = f"/calls/lab-2026/applications/{application.pk}/score/"
    assert client.post(url, scores).status_code == 302
    assert [s.value for s in assignment.scores.all()] == [7, 7]


def test_a_call_with_applications_cannot_be_deleted(secretariat_client, town, lab_call):
    submitted(lab_call, town)
    response = secretariat_client.post(f"/admin/calls/call/{lab_call.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    actions(secretariat_client, "delete_selected", lab_call)
    assert Call.objects.filter(pk=lab_call.pk).exists()
    assert Application.objects.count() == 1


def test_applications_and_history_are_read_only_in_the_admin(secretariat_client, town, lab_call):
    application = submitted(lab_call, town, title="Ours")
    url = f"/admin/calls/application/{application.pk}/change/"
    assert secretariat_client.get(url).status_code == 200
    assert secretariat_client.post(url, {"title": "Changed"}).status_code == 403
    assert Application.objects.get().title == "Ours"


def test_a_criterion_already_scored_cannot_be_removed(secretariat_client, reviewer, town,
                                                      closed_call):  # fmt: skip
    from glocal.calls.models import Score

    application = submitted(closed_call, town)
    assignment = Assignment.objects.create(application=application, reviewer=reviewer)
    relevance, feasibility = closed_call.criteria.all()
    Score.objects.create(assignment=assignment, criterion=relevance, value=8)
    url = f"/admin/calls/call/{closed_call.pk}/change/"
    form = secretariat_client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data |= {"opens_at_0": closed_call.opens_at.date().isoformat(), "opens_at_1": "00:00:00",
             "closes_at_0": closed_call.closes_at.date().isoformat(), "closes_at_1": "23:00:00",
             "regions": [], "population_bands": []}  # fmt: skip
    data = {k: v for k, v in data.items() if v not in ("", [], False)}
    data |= {"criteria-TOTAL_FORMS": "2", "criteria-INITIAL_FORMS": "2",
             "questions-TOTAL_FORMS": "0", "questions-INITIAL_FORMS": "0"}  # fmt: skip
    for n, criterion in enumerate((relevance, feasibility)):
        data |= {f"criteria-{n}-id": criterion.pk, f"criteria-{n}-call": closed_call.pk,
                 f"criteria-{n}-position": n, f"criteria-{n}-name": criterion.name,
                 f"criteria-{n}-weight": criterion.weight}  # fmt: skip
    response = secretariat_client.post(url, data | {"criteria-1-DELETE": "on"})
    assert response.status_code == 302  # an unscored criterion may go
    assert list(closed_call.criteria.all()) == [relevance]
    data |= {"criteria-TOTAL_FORMS": "1", "criteria-INITIAL_FORMS": "1", "criteria-0-DELETE": "on"}
    response = secretariat_client.post(url, data)
    assert response.status_code == 200
    assert "Reviewers have scored Relevance; it stays" in response.content.decode()
    assert list(closed_call.criteria.all()) == [relevance]
    assert Score.objects.get().value == 8
