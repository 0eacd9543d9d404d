"""Countries from CLDR, the SDGs by their official names, themes: in the reader's language."""

import pytest
from django.conf import settings
from django.utils import translation

from glocal.reference.models import Country, Sdg, Theme
from glocal.reference.taxonomy import SDG_SHORT_NAMES, THEMES

pytestmark = pytest.mark.django_db


def test_country_names_come_from_cldr_in_the_readers_language():
    lebanon, kosovo = Country.objects.get(iso="LB"), Country.objects.get(iso="XK")
    names = {}
    for language in ["en", "fr", "de", "ar", "sq", "sr", "sr-latn", "el"]:
        with translation.override(language):
            names[language] = (str(lebanon), kosovo.label)
    assert names == {
        "en": ("Lebanon", "Kosovo"), "fr": ("Liban", "Kosovo"), "de": ("Libanon", "Kosovo"),
        "ar": ("لبنان", "كوسوفو"), "sq": ("Liban", "Kosovë"), "sr": ("Либан", "Косово"),
        "sr-latn": ("Liban", "Kosovo"), "el": ("Λίβανος", "Κοσσυφοπέδιο"),
    }  # fmt: skip
    assert lebanon.name == "Lebanon"  # the stored name does not change


def test_sdgs_carry_the_uns_official_names_in_french_and_arabic():
    goal = Sdg.objects.get(number=11)
    with translation.override("fr"):
        french = (goal.label, str(goal))
    with translation.override("ar"):
        arabic = goal.label
    name = "Villes et communautés durables"
    assert french == (name, f"ODD 11\xa0: {name}")
    assert arabic == "مدن ومجتمعات محلية مستدامة"


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES if code != "en"])
def test_every_sdg_and_theme_is_named_in_every_language(language):
    themes = dict(THEMES)
    with translation.override(language):
        untranslated = [n for n in SDG_SHORT_NAMES if translation.gettext(n) == n] + [
            t.name for t in Theme.objects.filter(slug__in=themes) if t.label == t.name
        ]
    assert untranslated == []
