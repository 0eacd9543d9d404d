"""Every URL pattern and API operation, asked by every persona: the answer is the table's.

The table and its format are in ``tests/permission_matrix.py``. The demo network is loaded
once for this module inside a transaction that is rolled back at the end; every request runs
in a savepoint of its own that is rolled back too, so no request sees another's writes.
The test watches every request's SQL (any INSERT, UPDATE or DELETE beyond the session, the
rate-limit cache and a token's last use) and the work it schedules after commit (mail,
tasks), and around every write also a fingerprint of every table (row count, highest integer
key, latest auto-updated time, in one query): an answer that changed anything is written
with a ``+``, and no row may expect a refusal (a 4xx or the sign-in page) with a ``+``.
"""

import copy
import functools
import json
import sys
import types
from collections.abc import Iterator
from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, include, path, reverse
from django_tasks import default_task_backend

from tests.permission_matrix import (
    ROWS,
    SKIPPED_NAMESPACES,
    SKIPPED_PATTERNS,
    Row,
    refused,
)
from tests.permission_matrix_objects import SECRETARIAT, demo_objects, persona_emails

BROWSER_METHODS = ("GET", "POST")
# Bookkeeping any request may write, which the "+" ignores: the session, the rate-limit
# counters in the database cache, and when a presented API token was last used.
BOOKKEEPING_TABLES = ("django_session", "glocal_cache")
WRITES_ALLOWED = (*BOOKKEEPING_TABLES, 'UPDATE "members_apitoken"')


# == the project's URLs ==
def ninja_methods(pattern: URLPattern) -> tuple[str, ...] | None:
    """The HTTP methods of the django-ninja operation behind ``pattern`` (None: not ninja)."""
    cells = getattr(pattern.callback, "__closure__", None) or ()
    path_view = next(
        (c.cell_contents for c in cells if hasattr(c.cell_contents, "operations")), None
    )
    if path_view is None:
        return None
    operations = [op for op in path_view.operations if op.view_func.__name__ == pattern.name]
    if len(operations) != 1:
        operations = path_view.operations if len(path_view.operations) == 1 else []
    assert len(operations) == 1, f"cannot tell which API operation is named {pattern.name}"
    return tuple(operations[0].methods)


def walk(patterns, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str, tuple]]:
    """(route, name, methods) of every pattern; browser views are asked GET and POST."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            if inner in SKIPPED_NAMESPACES:
                continue
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            continue
        route = prefix + str(pattern.pattern)
        name = ":".join(filter(None, [namespace, pattern.name])) if pattern.name else ""
        if route in SKIPPED_PATTERNS or name in SKIPPED_PATTERNS:
            continue
        yield route, name, ninja_methods(pattern) or BROWSER_METHODS


def project_operations(urlconf: str | None = None) -> set[tuple[str, str]]:
    return {
        (name or route, method)
        for route, name, methods in walk(get_resolver(urlconf).url_patterns)
        for method in methods
    }


def rows_missing(urlconf: str | None = None) -> list[tuple[str, str]]:
    covered = {(row.name, method) for row in ROWS for method in row.answers}
    return sorted(project_operations(urlconf) - covered)


def test_every_url_pattern_and_api_operation_has_a_row_for_each_of_its_methods():
    assert rows_missing() == [], "add a row to tests/permission_matrix.py for each of these"


def test_a_new_url_without_a_row_is_named_with_each_of_its_methods():
    urls = types.ModuleType("tests.matrix_new_urls")
    urls.urlpatterns = [
        path("", include("glocal.urls")),
        path("audit/", lambda request: None, name="audit_log"),
    ]
    sys.modules[urls.__name__] = urls
    try:
        assert rows_missing(urls.__name__) == [("audit_log", "GET"), ("audit_log", "POST")]
    finally:
        del sys.modules[urls.__name__]


def test_every_row_names_a_url_of_the_project_and_a_method_it_answers():
    assert sorted({(r.name, m) for r in ROWS for m in r.answers} - project_operations()) == []


def test_the_walk_finds_the_api_operations_with_their_methods():
    operations = project_operations()
    assert ("api:patch_practice", "PATCH") in operations
    assert ("api:get_practice", "GET") in operations
    assert ("api:mark_read", "POST") in operations
    assert ("api:get_practice", "POST") not in operations
    assert ("practices:detail", "POST") in operations
    assert not any(name.startswith("admin:") for name, _ in operations)


# == the demo network and its personas, once for the module ==
@pytest.fixture(scope="module")
def matrix(django_db_setup, django_db_blocker):
    """The demo network, its personas' browsers and API keys, and the named objects."""
    quiet = override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
        STORAGES=settings.STORAGES
        | {"default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}},
    )
    with django_db_blocker.unblock(), quiet, transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        objects = demo_objects()
        browsers, keys = {}, {}
        from glocal.members.models import ApiToken

        for user in get_user_model().objects.filter(email__in=persona_emails()):
            browsers[user.email] = Client(raise_request_exception=False)
            browsers[user.email].force_login(user)
            keys[user.email] = ApiToken.issue(user, "permission matrix")[1]
        browsers[""] = Client(raise_request_exception=False)
        yield objects, browsers, keys
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def without_embeddings(monkeypatch):
    """Who may do what does not depend on the language model; the fallbacks answer fast."""
    monkeypatch.setenv("GLOCAL_EMBEDDINGS", "off")


