"""Two tabs (or two colleagues) on one project plan: nobody's change is lost silently."""

import pytest
from django.test import Client

from glocal.lib.tests.edit_pages import ONLY_POSTGRESQL, page_data, race
from glocal.members.models import Membership, User
from glocal.projects.models import Project
from glocal.projects.models_plan import Milestone
from glocal.reference.tests.rows import reference_rows

pytestmark = pytest.mark.django_db


def edit_url(project) -> str:
    return f"/projects/{project.pk}/edit/"


@pytest.fixture
def colleague_client(town) -> Client:
    colleague = User.objects.create_user("colleague@spilamberto.test", "pw", full_name="Colleague")
    Membership.objects.create(user=colleague, municipality=town)
    client = Client()
    client.force_login(colleague)
    return client


def test_two_tabs_changing_different_fields_keep_both_changes(member_client, project):
    tab_a = page_data(member_client.get(edit_url(project)))
    tab_b = page_data(member_client.get(edit_url(project)))
    first = member_client.post(edit_url(project), tab_a | {"title": "Parks for everyone"})
    second = member_client.post(edit_url(project), tab_b | {"summary": "Residents adopt parks."})
    project.refresh_from_db()
    assert (first.status_code, second.status_code) == (302, 302)
    assert (project.title, project.summary, project.version) == (
        "Parks for everyone", "Residents adopt parks.", 3)  # fmt: skip


def test_two_tabs_changing_one_field_differently_show_both_and_save_nothing(member_client, project):
    tab_a = page_data(member_client.get(edit_url(project)))
    tab_b = page_data(member_client.get(edit_url(project)))
    member_client.post(edit_url(project), tab_a | {"title": "Parks for everyone",
                                                   "status": "implementing"})  # fmt: skip
    response = member_client.post(edit_url(project), tab_b | {"title": "Green squares",
                                                              "summary": "Mine."})  # fmt: skip
    assert response.status_code == 409
    rows = [(c["label"], c["theirs"], c["mine"]) for c in response.context["conflicts"]]
    assert rows == [("Title", "Parks for everyone", "Green squares")]
    assert "Green squares" in response.content.decode()  # still in the form
    assert response.context["form"]["summary"].value() == "Mine."
    project.refresh_from_db()
    assert (project.title, project.summary, project.status, project.version) == (
        "Parks for everyone", "", "implementing", 2)  # fmt: skip
    again = member_client.post(edit_url(project), page_data(response))
    project.refresh_from_db()
    assert (again.status_code, project.title, project.summary, project.status) == (
        302, "Green squares", "Mine.", "implementing")  # fmt: skip


def test_a_save_without_a_version_from_an_old_page_is_refused_field_by_field(
    member_client, project
):
    stale = page_data(member_client.get(edit_url(project))) | {"version": "1", "base": "forged"}
    member_client.post(edit_url(project), page_data(member_client.get(edit_url(project)))
                       | {"title": "Parks for everyone"})  # fmt: skip
    response = member_client.post(edit_url(project), stale | {"summary": "Mine."})
    assert response.status_code == 409
    assert [c["mine"] for c in response.context["conflicts"]] == ["Parks in Common", "Mine."]
    assert Project.objects.get(pk=project.pk).summary == ""


def test_a_milestone_moved_in_another_tab_is_not_moved_again(member_client, project, milestone):
    url = f"/projects/{project.pk}/milestones/{milestone.pk}/status/"
    member_client.post(url, {"status": "done", "was": "planned"})
    response = member_client.post(url, {"status": "in_progress", "was": "planned"}, follow=True)
    assert "Someone set this milestone to “Done” meanwhile" in response.content.decode()
    assert Milestone.objects.get(pk=milestone.pk).status == "done"


def test_a_plan_row_removed_in_another_tab_is_reported_not_a_404(member_client, project,
                                                                 milestone):  # fmt: skip
    url = f"/projects/{project.pk}/plan/milestone/{milestone.pk}/delete/"
    member_client.post(url)
    response = member_client.post(url, follow=True)
    assert response.status_code == 200
    assert "already removed from the plan" in response.content.decode()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures(reference_rows.__name__)
