"""Starting SKPs from existing work: last year's SKP, a colleague's SKP, one RHK for many."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

import pytest

from kinerja_desktop.data.repositories import skp as skp_repo
from kinerja_desktop.data.skp_models import RealisationRow
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.errors import (
    NotFoundError,
    StaleEditError,
    ValidationError,
    ValidationErrors,
)
from kinerja_desktop.domain.periods import EvaluationScheme
from kinerja_desktop.domain.plans import TargetScale
from kinerja_desktop.domain.skp import (
    Aspek,
    IkiDraft,
    LampiranKind,
    Pendekatan,
    RhkDraft,
    RhkKind,
    SkpDraft,
    SkpLayout,
    SkpStatus,
)
from kinerja_desktop.domain.skp_records import SkpView
from kinerja_desktop.domain.staff import EmploymentEventKind, StaffFields
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.skp.copying import (
    AssignedRhk,
    SkippedPerson,
    SkpCopyService,
    already_exists_message,
    locked_target_message,
    no_previous_message,
)
from kinerja_desktop.services.skp.plans import PlanEdits
from kinerja_desktop.services.staff.service import StaffInput

YEAR = 2026
LAST = YEAR - 1
AGREED_ON = date(YEAR, 1, 20)
OPERATOR = "Operator Layanan Operasional"


@dataclass(frozen=True)
class Office:
    camat: int
    kasi: int  # Kepala Seksi Pelayanan Umum
    kasubag: int  # Kepala Subbagian Umum
    op1: int  # operators under the kasi
    op2: int
    op3: int  # an operator under the kasubag, jabatan typed in other case
    adm: int  # another jabatan under the kasi
    retired: int  # an operator under the kasi who has left


PEOPLE = [
    # key, name, golongan, jabatan, jenis, penilai key
    ("camat", "Ahmad Fauzi", "IV/a", "Camat Kertapati", "Administrator", None),
    ("kasi", "Siti Rahmawati", "III/d", "Kepala Seksi Pelayanan Umum", "Pengawas", "camat"),
    ("kasubag", "Yudi Fikri", "III/d", "Kepala Subbagian Umum", "Pengawas", "camat"),
    ("op1", "Aidil Fauzi", "II/c", OPERATOR, "Pelaksana", "kasi"),
    ("op2", "Azhari Firdaus", "II/c", OPERATOR, "Pelaksana", "kasi"),
    ("op3", "Eni Sulistyowati", "II/c", "OPERATOR layanan  operasional", "Pelaksana", "kasubag"),
    ("adm", "Tri Nugroho", "II/b", "Pengadministrasi Perkantoran", "Pelaksana", "kasi"),
    ("retired", "Nurul Safitri", "II/d", OPERATOR, "Pelaksana", "kasi"),
]


@pytest.fixture
def office(services: AppServices) -> Office:
    root = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    unit = services.staff.add_unit("Kecamatan Kertapati", root.id)
    ids: dict[str, int] = {}
    for number, (key, name, golongan, jabatan, kind, penilai) in enumerate(PEOPLE, start=1):
        nip = f"1985{number:02d}{number:02d}2010011{number:03d}"
        ids[key] = services.staff.create(
            StaffInput(
                fields=StaffFields(nip, name, "PNS", golongan, jabatan, kind),
                unit_id=unit.id,
                penilai_id=ids[penilai] if penilai else None,
                effective_date=date(2015, 1, 5),
            )
        ).id
    return Office(**ids)


@pytest.fixture
def copier(services: AppServices) -> SkpCopyService:
    return SkpCopyService(services.database, AccessGuard.system(services.database))


def iki(**changes: object) -> IkiDraft:
    values: dict[str, object] = {
        "indicator": "Jumlah berkas layanan yang diproses",
        "target": "120",
        "unit": "Berkas",
        "aspek": Aspek.KUANTITAS,
    }
    values.update(changes)
    return IkiDraft(**values)  # type: ignore[arg-type]


def rhk(text: str, *indicators: IkiDraft, **changes: object) -> RhkDraft:
    values: dict[str, object] = {"text": text, "indicators": indicators or (iki(),)}
    values.update(changes)
    return RhkDraft(**values)  # type: ignore[arg-type]


def write_skp(
    services: AppServices,
    employee_id: int,
    year: int,
    *rhks: RhkDraft,
    pendekatan: Pendekatan = Pendekatan.KUANTITATIF,
    **extra: object,
) -> SkpView:
    created = services.skp.create(employee_id, year, pendekatan)
    draft = SkpDraft(pendekatan=pendekatan, rhks=rhks, **extra)  # type: ignore[arg-type]
    return services.skp.save(created.id, created.version, draft)


def agree(services: AppServices, view: SkpView) -> SkpView:
    return services.skp.agree(view.id, view.version, AGREED_ON)


def content(view: SkpView) -> list[tuple[str, RhkKind, list[tuple[str, Decimal | None, str]]]]:
    """What a reader sees of the RHK, without ids and links."""
    return [
        (r.text, r.kind, [(i.indicator, i.target, i.unit) for i in r.indicators]) for r in view.rhks
    ]


# --- last year's SKP -------------------------------------------------------------------------


def test_start_from_previous_year_copies_the_content(
    services: AppServices, office: Office, copier: SkpCopyService
) -> None:
    previous = write_skp(
        services,
        office.camat,
        LAST,
        rhk(
            "Meningkatnya kualitas pelayanan kecamatan",
            iki(target_text="Layanan tanpa keluhan", target="", unit=""),
            parent_text="Renstra Kecamatan",
        ),
        rhk("Terlaksananya kegiatan sosial", kind=RhkKind.TAMBAHAN),
        pendekatan=Pendekatan.KUALITATIF,
        lampiran={LampiranKind.DUKUNGAN_SUMBER_DAYA: ("Komputer", "Koneksi internet")},
        expectations={BehaviourValue.KOLABORATIF: "Terbuka bekerja sama lintas seksi"},
    )

    started = copier.start_from_previous_year(office.camat, YEAR).skp

    assert (started.year, started.status, started.revision) == (YEAR, SkpStatus.DRAFT, 1)
    assert (started.period_start, started.period_end) == (date(YEAR, 1, 1), date(YEAR, 12, 31))
    assert started.pendekatan is Pendekatan.KUALITATIF
    assert started.layout is SkpLayout.JA_JF
    assert content(started) == content(previous)
    assert started.rhks[0].parent_text == "Renstra Kecamatan"
    assert started.rhks[0].indicators[0].target_text == "Layanan tanpa keluhan"
    assert started.lampiran == previous.lampiran
    assert started.expectations == previous.expectations
    # New rows: nothing is shared with last year's SKP, which stays as it was.
    assert {r.id for r in started.rhks}.isdisjoint(r.id for r in previous.rhks)
    assert services.skp.by_id(previous.id) == previous
    assert services.skp.get(office.camat, YEAR) == started


def test_start_from_previous_year_takes_the_latest_content(
    services: AppServices, office: Office, copier: SkpCopyService
) -> None:
    agreed = agree(
        services,
        write_skp(services, office.camat, LAST, rhk("Rencana awal", parent_text="Renstra")),
    )
    revising = services.skp.start_revision(agreed.id, agreed.version, "Perubahan anggaran")
    draft = revising.to_draft()
    services.skp.save(
        revising.id,
        revising.version,
        replace(draft, rhks=(replace(draft.rhks[0], text="Rencana setelah perubahan"),)),
    )

    started = copier.start_from_previous_year(office.camat, YEAR).skp

    assert [r.text for r in started.rhks] == ["Rencana setelah perubahan"]


def test_links_are_re_pointed_by_the_supervisors_rhk_text(
    services: AppServices, office: Office, copier: SkpCopyService
) -> None:
    kasi_last = write_skp(
        services,
        office.kasi,
        LAST,
        rhk("Layanan administrasi cepat", parent_text="Renstra"),
        rhk("Arsip layanan tertata", parent_text="Renstra"),
    )
    write_skp(
        services,
        office.op1,
        LAST,
        rhk("Berkas diproses tepat waktu", parent_rhk_id=kasi_last.rhks[0].id),
        rhk("Arsip digital", parent_rhk_id=kasi_last.rhks[1].id),
        rhk("Tugas tambahan", kind=RhkKind.TAMBAHAN),
    )
    # This year the kasi keeps the first result word for word and rewrites the second.
    kasi_now = write_skp(
        services,
        office.kasi,
        YEAR,
        rhk("Pengaduan ditangani", parent_text="Renstra"),
        rhk("Layanan administrasi cepat", parent_text="Renstra"),
        rhk("Arsip layanan tertata dan digital", parent_text="Renstra"),
    )

    started = copier.start_from_previous_year(office.op1, YEAR).skp

    assert [(r.text, r.parent_rhk_id) for r in started.rhks] == [
        ("Berkas diproses tepat waktu", kasi_now.rhks[1].id),
        ("Arsip digital", None),
        ("Tugas tambahan", None),
    ]
    assert started.rhks[0].parent_label == "Layanan administrasi cepat"
    # The empty link is what agreement then asks for.
    with pytest.raises(ValidationErrors) as raised:
        services.skp.agree(started.id, started.version, AGREED_ON)
    assert raised.value.by_field() == {
        "rhk[1].parent": "RHK 2: pilih RHK atasan yang diintervensi."
    }


def test_links_stay_empty_without_the_supervisors_skp_this_year(
    services: AppServices, office: Office, copier: SkpCopyService
) -> None:
    kasi_last = write_skp(services, office.kasi, LAST, rhk("Layanan cepat", parent_text="R"))
    write_skp(
        services, office.op1, LAST, rhk("Berkas diproses", parent_rhk_id=kasi_last.rhks[0].id)
    )

    started = copier.start_from_previous_year(office.op1, YEAR).skp

    assert [r.parent_rhk_id for r in started.rhks] == [None]


def test_start_from_previous_year_refusals(
    services: AppServices, office: Office, copier: SkpCopyService
) -> None:
    with pytest.raises(ValidationError) as none_last_year:
        copier.start_from_previous_year(office.op1, YEAR)
    assert none_last_year.value.message == (
        f"Aidil Fauzi belum memiliki SKP tahun {LAST}, jadi tidak ada yang dapat disalin. "
        f"Mulailah SKP tahun {YEAR} dari awal."
    )
    assert none_last_year.value.message == no_previous_message("Aidil Fauzi", YEAR)

    write_skp(services, office.op1, LAST, rhk("Berkas diproses"))
    existing = services.skp.create(office.op1, YEAR)
    with pytest.raises(ValidationError) as exists:
        copier.start_from_previous_year(office.op1, YEAR)
    assert exists.value.message == (
        f"Aidil Fauzi sudah memiliki SKP tahun {YEAR}. Buka SKP itu untuk melanjutkannya."
    )
    assert exists.value.message == already_exists_message("Aidil Fauzi", YEAR)
    assert services.skp.by_id(existing.id) == existing

    with pytest.raises(NotFoundError):
        copier.start_from_previous_year(9999, YEAR)


# --- last year's plans -------------------------------------------------------------------------


def _planned_last_year(services: AppServices, office: Office) -> SkpView:
    """The camat's SKP of last year with rencana aksi in two triwulan and a cumulative target."""
    previous = write_skp(
        services,
        office.camat,
        LAST,
        rhk(
            "Berkas layanan diproses",
            iki(),
            iki(indicator="Keluhan", target="4", unit="Kasus", lower_is_better=True),
            parent_text="Renstra",
        ),
        rhk("Arsip tertata", parent_text="Renstra"),
    )
    first, second = previous.rhks
    docs, complaints = first.indicators
    services.plans.save(
        previous.id,
        "TW1",
        PlanEdits(
            rencana_aksi={first.id: "Memproses berkas masuk", second.id: "Memilah arsip"},
            targets={docs.id: "30", complaints.id: "0"},
            scales={docs.id: TargetScale.KUMULATIF},
        ),
    )
    services.plans.save(
        previous.id,
        "TW4",
        PlanEdits(rencana_aksi={first.id: "Menutup berkas akhir tahun"}, targets={docs.id: "120"}),
    )
    return services.skp.by_id(previous.id)