@pytest.fixture(autouse=True)
def tasks_queued_not_run(settings):
    """Tasks wait in a dummy queue: the matrix asks who may, not what follows."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


# == what a request changed ==
@functools.cache
def fingerprint_sql() -> str:
    """One query: row count, highest key and latest auto-updated time of every table."""
    quote, parts = connection.ops.quote_name, []
    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        if opts.proxy or not opts.managed or opts.db_table in BOOKKEEPING_TABLES:
            continue
        columns = [f for f in opts.concrete_fields if getattr(f, "auto_now", False)]
        if opts.pk.get_internal_type() in {"AutoField", "BigAutoField", "IntegerField"}:
            columns.append(opts.pk)  # PostgreSQL has no MAX of a uuid
        parts.append(f"(SELECT COUNT(*) FROM {quote(opts.db_table)})")
        parts += [f"(SELECT MAX({quote(f.column)}) FROM {quote(opts.db_table)})" for f in columns]
    return "SELECT " + ", ".join(parts)


def fingerprint() -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(fingerprint_sql())
        return tuple(cursor.fetchone())


def side_effects() -> tuple[int, int, int]:
    """Work waiting for the commit, mail sent and tasks queued so far."""
    queued = getattr(default_task_backend, "results", [])
    return len(connection.run_on_commit), len(getattr(mail, "outbox", [])), len(queued)


def writes(queries: list[dict]) -> list[str]:
    statements = [q["sql"] for q in queries]
    found = [s for s in statements if s.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    return [s for s in found if not any(allowed in s for allowed in WRITES_ALLOWED)]


def ask(client: Client, method: str, url: str, row: Row, data, api_key: str) -> str:
    """The answer as the table spells it: its code, ``+`` when it changed something."""
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    if row.is_api and method != "GET":
        body = {"data": json.dumps(data or {}), "content_type": "application/json"}
    elif method != "GET":
        body = {"data": encode_multipart(BOUNDARY, data or {}), "content_type": MULTIPART_CONTENT}
    else:
        body = {"data": data or {}}
    with transaction.atomic():
        writing = method != "GET"  # a read's writes show in its SQL; the fingerprint is for writes
        before, scheduled = writing and fingerprint(), side_effects()
        cookies = copy.deepcopy(client.cookies)  # a sign-out or sign-in answer resets them
        with CaptureQueriesContext(connection) as queries:
            response = (
                client.generic(method, url, headers=headers, **body)
                if method != "GET"
                else client.get(url, headers=headers, **body)
            )
        client.cookies = cookies
        changed = (writes(queries.captured_queries) or (writing and fingerprint() != before)
                   or side_effects() != scheduled)  # fmt: skip
        transaction.set_rollback(True)
    return answer_code(response) + ("+" if changed else "")


SIGN_IN_PAGES = ("/accounts/login/", "/admin/login/")


def answer_code(response) -> str:
    if response.status_code in (301, 302, 303) and response["Location"].startswith(SIGN_IN_PAGES):
        return "login"
    return str(response.status_code)


def observe(row: Row, objects: dict, browsers: dict, keys: dict) -> dict[str, str]:
    url = reverse(row.name, kwargs=row.resolved_kwargs(objects)) + row.query
    data = row.resolved_data(objects)
    observed = {}
    for method in row.answers:
        codes = []
        for email in persona_emails(row):
            client = browsers[""] if row.is_api else browsers[email]
            key = keys.get(email, "") if row.is_api else ""
            codes.append(ask(client, method, url, row, data, key))
        observed[method] = " ".join(codes)
    return observed


def test_no_row_expects_a_refused_request_to_change_anything():
    assert [
        (row.id, method, code)
        for row in ROWS
        for method, codes in row.expanded_answers().items()
        for code in codes.split()
        if code.endswith("+") and refused(code[:-1])
    ] == []


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_each_persona_gets_the_answer_of_the_table(db, matrix, row):
    objects, browsers, keys = matrix
    observed = observe(row, objects, browsers, keys)
    assert observed == row.expanded_answers(), f"observed: {row.spell(observed)}"


API_WRITES = [r for r in ROWS if r.is_api and len(r.answers) == 1 and "GET" not in r.answers]


@pytest.mark.parametrize("row", API_WRITES, ids=[row.id for row in API_WRITES])
def test_an_api_write_with_a_session_but_no_token_is_refused_and_changes_nothing(db, matrix, row):
    """A signed-in browser's cookie is no API key: a page elsewhere cannot write through it."""
    objects, browsers, _ = matrix
    url = reverse(row.name, kwargs=row.resolved_kwargs(objects))
    for method in row.answers:
        assert ask(browsers[SECRETARIAT], method, url, row, row.resolved_data(objects), "") == "401"
