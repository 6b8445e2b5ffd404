"""Pegawai's search: the same people in the same order as the query it replaced, in as many
statements whatever the office's size.

The search was rewritten for speed (issue 14: a unit's name matched once per word instead of
joined per person; ids read without the ORM; ``ix_employees_search``). The query as it was
before is kept here as the reference, and every filter of a table is run both ways.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sql_statements import statements_of
from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.orm import aliased

from kinerja_desktop.data.database import contains_text
from kinerja_desktop.data.models import EmployeeRow, UnitRow
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.staff import EmploymentEventKind, StaffFields
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.staff.service import SortKey, StaffFilter, StaffInput

TODAY = date(2026, 12, 7)
#: The rows a screen of the staff list reads after the ids.
ROWS_SHOWN = 40


def query_before_round_10(staff_filter: StaffFilter) -> Select[int]:
    """The staff list's query before round 10 (a join to units, three LIKEs per word)."""
    penilai = aliased(EmployeeRow)
    query = select(EmployeeRow.id)
    if staff_filter.text.strip() or staff_filter.sort is SortKey.UNIT:
        query = query.join(UnitRow, UnitRow.id == EmployeeRow.unit_id)
    if staff_filter.sort is SortKey.PENILAI:
        query = query.outerjoin(penilai, penilai.id == EmployeeRow.penilai_id)
    if not staff_filter.include_inactive:
        query = query.where(EmployeeRow.active.is_(True))
    if staff_filter.unit_ids is not None:
        query = query.where(EmployeeRow.unit_id.in_(staff_filter.unit_ids))
    for word in staff_filter.text.split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        digits = "".join(ch for ch in word if ch.isdigit())
        conditions: list[ColumnElement[bool]] = [
            contains_text(EmployeeRow.name, pattern),
            contains_text(EmployeeRow.jabatan, pattern),
            contains_text(UnitRow.name, pattern),
        ]
        if digits and len(digits) == len(word):
            conditions.append(EmployeeRow.nip.like(f"%{digits}%"))
        query = query.where(or_(*conditions))
    sort_column = {
        SortKey.NAME: EmployeeRow.name,
        SortKey.NIP: EmployeeRow.nip,
        SortKey.JABATAN: EmployeeRow.jabatan,
        SortKey.GOLONGAN: EmployeeRow.golongan,
        SortKey.UNIT: UnitRow.name,
        SortKey.PENILAI: penilai.name,
    }[staff_filter.sort]
    ordered = sort_column.desc() if staff_filter.descending else sort_column.asc()
    tie_breaks = (
        [EmployeeRow.id]
        if staff_filter.sort is SortKey.NAME
        else [EmployeeRow.name, EmployeeRow.id]
    )
    return query.order_by(ordered, *tie_breaks)


def ids_before(services: AppServices, staff_filter: StaffFilter) -> list[int]:
    with services.database.reading() as session:
        return list(session.scalars(query_before_round_10(staff_filter)))


def add_person(
    services: AppServices, unit_id: int, nip: str, name: str, jabatan: str = "Analis"
) -> int:
    fields = StaffFields(nip, name, "PNS", "III/a", jabatan, "Pelaksana")
    created = services.staff.create(
        StaffInput(fields=fields, unit_id=unit_id, penilai_id=None, effective_date=TODAY)
    )
    return created.id


@pytest.fixture
def office(services: AppServices) -> AppServices:
    """The 40-person demo office, with names that try case, accents, spaces and wildcards."""
    write_demo(services.database, today=TODAY, employees=40)
    root = services.staff.units()[0].id
    seksi = services.staff.add_unit("Seksi Pelayanan Ümum", root).id
    add_person(services, seksi, "199001012015031001", "JOSÉ Sinaga", "Pengelola Data")
    add_person(services, seksi, "199001012015031002", "josé sinaga", "Pengolah Data 100%")
    add_person(services, seksi, "199001012015032003", "Siti   Aisyah", "Analis_Kebijakan")
    add_person(services, root, "199001012015031004", "Ahmad Fauzi", "Perawat Ahli")
    gone = add_person(services, seksi, "199001012015031005", "Ahmad Keluar", "Perawat")
    services.staff.end_service(gone, EmploymentEventKind.PENSIUN, TODAY)
    return services


TEXTS = (
    "",
    "   ",
    "a",
    "s",
    "si",
    "siti",
    "SITI",
    "sItI aIsYaH",
    "siti  aisyah",
    "josé",
    "JOSÉ",
    "jose",
    "sinaga josé",
    "ümum",
    "Ümum",
    "UMUM",
    "pelayanan",
    "perawat",
    "perawat ahmad",
    "pengelola data",
    "100%",
    "analis_kebijakan",
    "_",
    "%",
    "\\",
    "1990",
    "199001012015031",
    "2015031004",
    "1990 perawat",
    "19x",
    "kecamatan",
    "kertapati",
    "tidak ada siapa pun",
)

