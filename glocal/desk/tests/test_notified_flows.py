"""An event promotion, a decision, a mention and a signature request each become a
notification and, by the person's choice, an e-mail, a digest line or nothing."""

import pytest
from django.urls import reverse

from glocal.calls import services as calls
from glocal.events import services as events
from glocal.network import services as network
from glocal.network.digest import send_digests
from glocal.network.models import Signatory
from glocal.notifications.models import Notification, Preference
from glocal.notifications.services import unsubscribe_url

from .conftest import make_event


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def inside_a_request(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return inside_a_request


def notifications_of(user) -> list[tuple[str, str]]:
    return list(Notification.objects.filter(user=user).values_list("kind", "url"))


def test_a_promotion_from_the_waiting_list_notifies_and_mails_with_unsubscribe_headers(
    run, member, other_member, mailoutbox
):
    event = make_event(capacity=1)
    first = run(events.register_participant, event=event, user=other_member, role="staff",
                answers={})  # fmt: skip
    run(events.register_participant, event=event, user=member, role="staff", answers={})
    mailoutbox.clear()
    run(events.cancel_registration, registration=first)
    assert ("event_promotion", "/events/peer-exchange/") in notifications_of(member)
    [mail] = mailoutbox
    assert mail.to == ["mayor@spilamberto.test"]
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = unsubscribe_url(user_id=member.pk, kind="event_promotion")
    assert mail.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert "http://127.0.0.1:8000/events/peer-exchange/" in mail.body
    assert link in mail.body
    assert mail.attachments[0][0] == "peer-exchange.ics"


def test_a_decision_notifies_every_representative_of_the_town(
    run, submitted_application, member, secretariat, mailoutbox
):
    run(calls.decide_application, application=submitted_application, decision="accepted",
        user=secretariat, feedback="Well argued.")  # fmt: skip
    url = f"/calls/host-a-lab/applications/{submitted_application.pk}/"
    assert notifications_of(member) == [("call_decision", url)]
    assert [m.to for m in mailoutbox] == [["mayor@spilamberto.test"]]
    assert f"http://127.0.0.1:8000{url}" in mailoutbox[0].body


def test_a_mention_notifies_the_person_named_and_links_to_the_post(
    run, member, other_member, mailoutbox
):
    thread = run(network.start_thread, title="Summer clubs", body="<p>Who runs one?</p>",
                 author=member)  # fmt: skip
    post = run(network.reply_to_thread, thread=thread, author=member,
               body="<p>@officer@zahle.test you do, right?</p>")  # fmt: skip
    assert notifications_of(other_member) == [
        ("mention", f"{thread.get_absolute_url()}#post-{post.pk}")
    ]
    assert [m.to for m in mailoutbox] == [["officer@zahle.test"]]
    assert notifications_of(member) == []


def test_a_new_version_asks_the_signatory_to_confirm_through_a_notification(
    run, town, member, secretariat, mailoutbox
):
    Signatory.objects.create(municipality=town, user=member, granted_by=secretariat)
    statement = network.create_statement(
        title="Fair funding", addressees="UNHCR", text="<p>Fund us.</p>", towns=[town],
        user=member, status="open",
    )  # fmt: skip
    network.sign_statement(statement=statement, municipality=town, user=member)
    run(network.revise_statement, statement=statement, user=member, text="<p>Fund us now.</p>")
    assert notifications_of(member) == [("signature", statement.get_absolute_url())]
    assert len(mailoutbox) == 1


def test_a_kind_chosen_for_the_digest_waits_and_goes_out_as_a_digest_line(
    run, member, other_member, mailoutbox
):
    Preference.objects.create(user=other_member, kind="mention", delivery="digest")
    thread = run(network.start_thread, title="Summer clubs", author=member,
                 body="<p>@officer@zahle.test any ideas?</p>")  # fmt: skip
    assert mailoutbox == []
    assert Notification.objects.get(user=other_member).email == "waiting"
    assert run(send_digests) == 1
    [digest] = mailoutbox
    assert digest.to == ["officer@zahle.test"]
    assert "For you" in digest.body
    assert f"{thread.get_absolute_url()}#post-" in digest.body
    assert Notification.objects.get(user=other_member, kind="mention").email == "digested"
    assert run(send_digests) == 0


def test_unsubscribing_from_mentions_stops_exactly_mentions(
    client, run, member, other_member, submitted_application, secretariat, mailoutbox
):
    token_url = unsubscribe_url(user_id=member.pk, kind="mention").removeprefix(
        "http://127.0.0.1:8000"
    )
    response = client.post(token_url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    thread = run(network.start_thread, title="Clubs", author=other_member, body="<p>Hi</p>")
    run(network.reply_to_thread, thread=thread, author=other_member,
        body="<p>@mayor@spilamberto.test welcome</p>")  # fmt: skip
    assert mailoutbox == []
    assert Notification.objects.get(user=member, kind="mention").email == "none"
    run(calls.decide_application, application=submitted_application, decision="accepted",
        user=secretariat)  # fmt: skip
    assert [m.subject for m in mailoutbox] == ["Decision on your application to Host a lab"]


def test_the_notification_link_marks_it_read_and_opens_the_item(
    run, client, member, submitted_application, secretariat
):
    run(calls.decide_application, application=submitted_application, decision="rejected",
        user=secretariat)  # fmt: skip
    notification = Notification.objects.get(user=member)
    client.force_login(member)
    response = client.post(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    notification.refresh_from_db()
    assert notification.is_read


def test_turning_the_digest_off_sends_no_digest_and_settles_the_waiting_lines(
    run, member, other_member, mailoutbox
):
    Preference.objects.create(user=other_member, kind="mention", delivery="digest")
    Preference.objects.create(user=other_member, kind="digest", delivery="never")
    run(network.start_thread, title="Summer clubs", author=member,
        body="<p>@officer@zahle.test any ideas?</p>")  # fmt: skip
    assert run(send_digests) == 0
    assert mailoutbox == []
    assert Notification.objects.get(user=other_member, kind="mention").email == "none"
    assert not Notification.objects.filter(user=other_member, kind="digest").exists()
