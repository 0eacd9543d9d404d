import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ..models import Match, Post
from .conftest import make_post

NEED = {
    "municipality": "",
    "kind": "need",
    "category": "equipment",
    "title": "Generators for the shelters",
    "description": "We need diesel generators to keep the shelters warm",
    "quantity": "4",
    "place": "Spilamberto sports hall",
    "urgency": "3",
    "until": "",
}


def post_need(client, town, **changes):
    return client.post(reverse("cooperation:post_new"), NEED | {"municipality": town.pk} | changes)


@pytest.fixture
def offers(located, other_town, third_town):
    """A fitting offer, one of another kind, and one of the same kind about something else."""
    return {
        "generators": make_post(other_town, "offer"),
        "hosting": make_post(
            other_town,
            "offer",
            category="hosting",
            title="Diesel generators",
            description="Families ready to host",
        ),
        "laptops": make_post(
            third_town,
            "offer",
            title="Office laptops",
            description="Twenty refurbished laptops for town halls",
        ),
    }


@pytest.fixture
def match(town, other_town, located):
    need = make_post(town, "need", title="Generators wanted")
    offer = make_post(other_town, "offer")
    return Match.objects.create(need=need, offer=offer, reasons=["Same kind of help: Equipment"])


def test_posting_a_need_suggests_the_fitting_offer_with_its_reasons(
    member_client, other_member, town, offers, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_need(member_client, town)
    need = Post.objects.get(title="Generators for the shelters")
    assert response.status_code == 302
    assert response.url == reverse("cooperation:post_detail", args=[need.pk])
    match = need.matches_as_need.get()
    assert match.offer == offers["generators"]
    assert match.state == Match.State.OFFERED
    assert match.reasons == [
        "Same kind of help: Equipment",
        "Both mention diesel, generator, shelter",
        "Zahlé is about 2437 km away",
    ]
    assert match.score == 0.779
    assert [m.to for m in mailoutbox] == [["officer@zahle.test"]]
    assert (
        mailoutbox[0].subject
        == "The solidarity board suggests a match: Generators for the shelters"
    )


def test_the_need_page_shows_the_suggested_offer_and_why(member_client, town, offers):
    need = post_need(member_client, town)
    page = member_client.get(need.url).content.decode()
    assert "Suggested offers" in page
    assert "Power generators" in page
    assert "Why: Same kind of help: Equipment; Both mention diesel, generator, shelter" in page
    assert "Accept this offer" in page
    assert "Office laptops" not in page


def test_an_offer_posted_later_is_matched_with_the_open_need(
    client, other_member, town, other_town, located
):
    need = make_post(town, "need", title="Generators wanted", description="diesel generators")
    client.force_login(other_member)
    data = NEED | {
        "municipality": other_town.pk,
        "kind": "offer",
        "title": "Spare generators",
        "description": "Two diesel generators we no longer use",
    }
    client.post(reverse("cooperation:post_new"), data)
    offer = Post.objects.get(title="Spare generators")
    assert list(Match.objects.values_list("need", "offer")) == [(need.pk, offer.pk)]


def test_the_town_in_need_accepts_then_marks_delivered(member_client, match):
    url = reverse("cooperation:match_move", args=[match.pk])
    assert member_client.post(url, {"state": "accepted"}).status_code == 302
    match.refresh_from_db()
    assert match.state == Match.State.ACCEPTED
    assert member_client.post(url, {"state": "delivered"}).status_code == 302
    match.refresh_from_db()
    assert match.state == Match.State.DELIVERED


def test_the_offering_town_cannot_accept_for_the_town_in_need(other_member_client, match):
    url = reverse("cooperation:match_move", args=[match.pk])
    response = other_member_client.post(url, {"state": "accepted"})
    assert response.status_code == 403
    match.refresh_from_db()
    assert match.state == Match.State.OFFERED


def test_the_offering_town_may_decline_and_mark_delivered(other_member_client, match):
    Match.objects.filter(pk=match.pk).update(state=Match.State.ACCEPTED)
    url = reverse("cooperation:match_move", args=[match.pk])
    assert other_member_client.post(url, {"state": "delivered"}).status_code == 302
    match.refresh_from_db()
    assert match.state == Match.State.DELIVERED


def test_another_town_cannot_move_a_match_and_nothing_changes(client, third_member, match):
    client.force_login(third_member)
    response = client.post(
        reverse("cooperation:match_move", args=[match.pk]), {"state": "declined"}
    )
    assert response.status_code == 404
    match.refresh_from_db()
    assert match.state == Match.State.OFFERED
    assert match.updated_by is None


def test_the_secretariat_cannot_move_a_match_either(secretariat_client, match):
    url = reverse("cooperation:match_move", args=[match.pk])
    assert secretariat_client.post(url, {"state": "accepted"}).status_code == 404
    match.refresh_from_db()
    assert match.state == Match.State.OFFERED


@pytest.mark.parametrize(
    ("start", "target"),
    [
        ("offered", "delivered"),
        ("delivered", "accepted"),
        ("declined", "accepted"),
        ("delivered", "declined"),
        ("accepted", "offered"),
        ("offered", "bogus"),
    ],
)
def test_a_match_only_moves_along_the_allowed_steps(member_client, match, start, target):
    Match.objects.filter(pk=match.pk).update(state=start)
    response = member_client.post(
        reverse("cooperation:match_move", args=[match.pk]), {"state": target}
    )
    assert response.status_code == 400
    match.refresh_from_db()
    assert match.state == start


def test_anonymous_visitors_are_sent_to_sign_in_and_nothing_changes(client, match):
    response = client.post(
        reverse("cooperation:match_move", args=[match.pk]), {"state": "declined"}
    )
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")
    match.refresh_from_db()
    assert match.state == Match.State.OFFERED


def test_a_need_with_a_past_date_is_refused_next_to_the_field(member_client, town):
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = post_need(member_client, town, until=yesterday)
    assert response.status_code == 200
    assert "This date has passed; choose a later one." in response.content.decode()
    assert Post.objects.count() == 0


def test_a_representative_cannot_post_for_another_town(member_client, other_town):
    response = post_need(member_client, other_town)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert Post.objects.count() == 0


def test_people_without_a_town_cannot_post(client, reviewer, town):
    client.force_login(reviewer)
    assert post_need(client, town).status_code == 403
    assert Post.objects.count() == 0


def test_the_secretariat_sees_which_needs_are_still_unmet(secretariat_client, town, match):
    helped = make_post(town, "need", title="Blankets for winter", category="goods")
    Match.objects.create(need=helped, offer=match.offer, state=Match.State.DELIVERED)
    make_post(
        town, "need", title="Expired need", until=timezone.localdate() - datetime.timedelta(1)
    )
    response = secretariat_client.get(reverse("cooperation:solidarity_unmet"))
    assert [p.title for p in response.context["needs"]] == ["Generators wanted"]


def test_representatives_do_not_see_the_unmet_list(member_client):
    assert member_client.get(reverse("cooperation:solidarity_unmet")).status_code == 403


def test_withdrawing_a_need_declines_its_offered_matches(member_client, match):
    response = member_client.post(reverse("cooperation:post_close", args=[match.need.pk]))
    assert response.status_code == 302
    match.refresh_from_db()
    assert match.state == Match.State.DECLINED
    assert Post.objects.open().needs().count() == 0


def test_another_town_cannot_withdraw_a_need(other_member_client, match):
    response = other_member_client.post(reverse("cooperation:post_close", args=[match.need.pk]))
    assert response.status_code == 403
    match.need.refresh_from_db()
    assert match.need.closed_at is None


def test_a_town_puts_its_own_offer_forward_for_a_need(
    client, third_member, third_town, town, member, mailoutbox, django_capture_on_commit_callbacks
):
    need = make_post(town, "need", title="Interpreters", category="expertise")
    offer = make_post(third_town, "offer", title="Arabic interpreters", category="expertise")
    client.force_login(third_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("cooperation:post_propose", args=[need.pk]), {"offer": offer.pk}
        )
    assert response.status_code == 302
    match = Match.objects.get()
    assert (match.need, match.offer, match.reasons) == (need, offer, ["Put forward by Batroun"])
    assert [m.to for m in mailoutbox] == [["mayor@spilamberto.test"]]


def test_a_town_cannot_put_forward_another_towns_offer(client, third_member, town, other_town):
    need = make_post(town, "need", title="Interpreters", category="expertise")
    offer = make_post(other_town, "offer", title="Arabic interpreters", category="expertise")
    client.force_login(third_member)
    response = client.post(reverse("cooperation:post_propose", args=[need.pk]), {"offer": offer.pk})
    assert response.status_code == 400
    assert Match.objects.count() == 0


def test_the_board_lists_open_posts_in_a_constant_number_of_queries(
    client, town, other_town, django_assert_num_queries
):
    for number in range(3):
        make_post(town, "need", title=f"Need {number}")
        make_post(other_town, "offer", title=f"Offer {number}")
    with django_assert_num_queries(2):
        response = client.get(reverse("cooperation:solidarity"))
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 6
    make_post(town, "need", title="One more")
    with django_assert_num_queries(2):
        client.get(reverse("cooperation:solidarity"))


def test_the_board_filters_by_kind_and_category(client, town, other_town):
    make_post(town, "need", title="Beds", category="goods")
    make_post(other_town, "offer", title="Rooms", category="hosting")
    make_post(other_town, "need", title="Pumps")
    response = client.get(reverse("cooperation:solidarity"), {"kind": "need", "category": "goods"})
    assert [p.title for p in response.context["page"].object_list] == ["Beds"]
