"""Two partner towns moving one funding application or step: a stale click changes nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from glocal.audit.models import AuditEntry
from glocal.lib.tests.edit_pages import ONLY_POSTGRESQL, race
from glocal.members.models import Membership, User
from glocal.reference.tests.rows import reference_rows

from ..models import FundingApplication, Partner, Step
from ..services import start_collaboration

pytestmark = pytest.mark.django_db


@pytest.fixture
def collaboration(town, member):
    """Spilamberto's collaboration; Zahlé (``other_member``) takes no part in it."""
    return start_collaboration(lead=town, user=member, title="Youth across the sea",
                               summary="Young people of both towns meet.")  # fmt: skip


@pytest.fixture
def colleague(town) -> Client:
    user = User.objects.create_user("colleague@spilamberto.test", "pw", full_name="Colleague")
    Membership.objects.create(user=user, municipality=town)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def application(collaboration) -> FundingApplication:
    return collaboration.funding_applications.create(funder="European Commission",
                                                     programme="Erasmus+")  # fmt: skip


def status_url(application) -> str:
    return reverse("cooperation:funding_status",
                   args=[application.collaboration.slug, application.pk])  # fmt: skip


def test_the_status_buttons_carry_the_status_they_were_shown_with(member_client, application):
    page = member_client.get(application.collaboration.get_absolute_url()).content.decode()
    assert f'action="{status_url(application)}"' in page
    assert '<input type="hidden" name="was" value="drafting">' in page


def test_a_status_set_from_a_stale_page_is_refused_with_the_current_one_named(
    member_client, colleague, application
):
    assert colleague.post(status_url(application), {"status": "submitted", "was": "drafting"},
                          follow=True).status_code == 200  # fmt: skip
    refused = {"status": "refused", "was": "drafting"}
    response = member_client.post(status_url(application), refused, follow=True)
    assert response.status_code == 200
    assert ("Someone set this funding application to “Submitted” meanwhile; nothing was changed."
            in response.content.decode())  # fmt: skip
    assert FundingApplication.objects.get(pk=application.pk).status == "submitted"
    entries = AuditEntry.objects.filter(action="collaboration.funding_status")
    assert [(e.actor.email, e.changes) for e in entries] == [
        ("colleague@spilamberto.test", {"European Commission Erasmus+": ["drafting", "submitted"]})
    ]


def test_a_status_set_from_the_current_page_moves_on(member_client, application):
    submitted = {"status": "submitted", "was": "drafting"}
    response = member_client.post(status_url(application), submitted, follow=True)
    assert "Status of European Commission Erasmus+: Submitted." in response.content.decode()
    assert FundingApplication.objects.get(pk=application.pk).status == "submitted"


def test_another_town_cannot_set_a_funding_status(other_member, application):
    client = Client()
    client.force_login(other_member)
    response = client.post(status_url(application), {"status": "granted", "was": "drafting"})
    assert response.status_code == 403
    assert FundingApplication.objects.get(pk=application.pk).status == "drafting"
    assert not AuditEntry.objects.filter(action="collaboration.funding_status").exists()


def test_an_unknown_status_changes_nothing(member_client, application):
    response = member_client.post(status_url(application), {"status": "won", "was": "drafting"},
                                  follow=True)  # fmt: skip
    assert "Choose one of the listed statuses." in response.content.decode()
    assert FundingApplication.objects.get(pk=application.pk).status == "drafting"


@pytest.fixture
def step(collaboration) -> Step:
    return Step.objects.create(collaboration=collaboration, title="Kick-off in Spilamberto")


def step_url(step) -> str:
    return reverse("cooperation:step_done", args=[step.collaboration.slug, step.pk])


def test_a_step_ticked_in_another_tab_is_not_changed_again_from_a_stale_page(
    member_client, colleague, step
):
    assert colleague.post(step_url(step), {"done": "1", "was": "0"}).status_code == 302
    stale = member_client.post(step_url(step), {"done": "1", "was": "0"}, follow=True)
    assert ("Someone marked this step as done meanwhile; nothing was changed."
            in stale.content.decode())  # fmt: skip
    assert Step.objects.get(pk=step.pk).done is True
    entries = AuditEntry.objects.filter(action="collaboration.step_done")
    assert [(e.actor.email, e.changes) for e in entries] == [
        ("colleague@spilamberto.test", {"Kick-off in Spilamberto done": [False, True]})
    ]


def test_a_step_unticked_in_another_tab_is_not_unticked_again_from_a_stale_page(
    member_client, colleague, step
):
    Step.objects.filter(pk=step.pk).update(done=True)
    colleague.post(step_url(step), {"done": "0", "was": "1"})
    stale = member_client.post(step_url(step), {"done": "0", "was": "1"}, follow=True)
    assert ("Someone marked this step as not done meanwhile; nothing was changed."
            in stale.content.decode())  # fmt: skip
    assert Step.objects.get(pk=step.pk).done is False
    assert AuditEntry.objects.filter(action="collaboration.step_done").count() == 1


def test_a_step_page_carries_the_state_it_was_shown_with(member_client, step):
    page = member_client.get(step.collaboration.get_absolute_url()).content.decode()
    assert ('<input type="hidden" name="done" value="1"><input type="hidden" name="was" '
            'value="0">') in page  # fmt: skip


def test_another_town_cannot_tick_a_step(other_member, step):
    client = Client()
    client.force_login(other_member)
    assert client.post(step_url(step), {"done": "1", "was": "0"}).status_code == 403
    assert Step.objects.get(pk=step.pk).done is False
    assert not AuditEntry.objects.filter(action="collaboration.step_done").exists()


def test_steps_and_applications_added_leave_an_audit_entry(member_client, collaboration):
    slug = collaboration.slug
    member_client.post(reverse("cooperation:step_add", args=[slug]), {"title": "Kick-off"})
    member_client.post(reverse("cooperation:funding_add", args=[slug]),
                       {"funder": "EU", "status": "drafting"})  # fmt: skip
    entries = AuditEntry.objects.filter(action__startswith="collaboration.").order_by("pk")
    assert [(e.action, e.changes) for e in entries][1:] == [
        ("collaboration.step_added", {"step": [None, "Kick-off"]}),
        ("collaboration.funding_added", {"funding application": [None, "EU"]}),
    ]


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures(reference_rows.__name__)
@pytest.mark.skipif(**ONLY_POSTGRESQL)
def test_two_towns_setting_a_status_at_once_leave_one_change_and_one_refusal(
    member, town, other_town
):
    collaboration = start_collaboration(lead=town, user=member, title="Youth", summary="Meet.")
    partner = User.objects.create_user("officer@zahle.test", "pw", full_name="Officer")
    Membership.objects.create(user=partner, municipality=other_town)
    Partner.objects.create(collaboration=collaboration, municipality=other_town,
                           invited_by=member, status=Partner.Status.ACCEPTED)  # fmt: skip
    application = collaboration.funding_applications.create(funder="EU")
    clients = [Client(), Client()]
    clients[0].force_login(member)
    clients[1].force_login(partner)
    race(*(lambda c=c, s=s: c.post(status_url(application), {"status": s, "was": "drafting"})
           for c, s in zip(clients, ["submitted", "refused"], strict=True)))  # fmt: skip
    entries = list(AuditEntry.objects.filter(action="collaboration.funding_status"))
    assert len(entries) == 1
    status = FundingApplication.objects.get(pk=application.pk).status
    assert entries[0].changes == {"EU": ["drafting", status]}
