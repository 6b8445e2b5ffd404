"""Reading CSV and XLSX import files into text rows."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.nip import Nip
from kinerja_desktop.services.platform.tabular import header_key, read_table

NIP = "198503122010011003"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def write_xlsx(tmp_path: Path, rows: list[list[object]], name: str = "data.xlsx") -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    workbook.save(path)
    workbook.close()
    return path


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("comma", b"NIP,Nama\n" + NIP.encode() + b",Budi\n"),
        ("semicolon", b"NIP;Nama\n" + NIP.encode() + b";Budi\n"),
        ("tab", b"NIP\tNama\n" + NIP.encode() + b"\tBudi\n"),
        ("bom", b"\xef\xbb\xbfNIP,Nama\r\n" + NIP.encode() + b",Budi\r\n"),
        ("crlf", b"NIP;Nama\r\n" + NIP.encode() + b";Budi\r\n"),
        ("excel sep line", b"sep=;\r\nNIP;Nama\r\n" + NIP.encode() + b";Budi\r\n"),
        ("utf16", ("NIP\tNama\r\n" + NIP + "\tBudi\r\n").encode("utf-16")),
        ("no final newline", b"NIP,Nama\n" + NIP.encode() + b",Budi"),
    ],
)
def test_csv_variants_read_the_same(tmp_path: Path, label: str, data: bytes) -> None:
    table = read_table(write(tmp_path, "data.csv", data))

    assert table.columns == ("NIP", "Nama"), label
    assert [(row.line, dict(row.cells)) for row in table.rows] == [
        (3 if label == "excel sep line" else 2, {"nip": NIP, "nama": "Budi"})
    ]


def test_quoted_fields_keep_separators_and_line_breaks(tmp_path: Path) -> None:
    data = (
        b'NIP,Nama,Gelar Belakang\n1,"Ni Luh, Ayu","S.Kep., Ners"\n'
        b'2,"Baris\ndua",""\n3,"Kata ""kutip""",x\n'
    )
    table = read_table(write(tmp_path, "data.csv", data))

    assert [row.get("gelarbelakang") for row in table.rows] == ["S.Kep., Ners", "", "x"]
    assert table.rows[0].get("nama") == "Ni Luh, Ayu"
    assert table.rows[1].get("nama") == "Baris\ndua"
    assert table.rows[2].get("nama") == 'Kata "kutip"'
    # A spreadsheet row number counts records, not physical lines.
    assert [row.line for row in table.rows] == [2, 3, 4]


def test_semicolon_file_with_commas_in_values(tmp_path: Path) -> None:
    data = b"NIP;Nama;Gelar Belakang\n1;Siti;S.E., M.Si.\n"
    table = read_table(write(tmp_path, "data.csv", data))

    assert table.rows[0].get("gelarbelakang") == "S.E., M.Si."


def test_cp1252_file_is_read_when_not_utf8(tmp_path: Path) -> None:
    data = "NIP,Nama\n1,Andr\u00e9 Situmorang\n".encode("cp1252")
    table = read_table(write(tmp_path, "data.csv", data))

    assert table.rows[0].get("nama") == "Andr\u00e9 Situmorang"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("NIP,Nama\n1,Andr\u00e9\n".encode(), "UTF-8"),
        (b"\xef\xbb\xbf" + "NIP,Nama\n1,Andr\u00e9\n".encode(), "UTF-8 dengan BOM"),
        ("NIP,Nama\n1,Andr\u00e9\n".encode("cp1252"), "Windows-1252"),
        ("NIP\tNama\n1\tAndr\u00e9\n".encode("utf-16"), "UTF-16"),
        (b"NIP,Nama\n1,Budi\n", "UTF-8"),
    ],
)
def test_the_encoding_used_is_reported(tmp_path: Path, data: bytes, encoding: str) -> None:
    table = read_table(write(tmp_path, "data.csv", data))

    assert table.encoding == encoding
    assert table.rows[0].get("nama") in {"Andr\u00e9", "Budi"}


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_a_utf8_file_with_one_stray_byte_is_refused_naming_where(
    tmp_path: Path, bom: bytes
) -> None:
    data = bom + "NIP,Nama\n1,Nur\u2019aini\n2,Andr\u00e9 ".encode() + b"\x96 X\n3,Budi\n"

    with pytest.raises(ValidationError) as refused:
        read_table(write(tmp_path, "data.csv", data))

    assert "baris 3 kolom 9" in refused.value.message
    assert "0x96" in refused.value.message


def test_utf8_text_is_not_mistaken_for_cp1252(tmp_path: Path) -> None:
    data = "NIP,Nama\n1,Nur\u2019aini \u00c9lise\n".encode()
    table = read_table(write(tmp_path, "data.csv", data))

    assert table.rows[0].get("nama") == "Nur\u2019aini \u00c9lise"


@pytest.mark.parametrize(
    "heading", ["NIP Penilai", " nip  penilai", "NIP_PENILAI", "Nip-Penilai", "NIPPenilai"]
)
def test_header_spellings_share_one_key(tmp_path: Path, heading: str) -> None:
    data = f'NIP,"{heading}"\n1,2\n'.encode()
    table = read_table(write(tmp_path, "data.csv", data))

    assert header_key(heading) == "nippenilai"
    assert table.has("nippenilai")
    assert table.heading("nippenilai") == " ".join(heading.split())
    assert table.rows[0].get("nippenilai") == "2"


