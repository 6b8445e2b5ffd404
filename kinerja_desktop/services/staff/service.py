"""The staff register: people, units, who appraises whom, acting officials, appraisal years."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial

from sqlalchemy.orm import Session

from kinerja_desktop.data import models
from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import officials as officials_repo
from kinerja_desktop.data.repositories import staff as repo
from kinerja_desktop.data.repositories.staff import (
    AppraisalYear,
    SortKey,
    StaffFilter,
    StaffListRow,
)
from kinerja_desktop.domain.access import AccessDeniedError, Action, Capability
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import (
    NotFoundError,
    StaleEditError,
    ValidationError,
    ValidationErrors,
)
from kinerja_desktop.domain.golongan import Golongan, parse_golongan
from kinerja_desktop.domain.hierarchy import subtree, supervisor_cycle
from kinerja_desktop.domain.officials import ExternalOfficial
from kinerja_desktop.domain.periods import (
    EvaluationScheme,
    Period,
    periods_for_span,
    periods_for_year,
)
from kinerja_desktop.domain.staff import (
    ActingAssignment,
    ActingKind,
    Employee,
    EmployeeId,
    EmploymentEvent,
    EmploymentEventKind,
    StaffFields,
    Unit,
    UnitId,
    UnitKind,
    validate_staff_fields,
)
from kinerja_desktop.domain.text import checked_text, clean_text
from kinerja_desktop.services.accounts.access_guard import AccessGuard

__all__ = ["SortKey", "StaffFilter", "StaffListRow", "StaffService"]


@dataclass(frozen=True)
class StaffInput:
    """What the employee form submits: identity fields plus placement."""

    fields: StaffFields
    unit_id: int | None
    penilai_id: int | None
    #: For a new record, the day the person joined (None: already serving, no date recorded);
    #: for an edit that changes the unit, the day of the move (today when not given).
    effective_date: date | None = None
    #: The Pejabat Penilai when outside the register (then ``penilai_id`` is None).
    penilai_official_id: int | None = None
    #: The Atasan Pejabat Penilai chosen outside the register; None: the penilai's penilai.
    atasan_official_id: int | None = None


@dataclass(frozen=True)
class Appraisers:
    """Who appraises a person on a given day, with acting officials applied.

    Each role is held by a person of the register or by an official outside it, never both.
    """

    penilai: Employee | None
    atasan_penilai: Employee | None
    acting: ActingAssignment | None = None  # set when the penilai is a Plt/Plh that day
    penilai_official: ExternalOfficial | None = None
    atasan_official: ExternalOfficial | None = None


@dataclass(frozen=True)
class EmployeeProfile:
    """A person's summary: identity, placement, appraisers, periods this year, history."""

    employee: Employee
    golongan: Golongan
    unit_name: str
    appraisers: Appraisers
    periods: tuple[Period, ...]
    history: tuple[EmploymentEvent, ...]


@dataclass(frozen=True)
class InstansiOverview:
    """An instansi at a glance: its staff and where the appraisal year stands."""

    name: str
    active_staff: int
    year: int
    scheme: EvaluationScheme
    scheme_set: bool
    current_period: Period | None


@dataclass(frozen=True)
class TreeNode:
    """A node of the supervisor tree: a person and the people they appraise."""

    employee: Employee
    children: tuple[TreeNode, ...]


def _cycle_message(names: Sequence[str]) -> str:
    return "Rantai penilai berputar: " + " → ".join(names) + ". Pilih Pejabat Penilai lain."


