"""Named paragraph and table styles shared by every form."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from kinerja_desktop.reports.fonts import BOLD, FAMILY

MARGIN = 12 * mm
#: Room at the bottom of each page for the page number and the verification stamp.
FOOTER_HEIGHT = 20 * mm
GRID = colors.black
HEADER_FILL = colors.Color(0.88, 0.88, 0.88)
SECTION_FILL = colors.Color(0.95, 0.95, 0.95)

BODY = ParagraphStyle("body", fontName=FAMILY, fontSize=8.5, leading=10.5, alignment=TA_LEFT)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=7.5, leading=9)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8, leading=9.8)
CELL_BOLD = ParagraphStyle("cell_bold", parent=CELL, fontName=BOLD)
CELL_CENTER = ParagraphStyle("cell_center", parent=CELL, alignment=TA_CENTER)
HEAD = ParagraphStyle("head", parent=CELL, fontName=BOLD, alignment=TA_CENTER)
TITLE = ParagraphStyle(
    "title", parent=BODY, fontName=BOLD, fontSize=12, leading=15, alignment=TA_CENTER
)
SUBTITLE = ParagraphStyle(
    "subtitle", parent=BODY, fontName=BOLD, fontSize=9.5, leading=12, alignment=TA_CENTER
)
SECTION = ParagraphStyle(
    "section", parent=BODY, fontName=BOLD, fontSize=9, leading=11, spaceBefore=6, spaceAfter=3
)
LETTERHEAD = ParagraphStyle(
    "letterhead", parent=BODY, fontName=BOLD, fontSize=11, leading=13.5, alignment=TA_CENTER
)
LETTERHEAD_SUB = ParagraphStyle(
    "letterhead_sub", parent=BODY, fontSize=9, leading=11, alignment=TA_CENTER
)
SIGN = ParagraphStyle("sign", parent=BODY, fontSize=8.5, leading=10.5, alignment=TA_LEFT)