def test_blank_rows_are_skipped_but_counted(tmp_path: Path) -> None:
    data = b"\n NIP , Nama \n\n1,  Budi  \n,\n ; \n2,Ani\n"
    table = read_table(write(tmp_path, "data.csv", data))

    assert table.columns == ("NIP", "Nama")
    # Line 5 (",") is blank; line 6 (" ; ") holds one non-blank cell in a comma file.
    assert [(row.line, row.get("nip"), row.get("nama")) for row in table.rows] == [
        (4, "1", "Budi"),
        (6, ";", ""),
        (7, "2", "Ani"),
    ]


def test_short_and_long_rows(tmp_path: Path) -> None:
    data = b"NIP,Nama,,Unit\n1\n2,Budi,ignored,Kantor,extra,\n"
    table = read_table(write(tmp_path, "data.csv", data))

    assert table.columns == ("NIP", "Nama", "Unit")
    assert dict(table.rows[0].cells) == {"nip": "1", "nama": "", "unit": ""}
    assert dict(table.rows[1].cells) == {"nip": "2", "nama": "Budi", "unit": "Kantor"}
    assert table.rows[0].extra == ()
    assert table.rows[1].extra == ("extra",)


def test_header_only_gives_no_rows(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "data.csv", b"NIP,Nama\r\n"))

    assert table.columns == ("NIP", "Nama")
    assert table.rows == ()


def test_xlsx_cells_become_the_text_a_spreadsheet_shows(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path,
        [
            ["NIP", "Nama", "Golongan", "Tanggal", "Angka", "Benar"],
            [NIP, "Budi", 9, dt.date(2024, 1, 31), 2.5, True],
            [1.98503122010011e17, " Ani ", 9.0, dt.datetime(2024, 2, 1, 8, 30), None, False],
            [],
            [None, None, None, None, None, None],
            [int(NIP[:11]), "Cici", "III/b", None, 12345678901234.0, None],
        ],
    )
    table = read_table(path)

    assert table.columns == ("NIP", "Nama", "Golongan", "Tanggal", "Angka", "Benar")
    assert [row.line for row in table.rows] == [2, 3, 6]
    first, second, third = (dict(row.cells) for row in table.rows)
    assert first == {
        "nip": NIP,
        "nama": "Budi",
        "golongan": "9",
        "tanggal": "2024-01-31",
        "angka": "2.5",
        "benar": "TRUE",
    }
    assert second["nip"] == "1.98503E+17"
    assert second["nama"] == "Ani"
    assert second["golongan"] == "9"
    assert second["tanggal"] == "2024-02-01 08:30:00"
    assert second["angka"] == ""
    assert third["nip"] == NIP[:11]
    assert third["angka"] == "12345678901234"


def test_numeric_nip_cell_is_rejected_by_the_nip_rule(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path, [["NIP"], [float(NIP)]])
    text = read_table(path).rows[0].get("nip")

    with pytest.raises(ValidationError, match="diubah spreadsheet menjadi angka"):
        Nip.parse(text)


def test_xlsx_reads_the_first_sheet(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    first.append(["NIP"])
    first.append(["1"])
    second = workbook.create_sheet("Lain")
    second.append(["Bukan"])
    workbook.active = 1
    path = tmp_path / "two.xlsx"
    workbook.save(path)
    workbook.close()

    assert read_table(path).columns == ("NIP",)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("kosong.csv", b"", "kosong"),
        ("spasi.csv", b"  \r\n\n", "kosong"),
        ("judul.csv", b",,,\n,,\n", "tidak berisi judul kolom"),
        ("biner.csv", b"NIP\x00\x01\x02\xff\xfe", "bukan berkas teks"),
        ("ganda.csv", b"NIP,Nama,nip\n1,2,3\n", "dua kolom dengan judul yang sama"),
        ("palsu.xlsx", b"NIP,Nama\n1,2\n", "bukan berkas Excel .xlsx"),
        ("zip.xlsx", b"", "bukan berkas Excel .xlsx"),  # replaced by a real zip below
        ("data.txt", b"NIP\n1\n", "harus .csv atau .xlsx"),
        ("lama.xls", b"\xd0\xcf\x11\xe0", "Excel lama"),
    ],
)
def test_bad_files_raise_a_message_naming_the_file(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = write(tmp_path, name, data)
    if name == "zip.xlsx":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("hello.txt", "bukan workbook")

    with pytest.raises(ValidationError, match=message) as caught:
        read_table(path)
    assert name in caught.value.message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="tidak ditemukan"):
        read_table(tmp_path / "hilang.csv")
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    with pytest.raises(ValidationError, match="folder"):
        read_table(folder)


def test_a_sheet_over_the_row_cap_is_refused_without_reading_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kinerja_desktop.services.platform import tabular

    monkeypatch.setattr(tabular, "MAX_ROWS", 50)
    path = write_xlsx(tmp_path, [["NIP", "Nama"], *[[str(n), "x"] for n in range(60)]])
    read = 0
    real = tabular._cell_text

    def counting(value: object) -> str:
        nonlocal read
        read += 1
        return real(value)

    monkeypatch.setattr(tabular, "_cell_text", counting)
    with pytest.raises(ValidationError) as refused:
        read_table(path)
    assert "lebih dari 50 baris data" in refused.value.message
    assert read <= 2 * 51  # stopped at the cap: the rows after it were never read


def test_a_sheet_wider_than_the_column_cap_is_refused(tmp_path: Path) -> None:
    from kinerja_desktop.services.platform.tabular import MAX_COLUMNS

    path = write_xlsx(tmp_path, [["NIP", "Nama"], ["1", *[""] * MAX_COLUMNS, "lebih"]])
    with pytest.raises(ValidationError) as refused:
        read_table(path)
    assert f"Batasnya {MAX_COLUMNS} kolom" in refused.value.message
