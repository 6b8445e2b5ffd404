"""Writing a package's aggregates into this database, inside the caller's one transaction.

Natural keys become this database's ids here: a unit path, a NIP, an (NIP, year) SKP. A new
aggregate is inserted; a conflict the user resolved with "take theirs" replaces ours. An SKP
is replaced in place, RHK by RHK in order, so the RHK of other SKPs that serve it keep their
link. Any content that does not fit (a reference to nothing, a value a CHECK refuses) raises,
and the caller's transaction rolls everything back.

New records are written in batches, kind by kind: up to ``BATCH`` of one kind wait, then go in
a few multi-row statements (an SKP's RHKs, indicators and realisations with it), since one
statement per row made the import of a large office slow. A record that replaces ours is
written at once, as before.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from kinerja_desktop.data.repositories import handover as repo
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.handover_aggregate import plain
from kinerja_desktop.domain.handover_plans import PERIOD_TARGETS, RENCANA_AKSI, TARGET_SCALE
from kinerja_desktop.domain.handover_records import (
    NOTES,
    OFFICIAL_REFERENCES,
    PERIOD_TABLES,
    SIGNATORIES,
    SIGNED_ON,
    Aggregate,
    Kind,
    canonical_json,
    official_key,
)
from kinerja_desktop.domain.handover_registers import ACTION_PLANS, SURVEY_REPORT_FIELDS

Content = Mapping[str, Any]


@dataclass
class Ids:
    """This database's ids by natural key; grows as new aggregates are written."""

    units: dict[tuple[str, ...], int] = field(default_factory=dict)
    employees: dict[str, int] = field(default_factory=dict)
    #: Officials outside the register, by the canonical text of their natural key.
    officials: dict[str, int] = field(default_factory=dict)
    skps: dict[tuple[str, int], int] = field(default_factory=dict)
    #: Observations and surveys by the canonical text of their natural key.
    observations: dict[str, int] = field(default_factory=dict)
    surveys: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, ours: Sequence[Aggregate]) -> Ids:
        ids = cls()
        for aggregate in ours:
            if aggregate.row_id is not None:
                ids.add(aggregate.kind, aggregate.key, aggregate.content, aggregate.row_id)
        return ids

    def add(self, kind: Kind, key: str, content: Content, row_id: int) -> None:
        """Remember where an aggregate's main row is, by the natural key others use."""
        if kind is Kind.UNIT:
            self.units[tuple(content["path"])] = row_id
        elif kind is Kind.EMPLOYEE:
            self.employees[content["nip"]] = row_id
        elif kind is Kind.EXTERNAL_OFFICIAL:
            self.officials[canonical_json(official_key(content)).decode()] = row_id
        elif kind is Kind.SKP:
            self.skps[(content["nip"], content["year"])] = row_id
        elif kind is Kind.OBSERVATION:
            self.observations[key] = row_id
        elif kind is Kind.SURVEY:
            self.surveys[key] = row_id

    def observation(self, key: Any) -> int:
        return self._by_key(self.observations, key, "Catatan perilaku")

    def survey(self, key: Any) -> int:
        return self._by_key(self.surveys, key, "Survei")

    @staticmethod
    def _by_key(found: Mapping[str, int], key: Any, what: str) -> int:
        row_id = found.get(canonical_json(key).decode()) if isinstance(key, list) else None
        if row_id is None:
            raise ValidationError(f"{what} {key} yang dirujuk paket tidak ada.")
        return row_id

    def unit(self, path: Any) -> int:
        found = self.units.get(tuple(path)) if isinstance(path, list) else None
        if found is None:
            raise ValidationError(f"Unit '{path}' yang dirujuk paket tidak ada.")
        return found

    def employee(self, nip: Any) -> int:
        found = self.employees.get(nip) if isinstance(nip, str) else None
        if found is None:
            raise ValidationError(f"Pegawai dengan NIP {nip} yang dirujuk paket tidak ada.")
        return found

    def official(self, reference: Any) -> int | None:
        """An official outside the register; None for no reference.

        By NIP, or a pejabat negara by their whole key ([name, jabatan, instansi]).
        """
        if reference is None:
            return None
        key = [reference] if isinstance(reference, str) else reference
        found = self.officials.get(canonical_json(key).decode()) if isinstance(key, list) else None
        if found is None:
            named = f"dengan NIP {reference}" if isinstance(reference, str) else f"{reference}"
            raise ValidationError(f"Pejabat di luar kantor {named} tidak ada di paket.")
        return found

    def skp(self, nip: Any, year: Any) -> int:
        found = self.skps.get((nip, year))
        if found is None:
            raise ValidationError(f"SKP {nip} tahun {year} yang dirujuk paket tidak ada.")
        return found


