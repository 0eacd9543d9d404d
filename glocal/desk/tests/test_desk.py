import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from glocal.calls.models import Application, Assignment, Call, Criterion
from glocal.cooperation.models import Collaboration, Partner
from glocal.events.models import Registration
from glocal.network.models import Post, Report, Thread
from glocal.practices.models import Practice, ProposedRevision
from glocal.projects.models import Project
from glocal.projects.models_plan import Milestone

from .conftest import make_call, make_event


def load_representative(n: int, town, member, other_member) -> None:
    """``n`` of each thing that can need a representative."""
    today = timezone.localdate()
    for i in range(n):
        Practice.objects.create(title=f"Sent back {i}", slug=f"sent-back-{i}", summary="s",
                                municipality=town, country=town.country,
                                status="changes")  # fmt: skip
        started = today - datetime.timedelta(days=60)
        project = Project.objects.create(municipality=town, title=f"Project {i}",
                                         status="implementing", start_date=started)  # fmt: skip
        Milestone.objects.create(project=project, title=f"Step {i}",
                                 due_date=today - datetime.timedelta(days=i + 1))  # fmt: skip
        event = make_event(slug=f"event-{i}", capacity=1)
        Registration.objects.create(event=event, user=other_member, role="staff",
                                    status="confirmed")  # fmt: skip
        Registration.objects.create(event=event, user=member, role="staff", status="waitlisted")
        call = make_call(slug=f"call-{i}", closes_at=timezone.now() + datetime.timedelta(days=9))
        Application.objects.create(call=call, municipality=town, status="draft")
        collaboration = Collaboration.objects.create(title=f"Together {i}", slug=f"t-{i}",
                                                     summary="s")  # fmt: skip
        Partner.objects.create(collaboration=collaboration, municipality=town)
        published = Practice.objects.create(title=f"Online {i}", slug=f"online-{i}", summary="s",
                                            municipality=town, status="published")  # fmt: skip
        ProposedRevision.objects.create(practice=published, values={"summary": "t"},
                                        base_version=1, proposed_by=member)  # fmt: skip


def load_reviewer_and_secretariat(n: int, reviewer, town, other_member) -> None:
    thread = Thread.objects.create(title="Open", author=other_member, last_post_at=timezone.now())
    for i in range(n):
        call = make_call(slug=f"review-{i}", status="closed")
        Criterion.objects.create(call=call, name="Impact", weight=1)
        application = Application.objects.create(call=call, municipality=town, status="submitted")
        Assignment.objects.create(application=application, reviewer=reviewer)
        Practice.objects.create(title=f"Waiting {i}", slug=f"waiting-{i}", summary="s",
                                country=town.country, status="submitted")  # fmt: skip
        post = Post.objects.create(thread=thread, author=other_member, body=f"<p>{i}</p>")
        Report.objects.create(post=post, reporter=other_member, reason="rude")
        online = Practice.objects.create(title=f"Online {i}", slug=f"online-{i}", summary="s",
                                         municipality=town, status="published")  # fmt: skip
        ProposedRevision.objects.create(practice=online, values={"summary": "t"},
                                        base_version=1, proposed_by=other_member)  # fmt: skip


def test_a_representative_finds_what_needs_them_with_the_page_to_do_it(
    member_client, member, other_member, town
):
    load_representative(1, town, member, other_member)
    items = member_client.get("/").context["desk_items"]
    kinds = [item.kind for item in items]
    assert sorted(kinds) == sorted([
        "practice_changes", "milestone_late", "update_missing", "registration_waitlisted",
        "application_draft", "collaboration_invitation", "revision_pending",
    ])  # fmt: skip
    assert kinds[:3] == ["milestone_late", "practice_changes", "collaboration_invitation"]
    waiting = next(item for item in items if item.kind == "registration_waitlisted")
    assert waiting.action == "You are number 1 on the waiting list"
    for item in items:
        assert member_client.get(item.url).status_code == 200, item


def test_another_towns_representative_sees_none_of_it(member, other_member, town, client):
    load_representative(2, town, member, other_member)
    client.force_login(other_member)
    kinds = {item.kind for item in client.get("/").context["desk_items"]}
    assert kinds == {"registration_confirmed"}


@pytest.mark.parametrize("n", [1, 6])
def test_the_representatives_desk_makes_a_constant_number_of_queries(
    n, member_client, member, other_member, town, django_assert_num_queries
):
    load_representative(n, town, member, other_member)
    with django_assert_num_queries(22):  # one of them for proposed revisions
        response = member_client.get("/")
    assert len(response.context["desk_items"]) == 7 * n


@pytest.mark.parametrize("n", [1, 6])
def test_the_secretariats_desk_makes_a_constant_number_of_queries(
    n, secretariat_client, reviewer, other_member, town, django_assert_num_queries
):
    load_reviewer_and_secretariat(n, reviewer, town, other_member)
    with django_assert_num_queries(26):  # one more: the practices' proposed revisions
        response = secretariat_client.get("/")
    kinds = [item.kind for item in response.context["desk_items"]]
    assert (kinds.count("practice_to_review"), kinds.count("post_reported")) == (n, n)
    assert kinds.count("call_to_decide") == n
    assert kinds.count("revision_to_review") == n


def test_a_reviewer_sees_progress_and_my_reviews_lists_only_reviews(
    client, reviewer, other_member, town
):
    load_reviewer_and_secretariat(2, reviewer, town, other_member)
    client.force_login(reviewer)
    response = client.get(reverse("desk:my_reviews"))
    assert response.status_code == 200
    assert [i.action for i in response.context["items"]] == [
        "Score it, or declare a conflict of interest"
    ] * 2
    for item in response.context["items"]:
        assert client.get(item.url).status_code == 200


def test_my_reviews_is_refused_to_a_representative(member_client):
    assert member_client.get(reverse("desk:my_reviews")).status_code == 403


def test_an_empty_desk_says_so_and_suggests_a_next_step(member_client):
    page = member_client.get("/").content.decode()
    assert "Nothing needs you today." in page
    assert "Share a practice" in page


def test_visitors_still_get_the_public_home_page(db, anonymous):
    response = anonymous.get("/")
    assert "desk_items" not in response.context
    assert "Think globally, act locally" in response.content.decode()


def test_the_navigation_shows_each_role_its_ways_in(member_client, client, reviewer, secretariat):
    member_page = member_client.get("/").content.decode()
    assert ("My reviews" in member_page, "Secretariat" in member_page) == (False, False)
    client.force_login(reviewer)
    assert "My reviews" in client.get("/").content.decode()
    client.force_login(secretariat)
    page = client.get("/").content.decode()
    assert "<summary>Secretariat</summary>" in page
    assert 'href="/exchange/reports/"' in page


@pytest.mark.parametrize("n", [1, 6])
def test_the_reviewers_desk_makes_a_constant_number_of_queries(
    n, client, reviewer, other_member, town, django_assert_num_queries
):
    load_reviewer_and_secretariat(n, reviewer, town, other_member)
    client.force_login(reviewer)
    with django_assert_num_queries(19):
        response = client.get("/")
    assert [item.kind for item in response.context["desk_items"]] == ["review_assigned"] * n


def test_a_review_shows_the_calls_review_deadline_and_is_urgent_when_close(
    client, reviewer, other_member, town
):
    load_reviewer_and_secretariat(1, reviewer, town, other_member)
    due = timezone.now() + datetime.timedelta(days=2)
    Call.objects.update(reviews_due_at=due)
    client.force_login(reviewer)
    [item] = client.get(reverse("desk:my_reviews")).context["items"]
    assert (item.due, item.urgent) == (due, True)
