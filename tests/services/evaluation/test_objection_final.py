"""The Atasan Pejabat Penilai's predikat on an objection is final, everywhere it is shown.

PP 30/2019 Pasal 59: the period's predikat becomes the one set on the objection, so the
evaluation, the unit's distribution, both printed forms and the e-Kinerja workbook carry it,
marked as set on objection.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from kinerja_desktop.data.behaviour_models import PredikatRow
from kinerja_desktop.domain.predikat import OBJECTION_MARK, OrgPredikat, Predikat, PredikatSource
from kinerja_desktop.domain.skp import Pendekatan
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.reports.content import FormKind
from kinerja_desktop.reports.paper import Paper
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.printing import PrintingService, PrintRequest
from kinerja_desktop.services.staff.service import StaffInput

YEAR = 2026
PRINTED_ON = date(YEAR, 5, 4)


@dataclass(frozen=True)
class Office:
    services: AppServices
    unit_id: int
    employee_id: int
    skp_id: int


def _person(
    services: AppServices, unit_id: int, nip: str, name: str, kind: str, penilai: int | None = None
) -> int:
    fields = StaffFields(nip, name, "PNS", "III/a", "Analis", kind)
    return services.staff.create(
        StaffInput(
            fields=fields, unit_id=unit_id, penilai_id=penilai, effective_date=date(2020, 1, 2)
        )
    ).id


@pytest.fixture
def office(services: AppServices) -> Office:
    """Dewi's TW1 predikat is Kurang/Misconduct; she objects and the camat sets Baik."""
    root = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    unit = services.staff.add_unit("Kecamatan Kertapati", root.id)
    camat = _person(services, unit.id, "197805122003121002", "Ahmad Fauzi", "Administrator")
    sekcam = _person(services, unit.id, "198103042006042011", "Siti Rahmawati", "Pengawas", camat)
    staff = _person(services, unit.id, "199202282019032014", "Dewi Lestari", "Pelaksana", sekcam)
    skp = services.skp.create(staff, YEAR, Pendekatan.KUANTITATIF)
    with services.database.transaction() as session:
        session.add(
            PredikatRow(
                skp_id=skp.id,
                period_code="TW1",
                hasil="SESUAI",
                perilaku="DI_BAWAH",
                computed="KURANG_MISCONDUCT",
                final="KURANG_MISCONDUCT",
                override_reason="",
                decided_on=date(YEAR, 4, 3),
            )
        )
    services.distribution.set_org_predikat(unit.id, YEAR, "TW1", OrgPredikat.BAIK, date(YEAR, 4, 2))
    dialogue = services.dialogue
    dialogue.record_result_received(skp.id, "TW1", date(YEAR, 4, 6))
    dialogue.file_objection(
        skp.id, "TW1", "Catatan disiplin sudah diklarifikasi.", date(YEAR, 4, 8)
    )
    dialogue.record_explanation(
        skp.id, "TW1", "Keterlambatan karena tugas luar.", date(YEAR, 4, 10)
    )
    dialogue.record_decision(
        skp.id, "TW1", "Keberatan diterima sebagian.", date(YEAR, 4, 15), Predikat.BAIK
    )
    return Office(services, unit.id, staff, skp.id)


def _pdf_text(services: AppServices, form: FormKind, employee_id: int) -> str:
    printing = PrintingService(services.database, AccessGuard.system(services.database))
    request = PrintRequest(form, YEAR, PRINTED_ON, period_code="TW1", employee_id=employee_id)
    pdf = printing.render(printing.prepare(request), Paper.A4)
    pages = PdfReader(io.BytesIO(pdf)).pages
    text = "\n".join(page.extract_text() or "" for page in pages)
    return " ".join(unicodedata.normalize("NFC", text).split())


def test_the_evaluation_shows_the_atasans_predikat(office: Office) -> None:
    status = office.services.behaviour.period_view(office.skp_id, "TW1").predikat

    effective = status.effective
    assert effective is not None
    assert effective.predikat is Predikat.BAIK
    assert effective.source is PredikatSource.KEBERATAN
    assert effective.display == f"Baik ({OBJECTION_MARK}; semula Kurang/Misconduct)"
    # The penilai's own record stays as it was, for the history.
    assert status.decision is not None and status.decision.final is Predikat.KURANG_MISCONDUCT
    assert not status.outdated


def test_the_distribution_counts_the_atasans_predikat(office: Office) -> None:
    result = office.services.distribution.check(office.unit_id, YEAR, "TW1")

    assert result.counts[Predikat.BAIK] == 1
    assert result.counts[Predikat.KURANG_MISCONDUCT] == 0


def test_the_printed_document_agrees_in_sections_4_and_8(office: Office) -> None:
    got = _pdf_text(office.services, FormKind.DOKUMEN, office.employee_id)

    assert "PREDIKAT KINERJA PEGAWAI BAIK (DITETAPKAN ATAS KEBERATAN)" in got
    assert "8 KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA" in got
    assert "Predikat Kinerja ditetapkan: Baik" in got
    assert "PREDIKAT KINERJA PEGAWAI KURANG" not in got


def test_the_printed_evaluation_shows_it_marked(office: Office) -> None:
    got = _pdf_text(office.services, FormKind.EVALUASI, office.employee_id)

    assert f"PREDIKAT KINERJA PEGAWAI BAIK ({OBJECTION_MARK.upper()}" in got


def test_the_ekinerja_workbook_carries_it(office: Office, tmp_path: Path) -> None:
    target = tmp_path / "ekinerja.xlsx"
    office.services.handover.export_ekinerja(target, year=YEAR)

    workbook = openpyxl.load_workbook(target, read_only=True)
    try:
        header, *rows = list(workbook["Evaluasi"].iter_rows(values_only=True))
    finally:
        workbook.close()
    evaluations = [dict(zip(header, row, strict=True)) for row in rows]
    assert [row["Predikat Kinerja"] for row in evaluations] == ["Baik"]


def test_the_staff_summary_s_latest_predikat_is_the_atasans(office: Office) -> None:
    latest = office.services.behaviour.latest_predikat(office.employee_id)
    assert latest is not None
    assert (latest.year, latest.period_code, latest.period_label) == (YEAR, "TW1", "Triwulan I")
    assert latest.predikat is Predikat.BAIK
    assert latest.on_objection
    others = office.services.staff.search_people("Siti")
    assert office.services.behaviour.latest_predikat(others[0].id) is None
