"""Reads and writes of the evaluation records; the caller's Session, never a commit.

The records of one period (realisation, bukti dukung, umpan balik, the Rating Hasil Kerja) are
returned as frozen values holding the stored codes ("FILE", "SESUAI", ...); the service turns
them into its own types. Reading a period takes a fixed number of queries whatever the SKP's
size: one per table.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kinerja_desktop.data.models import EmployeeRow
from kinerja_desktop.data.repositories.chunk_content import _kept_by
from kinerja_desktop.data.repositories.period_rows import period_row, period_row_to_write
from kinerja_desktop.data.skp_models import (
    EvaluationNoteRow,
    EvidenceRow,
    IkiRow,
    RealisationRow,
    ResultRatingRow,
    RhkFeedbackRow,
    RhkRow,
    SkpRow,
)
from kinerja_desktop.domain.skp import SkpStatus


@dataclass(frozen=True)
class SkpHolder:
    """Someone with an SKP in a year, as stored (name and gelar still apart)."""

    skp_id: int
    status: SkpStatus
    employee_id: int
    name: str
    gelar_depan: str
    gelar_belakang: str
    nip: str
    jabatan: str
    active: bool


@dataclass(frozen=True)
class StoredRealisation:
    value: Decimal | None
    text: str


@dataclass(frozen=True)
class StoredEvidence:
    """One bukti dukung row; ``kind`` is the stored code ("NOTE", "LINK" or "FILE")."""

    id: int
    iki_id: int
    period_code: str
    kind: str
    text: str
    file_name: str
    stored_name: str
    sha256: str
    size: int
    added_at: datetime


@dataclass(frozen=True)
class NewEvidence:
    """What :func:`add_evidence` stores; the file fields stay empty for a note or a link."""

    kind: str
    text: str
    added_at: datetime
    file_name: str = ""
    stored_name: str = ""
    sha256: str = ""
    size: int = 0


@dataclass(frozen=True)
class StoredFeedback:
    feedback: str
    assessment: str | None


@dataclass(frozen=True)
class StoredDecision:
    """A Rating Hasil Kerja row; ratings and source are the stored codes."""

    proposed: str | None
    proposed_reasons: str
    final: str
    source: str
    reason: str
    decided_on: date


@dataclass(frozen=True)
class PeriodRecords:
    """The records of one period, keyed by indicator id (or RHK id for feedback)."""

    realisations: dict[int, StoredRealisation]
    evidence: dict[int, list[StoredEvidence]]
    feedback: dict[int, StoredFeedback]


# --- reading ------------------------------------------------------------------------------------


def skp_years(session: Session) -> list[int]:
    """Years that have at least one SKP, newest first."""
    return list(session.scalars(select(SkpRow.year).distinct().order_by(SkpRow.year.desc())))


def skp_holders(session: Session, year: int) -> list[SkpHolder]:
    """Everyone with an SKP in ``year`` (draft or agreed), by name, in one query."""
    rows = session.execute(
        select(SkpRow, EmployeeRow)
        .join(EmployeeRow, EmployeeRow.id == SkpRow.employee_id)
        .where(SkpRow.year == year)
        .order_by(EmployeeRow.name, EmployeeRow.id)
    ).all()
    return [
        SkpHolder(
            skp_id=skp.id,
            status=SkpStatus(skp.status),
            employee_id=person.id,
            name=person.name,
            gelar_depan=person.gelar_depan,
            gelar_belakang=person.gelar_belakang,
            nip=person.nip,
            jabatan=person.jabatan,
            active=person.active,
        )
        for skp, person in rows
    ]


def indicator_skp_id(session: Session, iki_id: int) -> int | None:
    """The id of the SKP an indicator belongs to; None when the indicator or its RHK is gone."""
    iki = session.get(IkiRow, iki_id)
    rhk = session.get(RhkRow, iki.rhk_id) if iki else None
    return rhk.skp_id if rhk else None


def rhk_skp_id(session: Session, rhk_id: int) -> int | None:
    """The id of the SKP an RHK belongs to; None when the RHK is gone."""
    rhk = session.get(RhkRow, rhk_id)
    return rhk.skp_id if rhk else None


def period_records(
    session: Session, rhk_ids: Sequence[int], iki_ids: Sequence[int], period_code: str
) -> PeriodRecords:
    """The realisations, evidence (oldest first) and feedback of the given rows in a period."""
    realisations = {
        row.iki_id: StoredRealisation(row.value, row.text)
        for row in _period_realisations(session, iki_ids, period_code)
    }
    evidence: dict[int, list[StoredEvidence]] = defaultdict(list)
    for row in _period_evidence(session, iki_ids, period_code):
        evidence[row.iki_id].append(_stored_evidence(row))
    feedback = {
        row.rhk_id: StoredFeedback(row.feedback, row.assessment)
        for row in _period_feedback(session, rhk_ids, period_code)
    }
    return PeriodRecords(realisations, evidence, feedback)


# A print chunk read every period's rows of its indicators and RHK (``chunk_content``); these
# pick the period's from them, or read the file.


def _period_realisations(
    session: Session, iki_ids: Sequence[int], period_code: str
) -> Sequence[Any]:
    kept: Sequence[Any] | None = _kept_by(session, RealisationRow.iki_id, iki_ids)
    if kept is not None:
        return [row for row in kept if row.period_code == period_code]
    return session.scalars(
        select(RealisationRow).where(
            RealisationRow.iki_id.in_(iki_ids), RealisationRow.period_code == period_code
        )
    ).all()


def _period_evidence(session: Session, iki_ids: Sequence[int], period_code: str) -> Sequence[Any]:
    """Oldest first (then by id), across the indicators."""
    kept: Sequence[Any] | None = _kept_by(session, EvidenceRow.iki_id, iki_ids)
    if kept is not None:
        chosen = [row for row in kept if row.period_code == period_code]
        return sorted(chosen, key=lambda row: (row.added_at, row.id))
    return session.scalars(
        select(EvidenceRow)
        .where(EvidenceRow.iki_id.in_(iki_ids), EvidenceRow.period_code == period_code)
        .order_by(EvidenceRow.added_at, EvidenceRow.id)
    ).all()


def _period_feedback(session: Session, rhk_ids: Sequence[int], period_code: str) -> Sequence[Any]:
    kept: Sequence[Any] | None = _kept_by(session, RhkFeedbackRow.rhk_id, rhk_ids)
    if kept is not None:
        return [row for row in kept if row.period_code == period_code]
    return session.scalars(
        select(RhkFeedbackRow).where(
            RhkFeedbackRow.rhk_id.in_(rhk_ids), RhkFeedbackRow.period_code == period_code
        )
    ).all()


def evidence(session: Session, evidence_id: int) -> StoredEvidence | None:
    row = session.get(EvidenceRow, evidence_id)
    return _stored_evidence(row) if row else None


def decision(session: Session, skp_id: int, period_code: str) -> StoredDecision | None:
    row = period_row(session, ResultRatingRow, skp_id, period_code)
    return _stored_decision(row) if row else None


def notes(session: Session, skp_id: int, period_code: str) -> str:
    """The penilai's Catatan/Rekomendasi of the period ("" when none was written)."""
    row = period_row(session, EvaluationNoteRow, skp_id, period_code)
    return row.text if row else ""


