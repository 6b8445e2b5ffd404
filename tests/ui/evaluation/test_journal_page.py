"""The Perilaku page: filters narrow the table; the side panel shows repeated weak spots."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kinerja_desktop.domain.behaviour import ObservationSign
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.evaluation.journal import JournalService
from kinerja_desktop.ui.evaluation.journal_page import COLUMNS, JournalPage
from kinerja_desktop.ui.evaluation.quick_entry import QuickEntryDialog

#: The day the page takes as today; the data lives in its year.
TODAY = date(2026, 11, 28)
YEAR = TODAY.year


@pytest.fixture
def journal(office: AppServices, tmp_path: Path) -> JournalService:
    journal = JournalService(
        office.database, tmp_path / "evidence", AccessGuard.system(office.database)
    )
    siti = office.staff.search_people("Siti")[0].id
    dewi = office.staff.search_people("Dewi")[0].id
    akuntabel, neg = BehaviourValue.AKUNTABEL, ObservationSign.NEGATIF
    today = date(YEAR, 12, 31)
    journal.record(siti, date(YEAR, 1, 1), akuntabel, neg, "Kas telat", indicator=1, today=today)
    journal.record(
        siti, date(YEAR, 4, 1), akuntabel, neg, "Kas telat lagi", indicator=1, today=today
    )
    journal.record(
        siti,
        date(YEAR, 4, 2),
        BehaviourValue.HARMONIS,
        ObservationSign.POSITIF,
        "Rukun",
        today=today,
    )
    journal.record(
        dewi,
        date(YEAR, 1, 1),
        BehaviourValue.BERORIENTASI_PELAYANAN,
        ObservationSign.POSITIF,
        "Ramah di loket",
        today=today,
    )
    journal.record(dewi, date(YEAR - 1, 6, 1), akuntabel, neg, "Tahun lalu", today=today)
    return journal


def _texts(page: JournalPage) -> list[str]:
    column = COLUMNS.index("Uraian")
    return [page.table.item(row, column).text() for row in range(page.table.rowCount())]


def test_filters_narrow_the_table(
    qtbot: QtBot, office: AppServices, journal: JournalService
) -> None:
    page = JournalPage(journal, office.staff, today=lambda: TODAY)
    qtbot.addWidget(page)
    assert sorted(_texts(page)) == ["Kas telat", "Kas telat lagi", "Ramah di loket", "Rukun"]

    page.value.setCurrentIndex(page.value.findData(BehaviourValue.AKUNTABEL.value))
    assert sorted(_texts(page)) == ["Kas telat", "Kas telat lagi"]
    page.period.setCurrentIndex(page.period.findData("TW2"))
    assert _texts(page) == ["Kas telat lagi"]
    page.period.setCurrentIndex(0)
    page.value.setCurrentIndex(0)
    page.sign.setCurrentIndex(page.sign.findData(ObservationSign.POSITIF.value))
    assert sorted(_texts(page)) == ["Ramah di loket", "Rukun"]
    page.sign.setCurrentIndex(0)

    qtbot.keyClicks(page.person, "Dewi")
    qtbot.keyClick(page.person, Qt.Key.Key_Return)
    assert _texts(page) == ["Ramah di loket"]
    page.year.setValue(YEAR - 1)
    assert _texts(page) == ["Tahun lalu"]
    page.person.clear_person()
    page.year.setValue(YEAR)
    page.search.setText("loket")
    assert _texts(page) == ["Ramah di loket"]


def test_side_panel_shows_weak_spots_with_causes_and_action(
    qtbot: QtBot, office: AppServices, journal: JournalService
) -> None:
    page = JournalPage(journal, office.staff, today=lambda: TODAY)
    qtbot.addWidget(page)
    assert "Pilih pegawai" in page.weak_spots.toPlainText()
    qtbot.keyClicks(page.person, "Siti")
    qtbot.keyClick(page.person, Qt.Key.Key_Return)
    text = page.weak_spots.toPlainText()
    assert "Akuntabel, panduan 1" in text
    assert "Kas telat lagi" in text
    assert "Usulan pengembangan" in text
    assert "Triwulan I, Triwulan II" in text

    page.person.clear_person()
    dewi_row = _texts(page).index("Ramah di loket")
    page.table.selectRow(dewi_row)
    assert "Tidak ada perilaku" in page.weak_spots.toPlainText()


def test_new_entry_opens_quick_entry_for_the_person(
    qtbot: QtBot, office: AppServices, journal: JournalService
) -> None:
    page = JournalPage(journal, office.staff, today=lambda: TODAY)
    qtbot.addWidget(page)
    qtbot.keyClicks(page.person, "Dewi")
    qtbot.keyClick(page.person, Qt.Key.Key_Return)
    page.new_button.click()

    dialog = page.findChild(QuickEntryDialog)
    assert dialog is not None
    assert dialog.person.employee_id == page.person.employee_id
    dialog.value.setCurrentIndex(0)
    dialog.set_sign(ObservationSign.POSITIF)
    dialog.text.setPlainText("Membantu warga lansia")
    dialog.save()
    assert "Membantu warga lansia" in _texts(page)
