"""Each piece of user text carries its own language and direction."""

import pytest
from django.template import Context, Template
from django.test import override_settings

from glocal.translations.languages import direction, normalize
from glocal.translations.reading import Text


def render(source: str, **context) -> str:
    return Template("{% load content %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("code", "expected"), [("ar", "rtl"), ("fr", "auto"), ("sr-latn", "auto"), ("en", "auto")]
)
def test_only_right_to_left_scripts_get_rtl(code, expected):
    assert direction(code) == expected


def test_text_gives_its_attributes_and_stays_escaped():
    text = Text("<b>حدائق</b>", "ar")
    assert render("<p {{ t.attrs }}>{{ t }}</p>", t=text) == (
        '<p lang="ar" dir="rtl">&lt;b&gt;حدائق&lt;/b&gt;</p>'
    )


def test_names_and_numbers_are_isolated_in_running_text():
    assert render("{{ n|bdi }} · {{ m|bdi }}", n="Zahlé", m=78145) == (
        "<bdi>Zahlé</bdi> · <bdi>78145</bdi>"
    )
    assert render("{{ n|bdi }}", n="") == ""


def test_langattrs_reads_a_code_or_an_objects_language():
    class Thing:
        language = "ar"

    assert render("{{ t|langattrs }}", t=Thing()) == 'lang="ar" dir="rtl"'
    assert render("{{ c|langattrs }}", c="de") == 'lang="de" dir="auto"'


@override_settings(
    LANGUAGES=[("en", "English"), ("sr-latn", "Serbian (Latin)"), ("sq", "Albanian")]
)
def test_unknown_or_regional_codes_fall_back_to_a_known_language():
    assert [normalize(c) for c in ("sq-AL", "sr-Latn", "xx", None)] == ["sq", "sr-latn", "en", "en"]
