"""A practice is read in the viewer's language when a translation is shown, else as written."""

import re

import pytest
from django.test import Client

from glocal.translations.models import Translation, TranslationStatus

from .conftest import make_practice

ARABIC_TITLE = "حدائق يعتني بها السكان"
ARABIC_SUMMARY = "يعتني السكان بالحدائق والمكتبات."
FRENCH_TITLE = "Des jardins entretenus par les habitants"
FRENCH_SUMMARY = "Les habitants entretiennent les jardins et les bibliothèques."


@pytest.fixture
def arabic_practice(other_town, other_member):
    return make_practice(
        ARABIC_TITLE, slug="zahle-gardens", municipality=other_town, created_by=other_member,
        summary=ARABIC_SUMMARY, language="ar", approach="نعمل معا.",
    )  # fmt: skip


@pytest.fixture
def reader() -> Client:
    """A visitor in a browser of their own, beside the secretariat's."""
    return Client()


def french(client, url, **params):
    return client.get(url, params, HTTP_ACCEPT_LANGUAGE="fr")


def test_arabic_practice_is_right_to_left_inside_a_french_page(anonymous, arabic_practice):
    html = french(anonymous, "/practices/zahle-gardens/").content.decode()
    assert '<html lang="fr" dir="ltr">' in html
    assert f'<h1 lang="ar" dir="rtl">{ARABIC_TITLE}</h1>' in html
    assert f'<p class="lead" lang="ar" dir="rtl">{ARABIC_SUMMARY}</p>' in html
    assert "translation-notice" not in html


def test_authors_french_translation_is_shown_to_french_readers_with_the_original_a_click_away(
    other_member_client, arabic_practice, other_member
):
    url = "/practices/zahle-gardens/translations/?language=fr"
    data = {"language": "fr", "title": FRENCH_TITLE, "summary": FRENCH_SUMMARY, "action": "save"}
    response = other_member_client.post(url, data)
    assert response.status_code == 302
    row = Translation.objects.get(field="title")
    assert (row.language, row.text, row.status, row.by_author, row.translated_by) == (
        "fr",
        FRENCH_TITLE,
        TranslationStatus.DRAFT,
        True,
        other_member,
    )
    html = french(other_member_client, "/practices/zahle-gardens/").content.decode()
    assert f'<h1 lang="fr" dir="auto">{FRENCH_TITLE}</h1>' in html
    assert 'data-translated-from="ar"' in html
    assert 'href="/practices/zahle-gardens/?original=1"' in html
    assert '<div lang="ar" dir="rtl"><p>نعمل معا.</p></div>' in html  # untranslated field
    original = french(other_member_client, "/practices/zahle-gardens/", original="1")
    assert f'<h1 lang="ar" dir="rtl">{ARABIC_TITLE}</h1>' in original.content.decode()
    english = other_member_client.get("/practices/zahle-gardens/", HTTP_ACCEPT_LANGUAGE="en")
    assert f'<h1 lang="ar" dir="rtl">{ARABIC_TITLE}</h1>' in english.content.decode()


def test_secretariat_draft_is_hidden_until_reviewed(
    secretariat_client, reader, arabic_practice, secretariat
):
    url = "/practices/zahle-gardens/translations/?language=fr"
    secretariat_client.post(url, {"language": "fr", "title": FRENCH_TITLE, "action": "save"})
    assert Translation.objects.get().by_author is False
    assert FRENCH_TITLE not in french(reader, "/practices/zahle-gardens/").content.decode()
    secretariat_client.post(url, {"language": "fr", "action": "review"})
    row = Translation.objects.get()
    assert (row.status, row.reviewed_by) == (TranslationStatus.REVIEWED, secretariat)
    assert row.reviewed_at is not None
    html = french(reader, "/practices/zahle-gardens/").content.decode()
    assert f'<h1 lang="fr" dir="auto">{FRENCH_TITLE}</h1>' in html


def test_changing_a_reviewed_translation_sends_it_back_to_draft(
    secretariat_client, arabic_practice
):
    url = "/practices/zahle-gardens/translations/?language=fr"
    secretariat_client.post(url, {"language": "fr", "title": FRENCH_TITLE, "action": "save"})
    secretariat_client.post(url, {"language": "fr", "action": "review"})
    secretariat_client.post(url, {"language": "fr", "title": "Jardins", "action": "save"})
    row = Translation.objects.get()
    assert (row.text, row.status, row.reviewed_by, row.reviewed_at) == (
        "Jardins",
        TranslationStatus.DRAFT,
        None,
        None,
    )


