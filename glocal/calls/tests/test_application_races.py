"""Two tabs or two colleagues on one application, two secretaries deciding it: nothing of
anyone's is lost, the status never goes back, and a decision is never taken twice."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from glocal.calls import services
from glocal.calls.models import Application, Call
from glocal.lib.tests.edit_pages import ONLY_POSTGRESQL, race
from glocal.members.models import User
from glocal.reference.tests.rows import reference_rows

from .builders import make_call, submitted

pytestmark = pytest.mark.django_db
APPLY, AUTOSAVE = "/calls/lab-2026/apply/", "/calls/lab-2026/apply/autosave/"


def ids(call: Call) -> list[str]:
    return [f"q{q.pk}" for q in call.questions.all()]


def loaded(client) -> dict:
    """The apply page as a browser would send it back unchanged."""
    response = client.get(APPLY)
    data = {name: response.context[name] for name in ("version", "base")
            if name in response.context}  # fmt: skip
    for field in response.context["form"]:
        value = field.value()
        if value not in (None, "", []):
            data[field.html_name] = value
    return data


@pytest.fixture
def draft(lab_call, town, member) -> Application:
    return Application.objects.create(call=lab_call, municipality=town, title="Old mill",
                                      created_by=member)  # fmt: skip


def test_two_tabs_autosaving_different_answers_keep_both(member_client, lab_call, draft):
    why, team, _venue = ids(lab_call)
    tab_a, tab_b = loaded(member_client), loaded(member_client)
    member_client.post(AUTOSAVE, tab_a | {why: "A youth council is ready."})
    response = member_client.post(AUTOSAVE, tab_b | {team: "4", "title": "Old mill lab"})
    assert "Draft saved at" in response.content.decode()
    draft.refresh_from_db()
    assert (draft.title, draft.answers[why[1:]], draft.answers[team[1:]], draft.status) == (
        "Old mill lab", "A youth council is ready.", "4", "draft")  # fmt: skip


def test_two_tabs_changing_one_answer_differently_show_both_and_save_nothing(
    member_client, lab_call, draft
):
    why, *_ = ids(lab_call)
    tab_a, tab_b = loaded(member_client), loaded(member_client)
    member_client.post(APPLY, tab_a | {why: "A youth council.", "save_draft": "1"})
    response = member_client.post(APPLY, tab_b | {why: "A school.", "title": "Mill",
                                                  "save_draft": "1"})  # fmt: skip
    assert response.status_code == 409
    rows = [(c["label"], c["theirs"], c["mine"]) for c in response.context["conflicts"]]
    assert rows == [("Why your town? (required)", "A youth council.", "A school.")]
    assert response.context["form"][why].value() == "A school."  # kept in the form
    draft.refresh_from_db()
    assert (draft.title, draft.answers[why[1:]]) == ("Old mill", "A youth council.")
    again = dict(response.context["form"].data.items()) | {
        "version": response.context["version"], "base": response.context["base"]}  # fmt: skip
    member_client.post(APPLY, again)
    draft.refresh_from_db()
    assert (draft.title, draft.answers[why[1:]]) == ("Mill", "A school.")


def test_a_first_draft_saved_in_another_tab_is_merged_not_overwritten(member_client, lab_call):
    why, team, _venue = ids(lab_call)
    tab_a, tab_b = loaded(member_client), loaded(member_client)
    member_client.post(AUTOSAVE, tab_a | {"title": "Old mill", why: "A youth council."})
    member_client.post(AUTOSAVE, tab_b | {team: "4"})
    application = Application.objects.get()
    assert (application.title, application.answers[why[1:]], application.answers[team[1:]]) == (
        "Old mill", "A youth council.", "4")  # fmt: skip


@pytest.fixture
def closed_submission(town) -> Application:
    call = make_call(slug="closed-lab", opens=-20, closes=-1)
    return submitted(call, town)


def test_a_decision_on_a_page_older_than_another_decision_is_refused(
    secretariat_client, closed_submission
):
    url = f"/calls/closed-lab/applications/{closed_submission.pk}/decide/"
    seen = 1  # the page both secretaries read
    secretariat_client.post(url, {"decision": "accepted", "version": seen})
    response = secretariat_client.post(url, {"decision": "rejected", "version": seen},
                                       follow=True)  # fmt: skip
    assert "changed while you read it (now: Accepted)" in response.content.decode()
    assert Application.objects.get(pk=closed_submission.pk).status == "accepted"


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures(reference_rows.__name__)
@pytest.mark.skipif(**ONLY_POSTGRESQL)
def test_an_autosave_racing_the_submit_never_turns_it_back_into_a_draft(town, member):
    call = make_call(slug="lab-2026")
    call.questions.create(position=1, label="Why your town?", type="text", required=True)
    Application.objects.create(call=call, municipality=town, title="Old mill", created_by=member)
    (why,) = ids(call)
    tabs = [Client(), Client()]
    for tab in tabs:
        tab.force_login(member)
    page = loaded(tabs[0])
    answers = race(
        lambda: tabs[0].post(APPLY, page | {why: "Ready.", "submit": "1"}),
        lambda: tabs[1].post(AUTOSAVE, page | {"title": "Old mill lab"}),
    )
    application = Application.objects.get()
    assert answers[0].status_code == 302
    assert (application.status, application.answers[why[1:]]) == ("submitted", "Ready.")
    assert application.title in ("Old mill", "Old mill lab")


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures(reference_rows.__name__)
@pytest.mark.skipif(**ONLY_POSTGRESQL)
def test_two_secretaries_deciding_at_once_leave_exactly_one_decision(town):
    call = make_call(slug="closed-lab", opens=-20, closes=-1)
    application = submitted(call, town, submitted_at=timezone.now() - timedelta(days=2))
    staff = [User.objects.create_user(f"s{i}@network.test", "pw", is_staff=True) for i in (1, 2)]
    outcomes = race(*(
        lambda who=who, decision=decision: services.decide_application(
            application=application, decision=decision, user=who, version=application.version)
        for who, decision in zip(staff, ("accepted", "rejected"), strict=True)
    ))  # fmt: skip
    refused = [o for o in outcomes if isinstance(o, Exception)]
    application.refresh_from_db()
    assert len(refused) == 1
    assert application.status == ("rejected" if refused[0] is outcomes[0] else "accepted")
    assert application.version == 2
