"""Importing the staff list: preview, every kind of problem, all-or-nothing writes, updates."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import text

from kinerja_desktop.data.repositories import staff as repo
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.jabatan import Jenjang
from kinerja_desktop.domain.staff import Employee, StaffFields, Unit, UnitKind
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.staff.importing import (
    ImportAction,
    ImportIssue,
    ImportPreview,
    StaffImportService,
)
from kinerja_desktop.services.staff.service import StaffInput

SAMPLE = Path(__file__).parents[2] / "samples" / "pegawai-contoh.csv"
COLUMNS = [
    "NIP",
    "Nama",
    "Gelar Depan",
    "Gelar Belakang",
    "Status",
    "Golongan",
    "Jabatan",
    "Jenis Jabatan",
    "Unit Kerja",
    "NIP Penilai",
]
# NIPs of the sample, by spreadsheet line.
AHMAD = "197805122003121002"  # line 2, camat, no penilai
SITI = "198103042006042011"  # line 3, under Ahmad; penilai of lines 4-6
RIZKY = "198906152014031001"  # line 4
DEWI = "199202282019032014"  # line 5
IQBAL = "199507092022211005"  # line 6, PPPK
NURAINI = "197911232005012007"  # line 7, under Ahmad; penilai of lines 8-12
NI_LUH = "198608172010012019"  # line 8
HENDRA = "198404142009021003"  # line 12
#: The day the imports below run on.
IMPORT_DAY = dt.date(2026, 11, 28)
NEW_NIP = "199104202015031002"  # not in the sample


@pytest.fixture
def importer(services: AppServices) -> StaffImportService:
    return StaffImportService(services.database, AccessGuard.system(services.database))


def sample_rows() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(
    tmp_path: Path,
    rows: list[dict[str, str]],
    columns: list[str] | None = None,
    name: str = "pegawai.csv",
) -> Path:
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns or COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def changed_sample(tmp_path: Path, line: int, **cells: str) -> Path:
    """The sample with some cells of one spreadsheet line replaced."""
    rows = sample_rows()
    rows[line - 2].update({key.replace("_", " "): value for key, value in cells.items()})
    return write_rows(tmp_path, rows)


def people(services: AppServices) -> dict[str, Employee]:
    with services.database.reading() as session:
        return {person.nip: person for person in repo.all_employees(session)}


def penilai_nips(services: AppServices) -> dict[str, str | None]:
    found = people(services)
    by_id = {person.id: person.nip for person in found.values()}
    return {
        nip: by_id[person.penilai_id] if person.penilai_id else None
        for nip, person in found.items()
    }


def unit_paths(services: AppServices) -> dict[str, tuple[str, UnitKind]]:
    """Each person's unit as a full path, with the unit's kind."""
    units: dict[int, Unit] = {unit.id: unit for unit in services.staff.units()}

    def path(unit_id: int) -> str:
        unit = units[unit_id]
        return unit.name if unit.parent_id is None else f"{path(unit.parent_id)} > {unit.name}"

    return {
        nip: (path(person.unit_id), units[person.unit_id].kind)
        for nip, person in people(services).items()
    }


def snapshot(services: AppServices) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the staff tables, to prove that nothing was written."""
    with services.database.reading() as session:
        return {
            table: [
                tuple(row) for row in session.execute(text(f"SELECT * FROM {table} ORDER BY id"))
            ]
            for table in ("units", "employees", "employment_events")
        }


def issues_of(preview: ImportPreview) -> list[tuple[int | None, str | None]]:
    return [(issue.line, issue.column) for issue in preview.issues()]


# --- the sample file ---------------------------------------------------------------------------


