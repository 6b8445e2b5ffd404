"""Pengawasan: keyboard survey entry, complaint to observation, the kiosk behind its PIN."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.behaviour import ObservationSign, ObservationSource
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.seal_chain import SealAction
from kinerja_desktop.domain.supervision.complaints import Channel, FeedbackFields, FeedbackKind
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.evaluation.journal import JournalFilter
from kinerja_desktop.services.supervision.feedback import FeedbackInput
from kinerja_desktop.services.supervision.kiosk import KioskLock
from kinerja_desktop.ui.main_window import PENGAWASAN, MainWindow
from kinerja_desktop.ui.supervision.kiosk_window import KioskWindow
from kinerja_desktop.ui.supervision.page import SupervisionPage
from kinerja_desktop.ui.supervision.register_tab import COLUMNS, FeedbackDialog, RegisterTab
from kinerja_desktop.ui.supervision.survey_tab import SurveyTab

#: The day the screens take as today.
TODAY = date(2026, 11, 28)


def _unit_id(office: AppServices) -> int:
    return office.supervision.surveys.find_unit("Kecamatan Kertapati").id


def test_keyboard_entry_one_respondent_per_enter(qtbot: QtBot, office: AppServices) -> None:
    tab = SurveyTab(office.supervision.surveys, today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.unit.setCurrentIndex(tab.unit.findData(_unit_id(office)))
    qtbot.keyClicks(tab.period, "2026-S1")
    qtbot.keyClick(tab.period, Qt.Key.Key_Return)
    survey_id = tab.survey_id
    assert survey_id is not None
    assert "Semester I 2026" in tab.survey.currentText()

    for line in ("444444444", "333 333 3-3"):
        qtbot.keyClicks(tab.entry, line)
        qtbot.keyClick(tab.entry, Qt.Key.Key_Return)
        assert tab.entry.text() == ""  # ready for the next questionnaire
    assert office.supervision.surveys.get(survey_id).responses == 2
    assert tab.entry_status.text() == "Responden ke-2 tersimpan: 3333333-3"
    # NRR: eight unsur (4+3)/2, U8 4/1; IKM 25/9 x (8 x 3.5 + 4) = 88.89 -> A
    assert tab.ikm.text() == "IKM 88,89 · Mutu A (Sangat Baik)"
    assert tab.items.item(7, 2).text() == "4,000"

    qtbot.keyClicks(tab.entry, "59x3")  # only 1 to 4, '-' and spaces can be typed
    assert tab.entry.text() == "3"
    qtbot.keyClicks(tab.entry, "343")
    qtbot.keyClick(tab.entry, Qt.Key.Key_Return)
    assert tab.entry_error.isVisibleTo(tab)
    assert tab.entry_error.text().startswith("Responden ke-3, kolom 5: baru 4 jawaban")
    assert tab.entry.text() == "3343"  # kept for correcting
    assert office.supervision.surveys.get(survey_id).responses == 2


def test_the_last_respondent_can_be_taken_back(
    qtbot: QtBot, office: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    survey = office.supervision.surveys.open_survey(_unit_id(office), "2026", TODAY)
    office.supervision.surveys.add_typed(survey.id, "444444444\n111111111", today=TODAY)
    tab = SurveyTab(office.supervision.surveys, today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.refresh(keep=survey.id)
    asked: list[str] = []

    def answer_yes(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    qtbot.mouseClick(tab.undo_button, Qt.MouseButton.LeftButton)
    assert asked == ["Hapus responden terakhir (111111111)?"]
    assert office.supervision.surveys.get(survey.id).responses == 1
    assert tab.ikm.text() == "IKM 100,00 · Mutu A (Sangat Baik)"


def _complaint(office: AppServices, employee_id: int | None) -> int:
    entry = office.supervision.feedback.record(
        FeedbackInput(
            FeedbackFields(
                kind=FeedbackKind.PENGADUAN,
                channel=Channel.TELEPON_WA,
                received_on=TODAY,
                text="Petugas loket tidak menjawab pertanyaan warga.",
            ),
            unit_id=_unit_id(office),
            employee_id=employee_id,
        ),
        today=TODAY,
    )
    return entry.id


def test_turning_a_complaint_into_an_observation(qtbot: QtBot, office: AppServices) -> None:
    dewi = office.staff.search_people("Dewi")[0].id
    feedback_id = _complaint(office, dewi)
    _complaint(office, None)
    tab = RegisterTab(
        office.supervision.feedback, office.supervision.surveys, office.staff, today=lambda: TODAY
    )
    qtbot.addWidget(tab)
    assert tab.table.rowCount() == 2
    tab.select(feedback_id)
    assert tab.observation_button.isEnabled()
    qtbot.mouseClick(tab.observation_button, Qt.MouseButton.LeftButton)
    dialog = tab.observation_dialog
    assert dialog is not None
    assert dialog.value.currentData() == BehaviourValue.BERORIENTASI_PELAYANAN.value
    assert dialog.sign.currentData() == ObservationSign.NEGATIF.value
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    (observation,) = office.journal.entries(JournalFilter(employee_id=dewi))
    assert observation.source is ObservationSource.MASYARAKAT
    assert observation.value is BehaviourValue.BERORIENTASI_PELAYANAN
    assert office.supervision.feedback.get(feedback_id).observation_id == observation.id
    status = tab.table.item(tab.table.currentRow(), COLUMNS.index("Status")).text()
    assert status.endswith("· jurnal")
    assert not tab.observation_button.isEnabled()  # once only
    # An entry naming nobody cannot become an observation.
    other = next(e for e in tab._entries if e.id != feedback_id)
    tab.select(other.id)
    assert not tab.observation_button.isEnabled()


@pytest.fixture
def kiosk(qtbot: QtBot, office: AppServices) -> KioskWindow:
    survey = office.supervision.surveys.open_survey(_unit_id(office), "2026-S2", TODAY)
    window = KioskWindow(office.supervision.kiosk, survey, KioskLock("2468"))
    qtbot.addWidget(window)
    window.start()
    yield window
    if not window.unlocked:
        window.try_unlock("2468")


def test_kiosk_cannot_be_left_without_the_pin(qtbot: QtBot, kiosk: KioskWindow) -> None:
    assert kiosk.isFullScreen() or kiosk.isVisible()
    assert kiosk.isModal()  # the main window cannot be reached behind it
    kiosk.close()  # Alt+F4, the window manager's close button
    assert kiosk.isVisible()
    assert kiosk.pages.currentIndex() == 2  # asks for the PIN instead
    qtbot.keyClicks(kiosk.pin, "1111")
    qtbot.keyClick(kiosk.pin, Qt.Key.Key_Return)
    assert kiosk.isVisible() and not kiosk.unlocked
    assert "PIN salah" in kiosk.pin_error.text()
    assert not kiosk.pin.isEnabled()  # a wrong PIN slows the next try down
    assert kiosk.try_unlock("2468")
    assert not kiosk.isVisible()


def test_kiosk_response_reaches_survey_and_register(
    qtbot: QtBot, kiosk: KioskWindow, office: AppServices
) -> None:
    for group in kiosk.groups:
        group.button(3).click()
    kiosk.groups[6].button(1).click()  # Perilaku Pelaksana: tidak baik
    kiosk.note_complaint.setChecked(True)
    kiosk.note.setPlainText("Lama menunggu di loket")
    qtbot.mouseClick(kiosk.send, Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentIndex() == 1  # thanks
    survey = office.supervision.surveys.running()[0]
    assert survey.responses == 1
    (entry,) = office.supervision.feedback.entries()
    assert (entry.channel, entry.text) == (Channel.KIOS, "Lama menunggu di loket")
    result = office.supervision.surveys.results(survey.id).result
    assert result.items[6].total == 1
    kiosk.reset()  # the next citizen sees nothing of the last one
    assert kiosk.answers() == [None] * 9
    assert kiosk.note.toPlainText() == ""


def test_pengawasan_page_opens_from_the_main_window(qtbot: QtBot, office: AppServices) -> None:
    window = MainWindow(office, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.go(PENGAWASAN)
    page = window.pages.currentWidget()
    assert isinstance(page, SupervisionPage)
    assert page.tabs.count() == 4
    assert "Pengaduan yang belum selesai: 0" in page.dashboard.text.toPlainText()


def test_new_entry_shows_errors_next_to_fields_and_saves_nothing(
    qtbot: QtBot, office: AppServices
) -> None:
    dialog = FeedbackDialog(
        office.supervision.feedback, office.supervision.surveys, office.staff, today=lambda: TODAY
    )
    qtbot.addWidget(dialog)
    dialog.channel.setCurrentIndex(dialog.channel.findData(Channel.SP4N_LAPOR.value))
    assert dialog.ticket.isEnabled()
    dialog.save()
    assert dialog.errors["ticket"].isVisibleTo(dialog)
    assert dialog.errors["text"].text() == "Isi pengaduan/apresiasi wajib diisi."
    assert office.supervision.feedback.entries() == []
    qtbot.keyClicks(dialog.ticket, "LAP-77")
    dialog.text.setPlainText("Loket tutup sebelum jam pelayanan berakhir.")
    dialog.save()
    assert dialog.saved is not None and dialog.saved.ticket == "LAP-77"


def test_an_entry_is_corrected_and_deleted_from_the_register(
    qtbot: QtBot, office: AppServices
) -> None:
    dewi = office.staff.search_people("Dewi")[0].id
    feedback_id = _complaint(office, dewi)
    tab = RegisterTab(
        office.supervision.feedback, office.supervision.surveys, office.staff, today=lambda: TODAY
    )
    qtbot.addWidget(tab)
    tab.select(feedback_id)
    assert tab.edit_button.isEnabled() and tab.remove_button.isEnabled()

    entry = office.supervision.feedback.get(feedback_id)
    dialog = FeedbackDialog(
        office.supervision.feedback,
        office.supervision.surveys,
        office.staff,
        existing=entry,
        today=lambda: TODAY,
    )
    qtbot.addWidget(dialog)
    assert dialog.text.toPlainText() == entry.text  # the form starts from what was recorded
    assert dialog.person.employee_id == dewi
    dialog.text.setPlainText("")
    dialog.save()
    assert dialog.errors["text"].isVisibleTo(dialog)
    assert office.supervision.feedback.get(feedback_id).text == entry.text  # nothing saved
    dialog.text.setPlainText("Antrean loket KTP tidak tertib pada pagi hari.")
    dialog.save()
    corrected = office.supervision.feedback.get(feedback_id)
    assert corrected.text == "Antrean loket KTP tidak tertib pada pagi hari."
    assert corrected.status is entry.status and corrected.employee_id == dewi

    tab.remove_entry()
    asked = tab.removal_dialog
    assert asked is not None and asked.isVisible()
    asked.reject()
    assert office.supervision.feedback.get(feedback_id).id == feedback_id  # kept when cancelled

    tab.remove_entry()
    dialog = tab.removal_dialog
    assert dialog is not None and dialog is not asked
    assert "catatan audit" in dialog.findChild(QLabel).text()
    qtbot.keyClicks(dialog.reason, "   ")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # a reason is required
    assert dialog.isVisible() and dialog.reason_error.isVisibleTo(dialog)
    assert dialog.reason_error.text().startswith("Alasan menghapus entri wajib diisi")
    assert office.supervision.feedback.get(feedback_id).id == feedback_id
    dialog.reason.setText("Tercatat dua kali dari kotak saran")
    with qtbot.waitSignal(tab.changed):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert office.supervision.feedback.entries() == []
    logged = office.seals.history(f"register:{feedback_id}")[-1].fields
    assert logged.action is SealAction.REGISTER_DIHAPUS
    assert logged.reason == "Tercatat dua kali dari kotak saran"


def test_a_complaint_in_a_signed_period_says_why_it_is_not_an_observation(
    qtbot: QtBot, services: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_demo(services.database, employees=40, today=TODAY)
    with services.database.reading() as session:  # a period with a decided predikat: signable
        skp_id, employee_id, code = session.execute(
            text(
                "SELECT d.skp_id, s.employee_id, d.period_code FROM predikat_decisions d "
                "JOIN skps s ON s.id = d.skp_id ORDER BY d.id LIMIT 1"
            )
        ).one()
    period = next(p for p in services.journal.periods(2026, employee_id) if p.code == code)
    feedback_id = services.supervision.feedback.record(
        FeedbackInput(
            FeedbackFields(FeedbackKind.PENGADUAN, Channel.LANGSUNG, period.start, "Lama."),
            unit_id=services.staff.get(employee_id).unit_id,
            employee_id=employee_id,
        ),
        today=TODAY,
    ).id
    services.seals.sign_evaluation(skp_id, code, date(2026, 10, 8), today=TODAY)
    before = services.journal.entries(JournalFilter(employee_id=employee_id))
    shown: list[tuple[str, str]] = []

    def record(_parent: object, title: str, message: str, *_args: object) -> object:
        shown.append((title, message))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", record)
    tab = RegisterTab(
        services.supervision.feedback,
        services.supervision.surveys,
        services.staff,
        today=lambda: TODAY,
    )
    qtbot.addWidget(tab)
    tab.select(feedback_id)
    qtbot.mouseClick(tab.observation_button, Qt.MouseButton.LeftButton)
    # Said before the value and sign are chosen, with the seal rule's own words.
    assert tab.observation_dialog is None
    ((title, message),) = shown
    assert title == "Catatan perilaku tidak dibuat"
    assert "sudah ditandatangani pada 8 Oktober 2026" in message
    assert "Buka kembali evaluasinya" in message
    assert services.journal.entries(JournalFilter(employee_id=employee_id)) == before
