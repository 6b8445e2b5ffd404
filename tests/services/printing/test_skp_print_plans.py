"""The printed SKP's "Lampiran: Rencana Aksi" page, and its sheets' verification (issue 17)."""

from __future__ import annotations

import io
import json
import unicodedata
from datetime import date

from pypdf import PdfReader
from sqlalchemy import text

from kinerja_desktop.domain.periods import EvaluationScheme
from kinerja_desktop.domain.plans import TargetScale
from kinerja_desktop.domain.skp import Aspek, IkiDraft, Pendekatan, RhkDraft, RhkKind, SkpDraft
from kinerja_desktop.domain.skp_records import SkpView
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.reports.content import (
    FormKind,
    PlanPeriodLine,
    PlanResultLine,
    PlanTargetLine,
    SkpForm,
    digest_of,
)
from kinerja_desktop.reports.paper import Paper
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.printing import PrintingService, PrintRequest
from kinerja_desktop.services.printing.skp_plans_print import UNDER_REVISION
from kinerja_desktop.services.skp.plans import PlanEdits
from kinerja_desktop.services.staff.service import StaffInput

YEAR = 2026
TODAY = date(YEAR, 2, 10)
RHK = "Terlaksananya imunisasi dasar lengkap di wilayah kerja"
EXTRA = "Terlaksananya penyuluhan kesehatan"
DESA = "Jumlah desa dengan imunisasi lengkap"
CAKUPAN = "Persentase balita diimunisasi"
ACTION_1 = "Memetakan sasaran imunisasi di 12 desa"
ACTION_2 = "Melaksanakan imunisasi di 3 posyandu dan merekap hasilnya"


def _skp(services: AppServices) -> SkpView:
    """A draft SKP of an analyst: one RHK Utama with two indicators, one RHK Tambahan."""
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
    main = RhkDraft(
        RHK,
        indicators=(
            IkiDraft(DESA, "12", "Desa", aspek=Aspek.KUANTITAS),
            IkiDraft(CAKUPAN, "95", "%", aspek=Aspek.KUALITAS),
        ),
        parent_text="Renstra Dinas Kesehatan",
    )
    extra = RhkDraft(
        EXTRA,
        RhkKind.TAMBAHAN,
        indicators=(IkiDraft("Jumlah penyuluhan", "4", "Kegiatan", aspek=Aspek.KUANTITAS),),
    )
    return services.skp.save(
        created.id, created.version, SkpDraft(Pendekatan.KUANTITATIF, (main, extra))
    )


def _plan(services: AppServices, view: SkpView) -> None:
    rhk = view.rhks[0]
    desa, cakupan = (iki.id for iki in rhk.indicators)
    services.plans.save(
        view.id,
        "TW1",
        PlanEdits(
            rencana_aksi={rhk.id: ACTION_1},
            targets={desa: "3"},
            scales={desa: TargetScale.KUMULATIF},
        ),
    )
    services.plans.save(
        view.id,
        "TW2",
        PlanEdits(rencana_aksi={rhk.id: ACTION_2}, targets={desa: "6", cakupan: "90"}),
    )


def _agree(services: AppServices, view: SkpView) -> SkpView:
    current = services.skp.by_id(view.id)
    return services.skp.agree(current.id, current.version, date(YEAR, 1, 5))


def _printing(services: AppServices) -> PrintingService:
    return PrintingService(services.database, AccessGuard.system(services.database))


def _request(view: SkpView) -> PrintRequest:
    return PrintRequest(FormKind.SKP, YEAR, TODAY, employee_id=view.employee_id)


def _pages(printing: PrintingService, request: PrintRequest) -> list[str]:
    pdf = printing.render(printing.prepare(request), Paper.A4)
    return [
        " ".join(unicodedata.normalize("NFC", page.extract_text() or "").split())
        for page in PdfReader(io.BytesIO(pdf)).pages
    ]


def test_the_skp_prints_its_rencana_aksi_on_a_lampiran_page(services: AppServices) -> None:
    view = _skp(services)
    _plan(services, view)
    _agree(services, view)
    printing = _printing(services)

    content = printing.build(_request(view))

    assert isinstance(content, SkpForm)
    assert content.rencana_aksi is not None
    assert content.rencana_aksi.note == ""
    desa = [PlanTargetLine(DESA, "3 Desa", "kumulatif"), PlanTargetLine(CAKUPAN, "", "per periode")]
    assert content.rencana_aksi.main_results == (
        PlanResultLine(
            "1",
            RHK,
            (
                PlanPeriodLine("Triwulan I", ACTION_1, tuple(desa)),
                PlanPeriodLine(
                    "Triwulan II",
                    ACTION_2,
                    (
                        PlanTargetLine(DESA, "6 Desa", "kumulatif"),
                        PlanTargetLine(CAKUPAN, "90%", "per periode"),
                    ),
                ),
            ),
        ),
    )
    # Only the periods with a plan are listed; the RHK Tambahan shows it has none.
    (extra,) = content.rencana_aksi.extra_results
    assert [(p.period_label, p.rencana_aksi) for p in extra.periods] == [
        ("Triwulan I", ""),
        ("Triwulan II", ""),
    ]
    assert [t.target for p in extra.periods for t in p.targets] == ["", ""]

    pages = _pages(printing, _request(view))
    # The plans follow everything the SKP printed before, on a page of their own.
    start = next(i for i, page in enumerate(pages) if "LAMPIRAN: RENCANA AKSI" in page)
    assert "LAMPIRAN SASARAN KINERJA PEGAWAI" in pages[start - 1]
    assert not any("RENCANA AKSI" in page for page in pages[:start])
    last = " ".join(pages[start:])
    assert "RENCANA AKSI DAN TARGET PERIODE" in last
    assert "Rizky Pratama" in pages[start]  # the identity block, as on the other pages
    for expected in (
        "Triwulan I",
        ACTION_1,
        f"{DESA}: 3 Desa (kumulatif)",
        "Triwulan II",
        ACTION_2,
        f"{DESA}: 6 Desa (kumulatif)",
        f"{CAKUPAN}: 90% (per periode)",
        f"{CAKUPAN}: -",
        f"A. UTAMA 1. {RHK}",
        f"B. TAMBAHAN 1. {EXTRA}",
        "Jumlah penyuluhan: -",
    ):
        assert expected in last, expected


