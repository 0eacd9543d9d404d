"""Badges, certificates and dates in the reader's language: Arabic shaped, right to left."""

import datetime
import shutil
import subprocess

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from fpdf.enums import TextDirection

from glocal.events.models import Registration
from glocal.lib.pdf import new_pdf, start_align

from .conftest import make_person

pytestmark = pytest.mark.django_db


def test_arabic_pdf_is_shaped_right_to_left_and_says_its_language():
    with translation.override("ar"):
        pdf = new_pdf()
        align = start_align()
    assert pdf.text_shaping["use_shaping_engine"] is True
    assert pdf.text_shaping["direction"] == TextDirection.RTL
    assert align == "R"


def test_left_to_right_pdf_still_shapes_arabic_names_in_their_own_direction():
    with translation.override("fr"):
        pdf = new_pdf()
        align = start_align()
    assert pdf.text_shaping["use_shaping_engine"] is True
    assert pdf.text_shaping["direction"] is None
    assert align == "L"


def test_arabic_speaking_participant_gets_an_arabic_certificate(client, event, other_town):
    person = make_person("rania@zahle.test", other_town, "رانيا حداد")
    person.language = "ar"
    person.save(update_fields=["language"])
    Registration.objects.create(event=event, user=person, status="confirmed",
                                municipality=other_town, attended_at=timezone.now())  # fmt: skip
    client.force_login(person)
    response = client.get(f"/events/{event.slug}/certificate.pdf")
    assert response.status_code == 200
    assert b"/Lang (ar)" in response.content
    if shutil.which("pdftotext"):  # poppler reads the text back in logical order
        text = subprocess.run(["pdftotext", "-", "-"], input=response.content,
                              capture_output=True, check=True).stdout.decode()  # fmt: skip
        with translation.override("ar"):
            title = translation.gettext("Certificate of attendance")
        assert title != "Certificate of attendance"
        assert title in text
        assert "رانيا حداد" in text


def test_event_dates_are_written_the_way_of_the_readers_language(client, event):
    start = timezone.localtime(event.starts_at, event.tz)
    with translation.override("de"):
        german = date_format(start, "DATETIME_FORMAT")
    page = client.get(f"/events/{event.slug}/", headers={"accept-language": "de"}).content.decode()
    assert german in page
    assert start.strftime("%B") not in german  # "Dezember", not "December"


def test_english_dates_put_the_day_first_on_a_24_hour_clock():
    moment = timezone.make_aware(datetime.datetime(2026, 12, 31, 17, 5))
    with translation.override("en"):
        assert date_format(moment, "DATETIME_FORMAT") == "31 December 2026, 17:05"
        assert date_format(moment, "SHORT_DATE_FORMAT") == "31 Dec 2026"
