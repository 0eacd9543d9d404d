"""The demo, loaded once for each test module instead of once for each test."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker) -> str:
    """What ``load_demo`` printed on its first run in this module's transaction, which is
    rolled back after the module's last test."""
    out, hashers = StringIO(), override_settings(PASSWORD_HASHERS=FAST_HASHER)
    with django_db_blocker.unblock(), hashers, transaction.atomic():
        call_command("load_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_once, db) -> str:
    """The demo as just loaded: each test runs in its own savepoint (``db``), rolled back after
    it, so what one test writes is never seen by the next."""
    return demo_once
