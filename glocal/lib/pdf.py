"""A4 documents with a Unicode font, for badges, certificates and joint statements.

DejaVu Sans is vendored under ``fonts/`` (licence next to it); it covers Latin, Greek,
Cyrillic and Arabic. Text is shaped with HarfBuzz (``uharfbuzz``), so Arabic letters join,
and laid out by the Unicode bidirectional algorithm: a document in a right-to-left language
reads right to left with its paragraphs aligned to the right, and a Latin name inside
Arabic text (or the reverse) keeps its own order.
"""

import contextlib
from collections.abc import Iterator
from pathlib import Path

from django.utils import translation
from fpdf import FPDF

FONT = Path(__file__).resolve().parent / "fonts" / "DejaVuSans.ttf"


def new_pdf(orientation: str = "P", *, page_breaks: bool = False) -> FPDF:
    """A PDF in the active language: its ``/Lang``, text direction and shaping."""
    pdf = FPDF(orientation=orientation, unit="mm", format="A4")
    pdf.set_auto_page_break(page_breaks, margin=18)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=12)
    pdf.set_creator("Glocal")
    pdf.set_lang(translation.get_language() or "en")
    # Left-to-right documents let each paragraph find its own direction (an Arabic name on
    # an English badge); right-to-left documents set it, so mixed lines start on the right.
    pdf.set_text_shaping(True, direction="rtl" if translation.get_language_bidi() else None)
    return pdf


def start_align() -> str:
    """Where a paragraph starts in the active language: "R" for Arabic, else "L"."""
    return "R" if translation.get_language_bidi() else "L"


@contextlib.contextmanager
def own_direction(pdf: FPDF) -> Iterator[FPDF]:
    """Text written by people, in any language: each paragraph takes its own direction."""
    pdf.set_text_shaping(True, direction=None)
    try:
        yield pdf
    finally:
        pdf.set_text_shaping(True, direction="rtl" if translation.get_language_bidi() else None)
