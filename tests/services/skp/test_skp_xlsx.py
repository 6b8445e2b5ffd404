"""SKP to .xlsx and back: real database, real workbooks in tmp_path (docs/skp-xlsx-format.md)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.errors import StaleEditError, ValidationError
from kinerja_desktop.domain.skp import (
    Aspek,
    IkiDraft,
    LampiranKind,
    Pendekatan,
    Perspektif,
    RhkDraft,
    RhkKind,
    SkpDraft,
    SkpLayout,
)
from kinerja_desktop.domain.skp_records import SkpView
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.skp.service import LOCKED_MESSAGE
from kinerja_desktop.services.skp.xlsx import (
    SkpImportPreview,
    SkpImportRefusedError,
    SkpXlsxService,
)
from kinerja_desktop.services.staff.service import StaffInput

YEAR = 2026
UTAMA, TAMBAHAN = RhkKind.UTAMA, RhkKind.TAMBAHAN
PARENT_COLUMN = "RHK Atasan yang Diintervensi"


# --- the office ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Office:
    services: AppServices
    xlsx: SkpXlsxService
    camat_skp: SkpView  # agreed, top of the tree (free-text parents)
    sekcam_skp: SkpView  # draft, 2 RHK / 6 IKI, linked to the camat's RHK
    staff_skp: SkpView  # draft, kualitatif, one RHK without indicators yet
    jpt_skp: SkpView  # draft, JPT layout (perspektif)


PEOPLE = [
    # nip, name, status, golongan, jabatan, kind, penilai index
    ("197805122003121002", "Ahmad Fauzi", "PNS", "IV/a", "Camat Kertapati", "Administrator", None),
    ("198103042006042011", "Siti Rahmawati", "PNS", "III/d", "Sekretaris Kecamatan", "Pengawas", 0),
    (
        "198906152014031001",
        "Rizky Pratama",
        "PNS",
        "III/b",
        "Pranata Komputer Ahli Pertama",
        "Fungsional",
        1,
    ),
    ("197001011995031001", "Bambang Sutrisno", "PNS", "IV/c", "Kepala Dinas", "JPT", None),
]


def iki(indicator: str, target: str, unit: str, aspek: Aspek | None, **more: Any) -> IkiDraft:
    return IkiDraft(indicator=indicator, target=target, unit=unit, aspek=aspek, **more)


CAMAT_DRAFT = SkpDraft(
    pendekatan=Pendekatan.KUANTITATIF,
    rhks=(
        RhkDraft(
            "Meningkatnya kualitas pelayanan publik kecamatan",
            UTAMA,
            (iki("Indeks kepuasan masyarakat", "85", "Indeks", Aspek.KUALITAS),),
            parent_text="Meningkatnya kepuasan masyarakat Kota Palembang",
        ),
        RhkDraft(
            "Terselenggaranya tata kelola pemerintahan kecamatan yang akuntabel",
            UTAMA,
            (iki("Nilai SAKIP kecamatan", "70,5", "Nilai", Aspek.KUALITAS),),
            parent_text="Meningkatnya akuntabilitas kinerja perangkat daerah",
        ),
    ),
)


def sekcam_draft(parents: list[int]) -> SkpDraft:
    return SkpDraft(
        pendekatan=Pendekatan.KUANTITATIF,
        rhks=(
            RhkDraft(
                "Tersusunnya laporan kinerja kecamatan",
                UTAMA,
                (
                    iki("Jumlah dokumen laporan kinerja", "2", "Dokumen", Aspek.KUANTITAS),
                    iki("Persentase laporan sesuai format", "100", "%", Aspek.KUALITAS),
                    iki("Ketepatan waktu penyampaian laporan", "12", "Bulan", Aspek.WAKTU),
                ),
                parent_rhk_id=parents[1],
            ),
            RhkDraft(
                "Terkelolanya administrasi umum dan kepegawaian",
                TAMBAHAN,
                (
                    iki(
                        "Rata-rata hari penyelesaian surat",
                        "2,5",
                        "Hari",
                        Aspek.WAKTU,
                        lower_is_better=True,
                    ),
                    iki(
                        "Anggaran kegiatan yang dikelola",
                        "1.250.000",
                        "Rupiah",
                        Aspek.BIAYA,
                        target_text="=SUM(tidak dihitung)",
                    ),
                    iki("Persentase arsip tertata", "99,125", "%", Aspek.KUALITAS),
                ),
                parent_rhk_id=parents[0],
            ),
        ),
        lampiran={
            LampiranKind.DUKUNGAN_SUMBER_DAYA: ("Komputer/laptop", "Koneksi internet"),
            LampiranKind.SKEMA_PERTANGGUNGJAWABAN: ("Hasil kerja dilaporkan setiap triwulan",),
            LampiranKind.KONSEKUENSI: ("+ Penghargaan bila ekspektasi terpenuhi",),
        },
        expectations={
            BehaviourValue.AKUNTABEL: "Laporan tepat waktu dan dapat dipertanggungjawabkan",
            BehaviourValue.KOLABORATIF: "Melibatkan seluruh kasi dalam penyusunan laporan",
        },
    )


STAFF_DRAFT = SkpDraft(
    pendekatan=Pendekatan.KUALITATIF,
    rhks=(
        RhkDraft(
            "Terpeliharanya jaringan komputer kantor",
            UTAMA,
            (
                IkiDraft(
                    "Jaringan kantor dapat digunakan setiap hari kerja",
                    target_text="Gangguan ditangani dalam satu hari kerja",
                    aspek=Aspek.KUALITAS,
                ),
            ),
        ),
        RhkDraft("Tersusunnya inventaris perangkat TIK", TAMBAHAN),
    ),
)

JPT_DRAFT = SkpDraft(
    pendekatan=Pendekatan.KUANTITATIF,
    rhks=(
        RhkDraft(
            "Meningkatnya derajat kesehatan masyarakat",
            UTAMA,
            (
                IkiDraft(
                    "Angka kematian ibu",
                    "60",
                    "per 100.000 KH",
                    lower_is_better=True,
                    perspektif=Perspektif.PENERIMA_LAYANAN,
                ),
                IkiDraft(
                    "Persentase puskesmas terakreditasi",
                    "100",
                    "%",
                    perspektif=Perspektif.PROSES_BISNIS,
                ),
                IkiDraft(
                    "Persentase ASN dinas yang mengikuti pelatihan",
                    "80",
                    "%",
                    perspektif=Perspektif.PENGUATAN_INTERNAL,
                ),
                IkiDraft(
                    "Persentase realisasi anggaran", "95,5", "%", perspektif=Perspektif.ANGGARAN
                ),
                IkiDraft(
                    "Rasio belanja modal",  # more digits than a spreadsheet number keeps
                    "0,1234567890123456789",
                    "Rasio",
                    perspektif=Perspektif.ANGGARAN,
                ),
            ),
            parent_text="Meningkatnya kualitas sumber daya manusia Kota Palembang",
        ),
    ),
    expectations={BehaviourValue.BERORIENTASI_PELAYANAN: "Memimpin inovasi layanan kesehatan"},
)


@pytest.fixture
def office(services: AppServices) -> Office:
    instansi = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    unit = services.staff.add_unit("Kecamatan Kertapati", instansi.id)
    ids: list[int] = []
    for nip, name, status, golongan, jabatan, kind, penilai in PEOPLE:
        person = services.staff.create(
            StaffInput(
                fields=StaffFields(nip, name, status, golongan, jabatan, kind),
                unit_id=unit.id,
                penilai_id=ids[penilai] if penilai is not None else None,
                effective_date=date(2020, 1, 2),
            )
        )
        ids.append(person.id)
    skp = services.skp
    camat = skp.create(ids[0], YEAR)
    camat = skp.save(camat.id, camat.version, CAMAT_DRAFT)
    camat = skp.agree(camat.id, camat.version, date(YEAR, 1, 10))
    sekcam = skp.create(ids[1], YEAR)
    parents = [option.id for option in skp.supervisor_options(ids[1], YEAR)]
    sekcam = skp.save(sekcam.id, sekcam.version, sekcam_draft(parents))
    staff = skp.create(ids[2], YEAR, Pendekatan.KUALITATIF)
    staff = skp.save(staff.id, staff.version, STAFF_DRAFT)
    jpt = skp.create(ids[3], YEAR)
    jpt = skp.save(jpt.id, jpt.version, JPT_DRAFT)
    return Office(
        services,
        SkpXlsxService(services.database, AccessGuard.system(services.database)),
        camat,
        sekcam,
        staff,
        jpt,
    )


# --- helpers ---------------------------------------------------------------------------------


def content(view: SkpView) -> tuple[object, ...]:
    """Everything an SKP says, without ids and versions."""
    return (
        view.pendekatan,
        [
            (
                rhk.kind,
                rhk.text,
                rhk.parent_rhk_id,
                rhk.parent_text,
                [
                    (
                        i.indicator,
                        i.target,
                        i.unit,
                        i.target_text,
                        i.lower_is_better,
                        i.aspek,
                        i.perspektif,
                    )
                    for i in rhk.indicators
                ],
            )
            for rhk in view.rhks
        ],
        view.lampiran,
        view.expectations,
    )


def without_ids(draft: SkpDraft) -> SkpDraft:
    return replace(
        draft,
        rhks=tuple(
            replace(rhk, id=None, indicators=tuple(replace(i, id=None) for i in rhk.indicators))
            for rhk in draft.rhks
        ),
    )


def read_back(office: Office, view: SkpView, path: Path) -> SkpDraft:
    return office.xlsx.read(
        path,
        pendekatan=view.pendekatan,
        layout=view.layout,
        parent_options=office.services.skp.supervisor_options(view.employee_id, view.year),
    )


def header_row(sheet: Any) -> int:
    return next(row[0].row for row in sheet.iter_rows() if row[0].value == "No")


def column_of(sheet: Any, heading: str) -> int:
    row = header_row(sheet)
    return next(cell.column for cell in sheet[row] if cell.value == heading)


def edit(path: Path, change: Callable[[Any], None], *, to: Path | None = None) -> Path:
    """Open an exported workbook, change it as a user would, save it (as ``to``)."""
    workbook = openpyxl.load_workbook(path)
    change(workbook)
    target = to or path
    workbook.save(target)
    return target


def set_cell(heading: str, data_row: int, value: object) -> Callable[[Any], None]:
    """Set the cell of column ``heading`` on the ``data_row``-th table row (1 = first)."""

    def change(workbook: Any) -> None:
        sheet = workbook["SKP"]
        sheet.cell(header_row(sheet) + data_row, column_of(sheet, heading)).value = value

    return change


def problems(preview: SkpImportPreview) -> list[str]:
    return preview.problem_lines()


@pytest.fixture
def sekcam_file(office: Office, tmp_path: Path) -> Path:
    return office.xlsx.export(office.sekcam_skp.id, tmp_path / "skp-sekcam.xlsx")


# --- export ------------------------------------------------------------------------------------


def test_export_lays_out_the_documented_sheets(office: Office, sekcam_file: Path) -> None:
    workbook = openpyxl.load_workbook(sekcam_file)
    assert workbook.sheetnames == ["SKP", "Lampiran", "Ekspektasi"]
    sheet = workbook["SKP"]
    block = {sheet.cell(row, 1).value: sheet.cell(row, 2) for row in range(2, header_row(sheet))}
    assert block["Nama"].value == "Siti Rahmawati"
    assert block["NIP"].value == "19810304 200604 2 011"
    assert block["NIP"].data_type == "s"
    assert block["Tahun"].value == YEAR
    assert block["Pendekatan"].value == "Kuantitatif"
    assert block["Status"].value == "Draf"
    head = header_row(sheet)
    assert [cell.value for cell in sheet[head]] == [
        "No",
        "Jenis",
        PARENT_COLUMN,
        "Rencana Hasil Kerja",
        "Aspek",
        "Indikator Kinerja Individu",
        "Target",
        "Satuan",
        "Target Naratif",
        "Makin Kecil Makin Baik",
    ]
    assert all(cell.font.b for cell in sheet[head])
    assert sheet.column_dimensions["D"].width >= 30
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=head + 1)]
    assert len(rows) == 6
    assert [row[0] for row in rows] == [1, 2, 3, 4, 5, 6]
    # The RHK and its parent are repeated on each of its rows, for sorting and filtering.
    assert [row[3] for row in rows[:3]] == ["Tersusunnya laporan kinerja kecamatan"] * 3
    assert rows[0][1:3] == [
        "Utama",
        "Terselenggaranya tata kelola pemerintahan kecamatan yang akuntabel",
    ]
    assert rows[3][1] == "Tambahan"
    assert rows[3][4:] == ["Waktu", "Rata-rata hari penyelesaian surat", 2.5, "Hari", None, "Ya"]
    assert rows[4][6] == 1250000
    # A text that looks like a formula stays text.
    assert rows[4][8] == "=SUM(tidak dihitung)"
    assert sheet.cell(head + 5, 9).data_type == "s"
    lampiran = [[c.value for c in row] for row in workbook["Lampiran"].iter_rows()]
    assert lampiran[0] == ["Jenis", "Uraian"]
    assert lampiran[1:] == [
        ["Dukungan Sumber Daya", "Komputer/laptop"],
        ["Dukungan Sumber Daya", "Koneksi internet"],
        ["Skema Pertanggungjawaban", "Hasil kerja dilaporkan setiap triwulan"],
        ["Konsekuensi", "+ Penghargaan bila ekspektasi terpenuhi"],
    ]
    expectations = [[c.value for c in row] for row in workbook["Ekspektasi"].iter_rows()]
    assert expectations[0] == ["Nilai BerAKHLAK", "Ekspektasi Khusus Pimpinan"]
    assert [row[0] for row in expectations[1:]] == [value.label for value in BehaviourValue]
    assert expectations[2] == ["Akuntabel", "Laporan tepat waktu dan dapat dipertanggungjawabkan"]


def test_an_agreed_skp_exports_too(office: Office, tmp_path: Path) -> None:
    path = office.xlsx.export(office.camat_skp.id, tmp_path / "camat")
    assert path == tmp_path / "camat.xlsx"
    sheet = openpyxl.load_workbook(path)["SKP"]
    status = next(
        sheet.cell(row, 2).value for row in range(1, 10) if sheet.cell(row, 1).value == "Status"
    )
    assert status.startswith("Disepakati")
    assert read_back(office, office.camat_skp, path) == without_ids(office.camat_skp.to_draft())


def test_export_into_a_missing_folder_says_so(office: Office, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="tidak dapat disimpan"):
        office.xlsx.export(office.sekcam_skp.id, tmp_path / "tidak-ada" / "skp.xlsx")
    assert not (tmp_path / "tidak-ada").exists()


# --- round trips -------------------------------------------------------------------------------


def test_round_trip_of_a_two_rhk_six_iki_skp(office: Office, sekcam_file: Path) -> None:
    view = office.sekcam_skp
    assert view.indicator_count() == 6
    draft = read_back(office, view, sekcam_file)
    assert draft == without_ids(view.to_draft())
    targets = [i.target for rhk in view.rhks for i in rhk.indicators]
    assert targets == [Decimal(2), 100, 12, Decimal("2.5"), 1250000, Decimal("99.125")]

    # Importing the file into an emptied SKP gives the same content back.
    skp = office.services.skp
    emptied = skp.save(view.id, view.version, SkpDraft(Pendekatan.KUANTITATIF))
    assert emptied.rhks == ()
    imported = office.xlsx.import_into(view.id, emptied.version, sekcam_file)
    assert content(imported) == content(view)
    assert content(skp.by_id(view.id)) == content(view)


def test_reimporting_unchanged_rows_keeps_their_ids(office: Office, sekcam_file: Path) -> None:
    view = office.sekcam_skp
    imported = office.xlsx.import_into(view.id, view.version, sekcam_file)
    assert content(imported) == content(view)
    assert [rhk.id for rhk in imported.rhks] == [rhk.id for rhk in view.rhks]
    assert [i.id for r in imported.rhks for i in r.indicators] == [
        i.id for r in view.rhks for i in r.indicators
    ]


def test_round_trip_of_a_jpt_skp_with_perspektif(office: Office, tmp_path: Path) -> None:
    view = office.jpt_skp
    assert view.layout is SkpLayout.JPT
    path = office.xlsx.export(view.id, tmp_path / "jpt.xlsx")
    sheet = openpyxl.load_workbook(path)["SKP"]
    assert sheet.cell(header_row(sheet), 5).value == "Perspektif"
    assert [sheet.cell(header_row(sheet) + n, 5).value for n in range(1, 5)] == [
        "Penerima Layanan",
        "Proses Bisnis",
        "Penguatan Internal",
        "Anggaran",
    ]
    assert sheet.cell(header_row(sheet) + 5, 7).value == "0,1234567890123456789"
    assert read_back(office, view, path) == without_ids(view.to_draft())
    emptied = office.services.skp.save(view.id, view.version, SkpDraft(view.pendekatan))
    imported = office.xlsx.import_into(view.id, emptied.version, path)
    assert content(imported) == content(view)
    assert imported.rhks[0].indicators[4].target == Decimal("0.1234567890123456789")
    assert imported.rhks[0].parent_text == JPT_DRAFT.rhks[0].parent_text


def test_round_trip_of_a_kualitatif_skp_with_an_empty_rhk(office: Office, tmp_path: Path) -> None:
    view = office.staff_skp
    path = office.xlsx.export(view.id, tmp_path / "staf.xlsx")
    assert read_back(office, view, path) == without_ids(view.to_draft())
    emptied = office.services.skp.save(view.id, view.version, SkpDraft(view.pendekatan))
    imported = office.xlsx.import_into(view.id, emptied.version, path)
    assert content(imported) == content(view)
    assert imported.rhks[1].indicators == ()


def test_sorted_rows_still_group_into_their_rhk(office: Office, sekcam_file: Path) -> None:
    def sort_by_aspek(workbook: Any) -> None:
        sheet = workbook["SKP"]
        head = header_row(sheet)
        rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=head + 1)]
        rows.sort(key=lambda row: row[4])  # Biaya, Kualitas, Kualitas, Kuantitas, Waktu, Waktu
        for offset, values in enumerate(rows, start=1):
            for column, value in enumerate(values, start=1):
                sheet.cell(head + offset, column, value)

    edit(sekcam_file, sort_by_aspek)
    draft = read_back(office, office.sekcam_skp, sekcam_file)
    # The RHK come in the order they first appear; each keeps its own indicators.
    assert [rhk.text for rhk in draft.rhks] == [
        "Terkelolanya administrasi umum dan kepegawaian",
        "Tersusunnya laporan kinerja kecamatan",
    ]
    assert [len(rhk.indicators) for rhk in draft.rhks] == [3, 3]
    assert draft.rhks[0].indicators[0].aspek is Aspek.BIAYA


def test_an_empty_rhk_cell_continues_the_rhk_above(office: Office, sekcam_file: Path) -> None:
    def merge_style(workbook: Any) -> None:
        sheet = workbook["SKP"]
        head = header_row(sheet)
        for offset in (2, 3, 5, 6):
            for heading in ("Jenis", PARENT_COLUMN, "Rencana Hasil Kerja"):
                sheet.cell(head + offset, column_of(sheet, heading)).value = None

    edit(sekcam_file, merge_style)
    assert read_back(office, office.sekcam_skp, sekcam_file) == without_ids(
        office.sekcam_skp.to_draft()
    )


def test_header_and_value_spellings_are_forgiving(office: Office, sekcam_file: Path) -> None:
    headings = {
        "No": "no.",
        "Jenis": "JENIS",
        PARENT_COLUMN: "Rencana Hasil Kerja Pimpinan (Atasan) yang Diintervensi",
        "Rencana Hasil Kerja": "  rencana_hasil   KERJA ",
        "Aspek": "aspek",
        "Indikator Kinerja Individu": "IKI",
        "Target": " target ",
        "Satuan": "Satuan Target",
        "Target Naratif": "target-naratif",
        "Makin Kecil Makin Baik": "Makin kecil, makin baik",
    }

    def respell(workbook: Any) -> None:
        sheet = workbook["SKP"]
        head = header_row(sheet)
        for offset, jenis in enumerate(["a. utama", "UTAMA", "Utama"], start=1):
            sheet.cell(head + offset, 2, jenis)
        for offset in (4, 5, 6):
            sheet.cell(head + offset, 2, "tambahan")
        sheet.cell(head + 1, 5, "KUANTITAS")
        sheet.cell(head + 3, 5, " waktu ")
        sheet.cell(head + 4, 10, "ya")
        sheet.cell(head + 5, 10, "TIDAK")
        sheet.cell(head + 6, 10).value = None
        for cell in sheet[head]:
            cell.value = headings[cell.value]
        sheet.title = "Sasaran Kinerja Pegawai"
        lampiran = workbook["Lampiran"]
        lampiran["A1"], lampiran["B1"] = "JENIS", "uraian"
        lampiran["A2"] = "dukungan sumber daya"
        lampiran["A4"] = "SKEMA PERTANGGUNGJAWABAN"
        workbook["Ekspektasi"]["A3"] = "1. akuntabel"

    edit(sekcam_file, respell)
    assert read_back(office, office.sekcam_skp, sekcam_file) == without_ids(
        office.sekcam_skp.to_draft()
    )


# --- problems ------------------------------------------------------------------------------------


def test_a_missing_column_is_named(office: Office, sekcam_file: Path) -> None:
    def drop_satuan(workbook: Any) -> None:
        sheet = workbook["SKP"]
        sheet.delete_cols(column_of(sheet, "Satuan"))

    edit(sekcam_file, drop_satuan)
    preview = office.xlsx.preview_import(office.sekcam_skp.id, sekcam_file)
    assert not preview.valid
    assert problems(preview) == [
        "Lembar 'SKP', baris 10: kolom wajib tidak ada: 'Satuan'. Tambahkan pada baris judul kolom."
    ]
    before = office.services.skp.by_id(office.sekcam_skp.id)
    with pytest.raises(SkpImportRefusedError, match="'Satuan'"):
        office.xlsx.import_into(before.id, before.version, sekcam_file)
    assert office.services.skp.by_id(before.id) == before


def test_two_headings_for_one_column_are_refused(office: Office, sekcam_file: Path) -> None:
    def twice(workbook: Any) -> None:
        sheet = workbook["SKP"]
        sheet.cell(header_row(sheet), 11, "IKI")

    edit(sekcam_file, twice)
    assert problems(office.xlsx.preview_import(office.sekcam_skp.id, sekcam_file)) == [
        "Lembar 'SKP', baris 10: Kolom 'Indikator Kinerja Individu' dan 'IKI' sama-sama berarti "
        "'Indikator Kinerja Individu'. Hapus atau ganti nama salah satunya."
    ]


def test_the_other_layouts_column_is_explained(office: Office, sekcam_file: Path) -> None:
    def perspektif(workbook: Any) -> None:
        sheet = workbook["SKP"]
        sheet.cell(header_row(sheet), column_of(sheet, "Aspek"), "Perspektif")

    edit(sekcam_file, perspektif)
    lines = problems(office.xlsx.preview_import(office.sekcam_skp.id, sekcam_file))
    assert lines[0].startswith(
        "Lembar 'SKP', baris 10, kolom 'Perspektif': kolom 'Perspektif' hanya"
    )
    assert "kolom wajib tidak ada: 'Aspek'" in lines[1]


def test_bad_and_zero_targets_name_their_row_and_column(office: Office, sekcam_file: Path) -> None:
    edit(sekcam_file, set_cell("Target", 2, "seratus"))
    edit(sekcam_file, set_cell("Target", 5, 0))
    edit(sekcam_file, set_cell("Target", 6, "-3"))
    lines = problems(office.xlsx.preview_import(office.sekcam_skp.id, sekcam_file))
    assert lines == [
        "Lembar 'SKP', baris 12, kolom 'Target': target harus angka, mis. 12 atau 12,5; yang "
        "diisi 'seratus'.",
        "Lembar 'SKP', baris 15, kolom 'Target': target harus lebih dari 0. Target 0 hanya "
        "untuk indikator yang makin kecil makin baik (mis. 0 temuan).",
        "Lembar 'SKP', baris 16, kolom 'Target': target harus lebih dari 0.",
    ]


def test_rule_problems_land_on_their_cells(office: Office, sekcam_file: Path) -> None:
    edit(sekcam_file, set_cell("Satuan", 3, "S" * 61))
    for row in (4, 5, 6):
        edit(sekcam_file, set_cell("Rencana Hasil Kerja", row, "R" * 1001))
    assert problems(office.xlsx.preview_import(office.sekcam_skp.id, sekcam_file)) == [
        "Lembar 'SKP', baris 13, kolom 'Satuan': satuan paling banyak 60 karakter (sekarang 61).",
        "Lembar 'SKP', baris 14, kolom 'Rencana Hasil Kerja': paling banyak 1000 karakter "
        "(sekarang 1001).",
    ]


def test_a_target_typed_as_a_percentage_keeps_its_figure(office: Office, sekcam_file: Path) -> None:
    def percent(workbook: Any) -> None:
        sheet = workbook["SKP"]
        cell = sheet.cell(header_row(sheet) + 2, column_of(sheet, "Target"))
        cell.value, cell.number_format = 1, "0%"  # what typing "100%" into Excel stores

    edit(sekcam_file, percent)
    draft = read_back(office, office.sekcam_skp, sekcam_file)
    assert draft.rhks[0].indicators[1].target == "100"


def test_an_unknown_parent_text_is_refused(office: Office, sekcam_file: Path) -> None:
    for row in (1, 2, 3):
        edit(sekcam_file, set_cell(PARENT_COLUMN, row, "Meningkatnya sesuatu yang lain"))
    lines = problems(office.xlsx.preview_import(office.sekcam_skp.id, sekcam_file))
    assert lines == [
        f"Lembar 'SKP', baris 11, kolom '{PARENT_COLUMN}': 'Meningkatnya sesuatu yang lain' "
        "tidak ada di SKP Pejabat Penilai. Salin teks RHK atasan persis seperti tertulis di SKP "
        "Pejabat Penilai."
    ]


def test_two_parents_for_one_rhk_are_refused(office: Office, sekcam_file: Path) -> None:
    other = office.camat_skp.rhks[0].text
    edit(sekcam_file, set_cell(PARENT_COLUMN, 3, other))
    lines = problems(office.xlsx.preview_import(office.sekcam_skp.id, sekcam_file))
    assert len(lines) == 1
    assert lines[0].startswith(
        f"Lembar 'SKP', baris 13, kolom '{PARENT_COLUMN}': berbeda dengan baris 11"
    )


def test_every_problem_is_collected(office: Office, sekcam_file: Path) -> None:
    def damage(workbook: Any) -> None:
        set_cell("Jenis", 1, "Pokok")(workbook)
        set_cell("Aspek", 2, "Mutu")(workbook)
        set_cell("Makin Kecil Makin Baik", 4, "mungkin")(workbook)
        set_cell("Indikator Kinerja Individu", 6, None)(workbook)
        workbook["Lampiran"]["A3"] = "Sarana"
        workbook["Ekspektasi"]["A2"] = "Disiplin"
        workbook["Ekspektasi"]["A4"] = "Akuntabel"
        workbook["Ekspektasi"]["B4"] = "Dua kali"

    edit(sekcam_file, damage)
    preview = office.xlsx.preview_import(office.sekcam_skp.id, sekcam_file)
    assert problems(preview) == [
        "Lembar 'SKP', baris 11, kolom 'Jenis': Jenis 'Pokok' tidak dikenal; tulis Utama atau "
        "Tambahan.",
        "Lembar 'SKP', baris 12, kolom 'Aspek': Aspek 'Mutu' tidak dikenal; pilih Kuantitas, "
        "Kualitas, Waktu atau Biaya.",
        "Lembar 'SKP', baris 14, kolom 'Makin Kecil Makin Baik': isi Ya atau Tidak; yang diisi "
        "'mungkin'.",
        "Lembar 'SKP', baris 16, kolom 'Indikator Kinerja Individu': indikator wajib diisi.",
        "Lembar 'Lampiran', baris 3, kolom 'Jenis': Jenis lampiran 'Sarana' tidak dikenal; tulis "
        "Dukungan Sumber Daya, Skema Pertanggungjawaban atau Konsekuensi.",
        "Lembar 'Ekspektasi', baris 2, kolom 'Nilai BerAKHLAK': Nilai BerAKHLAK 'Disiplin' tidak "
        "dikenal; pilih Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif "
        "atau Kolaboratif.",
        "Lembar 'Ekspektasi', baris 4, kolom 'Nilai BerAKHLAK': nilai Akuntabel sudah diisi di "
        "baris 3; satu nilai hanya punya satu ekspektasi.",
    ]
    with pytest.raises(SkpImportRefusedError) as refused:
        office.xlsx.import_into(office.sekcam_skp.id, office.sekcam_skp.version, sekcam_file)
    assert len(refused.value.issues) == 7
    assert refused.value.message.startswith(
        "Tidak ada yang disimpan: berkas 'skp-sekcam.xlsx' belum dapat diimpor (7 masalah)."
    )


def test_missing_sheets_are_named(office: Office, sekcam_file: Path) -> None:
    def drop(workbook: Any) -> None:
        del workbook["Lampiran"]
        del workbook["Ekspektasi"]

    edit(sekcam_file, drop)
    assert problems(office.xlsx.preview_import(office.sekcam_skp.id, sekcam_file)) == [
        "Lembar 'Lampiran': lembar ini tidak ada di berkas (lembar yang ada: 'SKP').",
        "Lembar 'Ekspektasi': lembar ini tidak ada di berkas (lembar yang ada: 'SKP').",
    ]


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("rusak.xlsx", b"bukan berkas excel", "bukan berkas Excel .xlsx yang sah"),
        ("terpotong.xlsx", None, "bukan berkas Excel .xlsx yang sah"),
        ("kosong.xlsx", b"", "kosong"),
        ("skp.csv", b"No,Jenis\n", "jenisnya harus .xlsx"),
        ("lama.xls", b"\xd0\xcf\x11\xe0", "Excel lama (.xls)"),
    ],
)
def test_a_damaged_or_foreign_file_is_refused(
    office: Office, sekcam_file: Path, name: str, data: bytes | None, expected: str
) -> None:
    path = sekcam_file.parent / name
    path.write_bytes(data if data is not None else sekcam_file.read_bytes()[:700])
    preview = office.xlsx.preview_import(office.sekcam_skp.id, path)
    assert preview.draft is None
    assert len(preview.issues) == 1
    assert expected in preview.issues[0].message
    assert name in preview.issues[0].message
    before = office.services.skp.by_id(office.sekcam_skp.id)
    with pytest.raises(
        SkpImportRefusedError, match=expected.replace("(", r"\(").replace(")", r"\)")
    ):
        office.xlsx.import_into(before.id, before.version, path)
    assert office.services.skp.by_id(before.id) == before


def test_a_workbook_without_the_table_header_says_what_it_expects(
    office: Office, tmp_path: Path
) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.title = "SKP"
    workbook.active.append(["Sesuatu", "yang", "lain"])
    workbook.create_sheet("Lampiran").append(["Jenis", "Uraian"])
    workbook.create_sheet("Ekspektasi").append(["Nilai BerAKHLAK", "Ekspektasi Khusus Pimpinan"])
    workbook.save(tmp_path / "lain.xlsx")
    lines = problems(office.xlsx.preview_import(office.sekcam_skp.id, tmp_path / "lain.xlsx"))
    assert lines == [
        "Lembar 'SKP': baris judul kolom tidak ditemukan. Judul yang diharapkan: 'No', 'Jenis', "
        f"'{PARENT_COLUMN}', 'Rencana Hasil Kerja', 'Aspek', 'Indikator Kinerja Individu', "
        "'Target', 'Satuan', 'Target Naratif', 'Makin Kecil Makin Baik'."
    ]


# --- nothing half-saved ----------------------------------------------------------------------


def test_import_is_refused_on_an_agreed_skp(office: Office, tmp_path: Path) -> None:
    skp = office.services.skp
    agreed = office.camat_skp
    path = office.xlsx.export(agreed.id, tmp_path / "camat.xlsx")
    edit(path, set_cell("Rencana Hasil Kerja", 1, "Teks baru"))
    versions = skp.versions(agreed.id)
    with pytest.raises(ValidationError) as refused:
        office.xlsx.import_into(agreed.id, agreed.version, path)
    assert refused.value.message == LOCKED_MESSAGE
    assert skp.by_id(agreed.id) == agreed
    assert skp.versions(agreed.id) == versions
    preview = office.xlsx.preview_import(agreed.id, path)
    assert preview.problem_lines() == [LOCKED_MESSAGE]


def test_one_bad_cell_saves_nothing(office: Office, sekcam_file: Path) -> None:
    def many_changes(workbook: Any) -> None:
        for row in (1, 2, 3):
            set_cell("Rencana Hasil Kerja", row, "RHK yang ditulis ulang")(workbook)
        set_cell("Satuan", 4, "Jam")(workbook)
        workbook["Lampiran"]["B2"] = "Printer baru"
        workbook["Ekspektasi"]["B5"] = "Ramah kepada warga"
        set_cell("Target", 6, "banyak")(workbook)  # the one bad cell

    edit(sekcam_file, many_changes)
    before = office.services.skp.by_id(office.sekcam_skp.id)
    with pytest.raises(SkpImportRefusedError) as refused:
        office.xlsx.import_into(before.id, before.version, sekcam_file)
    assert refused.value.issues[0].text().startswith("Lembar 'SKP', baris 16, kolom 'Target'")
    after = office.services.skp.by_id(before.id)
    assert after == before
    assert content(after) == content(office.sekcam_skp)


def test_a_stale_version_saves_nothing(office: Office, sekcam_file: Path) -> None:
    edit(sekcam_file, set_cell("Satuan", 1, "Berkas"))
    view = office.sekcam_skp
    current = office.services.skp.save(view.id, view.version, view.to_draft())
    with pytest.raises(StaleEditError):
        office.xlsx.import_into(view.id, view.version, sekcam_file)
    assert office.services.skp.by_id(view.id) == current


def test_a_valid_edited_file_replaces_the_draft(office: Office, sekcam_file: Path) -> None:
    def edited(workbook: Any) -> None:
        set_cell("Target", 1, "3")(workbook)
        set_cell("Satuan", 1, "Laporan")(workbook)
        sheet = workbook["SKP"]
        sheet.append(
            [
                7,
                "Tambahan",
                None,
                "Terlaksananya rapat koordinasi",
                "Kuantitas",
                "Jumlah rapat koordinasi",
                4,
                "Kali",
                None,
                "Tidak",
            ]
        )

    edit(sekcam_file, edited)
    view = office.sekcam_skp
    imported = office.xlsx.import_into(view.id, view.version, sekcam_file)
    assert [rhk.text for rhk in imported.rhks][-1] == "Terlaksananya rapat koordinasi"
    assert imported.rhks[-1].parent_rhk_id is None
    first = imported.rhks[0].indicators[0]
    assert (first.target, first.unit, first.id) == (3, "Laporan", view.rhks[0].indicators[0].id)
    assert office.xlsx.suggested_file_name(view.id) == "SKP 2026 - Siti Rahmawati.xlsx"
