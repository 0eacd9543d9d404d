"""Name badges and attendance certificates as PDF (fonts: ``glocal.lib.pdf``)."""

from collections.abc import Iterable

from django.utils import formats
from django.utils.translation import gettext as _
from fpdf import FPDF

from glocal.lib.pdf import new_pdf

from .models import Registration

BADGE_W, BADGE_H = 90, 60  # mm: a common badge holder size, six per A4 page
MARGIN_X, MARGIN_Y = 12, 15


def person_name(registration: Registration) -> str:
    return registration.user.full_name or registration.user.email


def badges_pdf(registrations: Iterable[Registration]) -> bytes:
    """Six badges to an A4 page: name, municipality and country, role, event."""
    pdf = new_pdf()
    for index, registration in enumerate(registrations):
        if index % 6 == 0:
            pdf.add_page()
        col, row = index % 2, (index % 6) // 2
        x, y = MARGIN_X + col * (BADGE_W + 6), MARGIN_Y + row * (BADGE_H + 6)
        draw_badge(pdf, registration, x, y)
    if pdf.page == 0:
        pdf.add_page()
        pdf.cell(0, 10, _("No confirmed participants yet."))
    return bytes(pdf.output())


def draw_badge(pdf: FPDF, registration: Registration, x: float, y: float) -> None:
    pdf.set_draw_color(150, 160, 170)
    pdf.rect(x, y, BADGE_W, BADGE_H)
    pdf.set_fill_color(11, 110, 79)
    pdf.rect(x, y, BADGE_W, 11, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_font_size(9)
    pdf.set_xy(x + 3, y + 2)
    pdf.cell(BADGE_W - 6, 7, registration.event.title[:60], align="C")
    pdf.set_text_color(29, 39, 51)
    pdf.set_font_size(18)
    pdf.set_xy(x + 3, y + 17)
    pdf.multi_cell(BADGE_W - 6, 8, person_name(registration)[:70], align="C")
    pdf.set_font_size(11)
    town = registration.municipality
    place = f"{town.name}, {town.country.label}" if town else ""
    pdf.set_xy(x + 3, y + BADGE_H - 20)
    pdf.cell(BADGE_W - 6, 6, place[:60], align="C")
    pdf.set_font_size(9)
    pdf.set_xy(x + 3, y + BADGE_H - 12)
    pdf.cell(BADGE_W - 6, 6, registration.get_role_display(), align="C")


def certificate_pdf(registration: Registration) -> bytes:
    """A one-page landscape certificate of attendance."""
    event = registration.event
    pdf = new_pdf("L")
    pdf.add_page()
    pdf.set_draw_color(11, 110, 79)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, 277, 190)
    pdf.set_text_color(29, 39, 51)
    pdf.set_font_size(28)
    pdf.set_xy(20, 40)
    pdf.cell(257, 14, _("Certificate of attendance"), align="C")
    pdf.set_font_size(14)
    pdf.set_xy(20, 70)
    pdf.cell(257, 8, _("This certifies that"), align="C")
    pdf.set_font_size(24)
    pdf.set_xy(20, 84)
    pdf.multi_cell(257, 12, person_name(registration), align="C")
    pdf.set_font_size(14)
    pdf.set_xy(20, pdf.get_y() + 6)
    pdf.multi_cell(257, 8, _("took part in"), align="C")
    pdf.set_font_size(18)
    pdf.set_xy(20, pdf.get_y() + 2)
    pdf.multi_cell(257, 10, event.title, align="C")
    pdf.set_font_size(12)
    start = formats.date_format(event.starts_at.astimezone(event.tz).date(), "DATE_FORMAT")
    end = formats.date_format(event.ends_at.astimezone(event.tz).date(), "DATE_FORMAT")
    when = start if start == end else f"{start} – {end}"
    place = ", ".join(p for p in (event.venue, event.host.name if event.host else "") if p)
    pdf.set_xy(20, pdf.get_y() + 4)
    pdf.multi_cell(257, 7, " · ".join(p for p in (when, place) if p), align="C")
    pdf.set_font_size(10)
    pdf.set_xy(20, 178)
    pdf.cell(257, 6, _("The network secretariat"), align="C")
    return bytes(pdf.output())
