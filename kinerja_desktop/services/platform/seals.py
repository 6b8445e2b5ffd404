"""Signed means sealed: agreed SKPs and signed evaluations, their seal chain, and its check.

An agreed SKP is read-only until it is opened for revision with a reason (`skp.service`); a
period's evaluation marked signed (after the printed form was signed by hand) is read-only until
it is reopened with a reason. Each seal and reopening goes into the seal chain
(`domain.seal_chain`) in the same transaction as the change itself, with the digest of the record's
stored content when it seals it. `SealService.verify` walks the chain and compares every sealed
record with the digest of its last seal, so a record changed behind the app's back is named.

The functions taking a Session are for the other services' own write transactions.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import seal_chain as repo
from kinerja_desktop.data.repositories import seal_contents
from kinerja_desktop.data.repositories import skp as skp_repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.repositories.skp import SkpHeader
from kinerja_desktop.domain.access import Action, Capability
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import DomainError, NotFoundError, StorageError, ValidationError
from kinerja_desktop.domain.periods import period_label
from kinerja_desktop.domain.seal_chain import (
    DIGEST_VERSION,
    SealAction,
    SealEntry,
    SealFields,
    digest_version,
    last_seals,
    verify_chain,
    versioned_digest,
)
from kinerja_desktop.domain.staff import full_name
from kinerja_desktop.domain.text import checked_text
from kinerja_desktop.paths import data_dir
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.platform import seal_anchor, signatories, signing
from kinerja_desktop.services.platform.seal_anchor import (
    AcceptedLog,
    AnchorCheck,
    AnchorState,
    anchor_path,
)
from kinerja_desktop.services.staff.service import periods_for_row

__all__ = [
    "SealReport",
    "SealService",
    "require_open",
    "reseal_written_in",
    "seal_skp",
    "signed_on_in",
    "skp_reopened",
    "verify_seals_in",
]

REASON_MAX = 2000


def _period_end(session: Session, row: SkpHeader, period_code: str, signed_on: date) -> date:
    """Who signs a period is who held the posts at its end (or on the day, if earlier)."""
    person = staff_repo.find_employee(session, row.employee_id)
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


def _existing_skp(session: Session, skp_id: int) -> SkpHeader:
    row = skp_repo.find_skp(session, skp_id)
    if row is None:
        raise NotFoundError("SKP tidak ditemukan; mungkin sudah dihapus.")
    return row


def _holder(session: Session, row: SkpHeader) -> str:
    person = staff_repo.find_employee(session, row.employee_id)
    if person is None:
        return f"pegawai {row.employee_id}"
    return f"{person.full_name} (NIP {person.nip})"


def _skp_label(session: Session, row: SkpHeader) -> str:
    return f"SKP {row.year} {_holder(session, row)}"


def _evaluation_label(session: Session, row: SkpHeader, period_code: str) -> str:
    return f"Evaluasi {period_label(period_code)} {row.year} {_holder(session, row)}"


def _skp_digest(session: Session, skp_id: int, version: int = DIGEST_VERSION) -> str:
    content = repo.skp_content(session, skp_id, version)
    return versioned_digest(version, content or {})


def _evaluation_digest(
    session: Session, skp_id: int, period_code: str, version: int = DIGEST_VERSION
) -> str:
    content = repo.evaluation_content(session, skp_id, period_code, version)
    return versioned_digest(version, content)


def _record_digest(session: Session, skp_id: int, code: str | None, like: str) -> str:
    """The record's digest now, computed as the stored digest ``like`` was (old seals: v1)."""
    version = digest_version(like)
    if code is None:
        return _skp_digest(session, skp_id, version)
    return _evaluation_digest(session, skp_id, code, version)


