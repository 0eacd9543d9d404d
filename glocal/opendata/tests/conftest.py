import pytest

from glocal.practices.tests.conftest import (  # noqa: F401
    make_practice,
    practice,
    showroom,
)


@pytest.fixture
def demo(demo_once, db) -> None:
    """The demo network from ``load_demo`` (16 published practices, 15 member towns), loaded
    once for the module; what a test writes is rolled back after it."""
