"""Every page's footer: "Halaman x dari y" and the verification stamp (short code and QR).

The page count is known only at the end, so the canvas keeps each page's drawing state and
draws the footers when the document is saved (the usual two-pass NumberedCanvas).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kinerja_desktop.reports.fonts import FAMILY
from kinerja_desktop.reports.styles import MARGIN
from kinerja_desktop.reports.text import normal

QR_SIZE = 15 * mm


@dataclass(frozen=True)
class Verification:
    """What identifies a printed sheet: its short code and the digest of its content."""

    code: str
    digest: str

    @property
    def payload(self) -> str:
        """What the QR code holds; `kinerja-desktop verify CODE` checks it."""
        return f"KINERJA-DESKTOP|{self.code}|{self.digest}"

    @property
    def caption(self) -> str:
        return f"Kode verifikasi: {self.code} · sidik {self.digest[:12]}"


def _qr_drawing(payload: str) -> Drawing:
    widget = QrCodeWidget(payload, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(
        QR_SIZE, QR_SIZE, transform=[QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0]
    )
    drawing.add(widget)
    return drawing


def numbered_canvas(verification: Verification | None, footer_text: str) -> type[Canvas]:
    """A canvas class that ends every page with its footer and "Halaman x dari y"."""
    qr = _qr_drawing(verification.payload) if verification else None
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
            if qr is not None and verification is not None:
                renderPDF.draw(qr, self, MARGIN, baseline - 2 * mm)
                left = MARGIN + QR_SIZE + 2 * mm
                self.drawString(left, baseline + 6 * mm, verification.caption)
            if footer:
                self.drawString(left, baseline, footer)
            self.restoreState()

    return NumberedCanvas
