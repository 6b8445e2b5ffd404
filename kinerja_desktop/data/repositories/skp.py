"""Reads and writes of SKP content; the caller's Session, never a commit.

Loading an SKP takes a fixed number of queries whatever its size (the SKP, its RHK, their
indicators, the parents' texts, the lampiran and expectations), so a 30-RHK, 90-indicator SKP
opens in a few milliseconds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kinerja_desktop.data.models import EmployeeRow
from kinerja_desktop.data.repositories.chunk_content import _kept_by, _kept_skp
from kinerja_desktop.data.repositories.staff import to_employee
from kinerja_desktop.data.skp_models import (
    EvidenceRow,
    IkiRow,
    RealisationRow,
    RhkFeedbackRow,
    RhkRow,
    SkpExpectationRow,
    SkpLampiranRow,
    SkpRow,
    SkpVersionRow,
)
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.skp import (
    Aspek,
    LampiranKind,
    Pendekatan,
    Perspektif,
    RhkKind,
    SkpLayout,
    SkpStatus,
    ValidIki,
    ValidRhk,
    ValidSkp,
)
from kinerja_desktop.domain.skp_records import (
    IkiView,
    RhkOption,
    RhkView,
    SkpVersionInfo,
    SkpView,
)
from kinerja_desktop.domain.staff import Employee


@dataclass(frozen=True)
class SkpHeader:
    """An SKP without its content: whose, which year, its state and its version."""

    id: int
    employee_id: int
    year: int
    pendekatan: Pendekatan
    layout: SkpLayout
    status: SkpStatus
    period_start: date
    period_end: date
    revision: int
    agreed_on: date | None
    revision_reason: str
    version: int

    @property
    def locked(self) -> bool:
        return self.status is SkpStatus.DISEPAKATI


def _header_fields(row: SkpRow) -> dict[str, Any]:
    """The fields `SkpHeader` and `SkpView` share, read from the row."""
    return {
        "id": row.id,
        "employee_id": row.employee_id,
        "year": row.year,
        "pendekatan": Pendekatan(row.pendekatan),
        "layout": SkpLayout(row.layout),
        "status": SkpStatus(row.status),
        "period_start": row.period_start,
        "period_end": row.period_end,
        "revision": row.revision,
        "agreed_on": row.agreed_on,
        "revision_reason": row.revision_reason,
        "version": row.version,
    }


def _header(row: SkpRow) -> SkpHeader:
    return SkpHeader(**_header_fields(row))


def _skp_row(session: Session, skp_id: int) -> SkpRow | None:
    """The SKP's row, for this layer only: services get `SkpHeader` or `SkpView` values."""
    return session.get(SkpRow, skp_id)


def _existing_skp_row(session: Session, skp_id: int) -> SkpRow:
    row = _skp_row(session, skp_id)
    # The services read the SKP in the same transaction before they write it.
    assert row is not None, f"SKP {skp_id} vanished inside its transaction"
    return row


def find_skp(session: Session, skp_id: int) -> SkpHeader | None:
    row = _skp_row(session, skp_id)
    return _header(row) if row else None


def skp_for(session: Session, employee_id: int, year: int) -> SkpHeader | None:
    """The person's SKP of ``year`` (one at most), without its content."""
    read, row = _kept_skp(session, employee_id, year)
    if not read:
        row = session.scalar(
            select(SkpRow).where(SkpRow.employee_id == employee_id, SkpRow.year == year)
        )
    return _header(row) if row else None


def add_skp(
    session: Session,
    employee_id: int,
    year: int,
    *,
    pendekatan: Pendekatan,
    layout: SkpLayout,
    period: tuple[date, date],
) -> SkpHeader:
    """Add an empty draft SKP over ``period`` (first and last day)."""
    row = SkpRow(
        employee_id=employee_id,
        year=year,
        pendekatan=pendekatan.value,
        layout=layout.value,
        status=SkpStatus.DRAFT.value,
        period_start=period[0],
        period_end=period[1],
    )
    session.add(row)
    session.flush()
    return _header(row)


def touch(session: Session, skp_id: int, now: datetime) -> None:
    """Update the SKP's row so that its version moves: editors opened before go stale."""
    _existing_skp_row(session, skp_id).updated_at = now