def _plans_of(services: AppServices, view: SkpView) -> dict[str, object]:
    """Every period's plans of an SKP, by period code and RHK/indicator position."""
    out: dict[str, object] = {}
    for code in ("TW1", "TW2", "TW3", "TW4"):
        plan = services.plans.period_plan(view.id, code)
        out[code] = [
            (r.rencana_aksi, [(i.target, i.scale) for i in r.indicators]) for r in plan.rhks
        ]
    return out


def test_start_from_previous_year_copies_the_plans_on_the_same_scheme(
    services: AppServices, office: Office, copier: SkpCopyService
) -> None:
    previous = _planned_last_year(services, office)
    before = _plans_of(services, previous)

    result = copier.start_from_previous_year(office.camat, YEAR)

    kum, per = TargetScale.KUMULATIF, TargetScale.PER_PERIODE
    assert _plans_of(services, result.skp) == before
    assert before["TW1"] == [
        ("Memproses berkas masuk", [(Decimal(30), kum), (Decimal(0), per)]),
        ("Memilah arsip", [(None, per)]),
    ]
    assert before["TW4"] == [
        ("Menutup berkas akhir tahun", [(Decimal(120), kum), (None, per)]),
        ("", [(None, per)]),
    ]
    assert (result.plans.rencana_aksi, result.plans.targets, result.plans.scales) == (3, 3, 1)
    assert result.plans.copied
    assert result.summary == (
        f"SKP {YEAR} dimulai dari isi SKP {LAST}. Disalin juga 3 rencana aksi dan 3 target "
        f"periode SKP {LAST}."
    )
    # Last year's plans stay on last year's SKP.
    assert _plans_of(services, services.skp.by_id(previous.id)) == before


