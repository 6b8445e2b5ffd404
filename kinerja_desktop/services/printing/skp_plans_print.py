"""The printed SKP's "Lampiran: Rencana Aksi": each RHK's plan per period (issue 17).

Plans are stored per RHK and indicator, not per agreed version: once agreed they change only
through a revision, so the plans of a locked SKP are the agreed ones. While a revision is being
written the sheet prints the last agreed version with the plans as they stand now, and says so.
"""

from __future__ import annotations

from kinerja_desktop.data.repositories import plans as plans_repo
from kinerja_desktop.data.repositories import skp as skp_repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.repositories.plans import StoredPlans
from kinerja_desktop.domain.periods import period_label
from kinerja_desktop.domain.skp import RhkKind
from kinerja_desktop.domain.skp_records import RhkView, SkpView, format_quantity
from kinerja_desktop.reports.content import (
    PlanPeriodLine,
    PlanResultLine,
    PlanTargetLine,
    SkpPlans,
)
from kinerja_desktop.services.printing.snapshot import Sources
from kinerja_desktop.services.staff.service import periods_for_row

UNDER_REVISION = (
    "Revisi SKP sedang disusun: rencana aksi dan target periode di bawah ini menurut catatan "
    "saat ini, yang dapat berbeda dari saat versi ini disepakati."
)


def skp_plans(sources: Sources, view: SkpView) -> SkpPlans | None:
    """The plans of the printed RHK and indicators; None when none is recorded."""
    session = sources.session
    stored = plans_repo.plans(
        session,
        [rhk.id for rhk in view.rhks],
        [iki.id for rhk in view.rhks for iki in rhk.indicators],
    )
    if not stored.rencana_aksi and not stored.targets:
        # A scale alone plans nothing: there is no period target for it to read.
        return None
    codes = _period_codes(sources, view, stored)
    header = skp_repo.find_skp(session, view.id)
    revising = view.agreed_on is not None and header is not None and not header.locked
    return SkpPlans(
        note=UNDER_REVISION if revising else "",
        main_results=_lines(view, RhkKind.UTAMA, stored, codes),
        extra_results=_lines(view, RhkKind.TAMBAHAN, stored, codes),
    )


def _period_codes(sources: Sources, view: SkpView, stored: StoredPlans) -> list[str]:
    """The periods that have a plan: in the person's order, then any of another scheme."""
    used = {code for _, code in stored.rencana_aksi} | {code for _, code in stored.targets}
    employee = staff_repo.find_employee(sources.session, view.employee_id)
    order = (
        [p.code for p in periods_for_row(sources.session, employee, view.year) if not p.is_final]
        if employee is not None
        else []
    )
    known = [code for code in order if code in used]
    # A plan of a period the scheme no longer has (the instansi changed it) still prints.
    return known + sorted(used - set(known))


def _lines(
    view: SkpView, kind: RhkKind, stored: StoredPlans, codes: list[str]
) -> tuple[PlanResultLine, ...]:
    chosen = [rhk for rhk in view.rhks if rhk.kind is kind]
    return tuple(
        PlanResultLine(
            number=str(number),
            text=rhk.text,
            periods=tuple(_period(rhk, stored, code) for code in codes),
        )
        for number, rhk in enumerate(chosen, start=1)
    )


def _period(rhk: RhkView, stored: StoredPlans, code: str) -> PlanPeriodLine:
    action = stored.rencana_aksi.get((rhk.id, code))
    targets = []
    for iki in rhk.indicators:
        value = stored.targets.get((iki.id, code))
        targets.append(
            PlanTargetLine(
                indicator=iki.indicator,
                target=format_quantity(value, iki.unit) if value is not None else "",
                scale=stored.scale(iki.id).label.lower(),
            )
        )
    return PlanPeriodLine(period_label(code), action.text if action else "", tuple(targets))
