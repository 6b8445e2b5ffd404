"""The seal chain (table `audit_log`), evaluation seals, and the stored content of sealed records.

The content of a record is read straight from its rows (every column but the surrogate
timestamps that SQLite or the app move on their own), so a change made with raw SQL shows up
as a different digest. The caller's Session; never a commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from kinerja_desktop.data.behaviour_models import (
    BehaviourFeedbackRow,
    BehaviourRatingRow,
    DialogueRow,
    PredikatRow,
)
from kinerja_desktop.data.repositories import period_rows
from kinerja_desktop.data.schema import Base
from kinerja_desktop.data.seal_chain_models import EvaluationSealRow, SealEntryRow, SignatoryRow
from kinerja_desktop.data.skp_models import (
    EvaluationNoteRow,
    EvidenceRow,
    IkiRow,
    RealisationRow,
    ResultRatingRow,
    RhkFeedbackRow,
    RhkRow,
    SkpExpectationRow,
    SkpLampiranRow,
    SkpRow,
    SkpVersionRow,
)
from kinerja_desktop.domain.seal_chain import (
    DIGEST_VERSION,
    SealAction,
    SealEntry,
    SealFields,
    next_entry,
)

#: Columns that change without the record changing: bookkeeping of when a row was written.
_BOOKKEEPING = frozenset({"updated_at", "added_at", "recorded_at", "version"})


# --- the log --------------------------------------------------------------------------------------


def _entry(row: SealEntryRow) -> SealEntry:
    fields = SealFields(
        at=row.at,
        actor=row.actor,
        action=SealAction(row.action),
        record=row.record,
        label=row.label,
        reason=row.reason,
        digest=row.digest,
    )
    return SealEntry(row.sequence, fields, row.previous, row.hash)


def entries(session: Session) -> list[SealEntry]:
    """The whole log in order.

    Raises:
        ValueError: A row holds an action this app does not know (the log was changed).
    """
    # Plain columns, not ORM rows: the start reads the whole log (twice: baselines, anchor),
    # about 40,000 entries in the 20,000-person office, where rows took seconds.
    table = SealEntryRow
    query = select(
        table.sequence,
        table.at,
        table.actor,
        table.action,
        table.record,
        table.label,
        table.reason,
        table.digest,
        table.previous,
        table.hash,
    ).order_by(table.sequence)
    return [
        SealEntry(
            sequence,
            SealFields(
                at=at,
                actor=actor,
                action=SealAction(action),
                record=record,
                label=label,
                reason=reason,
                digest=digest,
            ),
            previous,
            digest_hash,
        )
        for (
            sequence,
            at,
            actor,
            action,
            record,
            label,
            reason,
            digest,
            previous,
            digest_hash,
        ) in session.execute(query)
    ]


def last_entry(session: Session) -> SealEntry | None:
    row = session.scalar(select(SealEntryRow).order_by(SealEntryRow.sequence.desc()).limit(1))
    return _entry(row) if row else None


def append(session: Session, fields: SealFields) -> SealEntry:
    """Add an entry after the last one (the write transaction serialises writers)."""
    entry = next_entry(last_entry(session), fields)
    session.add(
        SealEntryRow(
            sequence=entry.sequence,
            previous=entry.previous,
            hash=entry.hash,
            **fields.as_dict(),
        )
    )
    session.flush()
    return entry


def append_many(session: Session, many: Sequence[SealFields]) -> list[SealEntry]:
    """Add entries after the last one, in order, with one INSERT for them all."""
    last = last_entry(session)
    added = []
    for fields in many:
        last = next_entry(last, fields)
        added.append(last)
    if added:
        rows = [
            {
                "sequence": entry.sequence,
                "previous": entry.previous,
                "hash": entry.hash,
                **entry.fields.as_dict(),
            }
            for entry in added
        ]
        session.execute(insert(SealEntryRow), rows)
    return added


def seal_chain_triggers(session: Session) -> dict[str, str]:
    """The triggers on the log as the database keeps them: name -> CREATE statement.

    On a PostgreSQL server the statement is followed by `` -- `` and the body of the function
    it runs, since replacing that function would disarm the trigger as well.
    """
    if on_server(session):
        rows = session.execute(
            text(
                "SELECT t.tgname, pg_get_triggerdef(t.oid) || ' -- ' || p.prosrc "
                "FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid "
                "WHERE t.tgrelid = 'audit_log'::regclass AND NOT t.tgisinternal"
            )
        )
    else:
        rows = session.execute(
            text(
                "SELECT name, sql FROM sqlite_master "
                "WHERE type = 'trigger' AND tbl_name = 'audit_log'"
            )
        )
    return {name: sql or "" for name, sql in rows}


def on_server(session: Session) -> bool:
    """True when ``session`` is on a PostgreSQL server rather than a SQLite file."""
    return session.get_bind().dialect.name == "postgresql"


def records_with_entries(session: Session) -> set[str]:
    return set(session.scalars(select(SealEntryRow.record).distinct()))


# --- seals ----------------------------------------------------------------------------------------


def seal_of(session: Session, skp_id: int, period_code: str) -> date | None:
    """The day the period's evaluation was signed, or None when it is open."""
    kept = period_rows.preloaded(session, EvaluationSealRow, skp_id, period_code)
    if kept is not None:
        return kept[0].signed_on if kept else None
    return session.scalar(
        select(EvaluationSealRow.signed_on).where(
            EvaluationSealRow.skp_id == skp_id, EvaluationSealRow.period_code == period_code
        )
    )


