"""The SKP page, driven from the keyboard against real services on a temporary database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox

from kinerja_desktop.domain.skp import (
    Aspek,
    IkiDraft,
    Pendekatan,
    RhkDraft,
    SkpDraft,
    SkpStatus,
)
from kinerja_desktop.domain.skp_records import SkpView
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.ui.skp import page as skp_page
from kinerja_desktop.ui.skp.columns import Col
from kinerja_desktop.ui.skp.dialogs import AgreeDialog, RevisionDialog, VersionsDialog
from kinerja_desktop.ui.skp.page import SkpPage
from kinerja_desktop.ui.skp.roles import ErrorRole

#: The day the screens take as today.
TODAY = date(2026, 11, 28)

YEAR = 2026
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
RIZKY = "198906152014031001"
SITI = "198103042006042011"


@pytest.fixture(autouse=True)
def discard_when_closing(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page closed with unsaved edits asks first; at teardown the answer is Discard."""
    monkeypatch.setattr(
        skp_page.QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Discard
    )


def person_id(office: AppServices, nip: str) -> int:
    person = office.staff.find_by_nip(nip)
    assert person is not None
    return person.id


def open_page(office: AppServices, qtbot, nip: str | None = RIZKY) -> SkpPage:
    page = SkpPage(office.skp, office.staff, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    page.year.setValue(YEAR)
    if nip is not None:
        assert page.show_person(person_id(office, nip), YEAR)
    return page


def stored_skp(office: AppServices, nip: str = RIZKY) -> SkpView:
    view = office.skp.get(person_id(office, nip), YEAR)
    assert view is not None
    return view


def complete_draft() -> SkpDraft:
    return SkpDraft(
        Pendekatan.KUANTITATIF,
        rhks=(
            RhkDraft(
                "Terlaksananya pengelolaan data kependudukan",
                parent_text="Meningkatnya kualitas pelayanan publik",
                indicators=(
                    IkiDraft(
                        "Jumlah data yang dimutakhirkan", "500", "Data", aspek=Aspek.KUANTITAS
                    ),
                ),
            ),
        ),
    )


def saved_skp(office: AppServices, draft: SkpDraft | None = None) -> SkpView:
    created = office.skp.create(person_id(office, RIZKY), YEAR)
    return office.skp.save(created.id, created.version, draft or complete_draft())


def cell(page: SkpPage, field: str) -> QModelIndex:
    index = page.model.index_of_field(field)
    assert index.isValid(), field
    return index


def type_cell(qtbot, page: SkpPage, text: str) -> None:
    """Type into the current cell as a user does: F2 (unless already editing), text, Enter."""
    tree = page.tree
    index = tree.currentIndex()
    if tree.indexWidget(index) is None:
        qtbot.keyClick(tree, Qt.Key.Key_F2)
    editor = tree.indexWidget(index)
    assert editor is not None
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tree.indexWidget(index) is None)


def choose_in_cell(qtbot, page: SkpPage, text: str) -> None:
    """Open a list cell with F2, type the start of a choice, Enter."""
    tree = page.tree
    index = tree.currentIndex()
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    editor = tree.indexWidget(index)
    assert isinstance(editor, QComboBox)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tree.indexWidget(index) is None)


def key(qtbot, page: SkpPage, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier, n=1) -> None:
    for _ in range(n):
        qtbot.keyClick(page.tree, key, modifiers)


def add_indicator(qtbot, page: SkpPage, text: str, aspek: str, target: str, unit: str) -> None:
    """Ctrl+N opens the new indicator's text; Tab goes on to its target and unit."""
    key(qtbot, page, Qt.Key.Key_N, CTRL)
    tree = page.tree
    for value, last in ((text, False), (target, False), (unit, True)):
        index = tree.currentIndex()
        editor = tree.indexWidget(index)
        assert editor is not None
        qtbot.keyClicks(editor, value)
        qtbot.keyClick(editor, Qt.Key.Key_Return if last else Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda index=index: tree.indexWidget(index) is None)
    assert page.model.column_key(tree.currentIndex().column()) is Col.UNIT
    key(qtbot, page, Qt.Key.Key_Left, n=3)
    choose_in_cell(qtbot, page, aspek)


