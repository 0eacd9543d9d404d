"""Anonymous visitors get stored pages; any write retires them; nobody else ever does."""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from glocal.practices.engine import bump_generation
from glocal.practices.models import Practice, Status
from glocal.practices.search import index_generation
from glocal.practices.tests.conftest import make_practice


@pytest.fixture(autouse=True)
def page_cache(db, settings):
    settings.PAGE_CACHE_SECONDS = 60
    settings.CACHES = settings.CACHES | {
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "page-tests",
        }
    }
    caches["pages"].clear()
    index_generation(max_age=0)


@pytest.fixture
def published(town):
    return make_practice("Caring for Parks", municipality=town, themes=["civic-engagement"])


def token_of(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="(\w+)"', html).group(1)


def test_second_anonymous_visit_is_served_without_rendering_the_page_again(
    anonymous, published, django_assert_num_queries
):
    first = anonymous.get("/municipalities/")
    with django_assert_num_queries(0):
        second = Client().get("/municipalities/")
    assert second.status_code == 200
    assert second.content.replace(b"\x00", b"") != b""
    assert first.content.split(b"<main")[1] == second.content.split(b"<main")[1]


def test_showroom_from_the_cache_still_follows_the_search_index(
    anonymous, published, django_assert_num_queries
):
    anonymous.get("/practices/")
    with django_assert_num_queries(0):  # the index generation is read at most once a second
        cached = Client().get("/practices/")
    assert "Caring for Parks" in cached.content.decode()
    make_practice("Summer Urban Camp", summary="Children play all summer.")
    assert "Summer Urban Camp" not in Client().get("/practices/").content.decode()
    bump_generation()  # as the task worker does once the new practice is embedded
    index_generation(max_age=0)  # a second later
    assert "Summer Urban Camp" in Client().get("/practices/").content.decode()


def test_a_write_request_retires_every_cached_page(secretariat_client, town):
    draft = make_practice("Repair Café", municipality=town, status=Status.SUBMITTED)
    assert "Repair Café" not in Client().get("/").content.decode()
    assert "Repair Café" not in Client().get("/").content.decode()
    response = secretariat_client.post(f"/practices/{draft.slug}/review/",
                                       {"decision": "published", "note": ""})  # fmt: skip
    assert response.status_code == 302
    assert Practice.objects.get(pk=draft.pk).status == Status.PUBLISHED
    assert "Repair Café" in Client().get("/").content.decode()


def test_signed_in_people_never_get_a_stored_page(member_client, published):
    Client().get("/practices/")
    page = member_client.get("/practices/").content.decode()
    assert 'action="/accounts/logout/"' in page
    assert 'action="/accounts/logout/"' not in Client().get("/practices/").content.decode()


def test_each_visitor_gets_their_own_csrf_token_in_a_stored_page(published):
    first = Client(enforce_csrf_checks=True)
    first_token = token_of(first.get("/events/").content.decode())
    second = Client(enforce_csrf_checks=True)
    page = second.get("/events/").content.decode()
    assert "\x00" not in page
    assert token_of(page) != first_token
    assert page.count(token_of(page)) >= 2  # the htmx header and the language form
    switched = second.post("/i18n/setlang/", {"language": "fr", "next": "/events/",
                                               "csrfmiddlewaretoken": token_of(page)})  # fmt: skip
    assert switched.status_code == 302


@pytest.mark.parametrize("cookie", ["messages", "sessionid"])
def test_a_visitor_with_a_session_or_pending_messages_gets_a_fresh_page(
    anonymous, published, cookie
):
    anonymous.get("/municipalities/")
    visitor = Client()
    visitor.cookies[cookie] = "anything"
    with CaptureQueriesContext(connection) as queries:
        assert visitor.get("/municipalities/").status_code == 200
    assert len(queries) >= 1
