import pytest
from django.urls import reverse

from glocal.members.models import User
from glocal.network import services
from glocal.network.models import Follow, GroupMembership, Post, Report, Thread, WorkingGroup

pytestmark = pytest.mark.django_db


def test_member_joins_and_leaves_a_working_group(member_client, group, member):
    url = reverse("network:group_membership", args=[group.slug])

    member_client.post(url, {"action": "join"})
    assert list(group.memberships.values_list("user", flat=True)) == [member.pk]

    member_client.post(url, {"action": "leave"})
    assert group.memberships.count() == 0


def test_only_the_secretariat_opens_working_groups(client, member, secretariat):
    data = {
        "name": "Climate Adaptation",
        "summary": "Heat plans.",
        "themes": ["environment-climate"],
    }
    client.force_login(member)

    refused = client.post(reverse("network:group_create"), data)
    assert refused.status_code == 403
    assert not WorkingGroup.objects.filter(name="Climate Adaptation").exists()

    client.force_login(secretariat)
    response = client.post(reverse("network:group_create"), data)
    group = WorkingGroup.objects.get(name="Climate Adaptation")
    assert response.status_code == 302
    assert (group.slug, [t.slug for t in group.themes.all()]) == (
        "climate-adaptation", ["environment-climate"],
    )  # fmt: skip


def test_a_coordinator_names_another_coordinator_but_a_member_cannot(
    client, group, coordinator, member
):
    GroupMembership.objects.create(group=group, user=member)
    url = reverse("network:group_coordinator", args=[group.slug, member.pk])

    client.force_login(member)
    assert client.post(url, {"coordinator": "1"}).status_code == 403
    assert not GroupMembership.objects.get(user=member).is_coordinator

    client.force_login(coordinator)
    client.post(url, {"coordinator": "1"})
    assert GroupMembership.objects.get(user=member).is_coordinator


def test_group_page_lists_practices_by_theme_and_discussions(member_client, group, member):
    GroupMembership.objects.create(group=group, user=member)
    services.start_thread(title="Safeguarding officers", body="Who has one?", author=member,
                          group=group)  # fmt: skip

    response = member_client.get(group.get_absolute_url())

    assert response.status_code == 200
    assert [t.title for t in response.context["threads"]] == ["Safeguarding officers"]
    assert response.context["is_member"] is True


def test_signed_in_member_starts_an_open_thread_and_follows_it(member_client, member):
    data = {"title": "Winter shelters", "body": "<p>How do you <b>staff</b> them?</p>"}

    response = member_client.post(reverse("network:thread_new"), data)

    thread = Thread.objects.get()
    assert response.status_code == 302
    assert (thread.group, thread.project, thread.author) == (None, None, member)
    assert thread.posts.get().body == "<p>How do you <b>staff</b> them?</p>"
    assert Follow.objects.filter(thread=thread, user=member).exists()


def test_rich_text_is_sanitised(member_client):
    body = '<p onclick="x()">Hi <script>steal()</script><a href="javascript:x">link</a></p>'

    member_client.post(reverse("network:thread_new"), {"title": "T", "body": body})

    assert Post.objects.get().body == '<p>Hi <a rel="noopener nofollow">link</a></p>'


def test_a_message_with_only_markup_is_refused_next_to_the_field(member_client):
    response = member_client.post(
        reverse("network:thread_new"), {"title": "Empty", "body": "<p> </p>"}
    )

    assert response.status_code == 400
    assert response.context["form"].errors["body"] == ["Write a message first."]
    assert Thread.objects.count() == 0