def test_start_from_previous_year_leaves_the_plans_on_another_scheme(
    services: AppServices, office: Office, copier: SkpCopyService
) -> None:
    _planned_last_year(services, office)
    instansi = services.staff.instansi_of(services.staff.get(office.camat).unit_id)
    services.staff.set_appraisal_year(instansi.id, YEAR, EvaluationScheme.SEMESTER)

    result = copier.start_from_previous_year(office.camat, YEAR)

    assert [r.text for r in result.skp.rhks] == ["Berkas layanan diproses", "Arsip tertata"]
    assert not result.plans.copied
    assert result.summary == (
        f"SKP {YEAR} dimulai dari isi SKP {LAST}. Rencana aksi dan target periode SKP {LAST} "
        f"tidak disalin: tahun {LAST} memakai skema Triwulan, tahun {YEAR} skema Semester. "
        "Isi rencana aksinya di tab Rencana Aksi."
    )
    for code in ("S1", "S2"):
        plan = services.plans.period_plan(result.skp.id, code)
        assert [(r.rencana_aksi, [i.target for i in r.indicators]) for r in plan.rhks] == [
            ("", [None, None]),
            ("", [None]),
        ]
        assert {i.scale for r in plan.rhks for i in r.indicators} == {TargetScale.PER_PERIODE}