class StaffService:
    def __init__(self, database: Database, access: AccessGuard) -> None:
        self._db = database
        self._access = access

    # --- reading ---------------------------------------------------------------------------

    def units(self) -> list[Unit]:
        """The unit tree; a restricted account gets its units, its people's, and those above."""
        with self._db.reading() as session:
            units = repo.all_units(session)
            if not self._access.restricted:
                return units
            facts = self._access.facts(session)
            keep = set(self._access.units(session) or ())
            keep |= {
                facts.unit_of[p] for p in self._access.visible(session) or () if p in facts.unit_of
            }
        parent = {unit.id: unit.parent_id for unit in units}
        for unit_id in list(keep):
            above = parent.get(UnitId(unit_id))
            while above is not None and above not in keep:
                keep.add(above)
                above = parent.get(above)
        return [unit for unit in units if unit.id in keep]

    def unit_with_descendants(self, unit_id: int) -> frozenset[int]:
        return subtree(((unit.id, unit.parent_id) for unit in self.units()), unit_id)

    def find_ids(self, staff_filter: StaffFilter) -> list[EmployeeId]:
        """Return the ids of the people the list shows, filtered and sorted in SQL."""
        with self._db.reading() as session:
            found = repo.filtered_ids(session, staff_filter)
            visible = self._access.visible(session)
        return found if visible is None else [i for i in found if i in visible]

    def list_rows(self, ids: Sequence[int]) -> list[StaffListRow]:
        with self._db.reading() as session:
            visible = self._access.visible(session)
            if visible is not None:
                ids = [i for i in ids if i in visible]
            return repo.list_rows(session, ids)

    def count(self, *, active_only: bool = True) -> int:
        with self._db.reading() as session:
            return repo.count_employees(session, active_only=active_only)

    def get(self, employee_id: int) -> Employee:
        with self._db.reading() as session:
            found = repo.find_employee(session, employee_id)
            if found is None:
                raise NotFoundError("Pegawai tidak ditemukan; mungkin sudah dihapus.")
            self._access.require_person(session, found.id, Action.VIEW)
            return found

    def find_by_nip(self, nip: str) -> Employee | None:
        """The person with this NIP, or None (also when the account may not see them)."""
        with self._db.reading() as session:
            found = repo.employee_by_nip(session, nip)
            if found is None or not self._access.allows(session, found.id, Action.VIEW):
                return None
            return found

    def search_people(self, text: str, limit: int = 20) -> list[Employee]:
        """Active people matching ``text`` (name, NIP, jabatan, unit), for pickers."""
        with self._db.reading() as session:
            if not self._access.restricted:
                return repo.search_people(session, text, limit)
            # Ask for more and keep the visible ones: a penilai's few people are still found.
            found = repo.search_people(session, text, max(limit * 50, 1000))
            return self._access.keep(session, found, lambda person: person.id)[:limit]

    def history(self, employee_id: int) -> list[EmploymentEvent]:
        with self._db.reading() as session:
            self._access.require_person(session, employee_id, Action.VIEW)
            return repo.events_of(session, employee_id)

    def appraisers(self, employee_id: int, on: date) -> Appraisers:
        """Return the penilai and atasan penilai of a person on ``on``.

        A Plt/Plh covering that day stands in for the supervisor they replace, at both levels.
        """
        with self._db.reading() as session:
            row = _existing_row(session, employee_id)
            self._access.require_person(session, row.id, Action.VIEW)
            return appraisers_in(session, row, on)

    def profile(self, employee_id: int, today: date) -> EmployeeProfile:
        """Return everything a person's summary shows, read in one transaction."""
        with self._db.reading() as session:
            employee = _existing_row(session, employee_id)
            self._access.require_person(session, employee.id, Action.VIEW)
            unit = repo.find_unit(session, employee.unit_id)
            return EmployeeProfile(
                employee=employee,
                golongan=parse_golongan(employee.golongan, employee.status),
                unit_name=unit.name if unit else "",
                appraisers=appraisers_in(session, employee, today),
                periods=tuple(periods_for_row(session, employee, today.year)),
                history=tuple(repo.events_of(session, employee_id)),
            )

    def supervisor_tree(self, unit_ids: frozenset[int] | None = None) -> list[TreeNode]:
        """Return the active staff as a forest: roots are people with no penilai in the set."""
        with self._db.reading() as session:
            people = self._access.keep(
                session, repo.all_employees(session, active_only=True), lambda person: person.id
            )
        if unit_ids is not None:
            people = [person for person in people if person.unit_id in unit_ids]
        present = {person.id for person in people}
        children: dict[int | None, list[Employee]] = {}
        for person in people:
            parent = person.penilai_id if person.penilai_id in present else None
            children.setdefault(parent, []).append(person)

        def build(person: Employee, depth: int) -> TreeNode:
            below = children.get(person.id, []) if depth < 50 else []
            return TreeNode(person, tuple(build(child, depth + 1) for child in below))

        return [build(root, 0) for root in children.get(None, [])]

    def acting_assignments(self) -> list[ActingAssignment]:
        """Every Plt/Plh; a restricted account gets those whose two people it may see."""
        with self._db.reading() as session:
            return [
                assignment
                for assignment in repo.acting_assignments(session)
                if self._access.allows(session, assignment.acting_employee_id, Action.VIEW)
                and self._access.allows(session, assignment.for_employee_id, Action.VIEW)
            ]

    def appraisal_years(self) -> list[AppraisalYear]:
        with self._db.reading() as session:
            return repo.appraisal_years(session)

    def instansi_of(self, unit_id: int) -> Unit:
        with self._db.reading() as session:
            root = repo.find_unit(session, repo.root_unit_id(session, unit_id))
            if root is None:
                raise NotFoundError("Unit tidak ditemukan.")
            return root

    def subordinates(self, employee_id: int) -> list[Employee]:
        """Active people whose Pejabat Penilai is ``employee_id``."""
        with self._db.reading() as session:
            found = repo.subordinates_of(session, employee_id)
            return self._access.keep(session, found, lambda person: person.id)

    def scheme_for(self, unit_id: int, year: int) -> EvaluationScheme:
        """The evaluation scheme of the unit's instansi that year (triwulan unless set)."""
        with self._db.reading() as session:
            return evaluation_scheme(session, unit_id, year)

    def overview(self, today: date) -> list[InstansiOverview]:
        """Return each instansi with its active staff and the period running on ``today``.

        A restricted account counts the people it may see, in the instansi where it sees any.
        """
        with self._db.reading() as session:
            units = repo.all_units(session)
            visible = self._access.visible(session)
            counts = repo.active_count_by_unit(session, visible)
            years = {
                found.instansi_id: found.scheme
                for found in repo.appraisal_years(session)
                if found.year == today.year
            }
        parent = {unit.id: unit.parent_id for unit in units}

        def root_of(unit_id: int) -> int:
            while (above := parent[UnitId(unit_id)]) is not None:
                unit_id = above
            return unit_id

        staff: dict[int, int] = {}
        for unit_id, count in counts.items():
            staff[root_of(unit_id)] = staff.get(root_of(unit_id), 0) + count
        result = []
        for unit in units:
            if unit.parent_id is not None or (visible is not None and not staff.get(unit.id)):
                continue
            scheme = years.get(unit.id, EvaluationScheme.TRIWULAN)
            running = [
                period
                for period in periods_for_year(today.year, scheme)
                if not period.is_final and period.contains(today)
            ]
            result.append(
                InstansiOverview(
                    name=unit.name,
                    active_staff=staff.get(unit.id, 0),
                    year=today.year,
                    scheme=scheme,
                    scheme_set=unit.id in years,
                    current_period=running[0] if running else None,
                )
            )
        return result

    def periods_for(self, employee_id: int, year: int) -> list[Period]:
        """Return the evaluation periods a person has in ``year``.

        They are partial when the person joined, moved or left that year; the annual (AKHIR)
        period spans their time in the unit.
        """
        with self._db.reading() as session:
            self._access.require_person(session, employee_id, Action.VIEW)
            return periods_for_row(session, _existing_row(session, employee_id), year)

    # --- writing ---------------------------------------------------------------------------

    def add_unit(self, name: str, parent_id: int | None, city: str = "") -> Unit:
        clean = checked_text(name, field="name", label="Nama unit", max_length=None)

        def work(session: Session) -> Unit:
            if parent_id is None:
                self._access.require(Capability.MANAGE_OFFICE)
            else:
                self._access.require_unit(session, parent_id)
            parent = repo.find_unit(session, parent_id) if parent_id is not None else None
            if parent_id is not None and parent is None:
                raise ValidationError("Unit induk tidak ditemukan.", field="parent")
            if parent is None:
                kind = UnitKind.INSTANSI
            else:
                kind = UnitKind.UNIT if parent.kind == UnitKind.INSTANSI else UnitKind.SUB_UNIT
            siblings = [u for u in repo.all_units(session) if u.parent_id == parent_id]
            # Case-insensitive, as the importer matches unit names.
            if any(u.name.casefold() == clean.casefold() for u in siblings):
                raise ValidationError(f"Unit '{clean}' sudah ada di sana.", field="name")
            return repo.add_unit(session, clean, kind, parent_id, clean_text(city))

        return self._db.run(work)

    def create(self, data: StaffInput) -> Employee:
        """Add a person; records their joining date in the history."""
        fields = validate_staff_fields(data.fields)

        def work(session: Session) -> Employee:
            self._require_placement(session, data)
            self._check_placement(session, None, str(fields.nip), data)
            added = repo.add_employee(
                session,
                fields,
                unit_id=data.unit_id,  # type: ignore[arg-type]  # checked non-None above
                penilai_id=data.penilai_id,
                penilai_official_id=data.penilai_official_id,
                atasan_official_id=data.atasan_official_id,
            )
            if data.effective_date is not None:  # a newcomer; existing staff have no date
                repo.add_event(
                    session,
                    added.id,
                    EmploymentEventKind.MASUK,
                    data.effective_date,
                    to_unit_id=data.unit_id,
                )
            return added

        return self._db.run(work)

    def update(self, employee_id: int, version: int, data: StaffInput) -> Employee:
        """Correct a person's record; a change of unit is recorded as a mutasi.

        Raises:
            StaleEditError: the record changed since ``version`` was read.
        """
        fields = validate_staff_fields(data.fields)

        def work(session: Session) -> Employee:
            row = repo.find_employee(session, employee_id)
            if row is None:
                raise NotFoundError("Pegawai tidak ditemukan; mungkin sudah dihapus.")
            if row.version != version:
                raise StaleEditError(
                    "Data pegawai ini sudah diubah di tempat lain sejak dibuka. "
                    "Tutup formulir dan buka kembali untuk melihat data terbaru."
                )
            self._access.require_person(session, row.id, Action.EDIT)
            if data.unit_id != row.unit_id:
                self._require_placement(session, data)
            self._check_placement(session, row.id, str(fields.nip), data)
            if data.unit_id != row.unit_id:
                repo.add_event(
                    session,
                    row.id,
                    EmploymentEventKind.MUTASI,
                    data.effective_date or date.today(),
                    from_unit_id=row.unit_id,
                    to_unit_id=data.unit_id,
                )
            return repo.update_employee(
                session,
                row.id,
                fields,
                unit_id=data.unit_id,  # type: ignore[arg-type]  # checked non-None above
                penilai_id=data.penilai_id,
                penilai_official_id=data.penilai_official_id,
                atasan_official_id=data.atasan_official_id,
            )

        return self._db.run(work)

    def end_service(
        self, employee_id: int, kind: EmploymentEventKind, on: date, note: str = ""
    ) -> Employee:
        """Mark a person inactive (pensiun, berhenti, mutasi keluar); the record is kept."""
        if kind not in (
            EmploymentEventKind.PENSIUN,
            EmploymentEventKind.BERHENTI,
            EmploymentEventKind.MUTASI,
        ):
            raise ValidationError("Jenis perubahan tidak sesuai untuk menonaktifkan pegawai.")

        def work(session: Session) -> Employee:
            row = self._active_row(session, employee_id)
            self._access.require_person(session, row.id, Action.EDIT)
            _check_after_last_start(session, row.id, on)
            ended = repo.set_employee_active(session, row.id, False)
            repo.add_event(
                session, row.id, kind, on, from_unit_id=row.unit_id, note=clean_text(note)
            )
            return ended

        return self._db.run(work)

    def reactivate(self, employee_id: int, on: date, note: str = "") -> Employee:
        def work(session: Session) -> Employee:
            row = repo.find_employee(session, employee_id)
            if row is None:
                raise NotFoundError("Pegawai tidak ditemukan.")
            self._access.require_person(session, row.id, Action.EDIT)
            back = repo.set_employee_active(session, row.id, True)
            repo.add_event(
                session,
                row.id,
                EmploymentEventKind.AKTIF_KEMBALI,
                on,
                to_unit_id=row.unit_id,
                note=clean_text(note),
            )
            return back

        return self._db.run(work)

    def add_acting(
        self,
        *,
        kind: ActingKind,
        acting_employee_id: int,
        for_employee_id: int,
        start: date,
        end: date,
        note: str = "",
    ) -> ActingAssignment:
        if end < start:
            raise ValidationError(
                "Tanggal selesai tidak boleh sebelum tanggal mulai.", field="end_date"
            )
        if acting_employee_id == for_employee_id:
            raise ValidationError(
                "Pelaksana tugas tidak boleh orang yang sama dengan pejabat yang digantikan.",
                field="acting",
            )

        def work(session: Session) -> ActingAssignment:
            self._active_row(session, acting_employee_id)
            if repo.find_employee(session, for_employee_id) is None:
                raise NotFoundError("Pejabat yang digantikan tidak ditemukan.")
            self._require_acting(session, for_employee_id)
            row = models.ActingAssignmentRow(
                kind=kind.value,
                acting_employee_id=acting_employee_id,
                for_employee_id=for_employee_id,
                start_date=start,
                end_date=end,
                note=clean_text(note),
            )
            session.add(row)
            session.flush()
            return repo.to_acting(row)

        return self._db.run(work)

    def remove_acting(self, assignment_id: int) -> None:

        def work(session: Session) -> None:
            row = session.get(models.ActingAssignmentRow, assignment_id)
            if row is not None:
                self._require_acting(session, row.for_employee_id)
                session.delete(row)

        self._db.run(work)

    def set_appraisal_year(
        self, instansi_id: int, year: int, scheme: EvaluationScheme
    ) -> AppraisalYear:
        if not 2000 <= year <= 2100:
            raise ValidationError("Tahun penilaian harus antara 2000 dan 2100.", field="year")
        self._access.require(Capability.MANAGE_OFFICE)

        def work(session: Session) -> AppraisalYear:
            unit = repo.find_unit(session, instansi_id)
            if unit is None or unit.parent_id is not None:
                raise ValidationError("Skema evaluasi diatur per instansi.", field="instansi")
            return repo.set_appraisal_year(session, instansi_id, year, scheme)

        return self._db.run(work)

    # --- rules -----------------------------------------------------------------------------

    def _require_placement(self, session: Session, data: StaffInput) -> None:
        """Adding or moving someone into a unit needs that unit in the account's charge."""
        if data.unit_id is not None and repo.find_unit(session, data.unit_id) is not None:
            self._access.require_unit(session, data.unit_id)

    def _require_acting(self, session: Session, for_employee_id: int) -> None:
        """A Plt/Plh is set by whoever heads the absent official's unit (or admin)."""
        units = self._access.units(session)
        if units is None:
            return
        unit = self._access.facts(session).unit_of.get(for_employee_id)
        if unit is None or unit not in units:
            raise AccessDeniedError(
                "Plt/Plh ditetapkan oleh kepala unit pejabat yang digantikan, atau oleh admin."
            )

    @staticmethod
    def _active_row(session: Session, employee_id: int) -> Employee:
        row = repo.find_employee(session, employee_id)
        if row is None or not row.active:
            raise NotFoundError("Pegawai tidak ditemukan atau sudah tidak aktif.")
        return row

    @staticmethod
    def _check_placement(
        session: Session, employee_id: int | None, nip: str, data: StaffInput
    ) -> None:
        errors: list[ValidationError] = []
        same_nip = repo.employee_by_nip(session, nip)
        if same_nip is not None and same_nip.id != employee_id:
            errors.append(
                ValidationError(f"NIP ini sudah dipakai oleh {same_nip.name}.", field="nip")
            )
        if data.unit_id is None or repo.find_unit(session, data.unit_id) is None:
            errors.append(ValidationError("Pilih unit kerja.", field="unit"))
        if data.penilai_id is not None:
            penilai = repo.find_employee(session, data.penilai_id)
            if penilai is None:
                errors.append(ValidationError("Pejabat Penilai tidak ditemukan.", field="penilai"))
            elif employee_id is not None:
                chain = supervisor_cycle(
                    employee_id, data.penilai_id, partial(repo.penilai_of, session)
                )
                if chain:
                    names = [repo.find_employee(session, link).name for link in chain]  # type: ignore[union-attr]
                    errors.append(ValidationError(_cycle_message(names), field="penilai"))
        errors += _official_problems(session, data)
        if errors:
            raise ValidationErrors(errors)


