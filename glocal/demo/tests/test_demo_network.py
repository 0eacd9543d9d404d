"""The network demo fills groups, threads, a statement with versions and signatures, updates."""

from io import StringIO

from django.core.management import call_command

from glocal.network.models import (
    GroupMembership,
    Post,
    Signature,
    Statement,
    Thread,
    Update,
    WorkingGroup,
)


def load_demo() -> None:
    call_command("load_demo", stdout=StringIO())


def counts() -> dict:
    models = (WorkingGroup, GroupMembership, Thread, Post, Statement, Signature, Update)
    return {model.__name__: model.objects.count() for model in models}


def test_demo_has_the_six_working_groups_with_coordinators_and_threads(demo):
    assert set(WorkingGroup.objects.values_list("name", flat=True)) == {
        "Children's Rights", "Trauma Surviving", "Exploitation and Human Trafficking",
        "Gender Equality", "Research Network for Diversity", "Education and Social Cohesion",
    }  # fmt: skip
    for group in WorkingGroup.objects.all():
        assert group.memberships.filter(is_coordinator=True).exists(), group
    assert Thread.objects.filter(group__isnull=True, project__isnull=True).count() >= 1
    assert Post.objects.count() > Thread.objects.count()


def test_demo_statement_has_two_versions_and_one_signature_to_reconfirm(demo):
    statement = Statement.objects.get(slug="direct-funding-for-host-municipalities")
    assert statement.current_number == 2
    assert statement.versions.count() == 2
    waiting = [s.municipality.slug for s in statement.active_signatures()
               if s.needs_reconfirmation]  # fmt: skip
    assert waiting == ["spilamberto"]
    assert statement.signatures.count() == 3


def test_demo_has_updates_and_a_featured_story(demo):
    assert Update.objects.count() >= 3
    assert Update.objects.stories().count() == 1


def test_loading_the_network_demo_twice_creates_nothing_new(demo):
    first = counts()

    load_demo()

    assert counts() == first
