"""The Rekap Pemda's bulk reads: whole-office counts in one statement each.

Each function reads every unit at once (grouped in SQL where the rows would be many), so the
recap's number of statements does not grow with the number of units, surveys or people. The
caller's Session, never a commit.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import func, select, union
from sqlalchemy.orm import Session

from kinerja_desktop.data.behaviour_models import DialogueRow, OrgPredikatRow, PredikatRow
from kinerja_desktop.data.models import EmployeeRow
from kinerja_desktop.data.repositories.distribution import StoredOrgPredikat, counted_in_spread
from kinerja_desktop.data.repositories.surveys import ItemTotals
from kinerja_desktop.data.supervision_models import (
    ITEM_COLUMNS,
    FindingRow,
    PublicFeedbackRow,
    SurveyResponseRow,
)

#: The statuses of an open finding and of a closed register entry (as the registers store them).
_OPEN_FINDING = ("BELUM", "PROSES")
_CLOSED_FEEDBACK = "SELESAI"


@dataclass(frozen=True)
class PersonPredikat:
    """Someone counted in a unit's spread (`distribution.members`) and their stored codes.

    Attributes:
        final: The penilai's final predikat of the period; None when not decided yet.
        on_objection: The atasan's predikat deciding an objection; None without one.
    """

    employee_id: int
    unit_id: int
    final: str | None
    on_objection: str | None


def predikat_of_members(
    session: Session, year: int, period_code: str, unit_ids: Collection[int]
) -> list[PersonPredikat]:
    """The people `distribution.members` counts in ``unit_ids``, with their period's predikat.

    The same people (active, or with an SKP in ``year``) and the same codes as
    `distribution.members`, without the names: one short row per person.
    """
    if not unit_ids:
        return []
    columns = (EmployeeRow.id, EmployeeRow.unit_id, PredikatRow.final, DialogueRow.decided_predikat)
    query = counted_in_spread(columns, unit_ids, year, period_code)
    return [PersonPredikat(*row) for row in session.execute(query)]


def org_predikats(session: Session, year: int, period_code: str) -> list[StoredOrgPredikat]:
    """Every unit's recorded organisation predikat for the period."""
    rows = session.scalars(
        select(OrgPredikatRow).where(
            OrgPredikatRow.year == year, OrgPredikatRow.period_code == period_code
        )
    )
    return [
        StoredOrgPredikat(
            unit_id=row.unit_id,
            year=row.year,
            period_code=row.period_code,
            predikat=row.predikat,
            recorded_on=row.recorded_on,
            note=row.note or "",
        )
        for row in rows
    ]


def item_totals_by_survey(session: Session, survey_ids: Collection[int]) -> dict[int, ItemTotals]:
    """`surveys.item_totals` of several surveys in one grouped statement.

    A survey without respondents is absent from the result.
    """
    if not survey_ids:
        return {}
    columns = [getattr(SurveyResponseRow, name) for name in ITEM_COLUMNS]
    statement = (
        select(
            SurveyResponseRow.survey_id,
            *(func.coalesce(func.sum(column), 0) for column in columns),
            *(func.count(column) for column in columns),
            func.count(SurveyResponseRow.id),
        )
        .where(SurveyResponseRow.survey_id.in_(list(survey_ids)))
        .group_by(SurveyResponseRow.survey_id)
    )
    size = len(ITEM_COLUMNS)
    found: dict[int, ItemTotals] = {}
    for survey_id, *values in session.execute(statement):
        found[int(survey_id)] = ItemTotals(
            totals=tuple(int(value) for value in values[:size]),
            counts=tuple(int(value) for value in values[size : 2 * size]),
            respondents=int(values[2 * size]),
        )
    return found


def units_of_named_people(session: Session) -> dict[int, int]:
    """The unit of each person an open register entry or an open finding names.

    For records that name a person but no unit: they belong to the person's unit.
    """
    named = union(
        select(PublicFeedbackRow.employee_id).where(
            PublicFeedbackRow.employee_id.is_not(None),
            PublicFeedbackRow.status != _CLOSED_FEEDBACK,
        ),
        select(FindingRow.employee_id).where(
            FindingRow.employee_id.is_not(None), FindingRow.status.in_(_OPEN_FINDING)
        ),
    ).subquery()
    query = select(EmployeeRow.id, EmployeeRow.unit_id).where(
        EmployeeRow.id.in_(select(named.c.employee_id))
    )
    return {int(employee_id): int(unit_id) for employee_id, unit_id in session.execute(query)}
