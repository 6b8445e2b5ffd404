"""The hand-over section of Pengaturan and the import preview, with real widgets offscreen."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date
from pathlib import Path

import pytest
from handover_helpers import content_of, dump
from handover_office import export_again
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from kinerja_desktop.domain.handover_merge import Choice
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.handover import ExportResult
from kinerja_desktop.ui.handover import section as handover_section
from kinerja_desktop.ui.handover.dialog import HandoverPreviewDialog
from kinerja_desktop.ui.handover.section import HandoverSection
from kinerja_desktop.ui.settings.page import SettingsPage

#: The day the screens take as today.
TODAY = date(2026, 11, 28)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    return shown


def _save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def _open(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def _finished(qtbot: QtBot, section: HandoverSection) -> None:
    """Wait for the background work the click started (export, check, import)."""
    qtbot.waitUntil(lambda: not section.is_busy, timeout=60_000)


def test_settings_page_shows_the_section(qtbot: QtBot, source: AppServices) -> None:
    page = SettingsPage(source.staff, handover=source.handover, today=lambda: TODAY)
    qtbot.addWidget(page)
    assert isinstance(page.handover, HandoverSection)
    assert page.handover.unit.count() == len(source.handover.unit_paths()) + 1


def test_export_a_unit_year_package(
    qtbot: QtBot,
    source: AppServices,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
) -> None:
    section = HandoverSection(source.handover, today=lambda: TODAY)
    qtbot.addWidget(section)
    section.unit.setCurrentIndex(
        section.unit.findText("Seksi Pemerintahan", Qt.MatchFlag.MatchEndsWith)
    )
    section.year.setValue(2026)
    target = tmp_path / "seksi.zip"
    _save_to(monkeypatch, target)

    section.export_button.click()
    _finished(qtbot, section)

    assert target.exists()
    assert "Paket serah terima ditulis" in messages[-1]
    manifest = source.handover.preview(target).manifest
    assert manifest.scope_year == 2026 and manifest.scope_unit is not None
    assert manifest.scope_unit[-1] == "Seksi Pemerintahan"


def test_export_the_ekinerja_workbook(
    qtbot: QtBot,
    source: AppServices,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
) -> None:
    section = HandoverSection(source.handover, today=lambda: TODAY)
    qtbot.addWidget(section)
    section.year.setValue(2026)
    target = tmp_path / "ekinerja.xlsx"
    _save_to(monkeypatch, target)

    section.ekinerja_button.click()
    _finished(qtbot, section)

    assert target.exists() and "baris ditulis" in messages[-1]


@pytest.fixture
def conflicting(target: AppServices, source: AppServices, tmp_path: Path) -> Path:
    """The office's next package, after which the receiving office changed a name."""
    package = tmp_path / "paket.zip"
    source.handover.export(package)
    target.handover.apply(package)
    with sqlite3.connect(target.database_path) as raw:
        raw.execute("UPDATE employees SET name = 'Nama Diubah' WHERE id = 3")
    return export_again(source, tmp_path / "paket-2.zip")


def test_the_preview_shows_counts_and_the_conflict_side_by_side(
    qtbot: QtBot, target: AppServices, conflicting: Path
) -> None:
    dialog = HandoverPreviewDialog(target.handover.preview(conflicting))
    qtbot.addWidget(dialog)

    assert dialog.counts.rowCount() >= 10
    assert dialog.conflict_table.rowCount() == 1
    assert dialog.diff_table.rowCount() == 1
    row = [dialog.diff_table.item(0, column).text() for column in range(3)]
    assert row[0] == "name" and row[1] == "Nama Diubah" and row[2] != "Nama Diubah"
    assert not dialog.import_button.isEnabled()

    dialog.choose(0, Choice.TAKE_THEIRS)

    assert dialog.import_button.isEnabled()
    assert list(dialog.choices().values()) == [Choice.TAKE_THEIRS]


@pytest.mark.parametrize("choice", list(Choice))
def test_import_applies_the_choice(
    qtbot: QtBot,
    source: AppServices,
    target: AppServices,
    conflicting: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
    choice: Choice,
) -> None:
    section = HandoverSection(target.handover, today=lambda: TODAY)
    qtbot.addWidget(section)
    _open(monkeypatch, conflicting)

    def decide(dialog: HandoverPreviewDialog) -> int:
        dialog.choose_all(choice)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(handover_section.HandoverPreviewDialog, "exec", decide)
    changed = content_of(target)

    with qtbot.waitSignal(section.data_changed):
        section.import_button.click()

    assert "Diimpor" in messages[-1]
    expected = changed if choice is Choice.KEEP_OURS else content_of(source)
    assert content_of(target) == expected


