"""The Kompetensi page: rate a competence, see the gap and JPM, accept a proposal into the plan."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.development.service import ItemInput
from kinerja_desktop.ui.development.page import COMPETENCE_COLUMNS, PLAN_COLUMNS, CompetencePage

CODE = "M.01"
#: The day the page takes as today.
TODAY = date(2026, 11, 28)


def _page(qtbot: QtBot, office: AppServices) -> CompetencePage:
    page = CompetencePage(office.competence, office.development, office.staff, today=lambda: TODAY)
    qtbot.addWidget(page)
    return page


def _cell(page: CompetencePage, code: str, column: str) -> str:
    for row in range(page.competences.rowCount()):
        if page.competences.item(row, 0).text() == code:
            return page.competences.item(row, COMPETENCE_COLUMNS.index(column)).text()
    raise AssertionError(code)


def test_without_person_nothing_to_rate(qtbot: QtBot, office: AppServices) -> None:
    page = _page(qtbot, office)
    assert page.competences.rowCount() == 0
    assert not page.rate_button.isEnabled()
    assert "0 dari 20 JP" in page.jp_label.text()


def test_rate_gap_propose_and_accept(qtbot: QtBot, office: AppServices) -> None:
    page = _page(qtbot, office)
    siti = office.staff.search_people("Siti")[0]
    page.person.set_person(siti)
    assert page.competences.rowCount() >= 9
    assert "(bawaan)" in _cell(page, CODE, "Level dibutuhkan")
    assert "belum ada" in page.jpm_label.text()
    assert "0 dari 20 JP" in page.jp_label.text()
    assert page.proposal_list.count() == 1  # only the "no proposals" note
    assert page.proposals == []

    assert page.select_competence(CODE)
    assert page.rate_button.isEnabled()
    dialog = page.rate_selected()
    assert dialog is not None
    # A reason is required: the error shows next to the field and nothing is saved.
    dialog.level.setValue(1)
    assert dialog.description.text().startswith("Level 1:")
    assert not dialog.save()
    assert dialog.errors["reason"].isVisibleTo(dialog)
    assert _cell(page, CODE, "Level dimiliki") == ""

    with qtbot.waitSignal(page.changed):
        dialog.reason.setText("Belum menunjukkan integritas dalam laporan kas.")
        assert dialog.save()
    required = int(_cell(page, CODE, "Level dibutuhkan").split()[0])
    assert _cell(page, CODE, "Level dimiliki") == "1"
    assert _cell(page, CODE, "Kesenjangan") == f"{1 - required:+d}"
    assert _cell(page, CODE, "Dinilai") != ""
    assert "JPM:" in page.jpm_label.text() and "%" in page.jpm_label.text()
    assert page.profile is not None and page.profile.jpm is not None

    proposals = page.proposals
    assert len(proposals) == 1
    assert CODE in proposals[0].addresses
    assert "Menjawab:" in page.proposal_list.item(0).text()

    before = page.jp_label.text()
    page.proposal_list.setCurrentRow(0)
    assert page.accept_button.isEnabled()
    with qtbot.waitSignal(page.changed):
        assert page.accept_selected()
    assert page.plan is not None and len(page.plan.items) == 1
    assert page.plan_table.rowCount() == 1
    assert page.plan_table.item(0, 0).text() == proposals[0].title
    assert page.jp_label.text() != before
    assert page.plan.jp.planned > 0
    assert "Masih kurang" in page.plan_warning.text()


def test_dismiss_hides_proposal(qtbot: QtBot, office: AppServices) -> None:
    page = _page(qtbot, office)
    siti = office.staff.search_people("Siti")[0]
    office.competence.rate(siti.id, CODE, 1, "Perlu dikembangkan.", TODAY)
    page.person.set_person(siti)
    assert len(page.proposals) == 1
    page.proposal_list.setCurrentRow(0)
    assert page.dismiss_selected()
    assert page.proposals == []


def test_enter_saves_and_escape_cancels(qtbot: QtBot, office: AppServices) -> None:
    page = _page(qtbot, office)
    page.person.set_person(office.staff.search_people("Siti")[0])
    page.select_competence(CODE)
    dialog = page.rate_selected()
    assert dialog is not None
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert _cell(page, CODE, "Level dimiliki") == ""

    dialog = page.rate_selected()
    assert dialog is not None
    dialog.level.setValue(4)
    dialog.reason.setText("Konsisten jujur dalam laporan.")
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert _cell(page, CODE, "Level dimiliki") == "4"


def _siti(page: CompetencePage, office: AppServices) -> int:
    siti = office.staff.search_people("Siti")[0]
    page.person.set_person(siti)
    return siti.id


def test_a_plan_item_is_checked_whole_then_saved(qtbot: QtBot, office: AppServices) -> None:
    page = _page(qtbot, office)
    _siti(page, office)
    dialog = page.add_item()
    assert dialog is not None
    dialog.title.setText("Pelatihan kepemimpinan pengawas")
    dialog.path.setCurrentIndex(dialog.path.findData("PELATIHAN_STRUKTURAL_KEPEMIMPINAN"))
    dialog.start.setDate(QDate(2026, 5, 10))
    dialog.end.setDate(QDate(2026, 5, 1))
    dialog.jp.setText("-3")
    assert not dialog.save()
    for field in ("addresses", "end", "jp"):
        assert dialog.errors[field].isVisibleTo(dialog), field
    assert page.plan is not None and page.plan.items == ()  # nothing saved half-way

    dialog.addresses.setText("Kompetensi M.06 Mengembangkan Diri dan Orang Lain")
    dialog.end.setDate(QDate(2026, 5, 20))
    dialog.jp.setText("40,5")
    with qtbot.waitSignal(page.changed):
        assert dialog.save()
    (item,) = page.plan.items
    assert (item.item.title, str(item.item.jp), item.item.end) == (
        "Pelatihan kepemimpinan pengawas",
        "40.5",
        date(2026, 5, 20),
    )
    assert page.plan_table.item(0, PLAN_COLUMNS.index("JP")).text() == "40,5"


def test_follow_up_an_item_at_a_new_period(qtbot: QtBot, office: AppServices) -> None:
    page = _page(qtbot, office)
    siti = _siti(page, office)
    long_ago = TODAY - timedelta(days=200)  # before the running period began
    entry = ItemInput("Perilaku Kolaboratif", "Mentoring rapat koordinasi", "MENTORING", "4")
    for title in ("Mentoring rapat koordinasi", "Coaching penyusunan laporan"):
        office.development.add_item(siti, TODAY.year, replace(entry, title=title), today=long_ago)
    page.refresh()
    status = PLAN_COLUMNS.index("Status")
    assert [page.plan_table.item(r, status).text() for r in range(2)] == [
        "Direncanakan — perlu ditinjau"
    ] * 2

    page.plan_table.selectRow(0)
    assert page.reviewed_button.isEnabled()
    with qtbot.waitSignal(page.changed):
        assert page.mark_selected_reviewed()
    assert page.plan_table.item(0, status).text() == "Direncanakan"

    page.plan_table.selectRow(1)
    dialog = page.edit_selected_item()
    assert dialog is not None
    assert dialog.title.text() == "Coaching penyusunan laporan"
    dialog.status.setCurrentIndex(dialog.status.findData("SELESAI"))
    dialog.evidence_note.setText("Notulen coaching 3 sesi")
    dialog.outcome.setPlainText("Laporan bulanan tepat waktu")
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(dialog.evidence_note, Qt.Key.Key_Return)
    done = page.plan.items[1]
    assert (done.item.status.label, done.evidence_note, done.outcome) == (
        "Selesai",
        "Notulen coaching 3 sesi",
        "Laporan bulanan tepat waktu",
    )
    assert page.plan_table.item(1, status).text() == "Selesai"
    assert "4 dari 20 JP selesai" in page.jp_label.text()


def test_edit_a_proposal_before_accepting_it(qtbot: QtBot, office: AppServices) -> None:
    page = _page(qtbot, office)
    siti = _siti(page, office)
    office.competence.rate(siti, CODE, 1, "Perlu dikembangkan.", TODAY)
    page.refresh()
    page.proposal_list.setCurrentRow(0)
    dialog = page.edit_and_accept_selected()
    assert dialog is not None
    assert CODE in dialog.addresses.text()
    dialog.provider.setText("BPSDM Sumatera Selatan")
    dialog.jp.setText("24")
    with qtbot.waitSignal(page.changed):
        assert dialog.save()
    (item,) = page.plan.items
    assert (item.provider, item.item.jp) == ("BPSDM Sumatera Selatan", 24)
    assert page.proposals == []  # accepted: not proposed again


def test_set_a_jabatans_required_level_and_read_the_history(
    qtbot: QtBot, office: AppServices
) -> None:
    page = _page(qtbot, office)
    siti = _siti(page, office)
    office.competence.rate(siti, CODE, 2, "Awal tahun", date(2026, 1, 10))
    office.competence.rate(siti, CODE, 3, "Setelah coaching", date(2026, 6, 10))
    page.refresh()
    page.select_competence(CODE)
    assert "(bawaan)" in _cell(page, CODE, "Level dibutuhkan")
    dialog = page.set_standard_of_selected()
    assert dialog is not None
    dialog.level.setValue(4)
    assert dialog.description.text().startswith("Level 4:")
    with qtbot.waitSignal(page.changed):
        assert dialog.save()
    assert _cell(page, CODE, "Level dibutuhkan") == "4"
    assert _cell(page, CODE, "Kesenjangan") == "-1"

    page.select_competence(CODE)
    history = page.show_history()
    assert history is not None
    texts = [
        [history.table.item(row, col).text() for col in range(3)]
        for row in range(history.table.rowCount())
    ]
    assert texts == [
        ["10 Juni 2026", "3", "Setelah coaching"],
        ["10 Januari 2026", "2", "Awal tahun"],
    ]


def test_add_and_edit_a_technical_competence_of_the_jabatan(
    qtbot: QtBot, office: AppServices
) -> None:
    page = _page(qtbot, office)
    _siti(page, office)
    dialog = page.edit_technical()
    assert dialog is not None
    dialog.name.setText("Pengelolaan administrasi kecamatan")
    assert not dialog.save()  # the code is required
    assert dialog.errors["code"].isVisibleTo(dialog)
    dialog.code.setText("T.KEC")
    dialog.levels[0].setText("Mengenal tata naskah dinas")
    with qtbot.waitSignal(page.changed):
        assert dialog.save()
    assert _cell(page, "T.KEC", "Kompetensi") == "Pengelolaan administrasi kecamatan"
    assert _cell(page, "T.KEC", "Level dibutuhkan") == ""  # no bawaan level for teknis

    page.select_competence("T.KEC")
    edit = page.edit_technical()
    assert edit is not None and edit.code.isReadOnly()
    edit.levels[1].setText("Menyusun naskah dinas sendiri")
    with qtbot.waitSignal(page.changed):
        assert edit.save()
    line = next(x for x in page.profile.lines if x.competence.code == "T.KEC")
    assert line.competence.levels[:2] == (
        "Mengenal tata naskah dinas",
        "Menyusun naskah dinas sendiri",
    )
