import pytest

from glocal.projects.models_plan import TeamMember
from glocal.projects.teamrules import Person, check_team


def people(*specs: str) -> list[Person]:
    """Each spec is 'role gender age', e.g. 'member woman 18_30'."""
    return [Person(*spec.split()) for spec in specs]


VALID = people(
    "mayor man over_30",
    "contact woman over_30",
    "member woman 18_30",
    "member man 18_30",
    "member woman over_30",
)


def test_a_team_meeting_every_rule_has_no_problem():
    result = check_team(VALID)
    assert (result.ok, result.size, result.young, result.women, result.men) == (
        True, 5, 2, 3, 2)  # fmt: skip


@pytest.mark.parametrize(
    ("team", "problem"),
    [
        (VALID[:4], "Add 1 more person: the team has 4 and needs 5 to 10."),
        (VALID + people(*["member woman over_30", "member man over_30"] * 3),
         "The team has 11 people, 1 more than the 10 a lab can work with."),
        (VALID[:2] + people("member woman over_30", "member man 18_30", "member woman over_30"),
         "Bring in 1 more young person aged 18 to 30 (the team needs 2 or 3; it has 1)."),
        (VALID + people("member man 18_30", "member woman 18_30"),
         "The team has 4 people aged 18 to 30; a lab team has 2 or 3."),
        (people("mayor man over_30", "contact man over_30", "member woman 18_30",
                "member man 18_30", "member man over_30"),
         "At least 40 % of the team must be women: with 5 people that is 2, and there are 1."),
        (people("member man over_30", "contact woman over_30", "member woman 18_30",
                "member man 18_30", "member woman over_30"),
         "The mayor is missing: add the mayor as a team member or as patron."),
        (people("mayor man over_30", "member woman over_30", "member woman 18_30",
                "member man 18_30", "member woman over_30"),
         "Name one municipal contact person for the team."),
        (people("mayor man over_30", "contact woman over_30", "contact woman 18_30",
                "member man 18_30", "member woman over_30"),
         "There are 2 municipal contact persons; keep exactly one."),
    ],
)  # fmt: skip
def test_each_broken_rule_is_explained_in_plain_words(team, problem):
    assert check_team(team).problems == [problem]


def test_the_mayor_as_patron_counts_for_the_mayor_rule_but_not_for_the_team_size():
    team = people("patron man over_30") + VALID[1:]
    assert check_team(team).problems == [
        "Add 1 more person: the team has 4 and needs 5 to 10.",
        "At least 40 % of the team must be men: with 4 people that is 2, and there are 1.",
    ]
    result = check_team(team + people("member man over_30"))
    assert (result.ok, result.size, result.men) == (True, 5, 2)


def test_an_empty_team_lists_everything_it_needs():
    assert check_team([]).problems == [
        "Add 5 more people: the team has 0 and needs 5 to 10.",
        "Bring in 2 more young people aged 18 to 30 (the team needs 2 or 3; it has 0).",
        "The mayor is missing: add the mayor as a team member or as patron.",
        "Name one municipal contact person for the team.",
    ]


def test_project_page_explains_what_the_team_is_missing(member_client, project):
    for spec in ("mayor man over_30", "contact woman over_30", "member woman 18_30"):
        role, gender, age = spec.split()
        TeamMember.objects.create(project=project, name=spec, role=role, gender=gender,
                                  age_group=age)  # fmt: skip
    response = member_client.get(project.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert "Add 2 more people: the team has 3 and needs 5 to 10." in content
    assert "Bring in 1 more young person aged 18 to 30" in content
    assert "3 people · 1 aged 18–30 · 2 women · 1 men" in content


def test_adding_a_team_member_through_the_form_checks_the_choices(member_client, project):
    url = f"/projects/{project.pk}/plan/team/add/"
    response = member_client.post(url, {"name": "Lina", "role": "boss", "gender": "woman",
                                        "age_group": "18_30"})  # fmt: skip
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert project.team.count() == 0
    response = member_client.post(url, {"name": "Lina", "role": "contact", "gender": "woman",
                                        "age_group": "18_30"})  # fmt: skip
    assert response.status_code == 302
    assert list(project.team.values_list("name", "role")) == [("Lina", "contact")]
