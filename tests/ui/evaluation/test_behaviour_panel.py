"""The Perilaku Kerja panel: feedback from the journal, the rating, and the predikat."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kinerja_desktop.data.models import EmployeeRow
from kinerja_desktop.data.repositories import behaviour as behaviour_repo
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.predikat import Predikat
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.skp import Aspek, IkiDraft, Pendekatan, RhkDraft, RhkKind, SkpDraft
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.evaluation import EvaluationService
from kinerja_desktop.services.evaluation.behaviour import BehaviourService
from kinerja_desktop.ui.evaluation.behaviour_panel import BehaviourPanel

#: The day the screens take as today.
TODAY = date(2026, 11, 28)

YEAR = 2026
ON = date(YEAR, 4, 2)
V = BehaviourValue


def _agreed_skp(services: AppServices, employee_id: int) -> tuple[int, int]:
    created = services.skp.create(employee_id, YEAR, Pendekatan.KUANTITATIF)
    iki = IkiDraft(indicator="Dokumen selesai", target="10", unit="Dokumen", aspek=Aspek.KUANTITAS)
    draft = SkpDraft(
        pendekatan=Pendekatan.KUANTITATIF,
        rhks=(
            RhkDraft(
                text="Menyelesaikan administrasi surat",
                kind=RhkKind.UTAMA,
                indicators=(iki,),
                parent_text="Sasaran kecamatan",
            ),
        ),
    )
    saved = services.skp.save(created.id, created.version, draft)
    agreed = services.skp.agree(saved.id, saved.version, date(YEAR, 1, 5))
    return agreed.id, agreed.rhks[0].indicators[0].id


@pytest.fixture
def setup(
    office: AppServices, qtbot: QtBot, tmp_path: Path
) -> tuple[BehaviourPanel, int, EvaluationService]:
    employee_id = _employee_id(office, "Dewi Lestari")
    skp_id, iki_id = _agreed_skp(office, employee_id)
    with office.database.transaction() as session:
        for value, sign, text in (
            (V.BERORIENTASI_PELAYANAN, "POSITIF", "Membantu warga mengisi formulir daring"),
            (V.BERORIENTASI_PELAYANAN, "NEGATIF", "Antrean surat pindah menumpuk dua hari"),
            (V.KOMPETEN, "POSITIF", "Mengajari rekan memakai aplikasi surat"),
        ):
            behaviour_repo.add_observation(
                session, employee_id, date(YEAR, 2, 10), value.value, sign=sign, text=text
            )
    evaluation = EvaluationService(
        office.database, tmp_path / "evidence", AccessGuard.system(office.database)
    )
    evaluation.record_realisation(iki_id, "TW1", "10")
    evaluation.decide_rating(skp_id, "TW1", Rating.SESUAI, on=ON)
    panel = BehaviourPanel(
        BehaviourService(office.database, AccessGuard.system(office.database)),
        today=lambda: TODAY,
    )
    qtbot.addWidget(panel)
    panel.show_period(skp_id, "TW1")
    return panel, skp_id, evaluation


def _employee_id(services: AppServices, name: str) -> int:
    with services.database.reading() as session:
        found = session.scalar(select(EmployeeRow.id).where(EmployeeRow.name == name))
    assert found is not None
    return found


def test_draft_rating_and_predikat(
    setup: tuple[BehaviourPanel, int, EvaluationService], qtbot: QtBot
) -> None:
    panel, _, _ = setup
    assert panel.counts[V.BERORIENTASI_PELAYANAN].text() == "1 positif, 1 negatif, 0 netral"
    assert not panel.draft_buttons[V.LOYAL].isEnabled()  # no entries, no draft
    assert "belum dapat ditetapkan" in panel.matrix.text()
    assert "Rating Perilaku Kerja" in panel.matrix.text()
    assert not panel.save_predikat_button.isEnabled()

    # Draft the feedback from the journal, edit it a little, save it.
    panel.draft_buttons[V.BERORIENTASI_PELAYANAN].click()
    edit = panel.feedback_edits[V.BERORIENTASI_PELAYANAN]
    assert "Membantu warga mengisi formulir daring" in edit.toPlainText()
    assert "Yang perlu dikembangkan: Antrean surat pindah menumpuk dua hari" in edit.toPlainText()
    edit.setPlainText(edit.toPlainText() + " Target: antrean selesai hari itu juga.")
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(panel.save_feedback_button, Qt.MouseButton.LeftButton)
    assert panel.view is not None
    stored = panel.view.value(V.BERORIENTASI_PELAYANAN).stored
    assert stored is not None and stored.endswith("antrean selesai hari itu juga.")

    # The proposal with its reasons; decide as proposed.
    assert "Usulan dari jurnal: Sesuai Ekspektasi" in panel.proposal.text()
    assert "2 catatan positif pada 2 nilai" in panel.proposal.text()
    assert not panel.rating_reason.isVisibleTo(panel)
    with qtbot.waitSignal(panel.changed):
        assert panel.save_rating(on=ON)
    assert "Ditetapkan 2 April 2026: Sesuai Ekspektasi" in panel.rating_status.text()

    # Both ratings decided: the predikat box shows the matrix result.
    assert "hasil matriks: <b>Baik</b>" in panel.matrix.text()
    assert panel.save_predikat_button.isEnabled()
    assert panel.predikat_final.currentText() == "Sesuai matriks (Baik)"
    assert panel.save_predikat(on=ON)
    assert "Ditetapkan 2 April 2026: Baik" in panel.predikat_status.text()
    assert not panel.override_mark.isVisibleTo(panel)


def test_rating_override_needs_a_reason(
    setup: tuple[BehaviourPanel, int, EvaluationService],
) -> None:
    panel, _, _ = setup
    panel.rating_final.setCurrentIndex(panel.rating_final.findData(Rating.DI_ATAS.value))
    assert panel.rating_reason.isVisibleTo(panel)
    assert not panel.save_rating(on=ON)
    assert panel.rating_errors["reason"].isVisibleTo(panel)
    assert "berbeda dari usulan" in panel.rating_errors["reason"].text()
    assert panel.view is not None and panel.view.rating is None

    panel.rating_reason.setText("Menjadi mentor dua pegawai baru")
    assert panel.save_rating(on=ON)
    assert "berbeda dari usulan saat itu: Sesuai Ekspektasi" in panel.rating_status.text()


def test_predikat_override_needs_a_reason_and_is_marked(
    setup: tuple[BehaviourPanel, int, EvaluationService],
) -> None:
    panel, _, _ = setup
    assert panel.save_rating(on=ON)
    panel.predikat_final.setCurrentIndex(panel.predikat_final.findData(Predikat.SANGAT_BAIK.value))
    assert panel.predikat_reason.isVisibleTo(panel)
    assert not panel.save_predikat(on=ON)
    assert panel.predikat_errors["reason"].isVisibleTo(panel)
    assert "Tuliskan alasan penetapannya" in panel.predikat_errors["reason"].text()
    assert panel.view is not None and panel.view.predikat.decision is None

    panel.predikat_reason.setText("Inovasi layanan surat daring")
    assert panel.save_predikat(on=ON)
    assert panel.override_mark.isVisibleTo(panel)
    assert "ditetapkan berbeda dari matriks (matriks: Baik)" in panel.override_mark.text()
    assert panel.predikat_final.currentData() == Predikat.SANGAT_BAIK.value


def test_feedback_too_long_shows_next_to_its_value(
    setup: tuple[BehaviourPanel, int, EvaluationService],
) -> None:
    panel, _, _ = setup
    panel.feedback_edits[V.KOMPETEN].setPlainText("Bagus. ")
    panel.feedback_edits[V.ADAPTIF].setPlainText("x" * 2001)
    assert not panel.save_feedback()
    assert panel.feedback_errors[V.ADAPTIF].isVisibleTo(panel)
    assert "Adaptif" in panel.feedback_errors[V.ADAPTIF].text()
    assert panel.view is not None and panel.view.value(V.KOMPETEN).stored is None


def test_empty_panel(qtbot: QtBot, services: AppServices) -> None:
    panel = BehaviourPanel(
        BehaviourService(services.database, AccessGuard.system(services.database)),
        today=lambda: TODAY,
    )
    qtbot.addWidget(panel)
    panel.show_period(None, None)
    assert not panel.save_feedback_button.isEnabled()
    assert not panel.save_rating()
    assert "Pilih pegawai dan periode" in panel.proposal.text()


def test_typed_feedback_survives_a_refresh_of_the_same_period(
    setup: tuple[BehaviourPanel, int, EvaluationService],
) -> None:
    """Deciding the results rating re-shows the panel; unsaved feedback must not vanish."""
    panel, skp_id, _ = setup
    edit = panel.feedback_edits[V.KOMPETEN]
    edit.setPlainText("Aktif membimbing rekan baru.")
    panel.show_period(skp_id, "TW1")
    assert edit.toPlainText() == "Aktif membimbing rekan baru."
    panel.show_period(skp_id, "TW2")  # another period shows its own (empty) feedback
    assert edit.toPlainText() == ""
