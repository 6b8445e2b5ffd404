"""Hand-over records of the daily progress log (Progres Harian) and its working-day calendar.

Three kinds, each named by what identifies it in any office:

- ``progress_entry``: a person's entry, keyed by NIP, day and start time (two entries of one
  person starting at the same minute get ``1``, ``2`` appended); the RHK it was written against
  travels as ``{nip, year, rhk}`` (the RHK's SKP and its 1-based place there), as an RHK's link
  to its supervisor's RHK does; its status, review note, reviewer and evidence file travel too;
- ``office_day_off``: a cuti bersama or local day off of the office, keyed by the day;
- ``leave_day``: a day a person is on leave, keyed by NIP and day.

The rencana aksi an entry worked on travels as ``rencana_aksi``: ``{nip, year, rhk,
period_code}`` (its RHK's natural key and its period), only when the entry has one, so an entry
without one keeps the content (and digest) it had before the link was carried.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, Protocol

from kinerja_desktop.domain.handover_aggregate import (
    Aggregate,
    Kind,
    Row,
    Tables,
    make_aggregate,
    plain_fields,
    year_of,
)
from kinerja_desktop.domain.handover_plans import RENCANA_AKSI

#: Columns of a progress entry replaced by a natural key (``nip``, ``rhk``) or not carried.
_ENTRY_DROPPED = ("employee_id", "rhk_id", "rencana_aksi_id")
#: The tables of the daily log, in the order their kinds are written.
PROGRESS_TABLES = ("office_days_off", "leave_days", "progress_entries")
#: A progress entry's status that the penilai approved: never replaced from a package.
APPROVED = "DISETUJUI"


class _Lookups(Protocol):
    def nip(self, employee_id: int | None) -> str | None: ...

    def rhk_link(self, rhk_id: int) -> dict[str, Any]: ...

    def rencana_link(self, rencana_aksi_id: int | None) -> dict[str, Any] | None: ...


def progress_skps(tables: Tables, people: Collection[int], year: int | None) -> set[int]:
    """The SKPs whose RHK or rencana aksi a carried entry names: carried whole, to resolve."""
    rhk_skp = {row["id"]: row["skp_id"] for row in tables["rhks"]}
    rencana_rhk = {row["id"]: row["rhk_id"] for row in tables.get("rencana_aksi", ())}
    found: set[int] = set()
    for row in tables.get("progress_entries", ()):
        if _wanted(row, people, year):
            rhks = (row["rhk_id"], rencana_rhk.get(row.get("rencana_aksi_id")))
            found |= {rhk_skp[rhk] for rhk in rhks if rhk is not None}
    return found


def _wanted(row: Row, people: Collection[int], year: int | None) -> bool:
    return row["employee_id"] in people and year in (None, year_of(row["day"]))


def build_progress(
    tables: Tables, index: _Lookups, people: Collection[int], year: int | None
) -> list[Aggregate]:
    """The daily log of ``people`` in ``year`` (all years when None), and the office's days off.

    Args:
        tables: The database's rows (``progress_entries``, ``office_days_off``, ``leave_days``).
        index: Finds a person's NIP and an RHK's natural key.
        people: The ids of the people in scope.
        year: The export's year, or None for every year.
    """
    entries = build_entries(tables.get("progress_entries", ()), index, people, year)
    return build_calendar(tables, index, people, year) + entries


def build_calendar(
    tables: Tables, index: _Lookups, people: Collection[int], year: int | None
) -> list[Aggregate]:
    """The office's days off in ``year`` and the leave days of ``people`` (see above)."""
    found = [
        make_aggregate(
            Kind.OFFICE_DAY_OFF,
            [row["day"]],
            f"{row['day']} {row['name']}".strip(),
            plain_fields(row),
            row["id"],
        )
        for row in tables.get("office_days_off", ())
        if year in (None, year_of(row["day"]))
    ]
    nip: Callable[[int | None], str | None] = index.nip
    for row in tables.get("leave_days", ()):
        if _wanted(row, people, year):
            who = nip(row["employee_id"])
            content = {**plain_fields(row, "employee_id"), "nip": who}
            label = f"Cuti {who} {row['day']}"
            key = [who, row["day"]]
            found.append(make_aggregate(Kind.LEAVE_DAY, key, label, content, row["id"]))
    return found


def build_entries(
    rows: Iterable[Row], index: _Lookups, people: Collection[int], year: int | None
) -> list[Aggregate]:
    """The progress entries among ``rows`` of ``people`` in ``year``, person by person.

    In the order of the person's id, then the entry's, so that the entries of some people
    at a time (an export of a large office) come in the order of all of them at once.
    """
    wanted = [row for row in rows if _wanted(row, people, year)]
    wanted.sort(key=lambda row: (row["employee_id"], row["id"]))
    return [_entry(index, row) for row in wanted]


def _entry(index: _Lookups, row: Row) -> Aggregate:
    who = index.nip(row["employee_id"])
    content: dict[str, Any] = {
        **plain_fields(row, *_ENTRY_DROPPED),
        "nip": who,
        "rhk": None if row["rhk_id"] is None else index.rhk_link(row["rhk_id"]),
    }
    rencana = index.rencana_link(row.get("rencana_aksi_id"))
    if rencana is not None:
        content[RENCANA_AKSI] = rencana
    label = f"{who} {row['day']} {row['start_time']}: {row['activity'][:60]}"
    return make_aggregate(
        Kind.PROGRESS_ENTRY, [who, row["day"], row["start_time"]], label, content, row["id"]
    )


def approved(content: Mapping[str, Any]) -> bool:
    """True for an entry the penilai approved: it stays as it is in the office that has it."""
    return content.get("status") == APPROVED
