"""Plain tables written as SpreadsheetML directly, read back with openpyxl."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from xml.dom.minidom import parseString

import openpyxl
import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.platform.xlsx_tables import Table, TableColumn, write_tables
from kinerja_desktop.services.platform.xlsx_writing import save_tables

COLUMNS = (
    TableColumn("NIP", 21, "@"),
    TableColumn("Kegiatan", 44, wrap=True),
    TableColumn("Tanggal", 12, "DD/MM/YYYY"),
    TableColumn("Jam", 9, "HH:MM"),
    TableColumn("Jumlah", 9),
)


def written(tables: list[Table]) -> openpyxl.Workbook:
    stream = io.BytesIO()
    write_tables(stream, tables)
    stream.seek(0)
    return openpyxl.load_workbook(stream)


def test_cells_keep_their_types_and_formula_looking_text_stays_text() -> None:
    rows = [
        ("198906152014031001", '=HYPERLINK("http://x","klik")', date(2026, 3, 2), time(8, 0), 12),
        ("199202282019032014", "", date(1900, 1, 1), time(15, 30), Decimal("2.5")),
        ("-", None, datetime(2026, 12, 31, 13, 45), None, Decimal("3")),
        ("+62", "Tulis & <periksa>", None, None, True),
    ]

    sheet = written([Table("Progres", COLUMNS, rows)]).active

    values = [tuple(cell.value for cell in row) for row in sheet.iter_rows(min_row=2)]
    assert values == [
        (
            "198906152014031001",
            '=HYPERLINK("http://x","klik")',
            datetime(2026, 3, 2),
            time(8, 0),
            12,
        ),
        ("199202282019032014", None, datetime(1900, 1, 1), time(15, 30), 2.5),
        ("-", None, datetime(2026, 12, 31, 13, 45), None, 3),
        ("+62", "Tulis & <periksa>", None, None, True),
    ]
    assert [cell.data_type for cell in sheet[2]] == ["s", "s", "d", "d", "n"]
    assert sheet["E5"].data_type == "b"


def test_the_table_looks_like_the_apps_other_workbooks() -> None:
    sheet = written([Table("Progres", COLUMNS, [("1", "a", date(2026, 1, 5), time(9), 1)])]).active

    header = sheet["A1"]
    assert [cell.value for cell in sheet[1]] == [column.heading for column in COLUMNS]
    assert header.font.b and header.fill.fgColor.rgb == "FFDDE5F0" and header.alignment.wrap_text
    assert [sheet.cell(2, n).number_format for n in range(1, 6)] == [
        "@",
        "General",
        "DD/MM/YYYY",
        "HH:MM",
        "General",
    ]
    assert sheet["B2"].alignment.wrap_text and not sheet["A2"].alignment.wrap_text
    assert [sheet.column_dimensions[letter].width for letter in "ABCDE"] == [21, 44, 12, 9, 9]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:E2"
    assert sheet.page_setup.orientation == "landscape"
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)


def test_many_rows_and_sheets_are_all_there_with_the_filter_over_them() -> None:
    rows = [(str(n), f"kegiatan {n % 7}", None, None, n) for n in range(1, 1202)]
    plain = (TableColumn("A", 10), TableColumn("B", 10))

    workbook = written(
        [Table("Satu", COLUMNS, rows), Table("Dua", plain, []), Table("Tiga's", plain, [])]
    )

    assert workbook.sheetnames == ["Satu", "Dua", "Tiga's"]
    first = workbook["Satu"]
    assert first.max_row == 1202 and first["E1202"].value == 1201
    assert first["B1202"].value == "kegiatan 4"
    assert first.auto_filter.ref == "A1:E1202"
    assert [cell.value for cell in workbook["Dua"][1]] == ["A", "B"]
    assert workbook["Dua"].max_row == 1 and workbook["Dua"].auto_filter.ref == "A1:B2"


def test_illegal_characters_are_dropped_and_edge_spaces_kept() -> None:
    rows = [
        ("1", "baris\x00satu\x1b\nbaris dua", None, None, None),
        ("2", "  spasi ", None, None, None),
    ]

    sheet = written([Table("Progres", COLUMNS, rows)]).active

    assert sheet["B2"].value == "barissatu\nbaris dua"
    assert sheet["B3"].value == "  spasi "


def test_every_part_is_well_formed_xml_and_the_bytes_do_not_change() -> None:
    tables = [Table("Progres", COLUMNS, [("1", "a & b", date(2026, 1, 5), time(9), 1)])]
    first, second = io.BytesIO(), io.BytesIO()
    write_tables(first, tables)
    write_tables(second, tables)

    with zipfile.ZipFile(first) as package:
        for name in package.namelist():
            parseString(package.read(name))  # raises on malformed XML
        assert "xl/sharedStrings.xml" in package.namelist()
    assert first.getvalue() == second.getvalue()


def test_a_value_no_cell_can_hold_fails_and_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "progres.xlsx"
    target.write_bytes(b"lama")
    rows = [("1", "a", date(2026, 1, 5), time(9), 1), ("2", "b", None, None, object())]

    with pytest.raises(TypeError, match="object"):
        save_tables(target, [Table("Progres", COLUMNS, rows)])

    assert target.read_bytes() == b"lama"
    assert [path.name for path in tmp_path.iterdir()] == ["progres.xlsx"]


def test_a_folder_that_cannot_be_written_names_the_file(tmp_path: Path) -> None:
    target = tmp_path / "tidak-ada" / "progres.xlsx"

    with pytest.raises(ValidationError, match=r"progres\.xlsx"):
        save_tables(target, [Table("Progres", COLUMNS, [])])
