"""Rows kept once per SKP and period (decisions, ratings, predikat): find one, or add it."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.data.schema import Base

RowT = TypeVar("RowT", bound=Base)


def period_row(session: Session, model: type[RowT], skp_id: int, period_code: str) -> RowT | None:
    """The ``model`` row of this SKP and period, if there is one."""
    return session.scalar(select(model).filter_by(skp_id=skp_id, period_code=period_code))


def period_row_to_write(session: Session, model: type[RowT], skp_id: int, period_code: str) -> RowT:
    """The row to write this SKP and period's value into: the stored one, or a new one."""
    row = period_row(session, model, skp_id, period_code)
    if row is None:
        row = model(skp_id=skp_id, period_code=period_code)
        session.add(row)
    return row
