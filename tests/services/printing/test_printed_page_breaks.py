"""Every form of the demo year, on A4 and F4: no page of signatures alone, no heading at a foot.

The text of each page is read back with its positions (`page_layout`): the page with the
signers' roles must hold some of the form above the signature block, and no page's last line
may be a section heading ("PERILAKU KERJA", "B. TAMBAHAN", "6 KEBERATAN").
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from page_layout import lonely_signature_pages, page_lines, pages_ending_with_heading

from kinerja_desktop.demo import write_demo
from kinerja_desktop.paths import resource_path
from kinerja_desktop.reports.content import FormKind
from kinerja_desktop.reports.fonts import register_fonts
from kinerja_desktop.reports.paper import Paper
from kinerja_desktop.reports.render import render_pdf
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.printing import PrintingService
from kinerja_desktop.services.printing.batch import BatchItem, plan_batch

TODAY = date(2026, 11, 28)
YEAR = 2026
#: The periods the demo has evaluated by TODAY (a person who joined later lacks the first).
PERIODS = ("TW1", "TW2", "TW3")
SURVEY_PERIODS = ("S1", "S2")


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServices]:
    services = open_services(tmp_path_factory.mktemp("breaks") / "kantor.sqlite")
    write_demo(services.database, today=TODAY)
    yield services
    services.close()


def year_items(printing: PrintingService, office: AppServices) -> list[BatchItem]:
    def plan(forms: list[FormKind], period: str = "") -> list[BatchItem]:
        return plan_batch(
            printing, office.staff, year=YEAR, printed_on=TODAY, forms=forms, period_code=period
        )

    items = plan([FormKind.SKP, FormKind.KOMPETENSI, FormKind.PENGEMBANGAN])
    for period in PERIODS:
        items += plan([FormKind.EVALUASI, FormKind.DOKUMEN, FormKind.DISTRIBUSI], period)
    for period in SURVEY_PERIODS:
        items += plan([FormKind.SURVEI], period)
    return items


@pytest.mark.slow
def test_no_page_holds_only_signatures_or_ends_with_a_heading(office: AppServices) -> None:
    register_fonts(resource_path("fonts"))
    printing = PrintingService(office.database, AccessGuard.system(office.database))
    printed: set[FormKind] = set()
    objections = 0
    failures: list[str] = []
    for item in year_items(printing, office):
        request = item.request
        if request.form in (FormKind.EVALUASI, FormKind.DOKUMEN):
            periods = {p.code for p in office.staff.periods_for(request.employee_id, YEAR)}
            if request.period_code not in periods:
                continue
        content = printing.build(request)
        roles = {f"{s.note} {s.role},".strip() for s in content.signatures}
        objections += int(len(content.signatures) > 2 and request.form is FormKind.DOKUMEN)
        for paper in Paper:
            pages = page_lines(render_pdf(content, paper))
            where = f"{item.label} {request.period_code} {paper.value}"
            if lonely := lonely_signature_pages(pages, roles):
                failures.append(f"{where}: tanda tangan sendirian di halaman {lonely}")
            if headed := pages_ending_with_heading(pages):
                failures.append(f"{where}: judul di kaki halaman {headed}")
        printed.add(request.form)
    assert failures == []
    assert printed == set(FormKind)
    assert objections >= 1  # the Dokumen with keberatan sections and three signers