def test_sample_imports_eleven_people(
    services: AppServices, importer: StaffImportService, sample_csv: Path
) -> None:
    preview = importer.preview(sample_csv)

    assert preview.problem_lines() == []
    assert (preview.valid_count, preview.invalid_count) == (11, 0)
    assert {row.action for row in preview.rows} == {ImportAction.NEW}
    assert [row.line for row in preview.rows] == list(range(2, 13))
    assert [unit.text() for unit in preview.new_units] == [
        "Kecamatan Kertapati (Instansi)",
        "Puskesmas Kertapati (Instansi)",
    ]
    assert snapshot(services)["employees"] == []  # a preview writes nothing

    result = importer.apply(sample_csv, skip_invalid=False)

    assert (result.created, result.updated, result.unchanged, result.skipped) == (11, 0, 0, 0)
    assert result.summary_lines()[:2] == [
        "Impor 'pegawai-contoh.csv' selesai: 11 pegawai baru, 0 diperbarui, 0 tidak berubah.",
        f"Pengodean berkas: {preview.encoding}.",
    ]
    assert preview.encoding in {"UTF-8", "UTF-8 dengan BOM"}
    links = penilai_nips(services)
    assert len(links) == 11
    assert links[AHMAD] is None
    assert links[SITI] == links[NURAINI] == AHMAD
    assert links[RIZKY] == links[DEWI] == links[IQBAL] == SITI
    assert {nip for nip, penilai in links.items() if penilai == NURAINI} == {
        NI_LUH,
        "199001012015032004",
        "199310102020121008",
        "199812252023212012",
        HENDRA,
    }
    units = unit_paths(services)
    assert units[AHMAD] == ("Kecamatan Kertapati", UnitKind.INSTANSI)
    assert units[HENDRA] == ("Puskesmas Kertapati", UnitKind.INSTANSI)
    nuraini = people(services)[NURAINI]
    assert nuraini.full_name == "dr. Nur'aini Hasanah, M.Kes."
    assert people(services)["198608172010012019"].gelar_belakang == "S.Kep., Ners"
    assert people(services)[IQBAL].golongan == "V"
    # A staff list says who works here, not since when: no joining date is invented, so the
    # appraisal periods stay whole.
    assert services.staff.history(nuraini.id) == []
    periods = services.staff.periods_for(nuraini.id, IMPORT_DAY.year)
    assert (periods[-1].code, periods[-1].start.month) == ("AKHIR", 1)


def test_plain_unit_names_go_under_the_only_instansi(
    services: AppServices, importer: StaffImportService, sample_csv: Path
) -> None:
    root = services.staff.add_unit("Pemerintah Kota Palembang", None)

    result = importer.apply(sample_csv, skip_invalid=False)

    assert [unit.text() for unit in result.new_units] == [
        "Pemerintah Kota Palembang > Kecamatan Kertapati (Unit)",
        "Pemerintah Kota Palembang > Puskesmas Kertapati (Unit)",
    ]
    assert unit_paths(services)[AHMAD] == (
        "Pemerintah Kota Palembang > Kecamatan Kertapati",
        UnitKind.UNIT,
    )
    assert all(unit.parent_id == root.id for unit in services.staff.units() if unit != root)


def test_unit_paths_create_levels_and_reuse_existing_units(
    services: AppServices, importer: StaffImportService, tmp_path: Path
) -> None:
    root = services.staff.add_unit("Pemerintah Kota Palembang", None)
    services.staff.add_unit("Puskesmas Kertapati", root.id)
    rows = sample_rows()
    rows[7]["Unit Kerja"] = "Pemerintah Kota Palembang > Puskesmas Kertapati > Poli Umum"
    rows[8]["Unit Kerja"] = "pemerintah kota palembang >  PUSKESMAS kertapati>poli umum"
    rows[9]["Unit Kerja"] = "PUSKESMAS KERTAPATI"
    rows[10]["Unit Kerja"] = "Puskesmas Kertapati > Laboratorium"
    path = write_rows(tmp_path, rows)

    preview = importer.preview(path)

    assert preview.problem_lines() == []
    assert [unit.text() for unit in preview.new_units] == [
        "Pemerintah Kota Palembang > Puskesmas Kertapati > Poli Umum (Sub-unit)",
        "Pemerintah Kota Palembang > Puskesmas Kertapati > Laboratorium (Sub-unit)",
        "Pemerintah Kota Palembang > Kecamatan Kertapati (Unit)",
    ]
    importer.apply(path, skip_invalid=False)
    units = unit_paths(services)
    poli = ("Pemerintah Kota Palembang > Puskesmas Kertapati > Poli Umum", UnitKind.SUB_UNIT)
    assert units["199001012015032004"] == units["199310102020121008"] == poli  # lines 9, 10
    assert (
        units[NI_LUH][0]
        == units["199812252023212012"][0]
        == ("Pemerintah Kota Palembang > Puskesmas Kertapati")
    )
    assert units[HENDRA][0].endswith("> Puskesmas Kertapati > Laboratorium")
    assert len(services.staff.units()) == 5


