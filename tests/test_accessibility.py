"""Accessibility rules checked in the HTML the server sends (the browser checks are in
tests/browser/test_accessibility.py): focus and live regions around htmx swaps, errors
announced and linked to fields, required fields marked, contrast, error pages, API docs."""

import re
from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.contrib.messages import constants
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.utils import translation
from django.utils.translation import gettext
from django.views.defaults import server_error

from glocal.practices.models import Practice, Status
from glocal.reference.models import Theme

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def published(town) -> Practice:
    practice = Practice.objects.create(
        title="Street Libraries", slug="street-libraries", summary="Books on every corner.",
        municipality=town, country=town.country, status=Status.PUBLISHED,
    )  # fmt: skip
    practice.themes.set(Theme.objects.filter(slug="education"))
    return practice


def test_facet_checkboxes_keep_the_same_id_in_the_page_and_in_the_htmx_swap(anonymous, published):
    page = anonymous.get("/practices/").content.decode()
    swap = anonymous.get("/practices/?theme=education", HTTP_HX_REQUEST="true").content.decode()
    box = 'id="facet-theme-education" name="theme" value="education"'
    assert box in page
    assert box + " checked" in swap
    ids = re.findall(r'id="(facet-[^"]+)"', page)
    assert len(ids) == len(set(ids)) == 5


def test_result_count_is_announced_through_a_live_region_outside_the_swap(anonymous, published):
    page = anonymous.get("/practices/").content.decode()
    swap = anonymous.get("/practices/?theme=education", HTTP_HX_REQUEST="true").content.decode()
    region = '<p id="live-status" class="visually-hidden" role="status" aria-live="polite"'
    assert page.count(region) == 1
    assert page.index(region) < page.index('id="showroom"')
    assert "<span data-announce>1 practice</span>" in swap
    assert 'role="status"' not in swap
    assert "live-status" not in swap


def test_messages_keep_list_semantics_inside_a_status_wrapper(member_client, town):
    response = member_client.post(
        "/practices/submit/",
        {"title": "Repair Café", "summary": "Fix things.", "municipality": town.pk,
         "save_draft": "1"},
        follow=True,
    )  # fmt: skip
    html = response.content.decode()
    assert [m.level for m in response.context["messages"]] == [constants.SUCCESS]
    assert (
        '<div class="messages-region" role="status"><ul class="messages"><li class="success">'
        in html
    )
    assert '<ul class="messages" role="status">' not in html


def test_refused_sign_in_is_announced_and_marks_both_fields_invalid(anonymous, member):
    html = anonymous.post(
        "/accounts/login/", {"login": member.email, "password": "wrong"}
    ).content.decode()
    assert 'class="error-summary" id="error-summary" role="alert" tabindex="-1"' in html
    assert '<a href="#id_login">The email address and/or password you specified' in html
    assert re.search(r'<input type="email" name="login"[^>]*aria-invalid="true"', html)
    password = re.search(r'<input type="password" name="password"[^>]*>', html).group()
    assert 'aria-invalid="true"' in password
    assert 'aria-describedby="error-summary id_password_helptext"' in password


def test_sign_in_page_without_errors_has_no_summary_and_marks_required_fields(anonymous):
    html = anonymous.get("/accounts/login/").content.decode()
    assert "error-summary" not in html
    assert "aria-invalid" not in html
    assert re.search(r'<label for="id_login">Email:</label> <span class="required-mark" '
                     r'aria-hidden="true">\(required\)</span>', html)  # fmt: skip
    assert re.search(r'<input type="email" name="login"[^>]*required', html)
    assert '<label for="id_remember">Remember Me:</label>' in html


def test_practice_form_errors_are_summarised_and_linked_to_their_fields(member_client, town):
    html = member_client.post(
        "/practices/submit/", {"summary": "", "municipality": town.pk, "submit_for_review": "1"}
    ).content.decode()
    summary = html[
        html.index('id="error-summary"') : html.index("</div>", html.index('id="error-summary"'))
    ]
    assert '<a href="#id_title">Title: This field is required.</a>' in summary
    assert '<a href="#id_summary">Summary: This field is required.</a>' in summary
    title = re.search(r'<input type="text" name="title"[^>]*>', html).group()
    assert 'aria-invalid="true"' in title
    assert 'aria-describedby="id_title_error"' in title
    assert '<ul class="errorlist" id="id_title_error"><li>This field is required.</li></ul>' in html


