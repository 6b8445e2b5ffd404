"""Property tests of every file importer: any content gives a result or a clear refusal.

Hypothesis writes staff lists (CSV and XLSX), survey answer files and SKP workbooks with random
cells, stray separators and quotes, odd Unicode and raw bytes. Each importer must either take
the file or refuse it with an Indonesian `DomainError`; it never crashes, and a refused file
leaves the database exactly as it was (compared as SQL text). Hand-over packages have their
own property tests in tests/services/handover.
"""

from __future__ import annotations

import contextlib
import math
import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services.app_services import AppServices

SETTINGS = settings(
    max_examples=int(os.environ.get("IMPORTER_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TODAY = date(2026, 11, 28)
STAFF_HEADER = [
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
#: Cells that look almost right: the traps of real spreadsheets.
NEAR_MISSES = st.sampled_from(
    [
        "199202282019032014",
        "1.99202E+17",
        "199202282019032014.0",
        "PNS",
        "PPPK",
        "III/b",
        "IX",
        "Pelaksana",
        "Fungsional",
        "Kecamatan Kertapati",
        "Kecamatan Kertapati / Seksi Pelayanan Umum",
        "=1+1",
        "",
        " ",
        "Ja'far",
        "Nyayu <b>",
    ]
)
TEXT = st.text(max_size=40)
ANSWERS = st.sampled_from(["1", "2", "3", "4", "", "5", "0", "x", "2,0", " 3 "])
CELL = st.one_of(NEAR_MISSES, TEXT)
XLSX_CELL = st.one_of(
    NEAR_MISSES,
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
    st.integers(min_value=-(10**18), max_value=10**18),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.none(),
)


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as raw:
        return list(raw.iterdump())


def _csv_line(cells: list[str], separator: str) -> str:
    return separator.join('"' + cell.replace('"', '""') + '"' for cell in cells)


@pytest.fixture
def office(services: AppServices) -> AppServices:
    write_demo(services.database, employees=12, today=TODAY)
    return services


def _staff_import_is_whole_or_refused(office: AppServices, path: Path) -> None:
    before = dump(office.database_path)
    with contextlib.suppress(DomainError):  # a refused preview is fine; a crash is not
        office.importer.preview(path)
    try:
        office.importer.apply(path, skip_invalid=False)
    except DomainError as refused:
        assert refused.message.strip()
        assert dump(office.database_path) == before


@SETTINGS
@given(
    rows=st.lists(st.lists(CELL, min_size=0, max_size=12), max_size=6),
    separator=st.sampled_from([",", ";", "\t"]),
    header_cut=st.integers(min_value=0, max_value=len(STAFF_HEADER)),
)
def test_staff_csv(
    office: AppServices, tmp_path: Path, rows: list[list[str]], separator: str, header_cut: int
) -> None:
    header = STAFF_HEADER[: len(STAFF_HEADER) - header_cut]
    text = "\n".join(_csv_line(row, separator) for row in [header, *rows])
    path = tmp_path / "pegawai.csv"
    path.write_text(text, encoding="utf-8")
    _staff_import_is_whole_or_refused(office, path)


@SETTINGS
@given(content=st.binary(max_size=400))
def test_staff_csv_of_raw_bytes(office: AppServices, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "pegawai.csv"
    path.write_bytes(content)
    _staff_import_is_whole_or_refused(office, path)


@SETTINGS
@given(rows=st.lists(st.lists(XLSX_CELL, max_size=11), max_size=5))
def test_staff_xlsx(office: AppServices, tmp_path: Path, rows: list[list[object]]) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(STAFF_HEADER)
    for row in rows:
        sheet.append(row)
    path = tmp_path / "pegawai.xlsx"
    workbook.save(path)
    _staff_import_is_whole_or_refused(office, path)


@SETTINGS
@given(
    rows=st.lists(
        st.lists(
            st.one_of(st.sampled_from(["1", "2", "3", "4", "", "5", "0", "x"]), TEXT), max_size=11
        ),
        max_size=8,
    ),
    columns=st.sampled_from(
        [
            [f"U{n}" for n in range(1, 10)],
            [f"U{n}" for n in range(1, 9)],  # a missing column
            ["u1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9", "Umur"],
        ]
    ),
)
def test_survey_answers(
    office: AppServices, tmp_path: Path, rows: list[list[str]], columns: list[str]
) -> None:
    surveys = office.supervision.surveys
    survey = surveys.surveys()[0]
    path = tmp_path / "jawaban.csv"
    path.write_text("\n".join(_csv_line(r, ",") for r in [columns, *rows]), encoding="utf-8")
    before = dump(office.database_path)
    try:
        added = surveys.import_file(survey.id, path, today=TODAY)
    except DomainError as refused:
        assert refused.message.strip()
        assert dump(office.database_path) == before
    else:
        # Blank lines are skipped; every other line is one respondent.
        assert added == sum(1 for row in rows if any(cell.strip() for cell in row))


@pytest.fixture
def skp_workbook(office: AppServices, tmp_path_factory: pytest.TempPathFactory) -> Path:
    person = office.staff.search_people("", 50)[-1]
    view = office.skp.get(person.id, TODAY.year)
    assert view is not None
    folder = tmp_path_factory.mktemp("skp")
    return office.skp_xlsx.export(view.id, folder / "skp.xlsx")


@SETTINGS
@given(
    changes=st.lists(
        st.tuples(st.integers(1, 30), st.integers(1, 12), XLSX_CELL), min_size=1, max_size=12
    )
)
def test_skp_workbook(
    office: AppServices,
    skp_workbook: Path,
    tmp_path: Path,
    changes: list[tuple[int, int, object]],
) -> None:
    workbook = load_workbook(skp_workbook)
    sheet = workbook.worksheets[0]
    for row, column, value in changes:
        writable = None if isinstance(value, float) and math.isnan(value) else value
        sheet.cell(row=row, column=column).value = writable  # openpyxl cannot store NaN
    path = tmp_path / "skp.xlsx"
    workbook.save(path)
    person = office.staff.search_people("", 50)[-1]
    view = office.skp.get(person.id, TODAY.year)
    assert view is not None
    before = dump(office.database_path)
    try:
        draft = office.skp_xlsx.read(
            path,
            pendekatan=view.pendekatan,
            layout=view.layout,
            parent_options=office.skp.supervisor_options(person.id, TODAY.year),
        )
    except DomainError as refused:
        assert refused.message.strip()
    else:
        assert draft.rhks is not None
    assert dump(office.database_path) == before  # reading a workbook never writes