def test_a_path_starting_with_a_new_name_makes_a_new_instansi(
    services: AppServices, importer: StaffImportService, tmp_path: Path
) -> None:
    rows = sample_rows()
    for row in rows:
        row["Unit Kerja"] = "Pemerintah Kota Palembang > " + row["Unit Kerja"]
    rows[0]["Unit Kerja"] += " > Seksi Pemerintahan"

    result = importer.apply(write_rows(tmp_path, rows), skip_invalid=False)

    assert [unit.text() for unit in result.new_units] == [
        "Pemerintah Kota Palembang (Instansi)",
        "Pemerintah Kota Palembang > Kecamatan Kertapati (Unit)",
        "Pemerintah Kota Palembang > Kecamatan Kertapati > Seksi Pemerintahan (Sub-unit)",
        "Pemerintah Kota Palembang > Puskesmas Kertapati (Unit)",
    ]


def test_an_ambiguous_unit_name_asks_for_the_path(
    services: AppServices, importer: StaffImportService, sample_csv: Path
) -> None:
    first = services.staff.add_unit("Kecamatan Kertapati", None)
    second = services.staff.add_unit("Dinas Kesehatan", None)
    services.staff.add_unit("Puskesmas Kertapati", first.id)
    services.staff.add_unit("Puskesmas Kertapati", second.id)

    preview = importer.preview(sample_csv)

    assert issues_of(preview)[0] == (7, "Unit Kerja")
    assert preview.issues()[0].message == (
        "Ada 2 unit kerja bernama 'Puskesmas Kertapati': "
        "Dinas Kesehatan > Puskesmas Kertapati; Kecamatan Kertapati > Puskesmas Kertapati. "
        "Tulis jalur lengkapnya, misalnya 'Dinas Kesehatan > Puskesmas Kertapati'."
    )


# --- problems ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "column", "message"),
    [
        ({"Golongan": "III/f"}, "Golongan", "Golongan 'III/f' tidak dikenal untuk PNS"),
        ({"Golongan": "IX"}, "Golongan", "adalah golongan PPPK"),
        ({"Status": "Honorer"}, "Status", "Status kepegawaian harus PNS atau PPPK"),
        ({"NIP": "19920228201903201"}, "NIP", "NIP harus 18 digit angka; yang diisi 17"),
        ({"NIP": "1.99202E+17"}, "NIP", "sudah diubah spreadsheet menjadi angka"),
        ({"NIP": ""}, "NIP", "NIP belum diisi."),
        ({"NIP": "199507092022211099"}, "NIP", "adalah NIP PPPK (digit 13 = 2)"),
        ({"Nama": "  "}, "Nama", "Nama wajib diisi."),
        ({"Jabatan": ""}, "Jabatan", "Jabatan wajib diisi."),
        ({"Jenis Jabatan": "Staf"}, "Jenis Jabatan", "Jenis jabatan 'Staf' tidak dikenal"),
        (
            {"Gelar Depan": "x" * 61},
            "Gelar Depan",
            "Gelar depan paling banyak 60 karakter (sekarang 61)",
        ),
        ({"Unit Kerja": ""}, "Unit Kerja", "Unit kerja wajib diisi."),
        ({"Unit Kerja": "Pemkot > > Kecamatan"}, "Unit Kerja", "punya bagian kosong"),
        (
            {"Unit Kerja": "U" * 201},
            "Unit Kerja",
            "Nama unit kerja paling banyak 200 karakter (sekarang 201)",
        ),
        (
            {"NIP Penilai": NEW_NIP},
            "NIP Penilai",
            f"Pejabat Penilai dengan NIP {NEW_NIP} tidak ada di berkas ini maupun di basis data.",
        ),
        ({"NIP Penilai": "12345"}, "NIP Penilai", "NIP Penilai tidak valid: NIP harus 18 digit"),
        (
            {"NIP Penilai": DEWI},
            "NIP Penilai",
            "Pegawai tidak boleh menjadi Pejabat Penilai bagi dirinya sendiri.",
        ),
    ],
)
def test_each_problem_names_its_line_and_column(
    importer: StaffImportService,
    tmp_path: Path,
    cells: dict[str, str],
    column: str,
    message: str,
) -> None:
    rows = sample_rows()
    rows[3].update(cells)  # line 5: Dewi Lestari, who appraises nobody

    preview = importer.preview(write_rows(tmp_path, rows))

    assert issues_of(preview) == [(5, column)]
    assert message in preview.issues()[0].message
    assert preview.problem_lines()[0].startswith(f"Baris 5, kolom '{column}': ")
    assert (preview.valid_count, preview.invalid_count) == (10, 1)
    assert [row.line for row in preview.rows if not row.valid] == [5]
    assert preview.rows[3].action is None


