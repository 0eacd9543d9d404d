import pytest
from django.urls import reverse

from glocal.network import services
from glocal.network.models import GroupMembership, WorkingGroup

pytestmark = pytest.mark.django_db


def test_a_new_installation_has_the_networks_six_working_groups(client):
    response = client.get(reverse("network:group_list"))

    assert [g.name for g in response.context["groups"]] == [
        "Children's Rights", "Education and Social Cohesion",
        "Exploitation and Human Trafficking", "Gender Equality",
        "Research Network for Diversity", "Trauma Surviving",
    ]  # fmt: skip
    assert [t.slug for t in response.context["groups"][1].themes.all()] == [
        "education", "social-cohesion",
    ]  # fmt: skip


def test_community_page_links_every_part_of_the_community(client, group):
    response = client.get(reverse("network:index"))

    body = response.content.decode()
    assert response.status_code == 200
    for name in ("group_list", "exchange", "statement_list", "update_list"):
        assert f'href="{reverse(f"network:{name}")}"' in body
    assert list(response.context["threads"]) == []


def test_visitors_see_group_pages_but_not_their_discussions(client, group, member):
    GroupMembership.objects.create(group=group, user=member)
    services.start_thread(title="Members only", body="x", author=member, group=group)

    response = client.get(group.get_absolute_url())

    assert response.status_code == 200
    assert list(response.context["threads"]) == []
    assert "Members only" not in response.content.decode()


def test_inactive_groups_are_404_for_members(member_client, group):
    WorkingGroup.objects.filter(pk=group.pk).update(is_active=False)

    assert member_client.get(group.get_absolute_url()).status_code == 404
    listed = member_client.get(reverse("network:group_list")).context["groups"]
    assert group.name not in [g.name for g in listed]
    assert len(listed) == 5


def test_joining_an_inactive_group_is_refused(secretariat_client, group, secretariat):
    WorkingGroup.objects.filter(pk=group.pk).update(is_active=False)

    secretariat_client.post(reverse("network:group_membership", args=[group.slug]),
                            {"action": "join"})  # fmt: skip

    assert group.memberships.count() == 0


def test_group_list_uses_a_constant_number_of_queries(
    member_client, member, django_assert_num_queries
):
    for n in range(3):
        WorkingGroup.objects.create(name=f"Group {n}", slug=f"group-{n}", summary="s")

    with django_assert_num_queries(5):
        response = member_client.get(reverse("network:group_list"))

    assert len(response.context["groups"]) == 9


def test_thread_page_shows_the_reply_form_to_members_only_in_their_group(
    client, group, coordinator, member
):
    thread = services.start_thread(title="Plan", body="Agenda", author=coordinator, group=group)
    client.force_login(member)

    response = client.get(thread.get_absolute_url())

    assert response.status_code == 200
    assert response.context["can_post"] is False
    assert "Join the working group to reply." in response.content.decode()