def test_the_exchange_space_needs_sign_in(client):
    response = client.get(reverse("network:exchange"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_only_group_members_post_in_a_group_thread(member_client, other_member, group, coordinator):
    thread = services.start_thread(title="Plan", body="Agenda", author=coordinator, group=group)

    response = member_client.post(
        reverse("network:thread_reply", args=[thread.pk]), {"body": "Me too"}
    )

    assert response.status_code == 403
    assert thread.posts.count() == 1


def test_project_threads_follow_the_projects_visibility(
    client, private_project, member, other_member
):
    thread = services.start_thread(title="Budget", body="Figures", author=member,
                                   project=private_project)  # fmt: skip

    client.force_login(member)
    assert client.get(thread.get_absolute_url()).status_code == 200
    client.force_login(other_member)
    assert client.get(thread.get_absolute_url()).status_code == 404
    listing = client.get(reverse("network:exchange"))
    assert list(listing.context["page"]) == []


def test_cannot_start_a_thread_on_a_project_one_may_not_see(other_member_client, private_project):
    response = other_member_client.post(
        reverse("network:thread_new"),
        {"title": "Sneaky", "body": "Hello", "project": private_project.pk},
    )

    assert response.status_code == 404
    assert Thread.objects.count() == 0


def test_reply_mentions_notify_by_email_once_committed(
    member_client, member, other_member, mailoutbox, django_capture_on_commit_callbacks
):
    other_member.full_name = "Rania Khoury"
    other_member.save(update_fields=["full_name"])
    thread = services.start_thread(title="Libraries", body="Opening hours?", author=member)

    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(
            reverse("network:thread_reply", args=[thread.pk]),
            {"body": "@rania-khoury and @nobody-here, what do you think?"},
        )

    post = thread.posts.last()
    assert list(post.mentions.all()) == [other_member]
    assert [m.to for m in mailoutbox] == [[other_member.email]]
    assert "Libraries" in mailoutbox[0].subject
    assert thread.get_absolute_url() in mailoutbox[0].body


def test_mention_by_email_address_is_found(member, other_member):
    assert services.find_mentions(f"Hello @{other_member.email}.") == [other_member]


def test_people_who_cannot_see_a_project_thread_are_not_notified(
    member, other_member, private_project, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.start_thread(title="Private", body=f"cc @{other_member.email}", author=member,
                              project=private_project)  # fmt: skip

    assert mailoutbox == []


def test_following_and_unfollowing_a_thread(other_member_client, other_member, member):
    thread = services.start_thread(title="Sports", body="Ideas", author=member)
    url = reverse("network:thread_follow", args=[thread.pk])

    other_member_client.post(url, {"follow": "1"})
    assert Follow.objects.filter(thread=thread, user=other_member).exists()
    listing = other_member_client.get(reverse("network:exchange") + "?scope=following")
    assert [t.pk for t in listing.context["page"]] == [thread.pk]

    other_member_client.post(url, {"follow": "0"})
    assert not Follow.objects.filter(thread=thread, user=other_member).exists()


def test_reporting_a_post_tells_the_moderators(
    other_member_client, member, secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    thread = services.start_thread(title="Rude", body="Something offensive", author=member)
    post = thread.posts.get()

    with django_capture_on_commit_callbacks(execute=True):
        response = other_member_client.post(
            reverse("network:post_report", args=[post.pk]), {"reason": "Insulting"}
        )

    assert response.status_code == 302
    assert Report.objects.get().reason == "Insulting"
    assert [m.to for m in mailoutbox] == [[secretariat.email]]


def test_reporting_twice_is_refused_with_a_message(other_member_client, other_member, member):
    post = services.start_thread(title="Rude", body="Text", author=member).posts.get()
    services.report_post(post=post, reporter=other_member, reason="Spam")

    response = other_member_client.post(
        reverse("network:post_report", args=[post.pk]), {"reason": "Spam again"}
    )

    assert response.status_code == 400
    assert response.context["form"].errors["reason"] == ["You already reported this message."]
    assert Report.objects.count() == 1


def test_group_coordinator_hides_and_unhides_a_post_in_their_group(
    client, group, coordinator, member
):
    GroupMembership.objects.create(group=group, user=member)
    post = services.start_thread(title="T", body="Abuse", author=member, group=group).posts.get()
    url = reverse("network:post_moderate", args=[post.pk])
    client.force_login(coordinator)

    client.post(url, {"hide": "1"})
    post.refresh_from_db()
    assert (post.is_hidden, post.hidden_by) == (True, coordinator)

    client.force_login(member)
    page = client.get(post.thread.get_absolute_url())
    assert list(page.context["posts"]) == []

    client.force_login(coordinator)
    client.post(url, {"hide": "0"})
    post.refresh_from_db()
    assert (post.is_hidden, post.hidden_by) == (False, None)


def test_a_member_cannot_hide_posts(other_member_client, member):
    post = services.start_thread(title="T", body="Fine", author=member).posts.get()

    response = other_member_client.post(
        reverse("network:post_moderate", args=[post.pk]), {"hide": "1"}
    )

    assert response.status_code == 403
    post.refresh_from_db()
    assert post.is_hidden is False


def test_a_coordinator_cannot_moderate_outside_their_group(client, coordinator, member):
    post = services.start_thread(title="Open", body="Text", author=member).posts.get()
    client.force_login(coordinator)

    response = client.post(reverse("network:post_moderate", args=[post.pk]), {"hide": "1"})

    assert response.status_code == 403
    assert Post.objects.get().is_hidden is False


def test_secretariat_sees_open_reports(secretariat_client, member, other_member):
    post = services.start_thread(title="T", body="Bad", author=member).posts.get()
    services.report_post(post=post, reporter=other_member, reason="Spam")

    response = secretariat_client.get(reverse("network:report_queue"))

    assert [p.pk for p in response.context["posts"]] == [post.pk]


def test_exchange_list_uses_a_constant_number_of_queries(
    member_client, member, django_assert_num_queries
):
    for n in range(4):
        services.start_thread(title=f"Thread {n}", body="Body", author=member)

    with django_assert_num_queries(4):
        response = member_client.get(reverse("network:exchange"))

    assert len(response.context["page"]) == 4


def test_digest_preference_is_saved(member_client, member):
    member_client.post(reverse("network:digest"), {"frequency": "weekly"})

    assert member.digest_preference.frequency == "weekly"
    assert User.objects.get(pk=member.pk).digest_preference.last_sent_at is not None


def test_a_digest_choice_from_an_older_tab_is_refused_naming_the_newer_one(member_client, member):
    old_tab = member_client.get(reverse("network:digest")).context["was"]
    member_client.post(reverse("network:digest"), {"frequency": "weekly", "was": old_tab})
    response = member_client.post(reverse("network:digest"), {"frequency": "daily",
                                                              "was": old_tab})  # fmt: skip
    assert response.status_code == 409
    assert "you chose “Weekly” in another tab" in response.content.decode()
    assert response.context["form"]["frequency"].value() == "daily"  # still selected
    assert User.objects.get(pk=member.pk).digest_preference.frequency == "weekly"
    resubmitted = {"frequency": "daily", "was": response.context["was"]}
    again = member_client.post(reverse("network:digest"), resubmitted)
    assert again.status_code == 302
    assert User.objects.get(pk=member.pk).digest_preference.frequency == "daily"


def test_a_project_number_that_is_not_a_number_is_not_found(other_member_client):
    response = other_member_client.post(
        reverse("network:thread_new") + "?project=²", {"title": "Odd", "body": "Hello"}
    )
    assert response.status_code == 404
    assert Thread.objects.count() == 0
