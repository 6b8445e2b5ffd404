"""Progres Harian: a person's daily entries, their review, and a month's completeness.

Who may do what: the person writes their own entries, and so may anyone who may change their
records (penilai, kepala unit, admin: the office often types for staff without a computer);
the penilai, a kepala unit above the person or the admin (``Action.SIGN``) approves or returns
submitted entries, never their own. Every action is one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import plans as plans_repo
from kinerja_desktop.data.repositories import progress as repo
from kinerja_desktop.data.repositories import skp as skp_repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.domain.access import AccessDeniedError, Action
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import NotFoundError, ValidationError
from kinerja_desktop.domain.hierarchy import subtree
from kinerja_desktop.domain.progress import (
    CheckedEntry,
    Completeness,
    EntryInput,
    EvidenceFile,
    ProgressEntry,
    ProgressStatus,
    check_entry,
    check_return_note,
    completeness,
    format_time,
    not_editable_message,
    not_reviewable_message,
)
from kinerja_desktop.domain.progress_realisation import RealisationDraft
from kinerja_desktop.domain.skp_records import RhkOption
from kinerja_desktop.domain.working_days import DayOff, month_span, week_span
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.platform.evidence import open_evidence_store
from kinerja_desktop.services.platform.evidence_store import IncomingFile
from kinerja_desktop.services.progress.calendar import HolidayLookup, calendar_between
from kinerja_desktop.services.progress.ekinerja_export import ProgressEkinerjaExport
from kinerja_desktop.services.progress.holidays_id import national_holidays
from kinerja_desktop.services.progress.office_month import (
    BELOW_PERCENT,
    OfficeMonth,
    office_month_in,
)
from kinerja_desktop.services.progress.realisation import draft_in
from kinerja_desktop.services.skp.plans import PlanService, RencanaAksiOption

_GONE = "Progres harian tidak ditemukan; mungkin sudah dihapus."


@dataclass(frozen=True)
class DayView:
    """One day of a week: why it is off (None on a working day) and its entries."""

    day: date
    day_off: DayOff | None
    entries: tuple[ProgressEntry, ...]


@dataclass(frozen=True)
class WeekView:
    """A person's week, Monday to Sunday, with what the account may do there.

    Attributes:
        rhks: The RHK of the person's SKP of the week's year, for the entry form.
        may_write: Whether the account may add, change, delete and submit entries.
        may_review: Whether the account may approve or return submitted entries.
    """

    employee_id: int
    employee_name: str
    start: date
    end: date
    days: tuple[DayView, ...]
    rhks: tuple[RhkOption, ...]
    may_write: bool
    may_review: bool


@dataclass(frozen=True)
class PersonCompleteness:
    """One person's row of a unit's month."""

    employee_id: int
    name: str
    nip: str
    completeness: Completeness


@dataclass(frozen=True)
class UnitCompleteness:
    """The month of a unit and the units below it, person by person (by name)."""

    unit_id: int
    unit_name: str
    year: int
    month: int
    counted_until: date
    people: tuple[PersonCompleteness, ...]


class ProgressService:
    """Writes, reviews and reads the daily progress log."""

    def __init__(
        self,
        database: Database,
        evidence_dir: Path,
        access: AccessGuard,
        *,
        holidays: HolidayLookup = national_holidays,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self._db = database
        self._access = access
        self._holidays = holidays
        self._now = now
        self.evidence_store = open_evidence_store(database, evidence_dir)
        #: The person's or unit's progress as an XLSX in e-Kinerja's form order (reads only).
        self.ekinerja = ProgressEkinerjaExport(database, access)

    # --- writing ---------------------------------------------------------------------------

    def add(
        self, employee_id: int, entry: EntryInput, evidence_file: Path | None = None
    ) -> ProgressEntry:
        """Add a draft entry.

        Raises:
            ValidationErrors: one message per field that is not acceptable (``rhk`` also when
                the RHK is not on the person's SKP of that year).
            ValidationError: the evidence file is missing, empty or too large (field ``file``).
            AccessDeniedError, NotFoundError, DomainError (the file cannot be copied).
        """
        checked = check_entry(entry, today=self._access.today())
        # The file is read before the transaction: on a server the work may run twice.
        incoming = self._take(evidence_file)

        def work(session: Session) -> ProgressEntry:
            self._require_writer(session, employee_id)
            self._require_rhk(session, employee_id, checked)
            new_id = repo.add(session, employee_id, checked, self._stored(session, incoming))
            return self._read(session, new_id)

        return self._db.run(work)

    def update(
        self,
        entry_id: int,
        entry: EntryInput,
        evidence_file: Path | None = None,
        *,
        remove_file: bool = False,
    ) -> ProgressEntry:
        """Correct a draft or returned entry; its file stays unless replaced or removed.

        Raises:
            The same as ``add``; DomainError when the entry is submitted or approved.
        """
        checked = check_entry(entry, today=self._access.today())
        incoming = self._take(evidence_file)

        def work(session: Session) -> ProgressEntry:
            current = self._editable(session, entry_id)
            self._require_rhk(session, current.employee_id, checked)
            evidence = None if remove_file else current.evidence
            evidence = self._stored(session, incoming) or evidence
            repo.replace_content(session, entry_id, checked, evidence)
            return self._read(session, entry_id)

        return self._db.run(work)

    def delete(self, entry_id: int) -> None:
        """Delete a draft or returned entry (a copied file stays: a backup may need it)."""

        def work(session: Session) -> None:
            self._editable(session, entry_id)
            repo.delete_entry(session, entry_id)

        self._db.run(work)

    def submit(self, entry_ids: Collection[int]) -> list[ProgressEntry]:
        """Submit drafts and corrected entries to the penilai (diajukan), all or none.

        Raises:
            DomainError: one of them is already submitted or approved (named by day and time).
        """

        def work(session: Session) -> list[ProgressEntry]:
            for entry_id in entry_ids:
                self._editable(session, entry_id)
            repo.set_status(session, entry_ids, ProgressStatus.DIAJUKAN)
            return [self._read(session, entry_id) for entry_id in entry_ids]

        return self._db.run(work)

    def approve(self, entry_ids: Collection[int]) -> list[ProgressEntry]:
        """The penilai approves submitted entries (disetujui; read-only from now on)."""
        return self._review(entry_ids, ProgressStatus.DISETUJUI, None)

    def return_entries(self, entry_ids: Collection[int], note: str) -> list[ProgressEntry]:
        """The penilai returns submitted entries with a note saying what to correct.

        Raises:
            ValidationError: the note is empty or too long (field ``note``).
        """
        return self._review(entry_ids, ProgressStatus.DIKEMBALIKAN, check_return_note(note))

    def copy_day(
        self, employee_id: int, to_day: date, from_day: date | None = None
    ) -> list[ProgressEntry]:
        """Copy a day's entries to ``to_day`` as drafts, without their evidence.

        Args:
            employee_id: Whose entries.
            to_day: The day to fill.
            from_day: The day to copy; None takes the last day before ``to_day`` with entries
                ("copy yesterday", over a weekend or a leave).

        Raises:
            NotFoundError: there is nothing to copy.
            ValidationErrors: ``to_day`` is in the future, or a copied entry's RHK is gone.
        """

        def work(session: Session) -> list[ProgressEntry]:
            self._require_writer(session, employee_id)
            source = from_day or repo.latest_day_before(session, employee_id, to_day)
            found = repo.entries(session, employee_id, source, source) if source else []
            if source is None or not found:
                raise NotFoundError(
                    f"Tidak ada progres harian sebelum {format_date_id(to_day)} untuk disalin."
                    if from_day is None
                    else f"Tidak ada progres harian pada {format_date_id(from_day)} untuk disalin."
                )
            new_ids = []
            for entry in found:
                checked = check_entry(_copied(entry, to_day), today=self._access.today())
                self._require_rhk(session, employee_id, checked)
                new_ids.append(repo.add(session, employee_id, checked))
            return [self._read(session, new_id) for new_id in new_ids]

        return self._db.run(work)

    # --- reading ---------------------------------------------------------------------------

    def get(self, entry_id: int) -> ProgressEntry:
        with self._db.reading() as session:
            return self._read(session, entry_id)

    def week(self, employee_id: int, day: date) -> WeekView:
        """The week (Monday to Sunday) holding ``day``."""
        start, end = week_span(day)
        with self._db.reading() as session:
            person = staff_repo.find_employee(session, employee_id)
            if person is None:
                raise NotFoundError("Pegawai tidak ditemukan; pilih pegawai dari daftar.")
            self._access.require_person(session, employee_id, Action.VIEW)
            calendar = calendar_between(session, start, end, self._holidays)
            leave = repo.leave_days(session, employee_id, start, end)
            entries = repo.entries(session, employee_id, start, end)
            days = tuple(
                DayView(
                    start + timedelta(days=n),
                    calendar.day_off(start + timedelta(days=n), leave),
                    tuple(e for e in entries if e.day == start + timedelta(days=n)),
                )
                for n in range(7)
            )
            return WeekView(
                employee_id=employee_id,
                employee_name=person.full_name,
                start=start,
                end=end,
                days=days,
                rhks=tuple(self._rhk_options(session, employee_id, day.year)),
                may_write=self._may_write(session, employee_id),
                may_review=self._may_review(session, employee_id),
            )

    def rhk_choices(self, employee_id: int, year: int) -> list[RhkOption]:
        """The RHK of the person's SKP of ``year`` (empty without an SKP)."""
        with self._db.reading() as session:
            self._access.require_person(session, employee_id, Action.VIEW)
            return self._rhk_options(session, employee_id, year)

    def month_completeness(self, employee_id: int, year: int, month: int) -> Completeness:
        """A person's month up to today against their working days."""
        start, end = self._counted_span(year, month)
        with self._db.reading() as session:
            self._access.require_person(session, employee_id, Action.VIEW)
            calendar = calendar_between(session, start, end, self._holidays)
            leave = repo.leave_days(session, employee_id, start, end)
            statuses: dict[date, set[ProgressStatus]] = {}
            for entry in repo.entries(session, employee_id, start, end):
                statuses.setdefault(entry.day, set()).add(entry.status)
            return completeness(
                employee_id, calendar.working_days(start, end, leave.keys()), statuses
            )

    def unit_completeness(self, unit_id: int, year: int, month: int) -> UnitCompleteness:
        """The month of everyone active in the unit and below it whom the account may see.

        A fixed number of queries whatever the unit's size.

        Raises:
            NotFoundError: the unit does not exist.
        """
        start, end = self._counted_span(year, month)
        with self._db.reading() as session:
            units = staff_repo.all_units(session)
            unit = next((found for found in units if found.id == unit_id), None)
            if unit is None:
                raise NotFoundError("Unit tidak ditemukan.")
            unit_ids = subtree(((found.id, found.parent_id) for found in units), unit.id)
            people = self._access.keep(
                session, repo.people_in_units(session, unit_ids), lambda person: person.id
            )
            calendar = calendar_between(session, start, end, self._holidays)
            statuses = repo.statuses_in_units(session, unit_ids, start, end)
            leave = repo.leave_in_units(session, unit_ids, start, end)
        # The office's working days once; a person's leave only takes days away from them.
        office_days = calendar.working_days(start, end)
        rows = tuple(
            PersonCompleteness(
                person.id,
                person.name,
                person.nip,
                completeness(
                    person.id,
                    [day for day in office_days if day not in leave[person.id]]
                    if person.id in leave
                    else office_days,
                    statuses.get(person.id, {}),
                ),
            )
            for person in people
        )
        return UnitCompleteness(unit.id, unit.name, year, month, end, rows)

    def realisation_draft(self, skp_id: int, period_code: str) -> RealisationDraft:
        """Propose a period's realisation from the approved entries, per indicator (read-only).

        Nothing is saved: the penilai reviews it and applies what they choose through
        ``EvaluationService.record_realisations``.

        Args:
            skp_id: The SKP.
            period_code: The period ("TW1", "AKHIR", ...); its days alone are summed.

        Raises:
            NotFoundError, ValidationError (an unknown period), AccessDeniedError.
        """
        with self._db.reading() as session:
            return draft_in(session, self._access, skp_id, period_code)

    def office_month(self, threshold: int | None = None) -> OfficeMonth:
        """Beranda's chart: this month up to today per unit, of the people who keep a log.

        Args:
            threshold: People below this percentage are named (default ``BELOW_PERCENT``).
        """
        today = self._access.today()
        start, end = self._counted_span(today.year, today.month)
        with self._db.reading() as session:
            return office_month_in(
                session,
                self._access,
                start,
                end,
                self._holidays,
                threshold=BELOW_PERCENT if threshold is None else threshold,
            )

    def evidence_path(self, entry_id: int) -> Path:
        """The stored copy of an entry's file, after checking it is intact.

        Raises:
            NotFoundError: the entry has no file.
            DomainError: the copy is missing or changed.
        """
        entry = self.get(entry_id)
        if entry.evidence is None:
            raise NotFoundError("Progres harian ini tidak punya berkas bukti dukung.")
        evidence = entry.evidence
        return self.evidence_store.open(evidence.stored_name, evidence.file_name, evidence.sha256)

    # --- steps -----------------------------------------------------------------------------

    def _counted_span(self, year: int, month: int) -> tuple[date, date]:
        """The month, or its days up to today while it runs (later days are not due yet)."""
        start, end = month_span(year, month)
        return start, max(start - timedelta(days=1), min(end, self._access.today()))

    def _review(
        self, entry_ids: Collection[int], status: ProgressStatus, note: str | None
    ) -> list[ProgressEntry]:
        def work(session: Session) -> list[ProgressEntry]:
            for entry_id in entry_ids:
                entry = self._read(session, entry_id)
                self._require_reviewer(session, entry.employee_id)
                if not entry.status.reviewable:
                    raise ValidationError(
                        f"{_where(entry)}: {not_reviewable_message(entry.status)}"
                    )
            repo.set_status(
                session,
                entry_ids,
                status,
                note=note,
                reviewed_by=self._access.principal.user_name,
                reviewed_at=self._now(),
            )
            return [self._read(session, entry_id) for entry_id in entry_ids]

        return self._db.run(work)

    def _take(self, file: Path | None) -> IncomingFile | None:
        return None if file is None else self.evidence_store.take(file)

    def _stored(self, session: Session, incoming: IncomingFile | None) -> EvidenceFile | None:
        if incoming is None:
            return None
        copy = self.evidence_store.add(session, incoming)
        return EvidenceFile(copy.stored_name, copy.sha256, copy.file_name)

    def _read(self, session: Session, entry_id: int) -> ProgressEntry:
        entry = repo.get(session, entry_id)
        if entry is None:
            raise NotFoundError(_GONE)
        self._access.require_person(session, entry.employee_id, Action.VIEW)
        return entry

    def _editable(self, session: Session, entry_id: int) -> ProgressEntry:
        entry = self._read(session, entry_id)
        self._require_writer(session, entry.employee_id)
        if not entry.status.editable:
            raise ValidationError(f"{_where(entry)}: {not_editable_message(entry.status)}")
        return entry

    def _is_self(self, employee_id: int) -> bool:
        return self._access.principal.employee_id == employee_id

    def _may_write(self, session: Session, employee_id: int) -> bool:
        return self._is_self(employee_id) or self._access.allows(session, employee_id, Action.EDIT)

    def _may_review(self, session: Session, employee_id: int) -> bool:
        return not self._is_self(employee_id) and self._access.allows(
            session, employee_id, Action.SIGN
        )

    def _require_writer(self, session: Session, employee_id: int) -> None:
        if staff_repo.find_employee(session, employee_id) is None:
            raise NotFoundError("Pegawai tidak ditemukan; pilih pegawai dari daftar.")
        if not self._is_self(employee_id):
            self._access.require_person(session, employee_id, Action.EDIT)

    def _require_reviewer(self, session: Session, employee_id: int) -> None:
        if self._may_review(session, employee_id):
            return
        if self._is_self(employee_id):
            raise AccessDeniedError(
                "Progres harian Anda sendiri dinilai oleh penilai Anda, bukan oleh Anda."
            )
        person = staff_repo.find_employee(session, employee_id)
        name = person.name if person else "pegawai ini"
        raise AccessDeniedError(
            f"Akun Anda tidak berwenang menilai progres harian {name}: hanya penilainya, "
            "kepala unit, atau admin yang dapat menyetujui atau mengembalikannya."
        )

    def _rhk_options(self, session: Session, employee_id: int, year: int) -> list[RhkOption]:
        skp = skp_repo.skp_for(session, employee_id, year)
        return skp_repo.rhk_options(session, skp.id) if skp is not None else []

    def _require_rhk(self, session: Session, employee_id: int, entry: CheckedEntry) -> None:
        """The RHK must be on the person's SKP of the entry's year, the rencana aksi its own."""
        if not repo.rhk_is_on_skp(session, entry.rhk_id, employee_id, entry.day.year):
            raise ValidationError(
                f"RHK yang dipilih tidak ada pada SKP {entry.day.year} pegawai ini; pilih RHK "
                "dari daftar (SKP tahun itu perlu dibuat dulu bila belum ada).",
                field="rhk",
            )
        if entry.rencana_aksi_id is not None and not plans_repo.rencana_aksi_of_rhk(
            session, entry.rencana_aksi_id, entry.rhk_id
        ):
            raise ValidationError(
                "Rencana aksi yang dipilih bukan milik RHK ini; pilih lagi dari daftar.",
                field="rhk",
            )

    def rencana_aksi_options(self, employee_id: int, day: date) -> tuple[RencanaAksiOption, ...]:
        """The rencana aksi of the period running on ``day`` (issue 17; empty: use the RHK)."""
        return PlanService(self._db, self._access).running_rencana_aksi(employee_id, day)


def _where(entry: ProgressEntry) -> str:
    """Names an entry in a message: "Progres 17 Maret 2026 pukul 08.00"."""
    return f"Progres {format_date_id(entry.day)} pukul {format_time(entry.start)}"


def _copied(entry: ProgressEntry, day: date) -> EntryInput:
    return EntryInput(
        rhk_id=entry.rhk_id,
        day=day,
        start=format_time(entry.start),
        end=format_time(entry.end),
        activity=entry.activity,
        realisation=str(entry.realisation),
        unit=entry.unit,
        data_source=entry.data_source,
    )
