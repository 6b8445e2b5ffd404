"""Where each active person stands in one evaluation period, read in one statement.

For Beranda's progress of the running period: per person whether the year's SKP is agreed, the
period's realisation complete, both ratings decided, the predikat decided and the evaluation
signed. The caller's Session, never a commit.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import Exists, and_, exists, select
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

    indicators = (
        select(IkiRow.id).join(RhkRow, RhkRow.id == IkiRow.rhk_id).where(RhkRow.skp_id == SkpRow.id)
    )
    unrealised = indicators.where(
        ~exists().where(
            RealisationRow.iki_id == IkiRow.id, RealisationRow.period_code == period_code
        )
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
            and_(agreed, indicators.exists(), ~unrealised.exists()),
            and_(recorded(ResultRatingRow), recorded(BehaviourRatingRow)),
            recorded(PredikatRow),
            sealed,
        )
        .select_from(EmployeeRow)
        .outerjoin(SkpRow, (SkpRow.employee_id == EmployeeRow.id) & (SkpRow.year == year))
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
