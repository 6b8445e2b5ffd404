"""Progres Harian's "Ekspor e-Kinerja…": the dialog driven with qtbot, the workbook read back."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from progress_office import TODAY, Office, entry
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kinerja_desktop.ui.progress.ekinerja_dialog import EkinerjaExportDialog
from kinerja_desktop.ui.progress.page import ProgressPage


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the dialog told the user (the message box is not shown)."""
    messages: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text: messages.append(text)
    )
    return messages


def rows_of(path: Path) -> list[tuple[object, ...]]:
    workbook = load_workbook(path, read_only=True)
    try:
        return [tuple(row) for row in workbook.active.iter_rows(min_row=2, values_only=True)]
    finally:
        workbook.close()


def test_the_page_opens_the_dialog_for_the_person_shown(
    progress_office: Office, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = progress_office
    page = ProgressPage(
        office.services.progress,
        office.services.calendar,
        office.services.staff,
        today=lambda: TODAY,
    )
    qtbot.addWidget(page)
    page.open_person(office.dewi)
    opened: list[EkinerjaExportDialog] = []
    monkeypatch.setattr(EkinerjaExportDialog, "exec", lambda self: opened.append(self) or 0)

    assert page.cornerWidget() is page.ekinerja_button
    page.show()
    qtbot.mouseClick(page.ekinerja_button, Qt.MouseButton.LeftButton)

    (dialog,) = opened
    assert dialog.by_person.isChecked() and dialog.person.employee_id == office.dewi
    assert (dialog.month.currentData(), dialog.year.value()) == (3, 2026)
    assert dialog.suggested_name() == "progres-harian-Dewi-Lestari-2026-03.xlsx"


def test_a_units_month_is_saved_in_the_forms_order(
    progress_office: Office, qtbot: QtBot, tmp_path: Path, told: list[str]
) -> None:
    office = progress_office
    office.services.progress.add(office.rizky, entry(office.rizky_rhks[0], date(2026, 3, 2)))
    office.services.progress.add(office.dewi, entry(office.dewi_rhks[1], date(2026, 3, 3)))
    dialog = EkinerjaExportDialog(
        office.services.progress, office.services.staff, today=lambda: TODAY
    )
    qtbot.addWidget(dialog)
    assert dialog.by_unit.isChecked() and not dialog.person.isEnabled()
    dialog.unit.setCurrentIndex(dialog.unit.findData(office.seksi))
    target = tmp_path / "seksi.xlsx"

    assert dialog.save_to(target)

    rows = rows_of(target)
    assert [(row[0], row[2], row[3]) for row in rows] == [
        ("198906152014031001", "Terlayaninya administrasi kependudukan", datetime(2026, 3, 2)),
        ("199202282019032014", "Tersusunnya laporan bulanan", datetime(2026, 3, 3)),
    ]
    assert told and "2 progres harian Seksi Pelayanan (3 pegawai)" in told[0]
    assert dialog.written is not None and dialog.written.rows == 2


def test_without_a_person_chosen_the_dialog_says_so_and_writes_nothing(
    progress_office: Office, qtbot: QtBot, tmp_path: Path, told: list[str]
) -> None:
    office = progress_office
    dialog = EkinerjaExportDialog(
        office.services.progress, office.services.staff, today=lambda: TODAY
    )
    qtbot.addWidget(dialog)
    dialog.by_person.setChecked(True)
    dialog.person.setText("tidak ada orang ini")
    target = tmp_path / "x.xlsx"

    assert not dialog.save_to(target)

    assert not target.exists() and told == []
    assert "Pilih pegawai dari daftar" in dialog.error.text()
    assert not dialog.error.isHidden()
