"""SKP planning: create, edit a draft, agree (which locks it), revise with a reason, versions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import progress as progress_repo
from kinerja_desktop.data.repositories import skp as repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.repositories.skp import SkpHeader
from kinerja_desktop.domain.access import Action
from kinerja_desktop.domain.errors import NotFoundError, StaleEditError, ValidationError
from kinerja_desktop.domain.jabatan import JabatanKind
from kinerja_desktop.domain.skp import (
    Pendekatan,
    SkpDraft,
    SkpLayout,
    ValidSkp,
    check_complete,
    rhk_field,
    validate_skp,
)
from kinerja_desktop.domain.skp_records import (
    RhkOption,
    SkpVersionInfo,
    SkpView,
    from_json,
    to_json,
)
from kinerja_desktop.domain.staff import Employee
from kinerja_desktop.domain.text import checked_text
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.platform import seals, signatories
from kinerja_desktop.services.staff.service import periods_for_row

LOCKED_MESSAGE = (
    "SKP ini sudah disepakati dan terkunci. Buka revisi (dengan alasannya) untuk mengubahnya."
)


def layout_for(jabatan_kind: JabatanKind) -> SkpLayout:
    """JPT use the perspektif layout; everyone else the aspek layout (reference §1)."""
    return SkpLayout.JPT if jabatan_kind is JabatanKind.JPT else SkpLayout.JA_JF


class SkpService:
    def __init__(self, database: Database, access: AccessGuard) -> None:
        self._db = database
        self._access = access

    # --- reading ---------------------------------------------------------------------------

    def get(self, employee_id: int, year: int) -> SkpView | None:
        with self._db.reading() as session:
            self._access.require_person(session, employee_id, Action.VIEW)
            found = repo.skp_for(session, employee_id, year)
            return repo.load(session, found.id) if found else None

    def by_id(self, skp_id: int) -> SkpView:
        with self._db.reading() as session:
            self._access.require_skp(session, skp_id, Action.VIEW)
            return repo.load(session, _existing(session, skp_id).id)

    def supervisor_options(self, employee_id: int, year: int) -> list[RhkOption]:
        """The RHK of the person's Pejabat Penilai that year, which their RHK can serve."""
        with self._db.reading() as session:
            self._access.require_person(session, employee_id, Action.VIEW)
            return parent_options(session, employee_id, year)

    def versions(self, skp_id: int) -> list[SkpVersionInfo]:
        with self._db.reading() as session:
            self._access.require_skp(session, skp_id, Action.VIEW)
            return repo.versions(session, skp_id)

    def version(self, skp_id: int, revision: int) -> SkpView:
        """Return an agreed version as it was agreed."""
        with self._db.reading() as session:
            self._access.require_skp(session, skp_id, Action.VIEW)
            base = repo.load(session, _existing(session, skp_id).id)
            stored = repo.version_json(session, skp_id, revision)
            if stored is None:
                raise NotFoundError(f"Versi {revision} SKP ini tidak ada.")
            return from_json(
                base,
                stored.content_json,
                revision=stored.info.revision,
                agreed_on=stored.info.agreed_on,
                reason=stored.info.reason,
            )

    # --- writing ---------------------------------------------------------------------------

    def create(
        self, employee_id: int, year: int, pendekatan: Pendekatan = Pendekatan.KUANTITATIF
    ) -> SkpView:
        """Start an empty draft SKP for a person and year, over their appraisal period."""

        def work(session: Session) -> SkpView:
            employee = staff_repo.find_employee(session, employee_id)
            if employee is None:
                raise NotFoundError("Pegawai tidak ditemukan.")
            self._access.require_person(session, employee.id, Action.EDIT)
            if repo.skp_for(session, employee_id, year) is not None:
                raise ValidationError(f"{employee.name} sudah memiliki SKP tahun {year}.")
            return repo.load(session, new_skp(session, employee, year, pendekatan).id)

        return self._db.run(work)

    def save(
        self,
        skp_id: int,
        version: int,
        draft: SkpDraft,
        *,
        also: Callable[[Session, SkpView], None] | None = None,
    ) -> SkpView:
        """Save a draft's content; every value is checked, completeness is not.

        Args:
            skp_id: The SKP.
            version: Its version as read (see ``StaleEditError``).
            draft: The content.
            also: More writes of the same action, in the same transaction, given the content as
                saved (the XLSX import's rencana aksi); whatever it raises undoes the save.

        Raises:
            ValidationErrors: a value is wrong (each message names its cell); nothing saved.
            ValidationError: the SKP is agreed (locked), or a result with realisation data
                would be deleted.
            StaleEditError: the SKP changed since ``version`` was read.
        """
        content = validate_skp(draft)

        def work(session: Session) -> SkpView:
            self._access.require_skp(session, skp_id, Action.EDIT)
            row = _editable(session, skp_id, version)
            _check_parents(session, row, content)
            _check_deletions(session, row, content)
            repo.store_content(session, row.id, content)
            repo.touch(session, row.id, datetime.now())  # an UPDATE moves the SKP's version
            session.flush()
            saved = repo.load(session, row.id)
            if also is not None:
                also(session, saved)
            return saved

        return self._db.run(work)

    def agree(self, skp_id: int, version: int, on: date) -> SkpView:
        """Mark the SKP agreed (disepakati) on ``on``; it becomes read-only.

        Raises:
            ValidationErrors: it is not complete yet (each gap names its cell).
        """

        def work(session: Session) -> SkpView:
            self._access.require_skp(session, skp_id, Action.EDIT)
            row = _editable(session, skp_id, version)
            view = repo.load(session, row.id)
            content = validate_skp(view.to_draft())
            needs_cascade = _penilai_has_skp(session, row.employee_id, row.year)
            check_complete(content, row.layout, needs_cascade=needs_cascade)
            repo.set_agreed(session, row.id, on)
            session.flush()
            agreed = repo.load(session, row.id)
            repo.add_version(session, row.id, to_json(agreed))
            # Who signs first: the seal's digest covers them.
            signatories.take(session, f"skp:{row.id}:{row.revision}", row.employee_id, on)
            seals.seal_skp(session, row.id, self._access.actor)
            return agreed

        return self._db.run(work)

    def start_revision(self, skp_id: int, version: int, reason: str) -> SkpView:
        """Reopen an agreed SKP as a draft for revision; the agreed version stays readable."""
        why = checked_text(reason, field="reason", label="Alasan revisi SKP", max_length=None)

        def work(session: Session) -> SkpView:
            row = _existing(session, skp_id)
            # Undoing an agreement is the atasan's (or a unit head's, or admin's) call.
            self._access.require_person(session, row.employee_id, Action.REOPEN)
            _check_version(row, version)
            if not row.locked:
                raise ValidationError("SKP ini masih draf; ubah saja tanpa revisi.")
            repo.reopen_for_revision(session, row.id, why)
            session.flush()
            seals.skp_reopened(session, row.id, why, self._access.actor)
            return repo.load(session, row.id)

        return self._db.run(work)


