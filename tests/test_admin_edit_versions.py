"""Two secretariat colleagues on one admin page (event, call, working group): nothing lost."""

from datetime import UTC, datetime

import pytest
from django.test import Client

from glocal.audit.models import AuditEntry
from glocal.calls.models import Call
from glocal.calls.tests.builders import make_call
from glocal.events.models import Event
from glocal.events.tests.conftest import make_event, make_session
from glocal.lib.tests.edit_pages import ONLY_POSTGRESQL, browser_data, race
from glocal.members.models import User
from glocal.network.models import WorkingGroup
from glocal.reference.models import Theme
from glocal.reference.tests.rows import reference_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(db) -> Client:
    client = Client()
    client.force_login(User.objects.create_user("staff2@network.test", "pw", is_staff=True))
    return client


def page(client: Client, row) -> dict:
    opts = row._meta
    response = client.get(f"/admin/{opts.app_label}/{opts.model_name}/{row.pk}/change/")
    assert response.status_code == 200
    return browser_data(response, f"{opts.model_name}_form")


def save(client: Client, row, data: dict):
    opts = row._meta
    return client.post(f"/admin/{opts.app_label}/{opts.model_name}/{row.pk}/change/", data)


def errors_of(response) -> list[str]:
    return [str(error) for error in response.context["adminform"].form.non_field_errors()]


@pytest.fixture
def event(db) -> Event:
    return make_event("Annual Conference")


@pytest.fixture
def call(db) -> Call:
    return make_call(slug="lab-2031")


@pytest.fixture
def group(db) -> WorkingGroup:
    return WorkingGroup.objects.create(name="Youth", slug="youth", summary="Young people.")


def test_two_colleagues_changing_different_fields_of_an_event_keep_both(
    secretariat_client, colleague, event
):
    mine, theirs = page(secretariat_client, event), page(colleague, event)
    assert save(colleague, event, theirs | {"venue": "Town hall"}).status_code == 302
    assert save(secretariat_client, event, mine | {"summary": "Two days."}).status_code == 302
    event.refresh_from_db()
    assert (event.venue, event.summary, event.version) == ("Town hall", "Two days.", 3)


def test_a_stale_event_page_changing_a_field_changed_meanwhile_is_refused_with_both_values(
    secretariat_client, colleague, event
):
    mine, theirs = page(secretariat_client, event), page(colleague, event)
    save(colleague, event, theirs | {"venue": "Town hall", "capacity": "80"})
    response = save(secretariat_client, event, mine | {"venue": "Castle", "summary": "Mine."})
    assert response.status_code == 200  # the admin shows its page again
    assert errors_of(response) == [
        "Not saved: someone saved this page after you opened it and changed the same fields. "
        "Your values are still in the form; save again to keep them.",
        "Venue — saved meanwhile: Town hall; yours: Castle",
    ]
    form = response.context["adminform"].form
    assert (form["venue"].value(), form["summary"].value()) == ("Castle", "Mine.")
    event.refresh_from_db()
    assert (event.venue, event.summary, event.capacity, event.version) == (
        "Town hall", "Summary of Annual Conference.", 80, 2)  # fmt: skip
    again = save(secretariat_client, event, browser_data(response, "event_form"))
    event.refresh_from_db()
    assert (again.status_code, event.venue, event.summary, event.capacity, event.version) == (
        302, "Castle", "Mine.", 80, 3)  # fmt: skip
    assert AuditEntry.objects.filter(action="admin.changed", object_id=event.pk).count() == 2


def test_a_stale_call_page_is_refused_with_both_values_and_nothing_changes(
    secretariat_client, colleague, call
):
    mine, theirs = page(secretariat_client, call), page(colleague, call)
    assert save(colleague, call, theirs | {"summary": "Theirs."}).status_code == 302
    response = save(secretariat_client, call, mine | {"summary": "Mine."})
    assert errors_of(response)[1:] == ["Summary — saved meanwhile: Theirs.; yours: Mine."]
    assert response.context["adminform"].form["summary"].value() == "Mine."
    call.refresh_from_db()
    assert (call.summary, call.version) == ("Theirs.", 2)


def test_a_stale_working_group_page_keeps_a_colleagues_themes(secretariat_client, colleague, group):
    two_themes = list(Theme.objects.order_by("pk").values_list("pk", flat=True)[:2])
    mine, theirs = page(secretariat_client, group), page(colleague, group)
    chosen = {"themes": [str(pk) for pk in two_themes]}
    assert save(colleague, group, theirs | chosen).status_code == 302
    assert save(secretariat_client, group, mine | {"summary": "Mine."}).status_code == 302
    group.refresh_from_db()
    assert (sorted(group.themes.values_list("pk", flat=True)), group.summary, group.version) == (
        two_themes, "Mine.", 3)  # fmt: skip


