import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from glocal.events.models import Event
from glocal.practices.models import Practice, Status
from glocal.projects.models import Project

from .conftest import make_event, make_session


def practice(town, title="Olive Oil Cooperative", status=Status.PUBLISHED) -> Practice:
    slug = title.lower().replace(" ", "-")
    return Practice.objects.create(title=title, slug=slug, summary="s", municipality=town,
                                   status=status)  # fmt: skip


def test_event_list_shows_upcoming_events_with_a_constant_number_of_queries(
    anonymous, town, django_assert_num_queries
):
    make_event("Annual Conference", host=town)
    make_event("Past Exposure", host=town, starts_at=timezone.now() - timedelta(days=30))
    make_event("Hidden Draft", host=town, is_published=False)
    with django_assert_num_queries(4):  # one for translations
        response = anonymous.get("/events/")
    assert [e.title for e in response.context["page"].object_list] == ["Annual Conference"]
    for n in range(3):
        make_event(f"Webinar {n}", host=town, kind=Event.Kind.WEBINAR)
    with django_assert_num_queries(4):  # one for translations
        response = anonymous.get("/events/", {"kind": "webinar"})
    assert [e.title for e in response.context["page"].object_list] == [
        "Webinar 0", "Webinar 1", "Webinar 2"]  # fmt: skip
    past = anonymous.get("/events/", {"when": "past"})
    assert [e.title for e in past.context["page"].object_list] == ["Past Exposure"]


def test_event_page_shows_the_programme_by_day_in_the_venue_time_zone(anonymous, town):
    start = timezone.now().replace(microsecond=0) + timedelta(days=60)
    event = make_event(host=town, time_zone="Asia/Beirut", starts_at=start)
    session = make_session(event, "Panel on water", kind="panel", speakers="Rana Aoun\nLuca Bassi",
                           room="Hall B")  # fmt: skip
    html = anonymous.get(f"/events/{event.slug}/").content.decode()
    local = session.starts_at.astimezone(event.tz)
    assert local.strftime("%H:%M") in html
    assert "Panel on water" in html
    assert "With Rana Aoun, Luca Bassi" in html
    assert "Asia/Beirut time" in html


def test_event_page_carries_schema_org_event_json_ld(anonymous, town):
    event = make_event("Conference </script><b>", slug="conf", host=town, capacity=150)
    html = anonymous.get("/events/conf/").content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "Event"
    assert data["name"] == "Conference </script><b>"
    assert data["startDate"] == event.starts_at.astimezone(event.tz).isoformat()
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["address"]["addressCountry"] == "IT"
    assert data["maximumAttendeeCapacity"] == 150
    assert "</script><b>" not in match.group(1)


def test_practice_partial_lists_the_events_that_present_or_visit_it(anonymous, town):
    shown = practice(town)
    exposure = make_event("Field Exposure Spilamberto", host=town,
                          starts_at=timezone.now() - timedelta(days=40))  # fmt: skip
    exposure.practices.add(shown)
    conference = make_event("Annual Conference", host=town)
    make_session(conference, "Site visit", kind="site_visit").practices.add(shown)
    make_event("Hidden Draft", host=town, is_published=False).practices.add(shown)
    response = anonymous.get(f"/practices/{shown.slug}/events/")
    assert response.status_code == 200
    assert [e.title for e in response.context["events"]] == [
        "Annual Conference", "Field Exposure Spilamberto"]  # fmt: skip
    detail = anonymous.get(f"/events/{exposure.slug}/").content.decode()
    assert f'href="/practices/{shown.slug}/"' in detail


def test_practice_partial_of_an_unpublished_practice_is_404(anonymous, town):
    draft = practice(town, "Draft Idea", status=Status.DRAFT)
    assert anonymous.get(f"/practices/{draft.slug}/events/").status_code == 404


def test_project_partial_lists_events_and_hides_private_projects(
    client, town, member, other_member
):
    project = Project.objects.create(municipality=town, title="Shared Gardens",
                                     visibility="private")  # fmt: skip
    event = make_event("Workshop on Gardens", host=town, kind=Event.Kind.WORKSHOP)
    event.projects.add(project)
    client.force_login(member)
    response = client.get(f"/projects/{project.pk}/events/")
    assert [e.title for e in response.context["events"]] == ["Workshop on Gardens"]
    client.force_login(other_member)
    assert client.get(f"/projects/{project.pk}/events/").status_code == 404


def test_private_project_is_not_named_on_the_event_page_to_others(client, town, other_member):
    project = Project.objects.create(municipality=town, title="Shared Gardens",
                                     visibility="private")  # fmt: skip
    event = make_event("Workshop on Gardens", host=town, kind=Event.Kind.WORKSHOP)
    event.projects.add(project)
    client.force_login(other_member)
    assert "Shared Gardens" not in client.get(f"/events/{event.slug}/").content.decode()


def test_reserved_slugs_are_refused(town):
    from django.core.exceptions import ValidationError

    event = make_event(host=town)
    event.slug = "feed"
    with pytest.raises(ValidationError) as refused:
        event.full_clean()
    assert refused.value.message_dict["slug"] == ["This address is reserved."]


def test_programme_links_only_the_practices_the_viewer_may_open(anonymous, town):
    event = make_event(host=town)
    session = make_session(event)
    session.practices.add(practice(town, "Published Walk"),
                          practice(town, "Draft Walk", status=Status.DRAFT))  # fmt: skip
    body = anonymous.get(f"/events/{event.slug}/").content.decode()
    assert "/practices/published-walk/" in body
    assert "Draft Walk" not in body
