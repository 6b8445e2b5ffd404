"""Reads and writes of the behaviour records; the caller's Session, never a commit.

Umpan balik per core value, the Rating Perilaku Kerja and the Predikat Kinerja of a period are
returned as frozen values holding the stored codes ("AKUNTABEL", "SESUAI", "BAIK", ...); the
service turns them into its own types. Journal entries (catatan perilaku) are read per person
and date range; writing them is the journal's business, :func:`add_observation` exists for
seeding and tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.data.behaviour_models import (
    BehaviourFeedbackRow,
    BehaviourRatingRow,
    ObservationRow,
    PredikatRow,
)
from kinerja_desktop.data.repositories.chunk_content import _kept_journal
from kinerja_desktop.data.repositories.period_rows import (
    period_row,
    period_row_to_write,
    period_rows,
)
from kinerja_desktop.data.skp_models import SkpRow


@dataclass(frozen=True)
class StoredObservation:
    """One journal entry; ``value_code``, ``sign`` and ``source`` are the stored codes."""

    id: int
    employee_id: int
    observed_on: date
    value_code: str
    indicator: int | None
    sign: str
    serious: bool
    text: str
    source: str = "LANGSUNG"


@dataclass(frozen=True)
class StoredBehaviourRating:
    """A Rating Perilaku Kerja row; ``proposed_reasons`` is one reason a line."""

    proposed: str | None
    proposed_reasons: str
    final: str
    reason: str
    decided_on: date


@dataclass(frozen=True)
class StoredPredikat:
    """A Predikat Kinerja row: both ratings as they stood, the grid's and the final answer."""

    hasil: str
    perilaku: str
    computed: str
    final: str
    override_reason: str
    decided_on: date


# --- reading ------------------------------------------------------------------------------------


def observations(
    session: Session, employee_id: int, start: date, end: date
) -> list[StoredObservation]:
    """The person's journal entries dated ``start`` to ``end`` (inclusive), oldest first."""
    # A print chunk read its people's journals of the year (``chunk_content``).
    kept = _kept_journal(session, employee_id, start, end)
    if kept is not None:
        return [_stored_observation(row) for row in kept]
    rows = session.scalars(
        select(ObservationRow)
        .where(
            ObservationRow.employee_id == employee_id,
            ObservationRow.observed_on >= start,
            ObservationRow.observed_on <= end,
        )
        .order_by(ObservationRow.observed_on, ObservationRow.id)
    )
    return [_stored_observation(row) for row in rows]


def feedback(session: Session, skp_id: int, period_code: str) -> dict[str, str]:
    """The stored umpan balik of a period, keyed by core value code."""
    rows = period_rows(session, BehaviourFeedbackRow, skp_id, period_code)
    return {row.value_code: row.text for row in rows}


def behaviour_rating(
    session: Session, skp_id: int, period_code: str
) -> StoredBehaviourRating | None:
    row = period_row(session, BehaviourRatingRow, skp_id, period_code)
    return _stored_rating(row) if row else None


def predikat(session: Session, skp_id: int, period_code: str) -> StoredPredikat | None:
    row = period_row(session, PredikatRow, skp_id, period_code)
    return _stored_predikat(row) if row else None


@dataclass(frozen=True)
class LatestPredikat:
    """A person's most recently decided Predikat Kinerja and where it belongs."""

    skp_id: int
    year: int
    period_code: str
    predikat: StoredPredikat


def latest_predikat(session: Session, employee_id: int) -> LatestPredikat | None:
    """The predikat of the person's latest year, decided last (None when none is decided)."""
    found = session.execute(
        select(PredikatRow, SkpRow.year)
        .join(SkpRow, SkpRow.id == PredikatRow.skp_id)
        .where(SkpRow.employee_id == employee_id)
        .order_by(SkpRow.year.desc(), PredikatRow.decided_on.desc(), PredikatRow.id.desc())
        .limit(1)
    ).first()
    if found is None:
        return None
    row, year = found
    return LatestPredikat(row.skp_id, year, row.period_code, _stored_predikat(row))


# --- writing ------------------------------------------------------------------------------------


def add_observation(
    session: Session,
    employee_id: int,
    observed_on: date,
    value_code: str,
    *,
    sign: str,
    text: str,
    indicator: int | None = None,
    serious: bool = False,
    source: str = "LANGSUNG",
) -> StoredObservation:
    """Add one journal entry (the journal service owns the checks; this is the plain write)."""
    row = ObservationRow(
        employee_id=employee_id,
        observed_on=observed_on,
        value_code=value_code,
        indicator=indicator,
        sign=sign,
        serious=serious,
        text=text,
        source=source,
    )
    session.add(row)
    session.flush()
    return _stored_observation(row)


def store_feedback(
    session: Session, skp_id: int, period_code: str, value_code: str, text: str
) -> None:
    """Write a core value's umpan balik in a period; empty text removes the record."""
    stored = session.scalar(
        select(BehaviourFeedbackRow).where(
            BehaviourFeedbackRow.skp_id == skp_id,
            BehaviourFeedbackRow.period_code == period_code,
            BehaviourFeedbackRow.value_code == value_code,
        )
    )
    if not text:
        if stored is not None:
            session.delete(stored)
    else:
        if stored is None:
            stored = BehaviourFeedbackRow(
                skp_id=skp_id, period_code=period_code, value_code=value_code
            )
            session.add(stored)
        stored.text = text
    session.flush()


def store_behaviour_rating(
    session: Session, skp_id: int, period_code: str, decided: StoredBehaviourRating
) -> StoredBehaviourRating:
    """Write the period's Rating Perilaku Kerja over any earlier one; return it as stored."""
    stored = period_row_to_write(session, BehaviourRatingRow, skp_id, period_code)
    stored.proposed = decided.proposed
    stored.proposed_reasons = decided.proposed_reasons
    stored.final = decided.final
    stored.reason = decided.reason
    stored.decided_on = decided.decided_on
    session.flush()
    return _stored_rating(stored)


def store_predikat(
    session: Session, skp_id: int, period_code: str, decided: StoredPredikat
) -> StoredPredikat:
    """Write the period's Predikat Kinerja over any earlier one; return it as stored."""
    stored = period_row_to_write(session, PredikatRow, skp_id, period_code)
    stored.hasil = decided.hasil
    stored.perilaku = decided.perilaku
    stored.computed = decided.computed
    stored.final = decided.final
    stored.override_reason = decided.override_reason
    stored.decided_on = decided.decided_on
    session.flush()
    return _stored_predikat(stored)


# --- rows to values -----------------------------------------------------------------------------


def _stored_observation(row: ObservationRow) -> StoredObservation:
    return StoredObservation(
        id=row.id,
        employee_id=row.employee_id,
        observed_on=row.observed_on,
        value_code=row.value_code,
        indicator=row.indicator,
        sign=row.sign,
        serious=bool(row.serious),
        text=row.text,
        source=row.source,
    )


def _stored_rating(row: BehaviourRatingRow) -> StoredBehaviourRating:
    return StoredBehaviourRating(
        proposed=row.proposed,
        proposed_reasons=row.proposed_reasons,
        final=row.final,
        reason=row.reason,
        decided_on=row.decided_on,
    )


def _stored_predikat(row: PredikatRow) -> StoredPredikat:
    return StoredPredikat(
        hasil=row.hasil,
        perilaku=row.perilaku,
        computed=row.computed,
        final=row.final,
        override_reason=row.override_reason,
        decided_on=row.decided_on,
    )
