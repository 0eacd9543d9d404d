"""Measure the cost of the interface languages: compiling catalogues and shaping PDF text.

Run with the project's virtualenv (no database needed) and print one JSON object::

    .venv/bin/python scripts/measure_i18n.py [--badges 60] [--repeat 5]

Badges are drawn as ``glocal.events.pdfs.draw_badge`` draws them, with a mix of Latin,
Cyrillic and Arabic names, in English and in Arabic, with HarfBuzz shaping on (as shipped)
and off (as before), so the price of joined, right-to-left Arabic is visible.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glocal.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.utils import translation  # noqa: E402

from glocal.events.pdfs import BADGE_H, BADGE_W, MARGIN_X, MARGIN_Y, draw_badge  # noqa: E402
from glocal.lib.catalogues import compile_catalogue  # noqa: E402
from glocal.lib.pdf import new_pdf  # noqa: E402

NAMES = ["Rania Haddad", "رانيا حداد", "Ђорђе Đukić", "Élodie Ковальчук", "محمد الخطيب", "Ana Kos"]


def fake_registration(i: int) -> SimpleNamespace:
    country = SimpleNamespace(label="لبنان" if i % 2 else "Italia")
    town = SimpleNamespace(name="زحلة" if i % 2 else "Spilamberto", country=country)
    user = SimpleNamespace(full_name=NAMES[i % len(NAMES)], email="x@x.test")
    event = SimpleNamespace(title="مؤتمر رؤساء البلديات – Vienna")
    return SimpleNamespace(
        user=user, municipality=town, event=event, get_role_display=lambda: "Mayor"
    )


def badges_ms(count: int, language: str, shaping: bool) -> float:
    start = time.perf_counter()
    with translation.override(language):
        pdf = new_pdf()
        if not shaping:
            pdf.text_shaping = None
        for i in range(count):
            if i % 6 == 0:
                pdf.add_page()
            col, row = i % 2, (i % 6) // 2
            x, y = MARGIN_X + col * (BADGE_W + 6), MARGIN_Y + row * (BADGE_H + 6)
            draw_badge(pdf, fake_registration(i), x, y)
        bytes(pdf.output())
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--badges", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    locale_dir = Path(settings.LOCALE_PATHS[0])
    pos = sorted(locale_dir.glob("*/LC_MESSAGES/django.po"))
    start = time.perf_counter()
    for po in pos:
        compile_catalogue(po)
    compile_ms = (time.perf_counter() - start) * 1000
    runs = {}
    for language in ("en", "ar"):
        for shaping in (True, False):
            times = [badges_ms(args.badges, language, shaping) for _ in range(args.repeat)]
            runs[f"{language}_{'shaped' if shaping else 'unshaped'}_ms"] = round(
                statistics.median(times), 1
            )
    print(json.dumps({
        "machine": f"{platform.machine()} {os.cpu_count()} cpu, Python {platform.python_version()}",
        "catalogues": len(pos), "compile_all_ms": round(compile_ms, 1),
        "badges": args.badges, **runs,
    }))  # fmt: skip


if __name__ == "__main__":
    main()
