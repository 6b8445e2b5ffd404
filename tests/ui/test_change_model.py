"""One way to refresh: a change made on one page shows on every other page that shows it.

Nothing here calls a page's ``refresh``: the pages hear the database's topics through the
window's hub (``MainWindow.events``) and read again when shown.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QThread
from PySide6.QtWidgets import QComboBox, QDialog, QInputDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kinerja_desktop.domain.behaviour import ObservationSign
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.domain.periods import EvaluationScheme
from kinerja_desktop.domain.skp import Aspek, IkiDraft, Pendekatan, RhkDraft, SkpDraft
from kinerja_desktop.domain.skp_records import SkpView
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.ui.application import configure_application
from kinerja_desktop.ui.evaluation.distribution_page import DistributionPage
from kinerja_desktop.ui.evaluation.journal_page import JournalPage
from kinerja_desktop.ui.evaluation.page import EvaluationPage
from kinerja_desktop.ui.evaluation.quick_entry import QuickEntryDialog
from kinerja_desktop.ui.evaluation.table_model import COL_EVIDENCE, COL_REALISATION
from kinerja_desktop.ui.events import AppEvents, ChangeBatch, watch
from kinerja_desktop.ui.main_window import (
    BERANDA,
    CETAK,
    EVALUASI,
    PEGAWAI,
    PENGATURAN,
    PERILAKU,
    SEBARAN,
    SKP,
    STRUKTUR,
    MainWindow,
)
from kinerja_desktop.ui.printing.page import PrintPage
from kinerja_desktop.ui.settings.page import SettingsPage
from kinerja_desktop.ui.staff.employee_form import EmployeeDialog
from kinerja_desktop.ui.staff.structure_page import StructurePage
from kinerja_desktop.ui.workers import run_in_background

#: The day the window takes as today.
TODAY = date(2026, 11, 28)
DEWI = "199202282019032014"


def _agreed_skp(office: AppServices, nip: str) -> SkpView:
    person = office.staff.find_by_nip(nip)
    assert person is not None
    created = office.skp.create(person.id, TODAY.year, Pendekatan.KUANTITATIF)
    iki = IkiDraft("Jumlah surat diagendakan", target="10", unit="Dokumen", aspek=Aspek.KUANTITAS)
    rhk = RhkDraft("Surat teradministrasi", indicators=(iki,), parent_text="Layanan kecamatan")
    draft = SkpDraft(Pendekatan.KUANTITATIF, (rhk,))
    saved = office.skp.save(created.id, created.version, draft)
    return office.skp.agree(saved.id, saved.version, date(TODAY.year, 1, 5))


@pytest.fixture
def window(office: AppServices, qtbot: QtBot, qapp: Any) -> MainWindow:
    configure_application(qapp)
    shown = MainWindow(office, today=lambda: TODAY)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _open(window: MainWindow, page: int) -> QWidget:
    window.go(page)
    return window.pages.currentWidget()


def _texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(i).strip() for i in range(combo.count())]


def _attention(window: MainWindow, qtbot: QtBot) -> list[str]:
    qtbot.waitUntil(lambda: not window.home.loading)  # the checks run off the GUI thread
    return [window.home.items.item(i).text() for i in range(window.home.items.count())]


def test_a_scheme_set_in_pengaturan_shows_on_every_page_with_periods(
    office: AppServices, window: MainWindow, qtbot: QtBot
) -> None:
    _agreed_skp(office, DEWI)
    assert any("Tahun penilaian 2026" in text for text in _attention(window, qtbot))
    evaluation = _open(window, EVALUASI)
    distribution = _open(window, SEBARAN)
    printing = _open(window, CETAK)
    assert isinstance(evaluation, EvaluationPage)
    assert isinstance(distribution, DistributionPage)
    assert isinstance(printing, PrintPage)
    for combo in (evaluation.period, distribution.period, printing.period):
        assert any(text.startswith("Triwulan") for text in _texts(combo))

    settings = _open(window, PENGATURAN)
    assert isinstance(settings, SettingsPage)
    settings.instansi.setCurrentIndex(settings.instansi.findText("Pemerintah Kota Palembang"))
    settings.scheme.setCurrentIndex(settings.scheme.findData(EvaluationScheme.SEMESTER.value))
    (save,) = [b for b in settings.findChildren(QPushButton) if b.text() == "Simpan skema"]
    with qtbot.waitSignal(window.events.changed):
        save.click()

    # Hidden pages only note it; each reads again when it is shown.
    assert any(text.startswith("Triwulan") for text in _texts(distribution.period))
    for page, combo in (
        (EVALUASI, evaluation.period),
        (SEBARAN, distribution.period),
        (CETAK, printing.period),
    ):
        window.go(page)
        assert any(text.startswith("Semester") for text in _texts(combo)), page
        assert not any(text.startswith("Triwulan") for text in _texts(combo)), page
    window.go(BERANDA)
    assert not any("Tahun penilaian 2026" in text for text in _attention(window, qtbot))


def test_a_unit_added_in_struktur_shows_in_every_unit_list(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff = window.staff_page
    skp_area = _open(window, SKP)
    distribution = _open(window, SEBARAN)
    printing = _open(window, CETAK)
    assert isinstance(distribution, DistributionPage)
    assert isinstance(printing, PrintPage)
    cascade = window._cascade_view  # the SKP area's second tab
    new = "Seksi Pelayanan Umum"
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_args: (new, True)))
    structure = _open(window, STRUKTUR)
    assert isinstance(structure, StructurePage)
    with qtbot.waitSignal(window.events.changed):
        structure.add_unit_button.click()

    assert structure.units.findItems(new, Qt.MatchFlag.MatchRecursive)  # its own change
    for page, combo in (
        (PEGAWAI, staff.unit_filter),
        (SEBARAN, distribution.unit),
        (CETAK, printing.unit),
    ):
        window.go(page)
        assert new in _texts(combo), page
    window.go(SKP)
    assert skp_area is window.pages.currentWidget()
    assert new not in _texts(cascade.unit)  # its tab is not shown yet: still stale
    skp_area.setCurrentWidget(cascade)  # type: ignore[attr-defined]
    assert new in _texts(cascade.unit)


def _jot(window: MainWindow, office: AppServices, qtbot: QtBot, text: str) -> None:
    """Ctrl+J from wherever the user is: one observation about Dewi."""
    window.journal_action.trigger()
    dialog = window.findChild(QuickEntryDialog)
    assert dialog is not None
    person = office.staff.find_by_nip(DEWI)
    assert person is not None
    dialog.person.set_person(person)
    dialog.value.setCurrentIndex(dialog.value.findData(BehaviourValue.AKUNTABEL.value))
    dialog.set_sign(ObservationSign.NEGATIF)
    dialog.text.setPlainText(text)
    with qtbot.waitSignal(window.events.changed):
        dialog.save()


def test_a_journal_entry_shows_at_once_on_the_visible_page(
    office: AppServices, window: MainWindow, qtbot: QtBot
) -> None:
    journal = _open(window, PERILAKU)
    assert isinstance(journal, JournalPage)
    assert journal.table.rowCount() == 0
    _jot(window, office, qtbot, "Laporan kas terlambat")
    assert journal.table.rowCount() == 1  # shown without leaving the page
    assert "Laporan kas terlambat" in journal.table.item(0, 6).text()


def test_a_page_keeps_what_the_user_types_after_its_own_save_but_hears_others(
    office: AppServices, window: MainWindow, qtbot: QtBot
) -> None:
    skp = _agreed_skp(office, DEWI)
    evaluation = _open(window, EVALUASI)
    assert isinstance(evaluation, EvaluationPage)
    evaluation.select(skp.id, "TW1")
    qtbot.keyClicks(evaluation.decision.reason, "Menunggu laporan triwulan")
    index = evaluation.model.index(0, COL_REALISATION)
    with qtbot.waitSignal(window.events.changed):
        assert evaluation.model.setData(index, "4")
    assert evaluation.decision.reason.text() == "Menunggu laporan triwulan"

    # The same record changed elsewhere (another window, a background job): read again.
    iki_id = skp.rhks[0].indicators[0].id
    with qtbot.waitSignal(window.events.changed):
        window._services.evaluation.record_realisation(iki_id, "TW1", "7")
    assert evaluation.model.data(index).startswith("7")


def test_a_commit_on_a_worker_thread_is_delivered_on_the_gui_thread(
    office: AppServices, window: MainWindow, qtbot: QtBot, qapp: Any
) -> None:
    structure = _open(window, STRUKTUR)
    assert isinstance(structure, StructurePage)
    root = office.staff.units()[0].id
    threads: list[bool] = []
    window.events.changed.connect(
        lambda _batch: threads.append(QThread.currentThread() is qapp.thread())
    )
    with qtbot.waitSignal(window.events.changed, timeout=10_000):
        run_in_background(
            lambda: office.staff.add_unit("Kelurahan Kemas Rindo", root), print, print
        )
    assert threads == [True]
    names = [structure.units.topLevelItem(0).child(i).text(0) for i in range(2)]
    assert "Kelurahan Kemas Rindo" in names


def test_the_commits_of_one_action_arrive_as_one_batch_after_it(
    office: AppServices, qtbot: QtBot
) -> None:
    events = AppEvents(office.database.subscribe)
    batches: list[ChangeBatch] = []
    events.changed.connect(batches.append)
    root = office.staff.units()[0].id
    person = office.staff.find_by_nip(DEWI)
    assert person is not None
    with qtbot.waitSignal(events.changed):
        office.staff.add_unit("Seksi Umum", root)
        _agreed_skp(office, DEWI)
        assert batches == []  # never inside the action itself
    (batch,) = batches  # agreeing also writes the seal chain and the signatories
    assert {Topic.STAFF, Topic.SKP} <= batch.topics
    assert batch.last == events.serial


def test_a_closed_window_leaves_no_listener_behind(
    office: AppServices, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    events = AppEvents(office.database.subscribe)
    events.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    with caplog.at_level(logging.ERROR):
        office.staff.add_unit("Seksi Umum", office.staff.units()[0].id)
    assert caplog.records == []  # no listener of a deleted hub was called


def test_a_person_renamed_in_pegawai_shows_by_the_new_name_on_every_page(
    office: AppServices, window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _agreed_skp(office, DEWI)
    evaluation = _open(window, EVALUASI)
    printing = _open(window, CETAK)
    assert isinstance(evaluation, EvaluationPage)
    assert isinstance(printing, PrintPage)
    person = office.staff.find_by_nip(DEWI)
    assert person is not None
    window.go(PEGAWAI)
    window.staff_page.select(person.id)

    def rename(dialog: EmployeeDialog) -> int:  # F2's dialog, typed into and saved
        dialog.name.setText("Dewi Lestari Putri")
        dialog.buttons.accepted.emit()
        return dialog.result()

    monkeypatch.setattr(EmployeeDialog, "exec", rename)
    with qtbot.waitSignal(window.events.changed):
        window.edit_action.trigger()

    assert "Dewi Lestari Putri" in window.staff_page.details.text()
    window.go(EVALUASI)
    picked = [evaluation.picker.list.item(i).text() for i in range(evaluation.picker.list.count())]
    assert any("Dewi Lestari Putri" in text for text in picked)
    window.go(CETAK)
    assert any("Dewi Lestari Putri" in text for text in _texts(printing.person))


def test_a_page_is_not_read_again_under_its_own_open_dialog(
    office: AppServices, window: MainWindow, qtbot: QtBot, qapp: Any, tmp_path: Path
) -> None:
    with qtbot.waitSignal(window.events.changed):
        skp = _agreed_skp(office, DEWI)
    evaluation = _open(window, EVALUASI)
    assert isinstance(evaluation, EvaluationPage)
    evaluation.select(skp.id, "TW1")
    qtbot.keyClicks(evaluation.decision.reason, "Menunggu laporan triwulan")
    evaluation.table.setCurrentIndex(evaluation.model.index(0, COL_EVIDENCE))
    dialog = evaluation.open_evidence()
    assert dialog is not None
    proof = tmp_path / "agenda.pdf"
    proof.write_bytes(b"%PDF agenda")
    with qtbot.waitSignal(window.events.changed):
        assert dialog.add_file(proof)
    assert evaluation.model.data(evaluation.model.index(0, COL_EVIDENCE)) == "0"  # not yet
    dialog.reject()  # the page takes the dialog's changes itself when it closes
    qapp.processEvents()
    assert evaluation.model.data(evaluation.model.index(0, COL_EVIDENCE)) == "1"
    assert evaluation.decision.reason.text() == "Menunggu laporan triwulan"


class _Page(QWidget):
    """A page that counts how often it read again."""

    SHOWS = frozenset({Topic.JOURNAL})

    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    def refresh(self) -> None:
        self.reads += 1


def _jotted(office: AppServices, qtbot: QtBot, events: AppEvents) -> None:
    person = office.staff.find_by_nip(DEWI)
    assert person is not None
    with qtbot.waitSignal(events.changed):
        office.journal.record(
            person.id, TODAY, BehaviourValue.AKUNTABEL, "POSITIF", "Tepat waktu", today=TODAY
        )


def test_a_watched_page_reads_again_when_visible_when_shown_or_when_its_dialog_closes(
    office: AppServices, qtbot: QtBot, qapp: Any
) -> None:
    events = AppEvents(office.database.subscribe)
    page = _Page()
    qtbot.addWidget(page)
    watch(page, events)
    _jotted(office, qtbot, events)
    assert page.reads == 0  # hidden: only noted
    page.show()
    assert page.reads == 1
    page.show()
    assert page.reads == 1  # once per missed change
    office.staff.add_unit("Seksi Umum", office.staff.units()[0].id)  # a topic it does not show
    _jotted(office, qtbot, events)
    assert page.reads == 2  # visible: at once
    dialog = QDialog(page)
    dialog.open()
    _jotted(office, qtbot, events)
    assert page.reads == 2  # not under its own dialog
    dialog.reject()
    qapp.processEvents()
    assert page.reads == 3  # the dialog closed and the page had not taken the change
    first, second = QDialog(page), QDialog(page)
    first.open()
    _jotted(office, qtbot, events)
    second.open()  # e.g. a message over the first
    first.reject()
    qapp.processEvents()
    assert page.reads == 3  # still under a dialog of its own
    second.reject()
    qapp.processEvents()
    assert page.reads == 4


def test_evaluasi_shows_a_journal_entry_jotted_over_it_and_keeps_the_typed_reason(
    office: AppServices, window: MainWindow, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(window.events.changed):
        skp = _agreed_skp(office, DEWI)
    evaluation = _open(window, EVALUASI)
    assert isinstance(evaluation, EvaluationPage)
    evaluation.select(skp.id, "TW4")  # 28 November
    panel = evaluation.behaviour_panel
    assert panel is not None
    qtbot.keyClicks(evaluation.decision.reason, "Menunggu laporan triwulan")
    _jot(window, office, qtbot, "Laporan kas terlambat")  # Ctrl+J over Evaluasi
    assert "Laporan kas terlambat" in panel.counts[BehaviourValue.AKUNTABEL].toolTip()
    assert evaluation.decision.reason.text() == "Menunggu laporan triwulan"
