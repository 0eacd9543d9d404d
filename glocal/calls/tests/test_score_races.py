"""One reviewer scoring in two tabs: what the other tab saved is kept or shown, never lost."""

import pytest
from django.test import Client

from glocal.calls.models import Assignment, AuditEntry, Score
from glocal.lib.tests.edit_pages import page_data

from .builders import submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def assignment(reviewer, town, closed_call) -> Assignment:
    assignment = Assignment.objects.create(application=submitted(closed_call, town),
                                           reviewer=reviewer)  # fmt: skip
    for criterion, value in zip(closed_call.criteria.all(), (8, 5), strict=True):
        Score.objects.create(assignment=assignment, criterion=criterion, value=value,
                             comment=f"{criterion.name} first")  # fmt: skip
    return assignment


def tab(reviewer) -> Client:
    client = Client()
    client.force_login(reviewer)
    return client


def page(client, assignment) -> dict:
    response = client.get(f"/calls/closed-lab/applications/{assignment.application.pk}/")
    return page_data(response, "score_form") | {"base": response.context["score_base"]}


def score(client, assignment, data: dict):
    return client.post(f"/calls/closed-lab/applications/{assignment.application.pk}/score/", data)


def saved(assignment) -> list[tuple]:
    return list(assignment.scores.values_list("criterion__name", "value", "comment"))


def test_two_tabs_changing_different_criteria_keep_both(reviewer, assignment):
    relevance, feasibility = assignment.application.call.criteria.all()
    one, two = tab(reviewer), tab(reviewer)
    tab_a, tab_b = page(one, assignment), page(two, assignment)
    first = score(one, assignment, tab_a | {f"score_{relevance.pk}": "9"})
    second = score(two, assignment, tab_b | {f"comment_{feasibility.pk}": "Tight budget"})
    assert (first.status_code, second.status_code) == (302, 302)
    assert saved(assignment) == [("Relevance", 9, "Relevance first"),
                                 ("Feasibility", 5, "Tight budget")]  # fmt: skip
    history = AuditEntry.objects.order_by("pk")
    assert [(e.action, e.detail["criterion"], e.detail["before"], e.detail["value"],
             e.detail["comment_changed"]) for e in history] == [
        ("rescored", "Relevance", 8, 9, False), ("rescored", "Feasibility", 5, 5, True)
    ]  # fmt: skip


def test_the_same_comment_changed_in_two_tabs_shows_both_saves_nothing_and_keeps_mine(
    reviewer, assignment
):
    relevance, feasibility = assignment.application.call.criteria.all()
    one, two = tab(reviewer), tab(reviewer)
    tab_a, tab_b = page(one, assignment), page(two, assignment)
    score(one, assignment, tab_a | {f"comment_{relevance.pk}": "Theirs.",
                                    f"score_{feasibility.pk}": "4"})  # fmt: skip
    response = score(two, assignment, tab_b | {f"comment_{relevance.pk}": "Mine.",
                                               f"score_{relevance.pk}": "10"})  # fmt: skip
    assert response.status_code == 409
    rows = [(c["label"], c["theirs"], c["mine"]) for c in response.context["conflicts"]]
    assert rows == [("Comment on Relevance", "Theirs.", "Mine.")]
    text = response.content.decode()
    assert "Theirs." in text
    assert "Mine." in text
    form = response.context["score_form"]
    assert form[f"comment_{relevance.pk}"].value() == "Mine."
    assert form[f"score_{relevance.pk}"].value() == "10"
    assert form[f"score_{feasibility.pk}"].value() == "4"  # the other tab's, laid in
    assert saved(assignment) == [
        ("Relevance", 8, "Theirs."),
        ("Feasibility", 4, "Feasibility first"),
    ]
    assert AuditEntry.objects.count() == 2
    again = score(two, assignment, page_data(response, "score_form")
                  | {"base": response.context["score_base"]})  # fmt: skip
    assert again.status_code == 302
    assert saved(assignment) == [
        ("Relevance", 10, "Mine."),
        ("Feasibility", 4, "Feasibility first"),
    ]


def test_a_save_without_a_base_writes_every_value_as_before(reviewer, assignment):
    relevance, feasibility = assignment.application.call.criteria.all()
    data = {f"score_{relevance.pk}": "3", f"comment_{relevance.pk}": "",
            f"score_{feasibility.pk}": "5",
            f"comment_{feasibility.pk}": "Feasibility first"}  # fmt: skip
    assert score(tab(reviewer), assignment, data).status_code == 302
    assert saved(assignment) == [("Relevance", 3, ""), ("Feasibility", 5, "Feasibility first")]


def test_another_member_cannot_score_with_a_page_of_the_reviewer(
    reviewer, other_member, assignment
):
    data = page(tab(reviewer), assignment)
    response = score(tab(other_member), assignment, data)
    assert response.status_code == 404
    assert saved(assignment) == [("Relevance", 8, "Relevance first"),
                                 ("Feasibility", 5, "Feasibility first")]  # fmt: skip
