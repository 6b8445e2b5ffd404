"""Start an SKP from work already written: last year's SKP, a colleague's, or one shared RHK.

Every method is one transaction and saves through the rules of :class:`SkpService`: the content
is checked with ``validate_skp`` and an RHK may serve ("intervene in") only an RHK of the
person's own Pejabat Penilai that year. Copied links to a supervisor's RHK are re-pointed to
the supervisor's SKP of the target year by the RHK's exact text; when nothing matches the link
is left empty, and agreeing the SKP then asks for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import skp as repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.repositories.skp import SkpHeader
from kinerja_desktop.domain.access import Action
from kinerja_desktop.domain.errors import NotFoundError, ValidationError, ValidationErrors
from kinerja_desktop.domain.skp import (
    Pendekatan,
    RhkDraft,
    SkpDraft,
    ValidSkp,
    rhk_field,
    validate_skp,
)
from kinerja_desktop.domain.skp_records import RhkOption, RhkView, SkpView
from kinerja_desktop.domain.staff import Employee
from kinerja_desktop.domain.text import clean_text
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.skp.plan_copy import PlansCopy, copy_plans
from kinerja_desktop.services.skp.service import new_skp, parent_options
from kinerja_desktop.services.staff.service import evaluation_scheme, periods_for_row


@dataclass(frozen=True)
class AssignedRhk:
    """Someone who received the shared RHK.

    Attributes:
        employee_id: The person.
        name: Their full name, for the result list.
        skp_id: The SKP the RHK was appended to.
        created: A new draft SKP was started for them on the way.
        linked: The RHK kept its link to the supervisor's RHK (their penilai owns it).
    """

    employee_id: int
    name: str
    skp_id: int
    created: bool
    linked: bool


@dataclass(frozen=True)
class SkippedPerson:
    """Someone who did not receive the shared RHK, and why (in Indonesian)."""

    employee_id: int
    name: str
    reason: str


@dataclass(frozen=True)
class AssignResult:
    assigned: tuple[AssignedRhk, ...]
    skipped: tuple[SkippedPerson, ...]

    @property
    def summary(self) -> str:
        """One line for the status bar: "RHK ditambahkan ke SKP 3 pegawai; 1 dilewati."."""
        text = f"RHK ditambahkan ke SKP {len(self.assigned)} pegawai"
        if self.skipped:
            text += f"; {len(self.skipped)} dilewati"
        return text + "."


@dataclass(frozen=True)
class PreviousYearCopy:
    """The SKP started from last year's, and what became of last year's plans."""

    skp: SkpView
    plans: PlansCopy

    @property
    def summary(self) -> str:
        """One or two sentences for the user."""
        text = f"SKP {self.skp.year} dimulai dari isi SKP {self.skp.year - 1}."
        return f"{text} {self.plans.note}" if self.plans.note else text


def already_exists_message(name: str, year: int) -> str:
    return f"{name} sudah memiliki SKP tahun {year}. Buka SKP itu untuk melanjutkannya."


def no_previous_message(name: str, year: int) -> str:
    return (
        f"{name} belum memiliki SKP tahun {year - 1}, jadi tidak ada yang dapat disalin. "
        f"Mulailah SKP tahun {year} dari awal."
    )


def locked_target_message(name: str, year: int) -> str:
    return (
        f"SKP {name} tahun {year} sudah disepakati dan terkunci. Buka revisi (dengan alasannya) "
        "sebelum menyalin isi SKP lain ke dalamnya."
    )


class SkpCopyService:
    def __init__(self, database: Database, access: AccessGuard) -> None:
        self._db = database
        self._access = access

    # --- reading ---------------------------------------------------------------------------

    def colleagues_with_same_jabatan(self, employee_id: int, year: int) -> list[Employee]:
        """Active people with the same jabatan (ignoring case) who have an SKP in ``year``.

        The person themselves is not listed; the list is sorted by name.
        """
        with self._db.reading() as session:
            employee = _employee(session, employee_id)
            self._access.require_person(session, employee.id, Action.VIEW)
            wanted = _jabatan_key(employee.jabatan)
            people = [
                colleague
                for colleague in repo.active_people_with_skp(session, year)
                if colleague.id != employee_id and _jabatan_key(colleague.jabatan) == wanted
            ]
            # Only colleagues whose SKP the account may read can be copied from.
            people = self._access.keep(session, people, lambda person: person.id)
        return sorted(people, key=lambda person: (person.name.casefold(), person.id))

    # --- writing ---------------------------------------------------------------------------

    def start_from_previous_year(self, employee_id: int, year: int) -> PreviousYearCopy:
        """Start a draft SKP for ``year`` with the content of the person's SKP of last year.

        The latest content of last year's SKP is copied (RHK with their indicators, lampiran,
        leader expectations, pendekatan). Links to the supervisor's RHK are re-pointed to the
        penilai's SKP of ``year`` by the RHK text, or left empty when nothing matches. Its
        rencana aksi, period targets and target scales come along when ``year`` is evaluated
        on the same scheme (:func:`~.plan_copy.copy_plans`); the result says what became of
        them.

        Raises:
            ValidationError: the person has no SKP last year, already has one for ``year``, or
                does not serve in ``year``.
        """

        def work(session: Session) -> PreviousYearCopy:
            employee = _employee(session, employee_id)
            self._access.require_person(session, employee.id, Action.EDIT)
            if repo.skp_for(session, employee_id, year) is not None:
                raise ValidationError(already_exists_message(employee.name, year))
            previous = repo.skp_for(session, employee_id, year - 1)
            if previous is None:
                raise ValidationError(no_previous_message(employee.name, year))
            source = repo.load(session, previous.id)
            options = parent_options(session, employee.id, year)
            row = new_skp(session, employee, year, source.pendekatan)
            repo.store_content(session, row.id, _copied_content(source, options))
            session.flush()
            started = repo.load(session, row.id)
            plans = copy_plans(
                session,
                source,
                started,
                schemes=(
                    evaluation_scheme(session, employee.unit_id, year - 1),
                    evaluation_scheme(session, employee.unit_id, year),
                ),
                periods=[p for p in periods_for_row(session, employee, year) if not p.is_final],
            )
            return PreviousYearCopy(started, plans)

        return self._db.run(work)

    def copy_from_colleague(
        self, source_employee_id: int, target_employee_id: int, year: int
    ) -> SkpView:
        """Copy a colleague's SKP of ``year`` into the target's SKP of the same year.

        A draft is started when the target has none; an existing draft's content is replaced
        (the caller asks the user first). Links to the supervisor's RHK are kept when both
        share the penilai, else re-pointed by text to the target's penilai's RHK.

        Raises:
            ValidationError: the target's SKP is agreed (locked), the colleague has no SKP that
                year, the target's draft already holds realisation data, or source and target
                are the same person.
        """
        if source_employee_id == target_employee_id:
            raise ValidationError("Pilih rekan kerja lain sebagai sumber salinan SKP.")

        def work(session: Session) -> SkpView:
            source_employee = _employee(session, source_employee_id)
            target = _employee(session, target_employee_id)
            self._access.require_person(session, source_employee.id, Action.VIEW)
            self._access.require_person(session, target.id, Action.EDIT)
            source_skp = repo.skp_for(session, source_employee_id, year)
            if source_skp is None:
                raise ValidationError(
                    f"{source_employee.name} belum memiliki SKP tahun {year} untuk disalin."
                )
            source = repo.load(session, source_skp.id)
            row = repo.skp_for(session, target_employee_id, year)
            if row is None:
                row = new_skp(session, target, year, source.pendekatan)
            else:
                if row.locked:
                    raise ValidationError(locked_target_message(target.name, year))
                _check_replaceable(session, row, target.name)
                # Moves the version: open editors go stale.
                repo.touch(session, row.id, datetime.now())
            content = _copied_content(source, parent_options(session, target.id, year))
            repo.store_content(session, row.id, content)
            session.flush()
            return repo.load(session, row.id)

        return self._db.run(work)

    def assign_rhk(
        self,
        rhk: RhkDraft,
        employee_ids: Sequence[int],
        year: int,
        *,
        pendekatan: Pendekatan = Pendekatan.KUANTITATIF,
    ) -> AssignResult:
        """Append one RHK with its indicators to the SKP of several people at once.

        Each person's draft SKP of ``year`` gets the RHK at the end (a draft is started when
        they have none, with ``pendekatan``). A person whose SKP is agreed, who is not active,
        who already has an RHK with this text, or whose SKP the RHK does not fit (a
        quantitative SKP needs numeric targets) is skipped with the reason. The link to the
        supervisor's RHK (``rhk.parent_rhk_id``) is kept only for people whose penilai owns
        that RHK. Everything happens in one transaction.

        Raises:
            ValidationErrors: a value of the RHK itself is wrong (nothing saved); cells are
                named as in a one-RHK editor (``rhk[0].iki[1].target``).
            ValidationError: the RHK has no text, or no one was chosen.
        """
        shared = _shared_rhk(rhk)
        wanted = list(dict.fromkeys(employee_ids))
        if not wanted:
            raise ValidationError("Pilih paling sedikit satu pegawai yang menerima RHK ini.")

        def work(session: Session) -> AssignResult:
            # The lists are the work's own: a second run starts them empty.
            assigned: list[AssignedRhk] = []
            skipped: list[SkippedPerson] = []
            for employee_id in wanted:
                self._access.require_person(session, employee_id, Action.EDIT)
            for employee_id in wanted:
                outcome = _assign_one(session, shared, employee_id, year, pendekatan)
                if isinstance(outcome, AssignedRhk):
                    assigned.append(outcome)
                else:
                    skipped.append(outcome)
            return AssignResult(tuple(assigned), tuple(skipped))

        return self._db.run(work)


# --- rules inside a transaction -----------------------------------------------------------------


def _employee(session: Session, employee_id: int) -> Employee:
    row = staff_repo.find_employee(session, employee_id)
    if row is None:
        raise NotFoundError("Pegawai tidak ditemukan; mungkin sudah dihapus.")
    return row


def _jabatan_key(jabatan: str) -> str:
    return clean_text(jabatan).casefold()


def _relinked(rhk: RhkView, options: list[RhkOption]) -> int | None:
    """The supervisor's RHK the copy of ``rhk`` serves: the same one, or one with its text."""
    if rhk.parent_rhk_id is None:
        return None
    if any(option.id == rhk.parent_rhk_id for option in options):
        return rhk.parent_rhk_id
    if not rhk.parent_label:
        return None
    return next((option.id for option in options if option.text == rhk.parent_label), None)