def test_every_problem_of_a_row_is_reported(importer: StaffImportService, tmp_path: Path) -> None:
    path = changed_sample(
        tmp_path, 5, Nama="", Golongan="Z", Jenis_Jabatan="?", Unit_Kerja="", NIP_Penilai="1"
    )

    preview = importer.preview(path)

    assert sorted(issues_of(preview)) == sorted(
        [
            (5, "Nama"),
            (5, "Golongan"),
            (5, "Jenis Jabatan"),
            (5, "Unit Kerja"),
            (5, "NIP Penilai"),
        ]
    )


def test_columns_are_named_as_written_in_the_file(
    importer: StaffImportService, tmp_path: Path
) -> None:
    path = tmp_path / "lain.csv"
    path.write_text(
        "nip;NAMA;status;gol_ongan;JABATAN;jenis jabatan;unit_kerja\n"
        f"{DEWI};Dewi;PNS;II/z;Staf;Pelaksana;Kantor\n",
        encoding="utf-8",
    )

    preview = importer.preview(path)

    assert preview.problem_lines() == [
        "Baris 2, kolom 'gol_ongan': Golongan 'II/z' tidak dikenal untuk PNS (I/a sampai IV/e)."
    ]


def test_duplicate_nips_name_both_lines(importer: StaffImportService, tmp_path: Path) -> None:
    path = changed_sample(tmp_path, 9, NIP=NI_LUH)

    preview = importer.preview(path)

    assert issues_of(preview) == [(8, "NIP"), (9, "NIP")]
    assert {issue.message for issue in preview.issues()} == {
        f"NIP {NI_LUH} ganda: ada di baris 8 dan 9. Satu pegawai hanya boleh satu baris."
    }


def test_a_row_with_too_many_cells_hints_at_an_unquoted_comma(
    importer: StaffImportService, tmp_path: Path
) -> None:
    content = SAMPLE.read_text(encoding="utf-8").replace('"S.Kep., Ners"', "S.Kep., Ners")
    path = tmp_path / "koma.csv"
    path.write_text(content, encoding="utf-8")

    preview = importer.preview(path)

    assert issues_of(preview)[0] == (8, None)
    assert preview.problem_lines()[0].startswith("Baris 8: Baris ini berisi 1 isian lebih")
    assert "tanda kutip" in preview.problem_lines()[0]


def test_a_filled_cell_under_a_blank_heading_is_refused(
    importer: StaffImportService, tmp_path: Path
) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    # A blank heading as the second column; only line 4 has something under it.
    rows = [line.replace(",", ",,", 1) for line in lines]
    rows[2] = rows[2].replace(",,", ",catatan lupa,", 1)
    path = tmp_path / "kolom-kosong.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")

    preview = importer.preview(path)

    assert [issue for issue in issues_of(preview) if issue[1] is None] == [(3, None)]
    [problem] = [line for line in preview.problem_lines() if "tanpa judul" in line]
    assert problem.startswith("Baris 3: Kolom B tanpa judul berisi 'catatan lupa'")


