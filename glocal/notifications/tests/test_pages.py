import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from glocal.notifications.models import Notification, Preference, deliveries_for
from glocal.notifications.services import notify, unsubscribe_token


def make(user, title: str, days_ago: int = 0, **fields) -> Notification:
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    return Notification.objects.create(user=user, kind="mention", title=title, url="/exchange/",
                                       created_at=moment, **fields)  # fmt: skip


def test_the_list_groups_a_persons_notifications_by_day_newest_first(member_client, member):
    make(member, "Yesterday's mention", days_ago=1)
    make(member, "Today's mention")
    response = member_client.get(reverse("notifications:list"))
    assert response.status_code == 200
    days = [[n.title for n in items] for _day, items in response.context["days"]]
    assert days == [["Today's mention"], ["Yesterday's mention"]]


def test_one_person_never_sees_another_persons_notifications(member_client, member, other_member):
    theirs = make(other_member, "Their mention")
    page = member_client.get(reverse("notifications:list")).content.decode()
    assert "Their mention" not in page
    response = member_client.post(reverse("notifications:open", args=[theirs.pk]))
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_marking_all_read_touches_only_ones_own(member_client, member, other_member):
    make(member, "Mine")
    theirs = make(other_member, "Theirs")
    assert member_client.get(reverse("notifications:unread_count")).context["count"] == 1
    member_client.post(reverse("notifications:mark_all_read"))
    assert Notification.objects.get(user=member).is_read
    assert member_client.get(reverse("notifications:unread_count")).context["count"] == 0
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_the_header_count_is_empty_for_visitors(anonymous):
    response = anonymous.get(reverse("notifications:unread_count"))
    assert (response.status_code, response.content.strip()) == (200, b"")


def test_the_list_needs_a_sign_in(anonymous):
    response = anonymous.get(reverse("notifications:list"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("count", [2, 40])
def test_the_list_makes_a_constant_number_of_queries(
    member_client, member, count, django_assert_num_queries
):
    for index in range(count):
        make(member, f"Mention {index}", days_ago=index % 5)
    with django_assert_num_queries(4):  # session, user, page count, page
        member_client.get(reverse("notifications:list"))


def test_preferences_are_saved_per_kind(member_client, member):
    response = member_client.post(
        reverse("notifications:preferences"),
        deliveries_for(member) | {"mention": "digest", "call_decision": "never"},
    )
    assert response.status_code == 302
    chosen = dict(Preference.objects.filter(user=member).values_list("kind", "delivery"))
    assert (chosen["mention"], chosen["call_decision"], chosen["signature"]) == (
        "digest", "never", "immediately",
    )  # fmt: skip


def test_an_unknown_delivery_is_shown_next_to_the_field_and_nothing_is_saved(member_client, member):
    response = member_client.post(
        reverse("notifications:preferences"), deliveries_for(member) | {"mention": "pigeon"}
    )
    assert response.status_code == 200
    assert "pigeon is not one of the available choices" in response.content.decode()
    assert not Preference.objects.exists()


def test_opening_the_unsubscribe_link_asks_first_and_changes_nothing(client, member):
    token = unsubscribe_token(user_id=member.pk, kind="mention")
    response = client.get(reverse("notifications:unsubscribe", args=[token]))
    assert response.status_code == 200
    assert "Stop e-mails for" in response.content.decode()
    assert not Preference.objects.exists()


def test_the_one_click_post_unsubscribes_without_a_session_or_csrf_token(member):
    token = unsubscribe_token(user_id=member.pk, kind="mention")
    response = Client(enforce_csrf_checks=True).post(
        reverse("notifications:unsubscribe", args=[token]), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert deliveries_for(member)["mention"] == "never"
    assert deliveries_for(member)["call_decision"] == "immediately"


def test_a_tampered_unsubscribe_token_is_refused_and_changes_nothing(client, member):
    token = unsubscribe_token(user_id=member.pk, kind="mention")
    response = client.post(reverse("notifications:unsubscribe", args=[token[:-2] + "xx"]))
    assert response.status_code == 400
    assert not Preference.objects.exists()


def test_an_address_without_an_account_gets_the_mail_without_unsubscribe_or_record(
    db, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notify(kind="invitation", recipients=["new@town.test"], subject="Welcome", context={},
               template="notifications/email/footer.txt", url="/invitations/x/")  # fmt: skip
    assert [m.to for m in mailoutbox] == [["new@town.test"]]
    assert "List-Unsubscribe" not in mailoutbox[0].extra_headers
    assert not Notification.objects.exists()


def test_the_digest_cannot_be_put_in_the_digest(member_client, member):
    form = member_client.get(reverse("notifications:preferences")).context["form"]
    assert [value for value, _label in form.fields["digest"].choices] == ["immediately", "never"]
    response = member_client.post(
        reverse("notifications:preferences"), deliveries_for(member) | {"digest": "digest"}
    )
    assert response.status_code == 200
    assert not Preference.objects.exists()


def test_only_the_secretariat_is_offered_choices_about_its_own_kinds(
    member_client, client, secretariat
):
    offered = set(member_client.get(reverse("notifications:preferences")).context["form"].fields)
    client.force_login(secretariat)
    staff = set(client.get(reverse("notifications:preferences")).context["form"].fields)
    assert staff - offered == {"practice_submitted", "moderation"}
