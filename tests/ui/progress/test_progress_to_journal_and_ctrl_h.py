"""A daily entry becomes a journal observation in one step; Ctrl+H opens today's entry."""

from __future__ import annotations

from datetime import date

from progress_office import TODAY, Office, entry
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kinerja_desktop.domain.behaviour import ObservationSign
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.services.evaluation.journal import JournalFilter
from kinerja_desktop.ui.main_window import PEGAWAI, PROGRES, MainWindow
from kinerja_desktop.ui.progress.entry_dialog import EntryDialog
from kinerja_desktop.ui.progress.page import ProgressPage, WeekPanel
from kinerja_desktop.ui.progress.quick_progress import NOBODY, open_daily_entry

MONDAY = date(2026, 3, 16)
Ctrl = Qt.KeyboardModifier.ControlModifier


def _panel(office: Office, qtbot: QtBot) -> WeekPanel:
    services = office.services
    panel = WeekPanel(
        services.progress, services.staff, journal=services.journal, today=lambda: TODAY
    )
    qtbot.addWidget(panel)
    panel.show()
    panel.show_person(office.rizky)
    return panel


def _select_entry(panel: WeekPanel, day: date) -> None:
    assert panel.week is not None
    item = panel.tree.topLevelItem((day - panel.week.start).days)
    assert item is not None
    panel.tree.setCurrentItem(item.child(0))


def test_an_entry_becomes_an_observation_in_one_step(progress_office: Office, qtbot: QtBot) -> None:
    office = progress_office
    added = office.services.progress.add(
        office.rizky,
        entry(
            office.rizky_rhks[0],
            MONDAY,
            activity="Melayani 12 pemohon KTP sampai antrean habis",
            evidence_link="https://drive.example.id/bukti/ktp.pdf",
        ),
    )
    office.services.progress.submit([added.id])
    office.sign_in(office.siti)
    panel = _panel(office, qtbot)
    _select_entry(panel, MONDAY)
    assert panel.journal_button.isVisible() and panel.journal_button.isEnabled()

    dialog = panel.to_journal()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.person.employee_id == office.rizky
    assert dialog.text.toPlainText() == "Melayani 12 pemohon KTP sampai antrean habis"
    assert dialog.observed_on.date().toPython() == MONDAY
    assert dialog.evidence_note.text().startswith(f"Progres harian no. {added.id}, 16 Maret 2026")
    # The journal keeps a note or a link: the entry's link is in the note.
    assert dialog.evidence_note.text().endswith(
        "; bukti dukung https://drive.example.id/bukti/ktp.pdf"
    )
    assert dialog.evidence_link.text() == ""
    assert dialog.focusWidget() is dialog.value  # the person is known: the value comes first

    qtbot.keyClick(dialog.value, Qt.Key.Key_1)  # Berorientasi Pelayanan, on to the sign
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_P)  # positif, on to the text
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)  # saves

    (observation,) = office.services.journal.entries(JournalFilter(employee_id=office.rizky))
    assert (observation.value, observation.sign) == (
        BehaviourValue.BERORIENTASI_PELAYANAN,
        ObservationSign.POSITIF,
    )
    assert observation.observed_on == MONDAY
    assert observation.evidence_note.startswith(f"Progres harian no. {added.id}")
    assert "RHK Terlayaninya administrasi kependudukan" in observation.evidence_note


def test_the_writer_of_the_entry_cannot_turn_it_into_their_own_observation(
    progress_office: Office, qtbot: QtBot
) -> None:
    office = progress_office
    office.services.progress.add(office.rizky, entry(office.rizky_rhks[0], MONDAY))
    office.sign_in(office.rizky)
    panel = _panel(office, qtbot)
    _select_entry(panel, MONDAY)
    assert not panel.journal_button.isEnabled()
    assert panel.to_journal() is None


def test_ctrl_h_opens_todays_entry_of_the_person_in_front(
    progress_office: Office, qtbot: QtBot
) -> None:
    office = progress_office
    office.sign_in(office.siti)
    window = MainWindow(office.services, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.go(PROGRES)
    page = window.pages.currentWidget()
    assert isinstance(page, ProgressPage)
    page.week.show_person(office.rizky)
    assert window.person_in_front() == office.rizky

    qtbot.keyClick(page.week.tree, Qt.Key.Key_H, Ctrl)
    dialog = window.progress_entry_dialog
    assert isinstance(dialog, EntryDialog) and dialog.isVisible()
    assert dialog.day.date().toPython() == TODAY
    assert "Rizky Pratama" in dialog.windowTitle()
    # The few keystrokes: the RHK's digit, the end time, realisation and unit, the text, Enter.
    qtbot.keyClick(dialog.rhk, Qt.Key.Key_1)
    dialog.end.setText("09.00")
    dialog.realisation.setText("12")
    dialog.unit.setText("berkas")
    qtbot.keyClicks(dialog.activity, "Memverifikasi berkas KTP")
    qtbot.keyClick(dialog.activity, Qt.Key.Key_Return)
    assert dialog.saved is not None
    assert (dialog.saved.employee_id, dialog.saved.day) == (office.rizky, TODAY)


def test_ctrl_h_falls_back_to_the_signed_in_person(progress_office: Office, qtbot: QtBot) -> None:
    office = progress_office
    office.sign_in(office.dewi)
    window = MainWindow(office.services, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    window.go(PEGAWAI)
    window.quick_progress()
    dialog = window.progress_entry_dialog
    assert dialog is not None and dialog.isVisible()
    assert "Dewi Lestari" in dialog.windowTitle()
    dialog.reject()


def test_nobody_to_write_for_says_so(progress_office: Office, qtbot: QtBot) -> None:
    office = progress_office
    office.sign_in(office.dewi)
    # Dewi may not write Rizky's log, and an account without a person has nobody.
    assert open_daily_entry(office.services.progress, (office.rizky, None), TODAY) == NOBODY