def test_start_from_previous_year_leaves_the_plans_of_periods_not_served(
    services: AppServices, office: Office, copier: SkpCopyService
) -> None:
    _planned_last_year(services, office)
    services.staff.end_service(office.camat, EmploymentEventKind.PENSIUN, date(YEAR, 5, 15))

    result = copier.start_from_previous_year(office.camat, YEAR)

    assert (result.plans.rencana_aksi, result.plans.targets, result.plans.scales) == (2, 2, 1)
    assert result.plans.note == (
        f"Disalin juga 2 rencana aksi dan 2 target periode SKP {LAST}. 2 rencana aksi/target "
        f"periode tidak disalin karena periodenya di luar masa tugas tahun {YEAR}."
    )
    plan = services.plans.period_plan(result.skp.id, "TW1")
    assert [r.rencana_aksi for r in plan.rhks] == ["Memproses berkas masuk", "Memilah arsip"]
    assert [p.code for p in plan.periods] == ["TW1", "TW2"]


def test_start_from_previous_year_without_plans_says_nothing_of_them(
    services: AppServices, office: Office, copier: SkpCopyService
) -> None:
    write_skp(services, office.camat, LAST, rhk("Berkas diproses", parent_text="Renstra"))

    result = copier.start_from_previous_year(office.camat, YEAR)

    assert not result.plans.copied and result.plans.note == ""
    assert result.summary == f"SKP {YEAR} dimulai dari isi SKP {LAST}."


