"""Reads for many forms in one read transaction (a print batch's chunk): rows read once.

The services that build a form look rows up one at a time by primary key (a person, an SKP, a
unit on the way to the instansi) and drop them; SQLAlchemy's identity map holds rows only
weakly, so each lookup went to the database again, several times per form. In a read
transaction that builds many forms, :func:`keep_loaded_rows` keeps every row the session
loads until it closes, and :func:`preload_chunk` reads a chunk's people, their SKPs of the year
and the unit tree in three statements; the lookups by primary key are then answered from
memory. It also reads the rows kept once per SKP and period (ratings, seals, notes, feedback,
predikat, dialogues) for the whole chunk, one statement per table, which the evaluation and
behaviour views (each reading several of them) then find in memory, and the people's
employment history, the year's schemes and the acting assignments (each view works the
periods and who signs out from them), and, through ``chunk_content``, the SKPs' content, plans
and records and the people's journals. Nothing here changes
what is read: a kept row is the row as the transaction sees it (a read transaction sees one
state of the file).

Only for read transactions: a write transaction would see its own changes through the rows it
loaded anyway, but rows kept across its flushes are not worth the doubt.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from kinerja_desktop.data.behaviour_models import (
    BehaviourFeedbackRow,
    BehaviourRatingRow,
    DialogueRow,
    PredikatRow,
)
from kinerja_desktop.data.models import (
    ActingAssignmentRow,
    AppraisalYearRow,
    EmployeeRow,
    EmploymentEventRow,
    ExternalOfficialRow,
    UnitRow,
)
from kinerja_desktop.data.repositories.chunk_content import _read_by, preload_content
from kinerja_desktop.data.repositories.period_rows import preload_period_rows
from kinerja_desktop.data.seal_chain_models import EvaluationSealRow
from kinerja_desktop.data.skp_models import EvaluationNoteRow, ResultRatingRow, SkpRow
from kinerja_desktop.domain.staff import Unit

_KEPT = "kinerja.kept_rows"
_EVENTS = "kinerja.chunk_events"
_YEARS = "kinerja.chunk_appraisal_years"
_ACTING = "kinerja.chunk_acting"
_ACTING_ROWS = "kinerja.chunk_acting_rows"
_CHUNK = 500  # stay under SQLite's bound-parameter limit
#: The label the units' active people are kept under (``chunk_content._kept_by``).
ACTIVE_MEMBERS = "active"
_UNITS = "kinerja.chunk_all_units"


def keep_loaded_rows(session: Session) -> None:
    """Keep every row ``session`` loads from now until it closes (see the module)."""
    if _KEPT in session.info:
        return
    kept: list[object] = []
    session.info[_KEPT] = kept

    def keep(_session: Session, instance: object) -> None:
        kept.append(instance)

    event.listen(session, "loaded_as_persistent", keep)


#: The rows kept once per SKP and period that a period's forms read (each view its own).
PERIOD_TABLES: tuple[type[Any], ...] = (
    ResultRatingRow,
    EvaluationNoteRow,
    EvaluationSealRow,
    BehaviourRatingRow,
    BehaviourFeedbackRow,
    PredikatRow,
    DialogueRow,
)


def preload_chunk(
    session: Session,
    employee_ids: Iterable[int],
    years: Iterable[int],
    period_codes: Iterable[str] = (),
) -> None:
    """Load the rows a chunk's forms look up one by one, in one statement each.

    They are its people, their SKPs of ``years`` and the whole unit tree (a few hundred rows at
    most), and those SKPs' decisions, ratings, seals, notes, feedback, predikat and dialogues
    of ``period_codes`` (see ``period_rows``), and their content, plans, records and the
    people's journals (see ``chunk_content``). Call :func:`keep_loaded_rows` first, or the rows
    are gone again before they are used.
    """
    people = sorted(set(employee_ids))
    wanted_years = sorted(set(years))
    codes = sorted(set(period_codes))
    session.scalars(select(UnitRow)).all()
    skp_rows: list[SkpRow] = []
    persons: list[EmployeeRow] = []
    for start in range(0, len(people), _CHUNK):
        part = people[start : start + _CHUNK]
        persons.extend(session.scalars(select(EmployeeRow).where(EmployeeRow.id.in_(part))))
        if wanted_years:
            skps = session.scalars(
                select(SkpRow).where(SkpRow.employee_id.in_(part), SkpRow.year.in_(wanted_years))
            ).all()
            skp_rows.extend(skps)
    skp_ids = [skp.id for skp in skp_rows]
    if skp_ids and codes:
        preload_period_rows(session, PERIOD_TABLES, skp_ids, codes)
    _preload_periods_inputs(session, people, wanted_years)
    _preload_acting(session)
    preload_content(session, skp_rows, people, wanted_years, codes)
    _preload_around(session, persons, bool(codes))


def _preload_around(session: Session, persons: list[EmployeeRow], periods: bool) -> None:
    """The people around the chunk's: who appraises them, their units' heads, the officials.

    Who signs a form looks up the person's penilai, the penilai's penilai (and a Plt's) by id,
    and a person appraised from outside their unit may lead it: the evaluation reads the
    unit's active people and their penilai (``unit_head.head_of``) to tell. These are read here
    a level at a time, each level one statement whatever the chunk's size; a lookup this
    misses still reads the file.
    """
    loaded = {row.id: row for row in persons}
    acting: list[ActingAssignmentRow] = session.info[_ACTING_ROWS]
    standing = {row.acting_employee_id for row in acting} | {row.for_employee_id for row in acting}
    penilai = _load_people(session, {row.penilai_id for row in persons} | standing, loaded)
    _load_people(session, {row.penilai_id for row in penilai}, loaded)
    # External officials (from another instansi) are few; each form looks its own up by id.
    session.scalars(select(ExternalOfficialRow)).all()
    if not periods:
        return
    heads = set()
    for row in persons:
        above = loaded.get(row.penilai_id) if row.penilai_id is not None else None
        if row.active and not (above and above.active and above.unit_id == row.unit_id):
            heads.add(row.unit_id)
    members = _read_by(
        session,
        EmployeeRow.unit_id,
        heads,
        (EmployeeRow.name,),
        EmployeeRow.active.is_(True),
        label=ACTIVE_MEMBERS,
        objects=True,  # looked up by id too (``head_of``)
    )
    for row in (row for rows in members.values() for row in rows):
        loaded.setdefault(row.id, row)
    _load_people(session, {row.penilai_id for rows in members.values() for row in rows}, loaded)


def _load_people(
    session: Session, ids: set[int | None], loaded: dict[int, EmployeeRow]
) -> list[EmployeeRow]:
    """Read the people of ``ids`` not yet in ``loaded`` (and add them); returns those read."""
    wanted = sorted(i for i in ids if i is not None and i not in loaded)
    found: list[EmployeeRow] = []
    for start in range(0, len(wanted), _CHUNK):
        part = wanted[start : start + _CHUNK]
        found.extend(session.scalars(select(EmployeeRow).where(EmployeeRow.id.in_(part))))
    loaded.update((row.id, row) for row in found)
    return found


def _preload_periods_inputs(session: Session, people: list[int], years: list[int]) -> None:
    """The people's employment history and the instansi's schemes of ``years``.

    Each view works a person's periods out from them (``periods_for_row``), each per form.
    """
    covered: set[int] = set()
    events: dict[int, list[EmploymentEventRow]] = {}
    for start in range(0, len(people), _CHUNK):
        part = people[start : start + _CHUNK]
        for row in session.scalars(
            select(EmploymentEventRow)
            .where(EmploymentEventRow.employee_id.in_(part))
            .order_by(EmploymentEventRow.event_date, EmploymentEventRow.id)
        ):
            events.setdefault(row.employee_id, []).append(row)
        covered.update(part)
    session.info[_EVENTS] = (covered, events)
    schemes = session.scalars(select(AppraisalYearRow).where(AppraisalYearRow.year.in_(years)))
    session.info[_YEARS] = (set(years), {(row.instansi_id, row.year): row for row in schemes})


def _preload_acting(session: Session) -> None:
    """Every Plt/Plh assignment with the absent person's jabatan (a handful of rows)."""
    query = (
        select(
            ActingAssignmentRow.kind,
            ActingAssignmentRow.acting_employee_id,
            ActingAssignmentRow.start_date,
            ActingAssignmentRow.end_date,
            EmployeeRow.jabatan,
        )
        .join(EmployeeRow, EmployeeRow.id == ActingAssignmentRow.for_employee_id)
        .order_by(ActingAssignmentRow.start_date, ActingAssignmentRow.id)
    )
    session.info[_ACTING] = [tuple(row) for row in session.execute(query)]
    # The same statement as ``staff.acting_assignments``, so the rows come in the same order.
    every = select(ActingAssignmentRow).order_by(ActingAssignmentRow.start_date)
    session.info[_ACTING_ROWS] = list(session.scalars(every))


def preloaded(session: Session) -> bool:
    """Whether a chunk was read in this session (:func:`preload_chunk`)."""
    return _EVENTS in session.info


# The `_kept_*` functions hand ORM rows to `staff.py` (another data-layer module), so they are
# private: services get frozen dataclasses only (tests/data/test_repositories_return_values.py).
def _kept_events(session: Session, employee_id: int) -> list[EmploymentEventRow] | None:
    """The person's history rows as the chunk read them, oldest first; None if not read."""
    found: tuple[set[int], dict[int, list[EmploymentEventRow]]] | None = session.info.get(_EVENTS)
    if found is None or employee_id not in found[0]:
        return None
    return found[1].get(employee_id, [])


def _kept_appraisal_year(
    session: Session, instansi_id: int, year: int
) -> tuple[bool, AppraisalYearRow | None]:
    """Whether the chunk read ``year``'s schemes, and the instansi's row if it has one."""
    found: tuple[set[int], dict[tuple[int, int], AppraisalYearRow]] | None = session.info.get(
        _YEARS
    )
    if found is None or year not in found[0]:
        return False, None
    return True, found[1].get((instansi_id, year))


def kept_acting(session: Session) -> list[tuple[Any, ...]] | None:
    """Every acting assignment as the chunk read it: kind, acting person, start, end, jabatan.

    Ordered by start date then id; None when no chunk read them.
    """
    found: list[tuple[Any, ...]] | None = session.info.get(_ACTING)
    return found


def _kept_acting_rows(session: Session) -> list[ActingAssignmentRow] | None:
    """Every acting assignment row as the chunk read them; None when no chunk read them."""
    found: list[ActingAssignmentRow] | None = session.info.get(_ACTING_ROWS)
    return found


def _kept_units(session: Session) -> list[Unit] | None:
    """The unit tree as ``staff.all_units`` first read it in this chunk, or None."""
    found: list[Unit] | None = session.info.get(_UNITS)
    return found


def _keep_units(session: Session, units: list[Unit]) -> None:
    """Keep ``staff.all_units``'s answer for the rest of a chunk's read (not elsewhere)."""
    if preloaded(session):
        session.info[_UNITS] = units
