"""The sheet's QR code: module for module what reportlab's encoder makes, and drawn as such.

No QR decoder ships in the environment, so the printed code is checked against the matrix of
reportlab's own encoder (the one the app used before) for the same payload, error correction
M and mask 0; the same matrix decodes to the same payload.
"""

from __future__ import annotations

import io
import random
import re
import string

import pytest
from pypdf import PdfReader
from reportlab.graphics.barcode import qrencoder
from test_report_rendering import competence_form

from kinerja_desktop.paths import resource_path
from kinerja_desktop.reports.canvas import QUIET_ZONE, Verification
from kinerja_desktop.reports.fonts import register_fonts
from kinerja_desktop.reports.qr import qr_modules
from kinerja_desktop.reports.render import render_pdf


def reportlab_matrix(payload: str) -> list[list[bool]]:
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.version = code.calculate_version()
    code.makeImpl(False, 0)
    count = code.getModuleCount()
    return [[bool(code.isDark(row, col)) for col in range(count)] for row in range(count)]


SIGNED = Verification("K7QX-M2PA-9R", "ab" * 32, bytes(range(64)), "ab12cd34").payload
LEGACY = Verification("ABCD-EFGH-JK", "0" * 64).payload


@pytest.mark.parametrize(
    "payload", [SIGNED, LEGACY, "", "12345", "ABC DEF $%", "kode ü é", "9" * 300]
)
def test_the_matrix_is_reportlabs_for_sheet_payloads(payload: str) -> None:
    assert qr_modules(payload) == reportlab_matrix(payload)


def test_the_matrix_is_reportlabs_for_every_length_up_to_version_14() -> None:
    chosen = random.Random(14)
    letters = string.ascii_letters + string.digits + "|-_"
    for length in range(0, 331, 3):
        payload = "".join(chosen.choice(letters) for _ in range(length))
        assert qr_modules(payload) == reportlab_matrix(payload), length


def test_a_signed_sheet_is_a_version_8_code() -> None:
    assert len(qr_modules(SIGNED)) == 49


def drawn_matrix(pdf: bytes) -> list[list[bool]]:
    """The QR form object's runs of dark modules read back into a matrix."""
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    forms = page["/Resources"]["/XObject"]
    stream = next(
        forms[name].get_object().get_data().decode("latin-1")
        for name in forms
        if b" re" in forms[name].get_object().get_data()
    )
    runs = [tuple(map(int, m)) for m in re.findall(r"(\d+) (\d+) (\d+) 1 re", stream)]
    count = max(bottom for _, bottom, _ in runs) + 1 + QUIET_ZONE
    size = count - 2 * QUIET_ZONE
    matrix = [[False] * size for _ in range(size)]
    for left, bottom, width in runs:
        row = count - QUIET_ZONE - 1 - bottom
        for col in range(left - QUIET_ZONE, left - QUIET_ZONE + width):
            matrix[row][col] = True
    return matrix


def test_the_printed_code_is_the_payloads_matrix() -> None:
    register_fonts(resource_path("fonts"))
    verification = Verification("K7QX-M2PA-9R", "cd" * 32, bytes(64), "ab12cd34")
    pdf = render_pdf(competence_form(), verification=verification)
    assert drawn_matrix(pdf) == reportlab_matrix(verification.payload)
