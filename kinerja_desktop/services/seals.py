"""Signed means sealed: agreed SKPs and signed evaluations, their audit log, and its check.

An agreed SKP is read-only until it is opened for revision with a reason (`skp_service`); a
period's evaluation marked signed (after the printed form was signed by hand) is read-only until
it is reopened with a reason. Each seal and reopening goes into the hash-chained audit log
(`domain.audit`) in the same transaction as the change itself, with the digest of the record's
stored content when it seals it. `SealService.verify` walks the chain and compares every sealed
record with the digest of its last seal, so a record changed behind the app's back is named.

The functions taking a Session are for the other services' own write transactions.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from kinerja_desktop.data import skp_models
from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import audit as repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.domain.access import Action
from kinerja_desktop.domain.audit import (
    AuditAction,
    AuditEntry,
    AuditFields,
    content_digest,
    last_seals,
    verify_chain,
)
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import NotFoundError, ValidationError
from kinerja_desktop.domain.periods import period_label
from kinerja_desktop.domain.staff import clean_text
from kinerja_desktop.services import signatories
from kinerja_desktop.services.access_guard import AccessGuard
from kinerja_desktop.services.staff_service import periods_for_row

__all__ = [
    "SealReport",
    "SealService",
    "require_open",
    "reseal_written_in",
    "seal_skp",
    "signed_on_in",
    "skp_reopened",
]

REASON_MAX = 2000


def _period_end(
    session: Session, row: skp_models.SkpRow, period_code: str, signed_on: date
) -> date:
    """Who signs a period is who held the posts at its end (or on the day, if earlier)."""
    person = staff_repo.employee_row(session, row.employee_id)
    periods = periods_for_row(session, person, row.year) if person else []
    end = next((p.end for p in periods if p.code == period_code), signed_on)
    return min(end, signed_on)


def current_actor() -> str:
    """The operating-system user: the actor when no account is signed in (command line)."""
    try:
        return getpass.getuser()[:100] or "pengguna"
    except (OSError, KeyError):  # no user name in this environment
        return "pengguna"


def _now() -> str:
    return datetime.now().replace(microsecond=0).isoformat()


def skp_record(skp_id: int) -> str:
    return f"skp:{skp_id}"


def evaluation_record(skp_id: int, period_code: str) -> str:
    return f"evaluasi:{skp_id}:{period_code}"


def _skp_row(session: Session, skp_id: int) -> skp_models.SkpRow:
    row = session.get(skp_models.SkpRow, skp_id)
    if row is None:
        raise NotFoundError("SKP tidak ditemukan; mungkin sudah dihapus.")
    return row


def _holder(session: Session, row: skp_models.SkpRow) -> str:
    person = staff_repo.employee_row(session, row.employee_id)
    if person is None:
        return f"pegawai {row.employee_id}"
    employee = staff_repo.to_employee(person)
    return f"{employee.full_name} (NIP {employee.nip})"


def _skp_label(session: Session, row: skp_models.SkpRow) -> str:
    return f"SKP {row.year} {_holder(session, row)}"


def _evaluation_label(session: Session, row: skp_models.SkpRow, period_code: str) -> str:
    return f"Evaluasi {period_label(period_code)} {row.year} {_holder(session, row)}"


def _skp_digest(session: Session, skp_id: int) -> str:
    content = repo.skp_content(session, skp_id)
    return content_digest(content or {})


def _evaluation_digest(session: Session, skp_id: int, period_code: str) -> str:
    return content_digest(repo.evaluation_content(session, skp_id, period_code))


def seal_skp(session: Session, skp_id: int, actor: str | None = None) -> AuditEntry:
    """Log an SKP's agreement with the digest of what was agreed (inside the caller's write)."""
    row = _skp_row(session, skp_id)
    return repo.append(
        session,
        AuditFields(
            at=_now(),
            actor=actor or current_actor(),
            action=AuditAction.SKP_DISEPAKATI,
            record=skp_record(skp_id),
            label=_skp_label(session, row),
            digest=_skp_digest(session, skp_id),
        ),
    )


def skp_reopened(session: Session, skp_id: int, reason: str, actor: str | None = None) -> None:
    """Log that an agreed SKP was opened for revision, and why."""
    row = _skp_row(session, skp_id)
    repo.append(
        session,
        AuditFields(
            at=_now(),
            actor=actor or current_actor(),
            action=AuditAction.SKP_DIBUKA,
            record=skp_record(skp_id),
            label=_skp_label(session, row),
            reason=reason,
        ),
    )


def signed_on_in(session: Session, skp_id: int, period_code: str) -> date | None:
    """The day a period's evaluation was marked signed, inside the caller's transaction."""
    return repo.seal_of(session, skp_id, period_code)


def require_open(session: Session, skp_id: int, period_code: str) -> None:
    """Refuse a change to a period's evaluation that was signed.

    Raises:
        ValidationError: The evaluation is signed (sealed); the message says how to reopen it.
    """
    signed_on = repo.seal_of(session, skp_id, period_code)
    if signed_on is not None:
        raise ValidationError(
            f"Evaluasi {period_label(period_code)} sudah ditandatangani pada "
            f"{format_date_id(signed_on)} dan tidak dapat diubah. Buka kembali evaluasinya "
            "dengan alasan bila memang perlu diubah."
        )


def _baseline(session: Session, record: str, label: str, digest: str) -> None:
    repo.append(
        session,
        AuditFields(
            at=_now(),
            actor=current_actor(),
            action=AuditAction.SEGEL_AWAL,
            record=record,
            label=label,
            digest=digest,
        ),
    )


def seal_unlogged_in(session: Session) -> int:
    """Log a baseline (Segel awal) for every sealed record that has no entry; return how many.

    Records agreed before the log existed, or written by the demo, are sealed as they are
    found, so that a later change behind the app's back still shows.
    """
    logged = repo.records_with_entries(session)
    added = 0
    for skp_id in repo.agreed_skps(session):
        record = skp_record(skp_id)
        if record not in logged:
            row = _skp_row(session, skp_id)
            _baseline(session, record, _skp_label(session, row), _skp_digest(session, skp_id))
            added += 1
    for skp_id, code in repo.sealed_evaluations(session):
        record = evaluation_record(skp_id, code)
        if record not in logged:
            row = _skp_row(session, skp_id)
            label = _evaluation_label(session, row, code)
            _baseline(session, record, label, _evaluation_digest(session, skp_id, code))
            added += 1
    return added


def reseal_written_in(
    session: Session, skp_ids: Iterable[int], reason: str, actor: str | None = None
) -> int:
    """Log what a bulk write (a hand-over import) did to sealed records; return how many.

    For each written SKP and each of its evaluations that already has log entries: sealed now
    with other content than its last seal (or sealed again) gets a ``DIIMPOR`` entry with the
    new digest; sealed before but not now gets the matching "opened" entry. Records without
    entries are left to `seal_unlogged_in`. Both inside the caller's write transaction.
    """
    written = set(skp_ids)
    if not written:
        return 0
    latest: dict[str, AuditEntry] = {}
    for entry in repo.entries(session):
        latest[entry.fields.record] = entry
    agreed = set(repo.agreed_skps(session))
    signed = set(repo.sealed_evaluations(session))
    candidates: dict[str, tuple[int, str | None]] = {}
    for skp_id in sorted(written):
        candidates[skp_record(skp_id)] = (skp_id, None)
        prefix = f"evaluasi:{skp_id}:"
        for record in latest:
            if record.startswith(prefix):
                candidates[record] = (skp_id, record.removeprefix(prefix))
        for period in sorted(period for sealed, period in signed if sealed == skp_id):
            candidates[evaluation_record(skp_id, period)] = (skp_id, period)
    who = actor or current_actor()
    added = 0
    for record, (skp_id, code) in candidates.items():
        last = latest.get(record)
        if last is None:
            continue
        sealed = (skp_id, code) in signed if code else skp_id in agreed
        row = _skp_row(session, skp_id)
        label = _evaluation_label(session, row, code) if code else _skp_label(session, row)
        if sealed:
            digest = (
                _evaluation_digest(session, skp_id, code) if code else _skp_digest(session, skp_id)
            )
            if last.fields.action.seals and last.fields.digest == digest:
                continue
            action = AuditAction.DIIMPOR
        elif last.fields.action.seals:
            digest = ""
            action = AuditAction.EVALUASI_DIBUKA if code else AuditAction.SKP_DIBUKA
        else:
            continue
        fields = AuditFields(_now(), who, action, record, label, reason, digest)
        repo.append(session, fields)
        added += 1
    return added


@dataclass(frozen=True)
class SealReport:
    """What `SealService.verify` found; ``lines`` are ready to print.

    Attributes:
        problems: Breaks in the chain and records changed since they were sealed.
        checked: Sealed records compared with their last seal.
    """

    entries: int
    checked: int
    problems: tuple[str, ...]
    unlogged: int = 0

    @property
    def healthy(self) -> bool:
        return not self.problems

    @property
    def lines(self) -> tuple[str, ...]:
        head = (
            f"Catatan audit: {self.entries} catatan, rantai utuh; {self.checked} rekaman "
            "tersegel cocok dengan segelnya."
            if self.healthy
            else f"Catatan audit: {len(self.problems)} masalah ditemukan."
        )
        lines = [head, *(f"  {problem}" for problem in self.problems)]
        if self.unlogged:
            lines.append(
                f"  {self.unlogged} rekaman tersegel belum punya catatan audit (disepakati "
                "sebelum catatan audit ada); segel awalnya dicatat saat aplikasi dibuka."
            )
        return tuple(lines)


class SealService:
    def __init__(self, database: Database, access: AccessGuard | None = None) -> None:
        self._db = database
        self._access = access or AccessGuard(database)

    def signed_on(self, skp_id: int, period_code: str) -> date | None:
        """The day the evaluation was marked signed; None while it is open."""
        with self._db.reading() as session:
            self._access.require_skp(session, skp_id, Action.VIEW)
            return repo.seal_of(session, skp_id, period_code)

    def sign_evaluation(
        self, skp_id: int, period_code: str, signed_on: date, *, today: date | None = None
    ) -> None:
        """Mark a period's evaluation signed: from now on it is read-only.

        ``today`` is the day a signature may not come after (the real date unless given).

        Raises:
            NotFoundError: No such SKP.
            ValidationError: The SKP is not agreed, the predikat is not decided yet, the day
                is in the future, or it is signed already.
        """
        if signed_on > (today or date.today()):
            raise ValidationError("Tanggal tanda tangan tidak boleh di masa depan.", field="date")
        with self._db.transaction() as session:
            row = _skp_row(session, skp_id)
            self._access.require_person(session, row.employee_id, Action.SIGN)
            if row.status != "DISEPAKATI":
                raise ValidationError(
                    "SKP belum disepakati; evaluasinya belum dapat ditandatangani."
                )
            require_open(session, skp_id, period_code)
            content = repo.evaluation_content(session, skp_id, period_code)
            if not content["predikat"]:
                raise ValidationError(
                    f"Predikat kinerja {period_label(period_code)} belum ditetapkan; tetapkan "
                    "dulu sebelum evaluasi ditandatangani."
                )
            repo.add_seal(session, skp_id, period_code, signed_on)
            signatories.take(
                session,
                evaluation_record(skp_id, period_code),
                row.employee_id,
                _period_end(session, row, period_code, signed_on),
            )
            repo.append(
                session,
                AuditFields(
                    at=_now(),
                    actor=self._access.actor or current_actor(),
                    action=AuditAction.EVALUASI_DITANDATANGANI,
                    record=evaluation_record(skp_id, period_code),
                    label=_evaluation_label(session, row, period_code),
                    reason=f"Ditandatangani {format_date_id(signed_on)}",
                    digest=content_digest(content),
                ),
            )

    def reopen_evaluation(self, skp_id: int, period_code: str, reason: str) -> None:
        """Open a signed evaluation again for a correction; the reason goes into the log.

        Raises:
            NotFoundError: No such SKP.
            ValidationError: No reason, or the evaluation is not signed.
        """
        why = clean_text(reason)
        if not why:
            raise ValidationError("Tuliskan alasan membuka kembali evaluasi.", field="reason")
        if len(why) > REASON_MAX:
            raise ValidationError(
                f"Alasan terlalu panjang (paling banyak {REASON_MAX} karakter).", field="reason"
            )
        with self._db.transaction() as session:
            row = _skp_row(session, skp_id)
            # The penilai alone may not undo their own seal: the atasan, unit head or admin may.
            self._access.require_person(session, row.employee_id, Action.REOPEN)
            if repo.seal_of(session, skp_id, period_code) is None:
                raise ValidationError("Evaluasi ini belum ditandatangani; ubah saja langsung.")
            repo.remove_seal(session, skp_id, period_code)
            repo.append(
                session,
                AuditFields(
                    at=_now(),
                    actor=self._access.actor or current_actor(),
                    action=AuditAction.EVALUASI_DIBUKA,
                    record=evaluation_record(skp_id, period_code),
                    label=_evaluation_label(session, row, period_code),
                    reason=why,
                ),
            )

    def history(self, record: str | None = None) -> list[AuditEntry]:
        """The log, or one record's entries, oldest first."""
        with self._db.reading() as session:
            found = repo.entries(session)
        return [e for e in found if record is None or e.fields.record == record]

    def seal_unlogged(self) -> int:
        """Give every sealed record without a log entry its baseline; see `seal_unlogged_in`."""
        with self._db.transaction() as session:
            return seal_unlogged_in(session)

    def verify(self) -> SealReport:
        """Check the chain, and every sealed record against the digest of its last seal."""
        with self._db.reading() as session:
            try:
                entries = repo.entries(session)
            except ValueError:
                return SealReport(0, 0, ("Catatan audit berisi tindakan yang tidak dikenal.",))
            problems = [problem.message for problem in verify_chain(entries)]
            seals = last_seals(entries)
            sealed_now = {skp_record(skp_id): skp_id for skp_id in repo.agreed_skps(session)}
            evaluations = {
                evaluation_record(skp_id, code): (skp_id, code)
                for skp_id, code in repo.sealed_evaluations(session)
            }
            checked = 0
            for record, entry in seals.items():
                if record in sealed_now:
                    digest = _skp_digest(session, sealed_now[record])
                elif record in evaluations:
                    digest = _evaluation_digest(session, *evaluations[record])
                else:
                    problems.append(
                        f"{entry.fields.label}: tersegel di catatan audit tetapi tidak lagi "
                        "tersegel di basis data (diubah di luar aplikasi)."
                    )
                    continue
                checked += 1
                if digest != entry.fields.digest:
                    problems.append(
                        f"{entry.fields.label}: isinya berubah di luar aplikasi sejak "
                        f"{entry.fields.action.label.lower()} ({entry.fields.at})."
                    )
            logged = {entry.fields.record for entry in entries}
            unlogged = len((set(sealed_now) | set(evaluations)) - logged)
        return SealReport(len(entries), checked, tuple(problems), unlogged)
