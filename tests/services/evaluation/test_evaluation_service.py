"""The evaluation of a period through the service, against a real SQLite file."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from raw_database import raw_connect

from kinerja_desktop.domain.errors import NotFoundError, ValidationError
from kinerja_desktop.domain.predikat import OrgPredikat
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.skp import (
    Aspek,
    IkiDraft,
    Pendekatan,
    RhkDraft,
    RhkKind,
    SkpDraft,
    SkpStatus,
)
from kinerja_desktop.domain.skp_records import SkpView
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.evaluation import EvaluationService, EvidenceKind, RatingSource
from kinerja_desktop.services.staff.service import StaffInput

D = Decimal
YEAR = 2026
UTAMA, TAMBAHAN = RhkKind.UTAMA, RhkKind.TAMBAHAN
DI_ATAS, SESUAI, DI_BAWAH = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH
IN_TW1 = date(YEAR, 2, 10)


@dataclass(frozen=True)
class Office:
    services: AppServices
    evaluation: EvaluationService
    unit_id: int
    head_id: int
    staff_id: int


@pytest.fixture
def office(services: AppServices, tmp_path: Path) -> Office:
    root = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    unit = services.staff.add_unit("Kecamatan Kertapati", root.id)
    head = _person(services, unit.id, "198103042006042011", "Siti Rahmawati", "Pengawas")
    staff = _person(
        services, unit.id, "199202282019032014", "Dewi Lestari", "Pelaksana", penilai_id=head
    )
    evaluation = EvaluationService(
        services.database, tmp_path / "evidence", AccessGuard.system(services.database)
    )
    return Office(services, evaluation, unit.id, head, staff)


def _person(
    services: AppServices,
    unit_id: int,
    nip: str,
    name: str,
    kind: str,
    *,
    penilai_id: int | None = None,
    joined: date = date(2020, 1, 2),
) -> int:
    fields = StaffFields(nip, name, "PNS", "III/a", "Analis", kind)
    created = services.staff.create(
        StaffInput(fields=fields, unit_id=unit_id, penilai_id=penilai_id, effective_date=joined)
    )
    return created.id


def _iki(target: str, *, lower: bool = False, text: str = "") -> IkiDraft:
    return IkiDraft(
        indicator=f"Indikator {target or text}",
        target=target,
        unit="Dokumen",
        target_text=text,
        lower_is_better=lower,
        aspek=Aspek.KUANTITAS,
    )


def _skp(
    office: Office,
    rhks: Sequence[tuple[RhkKind, Sequence[IkiDraft]]],
    *,
    pendekatan: Pendekatan = Pendekatan.KUANTITATIF,
    employee_id: int | None = None,
    agree: bool = True,
) -> SkpView:
    skp = office.services.skp
    created = skp.create(employee_id or office.staff_id, YEAR, pendekatan)
    draft = SkpDraft(
        pendekatan=pendekatan,
        rhks=tuple(
            RhkDraft(
                text=f"Hasil kerja {n}",
                kind=kind,
                indicators=tuple(ikis),
                parent_text="Sasaran kecamatan",
            )
            for n, (kind, ikis) in enumerate(rhks, 1)
        ),
    )
    saved = skp.save(created.id, created.version, draft)
    return skp.agree(saved.id, saved.version, date(YEAR, 1, 5)) if agree else saved


def _ikis(view: SkpView) -> list[int]:
    return [iki.id for rhk in view.rhks for iki in rhk.indicators]


def _snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    tables = ("realisations", "evidence", "rhk_feedback", "result_ratings")
    with raw_connect(path) as connection:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in tables
        }


# --- realisation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored", "percent"),
    [
        ("9", D("9"), D("90.00")),
        ("12,5", D("12.5"), D("120.00")),  # capped
        (" 10.5 ", D("10.5"), D("105.00")),
        ("0", D("0"), D("0.00")),
        ("1.250", D("1250"), D("120.00")),  # thousands dots, Indonesian style
        ("95%", D("95"), D("120.00")),
    ],
)
def test_realisation_is_read_as_a_number(
    office: Office, typed: str, stored: Decimal, percent: Decimal
) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])])

    result = office.evaluation.record_realisation(_ikis(view)[0], "TW1", typed)

    indicator = result.rhks[0].indicators[0]
    assert indicator.value == stored
    assert indicator.achievement == percent


@pytest.mark.parametrize(
    ("typed", "note", "message"),
    [
        ("dua", "", "Realisasi harus angka, mis. 12 atau 12,5; yang diisi 'dua'."),
        ("1e3", "", "yang diisi '1e3'"),
        ("1,250.5", "", "yang diisi '1,250.5'"),
        ("-3", "", "Realisasi tidak boleh negatif; yang diisi '-3'."),
        ("", "sudah dikirim", "keterangan saja belum cukup"),
        ("5", "x" * 1001, "Keterangan realisasi paling banyak 1000 karakter"),
    ],
)
def test_wrong_realisation_is_refused_naming_the_field(
    office: Office, typed: str, note: str, message: str
) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])])
    before = _snapshot(office.services.database_path)

    with pytest.raises(ValidationError) as caught:
        office.evaluation.record_realisation(_ikis(view)[0], "TW1", typed, note)

    assert message in caught.value.message
    assert caught.value.field == "realisation"
    assert _snapshot(office.services.database_path) == before


def test_an_empty_value_clears_the_realisation(office: Office) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])])
    iki = _ikis(view)[0]
    office.evaluation.record_realisation(iki, "TW1", "7", "laporan terkirim")

    cleared = office.evaluation.record_realisation(iki, "TW1", "  ")

    assert not cleared.rhks[0].indicators[0].has_realisation
    assert _snapshot(office.services.database_path)["realisations"] == []


def test_a_note_goes_with_the_figure(office: Office) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])])

    result = office.evaluation.record_realisation(_ikis(view)[0], "tw1", "9", " 2 dokumen  revisi ")

    indicator = result.rhks[0].indicators[0]
    assert (indicator.value, indicator.text) == (D("9"), "2 dokumen revisi")
    assert indicator.realisation_display == "9 Dokumen — 2 dokumen revisi"


def test_achievement_and_level_per_indicator(office: Office) -> None:
    view = _skp(office, [(UTAMA, [_iki("10"), _iki("5", lower=True), _iki("4")])])
    first, second, _ = _ikis(view)
    office.evaluation.record_realisation(first, "TW1", "11")
    office.evaluation.record_realisation(second, "TW1", "6")  # 6 days where 5 was the target

    result = office.evaluation.evaluation(view.id, "TW1")

    shown = [(i.achievement, i.level) for i in result.rhks[0].indicators]
    assert shown == [(D("110.00"), DI_ATAS), (D("80.00"), DI_BAWAH), (None, None)]
    assert result.rhks[0].indicators[0].iki.target_display == "10 Dokumen"


def test_rhk_level_is_the_mean_over_indicators_with_a_realisation(office: Office) -> None:
    view = _skp(office, [(UTAMA, [_iki("10"), _iki("10"), _iki("10")])])
    first, second, _ = _ikis(view)
    office.evaluation.record_realisation(first, "TW1", "10")  # 100
    office.evaluation.record_realisation(second, "TW1", "12")  # 120

    result = office.evaluation.evaluation(view.id, "TW1")

    rhk = result.rhks[0]
    assert (rhk.achievement, rhk.level) == (D("110.00"), DI_ATAS)
    assert result.proposal is not None
    assert "Indikator tanpa realisasi tidak dihitung: RHK 1 (1 indikator)." in (
        result.proposal.reasons
    )


def test_each_period_keeps_its_own_realisation_and_akhir_is_its_own(office: Office) -> None:
    view = _skp(office, [(UTAMA, [_iki("12")])])
    iki = _ikis(view)[0]
    office.evaluation.record_realisation(iki, "TW1", "3")
    office.evaluation.record_realisation(iki, "AKHIR", "12")

    tw1 = office.evaluation.evaluation(view.id, "TW1")
    tw2 = office.evaluation.evaluation(view.id, "TW2")
    akhir = office.evaluation.evaluation(view.id, "AKHIR")

    assert tw1.rhks[0].indicators[0].achievement == D("25.00")
    assert not tw2.has_realisation
    assert akhir.rhks[0].indicators[0].achievement == D("100.00")
    assert [p.code for p in akhir.periods] == ["TW1", "TW2", "TW3", "TW4", "AKHIR"]
    assert akhir.period.is_final


# --- the proposal -------------------------------------------------------------------------------

#: Realisation against a target of 100 that gives each level.
FIGURE = {DI_ATAS: "115", SESUAI: "100", DI_BAWAH: "80", None: ""}


@pytest.mark.parametrize(
    ("results", "rating", "reason"),
    [
        ([(UTAMA, DI_ATAS), (UTAMA, DI_ATAS), (TAMBAHAN, SESUAI)], DI_ATAS, "tidak ada RHK utama"),
        ([(UTAMA, SESUAI), (UTAMA, SESUAI), (TAMBAHAN, DI_BAWAH)], SESUAI, "memenuhi ekspektasi"),
        ([(UTAMA, DI_BAWAH), (UTAMA, DI_BAWAH), (TAMBAHAN, DI_ATAS)], DI_BAWAH, "Sebagian besar"),
        (
            [(UTAMA, DI_ATAS), (UTAMA, DI_ATAS), (UTAMA, DI_BAWAH), (TAMBAHAN, DI_ATAS)],
            SESUAI,
            "lebih dari sebagian kecil: RHK 3",
        ),
        (
            [(UTAMA, DI_ATAS), (UTAMA, None), (TAMBAHAN, DI_ATAS)],
            DI_ATAS,
            "Belum dihitung karena belum memiliki realisasi: RHK 2.",
        ),
    ],
)
def test_proposal_per_branch(
    office: Office,
    results: list[tuple[RhkKind, Rating | None]],
    rating: Rating,
    reason: str,
) -> None:
    view = _skp(office, [(kind, [_iki("100")]) for kind, _ in results])
    for iki, (_, level) in zip(_ikis(view), results, strict=True):
        office.evaluation.record_realisation(iki, "TW2", FIGURE[level])

    result = office.evaluation.evaluation(view.id, "TW2")

    assert [rhk.level for rhk in result.rhks] == [level for _, level in results]
    assert result.proposal is not None
    assert result.proposal.rating is rating
    assert any(reason in line for line in result.proposal.reasons), result.proposal.reasons
    assert result.waiting == ""


def test_no_proposal_yet_says_what_is_missing(office: Office) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")]), (TAMBAHAN, [_iki("4")])])

    result = office.evaluation.evaluation(view.id, "TW1")

    assert result.proposal is None
    assert result.waiting == (
        "Belum ada usulan rating: RHK 1, RHK 2 belum memiliki realisasi pada periode "
        "Triwulan I. Isi realisasi indikatornya."
    )


# --- qualitative approach -----------------------------------------------------------------------


def test_qualitative_realisation_is_text_and_the_level_is_the_assessment(office: Office) -> None:
    qualitative = [
        (UTAMA, [_iki("", text="Layanan surat tuntas tepat waktu")]),
        (TAMBAHAN, [_iki("", text="Arsip tertata")]),
    ]
    view = _skp(office, qualitative, pendekatan=Pendekatan.KUALITATIF)
    first, second = _ikis(view)
    rhk_one, rhk_two = (rhk.id for rhk in view.rhks)
    result = office.evaluation.record_realisation(first, "TW1", "Semua surat selesai")

    indicator = result.rhks[0].indicators[0]
    assert (indicator.value, indicator.text, indicator.achievement) == (
        None,
        "Semua surat selesai",
        None,
    )
    assert result.proposal is None
    assert "RHK 1, RHK 2 belum dinilai atasan" in result.waiting

    office.evaluation.record_realisation(second, "TW1", "Arsip 2025 sudah dipilah")
    office.evaluation.set_feedback(rhk_one, "TW1", "Pertahankan ketepatan waktu", DI_ATAS)
    result = office.evaluation.set_feedback(rhk_two, "TW1", "", DI_ATAS)

    assert [(rhk.assessment, rhk.level) for rhk in result.rhks] == [
        (DI_ATAS, DI_ATAS),
        (DI_ATAS, DI_ATAS),
    ]
    assert result.rhks[0].feedback == "Pertahankan ketepatan waktu"
    assert result.proposal is not None
    assert result.proposal.rating is DI_ATAS


def test_qualitative_realisation_takes_any_text(office: Office) -> None:
    view = _skp(office, [(UTAMA, [_iki("", text="Narasi")])], pendekatan=Pendekatan.KUALITATIF)

    result = office.evaluation.record_realisation(_ikis(view)[0], "TW1", "dua laporan")

    assert result.rhks[0].indicators[0].realisation_display == "dua laporan"


def test_assessment_is_refused_for_the_quantitative_approach(office: Office) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])])

    with pytest.raises(ValidationError, match="hanya untuk pendekatan kualitatif") as caught:
        office.evaluation.set_feedback(view.rhks[0].id, "TW1", "Bagus", DI_ATAS)
    assert caught.value.field == "assessment"


def test_feedback_is_kept_per_period_and_cleared_when_empty(office: Office) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])])
    rhk = view.rhks[0].id

    office.evaluation.set_feedback(rhk, "TW1", "  Tingkatkan   ketelitian ")
    assert office.evaluation.evaluation(view.id, "TW1").rhks[0].feedback == (
        "Tingkatkan ketelitian"
    )
    assert office.evaluation.evaluation(view.id, "TW2").rhks[0].feedback == ""
    office.evaluation.set_feedback(rhk, "TW1", "")
    assert _snapshot(office.services.database_path)["rhk_feedback"] == []


# --- the decision -------------------------------------------------------------------------------


def test_deciding_as_proposed_needs_no_reason(office: Office) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])])
    office.evaluation.record_realisation(_ikis(view)[0], "TW1", "10")

    result = office.evaluation.decide_rating(view.id, "TW1", SESUAI, on=date(YEAR, 4, 3))

    decision = result.decision
    assert decision is not None
    assert (decision.proposed, decision.final, decision.source) == (
        SESUAI,
        SESUAI,
        RatingSource.PROPOSAL,
    )
    assert decision.decided_on == date(YEAR, 4, 3)
    assert decision.proposed_reasons == result.proposal.reasons  # type: ignore[union-attr]
    assert office.evaluation.evaluation(view.id, "TW1").decision == decision


def test_an_override_needs_a_reason_and_keeps_the_proposal(office: Office) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])])
    office.evaluation.record_realisation(_ikis(view)[0], "TW1", "10")
    before = _snapshot(office.services.database_path)

    with pytest.raises(ValidationError) as caught:
        office.evaluation.decide_rating(view.id, "TW1", DI_ATAS, reason="  ", on=date(YEAR, 4, 3))
    assert caught.value.message == "Alasan wajib diisi bila rating berbeda dari usulan."
    assert caught.value.field == "reason"
    assert _snapshot(office.services.database_path) == before

    result = office.evaluation.decide_rating(
        view.id, "TW1", DI_ATAS, reason="Menangani lonjakan layanan KTP", on=date(YEAR, 4, 3)
    )
    decision = result.decision
    assert decision is not None
    assert (decision.proposed, decision.final, decision.source, decision.reason) == (
        SESUAI,
        DI_ATAS,
        RatingSource.OVERRIDE,
        "Menangani lonjakan layanan KTP",
    )


def test_deciding_again_replaces_the_decision_and_a_changed_proposal_shows(office: Office) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])])
    iki = _ikis(view)[0]
    office.evaluation.record_realisation(iki, "TW1", "10")
    office.evaluation.decide_rating(view.id, "TW1", SESUAI, on=date(YEAR, 4, 3))

    changed = office.evaluation.record_realisation(iki, "TW1", "12")
    assert changed.decision_outdated
    again = office.evaluation.decide_rating(view.id, "TW1", DI_ATAS, on=date(YEAR, 4, 4))

    assert not again.decision_outdated
    assert len(_snapshot(office.services.database_path)["result_ratings"]) == 1


def test_a_rating_without_any_realisation_is_refused(office: Office) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])])
    before = _snapshot(office.services.database_path)

    with pytest.raises(ValidationError, match="belum ada realisasi yang dicatat") as caught:
        office.evaluation.decide_rating(
            view.id, "TW1", SESUAI, reason="Kira-kira", on=date(YEAR, 4, 3)
        )

    assert caught.value.field == "final"
    assert _snapshot(office.services.database_path) == before


def test_qualitative_rating_waits_for_the_assessments(office: Office) -> None:
    view = _skp(office, [(UTAMA, [_iki("", text="Narasi")])], pendekatan=Pendekatan.KUALITATIF)
    office.evaluation.record_realisation(_ikis(view)[0], "TW1", "Sudah berjalan")

    with pytest.raises(ValidationError, match="belum dinilai atasan"):
        office.evaluation.decide_rating(view.id, "TW1", SESUAI, on=date(YEAR, 4, 3))


def test_unit_head_rating_from_the_organisation_needs_its_achievement(office: Office) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])], employee_id=office.head_id)

    with pytest.raises(ValidationError, match="capaian kinerja organisasi") as caught:
        office.evaluation.decide_rating(
            view.id, "AKHIR", DI_ATAS, from_organisation=True, on=date(YEAR, 12, 30)
        )
    assert caught.value.field == "reason"

    result = office.evaluation.decide_rating(
        view.id,
        "AKHIR",
        DI_ATAS,
        reason="Capaian kinerja organisasi: Istimewa",
        from_organisation=True,
        on=date(YEAR, 12, 30),
    )
    decision = result.decision
    assert decision is not None
    assert (decision.proposed, decision.final, decision.source) == (
        None,
        DI_ATAS,
        RatingSource.ORGANISASI,
    )
    assert decision.reason == "Capaian kinerja organisasi: Istimewa"
    assert not result.decision_outdated


# --- evidence -----------------------------------------------------------------------------------


def test_notes_and_links_are_kept_per_indicator_and_period(office: Office) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])])
    iki = _ikis(view)[0]

    note = office.evaluation.add_evidence(iki, "TW1", note="Rapat koordinasi", today=IN_TW1)
    link = office.evaluation.add_evidence(
        iki, "TW1", link="https://drive.example.go.id/laporan", today=IN_TW1
    )
    office.evaluation.add_evidence(iki, "AKHIR", link=r"\\server\bukti\laporan.pdf", today=IN_TW1)

    evidence = office.evaluation.evaluation(view.id, "TW1").rhks[0].indicators[0].evidence
    assert [(e.kind, e.display) for e in evidence] == [
        (EvidenceKind.NOTE, "Rapat koordinasi"),
        (EvidenceKind.LINK, "https://drive.example.go.id/laporan"),
    ]
    assert [e.id for e in evidence] == [note.id, link.id]
    assert note.added_on == IN_TW1

    office.evaluation.remove_evidence(note.id)
    evidence = office.evaluation.evaluation(view.id, "TW1").rhks[0].indicators[0].evidence
    assert [e.id for e in evidence] == [link.id]
    with pytest.raises(NotFoundError):
        office.evaluation.remove_evidence(note.id)


@pytest.mark.parametrize(
    ("link", "accepted"),
    [
        ("https://drive.example.go.id/file/d/1", True),
        ("HTTP://intranet/laporan", True),
        (r"D:\Bukti Kinerja\laporan maret.pdf", True),
        ("C:/Users/dewi/laporan.pdf", True),
        (r"\\server\berbagi\laporan.pdf", True),
        ("/home/dewi/laporan.pdf", True),
        ("file:///D:/laporan.pdf", True),
        ("www.example.go.id", False),
        ("laporan.pdf", False),
        ("https://", False),
        ("ftp://server/laporan", False),
    ],
)
def test_links_must_be_web_addresses_or_file_locations(
    office: Office, link: str, accepted: bool
) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])])
    add = office.evaluation.add_evidence
    if accepted:
        assert add(_ikis(view)[0], "TW1", link=link, today=IN_TW1).text == link
    else:
        with pytest.raises(ValidationError, match="alamat web") as caught:
            add(_ikis(view)[0], "TW1", link=link, today=IN_TW1)
        assert caught.value.field == "link"


def test_a_file_is_copied_with_its_hash_and_survives_the_original(
    office: Office, tmp_path: Path
) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])])
    original = tmp_path / "unduhan" / "Laporan Januari.pdf"
    original.parent.mkdir()
    original.write_bytes(b"%PDF-1.7 laporan januari")

    evidence = office.evaluation.add_evidence(_ikis(view)[0], "TW1", file=original, today=IN_TW1)
    original.unlink()

    assert evidence.kind is EvidenceKind.FILE
    assert evidence.sha256 == hashlib.sha256(b"%PDF-1.7 laporan januari").hexdigest()
    assert evidence.size == 24
    assert evidence.file_name == "Laporan Januari.pdf"
    assert evidence.display == "Laporan Januari.pdf (24 byte)"
    copy = office.evaluation.evidence_file(evidence.id)
    assert copy.read_bytes() == b"%PDF-1.7 laporan januari"
    assert copy.is_relative_to(tmp_path / "evidence")

    copy.write_bytes(b"diubah")
    if not office.services.database.server:
        with pytest.raises(Exception, match="isinya berubah"):
            office.evaluation.evidence_file(evidence.id)
        return
    # On a server the folder is this computer's cache: a changed copy is fetched again.
    assert office.evaluation.evidence_file(evidence.id).read_bytes() == b"%PDF-1.7 laporan januari"
    with raw_connect(office.services.database_path) as raw:
        raw.execute("UPDATE evidence_contents SET content = ?", (b"diubah di server",))
    copy.unlink()
    with pytest.raises(Exception, match="berubah di basis data server"):
        office.evaluation.evidence_file(evidence.id)


def test_evidence_for_a_period_not_begun_is_refused(office: Office, tmp_path: Path) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])])
    before = _snapshot(office.services.database_path)
    original = tmp_path / "foto.jpg"
    original.write_bytes(b"foto kegiatan")

    with pytest.raises(ValidationError) as caught:
        office.evaluation.add_evidence(
            _ikis(view)[0], "TW2", file=original, today=date(YEAR, 3, 30)
        )

    assert caught.value.message == (
        "Periode Triwulan II (1 April s.d. 30 Juni 2026) belum dimulai; bukti dukung "
        "bertanggal 30 Maret 2026 belum dapat dicatat untuknya."
    )
    assert caught.value.field == "date"
    assert _snapshot(office.services.database_path) == before
    assert not (tmp_path / "evidence").exists()


def test_evidence_after_the_period_is_kept_for_it(office: Office) -> None:
    """The evaluation of Triwulan I happens in April: evidence added then belongs to TW1."""
    view = _skp(office, [(UTAMA, [_iki("10")])])
    evidence = office.evaluation.add_evidence(
        _ikis(view)[0], "TW1", note="Laporan diserahkan 3 April", today=date(YEAR, 4, 3)
    )
    assert evidence.period_code == "TW1"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({}, "evidence"),
        ({"note": "   "}, "evidence"),
        ({"note": "Catatan", "link": "https://example.go.id"}, "evidence"),
        ({"note": "x" * 1001}, "note"),
    ],
)
def test_exactly_one_kind_of_evidence_at_a_time(
    office: Office, kwargs: dict[str, str], field: str
) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])])

    with pytest.raises(ValidationError) as caught:
        office.evaluation.add_evidence(_ikis(view)[0], "TW1", today=IN_TW1, **kwargs)

    assert caught.value.field == field


# --- what is refused leaves nothing behind ------------------------------------------------------


def test_everything_refused_leaves_the_database_unchanged(office: Office, tmp_path: Path) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])])
    iki, rhk = _ikis(view)[0], view.rhks[0].id
    office.evaluation.record_realisation(iki, "TW1", "8")
    office.evaluation.set_feedback(rhk, "TW1", "Perlu dikembangkan")
    office.evaluation.decide_rating(view.id, "TW1", DI_BAWAH, on=date(YEAR, 4, 1))
    before = _snapshot(office.services.database_path)
    evaluation = office.evaluation
    refused: list[Callable[[], object]] = [
        lambda: evaluation.record_realisation(iki, "TW1", "delapan"),
        lambda: evaluation.record_realisation(iki, "TW9", "8"),
        lambda: evaluation.record_realisation(iki, "S1", "8"),
        lambda: evaluation.set_feedback(rhk, "TW1", "x" * 2001),
        lambda: evaluation.set_feedback(rhk, "TW1", "Bagus", SESUAI),
        lambda: evaluation.decide_rating(view.id, "TW1", DI_ATAS, on=date(YEAR, 4, 2)),
        lambda: evaluation.decide_rating(view.id, "TW2", SESUAI, on=date(YEAR, 7, 2)),
        lambda: evaluation.add_evidence(iki, "TW1", file=tmp_path / "hilang.pdf", today=IN_TW1),
        lambda: evaluation.add_evidence(iki, "TW2", note="Terlambat", today=IN_TW1),
        lambda: evaluation.add_evidence(iki, "TW1", link="bukan tautan", today=IN_TW1),
    ]
    for attempt in refused:
        with pytest.raises(ValidationError):
            attempt()

    assert _snapshot(office.services.database_path) == before


def test_unknown_period_lists_the_valid_ones(office: Office) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])])

    with pytest.raises(ValidationError) as caught:
        office.evaluation.evaluation(view.id, "S1")

    assert caught.value.field == "period"
    assert "TW1 (Triwulan I)" in caught.value.message
    assert "AKHIR (Akhir)" in caught.value.message


def test_a_draft_skp_has_no_realisation_yet(office: Office) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])], agree=False)
    assert view.status is SkpStatus.DRAFT

    with pytest.raises(ValidationError, match="SKP ini masih draf, jadi belum ada realisasi"):
        office.evaluation.record_realisation(_ikis(view)[0], "TW1", "5")
    with pytest.raises(ValidationError, match="masih draf"):
        office.evaluation.add_evidence(_ikis(view)[0], "TW1", note="Rapat", today=IN_TW1)
    assert not office.evaluation.evaluation(view.id, "TW1").editable


def test_a_skp_under_revision_says_so(office: Office) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])])
    office.services.skp.start_revision(view.id, view.version, "Tugas tambahan dari camat")

    with pytest.raises(ValidationError, match="sedang direvisi"):
        office.evaluation.record_realisation(_ikis(view)[0], "TW1", "5")


def test_someone_who_joined_mid_year_has_only_their_periods(office: Office) -> None:
    newcomer = _person(
        office.services,
        office.unit_id,
        "198906152014031001",
        "Rizky Pratama",
        "Pelaksana",
        penilai_id=office.head_id,
        joined=date(YEAR, 5, 11),
    )
    view = _skp(office, [(UTAMA, [_iki("10")])], employee_id=newcomer)

    periods = office.evaluation.periods(view.id)

    assert [(p.code, p.start) for p in periods] == [
        ("TW2", date(YEAR, 5, 11)),
        ("TW3", date(YEAR, 7, 1)),
        ("TW4", date(YEAR, 10, 1)),
        ("AKHIR", date(YEAR, 5, 11)),
    ]
    with pytest.raises(ValidationError, match="Pilih salah satu: TW2"):
        office.evaluation.record_realisation(_ikis(view)[0], "TW1", "5")
    with pytest.raises(ValidationError, match=r"11 Mei s\.d\. 30 Juni 2026"):
        office.evaluation.add_evidence(
            _ikis(view)[0], "TW2", note="Orientasi", today=date(YEAR, 5, 2)
        )


def test_people_and_years_with_an_skp(office: Office) -> None:
    _skp(office, [(UTAMA, [_iki("10")])])
    _skp(office, [(UTAMA, [_iki("10")])], employee_id=office.head_id, agree=False)

    people = office.evaluation.people(YEAR)

    assert [(p.name, p.status) for p in people] == [
        ("Dewi Lestari", SkpStatus.DISEPAKATI),
        ("Siti Rahmawati", SkpStatus.DRAFT),
    ]
    assert office.evaluation.years() == [YEAR]
    assert office.evaluation.people(YEAR + 1) == []


def test_unknown_records_are_not_found(office: Office) -> None:
    with pytest.raises(NotFoundError):
        office.evaluation.evaluation(999, "TW1")
    with pytest.raises(NotFoundError):
        office.evaluation.record_realisation(999, "TW1", "1")
    with pytest.raises(NotFoundError):
        office.evaluation.set_feedback(999, "TW1", "x")
    with pytest.raises(NotFoundError):
        office.evaluation.evidence_file(999)


# --- unit heads (SE MenPANRB 3/2023) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("org", "rating"),
    [
        (OrgPredikat.ISTIMEWA, DI_ATAS),
        (OrgPredikat.BAIK, SESUAI),
        (OrgPredikat.BUTUH_PERBAIKAN, DI_BAWAH),
        (OrgPredikat.SANGAT_KURANG, DI_BAWAH),
    ],
)
def test_unit_head_proposal_follows_the_recorded_organisation_predikat(
    office: Office, org: OrgPredikat, rating: Rating
) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])], employee_id=office.head_id)
    office.services.distribution.set_org_predikat(
        office.unit_id, YEAR, "TW1", org, on=date(YEAR, 4, 2)
    )

    result = office.evaluation.evaluation(view.id, "TW1")

    assert result.unit_head is not None and result.unit_head.org is org
    assert result.proposal is not None
    assert result.proposal.rating is rating
    assert result.proposal.reasons[0].startswith(
        f"Mengikuti predikat kinerja organisasi Kecamatan Kertapati ({org.label})"
    )


def test_unit_head_without_organisation_predikat_is_told_so(office: Office) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])], employee_id=office.head_id)
    office.evaluation.record_realisation(_ikis(view)[0], "TW1", "12")

    result = office.evaluation.evaluation(view.id, "TW1")

    assert result.proposal is None
    assert "pimpinan unit kerja Kecamatan Kertapati" in result.waiting
    assert "belum dicatat" in result.waiting


def test_staff_are_not_unit_heads(office: Office) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])])
    office.services.distribution.set_org_predikat(
        office.unit_id, YEAR, "TW1", OrgPredikat.ISTIMEWA, on=date(YEAR, 4, 2)
    )
    office.evaluation.record_realisation(_ikis(view)[0], "TW1", "10")

    result = office.evaluation.evaluation(view.id, "TW1")

    assert result.unit_head is None
    assert result.proposal is not None and result.proposal.rating is SESUAI  # from the RHK


def test_unit_head_takes_the_organisation_rating_or_is_warned(office: Office) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])], employee_id=office.head_id)
    office.services.distribution.set_org_predikat(
        office.unit_id, YEAR, "TW1", OrgPredikat.BAIK, on=date(YEAR, 4, 2)
    )

    # No realisation is needed: the rating follows the organisation.
    taken = office.evaluation.decide_rating(view.id, "TW1", SESUAI, on=date(YEAR, 4, 3))
    assert taken.decision is not None
    assert taken.decision.source is RatingSource.ORGANISASI
    assert taken.decision.reason.startswith("Mengikuti predikat kinerja organisasi")
    assert taken.warnings == ()

    with pytest.raises(ValidationError, match="predikat kinerja organisasi") as caught:
        office.evaluation.decide_rating(view.id, "TW1", DI_ATAS, on=date(YEAR, 4, 3))
    assert caught.value.field == "reason"

    overridden = office.evaluation.decide_rating(
        view.id, "TW1", DI_ATAS, reason="Inovasi layanan terpadu", on=date(YEAR, 4, 3)
    )
    assert overridden.decision is not None
    assert overridden.decision.source is RatingSource.OVERRIDE
    (warning,) = overridden.warnings
    assert "(Di Atas Ekspektasi) berbeda dari predikat kinerja organisasi" in warning
    assert "Kecamatan Kertapati (Baik" in warning


def test_a_later_organisation_predikat_flags_the_decided_rating(office: Office) -> None:
    view = _skp(office, [(UTAMA, [_iki("10")])], employee_id=office.head_id)
    distribution = office.services.distribution
    distribution.set_org_predikat(
        office.unit_id, YEAR, "TW1", OrgPredikat.BAIK, on=date(YEAR, 4, 2)
    )
    office.evaluation.decide_rating(view.id, "TW1", SESUAI, on=date(YEAR, 4, 3))

    distribution.set_org_predikat(
        office.unit_id, YEAR, "TW1", OrgPredikat.ISTIMEWA, on=date(YEAR, 4, 5)
    )

    result = office.evaluation.evaluation(view.id, "TW1")
    assert result.proposal is not None and result.proposal.rating is DI_ATAS
    (warning,) = result.warnings
    assert "Istimewa" in warning


def test_a_sub_unit_head_follows_a_predikat_only_when_recorded(office: Office) -> None:
    seksi = office.services.staff.add_unit("Seksi Pelayanan Umum", office.unit_id)
    kasi = _person(
        office.services,
        seksi.id,
        "198906152014031001",
        "Rizky Pratama",
        "Pengawas",
        penilai_id=office.head_id,
    )
    view = _skp(office, [(UTAMA, [_iki("10")])], employee_id=kasi)
    office.evaluation.record_realisation(_ikis(view)[0], "TW1", "10")

    from_results = office.evaluation.evaluation(view.id, "TW1")
    assert from_results.unit_head is None
    assert from_results.proposal is not None and from_results.proposal.rating is SESUAI

    office.services.distribution.set_org_predikat(
        seksi.id, YEAR, "TW1", OrgPredikat.ISTIMEWA, on=date(YEAR, 4, 2)
    )
    followed = office.evaluation.evaluation(view.id, "TW1")
    assert followed.unit_head is not None and followed.unit_head.unit == "Seksi Pelayanan Umum"
    assert followed.proposal is not None and followed.proposal.rating is DI_ATAS