def test_build_save_and_reload_an_skp_with_the_keyboard(office: AppServices, qtbot) -> None:
    page = open_page(office, qtbot, nip=None)
    qtbot.keyClicks(page.person, "Rizky")
    qtbot.keyClick(page.person, Qt.Key.Key_Return)
    assert page.create_button.isVisible()
    assert "belum memiliki SKP" in page.create_info.text()
    qtbot.keyClick(page.create_button, Qt.Key.Key_Space)
    assert page.current_skp is not None

    plan = [
        (
            "Terlaksananya pelayanan administrasi kependudukan",
            "Meningkatnya kualitas pelayanan publik kecamatan",
            [
                ("Jumlah dokumen kependudukan yang diproses", "Kuan", "1.200", "Dokumen"),
                ("Persentase dokumen tanpa kesalahan", "Kual", "100", "%"),
                ("Waktu penyelesaian layanan", "W", "12", "Bulan"),
            ],
        ),
        (
            "Tersusunnya laporan kinerja seksi",
            "Terwujudnya akuntabilitas kinerja kecamatan",
            [
                ("Jumlah laporan kinerja", "Kuan", "4", "Laporan"),
                ("Persentase laporan diterima tanpa revisi", "Kual", "90", "%"),
                ("Ketepatan waktu penyampaian laporan", "W", "12,5", "Bulan"),
            ],
        ),
    ]
    for text, parent, indicators in plan:
        key(qtbot, page, Qt.Key.Key_N, CTRL | SHIFT)  # a new RHK, its text cell already open
        type_cell(qtbot, page, text)
        key(qtbot, page, Qt.Key.Key_Left)
        type_cell(qtbot, page, parent)
        for indicator in indicators:
            add_indicator(qtbot, page, *indicator)
    assert page.model.error_count() == 0
    assert page.has_unsaved_changes()

    key(qtbot, page, Qt.Key.Key_S, CTRL)
    assert not page.has_unsaved_changes()
    assert page.message.text() == "SKP disimpan."

    stored = stored_skp(office)
    assert [(rhk.text, rhk.parent_text) for rhk in stored.rhks] == [(t, p) for t, p, _ in plan]
    assert [
        [(iki.indicator, iki.aspek, iki.target, iki.unit) for iki in rhk.indicators]
        for rhk in stored.rhks
    ] == [
        [
            (
                "Jumlah dokumen kependudukan yang diproses",
                Aspek.KUANTITAS,
                Decimal(1200),
                "Dokumen",
            ),
            ("Persentase dokumen tanpa kesalahan", Aspek.KUALITAS, Decimal(100), "%"),
            ("Waktu penyelesaian layanan", Aspek.WAKTU, Decimal(12), "Bulan"),
        ],
        [
            ("Jumlah laporan kinerja", Aspek.KUANTITAS, Decimal(4), "Laporan"),
            ("Persentase laporan diterima tanpa revisi", Aspek.KUALITAS, Decimal(90), "%"),
            ("Ketepatan waktu penyampaian laporan", Aspek.WAKTU, Decimal("12.5"), "Bulan"),
        ],
    ]

    reopened = open_page(office, qtbot)
    assert reopened.model.to_draft() == stored.to_draft()
    assert reopened.model.data(cell(reopened, "rhk[1].iki[2].target")) == "12,5"


def test_paste_three_rows_from_a_spreadsheet(office: AppServices, qtbot) -> None:
    saved_skp(
        office,
        SkpDraft(Pendekatan.KUANTITATIF, rhks=(RhkDraft("Terkelolanya arsip kecamatan"),)),
    )
    page = open_page(office, qtbot)
    page.tree.setCurrentIndex(cell(page, "rhk[0].text"))
    key(qtbot, page, Qt.Key.Key_N, CTRL)
    qtbot.keyClick(page.tree.indexWidget(page.tree.currentIndex()), Qt.Key.Key_Escape)
    QApplication.clipboard().setText(
        "Jumlah arsip yang ditata\t250\tBerkas\r\n"
        "Persentase arsip terdigitalisasi\t75,5\t%\r\n"
        "Jumlah hari keterlambatan\t3\tHari\r\n"
    )
    key(qtbot, page, Qt.Key.Key_V, CTRL)
    assert page.message.text() == "3 baris ditempel (2 indikator baru); semua sel diterima."
    assert page.save()
    indicators = stored_skp(office).rhks[0].indicators
    assert [(iki.indicator, iki.target, iki.unit) for iki in indicators] == [
        ("Jumlah arsip yang ditata", Decimal(250), "Berkas"),
        ("Persentase arsip terdigitalisasi", Decimal("75.5"), "%"),
        ("Jumlah hari keterlambatan", Decimal(3), "Hari"),
    ]


