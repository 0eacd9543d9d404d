"""Which language a page speaks: Accept-Language, then the switcher's cookie; a signed-in
person's own preference wins; ``?lang=`` shows one page in another language."""

import pytest
from django.conf import settings
from django.utils import translation

from glocal.members.languages import TranslateLater, emails_by_language, in_language_of
from glocal.members.models import User

pytestmark = pytest.mark.django_db


def words(language: str, msgid: str) -> str:
    """The catalogue's translation, which must exist (so a test cannot pass in English)."""
    with translation.override(language):
        text = translation.gettext(msgid)
    assert text != msgid, f"{msgid!r} is not translated into {language}"
    return text


def showroom_link(language: str) -> str:
    return f'<a href="/practices/">{words(language, "Showroom")}</a>'


def html_lang(response) -> str:
    head = response.content.decode()[:300]
    return head.split("<html ", 1)[1].split(">", 1)[0]


def test_visitor_gets_the_language_of_their_browser(anonymous):
    response = anonymous.get("/practices/", headers={"accept-language": "fr-CH,fr;q=0.9,en;q=0.5"})
    assert html_lang(response) == 'lang="fr" dir="ltr"'
    assert showroom_link("fr") in response.content.decode()
    assert response["Content-Language"] == "fr"


def test_arabic_pages_are_right_to_left(anonymous):
    response = anonymous.get("/practices/", headers={"accept-language": "ar"})
    assert html_lang(response) == 'lang="ar" dir="rtl"'
    assert showroom_link("ar") in response.content.decode()


def test_chosen_language_cookie_wins_over_the_browser(anonymous):
    anonymous.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    response = anonymous.get("/practices/", headers={"accept-language": "fr"})
    assert html_lang(response) == 'lang="de" dir="ltr"'


def test_signed_in_persons_preference_wins_over_cookie_and_browser(member_client, member):
    member.language = "sq"
    member.save(update_fields=["language"])
    member_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    response = member_client.get("/practices/", headers={"accept-language": "fr"})
    assert html_lang(response) == 'lang="sq" dir="ltr"'
    assert showroom_link("sq") in response.content.decode()


def test_lang_parameter_shows_that_page_in_another_language(member_client, member):
    member.language = "sq"
    member.save(update_fields=["language"])
    response = member_client.get("/practices/?lang=sr-latn")
    assert html_lang(response) == 'lang="sr-latn" dir="ltr"'
    assert showroom_link("sr-latn") in response.content.decode()


def test_unknown_lang_parameter_is_ignored(anonymous):
    response = anonymous.get("/practices/?lang=xx", headers={"accept-language": "it"})
    assert html_lang(response) == 'lang="it" dir="ltr"'


def test_switcher_lists_every_language_in_its_own_name_and_waits_for_the_button(anonymous):
    page = anonymous.get("/", headers={"accept-language": "fr"}).content.decode()
    switcher = page.split('<select id="language" name="language">', 1)[1].split("</select>")[0]
    options = [line.strip() for line in switcher.strip().splitlines()]
    assert options == [
        '<option value="en" lang="en">English</option>',
        '<option value="fr" lang="fr" selected>Français</option>',
        '<option value="de" lang="de">Deutsch</option>',
        '<option value="it" lang="it">Italiano</option>',
        '<option value="ar" lang="ar">العربيّة</option>',
        '<option value="sr" lang="sr">Српски</option>',
        '<option value="sr-latn" lang="sr-latn">Srpski (latinica)</option>',
        '<option value="sq" lang="sq">Shqip</option>',
        '<option value="uk" lang="uk">Українська</option>',
        '<option value="el" lang="el">Ελληνικά</option>',
        '<option value="tr" lang="tr">Türkçe</option>',
    ]
    assert "onchange" not in page
    assert f'<button type="submit">{words("fr", "Change language")}</button>' in page


def test_visitor_choosing_a_language_gets_a_cookie_and_the_same_page(anonymous):
    response = anonymous.post("/language/", {"language": "uk", "next": "/events/?lang=fr&page=2"})
    assert response.status_code == 302
    assert response["Location"] == "/events/?page=2"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "uk"
    assert html_lang(anonymous.get("/events/")) == 'lang="uk" dir="ltr"'


def test_signed_in_person_choosing_a_language_keeps_it_in_their_profile(member_client, member):
    response = member_client.post("/language/", {"language": "el", "next": "/"})
    member.refresh_from_db()
    assert (response.status_code, member.language) == (302, "el")


def test_unknown_language_is_refused_and_nothing_changes(member_client, member):
    response = member_client.post("/language/", {"language": "xx", "next": "/"})
    member.refresh_from_db()
    assert response.status_code == 400
    assert member.language == ""
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_switcher_does_not_send_people_to_another_site(anonymous):
    response = anonymous.post("/language/", {"language": "fr", "next": "https://evil.test/"})
    assert response["Location"] == "/"


def test_person_sets_language_and_time_zone_in_their_profile(member_client, member):
    data = {"full_name": "Mayor", "language": "tr", "time_zone": "Europe/Istanbul"}
    response = member_client.post("/profile/", data)
    member.refresh_from_db()
    assert response.status_code == 302
    assert (member.language, member.time_zone) == ("tr", "Europe/Istanbul")
    assert html_lang(member_client.get("/profile/")) == 'lang="tr" dir="ltr"'


def test_profile_refuses_an_unknown_language_next_to_the_field(member_client, member):
    response = member_client.post("/profile/", {"full_name": "X", "language": "klingon"})
    member.refresh_from_db()
    assert response.status_code == 200
    assert response.context["form"].errors["language"] == [
        "Select a valid choice. klingon is not one of the available choices."
    ]
    assert (member.full_name, member.language) == ("Mayor", "")


def test_profile_lists_languages_by_their_own_name_with_lang(member_client):
    page = member_client.get("/profile/").content.decode()
    assert '<option value="ar" lang="ar">العربيّة</option>' in page


def test_anonymous_visitor_has_no_profile_page(anonymous):
    response = anonymous.get("/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_text_to_send_is_put_in_words_in_the_readers_language(member, other_member):
    member.language = "fr"
    other_member.language = "ar"
    subject = TranslateLater(translation.gettext_lazy("Map"))
    with translation.override("de"), in_language_of(member):
        in_french = str(subject)
    with in_language_of(other_member):
        in_arabic = str(subject)
    assert (in_french, in_arabic) == (words("fr", "Map"), words("ar", "Map"))


def test_addresses_are_grouped_by_their_owners_language(member, other_member):
    User.objects.filter(pk=member.pk).update(language="sq")
    groups = emails_by_language([other_member.email, member.email, "stranger@x.test", ""])
    assert groups == {"sq": [member.email], "en": ["officer@zahle.test", "stranger@x.test"]}


def test_password_reset_mail_is_in_the_owners_language(anonymous, member, mailoutbox):
    member.language = "fr"
    member.save(update_fields=["language"])
    response = anonymous.post(
        "/accounts/password/reset/", {"email": member.email}, headers={"accept-language": "de"}
    )
    assert response.status_code == 302
    [message] = mailoutbox
    with translation.override("fr"):
        expected = translation.gettext("Password Reset Email")
    assert expected != "Password Reset Email"
    assert message.subject.endswith(expected)
