import pytest

from glocal.members.models import Membership, Municipality, User
from glocal.projects.models import Project
from glocal.reference.models import Country

from ..models import Expert, Post


@pytest.fixture(autouse=True)
def words_not_vectors(monkeypatch):
    """Pinned reasons come from shared words; the model-based path has its own tests."""
    monkeypatch.setenv("GLOCAL_EMBEDDINGS", "off")


@pytest.fixture
def third_town(db) -> Municipality:
    return Municipality.objects.create(
        name="Batroun",
        slug="batroun",
        country=Country.objects.get(iso="LB"),
        latitude="34.25500",
        longitude="35.65800",
    )


@pytest.fixture
def third_member(db, third_town) -> User:
    user = User.objects.create_user("officer@batroun.test", "pw-third-1", full_name="Rana")
    Membership.objects.create(user=user, municipality=third_town, position="Officer")
    return user


@pytest.fixture
def located(town, other_town):
    """Spilamberto and Zahlé with their coordinates."""
    Municipality.objects.filter(pk=town.pk).update(latitude="44.53450", longitude="11.02000")
    Municipality.objects.filter(pk=other_town.pk).update(latitude="33.85000", longitude="35.90190")


def make_post(town, kind, **fields) -> Post:
    values = {
        "category": "equipment",
        "title": "Power generators",
        "description": "Diesel generators for the shelters",
        "urgency": 3,
    } | fields
    return Post.objects.create(municipality=town, kind=kind, **values)


@pytest.fixture
def project(db, town, member) -> Project:
    return Project.objects.create(municipality=town, title="Youth council", created_by=member)


@pytest.fixture
def expert_user(db) -> User:
    return User.objects.create_user("lina@experts.test", "pw-expert-1", full_name="Lina Haddad")


@pytest.fixture
def expert(db, expert_user) -> Expert:
    return Expert.objects.create(
        name="Lina Haddad",
        slug="lina-haddad",
        topics="Youth participation, trauma care",
        languages="Arabic, English, French",
        email="lina@experts.test",
        phone="+961 1 000 000",
        user=expert_user,
    )
