"""Reads and writes of competences and development plans; the caller's Session, never a commit.

Job standards are keyed by the cleaned jabatan name and compared case-insensitively. Values come
back frozen with the stored codes ("M.04", "PELATIHAN_TEKNIS", "SELESAI", "DI_BAWAH"); the
services turn them into domain types.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from kinerja_desktop.data.behaviour_models import BehaviourRatingRow, DialogueRow, PredikatRow
from kinerja_desktop.data.competence_models import (
    CompetenceRatingRow,
    DevelopmentItemRow,
    DismissedProposalRow,
    JobStandardRow,
    TechnicalCompetenceRow,
)
from kinerja_desktop.data.skp_models import ResultRatingRow, SkpRow


@dataclass(frozen=True)
class StoredTechnicalCompetence:
    code: str
    name: str
    jabatan: str
    levels: tuple[str, ...]


@dataclass(frozen=True)
class StoredRating:
    """One rating of a person's competence; history keeps every one."""

    id: int
    employee_id: int
    competence_code: str
    level: int
    reason: str
    rated_on: date


@dataclass(frozen=True)
class ItemData:
    """What a plan item stores, as the service has checked it."""

    employee_id: int
    year: int
    addresses: str
    title: str
    path: str
    jp: Decimal
    provider: str = ""
    start: date | None = None
    end: date | None = None
    status: str = "DIRENCANAKAN"
    evidence_note: str = ""
    outcome: str = ""
    proposal_key: str | None = None
    reviewed_on: date | None = None


@dataclass(frozen=True)
class StoredItem:
    """A plan item as stored, with the day it was added (the start of its follow-up)."""

    id: int
    data: ItemData
    created_on: date


@dataclass(frozen=True)
class YearDecisions:
    """The latest decided Rating Hasil Kerja, Rating Perilaku Kerja and predikat of a year."""

    hasil: str | None = None
    perilaku: str | None = None
    predikat: str | None = None


# --- standards and technical competences --------------------------------------------------------


def job_standards(session: Session, jabatan: str) -> dict[str, int]:
    """The stored required levels of a jabatan, keyed by competence code."""
    rows = session.scalars(
        select(JobStandardRow).where(func.lower(JobStandardRow.jabatan) == jabatan.lower())
    )
    return {row.competence_code: row.required_level for row in rows}


def store_job_standard(session: Session, jabatan: str, code: str, level: int) -> None:
    """Write the required level of ``code`` for ``jabatan`` over any earlier one."""
    row = session.scalar(
        select(JobStandardRow).where(
            func.lower(JobStandardRow.jabatan) == jabatan.lower(),
            JobStandardRow.competence_code == code,
        )
    )
    if row is None:
        row = JobStandardRow(jabatan=jabatan, competence_code=code)
        session.add(row)
    row.required_level = level
    session.flush()


def technical_competences(session: Session, jabatan: str) -> list[StoredTechnicalCompetence]:
    """The teknis competences of a jabatan, by code."""
    rows = session.scalars(
        select(TechnicalCompetenceRow)
        .where(func.lower(TechnicalCompetenceRow.jabatan) == jabatan.lower())
        .order_by(TechnicalCompetenceRow.code)
    )
    return [_stored_technical(row) for row in rows]


def technical_competence(session: Session, code: str) -> StoredTechnicalCompetence | None:
    row = session.scalar(select(TechnicalCompetenceRow).where(TechnicalCompetenceRow.code == code))
    return _stored_technical(row) if row else None


def add_technical_competence(
    session: Session, code: str, name: str, jabatan: str, levels: tuple[str, ...]
) -> StoredTechnicalCompetence:
    row = TechnicalCompetenceRow(code=code, name=name, jabatan=jabatan, levels="\n".join(levels))
    session.add(row)
    session.flush()
    return _stored_technical(row)


def update_technical_competence(
    session: Session, code: str, name: str, levels: tuple[str, ...]
) -> StoredTechnicalCompetence | None:
    """Rename a teknis competence and rewrite its level descriptions; None when unknown."""
    row = session.scalar(select(TechnicalCompetenceRow).where(TechnicalCompetenceRow.code == code))
    if row is None:
        return None
    row.name = name
    row.levels = "\n".join(levels)
    session.flush()
    return _stored_technical(row)


# --- ratings ------------------------------------------------------------------------------------


def add_rating(
    session: Session, employee_id: int, code: str, level: int, *, reason: str, rated_on: date
) -> StoredRating:
    row = CompetenceRatingRow(
        employee_id=employee_id,
        competence_code=code,
        level=level,
        reason=reason,
        rated_on=rated_on,
    )
    session.add(row)
    session.flush()
    return _stored_rating(row)