def add_seal(session: Session, skp_id: int, period_code: str, signed_on: date) -> None:
    session.add(EvaluationSealRow(skp_id=skp_id, period_code=period_code, signed_on=signed_on))
    session.flush()


def remove_seal(session: Session, skp_id: int, period_code: str) -> None:
    row = session.scalar(
        select(EvaluationSealRow).where(
            EvaluationSealRow.skp_id == skp_id, EvaluationSealRow.period_code == period_code
        )
    )
    if row is not None:
        session.delete(row)
        session.flush()


def sealed_evaluations(session: Session) -> list[tuple[int, str]]:
    """(skp id, period code) of every signed evaluation."""
    rows = session.execute(
        select(EvaluationSealRow.skp_id, EvaluationSealRow.period_code).order_by(
            EvaluationSealRow.id
        )
    )
    return [(skp_id, code) for skp_id, code in rows]


def agreed_skps(session: Session) -> list[int]:
    return list(session.scalars(select(SkpRow.id).where(SkpRow.status == "DISEPAKATI")))


# --- content --------------------------------------------------------------------------------------


def _value(value: object) -> object:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _row_content(row: Base) -> dict[str, Any]:
    return {
        column.key: _value(getattr(row, column.key))
        for column in row.__mapper__.column_attrs
        if column.key not in _BOOKKEEPING
    }


def _rows(session: Session, model: type[Base], *conditions: Any) -> list[dict[str, Any]]:
    query = select(model).where(*conditions).order_by(model.id)  # type: ignore[attr-defined]
    return [_row_content(row) for row in session.scalars(query)]


def skp_content(
    session: Session, skp_id: int, version: int = DIGEST_VERSION
) -> dict[str, Any] | None:
    """Every stored value of an SKP's plan; None when there is no such SKP.

    The SKP row, its RHK, indicators, Lampiran and expectations; not the realisation, which
    belongs to each period's evaluation. From digest version 2 also what the SKP form prints
    beside them: the agreed versions (their stored JSON) and who signs each of them.
    """
    row = session.get(SkpRow, skp_id)
    if row is None:
        return None
    rhk_ids = select(RhkRow.id).where(RhkRow.skp_id == skp_id)
    content = {
        "skp": _row_content(row),
        "rhks": _rows(session, RhkRow, RhkRow.skp_id == skp_id),
        "ikis": _rows(session, IkiRow, IkiRow.rhk_id.in_(rhk_ids)),
        "lampiran": _rows(session, SkpLampiranRow, SkpLampiranRow.skp_id == skp_id),
        "expectations": _rows(session, SkpExpectationRow, SkpExpectationRow.skp_id == skp_id),
    }
    if version >= 2:
        content["versions"] = _rows(session, SkpVersionRow, SkpVersionRow.skp_id == skp_id)
        # "skp:<id>:<revision>": the colon keeps SKP 1 from matching SKP 12.
        content["signatories"] = _rows(
            session, SignatoryRow, SignatoryRow.record.startswith(f"skp:{skp_id}:")
        )
    return content


def evaluation_content(
    session: Session, skp_id: int, period_code: str, version: int = DIGEST_VERSION
) -> dict[str, Any]:
    """Every stored value of a period's evaluation of an SKP.

    Realisation and evidence, feedback, the Rating Hasil Kerja, the behaviour feedback and
    rating, and the predikat. From digest version 2 also what the Evaluasi and the Dokumen
    Evaluasi print beside them: who signs, and the period's dialogue (response, keberatan,
    explanation and decision); from version 3 the penilai's Catatan/Rekomendasi.
    """
    rhk_ids = select(RhkRow.id).where(RhkRow.skp_id == skp_id)
    iki_ids = select(IkiRow.id).where(IkiRow.rhk_id.in_(rhk_ids))
    period = period_code
    content = {
        "realisations": _rows(
            session,
            RealisationRow,
            RealisationRow.iki_id.in_(iki_ids),
            RealisationRow.period_code == period,
        ),
        "evidence": _rows(
            session, EvidenceRow, EvidenceRow.iki_id.in_(iki_ids), EvidenceRow.period_code == period
        ),
        "rhk_feedback": _rows(
            session,
            RhkFeedbackRow,
            RhkFeedbackRow.rhk_id.in_(rhk_ids),
            RhkFeedbackRow.period_code == period,
        ),
        "result_rating": _rows(
            session,
            ResultRatingRow,
            ResultRatingRow.skp_id == skp_id,
            ResultRatingRow.period_code == period,
        ),
        "behaviour_feedback": _rows(
            session,
            BehaviourFeedbackRow,
            BehaviourFeedbackRow.skp_id == skp_id,
            BehaviourFeedbackRow.period_code == period,
        ),
        "behaviour_rating": _rows(
            session,
            BehaviourRatingRow,
            BehaviourRatingRow.skp_id == skp_id,
            BehaviourRatingRow.period_code == period,
        ),
        "predikat": _rows(
            session, PredikatRow, PredikatRow.skp_id == skp_id, PredikatRow.period_code == period
        ),
    }
    if version >= 2:
        content["signatories"] = _rows(
            session, SignatoryRow, SignatoryRow.record == f"evaluasi:{skp_id}:{period}"
        )
        content["dialogue"] = _rows(
            session, DialogueRow, DialogueRow.skp_id == skp_id, DialogueRow.period_code == period
        )
    if version >= 3:
        content["notes"] = _rows(
            session,
            EvaluationNoteRow,
            EvaluationNoteRow.skp_id == skp_id,
            EvaluationNoteRow.period_code == period,
        )
    return content
