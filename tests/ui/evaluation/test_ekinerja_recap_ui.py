"""Sebaran's "Bandingkan dengan rekap e-Kinerja…": the comparison read off the GUI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from ekinerja_recap_files import write_recap
from progress_office import TODAY, Office, progress_office
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kinerja_desktop.data.behaviour_models import PredikatRow
from kinerja_desktop.data.repositories.skp import skp_for
from kinerja_desktop.ui.evaluation.distribution_page import DistributionPage
from kinerja_desktop.ui.evaluation.ekinerja_recap_dialog import (
    RecapComparisonDialog,
    compare_in_background,
)

__all__ = ["progress_office"]

RIZKY, DEWI = "198906152014031001", "199202282019032014"


def decide_rizky(office: Office) -> None:
    with office.services.database.transaction() as session:
        skp = skp_for(session, office.rizky, 2026)
        assert skp is not None
        session.add(
            PredikatRow(
                skp_id=skp.id,
                period_code="AKHIR",
                hasil="SESUAI",
                perilaku="SESUAI",
                computed="BAIK",
                final="BAIK",
                override_reason="",
                decided_on=date(2026, 12, 20),
            )
        )


def test_the_comparison_opens_on_the_differences_and_filters(
    progress_office: Office, qtbot: QtBot, tmp_path: Path
) -> None:
    office = progress_office
    decide_rizky(office)
    recap = write_recap(
        tmp_path / "rekap.xlsx",
        [
            (RIZKY, "Rizky Pratama", "false", "2026-12-31", "Sangat Baik"),
            (DEWI, "Dewi Lestari", "true", "2026-12-31", "Baik"),
            (1.98501012010011e17, "Angka", "false", "2026-12-31", "Baik"),
        ],
    )
    page = DistributionPage(
        office.services.distribution, office.services.staff, today=lambda: TODAY
    )
    qtbot.addWidget(page)
    opened: list[RecapComparisonDialog] = []

    compare_in_background(
        office.services.distribution.ekinerja_recap,
        recap,
        page.year.value(),
        page,
        page.recap_button,
        shown=opened.append,
    )
    assert not page.recap_button.isEnabled()  # busy while it reads
    qtbot.waitUntil(lambda: bool(opened))

    dialog = opened[0]
    qtbot.addWidget(dialog)
    assert page.recap_button.isEnabled()
    assert dialog.filter.currentText() == "Berbeda"
    assert dialog.shown() == [
        ["Berbeda", "Rizky Pratama", RIZKY, "Baik (Akhir)", "Sangat Baik", "5"],
    ]
    assert "1 berbeda" in dialog.summary.text() and "Tidak ada data" in dialog.summary.text()
    dialog.filter.setCurrentIndex(dialog.filter.findText("Plt/Plh (disisihkan)"))
    assert [row[:3] for row in dialog.shown()] == [["Plt/Plh", "Dewi Lestari", DEWI]]
    dialog.filter.setCurrentIndex(dialog.filter.findText("Baris bermasalah"))
    (problem,) = dialog.shown()
    assert problem[5].startswith("Baris 7, kolom 'nip': NIP tersimpan sebagai angka")
    dialog.filter.setCurrentIndex(dialog.filter.findText("Semua"))
    dialog.search.setText("ahmad")
    assert [row[1] for row in dialog.shown()] == ["Ahmad Fauzi"]


def test_a_file_that_cannot_be_read_is_told_in_indonesian(
    progress_office: Office, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = progress_office
    bad = tmp_path / "rekap.xlsx"
    bad.write_bytes(b"bukan excel")
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: errors.append(text))
    page = DistributionPage(
        office.services.distribution, office.services.staff, today=lambda: TODAY
    )
    qtbot.addWidget(page)

    compare_in_background(
        office.services.distribution.ekinerja_recap,
        bad,
        2026,
        page,
        page.recap_button,
        shown=lambda _dialog: pytest.fail("no dialog for a bad file"),
    )
    qtbot.waitUntil(lambda: bool(errors))

    assert "bukan berkas Excel .xlsx yang sah" in errors[0]
    assert page.recap_button.isEnabled()
