"""Pengaturan's hand-over section with numbered packages: a package of changes, and an import
of a package taken already or out of order, with real packages and real widgets."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from kinerja_desktop.domain.handover_merge import MergePlan
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.handover import ImportPreview, Manifest
from kinerja_desktop.services.handover.package import read_package
from kinerja_desktop.ui.handover.dialog import HandoverPreviewDialog
from kinerja_desktop.ui.handover.section import HandoverSection

TODAY = date(2026, 11, 28)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    return shown


def _section(qtbot: QtBot, services: AppServices) -> HandoverSection:
    section = HandoverSection(services.handover, today=lambda: TODAY)
    qtbot.addWidget(section)
    section.year.setValue(section.year.minimum())  # every year, as the whole office
    return section


def _wait(qtbot: QtBot, section: HandoverSection) -> None:
    qtbot.waitUntil(lambda: not section.is_busy, timeout=60_000)


def test_the_box_writes_only_what_changed_since_the_last_package(
    qtbot: QtBot,
    source: AppServices,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
) -> None:
    source.handover.export(tmp_path / "1.zip")
    with sqlite3.connect(source.database_path) as raw:
        raw.execute("UPDATE employees SET name = 'Nama Baru' WHERE id = 5")
    section = _section(qtbot, source)
    target = tmp_path / "2.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    section.since_last.setChecked(True)
    section.export_button.click()
    _wait(qtbot, section)

    package = read_package(target)
    assert (package.manifest.sequence, package.manifest.since) == (2, 1)
    assert len(package.aggregates) == 1
    assert "Paket nomor 2: hanya catatan yang baru atau berubah" in messages[-1]


def test_a_package_taken_already_or_out_of_order_is_said_without_the_preview(
    qtbot: QtBot,
    source: AppServices,
    target: AppServices,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[str],
) -> None:
    older, newer = tmp_path / "1.zip", tmp_path / "2.zip"
    source.handover.export(older)
    source.handover.export(newer)
    target.handover.apply(newer)
    section = _section(qtbot, target)

    for package in (newer, older):
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, p=package, **k: (str(p), ""))
        section.import_button.click()
        _wait(qtbot, section)

    assert "sudah diterima" in messages[0]
    assert "Paket lama: paket nomor 1" in messages[1]


def test_the_preview_names_the_number_and_what_was_left_to_decide(qtbot: QtBot) -> None:
    manifest = Manifest(
        app_version="test",
        schema_revision="0019",
        source_file="kertapati.sqlite",
        exported_at="2026-11-28T09:00:00+07:00",
        scope_unit=("Kota", "Kecamatan Kertapati"),
        scope_year=2026,
        public_key=bytes(32),
        members=(),
        missing_evidence=(),
        format_version=3,
        sequence=4,
        since=3,
    )
    preview = ImportPreview(manifest, MergePlan((), (), ()), undecided_before=2)
    dialog = HandoverPreviewDialog(preview)
    qtbot.addWidget(dialog)

    text = dialog.header.text()
    assert "paket nomor 4 (perubahan sejak nomor 3)" in text
    assert "2 catatan yang tersegel atau disetujui di sini" in text