def seal_skp(session: Session, skp_id: int, actor: str | None = None) -> SealEntry:
    """Log an SKP's agreement with the digest of what was agreed (inside the caller's write)."""
    row = _existing_skp(session, skp_id)
    return repo.append(
        session,
        SealFields(
            at=_now(),
            actor=actor or current_actor(),
            action=SealAction.SKP_DISEPAKATI,
            record=skp_record(skp_id),
            label=_skp_label(session, row),
            digest=_skp_digest(session, skp_id),
        ),
    )


def skp_reopened(session: Session, skp_id: int, reason: str, actor: str | None = None) -> None:
    """Log that an agreed SKP was opened for revision, and why."""
    row = _existing_skp(session, skp_id)
    repo.append(
        session,
        SealFields(
            at=_now(),
            actor=actor or current_actor(),
            action=SealAction.SKP_DIBUKA,
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


def dialogue_recorded_in(
    session: Session, skp_id: int, period_code: str, actor: str | None = None
) -> None:
    """Seal a signed period again after its dialogue changed (the Dokumen Evaluasi prints it).

    The response and the keberatan come after the evaluation was signed, so recording them
    is not refused; the new seal carries the digest with them. Nothing for an open period.
    """
    if repo.seal_of(session, skp_id, period_code) is None:
        return
    row = _existing_skp(session, skp_id)
    repo.append(
        session,
        SealFields(
            at=_now(),
            actor=actor or current_actor(),
            action=SealAction.DIALOG_DICATAT,
            record=evaluation_record(skp_id, period_code),
            label=_evaluation_label(session, row, period_code),
            digest=_evaluation_digest(session, skp_id, period_code),
        ),
    )


def _unlogged(session: Session, logged: set[str]) -> list[tuple[str, int, str | None]]:
    """(record, skp id, period code or None) of sealed records without any log entry."""
    found: list[tuple[str, int, str | None]] = [
        (skp_record(skp_id), skp_id, None)
        for skp_id in repo.agreed_skps(session)
        if skp_record(skp_id) not in logged
    ]
    found += [
        (evaluation_record(skp_id, code), skp_id, code)
        for skp_id, code in repo.sealed_evaluations(session)
        if evaluation_record(skp_id, code) not in logged
    ]
    return found


def seal_unlogged_in(session: Session) -> int:
    """Log a baseline (Segel awal) for every sealed record while the log is empty; how many.

    Only a file from before the seal chain (or the demo, written into an empty office) has
    sealed records and an empty log. Once the log has an entry, a sealed record without one
    lost its entries behind the app's back: `SealService.verify` names it, and giving it a
    baseline would launder whatever was changed with it. (An anchor that says the log was
    longer is checked by `SealService.seal_unlogged` before this runs.)
    """
    if repo.last_entry(session) is not None:
        return 0
    found = _unlogged(session, set())
    who = current_actor()
    signatory_records = seal_contents.skp_signatory_records(session)
    for start in range(0, len(found), _BULK):
        chunk = found[start : start + _BULK]
        known = _Known.read(session, chunk, signatory_records)
        repo.append_many(
            session,
            [
                SealFields(
                    _now(),
                    who,
                    SealAction.SEGEL_AWAL,
                    record,
                    known.label(skp_id, code),
                    "",
                    known.digest(skp_id, code),
                )
                for record, skp_id, code in chunk
            ],
        )
    return len(found)


#: Records whose content is read together when many are sealed at once (an import, the demo):
#: enough to make the reads few, few enough to keep their rows' memory small (500 SKPs'
#: contents took about 20 MB at once, 100 about 5 MB, at the same speed).
_BULK = 100


@dataclass(frozen=True)
class _Known:
    """A batch of records' labels and current digests, read with a few queries."""

    holders: Mapping[int, seal_contents.SkpHolder]
    skps: Mapping[int, Mapping[str, Any]]
    evaluations: Mapping[tuple[int, str], Mapping[str, Any]]

    @classmethod
    def read(
        cls,
        session: Session,
        records: Sequence[tuple[str, int, str | None]],
        signatory_records: Mapping[int, Sequence[str]],
    ) -> _Known:
        """Read a batch; ``signatory_records`` is `seal_contents.skp_signatory_records`."""
        skp_ids = {skp_id for _, skp_id, _ in records}
        return cls(
            seal_contents.skp_holders(session, skp_ids),
            seal_contents.skp_contents(
                session,
                {skp_id for _, skp_id, code in records if code is None},
                signatory_records=signatory_records,
            ),
            seal_contents.evaluation_contents(
                session, {(skp_id, code) for _, skp_id, code in records if code is not None}
            ),
        )

    def label(self, skp_id: int, code: str | None) -> str:
        """The record's label, as `_skp_label` and `_evaluation_label` write it."""
        holder = self.holders.get(skp_id)
        if holder is None:
            raise NotFoundError("SKP tidak ditemukan; mungkin sudah dihapus.")
        who = (
            f"pegawai {holder.employee_id}"
            if holder.name is None
            else f"{full_name(holder.name, holder.gelar_depan, holder.gelar_belakang)} "
            f"(NIP {holder.nip})"
        )
        if code is None:
            return f"SKP {holder.year} {who}"
        return f"Evaluasi {period_label(code)} {holder.year} {who}"

    def digest(self, skp_id: int, code: str | None) -> str:
        """The record's digest now, at the current digest version."""
        if code is None:
            return versioned_digest(DIGEST_VERSION, self.skps.get(skp_id) or {})
        return versioned_digest(DIGEST_VERSION, self.evaluations[(skp_id, code)])


def _still_sealed_as(
    session: Session, skp_id: int, code: str | None, last: SealEntry | None
) -> bool:
    """True when ``last`` seals the record with the content it has now."""
    if last is None or not last.fields.action.seals:
        return False
    return _record_digest(session, skp_id, code, last.fields.digest) == last.fields.digest


def reseal_written_in(
    session: Session, skp_ids: Iterable[int], reason: str, actor: str | None = None
) -> int:
    """Log what a bulk write (a hand-over import) did to sealed records; return how many.

    For each written SKP and each of its evaluations that already has log entries: sealed now
    with other content than its last seal (or sealed again) gets a ``DIIMPOR`` entry with the
    new digest; sealed before but not now gets the matching "opened" entry. A written record
    that arrived sealed without entries here gets its baseline (``SEGEL_AWAL``, with the
    package in the reason). Inside the caller's write transaction; the records are read and
    logged a batch at a time (a few queries and one INSERT a batch, not a dozen queries each).
    """
    written = sorted(set(skp_ids))
    if not written:
        return 0
    latest: dict[str, SealEntry] = {}
    for entry in repo.entries(session):
        latest[entry.fields.record] = entry
    # Each SKP's evaluations that have log entries, in the log's order.
    logged: dict[int, list[tuple[str, str]]] = {}
    for record in latest:
        kind, _, rest = record.partition(":")
        number, colon, code = rest.partition(":")
        if kind == "evaluasi" and colon and number.isdigit():
            logged.setdefault(int(number), []).append((record, code))
    agreed = set(repo.agreed_skps(session))
    signed = set(repo.sealed_evaluations(session))
    periods: dict[int, list[str]] = {}
    for sealed_skp, sealed_period in sorted(signed):
        periods.setdefault(sealed_skp, []).append(sealed_period)
    who = actor or current_actor()
    signatory_records = seal_contents.skp_signatory_records(session)
    added = 0
    for start in range(0, len(written), _BULK):
        candidates = _candidates(written[start : start + _BULK], logged, periods)
        chosen = [
            (record, skp_id, code)
            for record, (skp_id, code) in candidates.items()
            if record in latest or ((skp_id, code) in signed if code else skp_id in agreed)
        ]
        known = _Known.read(session, chosen, signatory_records)
        many = []
        for record, skp_id, period in chosen:
            sealed = (skp_id, period) in signed if period else skp_id in agreed
            found = _resealed(session, known, (record, skp_id, period), latest.get(record), sealed)
            if found is not None:
                action, digest = found
                label = known.label(skp_id, period)
                many.append(SealFields(_now(), who, action, record, label, reason, digest))
        added += len(repo.append_many(session, many))
    return added


def _candidates(
    skp_ids: Sequence[int],
    logged: Mapping[int, list[tuple[str, str]]],
    periods: Mapping[int, list[str]],
) -> dict[str, tuple[int, str | None]]:
    """Record -> (SKP id, period code or None) of the SKPs, in the order they are logged."""
    candidates: dict[str, tuple[int, str | None]] = {}
    for skp_id in skp_ids:
        candidates[skp_record(skp_id)] = (skp_id, None)
        for record, code in logged.get(skp_id, []):
            # "evaluasi:<id>:" prefix, as written: "evaluasi:012:" is not SKP 12's.
            if record.startswith(f"evaluasi:{skp_id}:"):
                candidates[record] = (skp_id, code)
        for period in periods.get(skp_id, []):
            candidates[evaluation_record(skp_id, period)] = (skp_id, period)
    return candidates


def _resealed(
    session: Session,
    known: _Known,
    candidate: tuple[str, int, str | None],
    last: SealEntry | None,
    sealed: bool,
) -> tuple[SealAction, str] | None:
    """The entry a written record needs (action, digest), or None when its log is right."""
    _, skp_id, code = candidate
    known.label(skp_id, code)  # a record whose SKP is gone is refused, as before
    if sealed:
        if _sealed_as(session, known, skp_id, code, last):
            return None
        # One that arrived sealed gets its first seal here, as a baseline of the package.
        action = SealAction.DIIMPOR if last is not None else SealAction.SEGEL_AWAL
        return action, known.digest(skp_id, code)
    if last is not None and last.fields.action.seals:
        return SealAction.EVALUASI_DIBUKA if code else SealAction.SKP_DIBUKA, ""
    return None


def _sealed_as(
    session: Session, known: _Known, skp_id: int, code: str | None, last: SealEntry | None
) -> bool:
    """True when ``last`` seals the record with the content it has now (`_still_sealed_as`)."""
    if last is None or not last.fields.action.seals:
        return False
    if digest_version(last.fields.digest) == DIGEST_VERSION:
        return known.digest(skp_id, code) == last.fields.digest
    return _still_sealed_as(session, skp_id, code, last)


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
    #: Worth knowing but not a finding (no anchor yet, a folder from another installation).
    notes: tuple[str, ...] = ()

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
        lines = [head, *(f"  {line}" for line in (*self.problems, *self.notes))]
        if self.unlogged:
            lines.append(
                f"  {self.unlogged} rekaman tersegel belum punya catatan audit (disepakati "
                "sebelum catatan audit ada); segel awalnya dicatat saat aplikasi dibuka."
            )
        return tuple(lines)


#: The triggers migration 0008 creates: the log refuses updates and deletes.
EXPECTED_TRIGGERS = {
    f"audit_log_no_{event.lower()}": (
        f"CREATE TRIGGER audit_log_no_{event.lower()} BEFORE {event} ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    )
    for event in ("UPDATE", "DELETE")
}
#: The same on a PostgreSQL server: each trigger and the function it runs (migration 0008).
EXPECTED_SERVER_TRIGGERS = {
    f"audit_log_no_{event.lower()}": (
        f"CREATE TRIGGER audit_log_no_{event.lower()} BEFORE {event} ON public.audit_log "
        "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only() -- "
        "BEGIN RAISE EXCEPTION 'audit_log is append-only'; END"
    )
    for event in ("UPDATE", "DELETE")
}


def trigger_problems(found: dict[str, str], *, on_server: bool = False) -> list[str]:
    """Findings for the log's triggers missing or not as the migration made them."""
    problems = []
    expected = EXPECTED_SERVER_TRIGGERS if on_server else EXPECTED_TRIGGERS
    for name, sql in expected.items():
        present = found.get(name)
        if present is None:
            problems.append(
                f"Pemicu {name} pada catatan audit hilang: catatan audit dapat diubah atau "
                "dihapus tanpa ditolak (dihapus di luar aplikasi)."
            )
        elif " ".join(present.split()) != sql:
            problems.append(f"Pemicu {name} pada catatan audit diubah di luar aplikasi.")
    problems += [
        f"Ada pemicu tambahan {name} pada catatan audit yang tidak dibuat aplikasi."
        for name in sorted(set(found) - set(expected))
    ]
    return problems


def accept_hint(found: AnchorCheck, database: Path) -> tuple[str, ...]:
    """How to accept the log when the anchor's finding or note calls for it (Indonesian)."""
    command = "kinerja-desktop check --terima-segel{} --db " + f'"{database}"'
    if found.problem:
        return (
            "Bila sebabnya diketahui dan sudah ditangani (berkas dipulihkan atau disalin di luar "
            f"aplikasi), terima catatan audit yang ada sekarang: {command.format(' --yakin')}. "
            "Setelah diterima, temuan ini tidak terlihat lagi.",
        )
    if found.state is AnchorState.FOREIGN:
        return (f"Untuk menandatanganinya ulang sekarang: {command.format('')}.",)
    return ()


class SealService:
    def __init__(
        self,
        database: Database,
        access: AccessGuard,
        key_folder: Path | None = None,
    ) -> None:
        self._db = database
        self._access = access
        #: Where the installation key lives (signs the anchor); the app data folder's keys/.
        self._key_folder = key_folder or data_dir() / "keys"
        #: The head last signed into the anchor; None while the anchor is not followed.
        self._anchored: tuple[int, str] | None = None

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

        def work(session: Session) -> None:
            row = _existing_skp(session, skp_id)
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
                SealFields(
                    at=_now(),
                    actor=self._access.actor or current_actor(),
                    action=SealAction.EVALUASI_DITANDATANGANI,
                    record=evaluation_record(skp_id, period_code),
                    label=_evaluation_label(session, row, period_code),
                    reason=f"Ditandatangani {format_date_id(signed_on)}",
                    # After the signatories: the digest covers who signs too.
                    digest=_evaluation_digest(session, skp_id, period_code),
                ),
            )

        self._db.run(work)

    def reopen_evaluation(self, skp_id: int, period_code: str, reason: str) -> None:
        """Open a signed evaluation again for a correction; the reason goes into the log.

        Raises:
            NotFoundError: No such SKP.
            ValidationError: No reason, or the evaluation is not signed.
        """
        why = checked_text(
            reason, field="reason", label="Alasan membuka kembali evaluasi", max_length=REASON_MAX
        )

        def work(session: Session) -> None:
            row = _existing_skp(session, skp_id)
            # The penilai alone may not undo their own seal: the atasan, unit head or admin may.
            self._access.require_person(session, row.employee_id, Action.REOPEN)
            if repo.seal_of(session, skp_id, period_code) is None:
                raise ValidationError("Evaluasi ini belum ditandatangani; ubah saja langsung.")
            repo.remove_seal(session, skp_id, period_code)
            repo.append(
                session,
                SealFields(
                    at=_now(),
                    actor=self._access.actor or current_actor(),
                    action=SealAction.EVALUASI_DIBUKA,
                    record=evaluation_record(skp_id, period_code),
                    label=_evaluation_label(session, row, period_code),
                    reason=why,
                ),
            )

        self._db.run(work)

    def history(self, record: str | None = None) -> list[SealEntry]:
        """The log, or one record's entries, oldest first."""
        with self._db.reading() as session:
            found = repo.entries(session)
        return [e for e in found if record is None or e.fields.record == record]

    def seal_unlogged(self) -> int:
        """Give every sealed record its baseline while the log is empty; see `seal_unlogged_in`.

        Nothing when the anchor says the log was longer: emptied, not new.
        """

        def work(session: Session) -> int:
            # A log with an entry gets no baselines (`seal_unlogged_in`): the start need not
            # read a long log here only to learn that (open_anchor reads it next).
            if repo.last_entry(session) is not None:
                return 0
            if self._anchor_check(repo.entries(session)).problem:
                return 0
            return seal_unlogged_in(session)

        return self._db.run(work)

    # --- the anchor (`seal_anchor`) ---------------------------------------------------------

    def _own_key(self) -> bytes | None:
        """This installation's public key, without creating one (``check`` writes nothing)."""
        if not (self._key_folder / signing.KEY_FILE_NAME).exists():
            return None
        try:
            return signing.load_or_create_key(self._key_folder).export_public_key()
        except DomainError:
            return None

    def _anchor_check(self, entries: list[SealEntry]) -> AnchorCheck:
        return seal_anchor.judge(anchor_path(self._db.path), entries, self._own_key())

    def _write_anchor(self, head: SealEntry | None) -> str:
        """Sign ``head`` into the anchor file; the Indonesian reason when that failed."""
        if head is None:
            return ""
        path = anchor_path(self._db.path)
        try:
            key = signing.load_or_create_key(self._key_folder)
            seal_anchor.write_anchor(path, key, head.sequence, head.hash)
        except (OSError, DomainError) as error:
            return (
                f"Berkas segel {path.name} tidak dapat ditulis ({error}); dicoba lagi pada "
                "penyimpanan berikutnya."
            )
        return ""

    @staticmethod
    def _head_of(entries: list[SealEntry]) -> tuple[int, str]:
        return (entries[-1].sequence, entries[-1].hash) if entries else (0, "")

    def open_anchor(self) -> tuple[str, ...]:
        """At the app's start: check the log against its anchor, then follow it from now on.

        A missing anchor is made, and one signed by another installation over the same log
        (a copied office folder) is signed again with this installation's key, said once. An
        anchor the log no longer matches is left as it is, so every ``check`` names it until
        `accept_log` (an explicit action, and every restore) signs the current log.

        Returns:
            Messages for the user (Indonesian); none when all is well.
        """
        with self._db.reading() as session:
            entries = repo.entries(session)
            found = self._anchor_check(entries)
        self._anchored = self._head_of(entries)
        if self.keep_anchor not in self._db.after_commit:
            self._db.after_commit.append(self.keep_anchor)
        if found.problem:
            return (f"{found.message} Jalankan 'kinerja-desktop check' untuk rinciannya.",)
        failed = self._write_anchor(entries[-1] if entries else None)
        told = found.message if found.state is AnchorState.FOREIGN else ""
        return tuple(message for message in (told, failed) if message)

    def _anchored_in_file(self) -> tuple[int, str] | None:
        try:
            anchor = seal_anchor.read_anchor(anchor_path(self._db.path))
        except (OSError, ValueError):
            return None
        return (anchor.sequence, anchor.hash) if anchor else None

    def keep_anchor(self) -> None:
        """After a commit that moved the log's head: sign the new head into the anchor.

        Called by the Database after each commit; must not raise (the action is saved). Only
        an anchor the log still matches moves on; a failed write is retried at the next
        commit, and a head newer than its anchor is no finding meanwhile.
        """
        if self._anchored is None:
            return
        try:
            with self._db.reading() as session:
                head = repo.last_entry(session)
                # The file, not memory: a restore through another service re-signs it.
                if head is None or (head.sequence, head.hash) == self._anchored_in_file():
                    return
                entries = repo.entries(session)
                found = self._anchor_check(entries)
        except (SQLAlchemyError, ValueError):
            return
        self._anchored = self._head_of(entries)
        if found.may_advance:
            self._write_anchor(head)

    def anchor_check(self) -> AnchorCheck:
        """How the log stands against its anchor now (what accepting it would replace)."""
        with self._db.reading() as session:
            return self._anchor_check(repo.entries(session))

    def accept_log(self) -> AcceptedLog:
        """Sign the log as it is now into the anchor: after a restore, or a finding dealt with.

        This hides any finding the old anchor showed (removed or rewritten last entries), so
        callers acting for a person ask them to confirm when `anchor_check` has a problem.

        Raises:
            AccessDeniedError: The signed-in account is not an admin.
            StorageError: The anchor file cannot be written.
        """
        self._access.require(Capability.ACCEPT_SEALS)
        path = anchor_path(self._db.path)
        with self._db.reading() as session:
            entries = repo.entries(session)
            before = self._anchor_check(entries)
        if not entries:
            path.unlink(missing_ok=True)
            return AcceptedLog(path, 0, 0, "", "", before)
        failed = self._write_anchor(entries[-1])
        if failed:
            raise StorageError(failed)
        key = signing.load_or_create_key(self._key_folder)
        head = entries[-1]
        return AcceptedLog(path, len(entries), head.sequence, head.hash, key.fingerprint, before)

    def verify(self) -> SealReport:
        """Check the chain, the anchor, the log's triggers, and every sealed record.

        Every sealed record is compared with the digest of its last seal (computed the way
        that seal was: old seals with the digest of their day). A sealed record without any
        entry is a finding once the log has entries.
        """
        with self._db.reading() as session:
            try:
                entries = repo.entries(session)
            except ValueError:
                return SealReport(0, 0, ("Catatan audit berisi tindakan yang tidak dikenal.",))
            anchor = self._anchor_check(entries)
            anchor_lines = [anchor.message] * bool(anchor.message)
            notes = [] if anchor.problem else anchor_lines
            notes.extend(accept_hint(anchor, self._db.path))
            found = _verify_entries(session, entries, anchor_lines if anchor.problem else [])
        return replace(found, notes=tuple(notes))


def verify_seals_in(session: Session) -> SealReport:
    """The chain, the log's triggers and every sealed record, read with ``session``.

    The same check as :meth:`SealService.verify` without the anchor file (which belongs to an
    installation, not to the records): for a copy being written (``kinerja-desktop move``),
    checked inside its own transaction before the commit.
    """
    try:
        entries = repo.entries(session)
    except ValueError:
        return SealReport(0, 0, ("Catatan audit berisi tindakan yang tidak dikenal.",))
    return _verify_entries(session, entries, [])


def _verify_entries(
    session: Session, entries: list[SealEntry], anchor_problems: list[str]
) -> SealReport:
    problems = [problem.message for problem in verify_chain(entries)]
    problems += anchor_problems
    problems += trigger_problems(
        repo.seal_chain_triggers(session), on_server=repo.on_server(session)
    )
    seals = last_seals(entries)
    sealed_now = {skp_record(skp_id): skp_id for skp_id in repo.agreed_skps(session)}
    evaluations = {
        evaluation_record(skp_id, code): (skp_id, code)
        for skp_id, code in repo.sealed_evaluations(session)
    }
    checked = 0
    for record, entry in seals.items():
        if record in sealed_now:
            digest = _record_digest(session, sealed_now[record], None, entry.fields.digest)
        elif record in evaluations:
            skp_id, code = evaluations[record]
            digest = _record_digest(session, skp_id, code, entry.fields.digest)
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
    unlogged = _unlogged(session, logged)
    if entries:
        for _record, skp_id, period in unlogged:
            row = _existing_skp(session, skp_id)
            label = _evaluation_label(session, row, period) if period else _skp_label(session, row)
            problems.append(
                f"{label}: tersegel tetapi tidak punya catatan audit; catatannya dihapus "
                "di luar aplikasi, jadi isinya tidak dapat dipastikan."
            )
    return SealReport(len(entries), checked, tuple(problems), 0 if entries else len(unlogged))