FILTERS = (
    StaffFilter(),
    StaffFilter(include_inactive=True),
    StaffFilter(sort=SortKey.NAME, descending=True),
    StaffFilter(sort=SortKey.NIP),
    StaffFilter(sort=SortKey.JABATAN, descending=True),
    StaffFilter(sort=SortKey.GOLONGAN),
    StaffFilter(sort=SortKey.UNIT),
    StaffFilter(sort=SortKey.PENILAI, descending=True, include_inactive=True),
)


@pytest.mark.parametrize("batch", [staff_repo._ID_BATCH, 7])
def test_every_query_finds_the_same_people_in_the_same_order(
    office: AppServices, batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The ids are fetched a batch at a time; with 7 this small office is read in several.
    monkeypatch.setattr(staff_repo, "_ID_BATCH", batch)
    # One office for the whole table: writing the demo is most of the test's time.
    found_any = 0
    for text in TEXTS:
        for base in FILTERS:
            staff_filter = replace(base, text=text)
            expected = ids_before(office, staff_filter)
            assert office.staff.find_ids(staff_filter) == expected, staff_filter
            found_any += bool(expected)
    # The table is not all empty results (which any query would match).
    assert found_any > len(TEXTS) * len(FILTERS) // 2


def test_a_unit_filter_combines_with_the_words(office: AppServices) -> None:
    units = office.staff.units()
    seksi = next(unit.id for unit in units if unit.name == "Seksi Pelayanan Ümum")
    everywhere = frozenset(unit.id for unit in units)
    for unit_ids in (frozenset({seksi}), everywhere, frozenset()):
        for text in ("", "josé", "pelayanan", "perawat", "a", "1990"):
            staff_filter = StaffFilter(text=text, unit_ids=unit_ids, include_inactive=True)
            assert office.staff.find_ids(staff_filter) == ids_before(office, staff_filter)


def test_what_the_words_find_is_read_in_the_list_rows(office: AppServices) -> None:
    def names(text: str, **kwargs: object) -> list[str]:
        ids = office.staff.find_ids(StaffFilter(text=text, **kwargs))  # type: ignore[arg-type]
        return [row.name for row in office.staff.list_rows(ids)]

    # The reference above could be wrong in the same way; these are read by hand.
    assert names("siti aisyah") == ["Siti Aisyah"]  # the form cleans the name's spaces
    # The unit's name (as a set: upper and lower case sort apart by the database's collation).
    assert set(names("Ümum")) == {"JOSÉ Sinaga", "josé sinaga", "Siti Aisyah"}
    assert names("100%") == ["josé sinaga"]  # a wildcard is a plain character
    assert names("199001012015031004") == ["Ahmad Fauzi"]  # the whole NIP
    assert names("perawat ahmad") == ["Ahmad Fauzi"]
    assert names("perawat ahmad", include_inactive=True) == ["Ahmad Fauzi", "Ahmad Keluar"]
    (row,) = office.staff.list_rows(office.staff.find_ids(StaffFilter(text="199001012015031004")))
    assert (row.nip, row.jabatan, row.unit_name, row.active) == (
        "199001012015031004",
        "Perawat Ahli",
        office.staff.units()[0].name,
        True,
    )


def test_one_search_reads_as_many_statements_for_160_people_as_for_40(tmp_path: Path) -> None:
    counts: dict[int, list[int]] = {}
    found: dict[int, list[int]] = {}
    selects: list[int] = []
    for size in (40, 160):
        opened = open_services(tmp_path / f"kantor{size}.sqlite", today=lambda: TODAY)
        try:
            write_demo(opened.database, today=TODAY, employees=size)
            counts[size], found[size] = [], []
            for text in ("", "a", "siti", "1990 perawat"):
                with statements_of(opened) as seen:
                    ids = opened.staff.find_ids(StaffFilter(text=text))
                    rows = opened.staff.list_rows(ids[:ROWS_SHOWN])
                assert [row.id for row in rows] == ids[:ROWS_SHOWN]
                counts[size].append(len(seen))
                found[size].append(len(ids))
                selects.append(sum(sql.lstrip().startswith("SELECT") for sql in seen))
        finally:
            opened.close()
    # The larger office's first two searches find more than a screen of rows, and more people
    # than the smaller's: the counts below are of searches that grew.
    assert all(
        ROWS_SHOWN < big > small for big, small in zip(found[160][:2], found[40][:2], strict=True)
    )
    assert counts[160] == counts[40]
    # Each search reads its ids in one SELECT and the rows of a screen in one more (none when
    # nobody was found).
    assert selects == [2 if people else 1 for people in found[40] + found[160]]
    assert selects.count(2) >= 6


@pytest.mark.parametrize("text", ["", "a", "siti", "sinaga", "tidak ada yang bernama ini"])
def test_a_picker_reads_only_as_many_people_as_it_shows(office: AppServices, text: str) -> None:
    listed = office.staff.find_ids(StaffFilter(text=text))
    with statements_of(office) as seen:
        picked = office.staff.search_people(text, limit=3)
    assert [person.id for person in picked] == listed[:3]
    # The first SELECT reads the ids: only three of them, however many match.
    selects = [sql for sql in seen if sql.startswith("SELECT")]
    assert " LIMIT " in selects[0]
