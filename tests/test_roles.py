"""What glocal/lib/roles.py answers for each persona, and that a page asks it once."""

import pytest
from django.contrib.auth.models import AnonymousUser

from glocal.calls.models import Assignment
from glocal.calls.rules import conflict_reason
from glocal.calls.tests.builders import make_call, submitted
from glocal.cooperation.models import Expert
from glocal.lib import roles
from glocal.members.models import Membership, User
from glocal.network.models import Signatory


@pytest.fixture
def call(db):
    return make_call(slug="lab-roles")


def test_only_active_staff_are_secretariat(secretariat, member, reviewer):
    secretariat_gone = User.objects.create_user("gone@network.test", is_staff=True, is_active=False)
    answers = [roles.is_secretariat(u) for u in (secretariat, member, reviewer, secretariat_gone)]
    assert answers == [True, False, False, False]
    assert roles.is_secretariat(AnonymousUser()) is False
    assert list(roles.secretariat_users()) == [secretariat]


def test_reviewers_and_the_secretariat_may_review(secretariat, member, reviewer):
    assert [roles.may_review(u) for u in (secretariat, member, reviewer)] == [True, False, True]
    assert [roles.is_reviewer(u) for u in (secretariat, member, reviewer)] == [False, False, True]
    assert set(User.objects.filter(roles.reviewers_q())) == {secretariat, reviewer}
    assert roles.may_review(AnonymousUser()) is False


def test_a_representative_represents_their_own_town_only(member, town, other_town, secretariat):
    assert roles.represents(member, town) is True
    assert roles.represents(member, other_town) is False
    assert roles.represents(secretariat, town) is False
    assert roles.represents(AnonymousUser(), town) is False
    assert roles.is_representative(member) is True
    assert roles.is_representative(secretariat) is False
    assert list(roles.represented_towns(member)) == [town]
    assert list(roles.represented_towns(AnonymousUser())) == []


def test_towns_are_fetched_once_per_user_object(
    member, town, other_town, django_assert_num_queries
):
    person = User.objects.get(pk=member.pk)
    with django_assert_num_queries(1):
        for _ in range(5):
            roles.represents(person, town)
            roles.represents(person, other_town)
            roles.is_representative(person)


def test_forgetting_lets_a_new_membership_count(member, other_town):
    assert roles.represents(member, other_town) is False
    Membership.objects.create(user=member, municipality=other_town)
    roles.forget(member)
    assert roles.represents(member, other_town) is True


def test_a_signatory_must_be_granted_and_still_represent_the_town(member, town, other_town):
    assert roles.is_signatory(member, town) is False
    Signatory.objects.create(municipality=town, user=member)
    Signatory.objects.create(municipality=other_town, user=member)
    roles.forget(member)
    assert roles.is_signatory(member, town) is True
    assert roles.is_signatory(member, other_town) is False  # granted, but no longer represents
    assert list(roles.signatory_towns(member)) == [town]


def test_a_reviewer_reviews_a_call_only_while_assigned_without_conflict(call, reviewer, town):
    application = submitted(call, town)
    assert roles.reviews(reviewer, call) is False
    assignment = Assignment.objects.create(application=application, reviewer=reviewer)
    roles.forget(reviewer)
    assert roles.reviews(reviewer, call) is True
    assignment.conflict = True
    assignment.save(update_fields=["conflict"])
    roles.forget(reviewer)
    assert roles.reviews(reviewer, call) is False
    assert roles.reviews(AnonymousUser(), call) is False


def test_a_conflict_is_the_town_its_country_or_a_declaration(call, member, other_member, town,
                                                              other_town, reviewer):  # fmt: skip
    application = submitted(call, town)
    assert roles.conflict(member, application) == ("town", town)
    assert conflict_reason(member, application) == "represents Spilamberto"
    assert roles.conflict(other_member, application) is None
    neighbour = User.objects.create_user("neighbour@test.test")
    nearby = type(town).objects.create(name="Vignola", slug="vignola", country=town.country)
    Membership.objects.create(user=neighbour, municipality=nearby)
    assert roles.conflict(neighbour, application) == ("country", town)
    Assignment.objects.create(application=application, reviewer=reviewer, conflict=True)
    assert roles.conflict(reviewer, application) == ("declared", None)


def test_an_expert_has_an_expert_profile(member, other_member, town):
    Expert.objects.create(name="Ada", slug="ada", topics="water", user=member, country=town.country)
    assert roles.is_expert(member) is True
    assert roles.is_expert(other_member) is False
    assert roles.is_expert(AnonymousUser()) is False


def test_pages_get_the_viewers_roles_in_the_template(member_client):
    response = member_client.get("/")
    assert response.context["roles"].representative is True
    assert response.context["roles"].secretariat is False