def _values(table: str, content: Content, **extra: Any) -> dict[str, Any]:
    """The content's plain fields that are columns of ``table``, plus resolved references."""
    known = _writable(table)
    values = {k: v for k, v in content.items() if k in known}
    if not {type(value) for value in values.values()} <= _PLAIN_TYPES:
        for name, value in values.items():
            if type(value) not in _PLAIN_TYPES:
                raise ValidationError(
                    f"Nilai '{name}' untuk tabel '{table}' dalam paket tidak sah."
                )
    return values | extra


#: The JSON values a column takes (a bool is an int, null is None): anything else is refused.
_PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _writable(table: str) -> frozenset[str]:
    """The columns of ``table`` a record's content may set (not the id or the lock version)."""
    return repo.columns(table) - {"id", "version"}


def _link(parent: Content | None) -> tuple[Any, Any, Any] | None:
    """An RHK's link to its parent, ``{nip, year, rhk}``, kept small until it is set."""
    return None if parent is None else (parent["nip"], parent["year"], parent["rhk"])


def _signatory_row(record: str, signed: Content) -> dict[str, Any]:
    content = json.dumps(signed["people"], ensure_ascii=False, sort_keys=True)
    return {"record": record, "taken_on": signed["taken_on"], "content": content}


#: New records of one kind written together, at most this many at a time.
BATCH = 500
#: New SKPs written together: each brings a few hundred rows (RHKs, indicators, plans,
#: realisations), so 500 of them held some 180 MB at once.
SKP_BATCH = 100
#: Kinds whose new records are written one by one: a unit's parent is a unit of the same
#: kind, and the registers' records are few and have children of their own.
_WRITTEN_AT_ONCE = frozenset({Kind.UNIT, Kind.SURVEY, Kind.PUBLIC_FEEDBACK, Kind.AUDIT_FINDING})
#: Kinds that are one row each: kind -> table.
_PLAIN = {
    Kind.TECHNICAL_COMPETENCE: "technical_competences",
    Kind.JOB_STANDARD: "job_standards",
    Kind.APPRAISAL_YEAR: "appraisal_years",
    Kind.EXTERNAL_OFFICIAL: "external_officials",
    Kind.ACTING: "acting_assignments",
    Kind.OBSERVATION: "observations",
    Kind.ORG_PREDIKAT: "org_predikats",
    Kind.COMPETENCE_RATING: "competence_ratings",
    Kind.DEVELOPMENT_ITEM: "development_items",
    Kind.DISMISSED_PROPOSAL: "dismissed_proposals",
    Kind.OFFICE_DAY_OFF: "office_days_off",
    Kind.LEAVE_DAY: "leave_days",
    Kind.PROGRESS_ENTRY: "progress_entries",
}
#: Plain kinds whose row belongs to a person (``nip`` in the content).
_PER_PERSON = frozenset(
    {
        Kind.OBSERVATION,
        Kind.COMPETENCE_RATING,
        Kind.DEVELOPMENT_ITEM,
        Kind.DISMISSED_PROPOSAL,
        Kind.LEAVE_DAY,
    }
)
#: An SKP's child tables other than its RHKs: table -> the content's list.
_SKP_CHILDREN = (
    ("skp_lampiran", "lampiran"),
    ("skp_expectations", "expectations"),
    ("skp_versions", "versions"),
)


