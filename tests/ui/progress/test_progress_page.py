"""The Progres Harian page with real widgets: quick entry, the week, review and the unit's bars."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from progress_office import TODAY, Office, entry
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar
from pytestqt.qtbot import QtBot

from kinerja_desktop.domain.progress import ProgressStatus
from kinerja_desktop.ui.main_window import PROGRES, MainWindow
from kinerja_desktop.ui.progress.entry_dialog import EntryDialog
from kinerja_desktop.ui.progress.page import ProgressPage, WeekPanel
from kinerja_desktop.ui.progress.return_dialog import ReturnDialog
from kinerja_desktop.ui.progress.unit_view import BAR_COLUMN, UnitCompletenessView

MONDAY = date(2026, 3, 16)


def _week(office: Office, qtbot: QtBot) -> WeekPanel:
    panel = WeekPanel(office.services.progress, office.services.staff, today=lambda: TODAY)
    qtbot.addWidget(panel)
    panel.show_person(office.rizky)
    return panel


def _select(panel: WeekPanel, day: date, entry_index: int | None = None) -> None:
    item = panel.tree.topLevelItem((day - panel.week.start).days)  # type: ignore[union-attr]
    assert item is not None
    if entry_index is not None:
        item = item.child(entry_index)
    panel.tree.setCurrentItem(item)


def test_quick_entry_in_a_few_keystrokes(progress_office: Office, qtbot: QtBot) -> None:
    office = progress_office
    week = office.services.progress.week(office.rizky, TODAY)
    dialog = EntryDialog(office.services.progress, office.rizky, week.rhks, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.rhk

    qtbot.keyClick(dialog.rhk, Qt.Key.Key_2)  # the second RHK, and on to the start time
    assert dialog.focusWidget() is dialog.start
    dialog.end.setText("09.30")
    dialog.realisation.setText("1")
    dialog.unit.setText("laporan")
    qtbot.keyClicks(dialog.activity, "Menyusun laporan bulanan")
    qtbot.keyClick(dialog.activity, Qt.Key.Key_Return)

    assert dialog.saved is not None
    assert (dialog.saved.rhk_id, dialog.saved.times) == (office.rizky_rhks[1], "08.00–09.30")
    assert dialog.saved.activity == "Menyusun laporan bulanan"


def test_the_dialog_names_each_bad_field_and_stays_open(
    progress_office: Office, qtbot: QtBot
) -> None:
    office = progress_office
    dialog = EntryDialog(office.services.progress, office.rizky, (), TODAY)
    qtbot.addWidget(dialog)
    dialog.start.setText("10.00")
    dialog.end.setText("09.00")
    dialog.save()
    assert dialog.saved is None
    assert dialog.errors["rhk"].text() == "RHK wajib dipilih dari SKP pegawai."
    assert "harus sesudah jam mulai (10.00)" in dialog.errors["end"].text()
    assert "Kegiatan harian wajib diisi" in dialog.errors["activity"].text()


def test_the_week_shows_days_off_entries_and_the_month(
    progress_office: Office, qtbot: QtBot
) -> None:
    office = progress_office
    office.services.progress.add(office.rizky, entry(office.rizky_rhks[0], MONDAY))
    panel = _week(office, qtbot)

    titles = [panel.tree.topLevelItem(n).text(0) for n in range(7)]  # type: ignore[union-attr]
    assert titles[0] == "Senin, 16 Maret 2026"
    assert titles[3] == "Kamis, 19 Maret 2026 — Libur nasional: Hari Suci Nyepi"
    monday = panel.tree.topLevelItem(0)
    assert monday is not None and monday.childCount() == 1
    child = monday.child(0)
    assert child is not None
    assert [child.text(n) for n in (0, 3, 4)] == ["08.00–10.00", "12 berkas", "Draf"]
    assert "0 dari 13 hari kerja terisi (0%)" in panel.month_label.text()


def test_submit_approve_and_return_from_the_week(progress_office: Office, qtbot: QtBot) -> None:
    office = progress_office
    progress = office.services.progress
    first = progress.add(office.rizky, entry(office.rizky_rhks[0], MONDAY))
    second = progress.add(office.rizky, entry(office.rizky_rhks[1], MONDAY, "10.00", "11.00"))
    office.sign_in(office.rizky)
    panel = _week(office, qtbot)
    assert not panel.approve_button.isEnabled()  # nobody reviews their own log

    _select(panel, MONDAY)  # the day: both drafts go
    assert panel.submit_button.isEnabled()
    panel.submit_button.click()
    assert {progress.get(i).status for i in (first.id, second.id)} == {ProgressStatus.DIAJUKAN}

    office.sign_in(office.siti)
    panel.refresh()
    _select(panel, MONDAY, 0)
    assert panel.approve_button.isEnabled() and not panel.edit_button.isEnabled()
    panel.approve_button.click()
    assert progress.get(first.id).status is ProgressStatus.DISETUJUI

    returning = ReturnDialog(progress, [second.id])
    qtbot.addWidget(returning)
    returning.save()
    assert "Catatan pengembalian wajib diisi" in returning.error.text()
    returning.note.setPlainText("Lampirkan daftar hadir")
    returning.save()
    panel.refresh()
    monday = panel.tree.topLevelItem(0)
    assert monday is not None and monday.child(1) is not None
    assert monday.child(1).text(4) == "Dikembalikan"  # type: ignore[union-attr]
    assert monday.child(1).text(5) == "Lampirkan daftar hadir"  # type: ignore[union-attr]


def test_copy_the_previous_day_onto_the_selected_one(progress_office: Office, qtbot: QtBot) -> None:
    office = progress_office
    office.services.progress.add(office.rizky, entry(office.rizky_rhks[0], MONDAY))
    panel = _week(office, qtbot)
    _select(panel, TODAY)
    panel.copy_button.click()
    wednesday = panel.tree.topLevelItem(2)
    assert wednesday is not None and wednesday.childCount() == 1
    assert wednesday.child(0).text(4) == "Draf"  # type: ignore[union-attr]


def test_a_colleague_may_look_but_not_write(progress_office: Office, qtbot: QtBot) -> None:
    office = progress_office
    office.sign_in(office.siti)  # Siti may see and write for Rizky
    panel = _week(office, qtbot)
    assert panel.add_button.isEnabled()
    office.sign_in(office.ahmad)
    panel.refresh()  # the camat is Rizky's atasan: may change, but not approve
    _select(panel, MONDAY)
    assert panel.add_button.isEnabled() and not panel.approve_button.isEnabled()


def test_the_unit_view_draws_a_bar_per_person(progress_office: Office, qtbot: QtBot) -> None:
    office = progress_office
    added = office.services.progress.add(office.rizky, entry(office.rizky_rhks[0], MONDAY))
    office.services.progress.submit([added.id])
    view = UnitCompletenessView(
        office.services.progress, office.services.staff, today=lambda: TODAY
    )
    qtbot.addWidget(view)
    view.unit.setCurrentIndex(view.unit.findData(office.seksi))
    qtbot.waitUntil(lambda: not view.loading)  # read off the GUI thread

    names = [view.table.item(row, 0).text() for row in range(view.table.rowCount())]  # type: ignore[union-attr]
    assert names == ["Dewi Lestari", "Rizky Pratama", "Siti Rahmawati"]
    bar = view.table.cellWidget(1, BAR_COLUMN)
    assert isinstance(bar, QProgressBar) and bar.value() == 7  # 1 of 13 working days
    assert "dihitung sampai 18 Maret 2026" in view.summary.text()


def test_the_page_opens_a_person_from_the_unit_view(progress_office: Office, qtbot: QtBot) -> None:
    office = progress_office
    page = ProgressPage(
        office.services.progress,
        office.services.calendar,
        office.services.staff,
        today=lambda: TODAY,
    )
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.unit.loading)
    page.unit.person_requested.emit(office.dewi)
    assert page.currentWidget() is page.week
    assert page.week.week is not None and page.week.week.employee_name == "Dewi Lestari"


def test_the_page_in_the_window_follows_changes_made_elsewhere(
    progress_office: Office, qtbot: QtBot, qapp: object
) -> None:
    office = progress_office
    window = MainWindow(office.services, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    window.go(PROGRES)
    page = window.pages.currentWidget()
    assert isinstance(page, ProgressPage)
    qtbot.waitUntil(lambda: not page.unit.loading)
    page.week.show_person(office.rizky)

    office.services.progress.add(office.rizky, entry(office.rizky_rhks[0], MONDAY))  # no refresh

    monday = page.week.tree.topLevelItem(0)
    qtbot.waitUntil(lambda: page.week.tree.topLevelItem(0) is not monday)
    assert page.week.tree.topLevelItem(0).childCount() == 1  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not page.unit.loading)  # the unit tab read again too


def test_the_evidence_of_an_entry_opens_from_the_week(
    progress_office: Office, qtbot: QtBot, tmp_path: Path
) -> None:
    office = progress_office
    proof = tmp_path / "rekap.pdf"
    proof.write_bytes(b"%PDF-1.4 rekap")
    progress = office.services.progress
    progress.add(office.rizky, entry(office.rizky_rhks[0], MONDAY), proof)
    progress.add(
        office.rizky,
        entry(office.rizky_rhks[1], MONDAY, "10.00", "11.00", evidence_link="https://x.example/b"),
    )
    progress.add(office.rizky, entry(office.rizky_rhks[1], MONDAY, "13.00", "14.00"))
    panel = _week(office, qtbot)
    _select(panel, MONDAY, 0)
    assert panel.evidence_button.isEnabled()
    first, second, _ = panel.week.days[0].entries  # type: ignore[union-attr]
    assert Path(panel.evidence_url(first).toLocalFile()).read_bytes() == b"%PDF-1.4 rekap"
    assert panel.evidence_url(second).toString() == "https://x.example/b"
    _select(panel, MONDAY, 2)
    assert not panel.evidence_button.isEnabled()