def _copied_content(source: SkpView, options: list[RhkOption]) -> ValidSkp:
    """The content of ``source`` as new rows (no ids), links re-pointed to ``options``."""
    draft = source.to_draft()
    rhks = tuple(
        replace(
            rhk_draft,
            id=None,
            parent_rhk_id=_relinked(rhk, options),
            indicators=tuple(replace(iki, id=None) for iki in rhk_draft.indicators),
        )
        for rhk_draft, rhk in zip(draft.rhks, source.rhks, strict=True)
    )
    return validate_skp(replace(draft, rhks=rhks))


def _check_replaceable(session: Session, row: SkpHeader, name: str) -> None:
    """Refuse to replace a draft whose RHK or indicators already hold realisation data."""
    current = repo.load(session, row.id)
    used = repo.ids_with_records(
        session,
        [rhk.id for rhk in current.rhks],
        [iki.id for rhk in current.rhks for iki in rhk.indicators],
    )
    if used:
        raise ValidationError(
            f"SKP {name} tahun {row.year} sudah memiliki realisasi, umpan balik atau bukti "
            "dukung, jadi isinya tidak dapat diganti dengan salinan. Ubah SKP itu langsung."
        )


def _shared_rhk(rhk: RhkDraft) -> RhkDraft:
    """Check the RHK's own values once and return it as new rows (no ids)."""
    if not clean_text(rhk.text):
        raise ValidationError("RHK 1: uraian wajib diisi.", field=rhk_field(0, "text"))
    # Values only: whether a target must be a number depends on each person's SKP.
    validate_skp(SkpDraft(pendekatan=Pendekatan.KUALITATIF, rhks=(rhk,)))
    return replace(rhk, id=None, indicators=tuple(replace(iki, id=None) for iki in rhk.indicators))


