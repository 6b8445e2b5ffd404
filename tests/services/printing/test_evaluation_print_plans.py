"""The Evaluasi prints the period's rencana aksi and target beside the realisation (issue 17)."""

from __future__ import annotations

import io
import json
import unicodedata
from datetime import date
from typing import Any

from pypdf import PdfReader
from sqlalchemy import text

from kinerja_desktop.domain.plans import TargetScale
from kinerja_desktop.domain.skp import Aspek, IkiDraft, Pendekatan, RhkDraft, SkpDraft
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.reports.content import EvaluationForm, FormKind, digest_of
from kinerja_desktop.reports.paper import Paper
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.printing import PrintingService, PrintRequest
from kinerja_desktop.services.skp.plans import PlanEdits
from kinerja_desktop.services.staff.service import StaffInput

YEAR = 2026
TODAY = date(YEAR, 7, 20)
RHK = "Terlaksananya imunisasi dasar lengkap di wilayah kerja"
ACTION = "Melaksanakan imunisasi di 3 posyandu dan merekap hasilnya"


def _office(services: AppServices) -> int:
    """An analyst of 12 Desa a year, planned 3 per triwulan, with 3 done in TW2."""
    root = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    unit = services.staff.add_unit("Puskesmas Kertapati", root.id)
    joined = date(2020, 1, 2)
    head = services.staff.create(
        StaffInput(
            fields=StaffFields(
                "197001012000031001", "Hasan Basri", "PNS", "IV/a", "Kepala Puskesmas", "Pengawas"
            ),
            unit_id=unit.id,
            penilai_id=None,
            effective_date=joined,
        )
    ).id
    staff = services.staff.create(
        StaffInput(
            fields=StaffFields(
                "198906152014031001", "Rizky Pratama", "PNS", "III/b", "Analis", "Pelaksana"
            ),
            unit_id=unit.id,
            penilai_id=head,
            effective_date=joined,
        )
    ).id
    created = services.skp.create(staff, YEAR)
    iki = IkiDraft("Jumlah desa", "12", "Desa", aspek=Aspek.KUANTITAS)
    rhk = RhkDraft(RHK, indicators=(iki,), parent_text="Renstra Dinas Kesehatan")
    saved = services.skp.save(created.id, created.version, SkpDraft(Pendekatan.KUANTITATIF, (rhk,)))
    rhk_id, iki_id = saved.rhks[0].id, saved.rhks[0].indicators[0].id
    services.plans.save(
        saved.id,
        "TW2",
        PlanEdits(
            rencana_aksi={rhk_id: ACTION},
            targets={iki_id: "6"},
            scales={iki_id: TargetScale.KUMULATIF},
        ),
    )
    agreed = services.skp.agree(saved.id, saved.version, date(YEAR, 1, 5))
    services.evaluation.record_realisation(iki_id, "TW1", "3")
    services.evaluation.record_realisation(iki_id, "TW2", "3")
    return agreed.employee_id


def _printing(services: AppServices) -> PrintingService:
    return PrintingService(services.database, AccessGuard.system(services.database))


def test_the_evaluasi_prints_the_periods_rencana_aksi_and_target(services: AppServices) -> None:
    employee_id = _office(services)
    printing = _printing(services)
    request = PrintRequest(FormKind.EVALUASI, YEAR, TODAY, "TW2", employee_id=employee_id)

    content = printing.build(request)
    assert isinstance(content, EvaluationForm)
    (result,) = content.main_results
    assert result.rencana_aksi == ACTION
    assert result.indicators[0].period_target == "6 Desa (kumulatif)"
    assert result.indicators[0].target == "12 Desa"  # the annual target stays in its column
    pages = PdfReader(io.BytesIO(printing.render(printing.prepare(request), Paper.A4))).pages
    printed = " ".join(
        unicodedata.normalize("NFC", "\n".join(p.extract_text() or "" for p in pages)).split()
    )
    assert f"Rencana aksi Triwulan II: {ACTION}" in printed
    assert "Target Triwulan II: 6 Desa (kumulatif)" in printed
    assert "3 Desa" in printed

    # A period without a plan prints as before.
    first = printing.build(
        PrintRequest(FormKind.EVALUASI, YEAR, TODAY, "TW1", employee_id=employee_id)
    )
    assert isinstance(first, EvaluationForm)
    assert first.main_results[0].rencana_aksi == ""
    assert first.main_results[0].indicators[0].period_target == ""


def _without(value: Any, keys: set[str]) -> Any:
    if isinstance(value, dict):
        return {k: _without(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [_without(item, keys) for item in value]
    return value


def test_a_sheet_printed_before_the_plans_still_verifies(services: AppServices) -> None:
    employee_id = _office(services)
    printing = _printing(services)
    request = PrintRequest(FormKind.EVALUASI, YEAR, TODAY, "TW2", employee_id=employee_id)
    prepared, _ = printing.issue(request, Paper.A4)
    with services.database.transaction() as session:
        stored = json.loads(
            session.execute(
                text("SELECT content_json FROM printed_documents WHERE code = :code"),
                {"code": prepared.code},
            ).scalar_one()
        )
        old = json.dumps(
            _without(stored, {"rencana_aksi", "period_target"}),
            ensure_ascii=False,
            sort_keys=True,
            separators=(",", ":"),
        )
        assert "rencana_aksi" not in old
        session.execute(
            text(
                "UPDATE printed_documents SET content_json = :json, digest = :digest "
                "WHERE code = :code"
            ),
            {"json": old, "digest": digest_of(old), "code": prepared.code},
        )

    assert printing.verify(prepared.code).matches
    # A sheet printed with the plan shows it, so a changed plan is a difference.
    fresh, _ = printing.issue(request, Paper.A4)
    assert printing.verify(fresh.code).matches
