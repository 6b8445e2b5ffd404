"""Forms of a sealed record print the people and positions recorded for it, after any move."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.reports.paper import Paper
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.printing import PrintingService, PrintRequest
from kinerja_desktop.services.printing.request import FormKind
from kinerja_desktop.services.staff.service import StaffInput

TODAY = date(2026, 11, 28)
YEAR = 2026


@pytest.fixture
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServices]:
    services = open_services(tmp_path_factory.mktemp("sign") / "kantor.sqlite")
    write_demo(services.database, today=TODAY)
    yield services
    services.close()


def _text(office: AppServices, request: PrintRequest) -> str:
    printing = PrintingService(office.database, AccessGuard.system(office.database))
    pdf = printing.render(printing.prepare(request), Paper.A4)
    pages = PdfReader(io.BytesIO(pdf)).pages
    joined = "\n".join(page.extract_text() or "" for page in pages)
    return " ".join(unicodedata.normalize("NFC", joined).split())


def _signed_period(office: AppServices) -> tuple[int, int, str]:
    """A staff member (not a head) whose evaluation of an ended period has a predikat."""
    with office.database.reading() as session:
        employee_id, skp_id, code = session.execute(
            text(
                "SELECT skps.employee_id, p.skp_id, p.period_code FROM predikat_decisions p "
                "JOIN skps ON skps.id = p.skp_id JOIN employees e ON e.id = skps.employee_id "
                "WHERE e.penilai_id IS NOT NULL AND p.period_code = 'TW2' ORDER BY p.id LIMIT 1"
            )
        ).one()
    return employee_id, skp_id, code


def _move(office: AppServices, employee_id: int, *, jabatan: str, penilai_id: int | None) -> None:
    person = office.staff.get(employee_id)
    fields = StaffFields(
        person.nip,
        person.name,
        person.status.value,
        person.golongan,
        jabatan,
        person.jabatan_kind.value,
        gelar_depan=person.gelar_depan,
        gelar_belakang=person.gelar_belakang,
    )
    office.staff.update(
        employee_id,
        person.version,
        StaffInput(fields, person.unit_id, penilai_id, date(YEAR, 11, 1)),
    )


def test_a_signed_evaluation_keeps_its_penilai_and_positions(office: AppServices) -> None:
    employee_id, skp_id, code = _signed_period(office)
    request = PrintRequest(
        FormKind.EVALUASI, YEAR, TODAY, employee_id=employee_id, period_code=code
    )
    person = office.staff.get(employee_id)
    penilai = office.staff.appraisers(employee_id, date(YEAR, 6, 30)).penilai
    assert penilai is not None
    office.seals.sign_evaluation(skp_id, code, date(YEAR, 7, 8), today=TODAY)

    # Afterwards the person is given another job and another penilai.
    other = next(
        p for p in office.staff.search_people("", 60) if p.id not in (employee_id, penilai.id)
    )
    _move(office, employee_id, jabatan="Analis Kebijakan Baru", penilai_id=other.id)

    signed = _text(office, request)
    assert person.jabatan in signed and "Analis Kebijakan Baru" not in signed
    assert penilai.full_name in signed and other.full_name not in signed

    # An evaluation that was never marked signed follows the register as it is now.
    unsigned = _text(office, replace(request, period_code="TW3"))
    assert "Analis Kebijakan Baru" in unsigned


def test_an_agreed_skp_keeps_the_penilai_of_its_agreement(office: AppServices) -> None:
    employee_id, skp_id, _code = _signed_period(office)
    view = office.skp.by_id(skp_id)
    revised = office.skp.start_revision(skp_id, view.version, "Target berubah")
    office.skp.agree(skp_id, revised.version, date(YEAR, 7, 1))
    penilai = office.staff.appraisers(employee_id, date(YEAR, 7, 1)).penilai
    assert penilai is not None
    other = next(
        p for p in office.staff.search_people("", 60) if p.id not in (employee_id, penilai.id)
    )
    _move(office, employee_id, jabatan="Analis Kebijakan Baru", penilai_id=other.id)

    got = _text(office, PrintRequest(FormKind.SKP, YEAR, TODAY, employee_id=employee_id))
    assert penilai.full_name in got and other.full_name not in got
    assert "Analis Kebijakan Baru" not in got
