"""A4 documents with a Unicode font, for badges, certificates and joint statements.

DejaVu Sans is vendored under ``fonts/`` (licence next to it), so names such as "Zahlé",
"Đorđe" or Arabic script never crash. fpdf2 needs ``uharfbuzz`` to join Arabic letters;
without it Arabic is printed letter by letter, which is legible but not typographically right.
"""

from pathlib import Path

from fpdf import FPDF

FONT = Path(__file__).resolve().parent / "fonts" / "DejaVuSans.ttf"


def new_pdf(orientation: str = "P", *, page_breaks: bool = False) -> FPDF:
    pdf = FPDF(orientation=orientation, unit="mm", format="A4")
    pdf.set_auto_page_break(page_breaks, margin=18)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=12)
    pdf.set_creator("Glocal")
    return pdf
