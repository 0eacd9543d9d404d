import datetime
from decimal import Decimal

from django.test import Client

from glocal.projects.models import Indicator, Measurement, Project, ProjectStatus, TransferOutcome
from glocal.projects.models_plan import Milestone
from glocal.projects.services import start_project

DASHBOARD_QUERIES = 15  # translations of the listed projects included
SIDE_BY_SIDE_QUERIES = 7  # one of them for translations


def network(town, other_town, prototype, project):
    """Spilamberto: private, planning, one late milestone. Zahlé: implementing, 2 indicators."""
    Milestone.objects.create(project=project, title="Late one", due_date=datetime.date(2026, 2, 1))
    zahle = start_project(municipality=other_town, title="Zahlé Engaged", user=None,
                          prototype=prototype, start_date=datetime.date(2026, 1, 1),
                          end_date=datetime.date(2027, 6, 30))  # fmt: skip
    zahle.status = ProjectStatus.IMPLEMENTING
    zahle.save(update_fields=["status"])
    Milestone.objects.create(project=zahle, title="Kick-off", due_date=datetime.date(2026, 2, 1),
                             status="done")  # fmt: skip
    for name, baseline, target, value, sdg in (("Volunteers", 0, 100, 50, 11),
                                               ("Events", 10, 20, 20, 16)):  # fmt: skip
        indicator = Indicator.objects.create(project=zahle, name=name, unit="n",
                                             baseline=baseline, target=target,
                                             target_date=datetime.date(2027, 6, 1))  # fmt: skip
        indicator.sdgs.set([sdg])
        Measurement.objects.create(indicator=indicator, value=Decimal(value),
                                   measured_on=datetime.date(2026, 4, 1))  # fmt: skip
    return zahle


def test_dashboard_shows_the_networks_figures(
    secretariat_client, town, other_town, prototype, project
):
    network(town, other_town, prototype, project)
    response = secretariat_client.get("/dashboard/")
    assert response.status_code == 200
    context = response.context
    assert (context["total"], context["late_count"]) == (2, 1)
    assert [p.title for p in context["late"]] == ["Parks in Common"]
    assert [(r["key"], r["n"]) for r in context["by_status"]] == [
        ("implementing", 1), ("planning", 1)]  # fmt: skip
    assert [(r["key"], r["n"]) for r in context["by_region"]] == [("europe", 1), ("mena", 1)]
    assert [(r["key"], r["n"]) for r in context["by_sdg"]] == [(11, 1), (16, 1)]
    assert [(p.slug, p.n, p.running) for p in context["prototypes"]] == [(prototype.slug, 2, 2)]
    assert (context["indicator_count"], context["measured_count"], context["reached_count"],
            context["avg_progress"]) == (2, 2, 1, 75)  # fmt: skip
    assert [(p.title, p.avg_progress) for p in context["page"]] == [
        ("Parks in Common", None), ("Zahlé Engaged", 75)]  # fmt: skip
    side = secretariat_client.get(f"/dashboard/prototypes/{prototype.slug}/").context["page"]
    assert [(p.title, p.milestones_done, p.milestones_total, p.overdue_count, p.avg_progress)
            for p in side] == [("Parks in Common", 0, 1, 1, None),
                               ("Zahlé Engaged", 1, 1, 0, 75)]  # fmt: skip


def test_dashboard_runs_a_constant_number_of_queries(
    secretariat_client, town, other_town, prototype, project, django_assert_num_queries
):
    network(town, other_town, prototype, project)
    side = f"/dashboard/prototypes/{prototype.slug}/"
    secretariat_client.get("/dashboard/")
    with django_assert_num_queries(DASHBOARD_QUERIES):
        secretariat_client.get("/dashboard/")
    with django_assert_num_queries(SIDE_BY_SIDE_QUERIES):
        secretariat_client.get(side)
    for n in range(5):
        network(town, other_town, prototype, start_project(
            municipality=town, title=f"More {n}", user=None, prototype=prototype))  # fmt: skip
    with django_assert_num_queries(DASHBOARD_QUERIES):
        secretariat_client.get("/dashboard/")
    with django_assert_num_queries(SIDE_BY_SIDE_QUERIES):
        secretariat_client.get(side)


def test_dashboard_is_for_the_secretariat_only(member, other_member, project, prototype):
    for user in (member, other_member):
        client = Client()
        client.force_login(user)
        assert client.get("/dashboard/").status_code == 403
        assert client.get(f"/dashboard/prototypes/{prototype.slug}/").status_code == 403
    assert Client().get("/dashboard/").status_code == 403
    assert Client().get(f"/dashboard/prototypes/{prototype.slug}/").status_code == 403


