"""Mail speaks the recipient's language, whoever triggered it and in whatever language."""

import pytest
from django.core import mail
from django.utils import translation

from glocal.practices.models import Status

pytestmark = pytest.mark.django_db


def in_albanian(msgid: str) -> str:
    with translation.override("sq"):
        text = translation.gettext(msgid)
    assert text != msgid, f"no Albanian translation of {msgid!r}"
    return text


def test_email_to_an_albanian_speaking_representative_is_in_albanian(
    secretariat_client, secretariat, practice, member, django_capture_on_commit_callbacks
):
    member.language = "sq"
    member.save(update_fields=["language"])
    secretariat.language = "fr"
    secretariat.save(update_fields=["language"])
    practice.status = Status.SUBMITTED
    practice.save(update_fields=["status"])
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(
            f"/practices/{practice.slug}/review/",
            {"decision": "published", "note": "Shumë mirë."},
            headers={"accept-language": "de"},
        )
    assert response.status_code == 302
    assert response["Content-Language"] == "fr"
    [message] = mail.outbox
    status = in_albanian("Published")
    assert message.to == [member.email]
    assert message.subject == in_albanian("Your practice “%(title)s”: %(status)s") % {
        "title": practice.title, "status": status,
    }  # fmt: skip
    reviewed = in_albanian(
        "The secretariat has reviewed “%(title)s”. Its status is now: %(status)s."
    )
    assert message.body.startswith(reviewed % {"title": practice.title, "status": status})
    assert in_albanian("Note from the secretariat:") in message.body


def test_each_reader_of_one_notice_gets_their_own_language(
    member_client, town, secretariat, django_capture_on_commit_callbacks
):
    secretariat.language = "ar"
    secretariat.save(update_fields=["language"])
    data = {"title": "Repair Café", "summary": "Volunteers repair things.", "start_year": "2021",
            "themes": ["civic-engagement"], "sdgs": ["12"], "approach": "<p>A room</p>",
            "licence": "CC BY 4.0", "municipality": town.pk,
            # complete enough to be submitted (half of the descriptive fields)
            "situation_before": "Broken.", "objectives": "Fix.", "results": "40."}  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        member_client.post("/practices/submit/", data, headers={"accept-language": "it"})
    [message] = mail.outbox
    with translation.override("ar"):
        expected = translation.gettext("Practice submitted for review: %s")
    assert expected != "Practice submitted for review: %s"
    assert (message.to, message.subject) == ([secretariat.email], expected % "Repair Café")