def _assign_one(
    session: Session, rhk: RhkDraft, employee_id: int, year: int, pendekatan: Pendekatan
) -> AssignedRhk | SkippedPerson:
    employee = staff_repo.find_employee(session, employee_id)
    if employee is None:
        return SkippedPerson(
            employee_id,
            f"Pegawai #{employee_id}",
            "Pegawai tidak ditemukan; mungkin sudah dihapus.",
        )
    name = employee.full_name
    if not employee.active:
        return SkippedPerson(employee_id, name, "Pegawai ini sudah tidak aktif.")
    row = repo.skp_for(session, employee_id, year)
    if row is None and not periods_for_row(session, employee, year):
        return SkippedPerson(employee_id, name, f"Tidak bertugas pada tahun {year}.")
    if row is not None and row.locked:
        return SkippedPerson(
            employee_id,
            name,
            f"SKP tahun {year} sudah disepakati dan terkunci; buka revisi dulu untuk menambah RHK.",
        )
    base = repo.load(session, row.id).to_draft() if row else SkpDraft(pendekatan=pendekatan)
    if any(_same_text(existing.text, rhk.text) for existing in base.rhks):
        return SkippedPerson(employee_id, name, "RHK dengan uraian yang sama sudah ada di SKP-nya.")
    allowed = {option.id for option in parent_options(session, employee.id, year)}
    linked = rhk.parent_rhk_id is not None and rhk.parent_rhk_id in allowed
    own = rhk if linked else replace(rhk, parent_rhk_id=None)
    try:
        content = validate_skp(replace(base, rhks=(*base.rhks, own)))
    except ValidationErrors as errors:
        return SkippedPerson(
            employee_id, name, f"RHK ini belum sesuai dengan SKP-nya: {errors.message}"
        )
    created = row is None
    if row is None:
        row = new_skp(session, employee, year, pendekatan)
    else:
        repo.touch(session, row.id, datetime.now())  # moves the version: open editors go stale
    repo.store_content(session, row.id, content)
    session.flush()
    return AssignedRhk(employee_id, name, row.id, created=created, linked=linked)


def _same_text(left: str, right: str) -> bool:
    return clean_text(left).casefold() == clean_text(right).casefold()


# --- bulk reads -------------------------------------------------------------------------------
# NOTE: a read the SKP repository does not offer yet; it belongs in data/repositories/skp.py.
