"""Queries and writes of printed documents, in the caller's session."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from kinerja_desktop.data.printing_models import PrintedDocumentRow


@dataclass(frozen=True)
class StoredPrint:
    code: str
    form: str
    employee_id: int | None
    unit_id: int | None
    year: int
    period_code: str
    paper: str
    printed_on: date
    digest: str
    content_json: str
    printed_at: datetime | None = None


def add_many(session: Session, stored: Sequence[StoredPrint]) -> None:
    """Insert the documents in one statement (a batch's chunk: one row each)."""
    if not stored:
        return
    session.execute(
        insert(PrintedDocumentRow),
        [
            {
                "code": one.code,
                "form": one.form,
                "employee_id": one.employee_id,
                "unit_id": one.unit_id,
                "year": one.year,
                "period_code": one.period_code,
                "paper": one.paper,
                "printed_on": one.printed_on,
                "digest": one.digest,
                "content_json": one.content_json,
            }
            for one in stored
        ],
    )


def by_code(session: Session, code: str) -> StoredPrint | None:
    row = session.scalar(select(PrintedDocumentRow).where(PrintedDocumentRow.code == code))
    if row is None:
        return None
    return StoredPrint(
        code=row.code,
        form=row.form,
        employee_id=row.employee_id,
        unit_id=row.unit_id,
        year=row.year,
        period_code=row.period_code,
        paper=row.paper,
        printed_on=row.printed_on,
        digest=row.digest,
        content_json=row.content_json,
        printed_at=row.printed_at,
    )
