"""Personas shared by every test: who is asking matters more than what is asked."""

import importlib
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from pytest_django.plugin import blocking_manager_key

from glocal.members.models import Membership, Municipality, User
from glocal.reference.models import Country

# Each text the model embeds in a run is embedded once, whichever process asks first.
pytest_plugins = ["tests.vector_memo"]

REAL_TRANSACTION_FIXTURES = {"transactional_db", "live_server", "django_db_reset_sequences"}


def ran_in_real_transactions(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return bool(REAL_TRANSACTION_FIXTURES & set(getattr(item, "fixturenames", ())))


def restore_the_rows_migrate_made() -> None:
    """Countries, SDGs, themes and the six working groups, as the data migrations make them."""
    from django.apps import apps

    from glocal.reference.loading import load_reference_data

    load_reference_data(*(apps.get_model("reference", m) for m in ("Country", "Sdg", "Theme")))
    groups = importlib.import_module("glocal.network.migrations.0002_the_six_working_groups")
    groups.create_groups(apps, None)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest files first (a browser test takes about 20 s, another about 0.5 s), so
    neither process is left alone with a long file at the end, and the two processes do not
    start with the same browser demo set-up at once: the second reuses the first's vectors.
    ``make test`` keeps this order (``--no-loadscope-reorder``); a file runs in one process."""
    files: dict[str, list[pytest.Item]] = {}
    for item in items:
        files.setdefault(item.nodeid.split("::")[0], []).append(item)

    def expected_seconds(path: str) -> float:
        return len(files[path]) * (20 if "tests/browser/" in path else 0.5)

    order = sorted(files, key=expected_seconds, reverse=True)
    items[:] = [item for path in order for item in files[path]]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    """A test in real transactions ends by emptying every table, the data migrations' rows
    too. The suite runs each file in one of two processes (pytest-xdist), so a plain test of
    the next file may follow it in the same database: put those rows back."""
    yield
    if nextitem is not None and ran_in_real_transactions(item):  # after the last, no database
        with item.config.stash[blocking_manager_key].unblock():
            restore_the_rows_migrate_made()


@pytest.fixture(autouse=True, scope="session")
def quick_password_hashing():
    """Django's advice for test suites: PBKDF2's million rounds cost about 0.3 s for every
    persona a test creates, minutes over the suite. Production settings keep PBKDF2."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def inline_background_work(settings):
    """Tasks run when enqueued and the search index rebuilds at once, so tests see results."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.SEARCH_REBUILD_IN_BACKGROUND = False
    settings.PAGE_CACHE_SECONDS = (
        0  # tests that cache pages turn it on (practices' test_page_cache)
    )
    from glocal.practices.engine import engine
    from glocal.practices.showroom import tables

    engine.forget()
    tables.forget()
    yield
    engine.forget()
    tables.forget()


@pytest.fixture(autouse=True)
def fresh_rate_counts():
    """Each test starts with no request counted in this process (its cache rows roll back)."""
    from glocal.lib.ratelimit import forget_every_count

    forget_every_count()
    yield
    forget_every_count()


@pytest.fixture
def steady_rate_clock(monkeypatch):
    """Query counts compare requests made moments apart, but the API's rate limiter writes
    its counts to the shared cache every 0.25 s and at each new minute, which on a busy
    machine falls between two of them. Its clock stands still here."""
    from types import SimpleNamespace

    from glocal.lib import ratelimit

    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: 1_800_000_000.0))


@pytest.fixture(autouse=True)
def english_until_asked():
    """A request in French must not leave French active for the next test's new content."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def content_types_cached(request, django_db_blocker):
    """Translations are prefetched through content types, which a live process has cached;
    warm the cache so a page's query count does not depend on which test ran first."""
    if not request.node.get_closest_marker("django_db") and not (
        {"db", "transactional_db"} & set(request.fixturenames)
    ):
        return
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    with django_db_blocker.unblock():
        ContentType.objects.get_for_models(*apps.get_models())


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker) -> str:
    """The demo, loaded once for the test module that asks for it; yields what ``load_demo``
    printed. Its transaction is rolled back after the module's last test. A test gets it
    through a ``demo(demo_once, db)`` fixture, so that what it writes is rolled back too."""
    out = StringIO()
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def town(db) -> Municipality:
    return Municipality.objects.create(
        name="Spilamberto", slug="spilamberto", country=Country.objects.get(iso="IT"),
        population=12_700, settlement=Municipality.Settlement.URBAN,
    )  # fmt: skip


@pytest.fixture
def other_town(db) -> Municipality:
    return Municipality.objects.create(
        name="Zahlé", slug="zahle", country=Country.objects.get(iso="LB"), population=78_145
    )


@pytest.fixture
def member(db, town) -> User:
    user = User.objects.create_user("mayor@spilamberto.test", "pw-member-1", full_name="Mayor")
    Membership.objects.create(user=user, municipality=town, position="Mayor")
    return user


@pytest.fixture
def other_member(db, other_town) -> User:
    user = User.objects.create_user("officer@zahle.test", "pw-other-1", full_name="Officer")
    Membership.objects.create(user=user, municipality=other_town, position="Officer")
    return user


@pytest.fixture
def secretariat(db) -> User:
    return User.objects.create_user("staff@network.test", "pw-staff-1", is_staff=True)


@pytest.fixture
def reviewer(db) -> User:
    return User.objects.create_user("jury@network.test", "pw-jury-1", is_reviewer=True)


@pytest.fixture
def anonymous(client):
    return client


def signed_in(user: User):
    """A browser of its own (``*_client`` personas share the test's one client)."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def laptop(member):
    """The member signed in on a second device."""
    return signed_in(member)


@pytest.fixture
def phone(member):
    """The member on a third device: two tabs or devices editing one record."""
    return signed_in(member)


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def other_member_client(client, other_member):
    client.force_login(other_member)
    return client


@pytest.fixture
def secretariat_client(client, secretariat):
    client.force_login(secretariat)
    return client