def test_a_year_of_long_monthly_plans_runs_over_several_pages(services: AppServices) -> None:
    view = _skp(services)
    instansi = services.staff.instansi_of(services.staff.get(view.employee_id).unit_id)
    services.staff.set_appraisal_year(instansi.id, YEAR, EvaluationScheme.BULANAN)
    rhk = view.rhks[0]
    months = [p for p in services.staff.periods_for(view.employee_id, YEAR) if not p.is_final]
    for number, month in enumerate(months, start=1):
        action = f"Bulan ke-{number}: " + "memetakan sasaran dan merekap hasil imunisasi. " * 21
        services.plans.save(view.id, month.code, PlanEdits(rencana_aksi={rhk.id: action[:1000]}))

    pages = _pages(_printing(services), _request(view))

    start = next(i for i, page in enumerate(pages) if "LAMPIRAN: RENCANA AKSI" in page)
    planned = " ".join(pages[start:])
    assert len(pages) - start > 2  # the RHK's months break across pages
    assert [month.label in planned for month in months] == [True] * 12
    assert "Bulan ke-12:" in planned


def test_an_skp_without_plans_prints_as_before(services: AppServices) -> None:
    view = _skp(services)
    # A scale alone plans nothing: no period has a target or a rencana aksi.
    services.plans.save(
        view.id, "TW1", PlanEdits(scales={view.rhks[0].indicators[0].id: TargetScale.KUMULATIF})
    )
    _agree(services, view)
    printing = _printing(services)

    content = printing.build(_request(view))

    assert isinstance(content, SkpForm) and content.rencana_aksi is None
    pages = _pages(printing, _request(view))
    assert "LAMPIRAN SASARAN KINERJA PEGAWAI" in pages[-1]
    assert not any("RENCANA AKSI" in page for page in pages)


def test_a_revision_prints_the_agreed_skp_with_the_plans_as_they_stand(
    services: AppServices,
) -> None:
    view = _skp(services)
    _plan(services, view)
    agreed = _agree(services, view)
    services.skp.start_revision(agreed.id, agreed.version, "Perubahan sasaran desa")
    services.plans.save(view.id, "TW3", PlanEdits(rencana_aksi={view.rhks[0].id: "Evaluasi"}))

    content = _printing(services).build(_request(view))

    assert isinstance(content, SkpForm) and content.rencana_aksi is not None
    assert content.rencana_aksi.note == UNDER_REVISION
    periods = content.rencana_aksi.main_results[0].periods
    assert [(p.period_label, p.rencana_aksi) for p in periods][-1] == ("Triwulan III", "Evaluasi")
    assert UNDER_REVISION in " ".join(_pages(_printing(services), _request(view)))


def _as_printed_before_plans(services: AppServices, code: str) -> None:
    """Rewrite a stored SKP sheet as one printed before the SKP form had its plans."""
    with services.database.transaction() as session:
        stored = session.execute(
            text("SELECT content_json FROM printed_documents WHERE code = :code"), {"code": code}
        ).scalar_one()
        data = json.loads(stored)
        del data["content"]["rencana_aksi"]
        old = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        session.execute(
            text(
                "UPDATE printed_documents SET content_json = :json, digest = :digest "
                "WHERE code = :code"
            ),
            {"json": old, "digest": digest_of(old), "code": code},
        )


def test_old_and_new_skp_sheets_verify_and_a_changed_plan_shows(services: AppServices) -> None:
    view = _skp(services)
    _agree(services, view)
    printing = _printing(services)
    old, _ = printing.issue(_request(view), Paper.A4)
    assert '"rencana_aksi":null' in old.canonical
    _as_printed_before_plans(services, old.code)
    without, _ = printing.issue(_request(view), Paper.A4)
    assert printing.verify(old.code).matches
    assert printing.verify(without.code).matches

    # Plans are added through a revision, agreed again.
    agreed = services.skp.by_id(view.id)
    revising = services.skp.start_revision(agreed.id, agreed.version, "Rencana aksi")
    _plan(services, revising)
    _agree(services, revising)
    with_plans, _ = printing.issue(_request(view), Paper.A4)
    assert printing.verify(with_plans.code).matches

    # The sheet printed before plans existed shows none of them: what it shows is compared.
    old_check = printing.verify(old.code)
    assert not old_check.matches  # the status line names the new version
    assert not any("rencana aksi" in line for line in old_check.differences)
    # A sheet printed without plans now differs by them.
    assert any("rencana aksi" in line for line in printing.verify(without.code).differences)

    services.skp.start_revision(view.id, services.skp.by_id(view.id).version, "Target TW2")
    services.plans.save(view.id, "TW2", PlanEdits(targets={view.rhks[0].indicators[0].id: "7"}))
    changed = printing.verify(with_plans.code)
    assert not changed.matches
    assert any("target periode" in line and "'7 Desa'" in line for line in changed.differences), (
        changed.differences
    )
