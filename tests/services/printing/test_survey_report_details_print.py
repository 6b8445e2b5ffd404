"""The laporan SKM prints the population and its sample, the method, fieldwork and the RTL."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator
from datetime import date

import pytest
from pypdf import PdfReader

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.supervision.survey_report import SurveyMethod, minimum_sample
from kinerja_desktop.reports.content import FormKind
from kinerja_desktop.reports.paper import Paper
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.printing import PrintingService, PrintRequest
from kinerja_desktop.services.supervision.surveys import (
    ActionInput,
    DetailsInput,
    SurveyInfo,
)

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServices]:
    services = open_services(tmp_path_factory.mktemp("skm-rtl") / "kantor.sqlite")
    write_demo(services.database, today=TODAY)
    yield services
    services.close()


def _survey(office: AppServices, code: str, unit_name: str = "Poli Umum") -> SurveyInfo:
    surveys = office.supervision.surveys
    unit = surveys.find_unit(f"{unit_name} (Puskesmas Kertapati)")
    return next(s for s in surveys.surveys(unit.id) if s.period.code == code)


def _printed(office: AppServices, info: SurveyInfo) -> str:
    printing = PrintingService(office.database, AccessGuard.system(office.database))
    request = PrintRequest(
        FormKind.SURVEI,
        info.period.start.year,
        TODAY,
        period_code=info.period.code,
        unit_id=info.unit_id,
    )
    pages = PdfReader(io.BytesIO(printing.render(printing.prepare(request), Paper.A4))).pages
    raw = "\n".join(page.extract_text() or "" for page in pages)
    return " ".join(unicodedata.normalize("NFC", raw).split())


def test_the_report_prints_sample_method_fieldwork_and_the_plan(office: AppServices) -> None:
    info = _survey(office, "2026-S2")
    surveys = office.supervision.surveys
    population = 4000
    assert info.responses < minimum_sample(population)
    surveys.set_details(
        info.id,
        DetailsInput(
            "4.000",
            (SurveyMethod.TATAP_MUKA, SurveyMethod.KIOS),
            date(2026, 7, 1),
            date(2026, 11, 20),
        ),
    )
    surveys.add_action(
        info.id,
        ActionInput("U3", "Menambah loket pendaftaran pada jam sibuk", "Januari 2027", "Kapus"),
    )
    surveys.add_action(
        info.id, ActionInput("U9", "Memperbaiki ruang tunggu & <toilet>", "Triwulan I 2027", "TU")
    )
    got = _printed(office, info)
    short = minimum_sample(population) - info.responses
    for expected in (
        "Metode survei Tatap muka (kuesioner kertas); Kios/anjungan di tempat layanan",
        "Waktu pengumpulan data 1 Juli s.d. 20 November 2026",
        "Populasi penerima layanan 4.000 orang",
        "Sampel minimum 351 responden",
        f"Belum memenuhi sampel minimum (kurang {short} responden)",
        "Krejcie dan Morgan",
        "RENCANA TINDAK LANJUT",
        "PROGRAM/KEGIATAN WAKTU PENANGGUNG JAWAB",
        "U3 Waktu Penyelesaian Menambah loket pendaftaran pada jam sibuk Januari 2027 Kapus",
        "Memperbaiki ruang tunggu & <toilet>",
    ):
        assert expected in got, expected

    surveys.set_details(info.id, DetailsInput(str(info.responses), (), None, None))
    assert "Memenuhi sampel minimum" in _printed(office, info)


def test_the_demo_round_prints_its_plan(office: AppServices) -> None:
    got = _printed(office, _survey(office, "2026-S1", "KIA/KB"))
    assert "Belum memenuhi sampel minimum" in got
    assert "U3 Waktu Penyelesaian Menerapkan nomor antrean" in got


def test_a_report_without_details_says_what_is_not_filled(office: AppServices) -> None:
    # The demo records the report's data for the closed round only.
    got = _printed(office, _survey(office, "2026-S2", "KIA/KB"))
    assert "Metode survei Belum diisi" in got
    assert "Populasi penerima layanan Belum diisi" in got
    assert "Rencana tindak lanjut belum diisi." in got