def _official_problems(session: Session, data: StaffInput) -> list[ValidationError]:
    """The external officials chosen exist, and the penilai is of one kind only."""
    errors: list[ValidationError] = []
    if data.penilai_id is not None and data.penilai_official_id is not None:
        errors.append(
            ValidationError(
                "Pilih Pejabat Penilai dari daftar pegawai atau dari pejabat di luar kantor, "
                "tidak keduanya.",
                field="penilai",
            )
        )
    for official_id, field, label in (
        (data.penilai_official_id, "penilai", "Pejabat Penilai"),
        (data.atasan_official_id, "atasan", "Atasan Pejabat Penilai"),
    ):
        if official_id is not None and officials_repo.official(session, official_id) is None:
            errors.append(
                ValidationError(
                    f"{label} di luar kantor tidak ditemukan; mungkin sudah dihapus.", field=field
                )
            )
    return errors


# --- reads shared by several use cases (inside the caller's transaction) ---------------------


def _existing_row(session: Session, employee_id: int) -> Employee:
    row = repo.find_employee(session, employee_id)
    if row is None:
        raise NotFoundError("Pegawai tidak ditemukan; mungkin sudah dihapus.")
    return row


def evaluation_scheme(session: Session, unit_id: int, year: int) -> EvaluationScheme:
    """The scheme of the unit's instansi in ``year`` (triwulan when none was set)."""
    found = repo.appraisal_year(session, repo.root_unit_id(session, unit_id), year)
    return found.scheme if found else EvaluationScheme.TRIWULAN


