import pytest
from django.utils import timezone

from glocal.network import services
from glocal.network.models import GroupMembership, Signatory, WorkingGroup
from glocal.projects.models import ProjectVisibility
from glocal.projects.services import start_project


@pytest.fixture
def group(db) -> WorkingGroup:
    """One of the six groups every installation starts with (created by a migration)."""
    return WorkingGroup.objects.get(slug="childrens-rights")


@pytest.fixture
def coordinator(db, group, other_member):
    GroupMembership.objects.create(group=group, user=other_member, is_coordinator=True)
    return other_member


@pytest.fixture
def project(db, town, member):
    return start_project(municipality=town, title="Youth council pilot", user=member,
                         visibility=ProjectVisibility.PUBLIC)  # fmt: skip


@pytest.fixture
def private_project(db, town, member):
    return start_project(municipality=town, title="Internal budget review", user=member,
                         visibility=ProjectVisibility.PRIVATE)  # fmt: skip


@pytest.fixture
def statement(db, town, member):
    return services.create_statement(
        title="Fair funding for host towns", addressees="European Commission\nUNHCR",
        text="<p>Host towns need direct funding.</p>", towns=[town], user=member, status="open",
    )  # fmt: skip


@pytest.fixture
def town_signatory(db, town, member, secretariat) -> Signatory:
    return Signatory.objects.create(municipality=town, user=member, granted_by=secretariat)


@pytest.fixture
def other_signatory(db, other_town, other_member, secretariat) -> Signatory:
    return Signatory.objects.create(
        municipality=other_town, user=other_member, granted_by=secretariat
    )


@pytest.fixture
def now():
    return timezone.now()