# --- colleagues --------------------------------------------------------------------------------


def test_colleagues_with_the_same_jabatan_who_have_an_skp(
    services: AppServices, office: Office, copier: SkpCopyService
) -> None:
    for person in (office.op2, office.op3, office.adm, office.retired):
        write_skp(services, person, YEAR, rhk("Berkas diproses"))
    write_skp(services, office.op1, LAST, rhk("Berkas diproses"))  # another year
    services.staff.end_service(office.retired, EmploymentEventKind.PENSIUN, date(YEAR, 2, 1))

    found = copier.colleagues_with_same_jabatan(office.op1, YEAR)

    # op3's jabatan differs only in case and spacing; adm has another jabatan; the retired
    # operator is no longer active; op1 is not their own colleague.
    assert [person.id for person in found] == [office.op2, office.op3]
    assert [person.name for person in found] == ["Azhari Firdaus", "Eni Sulistyowati"]
    assert copier.colleagues_with_same_jabatan(office.op1, LAST) == []
    assert [p.id for p in copier.colleagues_with_same_jabatan(office.op3, YEAR)] == [office.op2]


def test_copy_from_colleague_starts_a_draft_and_keeps_links_under_the_same_penilai(
    services: AppServices, office: Office, copier: SkpCopyService
) -> None:
    kasi = write_skp(services, office.kasi, YEAR, rhk("Layanan cepat", parent_text="Renstra"))
    source = write_skp(
        services,
        office.op2,
        YEAR,
        rhk("Berkas diproses", iki(), iki(indicator="Ketepatan", target="12", unit="Bulan")),
        rhk("Arsip tertata", parent_rhk_id=kasi.rhks[0].id),
        lampiran={LampiranKind.KONSEKUENSI: ("Teguran bila tidak tercapai",)},
    )

    copied = copier.copy_from_colleague(office.op2, office.op1, YEAR)

    assert copied.employee_id == office.op1
    assert copied.status is SkpStatus.DRAFT
    assert content(copied) == content(source)
    assert [r.parent_rhk_id for r in copied.rhks] == [None, kasi.rhks[0].id]
    assert copied.lampiran == source.lampiran
    assert services.skp.by_id(source.id) == source  # the colleague's SKP is untouched