def ratings(session: Session, employee_id: int, code: str) -> list[StoredRating]:
    """Every rating of one competence of a person, newest first."""
    rows = session.scalars(
        select(CompetenceRatingRow)
        .where(
            CompetenceRatingRow.employee_id == employee_id,
            CompetenceRatingRow.competence_code == code,
        )
        .order_by(CompetenceRatingRow.rated_on.desc(), CompetenceRatingRow.id.desc())
    )
    return [_stored_rating(row) for row in rows]


def all_job_standards(session: Session) -> dict[str, dict[str, int]]:
    """Every stored standard, keyed by the lower-cased jabatan and then by competence code."""
    standards: dict[str, dict[str, int]] = {}
    for row in session.scalars(select(JobStandardRow)):
        standards.setdefault(row.jabatan.lower(), {})[row.competence_code] = row.required_level
    return standards


def all_technical_competences(session: Session) -> list[StoredTechnicalCompetence]:
    """Every teknis competence of the agency, by code."""
    rows = session.scalars(select(TechnicalCompetenceRow).order_by(TechnicalCompetenceRow.code))
    return [_stored_technical(row) for row in rows]


def everyones_latest_ratings(
    session: Session, on: date, employee_ids: Collection[int] | None = None
) -> dict[int, dict[str, StoredRating]]:
    """The latest rating on or before ``on`` of each competence, per person rated.

    Only ``employee_ids`` when given. Columns, not ORM rows: the unit view reads them all.
    """
    table = CompetenceRatingRow
    query = select(
        table.id,
        table.employee_id,
        table.competence_code,
        table.level,
        table.reason,
        table.rated_on,
    ).where(table.rated_on <= on)
    if employee_ids is not None:
        query = query.where(table.employee_id.in_(list(employee_ids)))
    latest: dict[int, dict[str, StoredRating]] = {}
    for row in session.execute(query.order_by(table.rated_on.desc(), table.id.desc())):
        rating = StoredRating(
            id=row.id,
            employee_id=row.employee_id,
            competence_code=row.competence_code,
            level=row.level,
            reason=row.reason,
            rated_on=row.rated_on,
        )
        latest.setdefault(rating.employee_id, {}).setdefault(rating.competence_code, rating)
    return latest


def latest_ratings(
    session: Session, employee_id: int, on: date | None = None
) -> dict[str, StoredRating]:
    """The latest rating of each competence of a person (rated on or before ``on``)."""
    query = select(CompetenceRatingRow).where(CompetenceRatingRow.employee_id == employee_id)
    if on is not None:
        query = query.where(CompetenceRatingRow.rated_on <= on)
    latest: dict[str, StoredRating] = {}
    for row in session.scalars(
        query.order_by(CompetenceRatingRow.rated_on.desc(), CompetenceRatingRow.id.desc())
    ):
        latest.setdefault(row.competence_code, _stored_rating(row))
    return latest


# --- development plan ---------------------------------------------------------------------------


def add_item(session: Session, data: ItemData) -> StoredItem:
    row = DevelopmentItemRow(employee_id=data.employee_id, year=data.year)
    _write_item(row, data)
    session.add(row)
    session.flush()
    return _stored_item(row)


def item(session: Session, item_id: int) -> StoredItem | None:
    row = session.get(DevelopmentItemRow, item_id)
    return _stored_item(row) if row else None


def items(session: Session, employee_id: int, year: int) -> list[StoredItem]:
    """A person's plan items of a year, in the order they were added."""
    rows = session.scalars(
        select(DevelopmentItemRow)
        .where(DevelopmentItemRow.employee_id == employee_id, DevelopmentItemRow.year == year)
        .order_by(DevelopmentItemRow.id)
    )
    return [_stored_item(row) for row in rows]


def update_item(session: Session, item_id: int, data: ItemData) -> StoredItem | None:
    """Write ``data`` over a stored item; None when it does not exist."""
    row = session.get(DevelopmentItemRow, item_id)
    if row is None:
        return None
    _write_item(row, data)
    session.flush()
    return _stored_item(row)


def year_items(
    session: Session, year: int, employee_ids: Collection[int] | None = None
) -> list[StoredItem]:
    """Every plan item of ``year`` (of ``employee_ids`` when given), by person, then as added.

    Columns, not ORM rows: the unit view and Beranda read them all.
    """
    table = DevelopmentItemRow
    query = select(
        table.id,
        table.employee_id,
        table.year,
        table.addresses,
        table.title,
        table.path,
        table.jp,
        table.provider,
        table.start_date,
        table.end_date,
        table.status,
        table.evidence_note,
        table.outcome,
        table.proposal_key,
        table.reviewed_on,
        table.created_at,
    ).where(table.year == year)
    if employee_ids is not None:
        query = query.where(table.employee_id.in_(list(employee_ids)))
    rows = session.execute(query.order_by(table.employee_id, table.id))
    return [_stored_item(row) for row in rows]


def planners_of_year(year: int) -> Select[int]:
    """The ids of the people with a plan item in ``year``, to use as a subquery."""
    return select(DevelopmentItemRow.employee_id).where(DevelopmentItemRow.year == year).distinct()


