import datetime

from glocal.projects.models import AdaptationChoice, Project

ADOPT = {
    "title": "Parks in Common", "summary": "Residents adopt parks.", "start_date": "2026-02-01",
    "end_date": "2027-12-31", "visibility": "network",
    "decision_approach": "kept", "reason_approach": "",
    "decision_steps": "changed", "reason_steps": "We sign pacts at the school first.",
    "decision_preconditions": "kept", "reason_preconditions": "",
    "decision_typical_cost": "dropped", "reason_typical_cost": "A local bank pays instead.",
    "decision_typical_staff": "kept", "reason_typical_staff": "",
    "decision_risks": "kept", "reason_risks": "",
}  # fmt: skip


def test_representative_adapts_a_prototype_and_the_project_keeps_its_lineage(
    member_client, town, prototype, practice
):
    response = member_client.post(
        f"/projects/adopt/?prototype={prototype.slug}", ADOPT | {"municipality": town.pk}
    )
    project = Project.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/projects/{project.pk}/"
    assert (project.municipality, project.prototype, project.source_practice) == (
        town, prototype, practice)  # fmt: skip
    assert (project.start_date, project.end_date) == (
        datetime.date(2026, 2, 1), datetime.date(2027, 12, 31))  # fmt: skip
    assert list(project.adaptations.values_list("element", "decision", "reason")) == [
        ("General approach", "kept", ""),
        ("Steps", "changed", "We sign pacts at the school first."),
        ("Preconditions", "kept", ""),
        ("Typical cost", "dropped", "A local bank pays instead."),
        ("Typical staff", "kept", ""),
        ("Risks", "kept", ""),
    ]
    page = member_client.get(project.get_absolute_url()).content.decode()
    assert "Adapted from the prototype" in page
    assert "We sign pacts at the school first." in page
    assert f'href="{practice.get_absolute_url()}"' in page


def test_the_prototype_page_lists_the_towns_adapting_it(member_client, project, prototype):
    response = member_client.get(prototype.get_absolute_url())
    assert response.status_code == 200
    assert "Parks in Common" in response.content.decode()


def test_adapting_a_practice_directly_records_its_own_elements(member_client, town, practice):
    data = {"municipality": town.pk, "title": "Our pacts", "summary": "", "visibility": "public",
            "start_date": "2026-01-01", "end_date": "2026-12-31"}  # fmt: skip
    for key in ("objectives", "approach", "target_groups", "partners", "staff", "budget_notes"):
        data[f"decision_{key}"] = "kept"
    response = member_client.post(f"/projects/adopt/?practice={practice.slug}", data)
    assert response.status_code == 302
    project = Project.objects.get()
    assert (project.prototype, project.source_practice) == (None, practice)
    assert project.adaptations.get(element="Approach and steps").source_text == (
        "Small pacts between the town and volunteers."
    )


def test_changing_or_dropping_an_element_needs_a_reason(member_client, town, prototype):
    data = ADOPT | {"municipality": town.pk, "reason_steps": ""}
    response = member_client.post(f"/projects/adopt/?prototype={prototype.slug}", data)
    assert response.status_code == 200
    assert "Say what you change or why you drop it." in response.content.decode()
    assert Project.objects.count() == 0


def test_a_project_runs_between_one_and_three_years(member_client, town, prototype):
    url = f"/projects/adopt/?prototype={prototype.slug}"
    short = ADOPT | {"municipality": town.pk, "end_date": "2026-09-30"}
    long = ADOPT | {"municipality": town.pk, "end_date": "2029-03-01"}
    backwards = ADOPT | {"municipality": town.pk, "end_date": "2025-03-01"}
    assert (
        "A project runs for at least one year." in member_client.post(url, short).content.decode()
    )
    assert (
        "A project runs for at most three years." in member_client.post(url, long).content.decode()
    )
    assert "The end date must come after the start date." in member_client.post(
        url, backwards).content.decode()  # fmt: skip
    assert Project.objects.count() == 0


def test_a_representative_cannot_start_a_project_for_another_town(
    other_member_client, town, prototype
):
    data = ADOPT | {"municipality": town.pk}
    response = other_member_client.post(f"/projects/adopt/?prototype={prototype.slug}", data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert Project.objects.count() == 0
    assert AdaptationChoice.objects.count() == 0


def test_visitors_are_sent_to_sign_in_before_adapting(anonymous, prototype):
    response = anonymous.get(f"/projects/adopt/?prototype={prototype.slug}")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_signed_in_user_without_a_town_cannot_adapt(client, reviewer, prototype):
    client.force_login(reviewer)
    response = client.get(f"/projects/adopt/?prototype={prototype.slug}")
    assert response.status_code == 403


def test_an_unpublished_prototype_cannot_be_adapted(member_client, prototype):
    prototype.is_published = False
    prototype.save(update_fields=["is_published"])
    assert member_client.get(f"/projects/adopt/?prototype={prototype.slug}").status_code == 404
    assert member_client.get("/projects/adopt/").status_code == 404
