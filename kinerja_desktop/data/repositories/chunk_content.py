"""A print chunk's SKP content, realisations, plans and journal, read a table at a time.

Each evaluation form reads its SKP's content (``skp.load``: RHK, indicators, the parents'
texts, lampiran, expectations), the period's records (``evaluation.period_records``), the
plans (``plans.plans`` and the earlier figures of a running total) and the person's journal
(``behaviour.observations``), one statement per table and form. :func:`preload_content` reads
these tables once for a whole chunk (``WHERE key IN (...)``, at most :data:`_PART` values a
statement), grouped by the key each repository function asks by; those functions then answer
from here (:func:`_kept_by`) for any key the chunk covered, with the rows in the order their
own statement gives, and read the file for any other.

The rows are kept as plain result rows with the tables' attribute names (private to the
data layer); each repository function turns them into its own frozen values, as it does
with the ORM rows it reads itself. Only for read
transactions (``chunk_reads``): nothing here notices a write.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from kinerja_desktop.data.behaviour_models import ObservationRow, OrgPredikatRow
from kinerja_desktop.data.skp_models import (
    EvidenceRow,
    IkiRow,
    PeriodTargetRow,
    RealisationRow,
    RencanaAksiRow,
    RhkFeedbackRow,
    RhkRow,
    SkpExpectationRow,
    SkpLampiranRow,
    SkpRow,
    TargetScaleRow,
)

_BY = "kinerja.chunk_rows_by"
_SKPS = "kinerja.chunk_skps"
_JOURNAL = "kinerja.chunk_journal_days"
_ORG = "kinerja.chunk_org_predikats"
_PART = 500  # values a statement: under SQLite's bound-parameter limit

#: Per (table, key column): the keys read and, per key, the rows in the read's order.
_Kept = dict[tuple[Any, str], tuple[set[Any], dict[Any, list[Any]]]]


def preload_content(
    session: Session,
    skps: Sequence[SkpRow],
    people: Sequence[int],
    years: Iterable[int],
    period_codes: Iterable[str],
) -> None:
    """Read the content, plans and (with ``period_codes``) records of ``skps`` for the chunk.

    Args:
        session: The chunk's read session, its loaded rows kept (``chunk_reads``).
        skps: Every SKP of ``people`` in ``years`` (one a person and year at most).
        people: The chunk's people, for ``skp_for`` and their journals.
        years: The years read: a person without an SKP in one reads as having none.
        period_codes: The periods the forms are of; none for forms without a period.
    """
    wanted_years = sorted(set(years))
    session.info[_SKPS] = (
        {(person, year) for person in people for year in wanted_years},
        {(row.employee_id, row.year): row for row in skps},
    )
    skp_ids = [row.id for row in skps]
    rhks = _read_by(session, RhkRow.skp_id, skp_ids, (RhkRow.position, RhkRow.id))
    rhk_ids = [rhk.id for rows in rhks.values() for rhk in rows]
    ikis = _read_by(session, IkiRow.rhk_id, rhk_ids, (IkiRow.position, IkiRow.id))
    iki_ids = [iki.id for rows in ikis.values() for iki in rows]
    parents = {rhk.parent_rhk_id for rows in rhks.values() for rhk in rows}
    _read_by(session, RhkRow.id, sorted(parents - {None}), ())
    _read_by(
        session,
        SkpLampiranRow.skp_id,
        skp_ids,
        (SkpLampiranRow.kind, SkpLampiranRow.position, SkpLampiranRow.id),
    )
    _read_by(session, SkpExpectationRow.skp_id, skp_ids, (SkpExpectationRow.id,))
    _read_by(session, RencanaAksiRow.rhk_id, rhk_ids, (RencanaAksiRow.id,))
    _read_by(session, PeriodTargetRow.iki_id, iki_ids, (PeriodTargetRow.id,))
    _read_by(session, TargetScaleRow.iki_id, iki_ids, ())
    codes = sorted(set(period_codes))
    if not codes or not wanted_years:
        return
    # Every period's realisations: the form's own and the earlier ones a running total adds.
    _read_by(session, RealisationRow.iki_id, iki_ids, (RealisationRow.id,))
    _read_by(session, EvidenceRow.iki_id, iki_ids, (EvidenceRow.added_at, EvidenceRow.id))
    _read_by(session, RhkFeedbackRow.rhk_id, rhk_ids, (RhkFeedbackRow.id,))
    # The journal of the years the forms' periods lie in.
    first, last = date(wanted_years[0], 1, 1), date(wanted_years[-1], 12, 31)
    _read_by(
        session,
        ObservationRow.employee_id,
        sorted(set(people)),
        (ObservationRow.observed_on, ObservationRow.id),
        ObservationRow.observed_on >= first,
        ObservationRow.observed_on <= last,
        label=_JOURNAL,
    )
    session.info[_JOURNAL] = (first, last)
    # A unit head's rating follows the organisation predikat of their unit (a few rows).
    org = session.scalars(
        select(OrgPredikatRow).where(
            OrgPredikatRow.year.in_(wanted_years), OrgPredikatRow.period_code.in_(codes)
        )
    )
    session.info[_ORG] = (
        {(year, code) for year in wanted_years for code in codes},
        {(row.unit_id, row.year, row.period_code): row for row in org},
    )


def _read_by(
    session: Session,
    column: InstrumentedAttribute[Any],
    keys: Iterable[Any],
    order: tuple[InstrumentedAttribute[Any], ...],
    *where: Any,
    label: str = "",
    objects: bool = False,
) -> dict[Any, list[Any]]:
    """Read the rows whose ``column`` is one of ``keys``, grouped by it, each group in ``order``.

    The rows are kept for :func:`_kept_by`; returns this read's groups (a key without rows
    has none). A read narrowed by ``where`` is kept under its own ``label``. The rows are
    plain result rows carrying every mapped column under its attribute's name (the repository
    functions read them as they read their own ORM rows; building ORM objects for the
    thousands of rows a chunk reads cost more than the statements saved), or, with
    ``objects``, ORM rows, which the session then also finds by primary key.
    """
    model = column.class_
    wanted = sorted(set(keys))
    kept: _Kept = session.info.setdefault(_BY, {})
    covered, groups = kept.setdefault((model, column.key + label), (set(), {}))
    found: dict[Any, list[Any]] = {}
    columns = [getattr(model, attribute.key) for attribute in inspect(model).column_attrs]
    for start in range(0, len(wanted), _PART):
        part = wanted[start : start + _PART]
        where_part = (column.in_(part), *where)
        if objects:
            rows: Iterable[Any] = session.scalars(
                select(model).where(*where_part).order_by(column, *order)
            )
        else:
            rows = session.execute(select(*columns).where(*where_part).order_by(column, *order))
        for row in rows:
            found.setdefault(getattr(row, column.key), []).append(row)
    groups.update(found)
    covered.update(wanted)
    return found


def _kept_by(
    session: Session, column: InstrumentedAttribute[Any], keys: Iterable[Any], label: str = ""
) -> list[Any] | None:
    """The kept rows of ``keys`` in the order asked (each key's in its read's order).

    None unless a chunk read every one of ``keys`` by ``column`` (under ``label``): the
    caller reads the file.
    """
    kept: _Kept | None = session.info.get(_BY)
    if not kept:
        return None
    found = kept.get((column.class_, column.key + label))
    if found is None:
        return None
    covered, groups = found
    wanted = list(keys)
    if not covered.issuperset(wanted):
        return None
    return [row for key in wanted for row in groups.get(key, ())]


def _kept_skp(session: Session, employee_id: int, year: int) -> tuple[bool, SkpRow | None]:
    """Whether the chunk read the person's SKPs of ``year``, and the SKP if there is one."""
    found: tuple[set[tuple[int, int]], dict[tuple[int, int], SkpRow]] | None = session.info.get(
        _SKPS
    )
    if found is None or (employee_id, year) not in found[0]:
        return False, None
    return True, found[1].get((employee_id, year))


def _kept_journal(session: Session, employee_id: int, start: date, end: date) -> list[Any] | None:
    """The person's journal rows dated ``start`` to ``end``, oldest first; None if not read."""
    days: tuple[date, date] | None = session.info.get(_JOURNAL)
    if days is None or start < days[0] or end > days[1]:
        return None
    rows = _kept_by(session, ObservationRow.employee_id, (employee_id,), label=_JOURNAL)
    if rows is None:
        return None
    return [row for row in rows if start <= row.observed_on <= end]


def _kept_org_predikat(
    session: Session, unit_id: int, year: int, period_code: str
) -> tuple[bool, OrgPredikatRow | None]:
    """Whether the chunk read the year and period's organisation predikats, and the unit's."""
    found: tuple[set[tuple[int, str]], dict[tuple[int, int, str], OrgPredikatRow]] | None = (
        session.info.get(_ORG)
    )
    if found is None or (year, period_code) not in found[0]:
        return False, None
    return True, found[1].get((unit_id, year, period_code))
