"""Sending a rendered PDF to a printer the user picks in the system dialog (Qt's PDF module)."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from kinerja_desktop.reports.paper import Paper

#: Dots per inch for the system printer: sharp text without page images of hundreds of MB.
PRINT_DPI = 300


def page_size(paper: Paper) -> QPageSize:
    if paper is Paper.A4:
        return QPageSize(QPageSize.PageSizeId.A4)
    return QPageSize(QSizeF(215, 330), QPageSize.Unit.Millimeter, "F4")


def choose_printer(parent: QWidget, paper: Paper, *, landscape: bool) -> QPrinter | None:
    """The printer chosen in the system dialog, set up for the paper; None when cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(PRINT_DPI)
    printer.setPageLayout(
        QPageLayout(
            page_size(paper),
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    printer.setFullPage(True)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def paint_pages(printer: QPrinter, document: QPdfDocument) -> bool:
    """Draw every page of ``document`` on ``printer``; False when the printer cannot be used."""
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            target = painter.viewport()
            image = document.render(page, target.size())
            painter.drawImage(target, image)
    finally:
        painter.end()
    return True
