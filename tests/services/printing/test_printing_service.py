"""Every form printed for the demo office, checked on the text pypdf extracts."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.development import LearningPath
from kinerja_desktop.domain.employment import EmploymentStatus
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.nip import Nip
from kinerja_desktop.domain.staff import Employee
from kinerja_desktop.reports.content import FormKind
from kinerja_desktop.reports.paper import Paper
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.development.service import ItemInput
from kinerja_desktop.services.printing import PrintingService, PrintRequest

TODAY = date(2026, 11, 28)
YEAR = 2026


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServices]:
    services = open_services(tmp_path_factory.mktemp("print") / "kantor.sqlite")
    write_demo(services.database, today=TODAY)
    yield services
    services.close()


@pytest.fixture(scope="module")
def printing(office: AppServices) -> PrintingService:
    return PrintingService(office.database, AccessGuard.system(office.database))


def pdf_text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return unicodedata.normalize("NFC", "\n".join(page.extract_text() or "" for page in pages))


def person(office: AppServices, jabatan_part: str) -> Employee:
    return next(
        e for e in office.staff.search_people(jabatan_part, 50) if jabatan_part in e.jabatan
    )


def render(printing: PrintingService, request: PrintRequest) -> str:
    return pdf_text(printing.render(printing.prepare(request), Paper.A4))


def one_line(text_: str) -> str:
    return " ".join(text_.split())


def test_skp_prints_the_agreed_plan_with_behaviour_and_lampiran(
    office: AppServices, printing: PrintingService
) -> None:
    staff = person(office, "Operator")
    penilai = office.staff.appraisers(staff.id, date(YEAR, 1, 8)).penilai
    assert penilai is not None
    skp = office.skp.get(staff.id, YEAR)
    assert skp is not None
    got = one_line(render(printing, PrintRequest(FormKind.SKP, YEAR, TODAY, employee_id=staff.id)))
    for label in (
        "SASARAN KINERJA PEGAWAI",
        "PEGAWAI YANG DINILAI",
        "PEJABAT PENILAI KINERJA",
        "RENCANA HASIL KERJA",
        "INDIKATOR KINERJA INDIVIDU",
        "PERILAKU KERJA",
        "Berorientasi Pelayanan",
        "Kolaboratif",
        "EKSPEKTASI KHUSUS PIMPINAN",
        "LAMPIRAN SASARAN KINERJA PEGAWAI",
        "DUKUNGAN SUMBER DAYA",
        "KONSEKUENSI",
        "Halaman 1 dari",
    ):
        assert label in got, label
    assert staff.full_name in got
    assert Nip(staff.nip).formatted in got
    assert penilai.full_name in got
    assert f"NIP. {Nip(penilai.nip).formatted}" in got
    assert "Palembang, " in got
    assert one_line(skp.rhks[0].text) in got


def test_evaluation_prints_realisation_ratings_and_predikat(
    office: AppServices, printing: PrintingService
) -> None:
    staff = person(office, "Operator")
    skp = office.skp.get(staff.id, YEAR)
    assert skp is not None
    behaviour = office.behaviour.period_view(skp.id, "TW3")
    evaluation = office.evaluation.evaluation(skp.id, "TW3")
    assert evaluation.decision is not None and behaviour.rating is not None
    assert behaviour.predikat.decision is not None
    got = one_line(
        render(
            printing,
            PrintRequest(FormKind.EVALUASI, YEAR, TODAY, period_code="TW3", employee_id=staff.id),
        )
    )
    assert "EVALUASI KINERJA PEGAWAI" in got
    assert "PERIODE: TRIWULAN III" in got
    assert "REALISASI BERDASARKAN BUKTI DUKUNG" in got
    assert f"RATING HASIL KERJA {evaluation.decision.final.label.upper()}" in got
    assert f"RATING PERILAKU KERJA {behaviour.rating.final.label.upper()}" in got
    assert f"PREDIKAT KINERJA PEGAWAI {behaviour.predikat.decision.display.upper()}" in got
    realised = evaluation.rhks[0].indicators[0].realisation_display
    assert one_line(realised) in got
    assert "Palembang, 28 November 2026" in got


def test_document_prints_three_people_and_the_predikat(
    office: AppServices, printing: PrintingService
) -> None:
    staff = person(office, "Operator")
    appraisers = office.staff.appraisers(staff.id, date(YEAR, 9, 30))
    assert appraisers.atasan_penilai is not None
    got = one_line(
        render(
            printing,
            PrintRequest(FormKind.DOKUMEN, YEAR, TODAY, period_code="TW3", employee_id=staff.id),
        )
    )
    for label in (
        "DOKUMEN EVALUASI KINERJA PEGAWAI",
        "ATASAN PEJABAT PENILAI KINERJA",
        "CAPAIAN KINERJA ORGANISASI",
        "CATATAN/REKOMENDASI",
        "TRIWULAN III",
    ):
        assert label in got, label
    assert appraisers.atasan_penilai.full_name in got
    assert "KEBERATAN" not in got


def test_document_with_an_objection_prints_the_sections_and_the_atasan_signs(
    office: AppServices, printing: PrintingService
) -> None:
    with office.database.reading() as session:
        skp_id, code = session.execute(
            text("SELECT skp_id, period_code FROM dialogues WHERE objection_on IS NOT NULL")
        ).one()
    skp = office.skp.by_id(skp_id)
    dialogue = office.dialogue.view(skp_id, code, TODAY)
    got = one_line(
        render(
            printing,
            PrintRequest(
                FormKind.DOKUMEN, YEAR, TODAY, period_code=code, employee_id=skp.employee_id
            ),
        )
    )
    assert "6 KEBERATAN" in got
    assert "7 PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN" in got
    assert "8 KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA" in got
    assert one_line(dialogue.objection)[:60] in got
    assert "Atasan Pejabat Penilai Kinerja," in got


def test_development_plan_and_b19_print_gaps_items_and_ratings(
    office: AppServices, printing: PrintingService
) -> None:
    staff = person(office, "Operator")
    office.competence.rate(staff.id, "M.01", 1, "Perlu pendampingan & <b>bimbingan</b>", TODAY)
    office.development.add_item(
        staff.id,
        YEAR,
        ItemInput(
            addresses="Integritas",
            title="Coaching integritas pelayanan",
            path=LearningPath.COACHING,
            jp="4",
        ),
        today=TODAY,
    )
    plan = one_line(
        render(printing, PrintRequest(FormKind.PENGEMBANGAN, YEAR, TODAY, employee_id=staff.id))
    )
    assert "RENCANA PENGEMBANGAN KOMPETENSI PEGAWAI" in plan
    assert "M.01 Integritas" in plan
    assert "Coaching integritas pelayanan" in plan
    # The demo's operator is a PPPK: the PNS 20 JP minimum is not theirs.
    assert staff.status is EmploymentStatus.PPPK
    assert "minimum JP menurut ketentuan PPPK" in plan and "20 JP" not in plan
    rating = one_line(
        render(printing, PrintRequest(FormKind.KOMPETENSI, YEAR, TODAY, employee_id=staff.id))
    )
    assert "EVALUASI KOMPETENSI PEGAWAI" in rating
    assert "NILAI (SKALA 1-5)" in rating
    assert "Perlu pendampingan & <b>bimbingan</b>" in rating


def test_distribution_prints_counts_curve_and_the_unit_head(
    office: AppServices, printing: PrintingService
) -> None:
    unit = next(u for u in office.staff.units() if u.name == "Kecamatan Kertapati")
    check = office.distribution.check(unit.id, YEAR, "TW3")
    got = one_line(
        render(
            printing,
            PrintRequest(FormKind.DISTRIBUSI, YEAR, TODAY, period_code="TW3", unit_id=unit.id),
        )
    )
    assert "PENETAPAN PREDIKAT KINERJA PEGAWAI" in got
    assert "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI" in got
    assert f"JUMLAH {check.total}" in got
    camat = person(office, "Camat")
    assert camat.full_name in got
    assert Nip(camat.nip).formatted in got


def test_nothing_to_print_says_why(office: AppServices, printing: PrintingService) -> None:
    staff = person(office, "Operator")
    with pytest.raises(ValidationError, match="belum memiliki SKP tahun 2031"):
        printing.prepare(PrintRequest(FormKind.SKP, 2031, TODAY, employee_id=staff.id))
    with pytest.raises(ValidationError, match="Periode 'TW9'"):
        printing.prepare(
            PrintRequest(FormKind.EVALUASI, YEAR, TODAY, period_code="TW9", employee_id=staff.id)
        )


def test_a_logo_beside_the_database_goes_in_the_header(
    office: AppServices, printing: PrintingService
) -> None:
    logo = Path(office.database.path).parent / "logo.png"
    from PIL import Image

    Image.new("RGB", (40, 40), (200, 30, 30)).save(logo)
    try:
        staff = person(office, "Operator")
        pdf = printing.render(
            printing.prepare(PrintRequest(FormKind.KOMPETENSI, YEAR, TODAY, employee_id=staff.id))
        )
        assert b"/Subtype /Image" in pdf
    finally:
        logo.unlink()
