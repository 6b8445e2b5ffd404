"""Reads and writes of rencana aksi, period targets and target scales; never a commit."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kinerja_desktop.data.repositories.chunk_content import _kept_by
from kinerja_desktop.data.skp_models import (
    PeriodTargetRow,
    RealisationRow,
    RencanaAksiRow,
    RhkRow,
    TargetScaleRow,
)
from kinerja_desktop.domain.plans import DEFAULT_SCALE, TargetScale


@dataclass(frozen=True)
class StoredRencanaAksi:
    id: int
    rhk_id: int
    period_code: str
    text: str


@dataclass(frozen=True)
class StoredPlans:
    """The plans of some RHK and indicators, for every period that has them.

    Attributes:
        rencana_aksi: By (RHK id, period code).
        targets: By (indicator id, period code).
        scales: By indicator id; an indicator without a row reads the default scale.
    """

    rencana_aksi: dict[tuple[int, str], StoredRencanaAksi]
    targets: dict[tuple[int, str], Decimal]
    scales: dict[int, TargetScale]

    def scale(self, iki_id: int) -> TargetScale:
        return self.scales.get(iki_id, DEFAULT_SCALE)


def plans(session: Session, rhk_ids: Iterable[int], iki_ids: Iterable[int]) -> StoredPlans:
    """Every rencana aksi of ``rhk_ids`` and target and scale of ``iki_ids``, in three queries."""
    rhks, ikis = list(rhk_ids), list(iki_ids)
    # A print chunk read these for all its RHK and indicators (``chunk_content``).
    action_rows: Sequence[Any] | None = _kept_by(session, RencanaAksiRow.rhk_id, rhks)
    if action_rows is None:
        action_rows = session.scalars(
            select(RencanaAksiRow).where(RencanaAksiRow.rhk_id.in_(rhks))
        ).all()
    target_rows: Sequence[Any] | None = _kept_by(session, PeriodTargetRow.iki_id, ikis)
    if target_rows is None:
        target_rows = session.scalars(
            select(PeriodTargetRow).where(PeriodTargetRow.iki_id.in_(ikis))
        ).all()
    scale_rows: Sequence[Any] | None = _kept_by(session, TargetScaleRow.iki_id, ikis)
    if scale_rows is None:
        scale_rows = session.scalars(
            select(TargetScaleRow).where(TargetScaleRow.iki_id.in_(ikis))
        ).all()
    actions = {
        (row.rhk_id, row.period_code): StoredRencanaAksi(
            row.id, row.rhk_id, row.period_code, row.text
        )
        for row in action_rows
    }
    targets = {(row.iki_id, row.period_code): row.target for row in target_rows}
    scales = {row.iki_id: TargetScale(row.scale) for row in scale_rows}
    return StoredPlans(actions, targets, scales)


def realisation_values(
    session: Session, iki_ids: Iterable[int], period_codes: Iterable[str]
) -> dict[tuple[int, str], Decimal]:
    """The recorded figures of the indicators in the periods (for running totals)."""
    ikis, codes = list(iki_ids), list(period_codes)
    kept: Sequence[Any] | None = _kept_by(session, RealisationRow.iki_id, ikis)
    if kept is not None:
        return {
            (row.iki_id, row.period_code): row.value
            for row in kept
            if row.period_code in codes and row.value is not None
        }
    rows = session.execute(
        select(RealisationRow.iki_id, RealisationRow.period_code, RealisationRow.value).where(
            RealisationRow.iki_id.in_(ikis),
            RealisationRow.period_code.in_(codes),
            RealisationRow.value.is_not(None),
        )
    )
    return {(iki_id, code): value for iki_id, code, value in rows if value is not None}


def rencana_aksi_of_skp(session: Session, skp_id: int, period_code: str) -> list[StoredRencanaAksi]:
    """The rencana aksi of an SKP's RHK in a period, in the RHK's order."""
    rows = session.scalars(
        select(RencanaAksiRow)
        .join(RhkRow, RhkRow.id == RencanaAksiRow.rhk_id)
        .where(RhkRow.skp_id == skp_id, RencanaAksiRow.period_code == period_code)
        .order_by(RhkRow.position)
    )
    return [StoredRencanaAksi(row.id, row.rhk_id, row.period_code, row.text) for row in rows]


def rencana_aksi_of_rhk(session: Session, rencana_aksi_id: int, rhk_id: int) -> bool:
    """Whether the rencana aksi exists and belongs to the RHK."""
    row = session.get(RencanaAksiRow, rencana_aksi_id)
    return row is not None and row.rhk_id == rhk_id


def store_period(
    session: Session,
    period_code: str,
    rencana_aksi: Mapping[int, str],
    targets: Mapping[int, Decimal | None],
    scales: Mapping[int, TargetScale],
) -> None:
    """Write one period's plans: an empty text or a None target removes the row.

    An existing rencana aksi is updated in place, so daily entries pointing at it stay linked.
    """
    existing = {
        row.rhk_id: row
        for row in session.scalars(
            select(RencanaAksiRow).where(
                RencanaAksiRow.rhk_id.in_(list(rencana_aksi)),
                RencanaAksiRow.period_code == period_code,
            )
        )
    }
    for rhk_id, text in rencana_aksi.items():
        row = existing.get(rhk_id)
        if not text:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(RencanaAksiRow(rhk_id=rhk_id, period_code=period_code, text=text))
        elif row.text != text:
            row.text = text
    session.execute(
        delete(PeriodTargetRow).where(
            PeriodTargetRow.iki_id.in_(list(targets)), PeriodTargetRow.period_code == period_code
        )
    )
    session.add_all(
        PeriodTargetRow(iki_id=iki_id, period_code=period_code, target=value)
        for iki_id, value in targets.items()
        if value is not None
    )
    store_scales(session, scales)


def store_scales(session: Session, scales: Mapping[int, TargetScale]) -> None:
    """Write the indicators' scales (one for all their periods)."""
    for iki_id, scale in scales.items():
        found = session.get(TargetScaleRow, iki_id)
        if found is None:
            session.add(TargetScaleRow(iki_id=iki_id, scale=scale.value))
        elif found.scale != scale.value:
            found.scale = scale.value
    session.flush()
