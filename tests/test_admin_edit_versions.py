"""Two secretariat colleagues on one admin page (event, call, working group): nothing lost."""

import pytest
from django.test import Client

from glocal.audit.models import AuditEntry
from glocal.calls.models import Call
from glocal.calls.tests.builders import make_call
from glocal.events.models import Event
from glocal.events.tests.conftest import make_event
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