def test_a_bad_target_is_marked_on_its_cell_and_nothing_is_saved(
    office: AppServices, qtbot
) -> None:
    before = saved_skp(office)
    page = open_page(office, qtbot)
    target = cell(page, "rhk[0].iki[0].target")
    page.tree.setCurrentIndex(target)
    qtbot.keyClick(page.tree, Qt.Key.Key_F2)
    editor = page.tree.indexWidget(target)
    editor.selectAll()  # type: ignore[union-attr]
    qtbot.keyClicks(editor, "lima ratus")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.tree.indexWidget(target) is None)
    message = "RHK 1, indikator 1: target harus angka, mis. 12 atau 12,5; yang diisi 'lima ratus'."
    assert page.model.data(target, ErrorRole) == message
    assert page.model.data(target, Qt.ItemDataRole.BackgroundRole) is not None
    assert page.message.text() == message

    key(qtbot, page, Qt.Key.Key_S, CTRL)
    assert page.message.text().startswith("SKP belum disimpan: 1 hal perlu diperbaiki")
    assert page.model.data(target, ErrorRole) == message
    assert page.tree.currentIndex() == target
    assert page.has_unsaved_changes()
    after = stored_skp(office)
    assert after.version == before.version
    assert after.rhks[0].indicators[0].target == Decimal(500)


def test_agree_locks_and_revision_reopens_with_the_old_version_kept(
    office: AppServices, qtbot
) -> None:
    saved_skp(
        office,
        SkpDraft(
            Pendekatan.KUANTITATIF,
            rhks=(
                RhkDraft(
                    "Terlaksananya pengelolaan data kependudukan",
                    parent_text="Meningkatnya kualitas pelayanan publik",
                    indicators=(IkiDraft("Jumlah data yang dimutakhirkan", "500"),),
                ),
            ),
        ),
    )
    page = open_page(office, qtbot)
    assert page.agree(date(YEAR, 1, 15)) is False  # incomplete: aspek and satuan missing
    assert page.model.data(cell(page, "rhk[0].iki[0].aspek"), ErrorRole) == (
        "RHK 1, indikator 1: pilih aspek."
    )
    assert "satuan" in page.model.data(cell(page, "rhk[0].iki[0].unit"), ErrorRole)
    assert stored_skp(office).status is SkpStatus.DRAFT

    page.model.setData(cell(page, "rhk[0].iki[0].aspek"), "Kuantitas")
    page.model.setData(cell(page, "rhk[0].iki[0].unit"), "Data")
    page.agree_button.click()
    dialog = page.active_dialog
    assert isinstance(dialog, AgreeDialog)
    dialog.date_edit.setDate(QDate(YEAR, 1, 15))
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)  # Enter agrees
    view = stored_skp(office)
    assert view.status is SkpStatus.DISEPAKATI
    assert view.rhks[0].indicators[0].unit == "Data"  # typed changes were saved first
    assert page.is_read_only()
    assert page.banner.isVisible()
    assert "Revisi" in page.banner.text()
    assert not page.save_button.isEnabled()
    target = cell(page, "rhk[0].iki[0].target")
    assert not page.model.flags(target) & Qt.ItemFlag.ItemIsEditable
    key(qtbot, page, Qt.Key.Key_N, CTRL | SHIFT)
    assert page.model.rhk_count() == 1
    assert page.expectations.fields[next(iter(page.expectations.fields))].isReadOnly()
    assert "Disepakati" in page.status_label.text()

    page.revise_button.click()
    revision = page.active_dialog
    assert isinstance(revision, RevisionDialog)
    revision.buttons.accepted.emit()
    assert revision.reason_error.text() == "Alasan revisi SKP wajib diisi."
    assert page.is_read_only()
    qtbot.keyClicks(revision.reason, "Penambahan tugas pelayanan keliling")
    qtbot.keyClick(revision.reason, Qt.Key.Key_Return)
    assert revision.result() == revision.DialogCode.Accepted
    assert not page.is_read_only()
    assert not page.banner.isVisible()
    assert page.model.flags(cell(page, "rhk[0].iki[0].target")) & Qt.ItemFlag.ItemIsEditable
    assert "Versi 2 (revisi ke-1)" in page.status_label.text()
    assert "Alasan revisi: Penambahan tugas pelayanan keliling" in page.status_label.text()

    page.versions_button.click()
    versions = page.active_dialog
    assert isinstance(versions, VersionsDialog)
    assert versions.list.count() == 1
    assert versions.list.item(0).text().startswith("Versi 1 — disepakati 15 Januari 2026")
    assert versions.model.read_only
    assert versions.model.to_draft().rhks[0].indicators[0].unit == "Data"


