import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from glocal.network import services
from glocal.network.models import Update
from glocal.projects.models import Project, ProjectStatus

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_representative_posts_an_update_on_their_running_project(member_client, project, member):
    data = {"project": project.pk, "title": "First session",
            "body": "<p>Forty pupils came.</p><script>x</script>"}  # fmt: skip

    response = member_client.post(reverse("network:update_new"), data)

    update = Update.objects.get()
    assert response.status_code == 302
    assert (update.project, update.author, update.body) == (
        project, member, "<p>Forty pupils came.</p>",
    )  # fmt: skip


def test_another_towns_representative_cannot_post_on_the_project(
    other_member_client, project, other_town
):
    from glocal.projects.services import start_project

    start_project(municipality=other_town, title="Their own", user=None)
    data = {"project": project.pk, "title": "Not mine", "body": "Text"}

    response = other_member_client.post(reverse("network:update_new"), data)

    assert response.status_code == 400
    assert "project" in response.context["form"].errors
    assert Update.objects.count() == 0


def test_people_without_a_running_project_are_refused(other_member_client):
    response = other_member_client.get(reverse("network:update_new"))

    assert response.status_code == 403


def test_updates_on_finished_projects_are_refused_by_the_service(project, member):
    Project.objects.filter(pk=project.pk).update(status=ProjectStatus.COMPLETED)
    project.refresh_from_db()

    with pytest.raises(services.NetworkError):
        services.post_update(project=project, title="Late", body="x", author=member)
    assert Update.objects.count() == 0


def test_public_page_shows_only_updates_of_projects_the_visitor_may_see(
    client, project, private_project, member
):
    services.post_update(project=project, title="Open news", body="x", author=member)
    services.post_update(project=private_project, title="Internal news", body="y", author=member)

    response = client.get(reverse("network:update_list"))

    assert [u.title for u in response.context["page"]] == ["Open news"]


def test_update_of_a_private_project_is_404_for_visitors(client, private_project, member):
    update = services.post_update(project=private_project, title="Internal", body="y",
                                  author=member)  # fmt: skip

    assert client.get(update.get_absolute_url()).status_code == 404


def test_secretariat_features_an_update_as_a_story_and_members_cannot(
    client, project, member, secretariat
):
    update = services.post_update(project=project, title="Great result", body="x", author=member)
    url = reverse("network:update_feature", args=[update.pk])

    client.force_login(member)
    assert client.post(url, {"featured": "1"}).status_code == 403
    assert Update.objects.get().is_story is False

    client.force_login(secretariat)
    client.post(url, {"featured": "1"})
    update.refresh_from_db()
    assert update.is_story is True
    assert update.featured_at is not None
    client.logout()
    assert [u.title for u in client.get(reverse("network:update_list")).context["stories"]] == [
        "Great result"
    ]


def test_update_list_uses_a_constant_number_of_queries(
    client, project, member, django_assert_num_queries
):
    for n in range(4):
        services.post_update(project=project, title=f"News {n}", body="x", author=member)

    with django_assert_num_queries(4):  # one for translations
        response = client.get(reverse("network:update_list"))

    assert len(response.context["page"]) == 4


def test_atom_feed_is_valid_and_carries_public_updates_only(
    client, project, private_project, member
):
    member.full_name = "Giulia Bianchi"
    member.save(update_fields=["full_name"])
    update = services.post_update(project=project, title="Council <met>", body="<p>Good</p>",
                                  author=member)  # fmt: skip
    services.post_update(project=private_project, title="Internal", body="y", author=member)

    response = client.get(reverse("network:update_feed"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}id").text == "http://testserver/updates/"
    assert feed.find(f"{ATOM}title").text == "Glocal network: updates and stories"
    assert feed.find(f"{ATOM}updated").text is not None
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == (
        "http://testserver/updates/feed.atom"
    )
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 1
    entry = entries[0]
    assert entry.find(f"{ATOM}title").text == "Council <met>"
    assert entry.find(f"{ATOM}id").text == f"tag:glocal,2026:update-{update.pk}"
    assert entry.find(f"{ATOM}link").get("href") == f"http://testserver/updates/{update.pk}/"
    assert entry.find(f"{ATOM}author/{ATOM}name").text == "Giulia Bianchi, Spilamberto"
    assert entry.find(f"{ATOM}updated").text.startswith(str(update.updated_at.year))
    assert entry.find(f"{ATOM}summary").text == "<p>Good</p>"


def test_an_empty_atom_feed_still_names_its_author(client):
    response = client.get(reverse("network:update_feed"))

    feed = ET.fromstring(response.content)
    assert feed.findall(f"{ATOM}entry") == []
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "Glocal network"
    assert feed.find(f"{ATOM}id").text == "http://testserver/updates/"
    assert feed.find(f"{ATOM}updated").text is not None
