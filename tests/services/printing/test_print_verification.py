"""Printed sheets carry a code; the code finds the record and says whether it still matches."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.reports.content import FormKind, digest_of
from kinerja_desktop.reports.paper import Paper
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.printing import PrintingService, PrintRequest
from kinerja_desktop.services.printing.differences import differences
from kinerja_desktop.services.printing.service import new_code
from kinerja_desktop.services.printing.verification import normal_code

TODAY = date(2026, 11, 28)


@pytest.fixture
def office(services: AppServices) -> Iterator[AppServices]:
    write_demo(services.database, employees=12, today=TODAY)
    yield services


def _someone(office: AppServices) -> tuple[int, int]:
    person = office.evaluation.people(2026)[3]
    return person.employee_id, person.skp_id


def test_a_printed_evaluation_verifies_until_its_record_changes(office: AppServices) -> None:
    printing = PrintingService(office.database, AccessGuard.system(office.database))
    employee_id, skp_id = _someone(office)
    request = PrintRequest(
        FormKind.EVALUASI, 2026, TODAY, period_code="TW3", employee_id=employee_id
    )
    prepared, pdf = printing.issue(request, Paper.F4)
    assert pdf.startswith(b"%PDF")
    first_page = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert f"Kode verifikasi: {prepared.code}" in first_page

    same = printing.verify(prepared.code.lower().replace("-", ""))
    assert same.found and same.matches, same.lines()
    assert same.lines()[-1].startswith("COCOK")

    office.behaviour.save_feedback(
        skp_id, "TW3", BehaviourValue.AKUNTABEL, "Laporan & <b>bukti</b> selalu tepat waktu."
    )
    changed = printing.verify(prepared.code)
    assert changed.found and not changed.matches
    assert changed.lines()[1].startswith("TIDAK COCOK")
    assert any(
        "perilaku kerja ke-2 › umpan balik" in line
        and "Laporan & <b>bukti</b> selalu tepat waktu." in line
        for line in changed.differences
    ), changed.differences


def test_the_stored_row_keeps_what_was_printed(office: AppServices) -> None:
    printing = PrintingService(office.database, AccessGuard.system(office.database))
    employee_id, _ = _someone(office)
    prepared, _ = printing.issue(PrintRequest(FormKind.SKP, 2026, TODAY, employee_id=employee_id))
    with office.database.reading() as session:
        row = session.execute(
            text(
                "SELECT form, employee_id, year, paper, digest, content_json FROM printed_documents"
            )
        ).one()
    assert row.form == "skp" and row.employee_id == employee_id and row.paper == "a4"
    assert row.digest == prepared.digest
    assert row.content_json == prepared.canonical


def test_an_unknown_code_is_not_found(office: AppServices) -> None:
    result = PrintingService(office.database, AccessGuard.system(office.database)).verify(
        "AAAA-BBBB-CC"
    )
    assert not result.found and not result.matches
    assert "tidak ditemukan" in result.lines()[0]


@pytest.mark.parametrize("typed", ["", "abc", "AAAA-BBBB-CCC", "ÄAAA-BBBB-CC"])
def test_a_malformed_code_is_refused(office: AppServices, typed: str) -> None:
    with pytest.raises(ValidationError, match="bukan kode verifikasi"):
        PrintingService(office.database, AccessGuard.system(office.database)).verify(typed)


def test_codes_are_readable_and_distinct() -> None:
    codes = {new_code() for _ in range(500)}
    assert len(codes) == 500
    for code in codes:
        assert normal_code(code) == code
        assert not set(code) & set("01OIL")


@pytest.mark.parametrize(
    ("printed", "now", "expected"),
    [
        (
            {"pegawai": {"name": "A"}},
            {"pegawai": {"name": "B"}},
            ["Pegawai yang Dinilai › nama: tercetak 'A', sekarang 'B'"],
        ),
        ({"items": ["x"]}, {"items": ["x", "y"]}, ["butir: 1 butir tercetak, sekarang 2 butir"]),
        ({"predikat": "Baik"}, {"predikat": "Baik"}, []),
        ({"notes": ""}, {"notes": None}, ["catatan/rekomendasi: tercetak '', sekarang (kosong)"]),
    ],
)
def test_differences_are_named_in_indonesian(
    printed: dict[str, object], now: dict[str, object], expected: list[str]
) -> None:
    assert differences(printed, now) == expected


def _as_printed_before(office: AppServices, code: str, drop: str) -> None:
    """Rewrite a stored sheet as one printed before the form had ``drop`` in its content."""
    with office.database.transaction() as session:
        stored = session.execute(
            text("SELECT content_json FROM printed_documents WHERE code = :code"), {"code": code}
        ).scalar_one()
        data = json.loads(stored)
        del data["content"][drop]
        old = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        session.execute(
            text(
                "UPDATE printed_documents SET content_json = :json, digest = :digest "
                "WHERE code = :code"
            ),
            {"json": old, "digest": digest_of(old), "code": code},
        )


def test_a_sheet_printed_before_a_form_gained_a_section_still_verifies(
    office: AppServices,
) -> None:
    # The Penetapan gained its named list after sheets were printed without it: those sheets
    # show nothing of the list, so they match while what they do show is unchanged.
    printing = PrintingService(office.database, AccessGuard.system(office.database))
    unit = next(u for u in office.staff.units() if u.name == "Kecamatan Kertapati")
    request = PrintRequest(FormKind.DISTRIBUSI, 2026, TODAY, period_code="TW3", unit_id=unit.id)
    prepared, _ = printing.issue(request, Paper.A4)
    assert '"people":[' in prepared.canonical
    _as_printed_before(office, prepared.code, "people")

    old = printing.verify(prepared.code)
    assert old.found and old.matches, old.lines()


def test_what_an_older_sheet_shows_is_still_compared(office: AppServices) -> None:
    printing = PrintingService(office.database, AccessGuard.system(office.database))
    employee_id, skp_id = _someone(office)
    request = PrintRequest(
        FormKind.EVALUASI, 2026, TODAY, period_code="TW3", employee_id=employee_id
    )
    prepared, _ = printing.issue(request, Paper.A4)
    _as_printed_before(office, prepared.code, "layout")
    assert printing.verify(prepared.code).matches

    office.behaviour.save_feedback(skp_id, "TW3", BehaviourValue.AKUNTABEL, "Lebih teliti.")
    changed = printing.verify(prepared.code)
    assert not changed.matches
    assert not any("layout" in line for line in changed.differences), changed.differences
