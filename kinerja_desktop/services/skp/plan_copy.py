"""Carry an SKP's rencana aksi, period targets and target scales onto a copy of its content.

Plans are written per period code ("TW2", "S1", "M05"), so they only mean the same thing in a
year evaluated on the same scheme. Copying last year's SKP brings them along when the scheme
is unchanged; otherwise they are left behind and the result says why. Periods the person does
not serve in the new year (joined or leaving mid-year) are left behind too.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from kinerja_desktop.data.repositories import plans as plans_repo
from kinerja_desktop.domain.periods import EvaluationScheme, Period
from kinerja_desktop.domain.plans import TargetScale
from kinerja_desktop.domain.skp_records import SkpView


@dataclass(frozen=True)
class PlansCopy:
    """What became of the source SKP's plans.

    Attributes:
        rencana_aksi: Rencana aksi written onto the new SKP.
        targets: Period targets written onto the new SKP.
        scales: Indicators whose chosen scale was carried.
        note: An Indonesian sentence for the user ("" when there was nothing to copy).
    """

    rencana_aksi: int = 0
    targets: int = 0
    scales: int = 0
    note: str = ""

    @property
    def copied(self) -> bool:
        return bool(self.rencana_aksi or self.targets or self.scales)


def copy_plans(
    session: Session,
    source: SkpView,
    target: SkpView,
    *,
    schemes: tuple[EvaluationScheme, EvaluationScheme],
    periods: list[Period],
) -> PlansCopy:
    """Write the plans of ``source`` onto ``target``, whose RHK and indicators are its copy.

    Args:
        session: The caller's transaction (which also wrote ``target``'s content).
        source: The SKP copied from.
        target: The new SKP, its RHK and indicators in the same order as ``source``'s.
        schemes: The evaluation scheme of the source's year and of the target's.
        periods: The person's periodic periods in the target's year.
    """
    stored = plans_repo.plans(
        session,
        [rhk.id for rhk in source.rhks],
        [iki.id for rhk in source.rhks for iki in rhk.indicators],
    )
    if not (stored.rencana_aksi or stored.targets or stored.scales):
        return PlansCopy()
    old, new = schemes
    if old is not new:
        return PlansCopy(
            note=(
                f"Rencana aksi dan target periode SKP {source.year} tidak disalin: tahun "
                f"{source.year} memakai skema {old.label}, tahun {target.year} skema "
                f"{new.label}. Isi rencana aksinya di tab Rencana Aksi."
            )
        )
    rhk_ids = {
        old_rhk.id: new_rhk.id for old_rhk, new_rhk in zip(source.rhks, target.rhks, strict=True)
    }
    iki_ids = {
        old_iki.id: new_iki.id
        for old_rhk, new_rhk in zip(source.rhks, target.rhks, strict=True)
        for old_iki, new_iki in zip(old_rhk.indicators, new_rhk.indicators, strict=True)
    }
    codes = {period.code for period in periods}
    actions: dict[str, dict[int, str]] = defaultdict(dict)
    targets: dict[str, dict[int, Decimal | None]] = defaultdict(dict)
    left = 0
    for (rhk_id, code), action in stored.rencana_aksi.items():
        if code in codes:
            actions[code][rhk_ids[rhk_id]] = action.text
        else:
            left += 1
    for (iki_id, code), value in stored.targets.items():
        if code in codes:
            targets[code][iki_ids[iki_id]] = value
        else:
            left += 1
    scales: dict[int, TargetScale] = {iki_ids[iki]: scale for iki, scale in stored.scales.items()}
    for code in sorted(set(actions) | set(targets)):
        plans_repo.store_period(session, code, actions[code], targets[code], {})
    plans_repo.store_scales(session, scales)
    result = PlansCopy(
        rencana_aksi=sum(len(items) for items in actions.values()),
        targets=sum(len(items) for items in targets.values()),
        scales=len(scales),
    )
    note = (
        f"Disalin juga {result.rencana_aksi} rencana aksi dan {result.targets} target periode "
        f"SKP {source.year}."
    )
    if left:
        note += (
            f" {left} rencana aksi/target periode tidak disalin karena periodenya di luar masa "
            f"tugas tahun {target.year}."
        )
    return PlansCopy(result.rencana_aksi, result.targets, result.scales, note)