def test_a_cycle_within_the_file(importer: StaffImportService, tmp_path: Path) -> None:
    path = changed_sample(tmp_path, 2, NIP_Penilai=RIZKY)

    preview = importer.preview(path)

    cycle = [issue for issue in preview.issues() if "berputar" in issue.message]
    assert [(issue.line, issue.column) for issue in cycle] == [
        (2, "NIP Penilai"),
        (3, "NIP Penilai"),
        (4, "NIP Penilai"),
    ]
    assert cycle[0].message == (
        "Rantai penilai berputar: Ahmad Fauzi (baris 2) → Rizky Pratama (baris 4) → "
        "Siti Rahmawati (baris 3) → Ahmad Fauzi (baris 2). "
        "Ganti NIP Penilai salah satu dari mereka."
    )
    # Everyone below the loop cannot be imported either, and is told why.
    assert preview.valid_count == 0


def test_a_cycle_across_file_and_database(
    services: AppServices, importer: StaffImportService, sample_csv: Path, tmp_path: Path
) -> None:
    importer.apply(sample_csv, skip_invalid=False)
    # Only Ahmad's row: Rizky (in the database under Siti, under Ahmad) becomes his penilai.
    rows = [{**sample_rows()[0], "NIP Penilai": RIZKY}]

    preview = importer.preview(write_rows(tmp_path, rows))

    assert preview.problem_lines() == [
        "Baris 2, kolom 'NIP Penilai': Rantai penilai berputar: Ahmad Fauzi (baris 2) → "
        "Rizky Pratama → Siti Rahmawati → Ahmad Fauzi (baris 2). "
        "Ganti NIP Penilai salah satu dari mereka."
    ]


def test_the_file_overrides_the_database_penilai_when_looking_for_cycles(
    services: AppServices, importer: StaffImportService, sample_csv: Path, tmp_path: Path
) -> None:
    importer.apply(sample_csv, skip_invalid=False)
    rows = sample_rows()[:3]
    rows[0]["NIP Penilai"] = RIZKY  # Ahmad under Rizky ...
    rows[1]["NIP Penilai"] = ""  # ... is fine once Siti no longer reports to Ahmad
    rows[2]["NIP Penilai"] = ""  # and Rizky reports to nobody

    preview = importer.preview(write_rows(tmp_path, rows))

    assert preview.problem_lines() == []
    assert [row.changes for row in preview.rows] == [
        ("Pejabat Penilai: (tidak ada) → Rizky Pratama",),
        ("Pejabat Penilai: Ahmad Fauzi → (tidak ada)",),
        ("Pejabat Penilai: Siti Rahmawati → (tidak ada)",),
    ]
    importer.apply(write_rows(tmp_path, rows), skip_invalid=False)
    assert penilai_nips(services)[AHMAD] == RIZKY


def test_a_skipped_row_keeps_its_database_penilai_in_the_cycle_check(
    services: AppServices, importer: StaffImportService, sample_csv: Path, tmp_path: Path
) -> None:
    importer.apply(sample_csv, skip_invalid=False)
    rows = sample_rows()[:2]
    rows[0]["NIP Penilai"] = RIZKY  # Ahmad under Rizky, who is under Siti in the database
    rows[1].update({"NIP Penilai": "", "Golongan": "III/z"})  # Siti's row would break the loop
    new = {"NIP": NEW_NIP, "Nama": "Fajar Nugroho", "NIP Penilai": NURAINI}
    rows.append({**sample_rows()[3], **new})
    path = write_rows(tmp_path, rows)

    preview = importer.preview(path)

    # Siti's row is not imported, so she stays under Ahmad and the loop would be stored.
    assert issues_of(preview) == [(2, "NIP Penilai"), (3, "Golongan")]
    assert preview.issues()[0].message == (
        "Rantai penilai berputar: Ahmad Fauzi (baris 2) → Rizky Pratama → "
        "Siti Rahmawati (baris 3) → Ahmad Fauzi (baris 2). Ganti NIP Penilai salah satu dari "
        "mereka. Baris yang tidak valid tidak diimpor, jadi Pejabat Penilai orang itu tetap "
        "seperti di basis data."
    )
    result = importer.apply(path, skip_invalid=True)
    assert (result.created, result.updated, result.skipped) == (1, 0, 2)
    assert penilai_nips(services)[AHMAD] is None