def test_a_save_from_a_script_without_a_version_still_counts_one(secretariat_client, group):
    data = page(secretariat_client, group)
    del data["version"], data["base"]
    assert save(secretariat_client, group, data | {"summary": "Scripted."}).status_code == 302
    group.refresh_from_db()
    assert (group.summary, group.version) == ("Scripted.", 2)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures(reference_rows.__name__)
@pytest.mark.skipif(**ONLY_POSTGRESQL)
def test_two_colleagues_saving_one_event_field_at_once_leave_one_change_and_one_refusal(
    secretariat, colleague
):
    event = make_event("Annual Conference")
    client = Client()
    client.force_login(secretariat)
    mine, theirs = page(client, event), page(colleague, event)
    answers = race(lambda: save(client, event, mine | {"venue": "Castle"}),
                   lambda: save(colleague, event, theirs | {"venue": "Town hall"}))  # fmt: skip
    event.refresh_from_db()
    assert sorted(a.status_code for a in answers) == [200, 302]
    winner = "Castle" if answers[0].status_code == 302 else "Town hall"
    assert (event.venue, event.version) == (winner, 2)


# ------------------------------------------------------------------ inline rows


def inline_errors(response, prefix: str) -> list[str]:
    found = [
        i.formset for i in response.context["inline_admin_formsets"] if i.formset.prefix == prefix
    ]
    return [str(error) for error in found[0].non_form_errors()]


def typed(response, name: str):
    """What the refused page shows in one inline field (``sessions-0-room``)."""
    return browser_data(response, response.context["opts"].model_name + "_form").get(name)


@pytest.fixture
def programme(db) -> Event:
    """An event with one session and one registration question, all times in whole seconds."""
    start = datetime(2031, 5, 10, 7, 0, tzinfo=UTC)
    event = make_event("Annual Conference", starts_at=start)
    make_session(event, "Bus to Baalbek", room="Main square", starts_at=start)
    event.questions.create(label="Dietary needs", position=1)
    return event


def test_a_stale_event_page_changing_a_session_changed_meanwhile_is_refused_and_nothing_changes(
    secretariat_client, colleague, programme
):
    mine, theirs = page(secretariat_client, programme), page(colleague, programme)
    assert save(colleague, programme, theirs | {"sessions-0-room": "Town hall"}).status_code == 302
    response = save(secretariat_client, programme,
                    mine | {"sessions-0-room": "Castle", "summary": "Mine."})  # fmt: skip
    assert response.status_code == 200
    assert inline_errors(response, "sessions") == [
        "Not saved: someone changed the same rows of “Sessions” after you opened this page. "
        "Your values are still in the form; save again to keep them.",
        "Bus to Baalbek: Room or meeting point — saved meanwhile: Town hall; yours: Castle",
    ]
    assert (typed(response, "sessions-0-room"), typed(response, "summary")) == ("Castle", "Mine.")
    programme.refresh_from_db()
    session = programme.sessions.get()
    assert (session.room, programme.summary, programme.version) == (
        "Town hall", "Summary of Annual Conference.", 2)  # fmt: skip
    again = save(secretariat_client, programme, browser_data(response, "event_form"))
    programme.refresh_from_db()
    session.refresh_from_db()
    assert (again.status_code, session.room, programme.summary, programme.version) == (
        302, "Castle", "Mine.", 3)  # fmt: skip


def test_a_stale_event_page_keeps_a_colleagues_session_and_question_changes(
    secretariat_client, colleague, programme
):
    mine, theirs = page(secretariat_client, programme), page(colleague, programme)
    changed = {"sessions-0-title": "Bus to Zahlé", "questions-0-label": "Diet"}
    assert save(colleague, programme, theirs | changed).status_code == 302
    assert save(secretariat_client, programme, mine | {"venue": "Castle"}).status_code == 302
    programme.refresh_from_db()
    assert (programme.venue, programme.version) == ("Castle", 3)
    assert programme.sessions.get().title == "Bus to Zahlé"
    assert programme.questions.get().label == "Diet"
    entries = AuditEntry.objects.filter(actor__email="staff@network.test")
    assert [entry.action for entry in entries] == ["admin.changed"]  # no stale row "changed"


def test_a_session_changed_on_a_stale_page_is_saved_beside_a_colleagues_event_change(
    secretariat_client, colleague, programme
):
    mine, theirs = page(secretariat_client, programme), page(colleague, programme)
    assert save(colleague, programme, theirs | {"venue": "Town hall"}).status_code == 302
    response = save(secretariat_client, programme, mine | {"sessions-0-room": "Castle"})
    assert response.status_code == 302
    programme.refresh_from_db()
    assert (programme.venue, programme.sessions.get().room, programme.version) == (
        "Town hall", "Castle", 3)  # fmt: skip


