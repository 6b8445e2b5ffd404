"""Put the "Rencana Aksi" sheet's plans on the SKP as imported, like the Rencana Aksi tab would.

The sheet replaces the plans of every period of the person's scheme: a rencana aksi or a target
the sheet leaves out is removed, and a scale changes only where the sheet states one. A period
whose evaluation is signed keeps its plan (as on the tab): a file that changes it is refused.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from kinerja_desktop.data.repositories import plans as plans_repo
from kinerja_desktop.domain.skp import SkpDraft
from kinerja_desktop.domain.skp_records import SkpView
from kinerja_desktop.services.skp.plans import SkpPlanSet
from kinerja_desktop.services.skp.xlsx.results import SheetPlans, SkpImportIssue

PlanKeys = tuple[dict[int, str], dict[tuple[int, int], Decimal]]


def _from_sheet(plans: SheetPlans, code: str) -> PlanKeys:
    actions = {rhk: text for (rhk, period), text in plans.rencana_aksi.items() if period == code}
    targets = {
        (rhk, iki): value for (rhk, iki, period), value in plans.targets.items() if period == code
    }
    return actions, targets


def _stored(draft: SkpDraft, plan_set: SkpPlanSet, code: str) -> PlanKeys:
    """The stored plans of a period, by the draft's positions (RHK kept by the import only)."""
    stored = plan_set.stored
    actions: dict[int, str] = {}
    targets: dict[tuple[int, int], Decimal] = {}
    for index, rhk in enumerate(draft.rhks):
        action = stored.rencana_aksi.get((rhk.id, code)) if rhk.id is not None else None
        if action is not None:
            actions[index] = action.text
        for position, iki in enumerate(rhk.indicators):
            value = stored.targets.get((iki.id, code)) if iki.id is not None else None
            if value is not None:
                targets[(index, position)] = value
    return actions, targets


def signed_period_issues(
    plans: SheetPlans, draft: SkpDraft, plan_set: SkpPlanSet
) -> list[SkpImportIssue]:
    """One issue for each signed period whose plan the sheet would change."""
    issues = []
    for period in plan_set.periods:
        if period.code in plan_set.signed and _from_sheet(plans, period.code) != _stored(
            draft, plan_set, period.code
        ):
            issues.append(
                SkpImportIssue(
                    plans.sheet,
                    plans.lines.get(period.code),
                    None,
                    f"Evaluasi {period.label} sudah ditandatangani; rencana aksi dan target "
                    f"periodenya tidak diubah lagi. Kembalikan baris {period.label} seperti "
                    "yang tersimpan (ekspor ulang SKP ini untuk melihatnya).",
                )
            )
    return issues


def store_sheet_plans(
    session: Session, saved: SkpView, plans: SheetPlans, plan_set: SkpPlanSet
) -> None:
    """Write the sheet's plans onto the SKP just saved from the same file (same order)."""
    for period in plan_set.periods:
        if period.code in plan_set.signed:
            continue
        actions, targets = _from_sheet(plans, period.code)
        plans_repo.store_period(
            session,
            period.code,
            {rhk.id: actions.get(index, "") for index, rhk in enumerate(saved.rhks)},
            {
                iki.id: targets.get((index, position))
                for index, rhk in enumerate(saved.rhks)
                for position, iki in enumerate(rhk.indicators)
            },
            {},
        )
    plans_repo.store_scales(
        session,
        {
            saved.rhks[index].indicators[position].id: scale
            for (index, position), scale in plans.scales.items()
        },
    )