def test_another_towns_representative_may_not_translate(member_client, arabic_practice):
    url = "/practices/zahle-gardens/translations/?language=fr"
    response = member_client.post(url, {"language": "fr", "title": "Pirate", "action": "save"})
    assert response.status_code == 403
    assert member_client.get(url).status_code == 403
    assert Translation.objects.count() == 0


def test_only_the_secretariat_reviews(other_member_client, arabic_practice):
    url = "/practices/zahle-gardens/translations/?language=fr"
    other_member_client.post(url, {"language": "fr", "title": FRENCH_TITLE, "action": "save"})
    response = other_member_client.post(url, {"language": "fr", "action": "review"})
    assert response.status_code == 403
    assert Translation.objects.get().status == TranslationStatus.DRAFT


def test_translating_into_the_original_language_is_refused_next_to_the_field(
    other_member_client, arabic_practice
):
    url = "/practices/zahle-gardens/translations/?language=ar"
    response = other_member_client.post(url, {"title": "x", "action": "save"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert Translation.objects.count() == 0


def test_too_long_translation_is_refused_with_a_message(other_member_client, arabic_practice):
    url = "/practices/zahle-gardens/translations/?language=fr"
    response = other_member_client.post(url, {"title": "x" * 201, "action": "save"})
    assert response.status_code == 400
    assert re.search(r"at most 200 characters", response.content.decode())
    assert Translation.objects.count() == 0


def test_emptying_a_field_drops_its_translation(other_member_client, arabic_practice):
    url = "/practices/zahle-gardens/translations/?language=fr"
    other_member_client.post(url, {"title": FRENCH_TITLE, "summary": FRENCH_SUMMARY})
    other_member_client.post(url, {"title": "", "summary": FRENCH_SUMMARY})
    assert list(Translation.objects.values_list("field", flat=True)) == ["summary"]


def test_new_practice_records_the_authors_language(member_client, town):
    response = member_client.get("/practices/submit/", HTTP_ACCEPT_LANGUAGE="fr")
    assert 'value="fr" selected' in response.content.decode()


def add_french_title(practice, user, text: str) -> None:
    Translation.objects.create(
        content_object=practice, field="title", language="fr", text=text,
        status=TranslationStatus.REVIEWED, translated_by=user, translated_at=practice.created_at,
    )  # fmt: skip


def test_showroom_cards_are_translated_without_a_query_per_card(
    anonymous, arabic_practice, other_town, other_member, django_assert_num_queries
):
    add_french_title(arabic_practice, other_member, FRENCH_TITLE)
    # the facet table read in tests (3; once per change in a server), page, themes, SDGs,
    # translations
    with django_assert_num_queries(7):
        french(anonymous, "/practices/")
    for n in range(5):
        practice = make_practice(f"حديقة {n}", slug=f"garden-{n}", municipality=other_town,
                                 language="ar")  # fmt: skip
        add_french_title(practice, other_member, f"Jardin {n}")
    make_practice("حديقة بلا ترجمة", slug="untranslated", municipality=other_town, language="ar")
    with django_assert_num_queries(7) as context:
        html = french(anonymous, "/practices/").content.decode()
    assert sum("translations_translation" in q["sql"] for q in context.captured_queries) == 1
    assert html.count('<h3 lang="fr" dir="auto"><a href="/practices/') == 6
    assert f"{FRENCH_TITLE}</a></h3>" in html
    assert html.count('<h3 lang="ar" dir="rtl">') == 1


def test_api_gives_the_original_language_and_the_shown_translations(
    reader, arabic_practice, other_member, secretariat
):
    add_french_title(arabic_practice, other_member, FRENCH_TITLE)
    Translation.objects.create(
        content_object=arabic_practice, field="title", language="de", text="Entwurf",
        translated_by=secretariat, translated_at=arabic_practice.created_at,
    )  # fmt: skip
    expected = [{"language": "fr", "reviewed": True, "fields": {"title": FRENCH_TITLE}}]
    detail = reader.get("/api/v1/practices/zahle-gardens").json()
    assert (detail["language"], detail["translations"]) == ("ar", expected)
    listed = reader.get("/api/v1/practices").json()["results"]
    assert [(p["language"], p["translations"]) for p in listed] == [("ar", expected)]