def test_a_row_whose_penilai_is_invalid_is_invalid_too(
    importer: StaffImportService, tmp_path: Path
) -> None:
    path = changed_sample(tmp_path, 3, Golongan="III/z")  # Siti, penilai of lines 4-6

    preview = importer.preview(path)

    assert issues_of(preview) == [
        (3, "Golongan"),
        (4, "NIP Penilai"),
        (5, "NIP Penilai"),
        (6, "NIP Penilai"),
    ]
    assert preview.issues()[1].message == (
        f"Pejabat Penilai (NIP {SITI}, baris 3) tidak dapat diimpor, jadi baris ini juga tidak. "
        "Perbaiki baris Pejabat Penilai itu dahulu."
    )
    assert (preview.valid_count, preview.invalid_count) == (7, 4)


def test_missing_required_columns_are_listed(importer: StaffImportService, tmp_path: Path) -> None:
    columns = [c for c in COLUMNS if c not in ("Status", "Unit Kerja")]
    path = write_rows(tmp_path, sample_rows(), columns)

    preview = importer.preview(path)

    assert preview.rows == ()
    assert preview.file_issues == (
        ImportIssue(
            None,
            None,
            "Berkas 'pegawai.csv' tidak punya kolom wajib: Status, Unit Kerja. Kolom yang ada: "
            "'NIP', 'Nama', 'Gelar Depan', 'Gelar Belakang', 'Golongan', 'Jabatan', "
            "'Jenis Jabatan', 'NIP Penilai'.",
        ),
    )
    assert not preview.importable(skip_invalid=True)
    assert preview.refusal(skip_invalid=True) == (
        "Tidak ada yang disimpan: berkas 'pegawai.csv' tidak dapat diimpor sebelum masalahnya "
        "diperbaiki."
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "Berkas 'pegawai.csv' tidak ditemukan"),
        (b"", "Berkas 'pegawai.csv' kosong."),
        (",".join(COLUMNS).encode() + b"\n", "tidak berisi data pegawai"),
    ],
)
def test_unusable_files_are_file_issues_and_apply_refuses(
    services: AppServices,
    importer: StaffImportService,
    tmp_path: Path,
    content: bytes | None,
    message: str,
) -> None:
    path = tmp_path / "pegawai.csv"
    if content is not None:
        path.write_bytes(content)

    preview = importer.preview(path)

    assert len(preview.file_issues) == 1
    assert message in preview.file_issues[0].message
    assert preview.problem_lines() == [preview.file_issues[0].message]
    assert not preview.importable(skip_invalid=True)
    with pytest.raises(ValidationError):
        importer.apply(path, skip_invalid=True)
    assert snapshot(services)["employees"] == []


