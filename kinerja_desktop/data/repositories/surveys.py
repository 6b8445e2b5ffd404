"""Reads and writes of satisfaction surveys and their responses.

Every function takes the caller's Session and never commits. The per-unsur sums and counts are
taken in SQL (SUM and COUNT skip NULL, which is exactly "an unanswered unsur is left out of its
average"), so a survey of thousands of respondents is read in one query.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, delete, func, insert, select
from sqlalchemy.orm import Session

from kinerja_desktop.data.models import UnitRow
from kinerja_desktop.data.supervision_models import (
    ITEM_COLUMNS,
    SurveyActionRow,
    SurveyResponseRow,
    SurveyRow,
)


@dataclass(frozen=True)
class StoredSurvey:
    id: int
    unit_id: int
    unit_name: str
    period_code: str
    opened_on: date
    closed_on: date | None
    note: str
    responses: int


@dataclass(frozen=True)
class ResponseData:
    """One respondent as the service checked it."""

    answers: tuple[int | None, ...]
    source: str = "KETIK"
    gender: str = ""
    age: int | None = None
    education: str = ""
    occupation: str = ""
    served_by_id: int | None = None
    answered_on: date | None = None


@dataclass(frozen=True)
class StoredResponse:
    id: int
    data: ResponseData


@dataclass(frozen=True)
class ItemTotals:
    """Per unsur (U1..U9 in order): the sum of the answers and how many answered."""

    totals: tuple[int, ...]
    counts: tuple[int, ...]
    respondents: int


@dataclass(frozen=True)
class StoredDetails:
    """What the survey report adds to a survey: population, method codes, fieldwork days."""

    population: int | None
    methods: str
    fieldwork_start: date | None
    fieldwork_end: date | None


@dataclass(frozen=True)
class ActionData:
    """One line of the rencana tindak lanjut, as the service checked it."""

    item: str
    program: str
    schedule: str
    responsible: str


@dataclass(frozen=True)
class StoredAction:
    id: int
    data: ActionData


def _stored_survey(row: SurveyRow, unit_name: str, responses: int) -> StoredSurvey:
    return StoredSurvey(
        id=row.id,
        unit_id=row.unit_id,
        unit_name=unit_name,
        period_code=row.period_code,
        opened_on=row.opened_on,
        closed_on=row.closed_on,
        note=row.note,
        responses=responses,
    )


def _survey_select() -> Select[SurveyRow, str, int]:
    counts = (
        select(SurveyResponseRow.survey_id, func.count(SurveyResponseRow.id).label("n"))
        .group_by(SurveyResponseRow.survey_id)
        .subquery()
    )
    return (
        select(SurveyRow, UnitRow.name, func.coalesce(counts.c.n, 0))
        .join(UnitRow, UnitRow.id == SurveyRow.unit_id)
        .outerjoin(counts, counts.c.survey_id == SurveyRow.id)
    )


def add_survey(session: Session, unit_id: int, period_code: str, opened_on: date) -> int:
    row = SurveyRow(unit_id=unit_id, period_code=period_code, opened_on=opened_on, note="")
    session.add(row)
    session.flush()
    return row.id


def survey_id_for(session: Session, unit_id: int, period_code: str) -> int | None:
    return session.scalar(
        select(SurveyRow.id).where(
            SurveyRow.unit_id == unit_id, SurveyRow.period_code == period_code
        )
    )


def get_survey(session: Session, survey_id: int) -> StoredSurvey | None:
    found = session.execute(_survey_select().where(SurveyRow.id == survey_id)).first()
    return _stored_survey(*found) if found else None


def surveys(session: Session, unit_id: int | None = None) -> list[StoredSurvey]:
    """Every survey (of one unit), by unit name then period code."""
    statement = _survey_select()
    if unit_id is not None:
        statement = statement.where(SurveyRow.unit_id == unit_id)
    statement = statement.order_by(UnitRow.name, SurveyRow.unit_id, SurveyRow.period_code)
    return [_stored_survey(*row) for row in session.execute(statement)]


def set_closed(session: Session, survey_id: int, closed_on: date | None) -> bool:
    row = session.get(SurveyRow, survey_id)
    if row is None:
        return False
    row.closed_on = closed_on
    session.flush()
    return True


def add_responses(session: Session, survey_id: int, responses: Sequence[ResponseData]) -> int:
    """Insert respondents in one statement; return how many."""
    if not responses:
        return 0
    rows = [
        {
            "survey_id": survey_id,
            **dict(zip(ITEM_COLUMNS, response.answers, strict=True)),
            "source": response.source,
            "gender": response.gender,
            "age": response.age,
            "education": response.education,
            "occupation": response.occupation,
            "served_by_id": response.served_by_id,
            "answered_on": response.answered_on,
        }
        for response in responses
    ]
    session.execute(insert(SurveyResponseRow), rows)
    return len(rows)


def responses(session: Session, survey_id: int, limit: int | None = None) -> list[StoredResponse]:
    """Respondents of a survey, most recent first."""
    statement = (
        select(SurveyResponseRow)
        .where(SurveyResponseRow.survey_id == survey_id)
        .order_by(SurveyResponseRow.id.desc())
    )
    if limit is not None:
        statement = statement.limit(limit)
    return [
        StoredResponse(
            row.id,
            ResponseData(
                answers=tuple(getattr(row, column) for column in ITEM_COLUMNS),
                source=row.source,
                gender=row.gender,
                age=row.age,
                education=row.education,
                occupation=row.occupation,
                served_by_id=row.served_by_id,
                answered_on=row.answered_on,
            ),
        )
        for row in session.scalars(statement)
    ]


def delete_response(session: Session, survey_id: int, response_id: int) -> bool:
    result = session.execute(
        delete(SurveyResponseRow).where(
            SurveyResponseRow.id == response_id, SurveyResponseRow.survey_id == survey_id
        )
    )
    return bool(getattr(result, "rowcount", 0))


def item_totals(session: Session, survey_id: int) -> ItemTotals:
    columns = [getattr(SurveyResponseRow, name) for name in ITEM_COLUMNS]
    statement = select(
        *(func.coalesce(func.sum(column), 0) for column in columns),
        *(func.count(column) for column in columns),
        func.count(SurveyResponseRow.id),
    ).where(SurveyResponseRow.survey_id == survey_id)
    values = session.execute(statement).one()
    size = len(ITEM_COLUMNS)
    return ItemTotals(
        totals=tuple(int(value) for value in values[:size]),
        counts=tuple(int(value) for value in values[size : 2 * size]),
        respondents=int(values[2 * size]),
    )


# --- the report's details and the rencana tindak lanjut -------------------------------------------


def details(session: Session, survey_id: int) -> StoredDetails | None:
    row = session.get(SurveyRow, survey_id)
    if row is None:
        return None
    return StoredDetails(row.population, row.methods, row.fieldwork_start, row.fieldwork_end)


def set_details(session: Session, survey_id: int, stored: StoredDetails) -> bool:
    row = session.get(SurveyRow, survey_id)
    if row is None:
        return False
    row.population = stored.population
    row.methods = stored.methods
    row.fieldwork_start = stored.fieldwork_start
    row.fieldwork_end = stored.fieldwork_end
    session.flush()
    return True


def actions(session: Session, survey_id: int) -> list[StoredAction]:
    """The survey's RTL lines, by unsur then in the order they were written."""
    rows = session.scalars(
        select(SurveyActionRow)
        .where(SurveyActionRow.survey_id == survey_id)
        .order_by(SurveyActionRow.item, SurveyActionRow.id)
    )
    return [
        StoredAction(row.id, ActionData(row.item, row.program, row.schedule, row.responsible))
        for row in rows
    ]


def add_action(session: Session, survey_id: int, data: ActionData) -> int:
    row = SurveyActionRow(
        survey_id=survey_id,
        item=data.item,
        program=data.program,
        schedule=data.schedule,
        responsible=data.responsible,
    )
    session.add(row)
    session.flush()
    return row.id


def _action_row(session: Session, survey_id: int, action_id: int) -> SurveyActionRow | None:
    row = session.get(SurveyActionRow, action_id)
    return row if row is not None and row.survey_id == survey_id else None


def update_action(session: Session, survey_id: int, action_id: int, data: ActionData) -> bool:
    row = _action_row(session, survey_id, action_id)
    if row is None:
        return False
    row.item, row.program = data.item, data.program
    row.schedule, row.responsible = data.schedule, data.responsible
    session.flush()
    return True


def delete_action(session: Session, survey_id: int, action_id: int) -> bool:
    row = _action_row(session, survey_id, action_id)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True
