"""API errors, feeds and calendars speak the reader's language, like the pages."""

import pytest
from django.utils import translation

from glocal.members.models import ApiToken

pytestmark = pytest.mark.django_db


def words(language: str, msgid: str) -> str:
    with translation.override(language):
        text = translation.gettext(msgid)
    assert text != msgid, f"{msgid!r} is not translated into {language}"
    return text


def test_api_error_is_in_the_language_the_client_asks_for(client):
    response = client.get("/api/v1/practices/no-such-practice", headers={"accept-language": "fr"})
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": words("fr", "Not found.")}}


def test_api_error_follows_the_token_owners_language(client, member):
    member.language = "sq"
    member.save(update_fields=["language"])
    _, key = ApiToken.issue(member, "laptop")
    response = client.get(
        "/api/v1/practices/no-such-practice",
        headers={"authorization": f"Bearer {key}", "accept-language": "de"},
    )
    assert response.status_code == 404
    assert response.json()["error"]["message"] == words("sq", "Not found.")


def test_refused_token_is_explained_in_the_clients_language(client):
    response = client.get(
        "/api/v1/practices", headers={"authorization": "Bearer nope", "accept-language": "ar"}
    )
    assert response.status_code == 401
    assert response.json()["error"]["message"] == words("ar", "The API token is not valid.")


def test_atom_feed_declares_and_speaks_the_readers_language(client):
    response = client.get("/updates/feed.atom", headers={"accept-language": "fr"})
    feed = response.content.decode()
    assert response.status_code == 200
    assert 'xml:lang="fr"' in feed
    assert f"<title>{words('fr', 'Glocal network: updates and stories')}</title>" in feed


def test_calendar_feed_is_named_in_the_readers_language(client):
    response = client.get("/events/feed.ics", headers={"accept-language": "ar"})
    assert response.status_code == 200
    assert f"X-WR-CALNAME:{words('ar', 'Network events')}" in response.content.decode()
