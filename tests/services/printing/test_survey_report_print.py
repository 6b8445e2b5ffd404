"""The survey report (laporan SKM) printed for the demo office, checked on the extracted text."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from kinerja_desktop.data.repositories.surveys import ResponseData, StoredResponse
from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.errors import NotFoundError, ValidationError
from kinerja_desktop.domain.supervision.ikm import SurveyItem, format_decimal_id, round_half_up
from kinerja_desktop.domain.supervision.survey_period import parse_survey_period
from kinerja_desktop.reports.content import FormKind, SurveyReportForm
from kinerja_desktop.reports.paper import Paper
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.printing import PrintingService, PrintRequest
from kinerja_desktop.services.printing.batch import plan_batch, run_batch
from kinerja_desktop.services.printing.survey_print import (
    profile_lines,
    survey_code,
    trend_lines,
)
from kinerja_desktop.services.supervision.surveys import SurveyInfo, TrendPoint

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServices]:
    services = open_services(tmp_path_factory.mktemp("skm") / "kantor.sqlite")
    write_demo(services.database, today=TODAY)
    yield services
    services.close()


@pytest.fixture(scope="module")
def printing(office: AppServices) -> PrintingService:
    return PrintingService(office.database, AccessGuard.system(office.database))


def text_of(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    raw = "\n".join(page.extract_text() or "" for page in pages)
    return " ".join(unicodedata.normalize("NFC", raw).split())


def clinic(office: AppServices, code: str = "2026-S2") -> SurveyInfo:
    unit = office.supervision.surveys.find_unit("Poli Umum (Puskesmas Kertapati)")
    return next(s for s in office.supervision.surveys.surveys(unit.id) if s.period.code == code)


def request_for(info: SurveyInfo, signer: int | None = None) -> PrintRequest:
    return PrintRequest(
        FormKind.SURVEI,
        info.period.start.year,
        TODAY,
        period_code=info.period.code,
        unit_id=info.unit_id,
        employee_id=signer,
    )


def test_survey_report_prints_index_items_weakest_trend_and_signature(
    office: AppServices, printing: PrintingService
) -> None:
    info = clinic(office)
    surveys = office.supervision.surveys
    report = surveys.report(info.id, today=TODAY)
    exact = surveys.results(info.id).result
    got = text_of(printing.render(printing.prepare(request_for(info)), Paper.A4))

    for label in (
        "PEMERINTAH KOTA PALEMBANG",
        "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT",
        "POLI UMUM (PUSKESMAS KERTAPATI)",
        "PERIODE SEMESTER II 2026",
        "1 Juli s.d. 31 Desember 2026",
        f"{report.respondents} orang",
        "Peraturan Menteri PANRB Nomor 14 Tahun 2017",
        "PROFIL RESPONDEN",
        "Jenis kelamin",
        "Perempuan",
        "Pendidikan",
        "NILAI PER UNSUR PELAYANAN",
        "NRR TERTIMBANG",
        "INDEKS KEPUASAN MASYARAKAT (IKM)",
        "MUTU PELAYANAN",
        "KINERJA UNIT PELAYANAN",
        "UNSUR YANG PERLU DIPERBAIKI",
        "PERKEMBANGAN IKM UNIT LAYANAN",
        "Semester I 2026",
        report.place_date,
        f"{report.signer_jabatan},",
        report.signer_name,
        f"NIP. {report.signer_nip}",
    ):
        assert label in got, label
    for item in SurveyItem:
        assert f"{item.value} {item.label}" in got, item
    for line in report.items:
        assert f"{line.code} {line.label} {line.answered} {line.nrr}" in got, line
        assert f"{line.converted} {line.grade}" in got, line
    assert f"nilai interval × 25) {report.ikm} {report.grade}" in got
    assert f"{report.ikm} {report.grade} {report.performance.upper()}" in got
    for number, weak in enumerate(exact.weakest(), start=1):
        assert f"{number}. {weak.item.value} {weak.item.label} (NRR" in got
    earlier = surveys.results(clinic(office, "2026-S1").id).result
    change = exact.ikm - earlier.ikm
    shown = format_decimal_id(change)
    assert f"Semester I 2026 {earlier.respondents} {earlier.ikm_text}" in got
    assert f"{exact.ikm_text} {report.grade} {'+' + shown if change > 0 else shown}" in got


def test_weighted_nrr_and_interval_value_are_exact_then_rounded(
    office: AppServices, printing: PrintingService
) -> None:
    info = clinic(office)
    content = printing.build(request_for(info))
    assert isinstance(content, SurveyReportForm)
    exact = office.supervision.surveys.results(info.id).result
    assert content.interval_value == format_decimal_id(round_half_up(exact.interval_value, 4))
    assert [line.weighted for line in content.items] == [
        format_decimal_id(round_half_up(item.weighted, 3)) for item in exact.items
    ]


def test_first_survey_has_no_trend_and_no_profile_when_nobody_filled_it(
    office: AppServices, printing: PrintingService
) -> None:
    surveys = office.supervision.surveys
    unit = surveys.find_unit("Poli Umum (Puskesmas Kertapati)")
    info = surveys.open_survey(unit.id, "2025-S2", today=date(2025, 7, 1))
    surveys.add_typed(info.id, "444333444\n3333-3333\n223344332\n", today=TODAY)
    got = text_of(printing.render(printing.prepare(request_for(info))))
    assert "Semester II 2025" in got
    assert "3 orang" in got
    assert "PROFIL RESPONDEN" not in got
    assert "PERKEMBANGAN IKM" not in got
    # The later surveys now show it as their first period.
    later = text_of(printing.render(printing.prepare(request_for(clinic(office)))))
    assert "Semester II 2025 3 " in later


def test_another_signer_can_sign(office: AppServices, printing: PrintingService) -> None:
    someone = office.staff.search_people("Operator", 5)[0]
    content = printing.build(request_for(clinic(office), signer=someone.id))
    assert isinstance(content, SurveyReportForm)
    (signature,) = content.signatures
    assert signature.name == someone.full_name
    assert signature.role == someone.jabatan


@pytest.mark.parametrize(
    ("unit", "period", "error"),
    [
        ("Poli Umum (Puskesmas Kertapati)", "2024-S1", ValidationError),
        ("Poli Umum (Puskesmas Kertapati)", "2026-TW1", ValidationError),
    ],
)
def test_no_survey_for_the_period_says_so(
    office: AppServices, printing: PrintingService, unit: str, period: str, error: type
) -> None:
    unit_id = office.supervision.surveys.find_unit(unit).id
    with pytest.raises(error, match="Belum ada survei"):
        printing.prepare(
            PrintRequest(FormKind.SURVEI, 2026, TODAY, period_code=period, unit_id=unit_id)
        )


def test_a_survey_without_respondents_is_not_printed(
    office: AppServices, printing: PrintingService
) -> None:
    surveys = office.supervision.surveys
    unit = surveys.find_unit("KIA/KB (Puskesmas Kertapati)")
    info = surveys.open_survey(unit.id, "2027", today=TODAY)
    with pytest.raises(ValidationError):
        printing.prepare(request_for(info))
    with pytest.raises(NotFoundError):
        printing.prepare(request_for(clinic(office), signer=999_999))


def test_survey_report_verifies_until_a_respondent_is_added(office: AppServices) -> None:
    printing = PrintingService(office.database, AccessGuard.system(office.database))
    surveys = office.supervision.surveys
    unit = surveys.find_unit("Seksi Pelayanan Umum (Kecamatan Kertapati)")
    info = next(s for s in surveys.surveys(unit.id) if s.period.code == "2026-S2")
    prepared, pdf = printing.issue(request_for(info))
    assert f"Kode verifikasi: {prepared.code}" in text_of(pdf)
    same = printing.verify(prepared.code)
    assert same.matches, same.lines()
    assert "Seksi Pelayanan Umum" in same.description

    surveys.add_respondent(info.id, (1, 1, 1, 1, 1, 1, 1, 1, 1), today=TODAY)
    changed = printing.verify(prepared.code)
    assert changed.found and not changed.matches
    lines = changed.differences
    assert any("IKM: tercetak" in line for line in lines), lines


def test_batch_prints_one_report_per_surveyed_unit(
    office: AppServices, printing: PrintingService, tmp_path: Path
) -> None:
    items = plan_batch(
        printing,
        office.staff,
        year=2026,
        printed_on=TODAY,
        forms=[FormKind.SURVEI],
        period_code="s1",
    )
    assert len(items) == 3
    assert all(item.request.period_code == "2026-S1" for item in items)
    assert all("_survei_2026-S1.pdf" in item.file_name for item in items)
    result = run_batch(printing, items, tmp_path)
    assert len(result.written) == 3 and not result.skipped
    kecamatan = office.supervision.surveys.find_unit("Kecamatan Kertapati").id
    only = plan_batch(
        printing,
        office.staff,
        year=2026,
        printed_on=TODAY,
        forms=[FormKind.SURVEI],
        period_code="S1",
        unit_id=kecamatan,
    )
    assert [item.request.unit_id for item in only] == [
        office.supervision.surveys.find_unit("Seksi Pelayanan Umum").id
    ]


@pytest.mark.parametrize(
    ("year", "period", "code"),
    [
        (2026, "", "2026"),
        (2026, "AKHIR", "2026"),
        (2026, "S1", "2026-S1"),
        (2026, "tw3", "2026-TW3"),
        (2026, "M05", "2026-M05"),
        (2026, "2026-S2", "2026-S2"),
    ],
)
def test_survey_code_from_year_and_period(year: int, period: str, code: str) -> None:
    assert survey_code(year, period) == code


def test_survey_code_refuses_a_period_that_is_not_one() -> None:
    with pytest.raises(ValidationError):
        survey_code(2026, "Q7")


def _response(gender: str = "", age: int | None = None, education: str = "") -> StoredResponse:
    return StoredResponse(1, ResponseData((3,) * 9, gender=gender, age=age, education=education))


def test_profile_counts_what_was_filled_and_leaves_out_empty_characteristics() -> None:
    lines = profile_lines(
        [
            _response("P", 19, "SMA"),
            _response("P", 20, "S1"),
            _response("L", 65, ""),
            _response("", None, "SMA"),
        ]
    )
    table = [(line.group, line.category, line.count, line.percent) for line in lines]
    assert table == [
        ("Jenis kelamin", "Laki-laki", "1", "25,0%"),
        ("Jenis kelamin", "Perempuan", "2", "50,0%"),
        ("Jenis kelamin", "Tidak diisi", "1", "25,0%"),
        ("Usia", "Di bawah 20 tahun", "1", "25,0%"),
        ("Usia", "20–29 tahun", "1", "25,0%"),
        ("Usia", "60 tahun ke atas", "1", "25,0%"),
        ("Usia", "Tidak diisi", "1", "25,0%"),
        ("Pendidikan", "SMA", "2", "50,0%"),
        ("Pendidikan", "S1", "1", "25,0%"),
        ("Pendidikan", "Tidak diisi", "1", "25,0%"),
    ]
    assert profile_lines([_response()]) == ()


def test_trend_stops_at_the_printed_survey_and_skips_surveys_without_an_index(
    office: AppServices,
) -> None:
    surveys = office.supervision.surveys
    unit = surveys.find_unit("KIA/KB (Puskesmas Kertapati)")
    points = surveys.trend(unit.id)
    first = next(s for s in surveys.surveys(unit.id) if s.period.code == "2026-S1")
    lines = trend_lines(points, first)
    assert [line.period for line in lines][-1] == "Semester I 2026"
    assert lines[0].change == ""
    empty = TrendPoint(0, parse_survey_period("2025"), 0, None)
    assert trend_lines([empty, *points], first) == lines