def periods_for_row(session: Session, row: Employee, year: int) -> list[Period]:
    """The periods of a person in a year, inside the caller's transaction (see serving_span)."""
    span = serving_span(repo.events_of(session, row.id), year)
    if span is None:
        return []
    return periods_for_span(year, evaluation_scheme(session, row.unit_id, year), *span)


def serving_span(events: Sequence[EmploymentEvent], year: int) -> tuple[date, date] | None:
    """The days of ``year`` a person serves by their history; None when they serve none.

    The history decides the span: someone who left before the year, or joined after it, has
    none; joining, moving in or coming back during the year starts a partial span, and
    leaving ends it. A person with no history counts as serving the whole year.
    """
    first, last = date(year, 1, 1), date(year, 12, 31)
    serving = _serving_on(events, first)
    start: date | None = None
    end = last
    for event in events:
        if not first <= event.event_date <= last:
            continue
        if event.starts_period:
            start, end = event.event_date, last
        elif event.ends_period:
            end = event.event_date
            if start is None and not serving:
                return None
    if start is None:
        if not serving:
            return None
        start = first
    if end < start:
        return None
    return start, end


def _check_after_last_start(session: Session, employee_id: int, on: date) -> None:
    starts = [e.event_date for e in repo.events_of(session, employee_id) if e.starts_period]
    if starts and on < max(starts):
        raise ValidationError(
            f"Tanggal tidak boleh sebelum tanggal masuk/mutasi terakhir "
            f"({format_date_id(max(starts))}).",
            field="date",
        )


