"""Write the valid rows of a checked file in bulk, inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from kinerja_desktop.data.repositories import staff_bulk
from kinerja_desktop.domain.staff import Employee, EmploymentEventKind, ValidStaffFields
from kinerja_desktop.services.platform.tabular import Table
from kinerja_desktop.services.staff.importing import columns as col
from kinerja_desktop.services.staff.importing.units import PendingUnit, UnitRef, UnitTree
from kinerja_desktop.services.staff.importing.validation import Draft


class Writer:
    """Bulk writes for one import: units, new people, updates, penilai links, history."""

    def __init__(
        self,
        session: Session,
        table: Table,
        units: UnitTree,
        existing: dict[str, Employee],
        today: date,
    ) -> None:
        self._session = session
        self._table = table
        self._units = units
        self._existing = existing
        self._ids: dict[str, int] = {nip: row.id for nip, row in existing.items()}
        self._events: list[dict[str, Any]] = []
        self._today = today
        self._note = f"Impor dari berkas {table.name}"[:500]
        #: True once `insert_people` wrote the new people with their penilai.
        self._linked = False

    def create_units(self) -> None:
        """Insert the units the valid rows use, in one statement with ids given.

        ``created`` lists every parent before its children, so each parent's id is known when
        a child takes it; the transaction holds the write lock, so the next free id stays free.
        """
        used = [unit for unit in self._units.created if unit.used]
        if not used:
            return
        next_id = staff_bulk.next_unit_id(self._session)
        rows = []
        for offset, unit in enumerate(used):
            unit.row_id = next_id + offset
            parent_id = self._unit_id(unit.parent) if unit.parent is not None else None
            rows.append(
                {
                    "id": unit.row_id,
                    "name": unit.name,
                    "kind": unit.kind.value,
                    "parent_id": parent_id,
                    "city": "",
                }
            )
        staff_bulk.insert_units(self._session, rows)

    def _unit_id(self, ref: UnitRef | None) -> int:
        assert ref is not None
        if isinstance(ref, PendingUnit):
            assert ref.row_id is not None
            return ref.row_id
        return ref

    def insert_people(self, drafts: Sequence[Draft]) -> None:
        """Insert new people with their ids and, where it can be, their penilai already set.

        Each gets the next free id (the transaction holds the write lock), so a penilai's id
        is known before the row is written; the rows go in penilai-first order, so the
        reference always finds its row. (Should the file's penilai still form a loop, the
        penilai are linked afterwards instead, by `link_new_penilai`.)
        """
        self._linked = False
        if not drafts:
            return
        next_id = staff_bulk.next_employee_id(self._session)
        new_ids = {str(draft.nip): next_id + offset for offset, draft in enumerate(drafts)}
        self._ids.update(new_ids)
        values = []
        for draft in drafts:
            assert draft.fields is not None
            values.append(
                {
                    **_field_values(draft.fields),
                    "id": new_ids[str(draft.nip)],
                    "unit_id": self._unit_id(draft.unit),
                    "active": True,
                    "penilai_id": self._ids[draft.penilai] if draft.penilai else None,
                }
            )
        ordered = _penilai_first(values, set(new_ids.values()))
        if ordered is None:
            for row in values:
                row["penilai_id"] = None
            ordered = values
        else:
            self._linked = True
        # No MASUK event: a staff list says who works here, not since when. Recording the
        # import day as a joining date would cut everyone's appraisal period short.
        staff_bulk.insert_employees(self._session, ordered)

    def update_people(self, drafts: Sequence[Draft]) -> None:
        """Update changed people by primary key, checking and raising their version."""
        if not drafts:
            return
        values = []
        for draft in drafts:
            assert draft.fields is not None and draft.nip is not None
            row = self._existing[draft.nip]
            unit_id = self._unit_id(draft.unit)
            data = {**_field_values(draft.fields), "id": row.id, "version": row.version}
            data["unit_id"] = unit_id
            # An absent optional column keeps the stored value.
            if not self._table.has(col.GELAR_DEPAN):
                data["gelar_depan"] = row.gelar_depan
            if not self._table.has(col.GELAR_BELAKANG):
                data["gelar_belakang"] = row.gelar_belakang
            if self._table.has(col.PENILAI):
                data["penilai_id"] = self._ids[draft.penilai] if draft.penilai else None
                if draft.penilai:
                    # A penilai from the register replaces one chosen outside it; an empty
                    # cell leaves an outside penilai, which a staff list cannot name.
                    data["penilai_official_id"] = None
            else:
                data["penilai_id"] = row.penilai_id
            values.append(data)
            if unit_id != row.unit_id:
                self._events.append(
                    {
                        "employee_id": row.id,
                        "kind": EmploymentEventKind.MUTASI.value,
                        "from_unit_id": row.unit_id,
                        "to_unit_id": unit_id,
                    }
                )
        staff_bulk.update_employees(self._session, values)

    def link_new_penilai(self, drafts: Sequence[Draft]) -> None:
        """Set the penilai of new people, now that everyone they may point at exists.

        Nothing to do when `insert_people` could write them with their rows.
        """
        if self._linked:
            return
        links = [
            (self._ids[str(draft.nip)], self._ids[draft.penilai])
            for draft in drafts
            if draft.penilai
        ]
        staff_bulk.set_penilai(self._session, links)

    def record_events(self) -> None:
        if self._events:
            defaults = {"event_date": self._today, "note": self._note, "from_unit_id": None}
            rows = [{**defaults, **event} for event in self._events]
            staff_bulk.insert_events(self._session, rows)


def _field_values(fields: ValidStaffFields) -> dict[str, Any]:
    return {
        "nip": str(fields.nip),
        "name": fields.name,
        "gelar_depan": fields.gelar_depan,
        "gelar_belakang": fields.gelar_belakang,
        "status": fields.status.value,
        "golongan": fields.golongan.code,
        "jabatan": fields.jabatan,
        "jabatan_kind": fields.jabatan_kind.value,
        "jenjang": fields.jenjang.value if fields.jenjang else None,
    }


def _penilai_first(rows: list[dict[str, Any]], new: set[int]) -> list[dict[str, Any]] | None:
    """The rows ordered so that a new person's penilai comes before them; None on a loop."""
    penilai = {row["id"]: row["penilai_id"] for row in rows}
    depth: dict[int, int] = {}
    for row in rows:
        chain: list[int] = []
        current: int | None = row["id"]
        while current is not None and current in new and current not in depth:
            if current in chain:
                return None
            chain.append(current)
            current = penilai[current]
        below = depth.get(current, -1) if current is not None else -1
        for person in reversed(chain):
            below += 1
            depth[person] = below
    return sorted(rows, key=lambda row: depth[row["id"]])
