import datetime
from decimal import Decimal

import pytest

from glocal.practices.tests.conftest import make_practice
from glocal.projects.models import Indicator, ProjectVisibility, Prototype
from glocal.projects.models_plan import Milestone
from glocal.projects.services import start_project

START = datetime.date(2026, 1, 1)
END = datetime.date(2027, 12, 31)


@pytest.fixture
def practice(town, member):
    return make_practice(
        "Spilamberto and Us", municipality=town, created_by=member,
        summary="Citizens care for parks and libraries.", sdgs=[11, 16],
        approach="Small pacts between the town and volunteers.", staff="One officer",
    )  # fmt: skip


@pytest.fixture
def prototype(practice) -> Prototype:
    prototype = Prototype.objects.create(
        title="Activating Local Engagement", slug="activating-local-engagement",
        summary="Small-budget civic projects run with residents.", is_published=True,
        approach="Invite residents to adopt a public space.", steps="Map, invite, sign, celebrate.",
        typical_cost="€5,000–15,000 a year", typical_staff="One coordinator",
    )  # fmt: skip
    prototype.source_practices.add(practice)
    return prototype


@pytest.fixture
def project(town, member, prototype):
    """Spilamberto's own project; only its members and the secretariat see it (private)."""
    return start_project(
        municipality=town, title="Parks in Common", user=member, prototype=prototype,
        start_date=START, end_date=END, visibility=ProjectVisibility.PRIVATE,
    )  # fmt: skip


@pytest.fixture
def indicator(project) -> Indicator:
    return Indicator.objects.create(
        project=project, name="Active volunteers", unit="people", baseline=Decimal("10"),
        target=Decimal("60"), target_date=datetime.date(2027, 6, 30),
    )  # fmt: skip


@pytest.fixture
def milestone(project) -> Milestone:
    return Milestone.objects.create(
        project=project, title="First pact signed", due_date=datetime.date(2026, 3, 1)
    )
