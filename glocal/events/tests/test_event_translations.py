"""Events are written by the secretariat, so only the secretariat translates them."""

from django.test import Client

from glocal.translations.models import Translation, TranslationStatus


def test_secretariat_translates_an_event_and_french_readers_see_it(
    secretariat_client, event, secretariat
):
    url = f"/events/{event.slug}/translations/?language=fr"
    response = secretariat_client.post(url, {"title": "Visite de terrain", "action": "save"})
    assert response.status_code == 302
    secretariat_client.post(url, {"action": "review"})
    row = Translation.objects.get()
    assert (row.field, row.status, row.reviewed_by) == ("title", TranslationStatus.REVIEWED,
                                                        secretariat)  # fmt: skip
    page = Client().get(event.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<h1 lang="fr" dir="auto">Visite de terrain</h1>' in page
    assert 'data-translated-from="en"' in page


def test_a_representative_may_not_translate_an_event(member_client, event):
    url = f"/events/{event.slug}/translations/?language=fr"
    response = member_client.post(url, {"title": "Pirate"})
    assert response.status_code == 403
    assert Translation.objects.count() == 0


def test_review_queue_lists_drafts_for_the_secretariat_only(
    secretariat_client, event, member, client
):
    url = f"/events/{event.slug}/translations/?language=de"
    secretariat_client.post(url, {"title": "Exkursion"})
    queue = secretariat_client.get("/translations/review/").content.decode()
    assert f'href="/events/{event.slug}/translations/?language=de"' in queue
    client.force_login(member)
    assert client.get("/translations/review/").status_code == 403
