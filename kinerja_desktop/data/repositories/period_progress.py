"""Where each active person stands in one evaluation period, read in one statement.

For Beranda's progress of the running period: per person whether the year's SKP is agreed, the
period's realisation complete, both ratings decided, the predikat decided and the evaluation
signed. The caller's Session, never a commit.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import Exists, and_, exists, func, select
from sqlalchemy.orm import Session

from kinerja_desktop.data.behaviour_models import BehaviourRatingRow, PredikatRow
from kinerja_desktop.data.models import EmployeeRow
from kinerja_desktop.data.seal_chain_models import EvaluationSealRow
from kinerja_desktop.data.skp_models import IkiRow, RealisationRow, ResultRatingRow, RhkRow, SkpRow
from kinerja_desktop.domain.skp import SkpStatus


@dataclass(frozen=True)
class PersonStage:
    """One active person and how far their period has come.

    Attributes:
        realised: Every indicator of the agreed SKP has a realisation for the period.
        rated: Both the Rating Hasil Kerja and the Rating Perilaku Kerja are decided.
    """

    employee_id: int
    unit_id: int
    name: str
    gelar_depan: str
    gelar_belakang: str
    nip: str
    agreed: bool
    realised: bool
    rated: bool
    predikat: bool
    signed: bool


def period_stages(
    session: Session, year: int, period_code: str, unit_ids: Collection[int]
) -> list[PersonStage]:
    """The active people of ``unit_ids`` with their stage in the period, ordered by name."""
    if not unit_ids:
        return []
    agreed = SkpRow.status == SkpStatus.DISEPAKATI.value

    def recorded(table: type[ResultRatingRow | BehaviourRatingRow | PredikatRow]) -> Exists:
        return exists().where(table.skp_id == SkpRow.id, table.period_code == period_code)

    # Indicators and those realised per SKP of the year, in one grouped pass over the indicators
    # (a probe per person and indicator took seconds at 20,000 people).
    counted = (
        select(
            RhkRow.skp_id,
            func.count(IkiRow.id).label("indicators"),
            func.count(RealisationRow.id).label("realised"),
        )
        .join(IkiRow, IkiRow.rhk_id == RhkRow.id)
        .outerjoin(
            RealisationRow,
            (RealisationRow.iki_id == IkiRow.id) & (RealisationRow.period_code == period_code),
        )
        .where(RhkRow.skp_id.in_(select(SkpRow.id).where(SkpRow.year == year)))
        .group_by(RhkRow.skp_id)
        .subquery()
    )
    sealed = exists().where(
        EvaluationSealRow.skp_id == SkpRow.id, EvaluationSealRow.period_code == period_code
    )
    query = (
        select(
            EmployeeRow.id,
            EmployeeRow.unit_id,
            EmployeeRow.name,
            EmployeeRow.gelar_depan,
            EmployeeRow.gelar_belakang,
            EmployeeRow.nip,
            SkpRow.id.is_not(None) & agreed,
            and_(
                agreed,
                counted.c.indicators > 0,
                counted.c.indicators == counted.c.realised,
            ),
            and_(recorded(ResultRatingRow), recorded(BehaviourRatingRow)),
            recorded(PredikatRow),
            sealed,
        )
        .select_from(EmployeeRow)
        .outerjoin(SkpRow, (SkpRow.employee_id == EmployeeRow.id) & (SkpRow.year == year))
        .outerjoin(counted, counted.c.skp_id == SkpRow.id)
        .where(EmployeeRow.active.is_(True), EmployeeRow.unit_id.in_(list(unit_ids)))
        .order_by(EmployeeRow.name, EmployeeRow.id)
    )
    return [
        PersonStage(
            employee_id,
            unit_id,
            name,
            depan,
            belakang,
            nip,
            bool(is_agreed),
            bool(realised),
            bool(rated),
            bool(predikat),
            bool(signed),
        )
        for (
            employee_id,
            unit_id,
            name,
            depan,
            belakang,
            nip,
            is_agreed,
            realised,
            rated,
            predikat,
            signed,
        ) in session.execute(query)
    ]