@pytest.mark.skipif(**ONLY_POSTGRESQL)
def test_two_colleagues_saving_the_plan_at_once_keep_both_changes(
    member_client, colleague_client, project
):
    tab_a = page_data(member_client.get(edit_url(project)))
    tab_b = page_data(colleague_client.get(edit_url(project)))
    answers = race(
        lambda: member_client.post(edit_url(project), tab_a | {"title": "Parks for everyone"}),
        lambda: colleague_client.post(edit_url(project), tab_b | {"summary": "Adopt a park."}),
    )
    project.refresh_from_db()
    assert [a.status_code for a in answers] == [302, 302]
    assert (project.title, project.summary, project.version) == (
        "Parks for everyone", "Adopt a park.", 3)  # fmt: skip


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures(reference_rows.__name__)
@pytest.mark.skipif(**ONLY_POSTGRESQL)
def test_two_colleagues_changing_one_field_at_once_leave_one_change_and_one_conflict(
    member_client, colleague_client, project
):
    tab_a = page_data(member_client.get(edit_url(project)))
    tab_b = page_data(colleague_client.get(edit_url(project)))
    answers = race(
        lambda: member_client.post(edit_url(project), tab_a | {"title": "Parks for everyone"}),
        lambda: colleague_client.post(edit_url(project), tab_b | {"title": "Green squares"}),
    )
    project.refresh_from_db()
    codes = sorted(a.status_code for a in answers)
    winner = answers[0] if answers[0].status_code == 302 else answers[1]
    assert codes == [302, 409]
    assert project.title == ("Parks for everyone" if winner is answers[0] else "Green squares")
    assert project.version == 2


def api_patch(client, project, token: str, body: dict, **headers):
    return client.patch(f"/api/v1/projects/{project.pk}", body, content_type="application/json",
                        HTTP_AUTHORIZATION=f"Bearer {token}", **headers)  # fmt: skip


@pytest.fixture
def token(member) -> str:
    from glocal.members.models import ApiToken

    return ApiToken.issue(member, "test")[1]


def test_the_api_saves_a_plan_change_made_on_the_version_read(client, project, token):
    read = client.get(f"/api/v1/projects/{project.pk}", HTTP_AUTHORIZATION=f"Bearer {token}")
    response = api_patch(client, project, token, {"version": read.json()["version"],
                                                  "title": "Parks for everyone"})  # fmt: skip
    assert response.status_code == 200
    assert (response.json()["title"], response.json()["version"]) == ("Parks for everyone", 2)


def test_the_api_refuses_a_change_made_on_an_older_version_with_409_and_the_current_one(
    client, project, token
):
    api_patch(client, project, token, {"version": 1, "title": "Parks for everyone"})
    response = api_patch(client, project, token, {"title": "Green squares"}, HTTP_IF_MATCH='"1"')
    assert response.status_code == 409
    both = {"current": "Parks for everyone", "yours": "Green squares"}
    assert response.json() == {"error": {
        "code": "conflict", "version": 2, "fields": {"title": both},
        "message": "Someone changed these fields since version 1; nothing was saved."}}  # fmt: skip
    assert Project.objects.get(pk=project.pk).title == "Parks for everyone"


def test_the_api_asks_for_the_version_a_change_is_based_on(client, project, token):
    response = api_patch(client, project, token, {"title": "Green squares"})
    assert (response.status_code, response.json()["error"]["code"]) == (428, "version_required")
    assert Project.objects.get(pk=project.pk).title == "Parks in Common"


def outcome_url(project) -> str:
    return f"/projects/{project.pk}/outcome/"


OUTCOME = {"result": "worked", "achievements": "Six parks.", "lessons": "", "status": "completed"}


def test_an_outcome_recorded_meanwhile_is_shown_beside_mine_and_not_overwritten(
    member_client, colleague_client, project
):
    from glocal.projects.models import TransferOutcome

    tab_a = page_data(member_client.get(outcome_url(project)))
    tab_b = page_data(colleague_client.get(outcome_url(project)))
    assert colleague_client.post(outcome_url(project), tab_b | OUTCOME).status_code == 302
    response = member_client.post(outcome_url(project), tab_a | OUTCOME | {
        "achievements": "Forty residents.", "lessons": "Start small."})  # fmt: skip
    assert response.status_code == 409
    rows = [(c["label"], c["theirs"], c["mine"]) for c in response.context["conflicts"]]
    assert rows == [("What it achieved", "Six parks.", "Forty residents.")]
    assert response.context["form"]["lessons"].value() == "Start small."
    outcome = TransferOutcome.objects.get()
    assert (outcome.achievements, outcome.lessons) == ("Six parks.", "")
    again = member_client.post(outcome_url(project), page_data(response))
    outcome.refresh_from_db()
    assert (again.status_code, outcome.achievements, outcome.lessons) == (
        302, "Forty residents.", "Start small.")  # fmt: skip


def test_a_plan_page_opened_before_the_outcome_keeps_the_closed_status(member_client, project):
    plan = page_data(member_client.get(edit_url(project)))
    member_client.post(outcome_url(project), page_data(member_client.get(outcome_url(project)))
                       | OUTCOME)  # fmt: skip
    assert member_client.post(edit_url(project), plan | {"title": "Parks"}).status_code == 302
    project.refresh_from_db()
    assert (project.title, project.status) == ("Parks", "completed")