def set_agreed(session: Session, skp_id: int, on: date) -> None:
    row = _existing_skp_row(session, skp_id)
    row.status = SkpStatus.DISEPAKATI.value
    row.agreed_on = on


def reopen_for_revision(session: Session, skp_id: int, reason: str) -> None:
    """Make an agreed SKP a draft again under the next revision number."""
    row = _existing_skp_row(session, skp_id)
    row.status = SkpStatus.DRAFT.value
    row.revision += 1
    row.revision_reason = reason
    row.agreed_on = None


def load(session: Session, skp_id: int) -> SkpView:
    """Return the whole SKP as a frozen view."""
    row = _existing_skp_row(session, skp_id)
    # A print chunk read these for all its SKPs (``chunk_content``); otherwise the file.
    rhk_rows: Sequence[Any] | None = _kept_by(session, RhkRow.skp_id, (row.id,))
    if rhk_rows is None:
        rhk_rows = list(
            session.scalars(select(RhkRow).where(RhkRow.skp_id == row.id).order_by(RhkRow.position))
        )
    rhk_ids = [rhk.id for rhk in rhk_rows]
    indicators: dict[int, list[IkiView]] = defaultdict(list)
    if rhk_ids:
        iki_rows: Sequence[Any] | None = _kept_by(session, IkiRow.rhk_id, rhk_ids)
        if iki_rows is None:
            iki_rows = list(
                session.scalars(
                    select(IkiRow).where(IkiRow.rhk_id.in_(rhk_ids)).order_by(IkiRow.position)
                )
            )
        for iki in iki_rows:
            indicators[iki.rhk_id].append(_iki_view(iki))
    parent_ids = {rhk.parent_rhk_id for rhk in rhk_rows if rhk.parent_rhk_id is not None}
    parents = rhk_texts(session, parent_ids)
    lampiran: dict[LampiranKind, list[str]] = defaultdict(list)
    lampiran_rows: Sequence[Any] | None = _kept_by(session, SkpLampiranRow.skp_id, (row.id,))
    if lampiran_rows is None:
        lampiran_rows = list(
            session.scalars(
                select(SkpLampiranRow)
                .where(SkpLampiranRow.skp_id == row.id)
                .order_by(SkpLampiranRow.kind, SkpLampiranRow.position)
            )
        )
    for item in lampiran_rows:
        lampiran[LampiranKind(item.kind)].append(item.text)
    expectation_rows: Sequence[Any] | None = _kept_by(session, SkpExpectationRow.skp_id, (row.id,))
    if expectation_rows is None:
        expectation_rows = list(
            session.scalars(select(SkpExpectationRow).where(SkpExpectationRow.skp_id == row.id))
        )
    expectations = {BehaviourValue(item.value_code): item.text for item in expectation_rows}
    return SkpView(
        **_header_fields(row),
        rhks=tuple(
            RhkView(
                id=rhk.id,
                kind=RhkKind(rhk.kind),
                text=rhk.text,
                parent_rhk_id=rhk.parent_rhk_id,
                parent_text=rhk.parent_text,
                parent_label=parents.get(rhk.parent_rhk_id, "") if rhk.parent_rhk_id else "",
                indicators=tuple(indicators[rhk.id]),
            )
            for rhk in rhk_rows
        ),
        lampiran={kind: tuple(items) for kind, items in lampiran.items()},
        expectations=expectations,
    )


def _iki_view(iki: IkiRow) -> IkiView:
    return IkiView(
        id=iki.id,
        indicator=iki.indicator,
        target=iki.target,
        unit=iki.unit,
        target_text=iki.target_text,
        lower_is_better=iki.lower_is_better,
        aspek=Aspek(iki.aspek) if iki.aspek else None,
        perspektif=Perspektif(iki.perspektif) if iki.perspektif else None,
    )


def rhk_texts(session: Session, rhk_ids: Iterable[int]) -> dict[int, str]:
    wanted = list(rhk_ids)
    if not wanted:
        return {}
    kept: Sequence[Any] | None = _kept_by(session, RhkRow.id, wanted)
    if kept is not None:
        return {row.id: row.text for row in kept}
    return dict(session.execute(select(RhkRow.id, RhkRow.text).where(RhkRow.id.in_(wanted))).all())


