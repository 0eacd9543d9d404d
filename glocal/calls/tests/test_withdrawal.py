"""A town takes its application back: asked to confirm first, refused for others, after the
deadline and from a stale page; a withdrawn application leaves the ranking and may return."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from glocal.audit.models import AuditEntry
from glocal.calls.models import Application, ApplicationStatus

from .builders import submitted


def withdraw_url(application: Application) -> str:
    return reverse("calls:withdraw", args=[application.call.slug, application.pk])


def test_withdrawing_asks_first_and_changes_nothing_until_confirmed(member_client, town, lab_call):
    application = submitted(lab_call, town)

    response = member_client.post(withdraw_url(application), {"version": application.version})

    assert response.status_code == 200
    assert "Withdraw the application of Spilamberto?" in response.content.decode()
    application.refresh_from_db()
    assert (application.status, application.version) == (ApplicationStatus.SUBMITTED, 1)


def test_a_confirmed_withdrawal_takes_the_application_out_of_the_ranking(
    member_client, member, town, lab_call
):
    application = submitted(lab_call, town)

    response = member_client.post(withdraw_url(application), {"version": 1, "confirmed": "yes"})

    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.status, application.version) == (ApplicationStatus.WITHDRAWN, 2)
    entry = AuditEntry.objects.get(action="application.withdrawn")
    assert (entry.actor, entry.object_id, entry.changes) == (
        member, application.pk, {"status": ["submitted", "withdrawn"]},
    )  # fmt: skip
    assert list(lab_call.applications.submitted()) == []
    page = member_client.get(application.get_absolute_url()).content.decode()
    assert "Withdrawn" in page


def test_another_towns_representative_cannot_withdraw_it(other_member_client, town, lab_call):
    application = submitted(lab_call, town)

    response = other_member_client.post(withdraw_url(application), {"confirmed": "yes"})

    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert not AuditEntry.objects.filter(action="application.withdrawn").exists()


def test_the_secretariat_does_not_withdraw_for_a_town(secretariat_client, town, lab_call):
    application = submitted(lab_call, town)

    response = secretariat_client.post(withdraw_url(application), {"confirmed": "yes"})

    assert response.status_code == 403
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_a_page_older_than_the_application_withdraws_nothing(member_client, town, lab_call):
    application = submitted(lab_call, town, version=3)

    response = member_client.post(
        withdraw_url(application), {"version": 2, "confirmed": "yes"}, follow=True
    )

    assert "This application changed while you read it" in response.content.decode()
    application.refresh_from_db()
    assert (application.status, application.version) == (ApplicationStatus.SUBMITTED, 3)


def test_after_the_deadline_an_application_can_no_longer_be_withdrawn(
    member_client, town, lab_call
):
    application = submitted(lab_call, town)
    lab_call.closes_at = timezone.now() - timedelta(hours=1)
    lab_call.save(update_fields=["closes_at"])

    response = member_client.post(withdraw_url(application), {"confirmed": "yes"}, follow=True)

    assert "can be withdrawn" in response.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_a_withdrawn_application_can_be_handed_in_again_while_the_call_is_open(
    member, town, lab_call
):
    from glocal.calls import services

    application = submitted(lab_call, town, status=ApplicationStatus.WITHDRAWN)
    answers = {str(q.pk): "Because." for q in lab_call.questions.all() if q.required}

    services.save_application(application=application, user=member, answers=answers,
                              uploads={}, submit=True)  # fmt: skip

    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
