from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from glocal.network import services
from glocal.network.digest import build_digest, send_digests
from glocal.network.models import DigestPreference, GroupMembership, Update

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscriber(other_member):
    other_member.full_name = "Rania"
    other_member.save(update_fields=["full_name"])
    return DigestPreference.objects.create(
        user=other_member, frequency="daily", last_sent_at=timezone.now() - timedelta(days=1)
    )


def test_digest_carries_replies_in_followed_threads_group_threads_and_updates(
    subscriber, other_member, member, group, project
):
    followed = services.start_thread(title="Libraries", body="Hours?", author=member)
    services.set_following(thread=followed, user=other_member, follow=True)
    services.reply_to_thread(thread=followed, body="Evenings work best", author=member)
    not_followed = services.start_thread(title="Unrelated", body="Noise", author=member)
    services.reply_to_thread(thread=not_followed, body="More noise", author=member)
    GroupMembership.objects.create(group=group, user=other_member)
    GroupMembership.objects.create(group=group, user=member)
    in_group = services.start_thread(title="Child helpline", body="Ideas", author=member,
                                     group=group)  # fmt: skip
    update = services.post_update(project=project, title="First council", body="It met",
                                  author=member)  # fmt: skip
    own = services.start_thread(title="Mine", body="By the subscriber", author=other_member)
    services.reply_to_thread(thread=own, body="Own reply", author=other_member)

    digest = build_digest(other_member, subscriber.last_sent_at, timezone.now())

    assert [p.body for p in digest.posts] == ["Hours?", "Evenings work best"]
    assert digest.threads == [in_group]
    assert digest.updates == [update]


def test_hidden_posts_and_threads_one_may_not_see_stay_out_of_the_digest(
    subscriber, other_member, member, private_project, secretariat
):
    private = services.start_thread(title="Budget", body="Figures", author=member,
                                    project=private_project)  # fmt: skip
    services.set_following(thread=private, user=other_member, follow=True)
    open_thread = services.start_thread(title="Open", body="Fine", author=member)
    services.set_following(thread=open_thread, user=other_member, follow=True)
    post = services.reply_to_thread(thread=open_thread, body="Abusive", author=member)
    services.set_post_hidden(post=post, moderator=secretariat, hidden=True)
    services.post_update(project=private_project, title="Secret", body="x", author=member)

    digest = build_digest(other_member, subscriber.last_sent_at, timezone.now())

    assert [p.body for p in digest.posts] == ["Fine"]
    assert digest.updates == []


def test_send_digests_mails_once_and_a_second_run_sends_nothing(
    subscriber, other_member, member, project, mailoutbox, django_capture_on_commit_callbacks
):
    services.post_update(project=project, title="Council met", body="Good", author=member)

    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", stdout=out)
    with django_capture_on_commit_callbacks(execute=True):
        second = send_digests()

    assert out.getvalue() == "1 digest(s) sent.\n"
    assert second == 0
    assert [m.to for m in mailoutbox] == [[other_member.email]]
    assert "Council met" in mailoutbox[0].body
    assert "/updates/" in mailoutbox[0].body


def test_next_digest_only_covers_what_came_after_the_previous_one(
    subscriber, other_member, member, project, mailoutbox, django_capture_on_commit_callbacks
):
    first = services.post_update(project=project, title="Old news", body="x", author=member)
    with django_capture_on_commit_callbacks(execute=True):
        send_digests()
    Update.objects.filter(pk=first.pk).update(created_at=timezone.now() - timedelta(hours=1))
    services.post_update(project=project, title="Fresh news", body="y", author=member)

    with django_capture_on_commit_callbacks(execute=True):
        sent = send_digests(now=timezone.now() + timedelta(days=1))

    assert sent == 1
    assert "Fresh news" in mailoutbox[1].body
    assert "Old news" not in mailoutbox[1].body


def test_weekly_digest_waits_for_the_week(subscriber, member, project, mailoutbox):
    DigestPreference.objects.filter(pk=subscriber.pk).update(frequency="weekly")
    services.post_update(project=project, title="News", body="x", author=member)

    assert send_digests() == 0
    assert send_digests(now=timezone.now() + timedelta(days=6)) == 1


def test_people_who_chose_no_digest_get_none(subscriber, member, project):
    DigestPreference.objects.filter(pk=subscriber.pk).update(frequency="off")
    services.post_update(project=project, title="News", body="x", author=member)

    assert send_digests() == 0
    assert DigestPreference.objects.get().last_sent_at == subscriber.last_sent_at


def test_nothing_new_sends_no_email_but_moves_the_window(subscriber, mailoutbox):
    now = timezone.now()

    assert send_digests(now=now) == 0
    assert mailoutbox == []
    assert DigestPreference.objects.get().last_sent_at == now
