"""The interface catalogues: one per language, well formed, compiled, and complete.

Completeness has its own test (``test_every_catalogue_is_completely_translated``) so that a
missing translation shows apart from a broken one.
"""

import gettext
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale

from glocal.lib.catalogues import PLURAL_FORMS, catalogue_problems, transliterate_serbian

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
LOCALES = [to_locale(code) for code, _name in settings.LANGUAGES if code != "en"]


def catalogue(locale: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / locale / "LC_MESSAGES" / "django.po"))


def test_every_interface_language_but_english_has_a_catalogue():
    found = sorted(p.parent.parent.name for p in LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))
    assert found == sorted(LOCALES)
    assert sorted(PLURAL_FORMS) == sorted(LOCALES)


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_declares_its_language_and_plural_rule(locale):
    po = catalogue(locale)
    assert po.metadata["Language"] == locale
    assert po.metadata["Plural-Forms"] == PLURAL_FORMS[locale]
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"


def test_arabic_has_six_plural_forms():
    assert catalogue("ar").metadata["Plural-Forms"] == (
        "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
        "n%100>=11 ? 4 : 5;"
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_has_no_fuzzy_obsolete_or_mismatched_entries(locale):
    problems = [p for p in catalogue_problems(catalogue(locale), locale)
                if not p.startswith("untranslated:")]  # fmt: skip
    assert problems == []


@pytest.mark.parametrize("locale", LOCALES)
def test_every_catalogue_is_completely_translated(locale):
    untranslated = [p for p in catalogue_problems(catalogue(locale), locale)
                    if p.startswith("untranslated:")]  # fmt: skip
    assert untranslated == [], f"{locale}: {len(untranslated)} untranslated"


def test_every_catalogue_has_the_same_messages():
    keys = {locale: {(e.msgctxt, e.msgid) for e in catalogue(locale)} for locale in LOCALES}
    assert {locale: len(k ^ keys["fr"]) for locale, k in keys.items()} == dict.fromkeys(LOCALES, 0)


def test_latin_serbian_is_the_cyrillic_catalogue_transliterated():
    cyrillic = {e.msgid: e for e in catalogue("sr")}
    for entry in catalogue("sr_Latn"):
        source = cyrillic[entry.msgid]
        assert entry.msgstr == transliterate_serbian(source.msgstr)
        assert entry.msgstr_plural == {
            i: transliterate_serbian(s) for i, s in source.msgstr_plural.items()
        }


@pytest.mark.parametrize("locale", LOCALES)
def test_compiled_catalogue_matches_its_source(locale, tmp_path):
    """The .mo that Django reads holds every translated entry of the .po, word for word."""
    po = catalogue(locale)
    mo_path = tmp_path / "django.mo"
    po.save_as_mofile(str(mo_path))
    with mo_path.open("rb") as f:
        compiled = gettext.GNUTranslations(f)
    translated = [e for e in po.translated_entries() if not e.msgid_plural]
    assert translated, "nothing translated yet"
    assert {e.msgid: compiled.pgettext(e.msgctxt, e.msgid) if e.msgctxt
            else compiled.gettext(e.msgid) for e in translated} == {
        e.msgid: e.msgstr for e in translated
    }  # fmt: skip
    shipped = LOCALE_DIR / locale / "LC_MESSAGES" / "django.mo"
    assert shipped.read_bytes() == mo_path.read_bytes(), "run manage.py i18n_sync --compile-only"


NETWORK_TERMS = [
    "practice", "prototype", "Local Change Lab", "Local4Action HUB", "field exposure",
    "secretariat", "working group", "joint statement", "call for proposals", "showroom",
    "peer town",
]  # fmt: skip


@pytest.mark.parametrize("locale", LOCALES)
def test_every_language_has_a_glossary_of_the_network_terms(locale):
    path = LOCALE_DIR / locale / "glossary.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    assert rows[0] == ["term", "translation", "note"]
    assert all(len(row) == 3 and row[0] and row[1] for row in rows[1:])
    terms = {row[0].split(" (")[0] for row in rows[1:]}
    assert [term for term in NETWORK_TERMS if term not in terms] == []