# --- writing ------------------------------------------------------------------------------------


def store_realisation(
    session: Session, iki_id: int, period_code: str, realisation: StoredRealisation | None
) -> None:
    """Write an indicator's realisation in a period; None removes it."""
    stored = session.scalar(
        select(RealisationRow).where(
            RealisationRow.iki_id == iki_id, RealisationRow.period_code == period_code
        )
    )
    if realisation is None:
        if stored is not None:
            session.delete(stored)
    else:
        if stored is None:
            stored = RealisationRow(iki_id=iki_id, period_code=period_code)
            session.add(stored)
        stored.value, stored.text = realisation.value, realisation.text
    session.flush()


def add_evidence(
    session: Session, iki_id: int, period_code: str, new: NewEvidence
) -> StoredEvidence:
    row = EvidenceRow(
        iki_id=iki_id,
        period_code=period_code,
        kind=new.kind,
        text=new.text,
        file_name=new.file_name,
        stored_name=new.stored_name,
        sha256=new.sha256,
        size=new.size,
        added_at=new.added_at,
    )
    session.add(row)
    session.flush()
    return _stored_evidence(row)


def delete_evidence(session: Session, evidence_id: int) -> None:
    session.execute(delete(EvidenceRow).where(EvidenceRow.id == evidence_id))


def store_feedback(
    session: Session, rhk_id: int, period_code: str, feedback: StoredFeedback | None
) -> None:
    """Write an RHK's feedback (and assessment) in a period; None removes the record."""
    stored = session.scalar(
        select(RhkFeedbackRow).where(
            RhkFeedbackRow.rhk_id == rhk_id, RhkFeedbackRow.period_code == period_code
        )
    )
    if feedback is None:
        if stored is not None:
            session.delete(stored)
    else:
        if stored is None:
            stored = RhkFeedbackRow(rhk_id=rhk_id, period_code=period_code)
            session.add(stored)
        stored.feedback = feedback.feedback
        stored.assessment = feedback.assessment
    session.flush()


def store_decision(
    session: Session, skp_id: int, period_code: str, decided: StoredDecision
) -> StoredDecision:
    """Write the period's Rating Hasil Kerja over any earlier one; return it as stored."""
    stored = period_row_to_write(session, ResultRatingRow, skp_id, period_code)
    stored.proposed = decided.proposed
    stored.proposed_reasons = decided.proposed_reasons
    stored.final = decided.final
    stored.source = decided.source
    stored.reason = decided.reason
    stored.decided_on = decided.decided_on
    session.flush()
    return _stored_decision(stored)


def store_notes(session: Session, skp_id: int, period_code: str, text: str) -> None:
    """Write the period's Catatan/Rekomendasi over any earlier one; "" removes it."""
    if not text:
        row = period_row(session, EvaluationNoteRow, skp_id, period_code)
        if row is not None:
            session.delete(row)
    else:
        period_row_to_write(session, EvaluationNoteRow, skp_id, period_code).text = text
    session.flush()


# --- rows to values -----------------------------------------------------------------------------


def _stored_evidence(row: EvidenceRow) -> StoredEvidence:
    return StoredEvidence(
        id=row.id,
        iki_id=row.iki_id,
        period_code=row.period_code,
        kind=row.kind,
        text=row.text,
        file_name=row.file_name,
        stored_name=row.stored_name,
        sha256=row.sha256,
        size=row.size,
        added_at=row.added_at,
    )


def _stored_decision(row: ResultRatingRow) -> StoredDecision:
    return StoredDecision(
        proposed=row.proposed,
        proposed_reasons=row.proposed_reasons,
        final=row.final,
        source=row.source,
        reason=row.reason,
        decided_on=row.decided_on,
    )
