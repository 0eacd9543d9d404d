"""A joint statement as PDF: its current text and the towns that signed it.

The font (``glocal.lib.pdf``) covers Arabic, Cyrillic and accented names.
"""

from html import unescape

from django.utils import formats, timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from glocal.lib.pdf import new_pdf, own_direction, start_align

from .models import Statement


def plain(html: str) -> str:
    """Paragraphs and list items as plain lines, tags removed."""
    for tag in ("</p>", "<br>", "<br/>", "</li>", "</h3>", "</h4>", "</blockquote>"):
        html = html.replace(tag, tag + "\n")
    html = html.replace("<li>", "• ")
    text = unescape(strip_tags(html)).replace("\xa0", " ")
    lines = [line.strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line) or ""


def statement_pdf(statement: Statement) -> bytes:
    version = statement.current_version
    pdf = new_pdf(page_breaks=True)
    align = start_align()
    pdf.add_page()
    pdf.set_font("DejaVu", size=18)
    pdf.multi_cell(0, 9, statement.title, new_x="LMARGIN", new_y="NEXT", align=align)
    pdf.set_font("DejaVu", size=10)
    pdf.set_text_color(90, 100, 110)
    towns = ", ".join(t.name for t in statement.drafted_by.all())
    numbers = {"towns": towns, "n": statement.current_number}
    meta = _("Drafted by %(towns)s · version %(n)s") % numbers
    pdf.multi_cell(0, 6, meta, new_x="LMARGIN", new_y="NEXT", align=align)
    pdf.multi_cell(0, 6, _("Addressed to: %s") % "; ".join(statement.addressee_list),
                   new_x="LMARGIN", new_y="NEXT", align=align)  # fmt: skip
    pdf.ln(4)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("DejaVu", size=11)
    with own_direction(pdf):  # the statement's text, in whatever language it was written
        pdf.multi_cell(
            0, 6, plain(version.text if version else ""), new_x="LMARGIN", new_y="NEXT", align=align
        )
    pdf.ln(6)
    pdf.set_font("DejaVu", size=14)
    pdf.cell(0, 8, _("Signed by"), new_x="LMARGIN", new_y="NEXT", align=align)
    pdf.set_font("DejaVu", size=10)
    signatures = list(statement.active_signatures())
    if not signatures:
        pdf.multi_cell(
            0, 6, _("No municipality has signed yet."), new_x="LMARGIN", new_y="NEXT", align=align
        )
    for signature in signatures:
        who = signature.signed_by.full_name if signature.signed_by else ""
        line = f"{signature.municipality.name} ({signature.municipality.country.label})"
        line += f" — {who}, " if who else " — "
        signed_at = timezone.localtime(signature.signed_at)
        signed_on = formats.date_format(signed_at, "SHORT_DATE_FORMAT")
        line += _("version %(n)s, %(date)s") % {"n": signature.version.number, "date": signed_on}
        if signature.needs_reconfirmation:
            line += " " + _("(signed an earlier version)")
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT", align=align)
    pdf.ln(4)
    pdf.set_text_color(90, 100, 110)
    pdf.set_font("DejaVu", size=8)
    stamp = formats.date_format(timezone.localtime(), "SHORT_DATETIME_FORMAT")
    pdf.multi_cell(
        0, 5, _("Printed from Glocal on %s") % stamp, new_x="LMARGIN", new_y="NEXT", align=align
    )
    return bytes(pdf.output())
