"""Pengaturan › Cadangan, and the warning banner of the main window."""

from __future__ import annotations

import dataclasses
import os
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.staff.service import StaffInput
from kinerja_desktop.ui.application import configure_application
from kinerja_desktop.ui.main_window import PENGATURAN, MainWindow
from kinerja_desktop.ui.settings.page import SettingsPage

#: The day the screens take as today.
TODAY = date(2026, 11, 28)

MORNING = datetime(2026, 11, 27, 8, 15)


@pytest.fixture
def page(office: AppServices, qtbot) -> SettingsPage:
    office.backups.automatic_backup(MORNING)
    settings = SettingsPage(office.staff, backups=office.backups, today=lambda: TODAY)
    qtbot.addWidget(settings)
    return settings


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    said: dict[str, list[str]] = {"information": [], "critical": [], "question": []}

    def record(kind: str, answer: object = None):
        def show(_parent: object, _title: str, text: str, *_args: object) -> object:
            said[kind].append(text)
            return answer

        return show

    monkeypatch.setattr(QMessageBox, "information", record("information"))
    monkeypatch.setattr(QMessageBox, "critical", record("critical"))
    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Yes))
    return said


def table_rows(page: SettingsPage) -> list[list[str]]:
    section = page.backup_section
    assert section is not None
    table = section.table
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def add_person(office: AppServices) -> None:
    unit = office.staff.units()[-1]
    office.staff.create(
        StaffInput(
            StaffFields("198501012010011001", "Orang Baru", "PNS", "III/a", "Staf", "Pelaksana"),
            unit.id,
            None,
        )
    )


def test_the_list_shows_date_kind_and_size(page: SettingsPage) -> None:
    [[when, kind, size]] = table_rows(page)
    assert (when, kind) == ("27 November 2026 pukul 08.15", "Otomatis harian")
    assert size.endswith("KB")


def test_back_up_to_a_chosen_folder(
    page: SettingsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages
) -> None:
    stick = tmp_path / "flashdisk"
    stick.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))
    assert page.backup_section is not None
    page.backup_section.backup_button.click()
    [made] = stick.iterdir()
    assert made.name.startswith("kantor_manual_")
    assert str(made) in messages["information"][0]


def test_restore_shows_the_preview_asks_and_restores(
    page: SettingsPage, office: AppServices, qtbot, messages
) -> None:
    add_person(office)
    assert office.staff.count() == 6
    section = page.backup_section
    assert section is not None
    section.table.selectRow(0)

    with qtbot.waitSignal(section.restored, timeout=2000):
        section.restore_selected_button.click()

    [question] = messages["question"]
    assert "Dibuat: 27 November 2026 pukul 08.15" in question
    assert "Isi: 5 pegawai, 0 SKP, 0 predikat kinerja" in question
    assert "dicadangkan dulu" in question
    assert office.staff.count() == 5
    assert [row[1] for row in table_rows(page)] == ["Sebelum pemulihan", "Otomatis harian"]
    assert "Data sebelum pemulihan disimpan di" in messages["information"][0]


def test_restore_declined_changes_nothing(
    page: SettingsPage, office: AppServices, monkeypatch: pytest.MonkeyPatch, messages
) -> None:
    add_person(office)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    section = page.backup_section
    assert section is not None
    section.table.selectRow(0)
    section.restore_selected_button.click()
    assert office.staff.count() == 6
    assert len(table_rows(page)) == 1


def test_a_damaged_backup_file_is_refused_with_a_message(
    page: SettingsPage, office: AppServices, tmp_path: Path, monkeypatch, messages
) -> None:
    bad = tmp_path / "rusak.sqlite"
    bad.write_bytes(os.urandom(4096))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    section = page.backup_section
    assert section is not None
    section.restore_button.click()
    assert "tidak dapat dipulihkan" in messages["critical"][0]
    assert messages["question"] == []
    assert office.staff.count() == 5


def test_the_main_window_shows_warnings_in_a_banner(office: AppServices, qtbot, qapp) -> None:
    configure_application(qapp)
    warned = dataclasses.replace(office, warnings=("Berkas ini ada di folder jaringan.",))
    window = MainWindow(warned, today=lambda: TODAY)
    qtbot.addWidget(window)
    banner = window.findChild(QLabel, "warning_banner")
    assert banner is not None
    assert banner.text() == "Berkas ini ada di folder jaringan."
    window.go(PENGATURAN)  # the page is built with its backup section
    assert window.findChild(QLabel, "warning_banner") is banner
    plain = MainWindow(office, today=lambda: TODAY)
    qtbot.addWidget(plain)
    assert plain.findChild(QLabel, "warning_banner") is None