def test_a_refused_package_is_explained_and_nothing_written(
    qtbot: QtBot,
    target: AppServices,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
) -> None:
    section = HandoverSection(target.handover, today=lambda: TODAY)
    qtbot.addWidget(section)
    junk = tmp_path / "rusak.zip"
    junk.write_bytes(b"bukan paket")
    _open(monkeypatch, junk)
    monkeypatch.setattr(
        handover_section.HandoverPreviewDialog, "exec", lambda _self: pytest.fail("no preview")
    )
    before = dump(target.database_path)

    section.import_button.click()
    _finished(qtbot, section)

    assert "bukan paket serah terima" in messages[-1]
    assert dump(target.database_path) == before


def test_cancelling_the_preview_writes_nothing(
    qtbot: QtBot, target: AppServices, conflicting: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = HandoverSection(target.handover, today=lambda: TODAY)
    qtbot.addWidget(section)
    _open(monkeypatch, conflicting)
    monkeypatch.setattr(
        handover_section.HandoverPreviewDialog,
        "exec",
        lambda _self: QDialog.DialogCode.Rejected.value,
    )
    before = dump(target.database_path)

    section.import_button.click()
    _finished(qtbot, section)

    assert dump(target.database_path) == before


def test_work_runs_in_the_background_with_the_buttons_waiting(
    qtbot: QtBot,
    source: AppServices,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
) -> None:
    section = HandoverSection(source.handover, today=lambda: TODAY)
    qtbot.addWidget(section)
    section.show()
    release = threading.Event()
    real_export = source.handover.export
    worker: list[str] = []

    def slow_export(path: Path, **scope: object) -> ExportResult:
        worker.append(threading.current_thread().name)
        assert release.wait(30)
        return real_export(path, **scope)  # type: ignore[arg-type]

    monkeypatch.setattr(source.handover, "export", slow_export)
    _save_to(monkeypatch, tmp_path / "paket.zip")

    section.export_button.click()
    qtbot.waitUntil(lambda: bool(worker))

    assert section.is_busy and section.busy_bar.isVisible()
    assert "Menulis paket" in section.busy_text.text()
    assert not any(
        widget.isEnabled()
        for widget in (section.export_button, section.import_button, section.ekinerja_button)
    )
    assert worker[0] != threading.main_thread().name
    qtbot.wait(50)  # the window keeps handling events meanwhile
    assert not messages

    release.set()
    _finished(qtbot, section)

    assert section.export_button.isEnabled() and not section.busy_bar.isVisible()
    assert "Paket serah terima ditulis" in messages[-1]


def test_an_unexpected_failure_is_told_in_words_and_the_buttons_come_back(
    qtbot: QtBot,
    target: AppServices,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
) -> None:
    section = HandoverSection(target.handover, today=lambda: TODAY)
    qtbot.addWidget(section)

    def broken(_path: Path) -> None:
        raise OSError("disk hilang")

    monkeypatch.setattr(target.handover, "preview", broken)
    _open(monkeypatch, tmp_path / "paket.zip")

    section.import_button.click()
    _finished(qtbot, section)

    assert "kesalahan yang tidak terduga (OSError)" in messages[-1]
    assert "Traceback" not in messages[-1]
    assert section.import_button.isEnabled()


def test_the_preview_refuses_a_choice_that_closes_a_loop_of_penilai(
    qtbot: QtBot, source: AppServices, target: AppServices, tmp_path: Path
) -> None:
    package = tmp_path / "paket.zip"
    source.handover.export(package)
    target.handover.apply(package)
    with sqlite3.connect(target.database_path) as raw:  # the head put under his staff here
        head, staff = raw.execute(
            "SELECT h.id, s.id FROM employees s JOIN employees h ON h.id = s.penilai_id "
            "WHERE h.penilai_id IS NULL ORDER BY s.id LIMIT 1"
        ).fetchone()
        raw.execute("UPDATE employees SET penilai_id = NULL WHERE id = ?", (staff,))
        raw.execute(
            "UPDATE employees SET penilai_id = ?, penilai_official_id = NULL WHERE id = ?",
            (staff, head),
        )
        names = dict(
            raw.execute("SELECT id, name FROM employees WHERE id IN (?, ?)", (head, staff))
        )
    dialog = HandoverPreviewDialog(target.handover.preview(package))
    qtbot.addWidget(dialog)
    rows = {dialog.conflict_table.item(row, 0).text(): row for row in range(2)}
    [head_row] = [row for label, row in rows.items() if label.startswith(names[head])]
    [staff_row] = [row for label, row in rows.items() if label.startswith(names[staff])]

    dialog.choose(head_row, Choice.KEEP_OURS)
    dialog.choose(staff_row, Choice.TAKE_THEIRS)

    assert dialog.choices() == {dialog._conflicts[head_row].ref: Choice.KEEP_OURS}
    assert "lingkaran penilai" in dialog.status.text()
    assert names[head] in dialog.status.text() and names[staff] in dialog.status.text()
    assert not dialog.import_button.isEnabled()

    dialog.choose(head_row, Choice.TAKE_THEIRS)
    dialog.choose(staff_row, Choice.TAKE_THEIRS)

    assert len(dialog.choices()) == 2 and dialog.import_button.isEnabled()
    assert "lingkaran" not in dialog.status.text()