def test_a_numeric_nip_in_xlsx_is_caught(importer: StaffImportService, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(COLUMNS)
    for row in sample_rows():
        sheet.append([row[column] for column in COLUMNS])
    sheet["A5"] = float(DEWI)  # what Excel keeps of a NIP typed into a Number cell
    path = tmp_path / "pegawai.xlsx"
    workbook.save(path)
    workbook.close()

    preview = importer.preview(path)

    assert preview.problem_lines() == [
        "Baris 5, kolom 'NIP': NIP '1.99202E+17' sudah diubah spreadsheet menjadi angka "
        "sehingga digitnya hilang. Format kolom NIP sebagai Teks, lalu ketik ulang NIP-nya."
    ]


# --- writing -----------------------------------------------------------------------------------


def test_nothing_is_written_when_a_row_is_invalid(
    services: AppServices, importer: StaffImportService, sample_csv: Path, tmp_path: Path
) -> None:
    importer.apply(sample_csv, skip_invalid=False)
    before = snapshot(services)
    rows = sample_rows()
    rows[0]["Golongan"] = "IV/b"  # a valid update ...
    rows.append({**rows[1], "NIP": NEW_NIP, "Nama": "Baru"})  # ... a valid new person ...
    rows[3]["Status"] = "Honorer"  # ... and one bad row
    path = write_rows(tmp_path, rows)

    preview = importer.preview(path)
    assert not preview.importable(skip_invalid=False)
    assert preview.refusal(skip_invalid=False) == (
        "Tidak ada yang disimpan: 1 baris tidak valid. Perbaiki berkas, atau pakai "
        "--skip-invalid untuk mengimpor 11 baris yang valid saja."
    )
    with pytest.raises(ValidationError) as refused:
        importer.apply(path, skip_invalid=False)

    assert refused.value.message.splitlines()[0] == preview.refusal(skip_invalid=False)
    assert "Baris 5, kolom 'Status'" in refused.value.message
    assert snapshot(services) == before


def test_skip_invalid_writes_only_the_valid_rows(
    services: AppServices, importer: StaffImportService, tmp_path: Path
) -> None:
    path = changed_sample(tmp_path, 3, Golongan="III/z")  # Siti and the three below her

    preview = importer.preview(path)
    assert preview.importable(skip_invalid=True)
    assert not preview.importable(skip_invalid=False)
    result = importer.apply(path, skip_invalid=True)

    assert (result.created, result.skipped) == (7, 4)
    assert result.skipped_lines == (3, 4, 5, 6)
    assert set(people(services)) == {
        AHMAD,
        NURAINI,
        NI_LUH,
        "199001012015032004",
        "199310102020121008",
        "199812252023212012",
        HENDRA,
    }
    assert result.summary_lines()[0] == (
        "Impor 'pegawai.csv' selesai: 7 pegawai baru, 0 diperbarui, 0 tidak berubah, "
        "4 baris tidak valid dilewati (baris 3, 4, 5, 6)."
    )


def test_all_invalid_is_refused_even_when_skipping(
    services: AppServices, importer: StaffImportService, tmp_path: Path
) -> None:
    rows = sample_rows()[:2]
    for row in rows:
        row["Status"] = "?"
    path = write_rows(tmp_path, rows)

    preview = importer.preview(path)

    assert not preview.importable(skip_invalid=True)
    assert preview.refusal(skip_invalid=True) == (
        "Tidak ada yang disimpan: semua 2 baris tidak valid. Perbaiki berkas lalu impor ulang."
    )
    with pytest.raises(ValidationError, match="semua 2 baris tidak valid"):
        importer.apply(path, skip_invalid=True)
    assert snapshot(services)["employees"] == []


def test_reimporting_the_same_file_changes_nothing(
    services: AppServices, importer: StaffImportService, sample_csv: Path
) -> None:
    importer.apply(sample_csv, skip_invalid=False)
    before = snapshot(services)

    preview = importer.preview(sample_csv)
    result = importer.apply(sample_csv, skip_invalid=False)

    assert {row.action for row in preview.rows} == {ImportAction.UNCHANGED}
    assert preview.new_units == ()
    assert (result.created, result.updated, result.unchanged) == (0, 0, 11)
    assert result.summary_lines()[-1] == (
        "Tidak ada perubahan: data di berkas sudah sama dengan basis data."
    )
    assert snapshot(services) == before


def test_an_update_reports_and_records_its_changes(
    services: AppServices, importer: StaffImportService, sample_csv: Path, tmp_path: Path
) -> None:
    importer.apply(sample_csv, skip_invalid=False)
    rizky = people(services)[RIZKY]
    rows = sample_rows()
    rows[2].update(
        {
            "Golongan": "3c",
            "Jabatan": "Pranata Komputer Ahli Muda",
            "Unit Kerja": "Puskesmas Kertapati",
            "NIP Penilai": NURAINI,
            "Gelar Belakang": "S.Kom., M.T.",
        }
    )
    path = write_rows(tmp_path, rows)

    preview = importer.preview(path)
    result = importer.apply(path, skip_invalid=False, today=IMPORT_DAY)

    expected = (
        "Golongan: III/b → III/c",
        "Jabatan: Pranata Komputer Ahli Pertama → Pranata Komputer Ahli Muda",
        "Jenjang: Ahli Pertama → Ahli Muda",
        "Gelar belakang: S.Kom. → S.Kom., M.T.",
        "Unit kerja: Kecamatan Kertapati → Puskesmas Kertapati",
        "Pejabat Penilai: Siti Rahmawati → Nur'aini Hasanah",
    )
    assert preview.rows[2].action is ImportAction.UPDATE
    assert preview.rows[2].changes == expected
    assert (result.created, result.updated, result.unchanged) == (0, 1, 10)
    assert result.summary_lines()[1:] == [
        "Pengodean berkas: UTF-8.",
        "Data yang berubah (1 pegawai):",
        f"  - Baris 4, Rizky Pratama (NIP {RIZKY}): " + "; ".join(expected),
    ]
    after = people(services)[RIZKY]
    assert (after.golongan, after.gelar_belakang, after.jenjang) == (
        "III/c",
        "S.Kom., M.T.",
        Jenjang.AHLI_MUDA,
    )
    assert after.version == rizky.version + 1
    assert penilai_nips(services)[RIZKY] == NURAINI
    history = services.staff.history(rizky.id)
    assert [event.kind.value for event in history] == ["MUTASI"]
    assert history[0].event_date == IMPORT_DAY
    assert (history[0].from_unit_id, history[0].to_unit_id) == (rizky.unit_id, after.unit_id)


def test_absent_optional_columns_keep_what_the_database_has(
    services: AppServices, importer: StaffImportService, sample_csv: Path, tmp_path: Path
) -> None:
    importer.apply(sample_csv, skip_invalid=False)
    before = people(services)[NURAINI]
    columns = [c for c in COLUMNS if c not in ("Gelar Depan", "Gelar Belakang", "NIP Penilai")]
    rows = [{**sample_rows()[5], "Golongan": "IV/b"}]

    result = importer.apply(write_rows(tmp_path, rows, columns), skip_invalid=False)

    after = people(services)[NURAINI]
    assert result.updates[0].changes == ("Golongan: IV/a → IV/b",)
    assert (after.gelar_depan, after.gelar_belakang, after.penilai_id) == (
        before.gelar_depan,
        before.gelar_belakang,
        before.penilai_id,
    )


def test_a_penilai_may_come_later_in_the_file(
    services: AppServices, importer: StaffImportService, tmp_path: Path
) -> None:
    path = write_rows(tmp_path, list(reversed(sample_rows())))

    result = importer.apply(path, skip_invalid=False)

    assert result.created == 11
    assert penilai_nips(services)[HENDRA] == NURAINI
    assert penilai_nips(services)[NURAINI] == AHMAD


def test_a_new_person_may_be_appraised_by_someone_already_in_the_database(
    services: AppServices, importer: StaffImportService, sample_csv: Path, tmp_path: Path
) -> None:
    importer.apply(sample_csv, skip_invalid=False)
    rows = [{**sample_rows()[3], "NIP": NEW_NIP, "Nama": "Fajar Nugroho"}]

    result = importer.apply(write_rows(tmp_path, rows), skip_invalid=False)

    assert result.created == 1
    assert penilai_nips(services)[NEW_NIP] == SITI


def test_apply_checks_again_and_refuses_what_changed_since_the_preview(
    services: AppServices, importer: StaffImportService, sample_csv: Path, tmp_path: Path
) -> None:
    importer.apply(sample_csv, skip_invalid=False)
    unit = services.staff.add_unit("Dinas Kesehatan", None)
    outsider = services.staff.create(
        StaffInput(
            StaffFields(
                nip=NEW_NIP,
                name="Fajar Nugroho",
                status="PNS",
                golongan="IV/b",
                jabatan="Kepala Dinas",
                jabatan_kind="JPT",
            ),
            unit_id=unit.id,
            penilai_id=None,
        )
    )
    path = write_rows(tmp_path, [{**sample_rows()[0], "NIP Penilai": NEW_NIP}])
    assert importer.preview(path).importable(skip_invalid=False)
    # Meanwhile someone makes Ahmad the penilai of Fajar: the import would now close a loop.
    ahmad = people(services)[AHMAD]
    services.staff.update(
        outsider.id,
        outsider.version,
        StaffInput(
            StaffFields(
                nip=NEW_NIP,
                name="Fajar Nugroho",
                status="PNS",
                golongan="IV/b",
                jabatan="Kepala Dinas",
                jabatan_kind="JPT",
            ),
            unit_id=unit.id,
            penilai_id=ahmad.id,
        ),
    )
    before = snapshot(services)

    with pytest.raises(ValidationError, match="Rantai penilai berputar") as refused:
        importer.apply(path, skip_invalid=True)

    assert refused.value.message.startswith("Tidak ada yang disimpan: semua 1 baris tidak valid.")
    assert snapshot(services) == before
