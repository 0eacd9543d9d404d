import pytest
from django.core.management import call_command

from glocal.practices.tests.conftest import (  # noqa: F401
    make_practice,
    practice,
    showroom,
)


@pytest.fixture
def demo(db, settings):
    """The demo network from ``load_demo`` (16 published practices, 15 member towns)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", verbosity=0)
