"""Every page's footer: "Halaman x dari y" and the verification stamp (short code and QR).

The page count is known only at the end, so the canvas keeps each page's drawing state and
draws the footers when the document is saved (the usual two-pass NumberedCanvas).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop.domain.paper_seal import PaperSeal
from kinerja_desktop.reports.fonts import FAMILY
from kinerja_desktop.reports.qr import qr_modules
from kinerja_desktop.reports.styles import MARGIN
from kinerja_desktop.reports.text import normal

#: 20 mm: a signed payload is a version 8 code (49 modules + quiet zone), 0.35 mm a module.
QR_SIZE = 20 * mm


@dataclass(frozen=True)
class Verification:
    """What identifies a printed sheet: its code, its content's digest, and their signature.

    ``signature`` is the installation key's signature of the code and digest and
    ``key_fingerprint`` that key's fingerprint; both are empty on an unsigned sheet.
    """

    code: str
    digest: str
    signature: bytes = b""
    key_fingerprint: str = ""

    @property
    def payload(self) -> str:
        """What the QR code holds (:mod:`kinerja_desktop.domain.paper_seal`)."""
        return PaperSeal(self.code, self.digest, self.signature).payload

    @property
    def caption(self) -> str:
        return f"Kode verifikasi: {self.code} · sidik {self.digest[:12]}"

    @property
    def signer_line(self) -> str:
        """Which installation key signed the sheet, for comparing with its public key."""
        if not (self.signature and self.key_fingerprint):
            return ""
        return f"Ditandatangani secara elektronik, kunci {self.key_fingerprint}"


#: Light modules around the code: the four the QR standard asks, or scanners miss it.
QUIET_ZONE = 4
QR_FORM = "kinerja-qr"
#: A module as a character of its row's text, and a run of dark modules in that text.
_BIT = {False: "0", True: "1"}
_DARK_RUN = re.compile("1+")


def _draw_qr(canvas: Canvas, modules: list[list[bool]], x: float, y: float) -> None:
    """One filled path of the dark runs of each row, in module units: small, fast, exact.

    The path is written as PDF operators with whole numbers (one "re" per run) inside a
    scaled coordinate system: formatting thousands of coordinates through reportlab's path
    objects was a fifth of a form's rendering time. A row's runs are found as runs of "1" in
    its text of ones and zeros (a regular expression instead of a Python loop per module).
    """
    count = len(modules) + 2 * QUIET_ZONE
    runs: list[str] = []
    for row, line in enumerate(modules):
        bottom = count - QUIET_ZONE - 1 - row
        bits = "".join(map(_BIT.__getitem__, line))
        for run in _DARK_RUN.finditer(bits):
            start, end = run.span()
            runs.append(f"{QUIET_ZONE + start} {bottom} {end - start} 1 re")
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(QR_SIZE / count, QR_SIZE / count)
    canvas.addLiteral("\n".join([*runs, "f"]))
    canvas.restoreState()


def numbered_canvas(verification: Verification | None, footer_text: str) -> type[Canvas]:
    """A canvas class that ends every page with its footer and "Halaman x dari y"."""
    modules = qr_modules(verification.payload) if verification else None
    footer = normal(footer_text)

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type stubs
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            if modules is not None:
                # Drawn once as a form object, placed on every page.
                self.beginForm(QR_FORM)
                _draw_qr(self, modules, 0, 0)
                self.endForm()
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _footer(self, total: int) -> None:
            width, _height = self._pagesize
            self.saveState()
            self.setFont(FAMILY, 7.5)
            baseline = MARGIN * 0.6
            self.drawRightString(
                width - MARGIN, baseline, f"Halaman {self._pageNumber} dari {total}"
            )
            left = MARGIN
            if modules is not None and verification is not None:
                self.saveState()
                self.translate(MARGIN, baseline - 2 * mm)
                self.doForm(QR_FORM)
                self.restoreState()
                left = MARGIN + QR_SIZE + 2 * mm
                self.drawString(left, baseline + 9 * mm, verification.caption)
                if verification.signer_line:
                    self.drawString(left, baseline + 5 * mm, verification.signer_line)
            if footer:
                self.drawString(left, baseline, footer)
            self.restoreState()

    return NumberedCanvas
