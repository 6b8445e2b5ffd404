"""The dialogue panel: record the result, an objection, and see the deadline."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from kinerja_desktop.domain.skp import Pendekatan
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.evaluation.dialogue import DialogueService
from kinerja_desktop.ui.evaluation.dialogue_panel import DialoguePanel

YEAR = 2026


def _panel(qtbot: QtBot, office: AppServices) -> DialoguePanel:
    dewi = office.staff.find_by_nip("199202282019032014")
    assert dewi is not None
    skp = office.skp.create(dewi.id, YEAR, Pendekatan.KUANTITATIF)
    panel = DialoguePanel(
        DialogueService(office.database, AccessGuard.system(office.database)),
        today=lambda: date(YEAR, 4, 17),
    )
    qtbot.addWidget(panel)
    panel.show_period(skp.id, "TW1")
    return panel


def test_record_an_objection_and_see_the_deadline(qtbot: QtBot, office: AppServices) -> None:
    panel = _panel(qtbot, office)
    assert panel.isEnabled()
    assert not panel.objection_box.isEnabled()
    assert "Ahmad Fauzi" in panel.atasan.text()

    panel.received_on.setDate(QDate(YEAR, 4, 6))
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(panel.save_received, Qt.MouseButton.LeftButton)

    assert panel.deadline.text() == "Batas keberatan: 20 April 2026 (masih 3 hari)"
    assert panel.objection_box.isEnabled()

    panel.objection.setPlainText("Capaian layanan triwulan ini belum memperhitungkan bukti dukung.")
    panel.objection_on.setDate(QDate(YEAR, 4, 21))
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(panel.save_objection, Qt.MouseButton.LeftButton)

    assert panel.dialogue is not None and panel.dialogue.objection_late
    assert "ditandai terlambat" in panel.objection_note.text()
    assert panel.explanation_box.isEnabled()


def test_errors_are_shown_next_to_the_section(qtbot: QtBot, office: AppServices) -> None:
    panel = _panel(qtbot, office)
    with qtbot.assertNotEmitted(panel.changed):
        qtbot.mouseClick(panel.save_talk, Qt.MouseButton.LeftButton)

    assert panel.errors["talk"].text() == ("Penilaian diri wajib diisi.")
    assert not panel.errors["talk"].isHidden()


def test_explanation_before_the_objection_is_refused(qtbot: QtBot, office: AppServices) -> None:
    panel = _panel(qtbot, office)
    panel.received_on.setDate(QDate(YEAR, 4, 6))
    qtbot.mouseClick(panel.save_received, Qt.MouseButton.LeftButton)
    panel.objection.setPlainText("Alasan.")
    panel.objection_on.setDate(QDate(YEAR, 4, 10))
    qtbot.mouseClick(panel.save_objection, Qt.MouseButton.LeftButton)

    panel.explanation.setPlainText("Penjelasan.")
    panel.explanation_on.setDate(QDate(YEAR, 4, 8))
    qtbot.mouseClick(panel.save_explanation, Qt.MouseButton.LeftButton)

    assert "sebelum keberatan diajukan" in panel.errors["explanation"].text()
    assert panel.dialogue is not None and panel.dialogue.explanation == ""
