"""A statement is signed in one language version, and that wording is what the check covers."""

import hashlib

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from glocal.network import services
from glocal.network.models import Signature
from glocal.translations.models import Translation, TranslationStatus

pytestmark = pytest.mark.django_db

FRENCH = "<p>Les villes d’accueil ont besoin d’un financement direct.</p>"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def version_url(statement) -> str:
    return f"/statements/{statement.slug}/v/{statement.current_number}/translations/?language=fr"


@pytest.fixture
def staff(secretariat) -> Client:
    """The secretariat in a browser of its own, beside the signatory's."""
    client = Client()
    client.force_login(secretariat)
    return client


@pytest.fixture
def french_text(statement, staff):
    staff.post(version_url(statement), {"text": FRENCH, "action": "save"})
    staff.post(version_url(statement), {"action": "review"})
    return Translation.objects.get(field="text", language="fr")


def sign(client, statement, town, language: str):
    url = reverse("network:statement_sign", args=[statement.slug])
    return client.post(url, {"town": town.slug, "language": language, "confirmed": "yes"})


def test_french_signatory_reads_and_signs_the_french_text(
    member_client, statement, town, town_signatory, french_text
):
    page = member_client.get(statement.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr")
    html = page.content.decode()
    assert f'<article class="prose statement-text" lang="fr" dir="auto">{FRENCH}</article>' in html
    assert '<input type="hidden" name="language" value="fr">' in html

    assert sign(member_client, statement, town, "fr").status_code == 302
    signature = Signature.objects.get()
    assert (signature.language, signature.text_digest) == ("fr", digest(FRENCH))
    assert signature.needs_reconfirmation is False


def test_a_draft_translation_cannot_be_signed(
    member_client, staff, statement, town, town_signatory
):
    staff.post(version_url(statement), {"text": FRENCH, "action": "save"})
    assert Translation.objects.get().status == TranslationStatus.DRAFT

    response = sign(member_client, statement, town, "fr")

    assert response.status_code == 302
    assert Signature.objects.count() == 0


def test_changing_the_signed_translation_asks_to_confirm_again(
    member_client, staff, statement, town, town_signatory, french_text
):
    sign(member_client, statement, town, "fr")
    staff.post(version_url(statement), {"text": "<p>Autre texte.</p>"})
    staff.post(version_url(statement), {"action": "review"})

    assert Signature.objects.get().needs_reconfirmation is True
    page = member_client.get(statement.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr")
    with translation.override("fr"):
        warning = gettext("You signed version %(n)s; the text has changed since. Please read it "
                          "and confirm again.") % {"n": 1}  # fmt: skip
    assert warning in page.content.decode()

    sign(member_client, statement, town, "fr")
    signature = Signature.objects.get()
    assert (signature.text_digest, signature.needs_reconfirmation) == (
        digest("<p>Autre texte.</p>"),
        False,
    )


def test_a_change_to_another_language_version_leaves_the_signature_alone(
    member_client, staff, statement, town, town_signatory, french_text
):
    sign(member_client, statement, town, "en")
    staff.post(version_url(statement), {"text": "<p>Autre texte.</p>"})

    signature = Signature.objects.get()
    assert (signature.language, signature.needs_reconfirmation) == ("en", False)
    assert signature.text_digest == digest("<p>Host towns need direct funding.</p>")


def test_another_towns_representative_cannot_translate_the_statement(
    other_member_client, statement
):
    response = other_member_client.post(version_url(statement), {"text": FRENCH})
    title = other_member_client.post(
        f"/statements/{statement.slug}/translations/?language=fr", {"title": "Titre"}
    )
    assert (response.status_code, title.status_code) == (403, 403)
    assert Translation.objects.count() == 0


def test_drafting_town_translates_the_title_and_it_shows_at_once(member_client, statement):
    url = f"/statements/{statement.slug}/translations/?language=fr"
    member_client.post(url, {"title": "Un financement juste", "addressees": "Commission"})
    page = member_client.get(statement.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr")
    assert '<h1 lang="fr" dir="auto">Un financement juste</h1>' in page.content.decode()


def test_api_gives_the_text_in_each_language_and_the_language_signed_in(
    member_client, statement, town, town_signatory, french_text, client
):
    sign(member_client, statement, town, "fr")
    body = Client().get(f"/api/v1/statements/{statement.slug}").json()
    assert (body["language"], body["text_language"]) == ("en", "en")
    assert body["text_translations"] == [
        {"language": "fr", "reviewed": True, "fields": {"text": FRENCH}}
    ]
    assert [(s["language"], s["needs_reconfirmation"]) for s in body["signatures"]] == [
        ("fr", False)
    ]


def test_another_towns_representative_cannot_translate_an_update(
    other_member_client, member, project
):
    update = services.post_update(project=project, title="News", body="x", author=member)
    response = other_member_client.post(f"/updates/{update.pk}/translations/?language=fr",
                                        {"title": "Nouvelles"})  # fmt: skip
    assert response.status_code == 403
    assert Translation.objects.count() == 0


def test_the_updates_town_translates_it(member_client, member, project):
    update = services.post_update(project=project, title="News", body="x", author=member)
    member_client.post(f"/updates/{update.pk}/translations/?language=fr", {"title": "Nouvelles"})
    page = member_client.get(update.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr")
    assert '<h1 lang="fr" dir="auto">Nouvelles' in page.content.decode()
