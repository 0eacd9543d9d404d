"""An API client changing e-mail choices names the version it read, like every API write."""

import pytest
from django.test import Client

from glocal.lib.tests.edit_pages import page_data
from glocal.notifications.models import Preference, PreferenceVersion, choices_version

pytestmark = pytest.mark.django_db
API = "/api/v1/me/notification-preferences"
CHOICES = "/notifications/preferences/"


def mention_of(member) -> str:
    return Preference.objects.get(user=member, kind="mention").delivery


def test_a_choice_saved_on_the_page_makes_an_api_clients_version_stale(client, member, token_for):
    auth = token_for(member)
    read = client.get(API, **auth)
    browser = Client()
    browser.force_login(member)
    browser.post(CHOICES, page_data(browser.get(CHOICES)) | {"mention": "digest"})
    response = client.patch(API, {"choices": {"mention": "never"}},
                            content_type="application/json", HTTP_IF_MATCH=read["ETag"],
                            **auth)  # fmt: skip
    assert response.status_code == 409
    assert response.json() == {"error": {
        "code": "conflict", "version": 2,
        "fields": {"mention": {"current": "digest", "yours": "never"}},
        "message": "Someone changed these fields since version 1; nothing was saved."}}  # fmt: skip
    assert (mention_of(member), choices_version(member)) == ("digest", 2)


def test_an_api_change_on_the_version_read_is_saved_and_counts_one(client, member, token_for):
    auth = token_for(member)
    response = client.patch(API, {"version": 1, "choices": {"mention": "never"}},
                            content_type="application/json", **auth)  # fmt: skip
    assert (response.status_code, response["ETag"]) == (200, '"2"')
    assert (mention_of(member), choices_version(member)) == ("never", 2)


def test_an_api_change_without_a_version_is_refused_and_changes_nothing(client, member, token_for):
    response = client.patch(API, {"choices": {"mention": "never"}},
                            content_type="application/json", **token_for(member))  # fmt: skip
    assert (response.status_code, response.json()["error"]["code"]) == (428, "version_required")
    assert not Preference.objects.exists()
    assert not PreferenceVersion.objects.exists()