# --- rules inside a transaction -----------------------------------------------------------------


def _existing(session: Session, skp_id: int) -> SkpHeader:
    row = repo.find_skp(session, skp_id)
    if row is None:
        raise NotFoundError("SKP tidak ditemukan; mungkin sudah dihapus.")
    return row


def _check_version(row: SkpHeader, version: int) -> None:
    if row.version != version:
        raise StaleEditError(
            "SKP ini sudah diubah di tempat lain sejak dibuka. Buka kembali untuk melihat "
            "versi terbaru; perubahan Anda belum disimpan."
        )


def _editable(session: Session, skp_id: int, version: int) -> SkpHeader:
    row = _existing(session, skp_id)
    _check_version(row, version)
    if row.locked:
        raise ValidationError(LOCKED_MESSAGE)
    return row


def not_serving_message(name: str, year: int) -> str:
    return f"{name} tidak bertugas pada tahun {year}, jadi tidak ada SKP."


def new_skp(session: Session, employee: Employee, year: int, pendekatan: Pendekatan) -> SkpHeader:
    """Add an empty draft SKP over the person's appraisal period that year.

    Someone who has since left still gets one for the part of the year they served.

    Raises:
        ValidationError: the person did not serve that year.
    """
    periods = periods_for_row(session, employee, year)
    if not periods:
        raise ValidationError(not_serving_message(employee.name, year))
    annual = periods[-1]
    return repo.add_skp(
        session,
        employee.id,
        year,
        pendekatan=pendekatan,
        layout=layout_for(employee.jabatan_kind),
        period=(annual.start, annual.end),
    )