def test_a_session_deleted_meanwhile_stays_deleted_when_the_stale_page_did_not_touch_it(
    secretariat_client, colleague, programme
):
    mine, theirs = page(secretariat_client, programme), page(colleague, programme)
    assert save(colleague, programme, theirs | {"sessions-0-DELETE": "on"}).status_code == 302
    assert save(secretariat_client, programme, mine | {"summary": "Mine."}).status_code == 302
    programme.refresh_from_db()
    assert (programme.summary, programme.sessions.count(), programme.version) == ("Mine.", 0, 3)


def test_a_session_deleted_meanwhile_and_changed_on_the_stale_page_is_refused_then_added_back(
    secretariat_client, colleague, programme
):
    mine, theirs = page(secretariat_client, programme), page(colleague, programme)
    assert save(colleague, programme, theirs | {"sessions-0-DELETE": "on"}).status_code == 302
    response = save(secretariat_client, programme, mine | {"sessions-0-room": "Castle"})
    assert response.status_code == 200
    assert inline_errors(response, "sessions")[1:] == [
        "Bus to Baalbek: deleted meanwhile; yours is still in the form, save again to add it back"
    ]
    assert typed(response, "sessions-0-room") == "Castle"
    programme.refresh_from_db()
    assert (programme.sessions.count(), programme.version) == (0, 2)
    again = save(secretariat_client, programme, browser_data(response, "event_form"))
    assert again.status_code == 302
    assert list(programme.sessions.values_list("title", "room")) == [("Bus to Baalbek", "Castle")]


def test_deleting_on_a_stale_page_a_session_changed_meanwhile_is_refused(
    secretariat_client, colleague, programme
):
    mine, theirs = page(secretariat_client, programme), page(colleague, programme)
    assert save(colleague, programme, theirs | {"sessions-0-room": "Town hall"}).status_code == 302
    response = save(secretariat_client, programme, mine | {"sessions-0-DELETE": "on"})
    assert response.status_code == 200
    assert inline_errors(response, "sessions")[1:] == [
        "Bus to Baalbek: Room or meeting point — saved meanwhile: Town hall; yours: deleted"
    ]
    assert programme.sessions.get().room == "Town hall"
    again = save(secretariat_client, programme, browser_data(response, "event_form"))
    assert (again.status_code, programme.sessions.count()) == (302, 0)


def test_a_stale_call_page_changing_a_criterion_changed_meanwhile_is_refused(
    secretariat_client, colleague, call
):
    mine, theirs = page(secretariat_client, call), page(colleague, call)
    assert save(colleague, call, theirs | {"criteria-0-weight": "5"}).status_code == 302
    response = save(secretariat_client, call, mine | {"criteria-0-weight": "2"})
    assert inline_errors(response, "criteria")[1:] == [
        "Relevance (×2): Weight — saved meanwhile: 5; yours: 2"
    ]
    assert list(call.criteria.values_list("weight", flat=True)) == [5, 1]


def test_a_stale_working_group_page_keeps_a_colleagues_coordinator(
    secretariat_client, colleague, group, member
):
    group.memberships.create(user=member)
    mine, theirs = page(secretariat_client, group), page(colleague, group)
    coordinator = {"memberships-0-is_coordinator": "on"}
    assert save(colleague, group, theirs | coordinator).status_code == 302
    assert save(secretariat_client, group, mine | {"summary": "Mine."}).status_code == 302
    group.refresh_from_db()
    assert (group.summary, group.memberships.get().is_coordinator, group.version) == (
        "Mine.", True, 3)  # fmt: skip


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures(reference_rows.__name__)
@pytest.mark.skipif(**ONLY_POSTGRESQL)
def test_two_colleagues_saving_one_session_at_once_leave_one_change_and_one_refusal(
    secretariat, colleague
):
    start = datetime(2031, 5, 10, 7, 0, tzinfo=UTC)
    event = make_event("Annual Conference", starts_at=start)
    session = make_session(event, "Bus to Baalbek", starts_at=start)
    client = Client()
    client.force_login(secretariat)
    mine, theirs = page(client, event), page(colleague, event)
    room = "sessions-0-room"
    answers = race(lambda: save(client, event, mine | {room: "Castle"}),
                   lambda: save(colleague, event, theirs | {room: "Town hall"}))  # fmt: skip
    session.refresh_from_db()
    assert sorted(a.status_code for a in answers) == [200, 302]
    winner = "Castle" if answers[0].status_code == 302 else "Town hall"
    assert (session.room, Event.objects.get().version) == (winner, 2)
