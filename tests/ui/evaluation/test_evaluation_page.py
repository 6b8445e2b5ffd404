"""The Evaluasi page on the real services: edit in place, see the proposal, decide."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit

from kinerja_desktop.domain.predikat import OrgPredikat
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.skp import Aspek, IkiDraft, Pendekatan, RhkDraft, RhkKind, SkpDraft
from kinerja_desktop.domain.skp_records import SkpView
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.evaluation import EvaluationService, RatingSource
from kinerja_desktop.ui.evaluation.page import EvaluationPage
from kinerja_desktop.ui.evaluation.table_model import (
    COL_ACHIEVEMENT,
    COL_EVIDENCE,
    COL_FEEDBACK,
    COL_LEVEL,
    COL_REALISATION,
    COL_RHK_LEVEL,
)

#: The day the page takes as today; the data lives in its year.
TODAY = date(2026, 11, 28)
YEAR = TODAY.year


def _iki(name: str, target: str) -> IkiDraft:
    return IkiDraft(name, target=target, unit="Dokumen", aspek=Aspek.KUANTITAS)


def _agreed_skp(
    services: AppServices,
    nip: str,
    rhks: list[RhkDraft],
    pendekatan: Pendekatan = Pendekatan.KUANTITATIF,
) -> SkpView:
    person = services.staff.find_by_nip(nip)
    assert person is not None
    created = services.skp.create(person.id, YEAR, pendekatan)
    saved = services.skp.save(created.id, created.version, SkpDraft(pendekatan, tuple(rhks)))
    return services.skp.agree(saved.id, saved.version, date(YEAR, 1, 5))


@pytest.fixture
def evaluation(office: AppServices, tmp_path: Path) -> EvaluationService:
    return EvaluationService(
        office.database, tmp_path / "evidence", AccessGuard.system(office.database)
    )


@pytest.fixture
def skp(office: AppServices) -> SkpView:
    return _agreed_skp(
        office,
        "199202282019032014",  # Dewi Lestari
        [
            RhkDraft(
                "Surat masuk dan keluar teradministrasi",
                indicators=(_iki("Jumlah surat diagendakan", "10"), _iki("Arsip tertata", "4")),
                parent_text="Layanan administrasi kecamatan",
            ),
            RhkDraft(
                "Laporan kegiatan tersusun",
                kind=RhkKind.TAMBAHAN,
                indicators=(_iki("Jumlah laporan", "2"),),
            ),
        ],
    )


@pytest.fixture
def page(office: AppServices, evaluation: EvaluationService, skp: SkpView, qtbot) -> EvaluationPage:
    shown = EvaluationPage(evaluation, office.skp, office.staff, today=lambda: TODAY)
    qtbot.addWidget(shown)
    shown.resize(1300, 800)
    shown.show()
    qtbot.waitExposed(shown)
    shown.select(skp.id, "TW1")
    return shown


def _cell(page: EvaluationPage, row: int, column: int) -> str:
    return page.model.data(page.model.index(row, column))


def _type_into_cell(qtbot, page: EvaluationPage, row: int, column: int, text: str) -> QLineEdit:
    index = page.model.index(row, column)
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    # An editor closed a moment ago is hidden but not yet deleted: take the visible one.
    (editor,) = [e for e in page.table.findChildren(QLineEdit) if e.isVisible()]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    return editor


def _commit(qtbot, page: EvaluationPage, row: int, column: int, text: str) -> None:
    editor = _type_into_cell(qtbot, page, row, column, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Enter commits the edit (queued by Qt)
    qtbot.waitUntil(lambda: page.table.state() != QAbstractItemView.State.EditingState)


def test_recording_realisation_updates_achievement_and_proposal(
    page: EvaluationPage, evaluation: EvaluationService, skp: SkpView, qtbot
) -> None:
    assert page.period.currentData() == "TW1"
    assert page.model.rowCount() == 3
    assert "Belum ada usulan rating" in page.decision.proposal.text()
    changes: list[None] = []
    page.evaluation_changed.connect(lambda: changes.append(None))

    _commit(qtbot, page, 0, COL_REALISATION, "9")

    assert _cell(page, 0, COL_REALISATION) == "9 Dokumen"
    assert _cell(page, 0, COL_ACHIEVEMENT) == "90%"
    assert _cell(page, 0, COL_LEVEL) == "Di Bawah Ekspektasi"
    assert "Usulan: Di Bawah Ekspektasi" in page.decision.proposal.text()
    assert page.decision.final.currentData() == Rating.DI_BAWAH.value  # follows the proposal
    assert changes == [None]

    _commit(qtbot, page, 1, COL_REALISATION, "5")  # 125% capped at 120: the RHK averages 105
    _commit(qtbot, page, 2, COL_REALISATION, "2")

    assert _cell(page, 1, COL_ACHIEVEMENT) == "120%"
    assert _cell(page, 0, COL_RHK_LEVEL) == "Sesuai Ekspektasi (105%)"
    assert "Usulan: Sesuai Ekspektasi" in page.decision.proposal.text()
    stored = evaluation.evaluation(skp.id, "TW1")
    assert [i.value for rhk in stored.rhks for i in rhk.indicators] == [9, 5, 2]


def test_a_wrong_realisation_stays_in_its_cell_with_the_message(
    page: EvaluationPage, evaluation: EvaluationService, skp: SkpView, qtbot
) -> None:
    _commit(qtbot, page, 0, COL_REALISATION, "sembilan")

    assert _cell(page, 0, COL_REALISATION) == "sembilan"  # what was typed is not lost
    assert page.table_errors.isVisibleTo(page)
    assert page.table_errors.text() == (
        "RHK 1, indikator 1: Realisasi harus angka, mis. 12 atau 12,5; yang diisi 'sembilan'."
    )
    assert page.model.error_at(0, COL_REALISATION)
    assert not evaluation.evaluation(skp.id, "TW1").has_realisation

    _commit(qtbot, page, 0, COL_REALISATION, "9")

    assert not page.table_errors.isVisibleTo(page)
    assert page.model.error_at(0, COL_REALISATION) == ""


def test_escape_cancels_an_edit(page: EvaluationPage, evaluation: EvaluationService, skp, qtbot):
    editor = _type_into_cell(qtbot, page, 0, COL_REALISATION, "7")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.table.state() != QAbstractItemView.State.EditingState)

    assert _cell(page, 0, COL_REALISATION) == ""
    assert not evaluation.evaluation(skp.id, "TW1").has_realisation


def test_feedback_is_edited_beside_the_indicators(
    page: EvaluationPage, evaluation: EvaluationService, skp: SkpView, qtbot
) -> None:
    assert page.table.rowSpan(0, COL_FEEDBACK) == 2  # the RHK's two indicators

    _commit(qtbot, page, 0, COL_FEEDBACK, "Agenda surat perlu dikembangkan ke versi digital")

    stored = evaluation.evaluation(skp.id, "TW1")
    assert stored.rhks[0].feedback == "Agenda surat perlu dikembangkan ke versi digital"
    assert _cell(page, 0, COL_FEEDBACK) == stored.rhks[0].feedback


def test_an_override_needs_a_reason_next_to_the_field(
    page: EvaluationPage, evaluation: EvaluationService, skp: SkpView, qtbot
) -> None:
    for row, figure in ((0, "10"), (1, "4"), (2, "2")):
        _commit(qtbot, page, row, COL_REALISATION, figure)
    panel = page.decision
    assert panel.final.currentData() == Rating.SESUAI.value  # the proposal is preselected
    assert not panel.reason_needed

    panel.final.setCurrentIndex(panel.final.findData(Rating.DI_ATAS.value))
    assert panel.reason_needed
    assert panel.reason.isVisibleTo(panel)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)

    assert panel.errors["reason"].text() == "Alasan wajib diisi bila rating berbeda dari usulan."
    assert evaluation.evaluation(skp.id, "TW1").decision is None

    qtbot.keyClicks(panel.reason, "Menangani lonjakan surat pindah penduduk")
    qtbot.keyClick(panel.reason, Qt.Key.Key_Return)  # Enter saves

    decision = evaluation.evaluation(skp.id, "TW1").decision
    assert decision is not None
    assert (decision.proposed, decision.final, decision.source) == (
        Rating.SESUAI,
        Rating.DI_ATAS,
        RatingSource.OVERRIDE,
    )
    assert decision.reason == "Menangani lonjakan surat pindah penduduk"
    assert not panel.errors["reason"].isVisibleTo(panel)
    assert "Ditetapkan" in panel.status.text()
    assert "usulan saat itu Sesuai Ekspektasi" in panel.status.text()


def test_rating_from_the_organisation(
    page: EvaluationPage, evaluation: EvaluationService, skp: SkpView, qtbot
) -> None:
    panel = page.decision
    panel.from_organisation.setChecked(True)
    assert panel.reason_needed

    qtbot.keyClicks(panel.reason, "Capaian kinerja organisasi: Baik")
    assert panel.save()

    decision = evaluation.evaluation(skp.id, "TW1").decision
    assert decision is not None
    assert decision.source is RatingSource.ORGANISASI


def test_evidence_dialog_adds_and_removes(
    page: EvaluationPage, evaluation: EvaluationService, skp: SkpView, qtbot, tmp_path: Path
) -> None:
    page.period.setCurrentIndex(page.period.findData("AKHIR"))  # contains today
    assert "kumulatif" in page.notice.text()
    page.table.setCurrentIndex(page.model.index(0, COL_EVIDENCE))

    dialog = page.open_evidence()
    assert dialog is not None
    qtbot.keyClicks(dialog.note, "Buku agenda 2026 diperiksa")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.link, "bukan-tautan")
    qtbot.keyClick(dialog.link, Qt.Key.Key_Return)
    assert "alamat web" in dialog.errors["link"].text()
    assert not dialog.add_file(tmp_path / "hilang.pdf")
    assert "Berkas tidak ditemukan" in dialog.errors["file"].text()
    proof = tmp_path / "agenda.pdf"
    proof.write_bytes(b"%PDF agenda")
    assert dialog.add_file(proof)
    assert dialog.list.count() == 2
    dialog.list.setCurrentRow(0)
    dialog.remove_selected()
    assert dialog.list.count() == 1
    dialog.reject()

    assert _cell(page, 0, COL_EVIDENCE) == "1"
    stored = evaluation.evaluation(skp.id, "AKHIR").rhks[0].indicators[0].evidence
    assert [e.file_name for e in stored] == ["agenda.pdf"]


def test_person_search_and_draft_notice(
    office: AppServices, evaluation: EvaluationService, skp: SkpView, qtbot
) -> None:
    siti = office.staff.find_by_nip("198103042006042011")
    assert siti is not None
    office.skp.create(siti.id, YEAR)  # a draft: nothing to record yet
    page = EvaluationPage(evaluation, office.skp, office.staff, today=lambda: TODAY)
    qtbot.addWidget(page)

    assert page.picker.list.count() == 2
    qtbot.keyClicks(page.picker.search, "siti")
    visible = [
        page.picker.list.item(r) for r in range(2) if not page.picker.list.item(r).isHidden()
    ]
    assert [item.text().splitlines()[0] for item in visible] == ["Siti Rahmawati"]
    qtbot.keyClick(page.picker.search, Qt.Key.Key_Return)

    assert page.selected_skp_id() != skp.id
    assert "belum disepakati" in page.notice.text()
    assert not page.decision.isEnabled()
    assert page.model.rowCount() == 0  # an empty draft: no indicators yet
    assert page.open_evidence() is None


def test_qualitative_assessment_through_the_combo(
    office: AppServices, evaluation: EvaluationService, qtbot
) -> None:
    qualitative = _agreed_skp(
        office,
        "199507092022211005",  # Muhammad Iqbal
        [
            RhkDraft(
                "Layanan operasional tertib",
                indicators=(IkiDraft("Layanan berjalan tanpa keluhan"),),
                parent_text="Layanan kecamatan",
            )
        ],
        Pendekatan.KUALITATIF,
    )
    page = EvaluationPage(evaluation, office.skp, office.staff, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    page.select(qualitative.id, "TW2")
    _commit(qtbot, page, 0, COL_REALISATION, "Tidak ada keluhan selama triwulan")

    index = page.model.index(0, COL_RHK_LEVEL)
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    (combo,) = [c for c in page.table.findChildren(QComboBox) if c.isVisible()]
    combo.setCurrentIndex(combo.findData(Rating.DI_ATAS.value))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.state() != QAbstractItemView.State.EditingState)

    assert _cell(page, 0, COL_RHK_LEVEL) == "Di Atas Ekspektasi"
    assert "Usulan: Di Atas Ekspektasi" in page.decision.proposal.text()
    assert evaluation.evaluation(qualitative.id, "TW2").rhks[0].assessment is Rating.DI_ATAS


def test_unit_head_sees_the_organisation_proposal_and_the_warning(
    office: AppServices, evaluation: EvaluationService, qtbot
) -> None:
    head = _agreed_skp(
        office,
        "197805122003121002",  # Ahmad Fauzi, Camat: appraised from outside, so he leads the unit
        [
            RhkDraft(
                "Pelayanan kecamatan",
                indicators=(_iki("Jumlah layanan", "10"),),
                parent_text="Perjanjian kinerja Wali Kota",
            )
        ],
    )
    unit_id = office.staff.get(head.employee_id).unit_id
    office.distribution.set_org_predikat(unit_id, YEAR, "TW1", OrgPredikat.BAIK, on=TODAY)
    shown = EvaluationPage(
        evaluation, office.skp, office.staff, seals=office.seals, today=lambda: TODAY
    )
    qtbot.addWidget(shown)
    shown.select(head.id, "TW1")
    panel = shown.decision

    assert "Usulan: Sesuai Ekspektasi" in panel.proposal.text()
    assert (
        "Mengikuti predikat kinerja organisasi Kecamatan Kertapati (Baik)" in panel.proposal.text()
    )

    panel.final.setCurrentIndex(panel.final.findData(Rating.DI_ATAS.value))
    assert panel.reason_needed
    assert "predikat kinerja organisasi" in panel.reason.placeholderText()
    panel.reason.setText("Inovasi layanan terpadu")
    assert panel.save()
    assert "Perhatian: Rating Hasil Kerja yang ditetapkan (Di Atas Ekspektasi)" in (
        panel.status.text()
    )

    dialog = shown.sign()
    assert dialog is not None
    assert not dialog.warnings.isHidden()
    assert "berbeda dari predikat kinerja organisasi Kecamatan Kertapati" in dialog.warnings.text()
    dialog.reject()
