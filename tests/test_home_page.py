from datetime import timedelta

from django.utils import timezone

from glocal.calls.models import Call
from glocal.events.models import Event
from glocal.network.models import Update
from glocal.projects.models import Project


def make_call(title: str, status: str = "open", closes_in: int = 10) -> Call:
    now = timezone.now()
    return Call.objects.create(
        title=title, slug=title.lower().replace(" ", "-"), kind="lab", summary="s",
        status=status, opens_at=now - timedelta(days=30),
        closes_at=now + timedelta(days=closes_in),
    )  # fmt: skip


def make_event(title: str, starts_in: int, published: bool = True) -> Event:
    start = timezone.now() + timedelta(days=starts_in)
    return Event.objects.create(
        title=title, slug=title.lower().replace(" ", "-"), kind="webinar", mode="online",
        summary="s", starts_at=start, ends_at=start + timedelta(hours=2),
        is_published=published,
    )  # fmt: skip


def test_home_page_shows_open_calls_coming_events_and_stories(anonymous, town):
    make_call("Host a Local Change Lab")
    make_call("Hidden draft call", status="draft")
    make_call("Closed call", closes_in=-1)
    make_event("Webinar on volunteers", starts_in=5)
    make_event("Unpublished webinar", starts_in=6, published=False)
    make_event("Last year's webinar", starts_in=-300)
    project = Project.objects.create(municipality=town, title="Green corners", visibility="public")
    Update.objects.create(project=project, title="First corner planted", body="<p>Done</p>",
                          is_story=True, featured_at=timezone.now())  # fmt: skip
    Update.objects.create(project=project, title="Plain update", body="<p>Hi</p>")
    response = anonymous.get("/")
    assert [c.title for c in response.context["open_calls"]] == ["Host a Local Change Lab"]
    assert [e.title for e in response.context["coming_events"]] == ["Webinar on volunteers"]
    assert [u.title for u in response.context["stories"]] == ["First corner planted"]
    assert "First corner planted" in response.content.decode()


def test_stories_of_private_projects_stay_off_the_home_page(anonymous, town):
    project = Project.objects.create(municipality=town, title="Quiet", visibility="private")
    Update.objects.create(project=project, title="Private news", body="<p>x</p>", is_story=True)
    assert "Private news" not in anonymous.get("/").content.decode()


def test_representative_sees_the_running_projects_of_their_town_only(
    client, member, other_member, town, other_town
):
    Project.objects.create(municipality=town, title="Our volunteer register", status="planning")
    Project.objects.create(municipality=town, title="Finished one", status="completed")
    Project.objects.create(municipality=other_town, title="Their project", status="planning")
    client.force_login(member)
    response = client.get("/")
    assert [p.title for p in response.context["my_projects"]] == ["Our volunteer register"]
    client.force_login(other_member)
    assert [p.title for p in client.get("/").context["my_projects"]] == ["Their project"]