def test_copy_from_colleague_under_another_penilai_matches_links_by_text(
    services: AppServices, office: Office, copier: SkpCopyService
) -> None:
    kasi = write_skp(
        services,
        office.kasi,
        YEAR,
        rhk("Layanan cepat", parent_text="Renstra"),
        rhk("Pengaduan ditangani", parent_text="Renstra"),
    )
    kasubag = write_skp(
        services,
        office.kasubag,
        YEAR,
        rhk("Urusan umum tertib", parent_text="Renstra"),
        rhk("Layanan cepat", parent_text="Renstra"),
    )
    write_skp(
        services,
        office.op1,
        YEAR,
        rhk("Berkas diproses", parent_rhk_id=kasi.rhks[0].id),
        rhk("Pengaduan dicatat", parent_rhk_id=kasi.rhks[1].id),
    )

    copied = copier.copy_from_colleague(office.op1, office.op3, YEAR)

    assert [(r.text, r.parent_rhk_id) for r in copied.rhks] == [
        ("Berkas diproses", kasubag.rhks[1].id),
        ("Pengaduan dicatat", None),
    ]


def test_copy_from_colleague_replaces_a_draft(
    services: AppServices, office: Office, copier: SkpCopyService
) -> None:
    write_skp(services, office.op2, YEAR, rhk("Berkas diproses"), pendekatan=Pendekatan.KUALITATIF)
    own = write_skp(services, office.op1, YEAR, rhk("Draf lama"), rhk("Draf lama kedua"))

    copied = copier.copy_from_colleague(office.op2, office.op1, YEAR)

    assert copied.id == own.id
    assert [r.text for r in copied.rhks] == ["Berkas diproses"]
    assert copied.pendekatan is Pendekatan.KUALITATIF
    assert copied.version > own.version
    # A screen still holding the old draft cannot overwrite the copy.
    with pytest.raises(StaleEditError):
        services.skp.save(own.id, own.version, own.to_draft())


def test_copy_from_colleague_refusals(
    services: AppServices, office: Office, copier: SkpCopyService
) -> None:
    with pytest.raises(ValidationError) as no_source:
        copier.copy_from_colleague(office.op2, office.op1, YEAR)
    assert (
        no_source.value.message == f"Azhari Firdaus belum memiliki SKP tahun {YEAR} untuk disalin."
    )
    assert services.skp.get(office.op1, YEAR) is None  # nothing started on the way

    with pytest.raises(ValidationError) as same:
        copier.copy_from_colleague(office.op1, office.op1, YEAR)
    assert same.value.message == "Pilih rekan kerja lain sebagai sumber salinan SKP."

    write_skp(services, office.op2, YEAR, rhk("Berkas diproses"))
    with pytest.raises(NotFoundError):
        copier.copy_from_colleague(office.op2, 9999, YEAR)


def test_copy_from_colleague_refuses_an_agreed_target(
    services: AppServices, office: Office, copier: SkpCopyService
) -> None:
    write_skp(services, office.op2, YEAR, rhk("Berkas diproses"))
    agreed = agree(services, write_skp(services, office.camat, YEAR, rhk("X", parent_text="R")))

    with pytest.raises(ValidationError) as raised:
        copier.copy_from_colleague(office.op2, office.camat, YEAR)

    assert raised.value.message == (
        f"SKP Ahmad Fauzi tahun {YEAR} sudah disepakati dan terkunci. Buka revisi (dengan "
        "alasannya) sebelum menyalin isi SKP lain ke dalamnya."
    )
    assert raised.value.message == locked_target_message("Ahmad Fauzi", YEAR)
    assert services.skp.by_id(agreed.id) == agreed


def test_copy_from_colleague_keeps_a_draft_with_realisation(
    services: AppServices, office: Office, copier: SkpCopyService
) -> None:
    write_skp(services, office.op2, YEAR, rhk("Berkas diproses"))
    own = write_skp(services, office.op1, YEAR, rhk("Sudah berjalan"))
    with services.database.transaction() as session:
        session.add(RealisationRow(iki_id=own.rhks[0].indicators[0].id, period_code="TW1", value=5))

    with pytest.raises(ValidationError, match="sudah memiliki realisasi"):
        copier.copy_from_colleague(office.op2, office.op1, YEAR)
    assert services.skp.by_id(own.id) == own


