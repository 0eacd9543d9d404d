import polib

from glocal.lib.catalogues import (
    entry_problems,
    latin_from_cyrillic,
    merge_translations,
    set_header,
    transliterate_serbian,
)


def test_serbian_is_transliterated_letter_for_letter_with_digraphs():
    assert transliterate_serbian("Љубав, џеп и ђак") == "Ljubav, džep i đak"
    assert transliterate_serbian("ЉУБАВ") == "LJUBAV"
    assert transliterate_serbian("Њ") == "Nj"


def test_transliteration_leaves_placeholders_and_markup_alone():
    text = 'Општина %(town)s има <a href="{url}">%s</a> пракси'
    assert transliterate_serbian(text) == 'Opština %(town)s ima <a href="{url}">%s</a> praksi'


def test_translated_entry_with_the_same_placeholders_is_fine():
    entry = polib.POEntry(msgid="Hello %(name)s, <b>%s</b>", msgstr="Bonjour <b>%s</b> %(name)s")
    assert entry_problems(entry, 2) == []


def test_changed_placeholder_or_tag_is_a_problem():
    renamed = polib.POEntry(msgid="Hello %(name)s", msgstr="Bonjour %(nom)s")
    lost_tag = polib.POEntry(msgid="<em>New</em> %s", msgstr="Nouveau %s")
    assert entry_problems(renamed, 2) == ["placeholders differ: Hello %(name)s → Bonjour %(nom)s"]
    assert entry_problems(lost_tag, 2) == ["placeholders differ: <em>New</em> %s → Nouveau %s"]


def test_untranslated_fuzzy_and_obsolete_entries_are_problems():
    assert entry_problems(polib.POEntry(msgid="Map"), 2) == ["untranslated: Map"]
    fuzzy = polib.POEntry(msgid="Map", msgstr="Carte", flags=["fuzzy"])
    assert entry_problems(fuzzy, 2) == ["fuzzy: Map"]
    gone = polib.POEntry(msgid="Map", msgstr="Carte", obsolete=True)
    assert entry_problems(gone, 2) == ["obsolete: Map"]


def test_plural_entry_needs_every_form_of_the_language():
    entry = polib.POEntry(
        msgid="%(n)s practice", msgid_plural="%(n)s practices",
        msgstr_plural={0: "%(n)s ممارسة", 1: "%(n)s ممارستان"},
    )  # fmt: skip
    assert entry_problems(entry, 6) == ["plural forms: %(n)s practice has 2 of 6"]


def test_plural_form_may_leave_out_the_number_but_not_all_forms():
    forms = ["لا ممارسات", "ممارسة واحدة", "ممارستان"] + ["%(n)s ممارسات", "%(n)s ممارسة"] * 2
    forms = forms[:6]
    entry = polib.POEntry(
        msgid="%(n)s practice", msgid_plural="%(n)s practices", msgstr_plural=dict(enumerate(forms))
    )
    assert entry_problems(entry, 6) == []
    entry.msgstr_plural = dict(enumerate(["ممارسة"] * 6))
    assert entry_problems(entry, 6) == ["placeholders differ: %(n)s practice"]


def test_merge_fills_singulars_plurals_and_context_entries_and_clears_fuzzy():
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Map", flags=["fuzzy"], msgstr="Karte?"))
    po.append(polib.POEntry(msgid="May", msgctxt="month"))
    po.append(polib.POEntry(msgid="%s day", msgid_plural="%s days", msgstr_plural={0: "", 1: ""}))
    merged = merge_translations(
        po, {"Map": "Carte", "month\x04May": "mai", "%s day": ["%s jour", "%s jours"], "x": "y"}
    )
    assert merged == 3
    assert [(e.msgstr, e.msgstr_plural, e.flags) for e in po] == [
        ("Carte", {}, []), ("mai", {}, []), ("", {0: "%s jour", 1: "%s jours"}, []),
    ]  # fmt: skip


def test_latin_catalogue_is_derived_from_the_cyrillic_one():
    sr = polib.POFile()
    set_header(sr, "sr")
    sr.append(polib.POEntry(msgid="Map", msgstr="Мапа"))
    latin = latin_from_cyrillic(sr)
    assert latin.metadata["Language"] == "sr_Latn"
    assert [(e.msgid, e.msgstr) for e in latin] == [("Map", "Mapa")]