class ChoiceForm(forms.Form):
    themes = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple
    )
    note = forms.CharField(required=False)


def test_required_checkbox_groups_say_so_in_their_legend_and_optional_fields_do_not():
    form = ChoiceForm()
    html = "".join(render_to_string("includes/field.html", {"field": f}) for f in form)
    assert '<legend>Themes: <span class="required-mark">(required)</span></legend>' in html
    assert '<label for="id_note">Note:</label>' in html
    assert html.count("required-mark") == 1


def test_focus_outline_has_at_least_3_to_1_contrast_on_every_background():
    css = (ROOT / "static" / "css" / "site.css").read_text()
    found = re.findall(r"--([a-z-]+): (#[0-9a-f]{6}|#[0-9a-f]{3})\b", css)
    colours = {name: value if len(value) == 7 else "#" + 2 * value[1] + 2 * value[2] + 2 * value[3]
               for name, value in found}  # fmt: skip
    backgrounds = {"#ffffff", colours["bg"], colours["card"], "#e6f4ee", "#fdeee8", "#eef2f5",
                   "#dcebf5", "#fff4d6", "#e7ecef"}  # fmt: skip
    ratios = {bg: round(contrast(colours["focus"], bg), 2) for bg in backgrounds}
    assert min(ratios.values()) >= 3, ratios
    assert ":focus-visible { outline: 3px solid var(--focus)" in css


def contrast(a: str, b: str) -> float:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_old_amber_focus_colour_would_fail_the_contrast_check():
    assert round(contrast("#f59e0b", "#ffffff"), 2) == 2.15


def test_api_docs_declare_a_language_and_load_swagger_from_this_site(anonymous):
    response = anonymous.get("/api/docs", HTTP_ACCEPT_LANGUAGE="ar")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in html
    assert '<div id="swagger-ui" lang="en" dir="ltr">' in html  # Swagger UI is English only
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert [s for s in sources if s.startswith(("http:", "https:", "//"))] == []
    assert "/static/ninja/swagger-ui-bundle.js" in sources
    assert "/static/ninja/swagger-ui.css" in sources
    assert finders.find("ninja/swagger-ui-bundle.js")
    assert "<script>" not in html


def test_missing_page_is_a_site_page_in_the_visitors_language(anonymous):
    response = anonymous.get("/practices/no-such-practice/", HTTP_ACCEPT_LANGUAGE="ar")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="ar" dir="rtl">' in html
    with translation.override("ar"):
        heading, showroom = (
            gettext("We cannot find this page"),
            gettext("The showroom of practices"),
        )
    assert heading != "We cannot find this page"  # the page speaks the visitor's language
    assert f"<h1>{heading}</h1>" in html
    assert f'<a href="/practices/">{showroom}</a>' in html
    assert 'href="/accounts/login/?next=/practices/no-such-practice/"' in html


def test_refused_page_says_why_and_where_to_go(member_client):
    response = member_client.get("/practices/review/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "<h1>You are not allowed to see or do this</h1>" in html
    assert "belongs to another municipality or to the secretariat" in html
    assert 'class="site-header"' in html


def test_failed_csrf_check_shows_the_site_page_and_changes_nothing(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post("/practices/submit/", {"title": "Sneaky", "summary": "x"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "<h1>Your form could not be sent</h1>" in html
    assert '<a href="/practices/submit/">Reload the page you came from</a>' in html
    assert Practice.objects.count() == 0


def test_server_error_page_stands_alone_in_the_visitors_language():
    with translation.override("ar"):
        response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="ar" dir="rtl">' in html
    with translation.override("ar"):
        assert f"<h1>{gettext('Something went wrong on our side')}</h1>" in html
    assert "/static/css/site.css" in html


def test_arabic_is_offered_so_pages_can_be_checked_right_to_left():
    assert "ar" in dict(settings.LANGUAGES)