# --- one RHK for many ------------------------------------------------------------------------


def test_assign_rhk_to_several_people_in_one_go(
    services: AppServices, office: Office, copier: SkpCopyService
) -> None:
    kasi = write_skp(services, office.kasi, YEAR, rhk("Layanan cepat", parent_text="Renstra"))
    op1 = write_skp(
        services, office.op1, YEAR, rhk("Berkas diproses", parent_rhk_id=kasi.rhks[0].id)
    )
    adm = agree(
        services,
        write_skp(services, office.adm, YEAR, rhk("Surat tertata", parent_rhk_id=kasi.rhks[0].id)),
    )
    services.staff.end_service(office.retired, EmploymentEventKind.PENSIUN, date(YEAR, 2, 1))
    shared = rhk(
        "Antrean layanan terpantau",
        iki(indicator="Jumlah laporan antrean", target="12", unit="Laporan"),
        iki(indicator="Ketepatan waktu laporan", target="100", unit="%", aspek=Aspek.WAKTU),
        parent_rhk_id=kasi.rhks[0].id,
    )

    result = copier.assign_rhk(
        shared,
        [office.op1, office.op2, office.op3, office.adm, office.retired, 9999, office.op1],
        YEAR,
    )

    op2 = services.skp.get(office.op2, YEAR)
    op3 = services.skp.get(office.op3, YEAR)
    assert op2 is not None and op3 is not None
    assert result.assigned == (
        AssignedRhk(office.op1, "Aidil Fauzi", op1.id, created=False, linked=True),
        AssignedRhk(office.op2, "Azhari Firdaus", op2.id, created=True, linked=True),
        # op3's penilai is the kasubag, who does not own the kasi's RHK: no link for them.
        AssignedRhk(office.op3, "Eni Sulistyowati", op3.id, created=True, linked=False),
    )
    assert result.skipped == (
        SkippedPerson(
            office.adm,
            "Tri Nugroho",
            f"SKP tahun {YEAR} sudah disepakati dan terkunci; buka revisi dulu untuk menambah RHK.",
        ),
        SkippedPerson(office.retired, "Nurul Safitri", "Pegawai ini sudah tidak aktif."),
        SkippedPerson(9999, "Pegawai #9999", "Pegawai tidak ditemukan; mungkin sudah dihapus."),
    )
    assert result.summary == "RHK ditambahkan ke SKP 3 pegawai; 3 dilewati."

    after = services.skp.by_id(op1.id)
    assert [r.text for r in after.rhks] == ["Berkas diproses", "Antrean layanan terpantau"]
    assert after.rhks[0].id == op1.rhks[0].id  # what was there keeps its ids
    assert [i.indicator for i in after.rhks[1].indicators] == [
        "Jumlah laporan antrean",
        "Ketepatan waktu laporan",
    ]
    assert after.rhks[1].parent_rhk_id == kasi.rhks[0].id
    assert [(r.text, r.parent_rhk_id) for r in op3.rhks] == [("Antrean layanan terpantau", None)]
    assert op2.status is SkpStatus.DRAFT and op2.pendekatan is Pendekatan.KUANTITATIF
    assert services.skp.by_id(adm.id) == adm
    # The same RHK cannot be handed out twice.
    again = copier.assign_rhk(shared, [office.op1], YEAR)
    assert again.assigned == ()
    assert again.skipped == (
        SkippedPerson(
            office.op1, "Aidil Fauzi", "RHK dengan uraian yang sama sudah ada di SKP-nya."
        ),
    )
    # The receiving draft moved on: an editor holding the old version must reopen it.
    with pytest.raises(StaleEditError):
        services.skp.save(op1.id, op1.version, op1.to_draft())
    # The linked, complete draft can be agreed as it is.
    assert services.skp.agree(op2.id, op2.version, AGREED_ON).locked


