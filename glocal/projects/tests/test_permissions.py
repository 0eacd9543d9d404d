from django.test import Client

from glocal.projects.models import Project, ProjectStatus, ProjectVisibility
from glocal.projects.models_plan import Goal

PAGES = ["", "monitoring/", "monitoring.csv", "report/"]


def test_another_town_cannot_see_a_private_project(other_member_client, project):
    for page in PAGES:
        assert other_member_client.get(f"/projects/{project.pk}/{page}").status_code == 404
    assert "Parks in Common" not in other_member_client.get("/projects/").content.decode()


def test_the_home_town_and_the_secretariat_see_a_private_project(
    member_client, client, secretariat, project
):
    for page in PAGES:
        assert member_client.get(f"/projects/{project.pk}/{page}").status_code == 200
    client.force_login(secretariat)
    assert client.get(f"/projects/{project.pk}/").status_code == 200


def test_visitors_see_only_public_projects(anonymous, project):
    assert anonymous.get(f"/projects/{project.pk}/").status_code == 404
    project.visibility = ProjectVisibility.PUBLIC
    project.save(update_fields=["visibility"])
    assert anonymous.get(f"/projects/{project.pk}/").status_code == 200


def test_another_town_cannot_edit_a_project_it_can_see(other_member_client, project):
    project.visibility = ProjectVisibility.NETWORK
    project.save(update_fields=["visibility"])
    edit = other_member_client.post(f"/projects/{project.pk}/edit/", {
        "title": "Taken over", "status": "completed", "visibility": "public",
        "start_date": "2026-01-01", "end_date": "2026-12-31"})  # fmt: skip
    add = other_member_client.post(f"/projects/{project.pk}/plan/goal/add/", {"text": "Ours"})
    assert (edit.status_code, add.status_code) == (403, 403)
    project.refresh_from_db()
    assert (project.title, project.status) == ("Parks in Common", ProjectStatus.PLANNING)
    assert Goal.objects.count() == 0
    assert "Edit" not in other_member_client.get(project.get_absolute_url()).content.decode()


def test_another_town_cannot_remove_plan_items(other_member_client, project):
    goal = Goal.objects.create(project=project, text="Twenty parks adopted")
    response = other_member_client.post(f"/projects/{project.pk}/plan/goal/{goal.pk}/delete/")
    assert response.status_code == 404
    assert Goal.objects.filter(pk=goal.pk).exists()


def test_project_list_shows_what_each_persona_may_see(member, project, town):
    public = Project.objects.create(municipality=town, title="Open Library", visibility="public")
    visitor = Client()
    assert "Open Library" in visitor.get("/projects/").content.decode()
    assert "Parks in Common" not in visitor.get("/projects/").content.decode()
    signed_in = Client()
    signed_in.force_login(member)
    page = signed_in.get("/projects/?mine=1").content.decode()
    assert "Parks in Common" in page
    assert public.title in page


def test_project_list_runs_a_constant_number_of_queries(
    member_client, town, django_assert_num_queries
):
    for n in range(12):
        Project.objects.create(municipality=town, title=f"Project {n}", visibility="public")
    member_client.get("/projects/")
    with django_assert_num_queries(5):  # one for translations
        member_client.get("/projects/")
    for n in range(12, 20):
        Project.objects.create(municipality=town, title=f"Project {n}", visibility="public")
    with django_assert_num_queries(5):  # one for translations
        member_client.get("/projects/")
