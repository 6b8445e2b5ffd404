"""The Evaluasi's content from the records: the leader's RHK column, and the JPT layout."""

from __future__ import annotations

import io
import unicodedata
from datetime import date

from pypdf import PdfReader

from kinerja_desktop.domain.predikat import OrgPredikat
from kinerja_desktop.domain.skp import (
    Aspek,
    IkiDraft,
    Pendekatan,
    Perspektif,
    RhkDraft,
    SkpDraft,
)
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.reports.content import EvaluationForm, FormKind
from kinerja_desktop.reports.paper import Paper
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.printing import PrintingService, PrintRequest
from kinerja_desktop.services.staff.service import StaffInput

YEAR = 2026
TODAY = date(YEAR, 11, 28)
DINAS_RHK = "Meningkatnya derajat kesehatan masyarakat kota"
STAFF_RHK = "Terlaksananya imunisasi dasar lengkap di wilayah kerja"


def person(services: AppServices, unit: int, fields: StaffFields, penilai: int | None) -> int:
    return services.staff.create(
        StaffInput(fields=fields, unit_id=unit, penilai_id=penilai, effective_date=date(2020, 1, 2))
    ).id


def office(services: AppServices) -> tuple[int, int, int]:
    """A dinas led by a JPT with one analyst whose RHK serves the JPT's: (unit, jpt, staff)."""
    root = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    dinas = services.staff.add_unit("Dinas Kesehatan", root.id)
    jpt = person(
        services,
        dinas.id,
        StaffFields(
            "197001012000031001", "Hasan Basri", "PNS", "IV/c", "Kepala Dinas Kesehatan", "JPT"
        ),
        None,
    )
    staff = person(
        services,
        dinas.id,
        StaffFields(
            "198906152014031001", "Rizky Pratama", "PNS", "III/b", "Analis Kesehatan", "Pelaksana"
        ),
        jpt,
    )
    lead = services.skp.create(jpt, YEAR)
    indicator = IkiDraft(
        "Persentase warga yang puas", "90", "%", perspektif=Perspektif.PENERIMA_LAYANAN
    )
    lead = services.skp.save(
        lead.id,
        lead.version,
        SkpDraft(
            Pendekatan.KUANTITATIF,
            (RhkDraft(DINAS_RHK, indicators=(indicator,), parent_text="Renstra 2024-2026"),),
        ),
    )
    own = services.skp.create(staff, YEAR)
    services.skp.save(
        own.id,
        own.version,
        SkpDraft(
            Pendekatan.KUANTITATIF,
            (
                RhkDraft(
                    STAFF_RHK,
                    indicators=(IkiDraft("Jumlah desa", "12", "Desa", aspek=Aspek.KUANTITAS),),
                    parent_rhk_id=lead.rhks[0].id,
                ),
            ),
        ),
    )
    return dinas.id, jpt, staff


def printed(services: AppServices, employee_id: int) -> tuple[EvaluationForm, str]:
    printing = PrintingService(services.database, AccessGuard.system(services.database))
    request = PrintRequest(FormKind.EVALUASI, YEAR, TODAY, "TW1", employee_id=employee_id)
    content = printing.build(request)
    assert isinstance(content, EvaluationForm)
    pages = PdfReader(io.BytesIO(printing.render(printing.prepare(request), Paper.A4))).pages
    text = "\n".join(page.extract_text() or "" for page in pages)
    return content, " ".join(unicodedata.normalize("NFC", text).split())


def test_the_leaders_rhk_the_staff_intervenes_in_is_its_own_column(
    services: AppServices,
) -> None:
    _, _, staff = office(services)
    content, text = printed(services, staff)
    assert content.layout == "JA_JF"
    assert content.main_results[0].parent == DINAS_RHK
    assert (content.capaian_organisasi, content.points) == ("", ())
    assert "PENDEKATAN HASIL KERJA KUANTITATIF" in text
    assert "DIINTERVENSI" in text
    assert f"1 {DINAS_RHK} {STAFF_RHK}" in text


def test_a_jpt_evaluation_prints_perspektif_and_its_units_curve(services: AppServices) -> None:
    dinas, jpt, _ = office(services)
    services.distribution.set_org_predikat(dinas, YEAR, "TW1", OrgPredikat.BAIK, date(YEAR, 4, 10))
    content, text = printed(services, jpt)
    assert content.layout == "JPT"
    assert content.main_results[0].indicators[0].perspektif == "Penerima Layanan"
    assert content.capaian_organisasi == "BAIK"
    assert len(content.points) == 5 and content.points[0].predikat == "Sangat Kurang"
    assert "PERSPEKTIF" in text and "Penerima Layanan" in text
    assert "CAPAIAN KINERJA ORGANISASI BAIK" in text
    assert "POLA DISTRIBUSI" in text and "Kurang/Misconduct" in text
    assert "DIINTERVENSI" not in text


def test_a_jpt_evaluation_before_the_organisation_predikat_says_it_is_not_set(
    services: AppServices,
) -> None:
    _, jpt, _ = office(services)
    content, text = printed(services, jpt)
    assert (content.capaian_organisasi, content.points) == ("", ())
    assert "CAPAIAN KINERJA ORGANISASI BELUM DITETAPKAN" in text
    assert "Kurva distribusi belum dapat digambar" in text