def parent_options(session: Session, employee_id: int, year: int) -> list[RhkOption]:
    """The RHK of the person's Pejabat Penilai that year: the only ones theirs may serve."""
    employee = staff_repo.find_employee(session, employee_id)
    if employee is None or employee.penilai_id is None:
        return []
    parent_skp = repo.skp_for(session, employee.penilai_id, year)
    return repo.rhk_options(session, parent_skp.id) if parent_skp else []


def _penilai_has_skp(session: Session, employee_id: int, year: int) -> bool:
    """Below the top of the tree, once the penilai has an SKP, main RHK must link to it."""
    employee = staff_repo.find_employee(session, employee_id)
    if employee is None or employee.penilai_id is None:
        return False
    return repo.skp_for(session, employee.penilai_id, year) is not None


def _check_parents(session: Session, row: SkpHeader, content: ValidSkp) -> None:
    allowed = {option.id for option in parent_options(session, row.employee_id, row.year)}
    for r, rhk in enumerate(content.rhks):
        if rhk.parent_rhk_id is not None and rhk.parent_rhk_id not in allowed:
            raise ValidationError(
                f"RHK {r + 1}: RHK atasan yang dipilih tidak ada di SKP Pejabat Penilai "
                f"tahun {row.year}.",
                field=rhk_field(r, "parent"),
            )


def _check_deletions(session: Session, row: SkpHeader, content: ValidSkp) -> None:
    current = repo.load(session, row.id)
    kept_rhks = {rhk.id for rhk in content.rhks if rhk.id is not None}
    kept_ikis = {iki.id for rhk in content.rhks for iki in rhk.indicators if iki.id is not None}
    gone_rhks = [rhk for rhk in current.rhks if rhk.id not in kept_rhks]
    gone_ikis = [iki for rhk in current.rhks for iki in rhk.indicators if iki.id not in kept_ikis]
    used = repo.ids_with_records(
        session, [rhk.id for rhk in gone_rhks], [iki.id for iki in gone_ikis]
    )
    for rhk in gone_rhks:
        if f"rhk:{rhk.id}" in used or any(f"iki:{iki.id}" in used for iki in rhk.indicators):
            raise ValidationError(
                f"RHK '{rhk.text}' sudah memiliki realisasi atau umpan balik, jadi tidak dapat "
                "dihapus."
            )
    # Daily entries (Progres Harian) point at their RHK: deleting it would orphan them.
    daily = progress_repo.entry_counts(session, [rhk.id for rhk in gone_rhks])
    for rhk in gone_rhks:
        if daily.get(rhk.id):
            raise ValidationError(
                f"RHK '{rhk.text}' sudah dipakai oleh {daily[rhk.id]} progres harian, jadi tidak "
                "dapat dihapus. Ganti dulu RHK pada progres harian itu, atau pertahankan RHK ini."
            )
    for iki in gone_ikis:
        if f"iki:{iki.id}" in used:
            raise ValidationError(
                f"Indikator '{iki.indicator}' sudah memiliki realisasi atau bukti dukung, "
                "jadi tidak dapat dihapus."
            )