def rhk_options(session: Session, skp_id: int) -> list[RhkOption]:
    rows = session.scalars(select(RhkRow).where(RhkRow.skp_id == skp_id).order_by(RhkRow.position))
    return [RhkOption(row.id, row.text, RhkKind(row.kind)) for row in rows]


def ids_with_records(session: Session, rhk_ids: Iterable[int], iki_ids: Iterable[int]) -> set[str]:
    """Return "rhk:<id>" / "iki:<id>" for the given rows that already hold realisation data."""
    used: set[str] = set()
    ikis = list(iki_ids)
    if ikis:
        for table in (RealisationRow, EvidenceRow):
            for iki_id in session.scalars(select(table.iki_id).where(table.iki_id.in_(ikis))):
                used.add(f"iki:{iki_id}")
    rhks = list(rhk_ids)
    if rhks:
        for rhk_id in session.scalars(
            select(RhkFeedbackRow.rhk_id).where(RhkFeedbackRow.rhk_id.in_(rhks))
        ):
            used.add(f"rhk:{rhk_id}")
    return used


def store_content(session: Session, skp_id: int, content: ValidSkp) -> None:
    """Write ``content`` (and its pendekatan) over the SKP's, keeping ids where drafts carry them.

    RHK and indicators that the draft no longer has are deleted; the caller has checked that
    none of them holds realisation data.
    """
    row = _existing_skp_row(session, skp_id)
    row.pendekatan = content.pendekatan.value
    existing_rhks = {
        rhk.id: rhk for rhk in session.scalars(select(RhkRow).where(RhkRow.skp_id == row.id))
    }
    existing_ikis = (
        {
            iki.id: iki
            for iki in session.scalars(select(IkiRow).where(IkiRow.rhk_id.in_(list(existing_rhks))))
        }
        if existing_rhks
        else {}
    )
    kept_rhks: set[int] = set()
    kept_ikis: set[int] = set()
    for position, rhk in enumerate(content.rhks):
        rhk_row = existing_rhks.get(rhk.id) if rhk.id is not None else None
        if rhk_row is None:
            rhk_row = RhkRow(skp_id=row.id)
            session.add(rhk_row)
        _apply_rhk(rhk_row, rhk, position)
        if rhk_row.id is None:
            session.flush()  # a new RHK needs its id before its indicators point at it
        kept_rhks.add(rhk_row.id)
        for iki_position, iki in enumerate(rhk.indicators):
            iki_row = existing_ikis.get(iki.id) if iki.id is not None else None
            if iki_row is None:
                iki_row = IkiRow()
                session.add(iki_row)
            _apply_iki(iki_row, iki, rhk_row.id, iki_position)
            if iki_row.id is not None:
                kept_ikis.add(iki_row.id)
    # Moves first, deletions after: an indicator moved out of a deleted RHK must not be taken
    # down with it by the database's ON DELETE CASCADE.
    session.flush()
    for iki_id, iki_row in existing_ikis.items():
        if iki_id not in kept_ikis:
            session.delete(iki_row)
    for rhk_id, rhk_row in existing_rhks.items():
        if rhk_id not in kept_rhks:
            session.delete(rhk_row)
    _store_lists(session, row.id, content)


def _apply_rhk(row: RhkRow, rhk: ValidRhk, position: int) -> None:
    row.position = position
    row.kind = rhk.kind.value
    row.text = rhk.text
    row.parent_rhk_id = rhk.parent_rhk_id
    row.parent_text = rhk.parent_text


def _apply_iki(row: IkiRow, iki: ValidIki, rhk_id: int, position: int) -> None:
    row.rhk_id = rhk_id
    row.position = position
    row.indicator = iki.indicator
    row.target = iki.target
    row.unit = iki.unit
    row.target_text = iki.target_text
    row.lower_is_better = iki.lower_is_better
    row.aspek = iki.aspek.value if iki.aspek else None
    row.perspektif = iki.perspektif.value if iki.perspektif else None


