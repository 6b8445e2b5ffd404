"""The SKP workbook's "Rencana Aksi" sheet: exported, edited, imported back (issue 17)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from raw_database import raw_connect

from kinerja_desktop.data.repositories import seal_chain as seal_repo
from kinerja_desktop.domain.plans import TargetScale
from kinerja_desktop.domain.skp import Aspek, IkiDraft, Pendekatan, RhkDraft, RhkKind, SkpDraft
from kinerja_desktop.domain.skp_records import SkpView
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.skp.plans import PlanEdits
from kinerja_desktop.services.skp.xlsx import SkpImportRefusedError
from kinerja_desktop.services.staff.service import StaffInput

YEAR = 2026
KUM, PER = TargetScale.KUMULATIF, TargetScale.PER_PERIODE
HEADINGS = [
    "No RHK",
    "Rencana Hasil Kerja",
    "Periode",
    "Rencana Aksi",
    "No Indikator",
    "Indikator Kinerja Individu",
    "Target Periode",
    "Satuan",
    "Skala",
]
TABLES = ("rencana_aksi", "period_targets", "target_scales", "skps", "rhks", "ikis")
REPORTS = "Tersusunnya laporan kinerja kecamatan"
LETTERS = "Surat masuk diselesaikan"


def _skp(services: AppServices) -> SkpView:
    """A draft with two RHK: reports (documents, share) and letters (days, lower is better)."""
    root = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    unit = services.staff.add_unit("Kecamatan Kertapati", root.id)
    joined = date(2020, 1, 2)
    head = StaffFields("198103042006042011", "Siti Rahmawati", "PNS", "III/d", "Kasi", "Pengawas")
    head_id = services.staff.create(
        StaffInput(fields=head, unit_id=unit.id, penilai_id=None, effective_date=joined)
    ).id
    fields = StaffFields(
        "199202282019032014", "Dewi Lestari", "PNS", "III/a", "Analis", "Pelaksana"
    )
    person = services.staff.create(
        StaffInput(fields=fields, unit_id=unit.id, penilai_id=head_id, effective_date=joined)
    ).id
    created = services.skp.create(person, YEAR)
    draft = SkpDraft(
        Pendekatan.KUANTITATIF,
        (
            RhkDraft(
                REPORTS,
                RhkKind.UTAMA,
                (
                    IkiDraft("Jumlah laporan", "12", "Dokumen", aspek=Aspek.KUANTITAS),
                    IkiDraft("Laporan sesuai format", "100", "%", aspek=Aspek.KUALITAS),
                ),
                parent_text="Renstra kecamatan",
            ),
            RhkDraft(
                LETTERS,
                RhkKind.UTAMA,
                (
                    IkiDraft(
                        "Rata-rata hari penyelesaian",
                        "3",
                        "Hari",
                        lower_is_better=True,
                        aspek=Aspek.WAKTU,
                    ),
                ),
                parent_text="Renstra kecamatan",
            ),
        ),
    )
    return services.skp.save(created.id, created.version, draft)


def _plan(services: AppServices, view: SkpView) -> None:
    reports, letters = view.rhks
    docs, share = reports.indicators
    services.plans.save(
        view.id,
        "TW1",
        PlanEdits(
            rencana_aksi={reports.id: "Menyusun laporan triwulan I"},
            targets={docs.id: "3", share.id: "100"},
            scales={docs.id: KUM},
        ),
    )
    services.plans.save(
        view.id,
        "TW2",
        PlanEdits(rencana_aksi={letters.id: "Memilah surat masuk"}, targets={docs.id: "6"}),
    )


def _plans(services: AppServices, view: SkpView) -> dict[str, object]:
    """Every period's plans by position: rencana aksi, and (target, scale) per indicator."""
    out: dict[str, object] = {}
    for code in ("TW1", "TW2", "TW3", "TW4"):
        plan = services.plans.period_plan(view.id, code)
        out[code] = [
            (r.rencana_aksi, [(i.target, i.scale) for i in r.indicators]) for r in plan.rhks
        ]
    return out