def test_recording_an_outcome_closes_the_project_and_feeds_the_practice(
    member_client, project, practice
):
    response = member_client.post(f"/projects/{project.pk}/outcome/", {
        "result": "worked", "achievements": "Forty residents now care for six parks.",
        "lessons": "Start with one park.", "status": "completed"})  # fmt: skip
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.status == ProjectStatus.COMPLETED
    assert TransferOutcome.objects.get().result == "worked"
    partial = member_client.get(f"/practices/{practice.slug}/transfers/").content.decode()
    assert "1 successful transfer" in partial
    assert "Forty residents now care for six parks." in partial
    assert "Activating Local Engagement" in partial
    assert (
        f'<a href="/projects/{project.pk}/">Parks in Common</a> · Spilamberto · Completed'
        in partial
    )


def test_a_failed_transfer_is_evidence_but_not_a_success(member_client, project, practice):
    data = {"result": "failed", "achievements": "Nobody signed up.", "status": "discontinued"}
    member_client.post(f"/projects/{project.pk}/outcome/", data)
    project.refresh_from_db()
    assert project.status == ProjectStatus.DISCONTINUED
    partial = member_client.get(f"/practices/{practice.slug}/transfers/").content.decode()
    assert "0 successful transfers" in partial
    assert "Nobody signed up." in partial


def test_outcomes_of_private_projects_stay_hidden_from_other_towns(
    other_member_client, project, practice
):
    TransferOutcome.objects.create(project=project, result="worked", achievements="Secret")
    partial = other_member_client.get(f"/practices/{practice.slug}/transfers/").content.decode()
    assert "0 successful transfers" in partial
    assert "Secret" not in partial


def test_another_town_cannot_record_an_outcome(other_member_client, project):
    project.visibility = "network"
    project.save(update_fields=["visibility"])
    response = other_member_client.post(f"/projects/{project.pk}/outcome/", {
        "result": "worked", "achievements": "Hijacked", "status": "completed"})  # fmt: skip
    assert response.status_code == 403
    assert TransferOutcome.objects.count() == 0
    assert Project.objects.get().status == ProjectStatus.PLANNING


def test_the_practice_page_loads_the_transfers_partial(anonymous, practice):
    page = anonymous.get(practice.get_absolute_url()).content.decode()
    assert f'hx-get="/practices/{practice.slug}/transfers/"' in page


def listed(response) -> list[str]:
    return [p.title for p in response.context["page"].object_list]


def test_dashboard_figures_open_the_projects_behind_them(
    secretariat_client, town, other_town, prototype, project
):
    network(town, other_town, prototype, project)
    everything = secretariat_client.get("/dashboard/")
    assert sorted(listed(everything)) == ["Parks in Common", "Zahlé Engaged"]
    assert 'href="?status=implementing#all-heading"' in everything.content.decode()
    assert listed(secretariat_client.get("/dashboard/", {"status": "implementing"})) == [
        "Zahlé Engaged"]  # fmt: skip
    assert listed(secretariat_client.get("/dashboard/", {"region": "europe"})) == [
        "Parks in Common"]  # fmt: skip
    assert listed(secretariat_client.get("/dashboard/", {"sdg": "16"})) == ["Zahlé Engaged"]
    narrowed = secretariat_client.get("/dashboard/", {"sdg": "16", "status": "planning"})
    assert (listed(narrowed), narrowed.context["total"]) == ([], 2)
    assert listed(secretariat_client.get("/dashboard/", {"sdg": "x'; --"})) == []


def test_dashboard_lists_fifty_projects_a_page(secretariat_client, town, prototype):
    for n in range(51):
        Project.objects.create(municipality=town, title=f"Project {n:02}", prototype=prototype)
    first = secretariat_client.get("/dashboard/")
    second = secretariat_client.get("/dashboard/", {"page": "2"})
    assert (len(listed(first)), listed(second)) == (50, ["Project 50"])
    assert first.context["total"] == 51
    side = f"/dashboard/prototypes/{prototype.slug}/"
    assert len(listed(secretariat_client.get(side))) == 50
    last = secretariat_client.get(side, {"page": "2"})
    assert (listed(last), last.context["page"].paginator.count) == (["Project 50"], 51)


def test_dashboard_counts_every_late_project_but_lists_fifty(secretariat_client, town):
    for n in range(52):
        late = Project.objects.create(municipality=town, title=f"Late {n:02}")
        Milestone.objects.create(project=late, title="Due", due_date=datetime.date(2020, 1, 1))
    context = secretariat_client.get("/dashboard/").context
    assert (context["late_count"], len(context["late"]), context["total"]) == (52, 50, 52)


def test_dashboard_ignores_a_goal_that_is_not_a_number(secretariat_client, project):
    response = secretariat_client.get("/dashboard/", {"sdg": "²"})
    assert (response.status_code, listed(response)) == (200, [])
