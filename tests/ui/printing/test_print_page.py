"""Cetak: preview with Qt's PDF view, save, print (dialog monkeypatched), batch a unit."""

from __future__ import annotations

import io
import os
import stat
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from kinerja_desktop.demo import write_demo
from kinerja_desktop.reports.content import FormKind
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.ui.printing import pdf_printing
from kinerja_desktop.ui.printing.page import PrintPage

TODAY = date(2026, 11, 28)


@pytest.fixture
def page(services: AppServices, qtbot: QtBot) -> PrintPage:
    write_demo(services.database, employees=10, today=TODAY)
    widget = PrintPage(services.printing, services.staff, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.year.setValue(2026)
    widget.period.setCurrentIndex(widget.period.findData("TW3"))
    return widget


def choose_form(page: PrintPage, form: FormKind | None) -> None:
    page.form.setCurrentIndex(page.form.findData(form.value if form else None))


def test_preview_shows_the_form_in_the_pdf_view(page: PrintPage, tmp_path: Path) -> None:
    choose_form(page, FormKind.EVALUASI)
    assert page.preview()
    assert page.document.pageCount() >= 2
    assert "Kode verifikasi" in page.status.text()
    page.resize(1000, 700)
    page.grab().save(str(tmp_path / "cetak.png"))


def test_save_pdf_writes_the_previewed_document_and_records_it(
    page: PrintPage, services: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "evaluasi.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_args, **_kw: (str(target), "PDF (*.pdf)")
    )
    choose_form(page, FormKind.SKP)
    saved = page.save_pdf()
    assert saved == target
    text = PdfReader(io.BytesIO(target.read_bytes())).pages[0].extract_text()
    assert page._prepared is not None
    assert page._prepared.code in text
    assert services.printing.verify(page._prepared.code).matches


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_save_pdf_is_owner_only(
    page: PrintPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "skp.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    choose_form(page, FormKind.SKP)
    assert page.save_pdf() == target
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_save_pdf_that_cannot_be_written_names_the_file_and_records_nothing(
    page: PrintPage, services: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "skp.pdf"
    target.mkdir()  # a folder in the way
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    choose_form(page, FormKind.SKP)
    assert page.save_pdf() is None
    assert f"Berkas {target} tidak dapat ditulis" in page.error.text()
    assert list(tmp_path.glob(".skp.pdf.*")) == []
    assert page._prepared is not None
    assert not services.printing.verify(page._prepared.code).found


def test_print_goes_through_the_system_dialog(
    page: PrintPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "printer.pdf"

    class FakeDialog:
        def __init__(self, printer: QPrinter, _parent: Any) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(pdf_printing, "QPrintDialog", FakeDialog)
    monkeypatch.setattr(pdf_printing, "PRINT_DPI", 60)
    choose_form(page, FormKind.DOKUMEN)
    assert page.print_document()
    assert len(PdfReader(out).pages) == page.document.pageCount()


def test_a_cancelled_print_dialog_prints_nothing(
    page: PrintPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    class NoDialog:
        def __init__(self, *_args: Any) -> None:
            pass

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Rejected

    monkeypatch.setattr(pdf_printing, "QPrintDialog", NoDialog)
    choose_form(page, FormKind.SKP)
    assert not page.print_document()
    assert not page._recorded


def test_a_form_without_data_says_why(page: PrintPage) -> None:
    page.year.setValue(2031)
    choose_form(page, FormKind.SKP)
    assert not page.preview()
    assert "SKP tahun 2031" in page.error.text()


def test_batch_prints_a_unit_in_the_background(
    page: PrintPage, qtbot: QtBot, tmp_path: Path
) -> None:
    choose_form(page, FormKind.EVALUASI)
    page.unit.setCurrentIndex(0)  # the instansi: everyone
    assert page.start_batch(tmp_path / "unit")
    assert page.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: page.last_batch is not None, timeout=30_000)
    assert page.last_batch is not None
    assert len(page.last_batch.written) == 10
    assert page.progress.value() == page.progress.maximum()
    assert page.batch_button.isEnabled()
    assert "10 berkas ditulis" in page.status.text()


def test_batch_merged_into_one_file(page: PrintPage, qtbot: QtBot, tmp_path: Path) -> None:
    choose_form(page, FormKind.DOKUMEN)
    page.merge.setChecked(True)
    assert page.start_batch(tmp_path)
    qtbot.waitUntil(lambda: page.last_batch is not None, timeout=30_000)
    assert page.last_batch is not None
    (merged,) = page.last_batch.written
    assert len(PdfReader(merged).pages) >= 10


def test_cancel_stops_the_batch(
    page: PrintPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = page._printing.render

    def slow_render(*args: Any, **kwargs: Any) -> bytes:
        page._cancel.set()  # the user presses Batal while the first one renders
        return original(*args, **kwargs)

    monkeypatch.setattr(page._printing, "render", slow_render)
    choose_form(page, None)  # every form
    assert page.start_batch(tmp_path / "batal")
    qtbot.waitUntil(lambda: page.last_batch is not None, timeout=30_000)
    assert page.last_batch is not None and page.last_batch.cancelled
    assert len(page.last_batch.written) == 1
    assert "Dibatalkan" in page.status.text()


def test_the_person_picker_filters_by_name_or_nip(page: PrintPage, qtbot: QtBot) -> None:
    people = [page.person.itemText(row) for row in range(page.person.count())]
    wanted = people[-1]
    nip = wanted.rpartition(" (")[2].rstrip(")")
    line = page.person.lineEdit()
    assert line is not None
    completer = page.person.completer()
    for typed in (nip[-8:], wanted.split()[0].lower()):
        line.clear()
        qtbot.keyClicks(line, typed)
        completer.setCompletionPrefix(typed)  # what typing sets; the popup needs a screen
        matches = [
            completer.completionModel().index(row, 0).data()
            for row in range(completer.completionCount())
        ]
        assert wanted in matches
        assert all(typed.lower() in match.lower() for match in matches)
    # Choosing from the list as a user does: Down into the popup, Enter.
    popup = completer.popup()
    row = matches.index(wanted)
    popup.setCurrentIndex(completer.completionModel().index(row, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert page.person.currentText() == wanted
    assert page.person_in_front() is not None
    assert page.person.itemText(page.person.currentIndex()) == wanted


def test_typed_text_that_names_nobody_prints_nobody(page: PrintPage, qtbot: QtBot) -> None:
    choose_form(page, FormKind.SKP)
    line = page.person.lineEdit()
    assert line is not None
    line.setText("tidak ada orang ini")
    assert not page.preview()
    assert "pilih salah satu nama dari daftar" in page.error.text()


def test_after_a_batch_buka_folder_opens_it(
    services: AppServices, qtbot: QtBot, tmp_path: Path
) -> None:
    write_demo(services.database, employees=10, today=TODAY)
    opened: list[str] = []
    page = PrintPage(
        services.printing,
        services.staff,
        today=lambda: TODAY,
        open_url=lambda url: opened.append(url.toLocalFile()),
    )
    qtbot.addWidget(page)
    page.show()
    page.year.setValue(2026)
    page.period.setCurrentIndex(page.period.findData("TW3"))
    choose_form(page, FormKind.SKP)
    assert page.open_folder_button.isHidden()
    folder = tmp_path / "hasil"
    assert page.start_batch(folder)
    qtbot.waitUntil(lambda: page.last_batch is not None, timeout=30_000)
    assert page.open_folder_button.isVisible()
    page.open_folder_button.click()
    assert opened == [str(folder)]
