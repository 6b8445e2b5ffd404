"""The prefill package (paket isian awal): what a new installation starts from.

The Pemda hub sends each unit its register and the year's settings: the unit tree (with the
ancestors' path, so the unit lands in the right place), the people with their penilai and
atasan links, the officials outside the register, acting Plt/Plh, the organisation predikat,
the year's appraisal scheme and the office's days off of the year. Nothing a unit writes itself
travels (no SKP, evaluation, journal, development plan, supervision register or evidence).

The records are ordinary hand-over aggregates, built by the same code with the same keys and
digests, so a hand-over package the unit sends back later finds them identical.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kinerja_desktop.domain.handover_aggregate import Aggregate, Kind, Row, Tables
from kinerja_desktop.domain.handover_records import Scope, build_aggregates

#: The manifest's ``purpose`` of a prefill package (absent in an ordinary hand-over package).
PREFILL = "prefill"
#: The kinds a prefill package carries; a package saying it is a prefill holds no other.
PREFILL_KINDS = frozenset(
    {
        Kind.UNIT,
        Kind.APPRAISAL_YEAR,
        Kind.EXTERNAL_OFFICIAL,
        Kind.EMPLOYEE,
        Kind.ACTING,
        Kind.ORG_PREDIKAT,
        Kind.OFFICE_DAY_OFF,
    }
)
#: The tables those kinds are built from. Every other table is taken as empty, so the people
#: are chosen as the register has them (the scope's people, the other party of their Plt/Plh
#: and every penilai above them), not pulled in by an SKP link or a complaint.
PREFILL_TABLES = (
    "units",
    "employees",
    "employment_events",
    "external_officials",
    "acting_assignments",
    "appraisal_years",
    "org_predikats",
    "office_days_off",
)


class _Register(dict[str, Any]):
    """The prefill tables' rows; any other table reads as empty."""

    def __missing__(self, name: str) -> tuple[Row, ...]:
        return ()


def build_prefill(tables: Tables, unit_path: tuple[str, ...] | None, year: int) -> list[Aggregate]:
    """The prefill records of ``unit_path`` (everything under it; None: every unit) for ``year``.

    Args:
        tables: The database's rows per table: :data:`PREFILL_TABLES` (any other table
            given is ignored).
        unit_path: The OPD's path of names from its instansi, or None for the whole office.
        year: The appraisal year whose scheme, acting spans, organisation predikat and days off
            are carried.
    """
    register = _Register({name: tables.get(name, ()) for name in PREFILL_TABLES})
    return [
        aggregate
        for aggregate in build_aggregates(register, Scope(unit_path, year))
        if aggregate.kind in PREFILL_KINDS
    ]


def not_prefill(kinds: Iterable[Kind]) -> Kind | None:
    """The first of ``kinds`` (a package's records') that a prefill package does not carry."""
    return next((kind for kind in kinds if kind not in PREFILL_KINDS), None)
