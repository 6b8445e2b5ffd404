"""Terima Paket Unit: opened from Sebaran, takes a folder of real packages in the background."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from handover_helpers import content_of
from handover_office import demo_template, source, target
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from kinerja_desktop.domain.access import Permissions, Principal, Role
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.ui.evaluation.distribution_page import DistributionPage

__all__ = ["demo_template", "source", "target"]

TODAY = date(2026, 11, 28)


def test_sebaran_opens_the_intake_which_shows_each_package_and_saves_the_report(
    qtbot: QtBot,
    source: AppServices,
    target: AppServices,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inbox = tmp_path / "masuk"
    inbox.mkdir()
    source.handover.export(inbox / "kertapati.zip")
    (inbox / "rusak.zip").write_bytes(b"bukan zip")
    page = DistributionPage(
        target.distribution, target.staff, today=lambda: TODAY, intake=lambda: target.hub_intake
    )
    qtbot.addWidget(page)
    assert page.intake_button is not None and page.intake_button.isEnabled()

    dialog = page.open_intake()
    assert dialog is not None and not dialog.receive_button.isEnabled()
    dialog.folder.setText(str(inbox))
    dialog.receive_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy and dialog.report is not None, timeout=60_000)

    rows = [
        [dialog.table.item(row, column).text() for column in (1, 2, 3)]
        for row in range(dialog.table.rowCount())
    ]
    assert rows == [["kertapati.zip", "1", "diterima"], ["rusak.zip", "", "ditolak"]]
    assert "2 paket" in dialog.summary.text() and "1 diterima" in dialog.summary.text()
    assert content_of(target) == content_of(source)

    report = tmp_path / "laporan.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(report), ""))
    dialog.save_button.click()
    sheet = load_workbook(report).active
    assert sheet is not None and sheet.max_row == 3


def test_a_missing_folder_is_said_in_the_dialog(
    qtbot: QtBot, target: AppServices, tmp_path: Path
) -> None:
    page = DistributionPage(
        target.distribution, target.staff, today=lambda: TODAY, intake=lambda: target.hub_intake
    )
    qtbot.addWidget(page)
    dialog = page.open_intake()
    assert dialog is not None
    dialog.folder.setText(str(tmp_path / "tidak-ada"))
    dialog.receive_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy, timeout=60_000)

    assert "Folder penerimaan tidak ditemukan" in dialog.error.text()
    assert dialog.error.isVisibleTo(dialog) and dialog.report is None


def test_only_the_admin_may_take_packages(qtbot: QtBot, target: AppServices) -> None:
    head = Principal("camat", "Camat", Role.KEPALA_UNIT, employee_id=1)
    page = DistributionPage(
        target.distribution,
        target.staff,
        today=lambda: TODAY,
        permissions=Permissions(head, None),
        intake=lambda: target.hub_intake,
    )
    qtbot.addWidget(page)

    assert page.intake_button is not None and not page.intake_button.isEnabled()
    assert page.intake_button.toolTip().startswith("Hanya admin yang dapat")