def _store_lists(session: Session, skp_id: int, content: ValidSkp) -> None:
    session.execute(delete(SkpLampiranRow).where(SkpLampiranRow.skp_id == skp_id))
    session.execute(delete(SkpExpectationRow).where(SkpExpectationRow.skp_id == skp_id))
    session.add_all(
        SkpLampiranRow(skp_id=skp_id, kind=kind.value, position=position, text=text)
        for kind, items in content.lampiran.items()
        for position, text in enumerate(items)
    )
    session.add_all(
        SkpExpectationRow(skp_id=skp_id, value_code=value.value, text=text)
        for value, text in content.expectations.items()
    )


def add_version(session: Session, skp_id: int, content_json: str) -> None:
    """Keep the agreed SKP's content (``content_json``) under its current revision."""
    row = _existing_skp_row(session, skp_id)
    assert row.agreed_on is not None
    session.add(
        SkpVersionRow(
            skp_id=row.id,
            revision=row.revision,
            agreed_on=row.agreed_on,
            reason=row.revision_reason,
            content_json=content_json,
        )
    )


def versions(session: Session, skp_id: int) -> list[SkpVersionInfo]:
    rows = session.scalars(
        select(SkpVersionRow).where(SkpVersionRow.skp_id == skp_id).order_by(SkpVersionRow.revision)
    )
    return [SkpVersionInfo(row.revision, row.agreed_on, row.reason) for row in rows]


@dataclass(frozen=True)
class StoredVersion:
    """An agreed SKP version: when and why it was agreed, and its content as stored JSON."""

    info: SkpVersionInfo
    content_json: str


def version_json(session: Session, skp_id: int, revision: int) -> StoredVersion | None:
    row = session.scalar(
        select(SkpVersionRow).where(
            SkpVersionRow.skp_id == skp_id, SkpVersionRow.revision == revision
        )
    )
    if row is None:
        return None
    return StoredVersion(SkpVersionInfo(row.revision, row.agreed_on, row.reason), row.content_json)


def people_without_skp(session: Session, year: int) -> list[Employee]:
    has_skp = select(SkpRow.id).where(SkpRow.employee_id == EmployeeRow.id, SkpRow.year == year)
    query = (
        select(EmployeeRow)
        .where(EmployeeRow.active.is_(True), ~has_skp.exists())
        .order_by(EmployeeRow.name)
    )
    return [to_employee(row) for row in session.scalars(query)]


def people_with_draft_skp(session: Session, year: int) -> list[Employee]:
    query = (
        select(EmployeeRow)
        .join(SkpRow, SkpRow.employee_id == EmployeeRow.id)
        .where(
            EmployeeRow.active.is_(True),
            SkpRow.year == year,
            SkpRow.status == SkpStatus.DRAFT.value,
        )
        .order_by(EmployeeRow.name)
    )
    return [to_employee(row) for row in session.scalars(query)]


def people_missing_realisation(
    session: Session, year: int, period_code: str, unit_ids: Iterable[int]
) -> list[Employee]:
    """Return active people whose agreed SKP lacks a realisation for ``period_code``.

    Only people in ``unit_ids`` are considered; one indicator without a value is enough.
    """
    recorded = select(RealisationRow.id).where(
        RealisationRow.iki_id == IkiRow.id, RealisationRow.period_code == period_code
    )
    missing = (
        select(SkpRow.employee_id)
        .join(RhkRow, RhkRow.skp_id == SkpRow.id)
        .join(IkiRow, IkiRow.rhk_id == RhkRow.id)
        .where(
            SkpRow.year == year,
            SkpRow.status == SkpStatus.DISEPAKATI.value,
            ~recorded.exists(),
        )
        .distinct()
    )
    query = (
        select(EmployeeRow)
        .where(
            EmployeeRow.active.is_(True),
            EmployeeRow.unit_id.in_(list(unit_ids)),
            EmployeeRow.id.in_(missing),
        )
        .order_by(EmployeeRow.name)
    )
    return [to_employee(row) for row in session.scalars(query)]


def active_people_with_skp(session: Session, year: int) -> list[Employee]:
    """Every active person with an SKP in ``year``, in one query."""
    query = (
        select(EmployeeRow)
        .join(SkpRow, SkpRow.employee_id == EmployeeRow.id)
        .where(SkpRow.year == year, EmployeeRow.active.is_(True))
    )
    return [to_employee(row) for row in session.scalars(query)]