class Writer:
    """Writes aggregates in kind order; links that point forwards are set at the end."""

    def __init__(self, session: Session, ids: Ids, ours: Mapping[tuple[Kind, str], Aggregate]):
        self.session = session
        self.ids = ids
        self.ours = ours
        self.penilai: list[tuple[int, Any]] = []
        #: RHK id -> its parent's (NIP, year, ordinal), or None: set once every SKP is in.
        self.links: list[tuple[int, tuple[Any, Any, Any] | None]] = []
        self.unlinked = 0
        self.unlinked_findings = 0
        #: Progress entries whose RHK is not in this database (left without one).
        self.unlinked_entries = 0
        #: The RHK ids of an SKP in order, read once per SKP for the RHK links and progress
        #: entries (both resolved after every SKP is written).
        self._rhks_of: dict[int, list[int]] = {}
        #: The rencana aksi ids of an RHK by period code, read once per RHK for the entries.
        self._rencana_of: dict[int, dict[Any, int]] = {}
        #: New records waiting to be written together, all of one kind: (key, content).
        self._pending_kind: Kind | None = None
        self._pending: list[tuple[str, Content]] = []
        #: SKPs and (SKP, period) evaluations written: their seals are looked at afterwards.
        self.skps_written: set[int] = set()
        self.periods_written: set[tuple[int, str]] = set()

    def write(self, aggregate: Aggregate) -> None:
        existing = self.ours.get((aggregate.kind, aggregate.key))
        # A package's content is kept packed: unpacked here once, for the many reads below.
        content = plain(aggregate.content)
        if aggregate.kind is not self._pending_kind:
            self.flush()
        if existing is None and aggregate.kind not in _WRITTEN_AT_ONCE:
            self._pending_kind = aggregate.kind
            self._pending.append((aggregate.key, content))
            if len(self._pending) >= (SKP_BATCH if aggregate.kind is Kind.SKP else BATCH):
                self.flush()
            return
        if aggregate.kind is Kind.PERIOD:
            replace = existing is not None
            self.write_period(json.loads(aggregate.key), content, replace=replace)
            return
        row_id = existing.row_id if existing else None
        if aggregate.kind in _PLAIN:
            table, values = self._row(aggregate.kind, content)
            written = self._put(table, row_id, values)
        else:
            written = getattr(self, f"_{aggregate.kind.value}")(content, row_id)
        self.ids.add(aggregate.kind, aggregate.key, content, written)

    def flush(self) -> None:
        """Write the new records waiting, all of one kind, in a few statements."""
        kind, pending = self._pending_kind, self._pending
        self._pending_kind, self._pending = None, []
        if kind is None or not pending:
            return
        if kind is Kind.EMPLOYEE:
            self._new_employees(pending)
        elif kind is Kind.SKP:
            self._new_skps(pending)
        elif kind is Kind.PERIOD:
            self._new_periods(pending)
        else:
            rows = [self._row(kind, content) for _, content in pending]
            ids = repo.insert_returning(self.session, rows[0][0], [values for _, values in rows])
            for (key, content), row_id in zip(pending, ids, strict=True):
                self.ids.add(kind, key, content, row_id)

    def finish(self) -> None:
        """Set penilai and RHK links once every person and SKP is in place."""
        self.flush()
        penilai = [
            (employee_id, {"penilai_id": None if nip is None else self.ids.employee(nip)})
            for employee_id, nip in self.penilai
        ]
        repo.update_rows(self.session, "employees", penilai)
        # A batch at a time: a whole office's RHKs (100,000 at 20,000 people) as update
        # parameters took some 30 MB at once.
        for start in range(0, len(self.links), BATCH):
            links = [
                (rhk_id, {"parent_rhk_id": self._parent_rhk(link)})
                for rhk_id, link in self.links[start : start + BATCH]
            ]
            repo.update_rows(self.session, "rhks", links)

    def _parent_rhk(self, link: tuple[Any, Any, Any] | None) -> int | None:
        """The RHK id a link names (NIP, year, ordinal); None, counted, when it is not here."""
        if link is None:
            return None
        nip, year, ordinal = link
        rhks = self._rhks_of_skp(self.ids.skps.get((nip, year)))
        if isinstance(ordinal, int) and 1 <= ordinal <= len(rhks):
            return rhks[ordinal - 1]
        self.unlinked += 1
        return None

    def _rhks_of_skp(self, skp: int | None) -> list[int]:
        """An SKP's RHK ids in order, read once (every SKP is written before they are asked)."""
        if skp is None:
            return []
        if skp not in self._rhks_of:
            self._rhks_of[skp] = repo.ordered_ids(self.session, "rhks", "skp_id", skp)
        return self._rhks_of[skp]

    # --- new records, many at a time -------------------------------------------------------

    def _new_employees(self, pending: Sequence[tuple[str, Content]]) -> None:
        rows = [self._employee_values(content) for _, content in pending]
        ids = repo.insert_returning(self.session, "employees", rows)
        events = []
        for (key, content), employee_id in zip(pending, ids, strict=True):
            self.ids.add(Kind.EMPLOYEE, key, content, employee_id)
            self.penilai.append((employee_id, content["penilai"]))
            events += self._events(employee_id, content)
        repo.insert_rows(self.session, "employment_events", events)

    def _new_skps(self, pending: Sequence[tuple[str, Content]]) -> None:
        """New SKPs whole: the SKPs, then all their RHKs, then all indicators, then the rest."""
        rows = [
            _values("skps", content, employee_id=self.ids.employee(content["nip"]))
            for _, content in pending
        ]
        skp_ids = repo.insert_returning(self.session, "skps", rows)
        rhks: list[Content] = []
        rhk_rows: list[dict[str, Any]] = []
        children: dict[str, list[dict[str, Any]]] = defaultdict(list)
        records = []
        signed = []
        for (key, content), skp_id in zip(pending, skp_ids, strict=True):
            self.ids.add(Kind.SKP, key, content, skp_id)
            self.skps_written.add(skp_id)
            for rhk in content["rhks"]:
                rhks.append(rhk)
                rhk_rows.append(_values("rhks", rhk, skp_id=skp_id, parent_rhk_id=None))
            for table, name in _SKP_CHILDREN:
                children[table] += [_values(table, item, skp_id=skp_id) for item in content[name]]
            for version in content["versions"]:
                record = f"skp:{skp_id}:{version['revision']}"
                records.append(record)
                found = content.get(SIGNATORIES, {}).get(str(version["revision"]))
                if found is not None:
                    signed.append(_signatory_row(record, found))
        rhk_ids = repo.insert_returning(self.session, "rhks", rhk_rows)
        ikis: list[Content] = []
        iki_rows = []
        for rhk, rhk_id in zip(rhks, rhk_ids, strict=True):
            if rhk["parent"] is not None:
                self.links.append((rhk_id, _link(rhk["parent"])))
            for iki in rhk["ikis"]:
                ikis.append(iki)
                iki_rows.append(_values("ikis", iki, rhk_id=rhk_id))
            children["rhk_feedback"] += [
                _values("rhk_feedback", item, rhk_id=rhk_id) for item in rhk["feedback"]
            ]
            children["rencana_aksi"] += _rencana_rows(rhk_id, rhk)
        iki_ids = repo.insert_returning(self.session, "ikis", iki_rows)
        for iki, iki_id in zip(ikis, iki_ids, strict=True):
            for table, items in _iki_children(iki_id, iki).items():
                children[table] += items
        for table, items in children.items():
            repo.insert_rows(self.session, table, items)
        # A reused SKP id may have left who-signed rows behind; the package says who signed.
        repo.delete_rows(self.session, "signatories", "record", records)
        repo.insert_rows(self.session, "signatories", signed)

    def _new_periods(self, pending: Sequence[tuple[str, Content]]) -> None:
        """New periods' decisions: every table's rows of the batch in one statement."""
        rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        records = []
        for key, content in pending:
            nip, year, period = json.loads(key)[:3]
            skp_id = self.ids.skp(nip, year)
            where = {"skp_id": skp_id, "period_code": period}
            for table, name in PERIOD_TABLES:
                if content[name] is not None:
                    rows[table].append(_values(table, content[name], **where))
            rows["behaviour_feedback"] += [
                _values("behaviour_feedback", item, **where)
                for item in content["behaviour_feedback"]
            ]
            if content.get(NOTES):
                rows["evaluation_notes"].append(where | {"text": content[NOTES]})
            if content.get(SIGNED_ON) is not None:
                rows["evaluation_seals"].append(where | {"signed_on": content[SIGNED_ON]})
            record = f"evaluasi:{skp_id}:{period}"
            records.append(record)
            if content.get(SIGNATORIES) is not None:
                rows["signatories"].append(_signatory_row(record, content[SIGNATORIES]))
            self.periods_written.add((skp_id, period))
        repo.delete_rows(self.session, "signatories", "record", records)
        for table, items in rows.items():
            repo.insert_rows(self.session, table, items)

    def _row(self, kind: Kind, content: Content) -> tuple[str, dict[str, Any]]:
        """A plain record's table and row (its references resolved)."""
        if kind is Kind.APPRAISAL_YEAR:
            instansi = self.ids.unit(content["instansi"])
            return "appraisal_years", _values("appraisal_years", content, instansi_id=instansi)
        if kind is Kind.ACTING:
            values = _values(
                "acting_assignments",
                content,
                acting_employee_id=self.ids.employee(content["acting"]),
                for_employee_id=self.ids.employee(content["for"]),
            )
            return "acting_assignments", values
        if kind is Kind.ORG_PREDIKAT:
            unit = self.ids.unit(content["unit"])
            return "org_predikats", _values("org_predikats", content, unit_id=unit)
        if kind is Kind.PROGRESS_ENTRY:
            values = _values(
                "progress_entries",
                content,
                employee_id=self.ids.employee(content["nip"]),
                rhk_id=self._entry_rhk(content["rhk"]),
                rencana_aksi_id=self._entry_rencana(content.get(RENCANA_AKSI)),
            )
            return "progress_entries", values
        table = _PLAIN[kind]
        if kind in _PER_PERSON:
            return table, _values(table, content, employee_id=self.ids.employee(content["nip"]))
        return table, _values(table, content)

    def _put(self, table: str, row_id: int | None, values: Mapping[str, Any]) -> int:
        if row_id is None:
            return repo.insert_row(self.session, table, values)
        repo.update_row(self.session, table, row_id, values)
        return row_id

    # --- records with children, and records that replace ours -----------------------------

    def _unit(self, content: Content, row_id: int | None) -> int:
        path = tuple(content["path"])
        parent = self.ids.unit(list(path[:-1])) if len(path) > 1 else None
        values = _values("units", content, name=path[-1], parent_id=parent)
        return self._put("units", row_id, values)

    def _employee_values(self, content: Content) -> dict[str, Any]:
        officials = {
            column: self.ids.official(content.get(key)) for column, key in OFFICIAL_REFERENCES
        }
        return _values(
            "employees",
            content,
            unit_id=self.ids.unit(content["unit"]),
            penilai_id=None,
            **officials,
        )

    def _events(self, employee_id: int, content: Content) -> list[dict[str, Any]]:
        return [
            _values(
                "employment_events",
                event,
                employee_id=employee_id,
                from_unit_id=self._optional_unit(event["from_unit"]),
                to_unit_id=self._optional_unit(event["to_unit"]),
            )
            for event in content["history"]
        ]

    def _employee(self, content: Content, row_id: int | None) -> int:
        employee_id = self._put("employees", row_id, self._employee_values(content))
        self.penilai.append((employee_id, content["penilai"]))
        if row_id is not None:
            repo.delete_rows(self.session, "employment_events", "employee_id", [employee_id])
        repo.insert_rows(self.session, "employment_events", self._events(employee_id, content))
        return employee_id

    def _optional_unit(self, path: Any) -> int | None:
        return None if path is None else self.ids.unit(path)

    def _skp(self, content: Content, row_id: int | None) -> int:
        employee_id = self.ids.employee(content["nip"])
        skp_id = self._put("skps", row_id, _values("skps", content, employee_id=employee_id))
        self.ids.skps[(content["nip"], content["year"])] = skp_id  # its RHK links need it
        self.skps_written.add(skp_id)
        ours: list[int] = []
        if row_id is not None:
            for table in ("skp_lampiran", "skp_expectations", "skp_versions"):
                repo.delete_rows(self.session, table, "skp_id", [skp_id])
            ours = repo.ordered_ids(self.session, "rhks", "skp_id", skp_id)
        for ordinal, rhk in enumerate(content["rhks"], start=1):
            kept = ours[ordinal - 1] if ordinal <= len(ours) else None
            self._rhk(skp_id, rhk, kept)
        repo.delete_rows(self.session, "rhks", "id", ours[len(content["rhks"]) :])
        for table, name in (
            ("skp_lampiran", "lampiran"),
            ("skp_expectations", "expectations"),
            ("skp_versions", "versions"),
        ):
            items = [_values(table, item, skp_id=skp_id) for item in content[name]]
            repo.insert_rows(self.session, table, items)
        for version in content["versions"]:
            self._signatories(
                f"skp:{skp_id}:{version['revision']}",
                content.get(SIGNATORIES, {}).get(str(version["revision"])),
            )
        return skp_id

    def _signatories(self, record: str, signed: Content | None) -> None:
        """Who signed a sealed record, as the package says (or nobody recorded)."""
        repo.delete_matching(self.session, "signatories", {"record": record})
        if signed is not None:
            repo.insert_rows(self.session, "signatories", [_signatory_row(record, signed)])

    def _rhk(self, skp_id: int, rhk: Content, row_id: int | None) -> None:
        values = _values("rhks", rhk, skp_id=skp_id, parent_rhk_id=None)
        rhk_id = self._put("rhks", row_id, values)
        if rhk["parent"] is not None or row_id is not None:
            self.links.append((rhk_id, _link(rhk["parent"])))
        if row_id is not None:
            repo.delete_rows(self.session, "ikis", "rhk_id", [rhk_id])
            repo.delete_rows(self.session, "rhk_feedback", "rhk_id", [rhk_id])
        for iki in rhk["ikis"]:
            iki_id = repo.insert_row(self.session, "ikis", _values("ikis", iki, rhk_id=rhk_id))
            for table, items in _iki_children(iki_id, iki).items():
                repo.insert_rows(self.session, table, items)
        feedback = [_values("rhk_feedback", item, rhk_id=rhk_id) for item in rhk["feedback"]]
        repo.insert_rows(self.session, "rhk_feedback", feedback)
        self._rencana(rhk_id, rhk, replace=row_id is not None)

    def _rencana(self, rhk_id: int, rhk: Content, *, replace: bool) -> None:
        """An RHK's rencana aksi as the package says, kept in place period by period.

        A kept RHK's rows are updated rather than deleted and inserted, so that the daily
        entries of this office that worked on one keep their link.
        """
        rows = _rencana_rows(rhk_id, rhk)
        ours = (
            repo.ids_by(self.session, "rencana_aksi", "rhk_id", rhk_id, "period_code")
            if replace
            else {}
        )
        theirs = {row["period_code"] for row in rows}
        repo.delete_rows(
            self.session, "rencana_aksi", "id", [i for c, i in ours.items() if c not in theirs]
        )
        for row in rows:
            if row["period_code"] in ours:
                repo.update_row(self.session, "rencana_aksi", ours[row["period_code"]], row)
        repo.insert_rows(
            self.session, "rencana_aksi", [r for r in rows if r["period_code"] not in ours]
        )

    def write_period(self, key: Sequence[Any], content: Content, *, replace: bool) -> None:
        """A period's decisions: the key, not the content, names the SKP and period."""
        nip, year, period = key[0], key[1], key[2]
        skp_id = self.ids.skp(nip, year)
        where = {"skp_id": skp_id, "period_code": period}
        for table, name in PERIOD_TABLES:
            if replace:
                repo.delete_matching(self.session, table, where)
            if content[name] is not None:
                repo.insert_rows(self.session, table, [_values(table, content[name], **where)])
        if replace:
            repo.delete_matching(self.session, "behaviour_feedback", where)
        items = [
            _values("behaviour_feedback", item, **where) for item in content["behaviour_feedback"]
        ]
        repo.insert_rows(self.session, "behaviour_feedback", items)
        if replace:
            repo.delete_matching(self.session, "evaluation_notes", where)
        if content.get(NOTES):
            repo.insert_rows(self.session, "evaluation_notes", [where | {"text": content[NOTES]}])
        if replace:
            repo.delete_matching(self.session, "evaluation_seals", where)
        signed_on = content.get(SIGNED_ON)
        if signed_on is not None:
            repo.insert_rows(self.session, "evaluation_seals", [where | {"signed_on": signed_on}])
        self._signatories(f"evaluasi:{skp_id}:{period}", content.get(SIGNATORIES))
        self.periods_written.add((skp_id, period))

    # --- the supervision registers --------------------------------------------------------

    def _optional_employee(self, nip: Any) -> int | None:
        return None if nip is None else self.ids.employee(nip)

    def _survey(self, content: Content, row_id: int | None) -> int:
        # A report field absent from the record was not recorded there: taken as empty.
        values = {
            **SURVEY_REPORT_FIELDS,
            **_values("surveys", content, unit_id=self.ids.unit(content["unit"])),
        }
        survey_id = self._put("surveys", row_id, values)
        if row_id is not None:
            repo.delete_rows(self.session, "survey_responses", "survey_id", [survey_id])
            repo.delete_rows(self.session, "survey_action_plans", "survey_id", [survey_id])
        plans = [
            _values("survey_action_plans", item, survey_id=survey_id)
            for item in content.get(ACTION_PLANS, [])
        ]
        repo.insert_rows(self.session, "survey_action_plans", plans)
        responses = [
            _values(
                "survey_responses",
                item,
                survey_id=survey_id,
                served_by_id=self._optional_employee(item["served_by"]),
            )
            for item in content["responses"]
        ]
        repo.insert_rows(self.session, "survey_responses", responses)
        return survey_id

    def _public_feedback(self, content: Content, row_id: int | None) -> int:
        observation, survey = content["observation"], content["survey"]
        values = _values(
            "public_feedback",
            content,
            unit_id=self._optional_unit(content["unit"]),
            employee_id=self._optional_employee(content["employee"]),
            observation_id=None if observation is None else self.ids.observation(observation),
            survey_id=None if survey is None else self.ids.survey(survey),
        )
        return self._put("public_feedback", row_id, values)

    def _audit_finding(self, content: Content, row_id: int | None) -> int:
        values = _values(
            "audit_findings",
            content,
            unit_id=self._optional_unit(content["unit"]),
            employee_id=self._optional_employee(content["employee"]),
        )
        finding_id = self._put("audit_findings", row_id, values)
        if row_id is not None:
            for table in ("audit_follow_ups", "audit_links"):
                repo.delete_rows(self.session, table, "finding_id", [finding_id])
        follow_ups = [
            _values("audit_follow_ups", item, finding_id=finding_id)
            for item in content["follow_ups"]
        ]
        repo.insert_rows(self.session, "audit_follow_ups", follow_ups)
        links = [self._link(finding_id, target) for target in content["links"]]
        repo.insert_rows(self.session, "audit_links", [link for link in links if link])
        return finding_id

    def _link(self, finding_id: int, target: Content) -> dict[str, Any] | None:
        """A finding's link to an RHK (``{nip, year, rhk}``) or to an observation (its key).

        An RHK that is not there (our SKP was kept and has fewer RHKs) is left unlinked and
        counted, as an RHK's link to its supervisor's RHK is.
        """
        if target.get("rhk") is not None:
            link = target["rhk"]
            rhks = repo.ordered_ids(
                self.session, "rhks", "skp_id", self.ids.skp(link["nip"], link["year"])
            )
            ordinal = link["rhk"]
            if not isinstance(ordinal, int) or not 1 <= ordinal <= len(rhks):
                self.unlinked_findings += 1
                return None
            return {"finding_id": finding_id, "rhk_id": rhks[ordinal - 1], "observation_id": None}
        observation = self.ids.observation(target["observation"])
        return {"finding_id": finding_id, "rhk_id": None, "observation_id": observation}

    # --- the daily log ----------------------------------------------------------------------

    def _entry_rhk(self, link: Content | None, *, count: bool = True) -> int | None:
        """The RHK an entry was written against; None (counted) when this database lacks it."""
        if link is None:
            return None
        skp = self.ids.skps.get((link["nip"], link["year"]))
        rhks, ordinal = self._rhks_of_skp(skp), link["rhk"]
        if not isinstance(ordinal, int) or not 1 <= ordinal <= len(rhks):
            self.unlinked_entries += count
            return None
        return rhks[ordinal - 1]

    def _entry_rencana(self, link: Content | None) -> int | None:
        """The rencana aksi an entry worked on; None when this database lacks it.

        A package of the earlier format has no link: the entry is written without one.
        """
        if not isinstance(link, Mapping):
            return None
        rhk_id = self._entry_rhk(link, count=False)
        if rhk_id is None:
            return None
        if rhk_id not in self._rencana_of:
            self._rencana_of[rhk_id] = repo.ids_by(
                self.session, "rencana_aksi", "rhk_id", rhk_id, "period_code"
            )
        return self._rencana_of[rhk_id].get(link.get("period_code"))


def _rencana_rows(rhk_id: int, rhk: Content) -> list[dict[str, Any]]:
    """An RHK's rencana aksi rows (none in a package of the earlier format)."""
    return [_values("rencana_aksi", item, rhk_id=rhk_id) for item in rhk.get(RENCANA_AKSI, [])]


def _iki_children(iki_id: int, iki: Content) -> dict[str, list[dict[str, Any]]]:
    """An indicator's rows by table: realisations, evidence, period targets and its scale.

    A package of the earlier format has no period targets or scale: none are written.
    """
    targets = [
        _values("period_targets", item, iki_id=iki_id) for item in iki.get(PERIOD_TARGETS, [])
    ]
    scale = iki.get(TARGET_SCALE)
    scales = [] if scale is None else [{"iki_id": iki_id, "scale": scale}]
    found = {
        table: [_values(table, item, iki_id=iki_id) for item in iki[table]]
        for table in ("realisations", "evidence")
    }
    return found | {"period_targets": targets, "target_scales": scales}