def _serving_on(events: Sequence[EmploymentEvent], day: date) -> bool:
    """Whether the history says the person was serving on ``day`` (no history: yes)."""
    before = [event for event in events if event.event_date < day]
    if not before:
        return not (events and events[0].starts_period)  # joins later, or always was here
    serving = True
    for event in before:
        if event.starts_period:
            serving = True
        elif event.ends_period:
            serving = False
    return serving


def appraisers_in(session: Session, row: Employee, on: date) -> Appraisers:
    """`StaffService.appraisers` inside the caller's transaction, for a person.

    A penilai outside the register is the person's own choice; the atasan is the one they chose
    outside the register, or else the penilai's own penilai (in the register or outside it).
    """
    acting = repo.acting_assignments(session)

    def stand_in(supervisor_id: int | None) -> tuple[int | None, ActingAssignment | None]:
        for assignment in acting:
            if assignment.for_employee_id == supervisor_id and assignment.covers(on):
                return assignment.acting_employee_id, assignment
        return supervisor_id, None

    # Whose penilai the penilai is: the person's, or the absent supervisor's when the person
    # acts for their own supervisor.
    appraised_id = row.id
    penilai_id, used = stand_in(row.penilai_id)
    if penilai_id == row.id and used is not None:
        # Acting for one's own supervisor: the absent supervisor's penilai appraises.
        absent = repo.find_employee(session, used.for_employee_id)
        appraised_id = used.for_employee_id
        penilai_id, used = stand_in(absent.penilai_id if absent else None)
    penilai = repo.find_employee(session, penilai_id) if penilai_id else None
    chosen = officials_repo.chosen_by(session, row.id)
    penilai_official = None
    if penilai is None:
        penilai_official = officials_repo.chosen_by(session, appraised_id).penilai
    atasan = None
    atasan_official = chosen.atasan
    if penilai is not None and atasan_official is None:
        # The atasan is the absent supervisor's own supervisor when a Plt stands in.
        base = repo.find_employee(session, used.for_employee_id) if used else penilai
        atasan_id, _ = stand_in(base.penilai_id if base else None)
        atasan = repo.find_employee(session, atasan_id) if atasan_id else None
        if atasan is None and base is not None:
            atasan_official = officials_repo.chosen_by(session, base.id).penilai
    return Appraisers(
        penilai=penilai,
        atasan_penilai=atasan,
        acting=used,
        penilai_official=penilai_official,
        atasan_official=atasan_official,
    )