def test_assign_rhk_fits_each_persons_pendekatan(
    services: AppServices, office: Office, copier: SkpCopyService
) -> None:
    write_skp(services, office.op1, YEAR, rhk("Berkas diproses"))  # kuantitatif
    narrative = rhk(
        "Pelayanan ramah",
        iki(indicator="Pemohon puas", target="", unit="", target_text="Tanpa keluhan"),
    )

    result = copier.assign_rhk(
        narrative, [office.op1, office.op2], YEAR, pendekatan=Pendekatan.KUALITATIF
    )

    assert [a.employee_id for a in result.assigned] == [office.op2]
    assert result.skipped == (
        SkippedPerson(
            office.op1,
            "Aidil Fauzi",
            "RHK ini belum sesuai dengan SKP-nya: RHK 2, indikator 1: pendekatan kuantitatif "
            "membutuhkan target berupa angka.",
        ),
    )
    created = services.skp.get(office.op2, YEAR)
    assert created is not None and created.pendekatan is Pendekatan.KUALITATIF


@pytest.mark.parametrize(
    ("shared", "people", "error", "message"),
    [
        (
            rhk("Antrean terpantau", iki(target="banyak")),
            "all",
            ValidationErrors,
            "RHK 1, indikator 1: target harus angka, mis. 12 atau 12,5; yang diisi 'banyak'.",
        ),
        (rhk("   "), "all", ValidationError, "RHK 1: uraian wajib diisi."),
        (
            rhk("Antrean terpantau"),
            "none",
            ValidationError,
            "Pilih paling sedikit satu pegawai yang menerima RHK ini.",
        ),
    ],
)
def test_assign_rhk_refuses_a_wrong_rhk_and_saves_nothing(
    services: AppServices,
    office: Office,
    copier: SkpCopyService,
    *,
    shared: RhkDraft,
    people: str,
    error: type[Exception],
    message: str,
) -> None:
    ids = [office.op1, office.op2] if people == "all" else []
    with pytest.raises(error) as raised:
        copier.assign_rhk(shared, ids, YEAR)
    assert raised.value.message == message  # type: ignore[attr-defined]
    assert services.skp.get(office.op1, YEAR) is None
    assert services.skp.get(office.op2, YEAR) is None


def test_assign_rhk_is_one_transaction(
    services: AppServices,
    office: Office,
    copier: SkpCopyService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    own = write_skp(services, office.op1, YEAR, rhk("Berkas diproses"))
    calls: list[int] = []
    real_store = skp_repo.store_content

    def failing_second(session, skp_id, content):  # type: ignore[no-untyped-def]
        calls.append(skp_id)
        if len(calls) == 2:
            raise RuntimeError("disk penuh")
        real_store(session, skp_id, content)

    monkeypatch.setattr(skp_repo, "store_content", failing_second)
    with pytest.raises(RuntimeError):
        copier.assign_rhk(rhk("Antrean terpantau"), [office.op1, office.op2], YEAR)

    assert len(calls) == 2
    assert calls[0] == own.id  # op1's SKP, then a new one for op2 that is rolled back
    assert services.skp.by_id(own.id) == own
    assert services.skp.get(office.op2, YEAR) is None


def test_assign_rhk_skips_a_year_the_person_did_not_serve(
    services: AppServices, office: Office, copier: SkpCopyService
) -> None:
    late = services.staff.create(
        StaffInput(
            fields=StaffFields(
                "199001012015031009", "Rahmat Hidayat", "PNS", "II/c", OPERATOR, "Pelaksana"
            ),
            unit_id=services.staff.get(office.op1).unit_id,
            penilai_id=office.kasi,
            effective_date=date(YEAR + 1, 6, 1),  # joins the year after: active, no service
        )
    )
    result = copier.assign_rhk(rhk("Antrean terpantau"), [late.id], YEAR)
    assert result.skipped == (
        SkippedPerson(late.id, "Rahmat Hidayat", f"Tidak bertugas pada tahun {YEAR}."),
    )
