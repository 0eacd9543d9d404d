"""Two tabs, or two secretaries, on one registration: no step is undone or done twice."""

import pytest
from django.test import Client

from glocal.events import services
from glocal.events.models import Event, Registration
from glocal.lib.tests.edit_pages import ONLY_POSTGRESQL, race
from glocal.reference.tests.rows import reference_rows

from .conftest import make_event, make_person

pytestmark = pytest.mark.django_db


def detail(client, event) -> str:
    return client.get(f"/events/{event.slug}/").content.decode()


def shown_version(client, event) -> str:
    """The version the page's cancel button carries."""
    page = detail(client, event)
    return page.split('name="version" value="', 1)[1].split('"', 1)[0]


def test_a_cancel_from_an_old_tab_does_not_cancel_the_registration_made_since(
    member_client, member, event
):
    member_client.post(f"/events/{event.slug}/register/", {"role": "staff"})
    old_tab = shown_version(member_client, event)
    member_client.post(f"/events/{event.slug}/cancel/", {"confirmed": "yes", "version": old_tab})
    member_client.post(f"/events/{event.slug}/register/", {"role": "elected"})
    stale = {"confirmed": "yes", "version": old_tab}
    response = member_client.post(f"/events/{event.slug}/cancel/", stale, follow=True)
    assert "changed meanwhile (now: Confirmed)" in response.content.decode()
    registration = Registration.objects.get(user=member)
    assert (registration.status, registration.role, registration.version) == (
        "confirmed", "elected", 3)  # fmt: skip
    assert Event.objects.get(pk=event.pk).seats_taken == 1


def test_cancelling_twice_frees_the_seat_once(member_client, member, event):
    member_client.post(f"/events/{event.slug}/register/", {"role": "staff"})
    version = shown_version(member_client, event)
    member_client.post(f"/events/{event.slug}/cancel/", {"confirmed": "yes", "version": version})
    response = member_client.post(f"/events/{event.slug}/cancel/", {"confirmed": "yes"},
                                  follow=True)  # fmt: skip
    assert "already cancelled" in response.content.decode()
    assert Event.objects.get(pk=event.pk).seats_taken == 0


def test_two_tabs_registering_keep_the_first_and_show_the_second_its_unsent_answers(
    member_client, member, event, questions
):
    diet, language = (f"q{q.pk}" for q in questions)
    url = f"/events/{event.slug}/register/"
    assert member_client.get(url).status_code == member_client.get(url).status_code == 200
    member_client.post(url, {"role": "staff", diet: "Vegetarian", language: "French"})
    response = member_client.post(url, {"role": "elected", diet: "None", language: "Arabic"})
    assert response.status_code == 409
    rows = [(c["label"], c["theirs"], c["mine"]) for c in response.context["conflicts"]]
    assert rows == [("You come as", "Municipal staff", "Mayor or elected official"),
                    ("Dietary needs", "Vegetarian", "None"),
                    ("Interpretation language", "French", "Arabic")]  # fmt: skip
    assert response.context["form"][language].value() == "Arabic"  # kept in the form
    registration = Registration.objects.get(user=member)
    assert (registration.role, registration.answers) == (
        "staff", {str(questions[0].pk): "Vegetarian", str(questions[1].pk): "French"})  # fmt: skip


@pytest.fixture
def waiting_request(town) -> Registration:
    """A request for approval at a full event: approving it would put it on the waiting list."""
    event = make_event("Study visit", host=town, capacity=0, requires_approval=True)
    return services.register_participant(
        event=event, user=make_person("ana@kamenica.test"), role="staff", answers={}
    )


def test_a_decline_on_a_page_older_than_an_approval_is_refused(secretariat_client, waiting_request):
    url = f"/events/{waiting_request.event.slug}/participants/{waiting_request.pk}/decide/"
    seen = waiting_request.version
    secretariat_client.post(url, {"decision": "approve", "version": seen})
    response = secretariat_client.post(url, {"decision": "decline", "version": seen}, follow=True)
    assert "changed meanwhile (now: On the waiting list)" in response.content.decode()
    assert Registration.objects.get(pk=waiting_request.pk).status == "waitlisted"


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures(reference_rows.__name__)
@pytest.mark.skipif(**ONLY_POSTGRESQL)
def test_approve_and_decline_at_once_leave_exactly_one_decision(town):
    event = make_event("Study visit", host=town, capacity=0, requires_approval=True)
    registration = services.register_participant(
        event=event, user=make_person("ana@kamenica.test"), role="staff", answers={}
    )
    seen = registration.version
    outcomes = race(
        lambda: services.approve_registration(registration=registration, version=seen),
        lambda: services.decline_registration(registration=registration, version=seen),
    )
    refused = [o for o in outcomes if isinstance(o, services.RegistrationError)]
    registration.refresh_from_db()
    assert len(refused) == 1
    assert (registration.status, registration.version) == (
        "waitlisted" if refused[0] is outcomes[1] else "declined", seen + 1)  # fmt: skip


def test_a_tab_registering_just_after_another_is_shown_the_saved_answers_not_sent_away(
    member_client, member, event, monkeypatch
):
    """The other tab commits between this request's first look and its locked look."""
    services.register_participant(event=event, user=member, role="elected", answers={})
    from glocal.events import views

    real, looks = views.own_registration, []

    def first_look_misses_it(user, event):
        looks.append(user)
        return None if len(looks) == 1 else real(user, event)

    monkeypatch.setattr(views, "own_registration", first_look_misses_it)
    response = member_client.post(f"/events/{event.slug}/register/", {"role": "staff"})
    assert response.status_code == 409
    assert [(c["theirs"], c["mine"]) for c in response.context["conflicts"]] == [
        ("Mayor or elected official", "Municipal staff")]  # fmt: skip
    assert Registration.objects.get(user=member).role == "elected"
    assert Event.objects.get(pk=event.pk).seats_taken == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures(reference_rows.__name__)
@pytest.mark.skipif(**ONLY_POSTGRESQL)
def test_two_tabs_registering_at_once_make_one_registration_and_tell_the_other(town):
    event = make_event(host=town, capacity=5)
    person = make_person("ana@spilamberto.test", town)
    tabs = [Client(), Client()]
    for tab in tabs:
        tab.force_login(person)
    url = f"/events/{event.slug}/register/"
    answers = race(*(lambda tab=tab: tab.post(url, {"role": "staff"}) for tab in tabs))
    assert sorted(a.status_code for a in answers) == [302, 409]
    assert Registration.objects.filter(event=event).count() == 1
    assert Event.objects.get(pk=event.pk).seats_taken == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures(reference_rows.__name__)
@pytest.mark.skipif(**ONLY_POSTGRESQL)
def test_two_tabs_cancelling_at_once_free_one_seat_once(town):
    event = make_event(host=town, capacity=1)
    first = services.register_participant(
        event=event, user=make_person("ana@spilamberto.test", town), role="staff", answers={}
    )
    waiting = services.register_participant(
        event=event, user=make_person("bo@spilamberto.test", town), role="staff", answers={}
    )
    outcomes = race(
        lambda: services.cancel_registration(registration=first, version=first.version),
        lambda: services.cancel_registration(registration=first, version=first.version),
    )
    assert sum(isinstance(o, services.RegistrationError) for o in outcomes) == 1
    assert Registration.objects.get(pk=waiting.pk).status == "confirmed"
    assert Event.objects.get(pk=event.pk).seats_taken == 1
