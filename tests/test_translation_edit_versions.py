"""Two people translating one object into one language (its author and the secretariat)."""

import pytest
from django.test import Client

from glocal.audit.models import AuditEntry
from glocal.lib.tests.edit_pages import ONLY_POSTGRESQL, page_data, race
from glocal.practices.tests.conftest import make_practice
from glocal.reference.tests.rows import reference_rows
from glocal.translations.models import Translation

pytestmark = pytest.mark.django_db

URL = "/practices/zahle-gardens/translations/?language=fr"


@pytest.fixture
def practice(other_town, other_member):
    return make_practice("حدائق", slug="zahle-gardens", municipality=other_town, language="ar",
                         created_by=other_member, summary="يعتني السكان بالحدائق.")  # fmt: skip


@pytest.fixture
def author(other_member) -> Client:
    """The practice's author, in a browser of their own beside the secretariat's."""
    client = Client()
    client.force_login(other_member)
    return client


def page(client: Client) -> dict:
    response = client.get(URL)
    assert response.status_code == 200
    return page_data(response)


def texts() -> dict[str, tuple[str, str]]:
    return {row.field: (row.text, row.status) for row in Translation.objects.order_by("field")}


def test_an_author_and_the_secretariat_translating_different_fields_keep_both(
    author, secretariat_client, practice
):
    authors, secretariats = page(author), page(secretariat_client)
    assert author.post(URL, authors | {"title": "Jardins"}).status_code == 302
    response = secretariat_client.post(URL, secretariats | {"summary": "Les habitants."})
    assert response.status_code == 302
    assert texts() == {"summary": ("Les habitants.", "draft"), "title": ("Jardins", "draft")}


def test_a_field_both_translated_differently_is_refused_with_both_texts_and_nothing_saved(
    author, secretariat_client, practice
):
    authors, secretariats = page(author), page(secretariat_client)
    author.post(URL, authors | {"title": "Jardins", "summary": "Les habitants."})
    mine = secretariats | {"title": "Jardins partagés", "approach": "Ensemble."}
    response = secretariat_client.post(URL, mine)
    assert response.status_code == 409
    assert response.context["conflicts"] == [
        {"label": "title", "theirs": "Jardins", "mine": "Jardins partagés"}
    ]
    form = response.context["form"]
    assert (form["title"].value(), form["summary"].value(), form["approach"].value()) == (
        "Jardins partagés", "Les habitants.", "Ensemble.")  # fmt: skip
    assert "Not saved: someone saved this translation after you opened it" in (
        response.content.decode())  # fmt: skip
    assert texts() == {"summary": ("Les habitants.", "draft"), "title": ("Jardins", "draft")}
    again = secretariat_client.post(URL, page_data(response))
    assert again.status_code == 302
    assert texts() == {"approach": ("Ensemble.", "draft"), "summary": ("Les habitants.", "draft"),
                       "title": ("Jardins partagés", "draft")}  # fmt: skip


def test_marking_reviewed_texts_changed_after_the_page_loaded_is_refused_and_marks_nothing(
    author, secretariat_client, practice
):
    author.post(URL, page(author) | {"title": "Jardins"})
    reviewers, authors = page(secretariat_client), page(author)
    author.post(URL, authors | {"summary": "Les habitants."})
    response = secretariat_client.post(URL, reviewers | {"action": "review"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "Nothing is marked reviewed: someone changed this translation after you opened the "
        "page. Read the texts below again, then mark them reviewed."
    ]
    assert texts() == {"summary": ("Les habitants.", "draft"), "title": ("Jardins", "draft")}
    assert not AuditEntry.objects.filter(action="translation.reviewed").exists()
    again = secretariat_client.post(URL, page_data(response) | {"action": "review"})
    assert again.status_code == 302
    assert set(texts().values()) == {("Les habitants.", "reviewed"), ("Jardins", "reviewed")}


def test_a_save_without_the_pages_texts_writes_as_before(author, practice):
    data = {"title": "Jardins", "summary": "Les habitants."}
    assert author.post(URL, data).status_code == 302
    assert author.post(URL, {"summary": "Les habitants."}).status_code == 302
    assert texts() == {"summary": ("Les habitants.", "draft")}


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures(reference_rows.__name__)
@pytest.mark.skipif(**ONLY_POSTGRESQL)
def test_two_editors_saving_one_field_at_once_leave_one_text_and_one_refusal(
    other_town, other_member, secretariat
):
    make_practice("حدائق", slug="zahle-gardens", municipality=other_town, language="ar",
                  created_by=other_member)  # fmt: skip
    author, staff = Client(), Client()
    author.force_login(other_member)
    staff.force_login(secretariat)
    authors, secretariats = page(author), page(staff)
    answers = race(lambda: author.post(URL, authors | {"title": "Jardins"}),
                   lambda: staff.post(URL, secretariats | {"title": "Potagers"}))  # fmt: skip
    assert sorted(a.status_code for a in answers) == [302, 409]
    winner = "Jardins" if answers[0].status_code == 302 else "Potagers"
    assert list(Translation.objects.values_list("text", flat=True)) == [winner]