def _rows(path: Path) -> list[list[object]]:
    sheet = openpyxl.load_workbook(path)["Rencana Aksi"]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _write_rows(path: Path, rows: list[list[object]]) -> None:
    """Replace the "Rencana Aksi" sheet's rows under its heading."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Rencana Aksi"]
    sheet.delete_rows(2, sheet.max_row)
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def _snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    connection = raw_connect(path)  # the file, or the test's server database
    try:
        return {t: connection.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}
    finally:
        connection.close()


def test_the_export_writes_the_plans_and_the_file_reads_back(
    services: AppServices, tmp_path: Path
) -> None:
    view = _skp(services)
    _plan(services, view)
    path = services.skp_xlsx.export(view.id, tmp_path / "skp.xlsx")

    rows = _rows(path)
    assert list(rows[0]) == HEADINGS
    assert rows[1:] == [
        [1, REPORTS, "Triwulan I", "Menyusun laporan triwulan I", 1, "Jumlah laporan", 3,
         "Dokumen", "Kumulatif"],
        [1, REPORTS, "Triwulan I", "Menyusun laporan triwulan I", 2, "Laporan sesuai format",
         100, "%", "Per periode"],
        [1, REPORTS, "Triwulan II", None, 1, "Jumlah laporan", 6, "Dokumen", "Kumulatif"],
        [1, REPORTS, "Triwulan II", None, 2, "Laporan sesuai format", None, "%", "Per periode"],
        [2, LETTERS, "Triwulan II", "Memilah surat masuk", 1, "Rata-rata hari penyelesaian",
         None, "Hari", "Per periode"],
    ]  # fmt: skip
    before = _plans(services, view)

    # Edited in the spreadsheet: a plan for triwulan III, a "0 hari" target (lower is better),
    # a period named by its code, the share's target dropped, letters made cumulative.
    _write_rows(
        path,
        [
            [
                1,
                REPORTS,
                "Triwulan I",
                "Menyusun laporan triwulan I",
                1,
                None,
                3,
                None,
                "kumulatif",
            ],
            [1, None, "tw2", None, 1, None, "6", "Dokumen", None],
            [1, None, "Triwulan III", "Menyusun laporan triwulan III", 1, None, 9, None, None],
            [2, LETTERS, "Triwulan II", "Memilah surat masuk", None, None, None, None, None],
            [2, None, "Triwulan III", None, 1, None, 0, "hari", "Kumulatif"],
        ],
    )
    preview = services.skp_xlsx.preview_import(view.id, path)
    assert preview.valid, preview.problem_lines()
    current = services.skp.by_id(view.id)
    services.skp_xlsx.import_into(current.id, current.version, path)

    after = _plans(services, view)
    assert after["TW1"] == [
        ("Menyusun laporan triwulan I", [(Decimal(3), KUM), (None, PER)]),
        ("", [(None, KUM)]),
    ]
    assert after["TW2"] == [
        ("", [(Decimal(6), KUM), (None, PER)]),
        ("Memilah surat masuk", [(None, KUM)]),
    ]
    assert after["TW3"] == [
        ("Menyusun laporan triwulan III", [(Decimal(9), KUM), (None, PER)]),
        ("", [(Decimal(0), KUM)]),
    ]
    assert after != before
    # The RHK kept their rows (the import keeps the ids of unchanged RHK and indicators).
    assert [r.id for r in services.skp.by_id(view.id).rhks] == [r.id for r in view.rhks]


def test_an_skp_without_plans_has_no_sheet_and_an_old_file_keeps_the_plans(
    services: AppServices, tmp_path: Path
) -> None:
    view = _skp(services)
    old = services.skp_xlsx.export(view.id, tmp_path / "lama.xlsx")
    assert openpyxl.load_workbook(old).sheetnames == ["SKP", "Lampiran", "Ekspektasi"]
    _plan(services, view)
    planned = _plans(services, view)

    current = services.skp.by_id(view.id)
    services.skp_xlsx.import_into(current.id, current.version, old)

    assert _plans(services, view) == planned


def test_a_wrong_plans_sheet_names_each_row_and_column_and_writes_nothing(
    services: AppServices, tmp_path: Path
) -> None:
    view = _skp(services)
    _plan(services, view)
    path = services.skp_xlsx.export(view.id, tmp_path / "skp.xlsx")
    _write_rows(
        path,
        [
            [3, None, "Triwulan I", "Tidak ada RHK 3", None, None, None, None, None],
            [1, "RHK lain", "Triwulan V", None, None, None, None, None, None],
            [1, None, "Triwulan I", "x" * 1001, 1, None, "tiga", None, None],
            [1, None, "Triwulan I", "Lain", 2, "Indikator lain", 0, "Dokumen", "Bertahap"],
            [1, None, "Triwulan II", "Rekap A", 1, None, 6, None, "Per periode"],
            [1, None, "Triwulan II", "Rekap B", 1, None, 6, None, "Kumulatif"],
            [2, None, "Triwulan I", None, None, None, 2, None, None],
            [2, None, "Triwulan I", None, 4, None, 2, None, None],
        ],
    )
    before = _snapshot(services.database.path)
    current = services.skp.by_id(view.id)

    with pytest.raises(SkpImportRefusedError) as refused:
        services.skp_xlsx.import_into(current.id, current.version, path)

    where = "Lembar 'Rencana Aksi', baris"
    assert refused.value.message.splitlines()[1:] == [
        f"{where} 2, kolom 'No RHK': isi nomor urut RHK di lembar 'SKP': 1 sampai 2; yang "
        "diisi '3'.",
        f"{where} 3, kolom 'Rencana Hasil Kerja': 'RHK lain' berbeda dengan RHK 1 di lembar "
        f"'SKP' ('{REPORTS}'). Periksa nomornya.",
        f"{where} 3, kolom 'Periode': Periode 'Triwulan V' tidak dikenal; tulis salah satu: "
        "Triwulan I, Triwulan II, Triwulan III, Triwulan IV.",
        f"{where} 4, kolom 'Rencana Aksi': Rencana aksi paling banyak 1000 karakter "
        "(sekarang 1001).",
        f"{where} 4, kolom 'Target Periode': Target periode: target harus angka, mis. 12 atau "
        "12,5; yang diisi 'tiga'.",
        f"{where} 5, kolom 'Indikator Kinerja Individu': 'Indikator lain' berbeda dengan "
        "indikator 2 RHK ini ('Laporan sesuai format'). Periksa nomornya.",
        f"{where} 5, kolom 'Satuan': target periode memakai satuan indikatornya ('%'); yang "
        "diisi 'Dokumen'.",
        f"{where} 5, kolom 'Skala': Skala 'Bertahap' tidak dikenal; tulis Kumulatif atau Per "
        "periode.",
        f"{where} 5, kolom 'Target Periode': Target periode: target harus lebih dari 0. Target 0 "
        "hanya untuk indikator yang makin kecil makin baik (mis. 0 temuan).",
        f"{where} 7, kolom 'Rencana Aksi': berbeda dengan baris 6 untuk RHK 1 Triwulan II; satu "
        "RHK punya satu rencana aksi per periode.",
        f"{where} 7, kolom 'Skala': berbeda dengan baris 6 untuk indikator yang sama; satu "
        "indikator punya satu skala untuk semua periodenya.",
        f"{where} 8, kolom 'No Indikator': isi nomor indikator untuk Target Periode di baris ini.",
        f"{where} 9, kolom 'No Indikator': isi nomor urut indikator RHK ini: 1 sampai 1; yang "
        "diisi '4'.",
    ]
    assert _snapshot(services.database.path) == before


def test_a_signed_period_keeps_its_plan_in_an_import(services: AppServices, tmp_path: Path) -> None:
    view = _skp(services)
    _plan(services, view)
    with services.database.transaction() as session:
        seal_repo.add_seal(session, view.id, "TW1", date(YEAR, 4, 3))
    path = services.skp_xlsx.export(view.id, tmp_path / "skp.xlsx")
    rows = [list(row) for row in _rows(path)[1:]]
    current = services.skp.by_id(view.id)

    # Unchanged, the signed triwulan I imports; the rest may change.
    rows[2][6] = 7
    _write_rows(path, rows)
    services.skp_xlsx.import_into(current.id, current.version, path)
    assert _plans(services, view)["TW2"] == [
        ("", [(Decimal(7), KUM), (None, PER)]),
        ("Memilah surat masuk", [(None, PER)]),
    ]

    rows[0][6] = 4
    _write_rows(path, rows)
    before = _snapshot(services.database.path)
    current = services.skp.by_id(view.id)
    with pytest.raises(SkpImportRefusedError) as refused:
        services.skp_xlsx.import_into(current.id, current.version, path)
    assert refused.value.message.splitlines()[1:] == [
        "Lembar 'Rencana Aksi', baris 2: Evaluasi Triwulan I sudah ditandatangani; rencana aksi "
        "dan target periodenya tidak diubah lagi. Kembalikan baris Triwulan I seperti yang "
        "tersimpan (ekspor ulang SKP ini untuk melihatnya)."
    ]
    assert _snapshot(services.database.path) == before