def test_switching_person_asks_before_discarding(
    office: AppServices, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved_skp(office)
    page = open_page(office, qtbot)
    page.tree.setCurrentIndex(cell(page, "rhk[0].text"))
    type_cell(qtbot, page, " (diubah)")
    page.expectations.fields[next(iter(page.expectations.fields))].setText("Ramah")
    assert page.has_unsaved_changes()
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def question(parent, title, text, *args):
        asked.append(title)
        return answers.pop(0)

    monkeypatch.setattr(skp_page.QMessageBox, "question", question)
    siti = person_id(office, SITI)
    assert not page.show_person(siti)
    assert page.person.text().startswith("Rizky Pratama")
    assert page.has_unsaved_changes()
    assert page.show_person(siti)
    assert asked == ["Simpan perubahan SKP?", "Simpan perubahan SKP?"]
    assert page.create_button.isVisibleTo(page)  # Siti has no SKP yet
    assert stored_skp(office).rhks[0].text == "Terlaksananya pengelolaan data kependudukan"


def test_save_from_the_question_keeps_the_work(
    office: AppServices, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved_skp(office)
    page = open_page(office, qtbot)
    page.lampiran.lists[next(iter(page.lampiran.lists))].setPlainText("Komputer\nInternet")
    monkeypatch.setattr(
        skp_page.QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Save
    )
    assert page.maybe_discard()
    assert list(stored_skp(office).lampiran.values()) == [("Komputer", "Internet")]


def test_delete_asks_when_the_row_has_text(
    office: AppServices, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved_skp(office)
    page = open_page(office, qtbot)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    discard = QMessageBox.StandardButton.Discard  # when the page closes at the end
    monkeypatch.setattr(
        skp_page.QMessageBox, "question", lambda *args: answers.pop(0) if answers else discard
    )
    page.tree.setCurrentIndex(cell(page, "rhk[0].iki[0].indicator"))
    key(qtbot, page, Qt.Key.Key_Delete)
    assert page.model.indicator_count() == 1
    key(qtbot, page, Qt.Key.Key_Delete)
    assert page.model.indicator_count() == 0
    key(qtbot, page, Qt.Key.Key_N, CTRL)  # an empty row goes without a question
    qtbot.keyClick(page.tree.indexWidget(page.tree.currentIndex()), Qt.Key.Key_Escape)
    key(qtbot, page, Qt.Key.Key_Delete)
    assert page.model.indicator_count() == 0
    assert answers == []


def test_tab_indents_and_shift_tab_outdents(office: AppServices, qtbot) -> None:
    saved_skp(
        office,
        SkpDraft(
            Pendekatan.KUANTITATIF,
            rhks=(
                RhkDraft("Laporan tersusun", indicators=(IkiDraft("Jumlah laporan", "4"),)),
                RhkDraft("Persentase laporan tepat waktu"),
            ),
        ),
    )
    page = open_page(office, qtbot)
    page.tree.setCurrentIndex(cell(page, "rhk[1].text"))
    key(qtbot, page, Qt.Key.Key_Tab)
    assert page.model.rhk_count() == 1
    assert page.model.data(page.tree.currentIndex()) == "Persentase laporan tepat waktu"
    key(qtbot, page, Qt.Key.Key_Up, CTRL)
    assert [iki.indicator for iki in page.model.to_draft().rhks[0].indicators] == [
        "Persentase laporan tepat waktu",
        "Jumlah laporan",
    ]
    key(qtbot, page, Qt.Key.Key_Tab, SHIFT)
    draft = page.model.to_draft()
    assert [rhk.text for rhk in draft.rhks] == [
        "Laporan tersusun",
        "Persentase laporan tepat waktu",
    ]
    assert [iki.indicator for iki in draft.rhks[1].indicators] == ["Jumlah laporan"]


def test_supervisor_rhk_is_picked_from_a_list(office: AppServices, qtbot) -> None:
    siti = office.skp.create(person_id(office, SITI), YEAR)
    office.skp.save(
        siti.id,
        siti.version,
        SkpDraft(Pendekatan.KUANTITATIF, rhks=(RhkDraft("Terwujudnya tertib administrasi"),)),
    )
    saved_skp(office)
    page = open_page(office, qtbot)
    page.tree.setCurrentIndex(cell(page, "rhk[0].parent"))
    choose_in_cell(qtbot, page, "Terwujud")
    assert page.save()
    parent_id = stored_skp(office).rhks[0].parent_rhk_id
    assert parent_id == stored_skp(office, SITI).rhks[0].id
    assert page.model.data(cell(page, "rhk[0].parent")) == "Terwujudnya tertib administrasi"


def test_a_stale_save_is_refused_plainly(
    office: AppServices, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = saved_skp(office)
    page = open_page(office, qtbot)
    office.skp.save(view.id, view.version, complete_draft())  # someone else saved meanwhile
    shown: list[str] = []
    monkeypatch.setattr(
        skp_page.QMessageBox, "critical", lambda parent, title, text: shown.append(text)
    )
    page.model.setData(cell(page, "rhk[0].text"), "Diubah di sini")
    assert not page.save()
    assert "sudah diubah di tempat lain" in shown[0]
    assert page.has_unsaved_changes()


def test_opening_a_large_skp_takes_one_service_call(
    office: AppServices, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    rhks = tuple(
        RhkDraft(
            f"RHK nomor {r}",
            parent_text="Sasaran kecamatan",
            indicators=tuple(
                IkiDraft(f"Indikator {r}.{i}", str(i + 1), "Dokumen", aspek=Aspek.KUANTITAS)
                for i in range(3)
            ),
        )
        for r in range(30)
    )
    saved_skp(office, SkpDraft(Pendekatan.KUANTITATIF, rhks=rhks))
    page = open_page(office, qtbot, nip=None)
    calls: list[str] = []
    for name in ("get", "by_id", "supervisor_options", "versions", "version"):
        original = getattr(office.skp, name)

        def counting(*args, _name=name, _original=original, **kwargs):
            calls.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(office.skp, name, counting)
    assert page.show_person(person_id(office, RIZKY), YEAR)
    assert calls == ["get"]
    assert page.model.rhk_count() == 30
    assert page.model.indicator_count() == 90


def test_qualitative_skp_shows_narrative_targets(office: AppServices, qtbot) -> None:
    page = open_page(office, qtbot)
    page.kualitatif.setChecked(True)
    assert page.create_skp()
    assert Col.TARGET_TEXT in page.model.columns
    assert Col.TARGET not in page.model.columns
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    assert "Target Naratif" in headers


def test_insert_adds_a_row_like_the_current_one_and_ctrl_j_changes_the_kind(
    office: AppServices, qtbot
) -> None:
    saved_skp(office)
    page = open_page(office, qtbot)
    page.tree.setCurrentIndex(cell(page, "rhk[0].iki[0].target"))
    key(qtbot, page, Qt.Key.Key_Insert)  # an indicator below this one, its text cell open
    type_cell(qtbot, page, "Persentase data valid")
    key(qtbot, page, Qt.Key.Key_Right)
    type_cell(qtbot, page, "95")
    assert [iki.indicator for iki in page.model.to_draft().rhks[0].indicators] == [
        "Jumlah data yang dimutakhirkan",
        "Persentase data valid",
    ]
    page.tree.setCurrentIndex(cell(page, "rhk[0].text"))
    key(qtbot, page, Qt.Key.Key_Insert)  # an RHK below this one
    type_cell(qtbot, page, "Terlaksananya kegiatan penunjang")
    key(qtbot, page, Qt.Key.Key_J, CTRL)
    draft = page.model.to_draft()
    assert [(rhk.text, rhk.kind.label) for rhk in draft.rhks] == [
        ("Terlaksananya pengelolaan data kependudukan", "A. Utama"),
        ("Terlaksananya kegiatan penunjang", "B. Tambahan"),
    ]
    key(qtbot, page, Qt.Key.Key_Down, CTRL)  # alone in its group: it stays
    assert page.model.to_draft() == draft
    assert page.save(), page.message.text()
    assert [rhk.kind.label for rhk in stored_skp(office).rhks] == ["A. Utama", "B. Tambahan"]
