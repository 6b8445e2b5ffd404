"""Queries and writes of printed documents, in the caller's session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
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


def add(session: Session, stored: StoredPrint) -> None:
    session.add(
        PrintedDocumentRow(
            code=stored.code,
            form=stored.form,
            employee_id=stored.employee_id,
            unit_id=stored.unit_id,
            year=stored.year,
            period_code=stored.period_code,
            paper=stored.paper,
            printed_on=stored.printed_on,
            digest=stored.digest,
            content_json=stored.content_json,
        )
    )
    session.flush()


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
