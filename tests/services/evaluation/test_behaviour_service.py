"""Perilaku Kerja of a period through the service, against a real SQLite file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from raw_database import raw_connect

from kinerja_desktop.data.repositories import behaviour as behaviour_repo
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.predikat import OVERRIDE_MARK, Predikat
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.skp import Aspek, IkiDraft, Pendekatan, RhkDraft, RhkKind, SkpDraft
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.evaluation import EvaluationService
from kinerja_desktop.services.evaluation.behaviour import BehaviourService, draft_feedback
from kinerja_desktop.services.staff.service import StaffInput

YEAR = 2026
DI_ATAS, SESUAI, DI_BAWAH = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH
ON = date(YEAR, 4, 2)
V = BehaviourValue


@dataclass(frozen=True)
class Office:
    services: AppServices
    behaviour: BehaviourService
    evaluation: EvaluationService
    staff_id: int
    skp_id: int
    iki_id: int


def _person(services: AppServices, unit_id: int, nip: str, name: str, kind: str, **kw: int) -> int:
    fields = StaffFields(nip, name, "PNS", "III/a", "Analis", kind)
    return services.staff.create(
        StaffInput(
            fields=fields,
            unit_id=unit_id,
            penilai_id=kw.get("penilai_id"),
            effective_date=date(2020, 1, 2),
        )
    ).id


def make_office(services: AppServices, tmp_path: Path, *, agree: bool = True) -> Office:
    """A head and one staff member with an SKP of one main RHK (target 10 documents)."""
    root = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    unit = services.staff.add_unit("Kecamatan Kertapati", root.id)
    head = _person(services, unit.id, "198103042006042011", "Siti Rahmawati", "Pengawas")
    staff = _person(
        services, unit.id, "199202282019032014", "Dewi Lestari", "Pelaksana", penilai_id=head
    )
    created = services.skp.create(staff, YEAR, Pendekatan.KUANTITATIF)
    iki = IkiDraft(indicator="Dokumen selesai", target="10", unit="Dokumen", aspek=Aspek.KUANTITAS)
    draft = SkpDraft(
        pendekatan=Pendekatan.KUANTITATIF,
        rhks=(
            RhkDraft(
                text="Hasil kerja 1",
                kind=RhkKind.UTAMA,
                indicators=(iki,),
                parent_text="Sasaran kecamatan",
            ),
        ),
    )
    view = services.skp.save(created.id, created.version, draft)
    if agree:
        view = services.skp.agree(view.id, view.version, date(YEAR, 1, 5))
    evaluation = EvaluationService(
        services.database, tmp_path / "evidence", AccessGuard.system(services.database)
    )
    iki_id = view.rhks[0].indicators[0].id
    return Office(
        services,
        BehaviourService(services.database, AccessGuard.system(services.database)),
        evaluation,
        staff,
        view.id,
        iki_id,
    )


@pytest.fixture
def office(services: AppServices, tmp_path: Path) -> Office:
    return make_office(services, tmp_path)


def note(
    office: Office,
    value: BehaviourValue,
    sign: str,
    text: str,
    *,
    on: date = date(YEAR, 2, 10),
    serious: bool = False,
) -> None:
    """Write one journal entry straight through the repository (the journal is not ours)."""
    with office.services.database.transaction() as session:
        behaviour_repo.add_observation(
            session, office.staff_id, on, value.value, sign=sign, text=text, serious=serious
        )


def decide_hasil(office: Office, rating: Rating, period: str = "TW1") -> None:
    office.evaluation.record_realisation(office.iki_id, period, "10")
    office.evaluation.decide_rating(office.skp_id, period, rating, reason="Uji kuadran", on=ON)


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    tables = ("behaviour_feedback", "behaviour_ratings", "predikat_decisions")
    with raw_connect(path) as connection:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in tables
        }


# --- the journal and the feedback ---------------------------------------------------------------


def test_period_view_groups_the_periods_entries_by_value(office: Office) -> None:
    note(office, V.BERORIENTASI_PELAYANAN, "POSITIF", "Melayani warga dengan ramah.")
    note(office, V.BERORIENTASI_PELAYANAN, "NEGATIF", "Terlambat membalas surat warga")
    note(office, V.KOMPETEN, "POSITIF", "Mengikuti pelatihan arsip", on=date(YEAR, 3, 31))
    note(office, V.KOMPETEN, "POSITIF", "Di luar periode", on=date(YEAR, 4, 1))

    view = office.behaviour.period_view(office.skp_id, "tw1")

    assert view.period.code == "TW1"
    assert [item.value for item in view.values] == list(BehaviourValue)
    pelayanan = view.value(V.BERORIENTASI_PELAYANAN)
    assert pelayanan.label == "Berorientasi Pelayanan"
    assert pelayanan.counts_text == "1 positif, 1 negatif, 0 netral"
    assert pelayanan.stored is None
    assert pelayanan.draft.startswith("Yang sudah berjalan baik: Melayani warga dengan ramah.")
    assert "Yang perlu dikembangkan: Terlambat membalas surat warga." in pelayanan.draft
    assert len(view.value(V.KOMPETEN).entries) == 1  # 1 April is Triwulan II
    assert view.value(V.LOYAL).draft == ""
    assert view.entry_count == 3
    assert view.rating is None and view.editable


def test_draft_without_entries_is_empty() -> None:
    assert draft_feedback(V.HARMONIS, ()) == ""


def test_draft_of_positive_entries_asks_to_share_the_practice(office: Office) -> None:
    note(office, V.KOLABORATIF, "POSITIF", "Mengajak bidang lain menyusun jadwal bersama")
    draft = office.behaviour.period_view(office.skp_id, "TW1").value(V.KOLABORATIF).draft
    assert "Yang perlu dikembangkan" not in draft
    assert "bagikan praktik baiknya" in draft


def test_save_feedback_keeps_the_supervisors_text(office: Office) -> None:
    note(office, V.AKUNTABEL, "POSITIF", "Laporan keuangan tepat waktu")
    view = office.behaviour.save_feedback(
        office.skp_id, "TW1", V.AKUNTABEL, "  Laporan  tepat waktu.\nPertahankan. "
    )
    assert view.value(V.AKUNTABEL).stored == "Laporan tepat waktu.\nPertahankan."

    cleared = office.behaviour.save_feedback(office.skp_id, "TW1", V.AKUNTABEL, "   ")
    assert cleared.value(V.AKUNTABEL).stored is None


def test_feedback_too_long_is_refused(office: Office, db_path: Path) -> None:
    before = snapshot(db_path)
    with pytest.raises(ValidationError) as caught:
        office.behaviour.save_feedback(office.skp_id, "TW1", V.ADAPTIF, "x" * 2001)
    assert caught.value.field == "feedback"
    assert snapshot(db_path) == before


# --- the Rating Perilaku Kerja ------------------------------------------------------------------


def test_proposal_comes_with_its_reasons(office: Office) -> None:
    empty = office.behaviour.period_view(office.skp_id, "TW1")
    assert empty.proposal.rating is SESUAI
    assert empty.proposal.reasons[0] == "Belum ada catatan perilaku pada periode ini."

    for value in (V.BERORIENTASI_PELAYANAN, V.AKUNTABEL, V.KOMPETEN, V.ADAPTIF):
        note(office, value, "POSITIF", "Baik")
    view = office.behaviour.period_view(office.skp_id, "TW1")
    assert view.proposal.rating is DI_ATAS
    assert view.proposal.reasons[0].startswith("4 catatan positif pada 4 nilai")


def test_serious_entry_proposes_below(office: Office) -> None:
    note(
        office, V.AKUNTABEL, "NEGATIF", "Memakai kendaraan dinas untuk urusan pribadi", serious=True
    )
    view = office.behaviour.period_view(office.skp_id, "TW1")
    assert view.proposal.rating is DI_BAWAH
    assert "serius" in view.proposal.reasons[1]
    assert "Ada catatan yang serius" in view.value(V.AKUNTABEL).draft


def test_decide_as_proposed_needs_no_reason(office: Office) -> None:
    view = office.behaviour.decide_rating(office.skp_id, "TW1", SESUAI, on=ON)
    assert view.rating is not None
    assert (view.rating.proposed, view.rating.final) == (SESUAI, SESUAI)
    assert not view.rating.overridden
    assert view.rating.proposed_reasons == view.proposal.reasons
    assert view.rating.decided_on == ON


def test_override_needs_a_reason_and_keeps_both(office: Office, db_path: Path) -> None:
    before = snapshot(db_path)
    with pytest.raises(ValidationError) as caught:
        office.behaviour.decide_rating(office.skp_id, "TW1", DI_ATAS, "   ", on=ON)
    assert caught.value.field == "reason"
    assert "berbeda dari usulan" in caught.value.message
    assert snapshot(db_path) == before

    view = office.behaviour.decide_rating(
        office.skp_id, "TW1", DI_ATAS, "Menjadi mentor dua pegawai baru", on=ON
    )
    assert view.rating is not None
    assert (view.rating.proposed, view.rating.final) == (SESUAI, DI_ATAS)
    assert view.rating.overridden
    assert view.rating.reason == "Menjadi mentor dua pegawai baru"


def test_rating_before_the_period_begins_is_refused(office: Office, db_path: Path) -> None:
    before = snapshot(db_path)
    with pytest.raises(ValidationError) as caught:
        office.behaviour.decide_rating(office.skp_id, "TW2", SESUAI, on=date(YEAR, 3, 1))
    assert caught.value.field == "final"
    assert "belum dimulai" in caught.value.message
    assert snapshot(db_path) == before


def test_draft_skp_is_refused(services: AppServices, tmp_path: Path, db_path: Path) -> None:
    office = make_office(services, tmp_path, agree=False)
    assert not office.behaviour.period_view(office.skp_id, "TW1").editable
    before = snapshot(db_path)
    with pytest.raises(ValidationError, match="masih draf"):
        office.behaviour.decide_rating(office.skp_id, "TW1", SESUAI, on=ON)
    with pytest.raises(ValidationError, match="masih draf"):
        office.behaviour.save_feedback(office.skp_id, "TW1", V.LOYAL, "Baik")
    assert snapshot(db_path) == before


def test_unknown_period_is_refused(office: Office) -> None:
    with pytest.raises(ValidationError) as caught:
        office.behaviour.period_view(office.skp_id, "TW9")
    assert caught.value.field == "period"


def test_journal_change_marks_the_rating_outdated(office: Office) -> None:
    office.behaviour.decide_rating(office.skp_id, "TW1", SESUAI, on=ON)
    note(office, V.AKUNTABEL, "NEGATIF", "Menyalahgunakan wewenang", serious=True)
    assert office.behaviour.period_view(office.skp_id, "TW1").rating_outdated


# --- the predikat -------------------------------------------------------------------------------

MATRIX = [
    (DI_ATAS, DI_BAWAH, Predikat.KURANG_MISCONDUCT),
    (DI_ATAS, SESUAI, Predikat.BAIK),
    (DI_ATAS, DI_ATAS, Predikat.SANGAT_BAIK),
    (SESUAI, DI_BAWAH, Predikat.KURANG_MISCONDUCT),
    (SESUAI, SESUAI, Predikat.BAIK),
    (SESUAI, DI_ATAS, Predikat.BAIK),
    (DI_BAWAH, DI_BAWAH, Predikat.SANGAT_KURANG),
    (DI_BAWAH, SESUAI, Predikat.BUTUH_PERBAIKAN),
    (DI_BAWAH, DI_ATAS, Predikat.BUTUH_PERBAIKAN),
]


@pytest.mark.parametrize(("hasil", "perilaku", "expected"), MATRIX)
def test_predikat_follows_the_kuadran(
    office: Office, hasil: Rating, perilaku: Rating, expected: Predikat
) -> None:
    decide_hasil(office, hasil)
    office.behaviour.decide_rating(office.skp_id, "TW1", perilaku, "Uji kuadran", on=ON)

    shown = office.behaviour.period_view(office.skp_id, "TW1").predikat
    assert (shown.hasil, shown.perilaku, shown.computed) == (hasil, perilaku, expected)
    assert shown.decision is None and shown.missing == ""

    view = office.behaviour.decide_predikat(office.skp_id, "TW1", None, on=ON)
    decision = view.predikat.decision
    assert decision is not None
    assert (decision.hasil, decision.perilaku) == (hasil, perilaku)
    assert decision.computed is expected and decision.final is expected
    assert not view.predikat.overridden
    assert decision.display == expected.label


@pytest.mark.parametrize(
    ("hasil", "perilaku", "missing"),
    [
        (None, None, "Rating Hasil Kerja dan Rating Perilaku Kerja"),
        (SESUAI, None, "Rating Perilaku Kerja periode"),
        (None, SESUAI, "Rating Hasil Kerja periode"),
    ],
)
def test_predikat_waits_for_both_ratings(
    office: Office, db_path: Path, hasil: Rating | None, perilaku: Rating | None, missing: str
) -> None:
    if hasil is not None:
        decide_hasil(office, hasil)
    if perilaku is not None:
        office.behaviour.decide_rating(office.skp_id, "TW1", perilaku, on=ON)
    view = office.behaviour.period_view(office.skp_id, "TW1")
    assert view.predikat.computed is None
    assert missing in view.predikat.missing

    before = snapshot(db_path)
    with pytest.raises(ValidationError) as caught:
        office.behaviour.decide_predikat(office.skp_id, "TW1", None, on=ON)
    assert caught.value.field == "final"
    assert missing in caught.value.message
    assert "Predikat Kinerja Triwulan I belum dapat ditetapkan" in caught.value.message
    assert snapshot(db_path) == before


def test_predikat_override_needs_a_reason_and_is_marked(office: Office, db_path: Path) -> None:
    decide_hasil(office, SESUAI)
    office.behaviour.decide_rating(office.skp_id, "TW1", SESUAI, on=ON)
    before = snapshot(db_path)
    with pytest.raises(ValidationError) as caught:
        office.behaviour.decide_predikat(office.skp_id, "TW1", Predikat.SANGAT_BAIK, " ", on=ON)
    assert caught.value.field == "reason"
    assert snapshot(db_path) == before

    view = office.behaviour.decide_predikat(
        office.skp_id, "TW1", Predikat.SANGAT_BAIK, "Inovasi layanan daring kecamatan", on=ON
    )
    decision = view.predikat.decision
    assert decision is not None
    assert (decision.computed, decision.final) == (Predikat.BAIK, Predikat.SANGAT_BAIK)
    assert view.predikat.overridden
    assert decision.reason == "Inovasi layanan daring kecamatan"
    assert decision.display == f"Sangat Baik ({OVERRIDE_MARK}: Baik)"

    back = office.behaviour.decide_predikat(office.skp_id, "TW1", Predikat.BAIK, "", on=ON)
    assert back.predikat.decision is not None and not back.predikat.overridden


def test_changed_rating_marks_the_predikat_outdated(office: Office) -> None:
    decide_hasil(office, SESUAI)
    office.behaviour.decide_rating(office.skp_id, "TW1", SESUAI, on=ON)
    office.behaviour.decide_predikat(office.skp_id, "TW1", None, on=ON)
    view = office.behaviour.decide_rating(office.skp_id, "TW1", DI_ATAS, "Teladan", on=ON)
    assert view.predikat.outdated
    assert view.predikat.computed is Predikat.BAIK


def test_a_predikat_set_on_objection_is_final(office: Office, db_path: Path) -> None:
    decide_hasil(office, SESUAI)
    office.behaviour.decide_rating(office.skp_id, "TW1", DI_BAWAH, "Uji kuadran", on=ON)
    office.behaviour.decide_predikat(office.skp_id, "TW1", None, on=ON)
    dialogue = office.services.dialogue
    dialogue.record_result_received(office.skp_id, "TW1", date(YEAR, 4, 6))
    dialogue.file_objection(office.skp_id, "TW1", "Keberatan.", date(YEAR, 4, 7))
    dialogue.record_decision(office.skp_id, "TW1", "Diubah.", date(YEAR, 4, 9), Predikat.BAIK)
    before = snapshot(db_path)

    with pytest.raises(ValidationError, match="atas keberatan") as caught:
        office.behaviour.decide_predikat(
            office.skp_id, "TW1", Predikat.SANGAT_KURANG, "Ubah lagi", on=date(YEAR, 4, 10)
        )

    assert caught.value.field == "final"
    assert snapshot(db_path) == before
    # A rating changed later does not make the atasan's final predikat outdated.
    office.behaviour.decide_rating(office.skp_id, "TW1", SESUAI, "Uji", on=date(YEAR, 4, 11))
    status = office.behaviour.period_view(office.skp_id, "TW1").predikat
    assert status.effective is not None and status.effective.predikat is Predikat.BAIK
    assert not status.outdated
