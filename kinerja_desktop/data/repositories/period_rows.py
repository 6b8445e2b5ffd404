"""Rows kept once per SKP and period (decisions, ratings, predikat): find one, or add it.

A print chunk reads these rows for all its SKPs at once (:func:`preload_period_rows`, one
statement per table); :func:`period_row` and :func:`period_rows` then answer the chunk's
SKPs from what was read instead of one statement per form and view. Only read transactions
preload (see ``chunk_reads``); a write transaction always reads the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.data.schema import Base

RowT = TypeVar("RowT", bound=Base)

_PRELOADED = "kinerja.period_rows"
_CHUNK = 400  # stay under SQLite's bound-parameter limit

#: Per table: the (skp_id, period_code) pairs read and, per pair, its rows.
_Preloaded = dict[type[Any], tuple[set[tuple[int, str]], dict[tuple[int, str], list[Any]]]]


def preload_period_rows(
    session: Session,
    models: Iterable[type[Any]],
    skp_ids: Iterable[int],
    period_codes: Iterable[str],
) -> None:
    """Read the ``models`` rows of these SKPs and periods, one statement per table and part.

    Later :func:`period_row` and :func:`period_rows` calls for any of these SKPs and periods
    are answered from them (including "there is none") until the session closes.
    """
    ids = sorted(set(skp_ids))
    codes = sorted(set(period_codes))
    found: _Preloaded = session.info.setdefault(_PRELOADED, {})
    for model in models:
        covered, rows = found.setdefault(model, (set(), {}))
        for start in range(0, len(ids), _CHUNK):
            part = ids[start : start + _CHUNK]
            statement = select(model).where(
                model.skp_id.in_(part),
                model.period_code.in_(codes),
            )
            for row in session.scalars(statement):
                rows.setdefault((row.skp_id, row.period_code), []).append(row)
            covered.update((skp_id, code) for skp_id in part for code in codes)


def preloaded(
    session: Session, model: type[RowT], skp_id: int, period_code: str
) -> list[RowT] | None:
    """The rows read by :func:`preload_period_rows`, or None when this pair was not read."""
    found: _Preloaded | None = session.info.get(_PRELOADED)
    if not found or model not in found:
        return None
    covered, rows = found[model]
    if (skp_id, period_code) not in covered:
        return None
    return list(rows.get((skp_id, period_code), ()))


def period_row(session: Session, model: type[RowT], skp_id: int, period_code: str) -> RowT | None:
    """The ``model`` row of this SKP and period, if there is one."""
    kept = preloaded(session, model, skp_id, period_code)
    if kept is not None:
        return kept[0] if kept else None
    return _read_row(session, model, skp_id, period_code)


def period_rows(
    session: Session, model: type[RowT], skp_id: int, period_code: str
) -> Sequence[RowT]:
    """All ``model`` rows of this SKP and period (a table with several per period)."""
    kept = preloaded(session, model, skp_id, period_code)
    if kept is not None:
        return kept
    return session.scalars(select(model).filter_by(skp_id=skp_id, period_code=period_code)).all()


def _read_row(session: Session, model: type[RowT], skp_id: int, period_code: str) -> RowT | None:
    return session.scalar(select(model).filter_by(skp_id=skp_id, period_code=period_code))


def period_row_to_write(session: Session, model: type[RowT], skp_id: int, period_code: str) -> RowT:
    """The row to write this SKP and period's value into: the stored one, or a new one."""
    # Always from the file: what a preload kept is not for writing.
    row = _read_row(session, model, skp_id, period_code)
    if row is None:
        row = model(skp_id=skp_id, period_code=period_code)
        session.add(row)
    return row
