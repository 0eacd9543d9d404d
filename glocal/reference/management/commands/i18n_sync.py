"""Keep the interface catalogues in step with the code and compile them, in pure Python.

    python manage.py i18n_sync --extract            # makemessages for every language (xgettext)
    python manage.py i18n_sync --merge /work/tr     # fill in <code>.json translation files
    python manage.py i18n_sync --compile-only       # only write the .mo files (make setup)

Except with ``--compile-only``, the Latin Serbian catalogue and glossary are rebuilt from the
Cyrillic ones by transliteration, never translated separately. Translation files map a msgid
(after msgctxt and an EOT character when it has a context) to a string, or to a list of plural
forms.
"""

import json
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import to_locale

from glocal.lib.catalogues import (
    compile_catalogue,
    latin_from_cyrillic,
    merge_translations,
    set_header,
    transliterate_serbian,
)

DERIVED = {"sr_Latn": "sr"}
IGNORE = ["staticfiles/*", "media/*", "test-artifacts/*", "tests/*", "*/tests/*", "scripts/*"]


def locale_dir() -> Path:
    return Path(settings.LOCALE_PATHS[0])


def translated_locales() -> list[str]:
    """Locale folder names of every language but the source one (sr-latn → sr_Latn)."""
    return [to_locale(code) for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def po_path(locale: str) -> Path:
    return locale_dir() / locale / "LC_MESSAGES" / "django.po"


class Command(BaseCommand):
    help = "Extract, merge, transliterate (sr → sr_Latn) and compile the interface catalogues."

    def add_arguments(self, parser):
        parser.add_argument("--extract", action="store_true", help="run makemessages first")
        parser.add_argument("--merge", type=Path, help="folder of <language code>.json files")
        parser.add_argument("--compile-only", action="store_true")

    def handle(self, *args, extract: bool, merge: Path | None, compile_only: bool, **options):
        locales = translated_locales()
        if not compile_only:
            if extract:
                self.extract([loc for loc in locales if loc not in DERIVED])
            if merge:
                self.merge(merge, [loc for loc in locales if loc not in DERIVED])
            for derived, source in DERIVED.items():
                self.derive(derived, source)
        for locale in locales:
            if not po_path(locale).exists():
                raise CommandError(f"{po_path(locale)} is missing: run with --extract")
            compile_catalogue(po_path(locale))
        self.stdout.write(f"compiled {len(locales)} catalogues in {locale_dir()}")

    def derive(self, derived: str, source: str) -> None:
        """The catalogue and glossary of ``derived``, transliterated from ``source``'s."""
        po_path(derived).parent.mkdir(parents=True, exist_ok=True)
        latin_from_cyrillic(polib.pofile(str(po_path(source)))).save(str(po_path(derived)))
        glossary = locale_dir() / source / "glossary.tsv"
        if glossary.exists():
            text = transliterate_serbian(glossary.read_text(encoding="utf-8"))
            (locale_dir() / derived / "glossary.tsv").write_text(text, encoding="utf-8")

    def extract(self, locales: list[str]) -> None:
        for locale in locales:
            po_path(locale).parent.mkdir(parents=True, exist_ok=True)
        call_command(
            "makemessages", locale=locales, ignore_patterns=IGNORE, no_obsolete=True,
            verbosity=0,
        )  # fmt: skip
        for locale in locales:
            po = polib.pofile(str(po_path(locale)))
            set_header(po, locale)
            po.save()

    def merge(self, folder: Path, locales: list[str]) -> None:
        for locale in locales:
            path = folder / f"{locale.replace('_', '-').lower()}.json"
            if not path.exists():
                continue
            try:
                translations = json.loads(path.read_text(encoding="utf-8"))
            except json.JSONDecodeError as error:
                raise CommandError(f"{path}: {error}") from error
            po = polib.pofile(str(po_path(locale)))
            merged = merge_translations(po, translations)
            po.save()
            self.stdout.write(f"{locale}: merged {merged} of {len(translations)} from {path}")