def accepted_keys(session: Session, employee_id: int, year: int) -> set[str]:
    """Keys of the proposals taken into the person's plan, except items later cancelled."""
    return set(
        session.scalars(
            select(DevelopmentItemRow.proposal_key).where(
                DevelopmentItemRow.employee_id == employee_id,
                DevelopmentItemRow.year == year,
                DevelopmentItemRow.proposal_key.is_not(None),
                DevelopmentItemRow.status != "DIBATALKAN",
            )
        )
    )


def dismissed_keys(session: Session, employee_id: int, year: int) -> set[str]:
    return set(
        session.scalars(
            select(DismissedProposalRow.proposal_key).where(
                DismissedProposalRow.employee_id == employee_id,
                DismissedProposalRow.year == year,
            )
        )
    )


def dismiss(session: Session, employee_id: int, year: int, key: str, on: date) -> None:
    """Record a dismissed proposal; dismissing it again changes nothing."""
    if key in dismissed_keys(session, employee_id, year):
        return
    session.add(
        DismissedProposalRow(employee_id=employee_id, year=year, proposal_key=key, dismissed_on=on)
    )
    session.flush()


# --- the year's decisions -----------------------------------------------------------------------


def year_decisions(session: Session, employee_id: int, year: int) -> YearDecisions:
    """The latest decided ratings and predikat on the person's SKPs of ``year``."""
    skp_ids = select(SkpRow.id).where(SkpRow.employee_id == employee_id, SkpRow.year == year)
    hasil = session.scalar(
        select(ResultRatingRow.final)
        .where(ResultRatingRow.skp_id.in_(skp_ids))
        .order_by(ResultRatingRow.decided_on.desc(), ResultRatingRow.id.desc())
        .limit(1)
    )
    perilaku = session.scalar(
        select(BehaviourRatingRow.final)
        .where(BehaviourRatingRow.skp_id.in_(skp_ids))
        .order_by(BehaviourRatingRow.decided_on.desc(), BehaviourRatingRow.id.desc())
        .limit(1)
    )
    penilai = session.execute(
        select(PredikatRow.decided_on, PredikatRow.final)
        .where(PredikatRow.skp_id.in_(skp_ids))
        .order_by(PredikatRow.decided_on.desc(), PredikatRow.id.desc())
        .limit(1)
    ).first()
    # The atasan's predikat on an objection is final (PP 30/2019 Pasal 59): when it is the
    # latest decision of the year it is the year's predikat.
    atasan = session.execute(
        select(DialogueRow.decision_on, DialogueRow.decided_predikat)
        .where(
            DialogueRow.skp_id.in_(skp_ids),
            DialogueRow.decision_on.is_not(None),
            DialogueRow.decided_predikat.is_not(None),
        )
        .order_by(DialogueRow.decision_on.desc(), DialogueRow.id.desc())
        .limit(1)
    ).first()
    candidates = [
        (row[0], row[1]) for row in (penilai, atasan) if row is not None and row[0] and row[1]
    ]
    # reversed() puts the atasan's first and max() keeps the first of equal days: it wins a tie.
    predikat = max(reversed(candidates), key=lambda item: item[0])[1] if candidates else None
    return YearDecisions(hasil, perilaku, predikat)


# --- rows to values -----------------------------------------------------------------------------


def _stored_technical(row: TechnicalCompetenceRow) -> StoredTechnicalCompetence:
    levels = tuple(row.levels.split("\n")) if row.levels else ()
    return StoredTechnicalCompetence(row.code, row.name, row.jabatan, levels)


def _stored_rating(row: CompetenceRatingRow) -> StoredRating:
    return StoredRating(
        id=row.id,
        employee_id=row.employee_id,
        competence_code=row.competence_code,
        level=row.level,
        reason=row.reason,
        rated_on=row.rated_on,
    )


def _write_item(row: DevelopmentItemRow, data: ItemData) -> None:
    row.addresses = data.addresses
    row.title = data.title
    row.path = data.path
    row.provider = data.provider
    row.start_date = data.start
    row.end_date = data.end
    row.jp = data.jp
    row.status = data.status
    row.evidence_note = data.evidence_note
    row.outcome = data.outcome
    row.proposal_key = data.proposal_key
    row.reviewed_on = data.reviewed_on


def _stored_item(row: Any) -> StoredItem:
    """An item from its ORM row, or from a selected row of the same column names."""
    return StoredItem(
        row.id,
        ItemData(
            employee_id=row.employee_id,
            year=row.year,
            addresses=row.addresses,
            title=row.title,
            path=row.path,
            jp=row.jp,
            provider=row.provider,
            start=row.start_date,
            end=row.end_date,
            status=row.status,
            evidence_note=row.evidence_note,
            outcome=row.outcome,
            proposal_key=row.proposal_key,
            reviewed_on=row.reviewed_on,
        ),
        created_on=row.created_at.date(),
    )
