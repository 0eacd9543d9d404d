"""Gettext catalogues in pure Python: headers, Serbian transliteration, merging, checks, .mo.

Used by ``manage.py i18n_sync`` and by the test that every catalogue is complete. Nothing here
needs xgettext or msgfmt, so a machine with only Python can compile the catalogues.
"""

import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import polib

# The gettext plural rule of each locale folder, as CLDR counts its forms.
SLAVIC_THREE = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);"
)
PLURAL_FORMS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "de": "nplurals=2; plural=(n != 1);",
    "it": "nplurals=2; plural=(n != 1);",
    "ar": (
        "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
        "n%100>=11 ? 4 : 5;"
    ),
    "sr": SLAVIC_THREE,
    "sr_Latn": SLAVIC_THREE,
    "sq": "nplurals=2; plural=(n != 1);",
    "uk": SLAVIC_THREE,
    "el": "nplurals=2; plural=(n != 1);",
    "tr": "nplurals=2; plural=(n != 1);",
}

PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%[sdifr]|\{\w*\}|<[^<>]+>")
POSITIONAL = re.compile(r"%[sdifr]")

CYRILLIC_TO_LATIN = dict(
    zip(
        "абвгдђежзијклмнопрстћуфхцчш",
        "a b v g d đ e ž z i j k l m n o p r s t ć u f h c č š".split(),
        strict=True,
    )
) | {"љ": "lj", "њ": "nj", "џ": "dž"}


def nplurals(locale: str) -> int:
    return int(re.match(r"nplurals=(\d+)", PLURAL_FORMS[locale]).group(1))


def transliterate_serbian(text: str) -> str:
    """Serbian Cyrillic to Gaj's Latin alphabet; ASCII (placeholders, HTML) passes through.

    A digraph letter is all capitals inside a capitalised word (ЉУБАВ → LJUBAV) and title case
    otherwise (Љубав → Ljubav).
    """
    out = []
    for i, char in enumerate(text):
        latin = CYRILLIC_TO_LATIN.get(char.lower())
        if latin is None:
            out.append(char)
        elif not char.isupper():
            out.append(latin)
        else:
            following = text[i + 1 : i + 2]
            shout = following.isupper() or (i > 0 and text[i - 1].isupper() and not following)
            out.append(latin.upper() if shout else latin.capitalize())
    return "".join(out)


def entry_key(entry: polib.POEntry) -> str:
    """How translation files name an entry: the msgid, after msgctxt and EOT if it has one."""
    return f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid


def set_header(po: polib.POFile, locale: str) -> None:
    po.header = "Glocal interface messages. Licensed under the EUPL-1.2 like the code."
    po.metadata.update({
        "Language": locale,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS[locale],
    })  # fmt: skip
    po.metadata_is_fuzzy = False


def merge_translations(po: polib.POFile, translations: Mapping[str, str | list[str]]) -> int:
    """Write the given translations into matching entries; returns how many were written.

    A string fills ``msgstr``; a list fills the plural forms in order. A merged entry is no
    longer fuzzy. Keys that match no entry are ignored (the message left the code).
    """
    merged = 0
    for entry in po:
        value = translations.get(entry_key(entry))
        if value is None or entry.obsolete:
            continue
        if entry.msgid_plural:
            forms = [value] if isinstance(value, str) else list(value)
            entry.msgstr_plural = dict(enumerate(forms))
        elif isinstance(value, str):
            entry.msgstr = value
        else:
            continue
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        merged += 1
    return merged


def latin_from_cyrillic(sr: polib.POFile) -> polib.POFile:
    """The sr_Latn catalogue: every entry of the Cyrillic one, transliterated."""
    latin = polib.POFile(wrapwidth=sr.wrapwidth)
    latin.header = sr.header
    latin.metadata = dict(sr.metadata)
    set_header(latin, "sr_Latn")
    for entry in sr:
        copy = polib.POEntry(
            msgctxt=entry.msgctxt, msgid=entry.msgid, msgid_plural=entry.msgid_plural,
            msgstr=transliterate_serbian(entry.msgstr), occurrences=entry.occurrences,
            msgstr_plural={i: transliterate_serbian(s) for i, s in entry.msgstr_plural.items()},
            flags=list(entry.flags), comment=entry.comment, tcomment=entry.tcomment,
            obsolete=entry.obsolete,
        )  # fmt: skip
        latin.append(copy)
    return latin


def placeholders(text: str) -> Counter:
    return Counter(PLACEHOLDER.findall(text))


def entry_problems(entry: polib.POEntry, forms: int) -> list[str]:
    """What is wrong with one entry: untranslated, fuzzy, obsolete, placeholders, plurals.

    A plural form may leave out a named placeholder (Arabic says "two practices" without the
    number) but all forms together use every one, and positional ``%s`` must all be there.
    """
    name = entry.msgid[:60]
    if entry.obsolete:
        return [f"obsolete: {name}"]
    problems = [f"fuzzy: {name}"] if "fuzzy" in entry.flags else []
    if not entry.msgid_plural:
        if not entry.msgstr:
            return problems + [f"untranslated: {name}"]
        if placeholders(entry.msgstr) != placeholders(entry.msgid):
            problems.append(f"placeholders differ: {name} → {entry.msgstr[:60]}")
        return problems
    translated = [entry.msgstr_plural.get(i, "") for i in range(len(entry.msgstr_plural))]
    if not any(translated):
        return problems + [f"untranslated: {name}"]
    if len(translated) != forms or not all(translated):
        problems.append(f"plural forms: {name} has {sum(map(bool, translated))} of {forms}")
    expected = placeholders(entry.msgid_plural)
    used = sum((placeholders(form) for form in translated), Counter())
    positional_ok = all(
        POSITIONAL.findall(form) == POSITIONAL.findall(entry.msgid_plural) for form in translated
    )
    if set(used) != set(expected) or not positional_ok:
        problems.append(f"placeholders differ: {name}")
    return problems


def catalogue_problems(po: polib.POFile, locale: str) -> list[str]:
    problems = []
    if po.metadata.get("Plural-Forms") != PLURAL_FORMS[locale]:
        problems.append(f"Plural-Forms header is {po.metadata.get('Plural-Forms')!r}")
    for entry in po:
        problems.extend(entry_problems(entry, nplurals(locale)))
    return problems


def compile_catalogue(po_path: Path) -> Path:
    """Write the .mo next to the .po (translated entries only, as msgfmt does)."""
    mo_path = po_path.with_suffix(".mo")
    polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
    return mo_path
