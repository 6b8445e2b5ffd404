"""Hand-over packages: export a unit's year (or everything), preview an import, apply it.

Applying is one write transaction: the package is read and checked whole first, the merge is
planned again inside the transaction against what the database holds at that moment, every
conflict must have a choice, and then every new or taken record is written, or none.
Evidence files are copied into the evidence folder by hash within the same action; a copy left
by a failed import is harmless (content-addressed, never referenced).
"""

from __future__ import annotations

import heapq
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from kinerja_desktop import __version__
from kinerja_desktop.data.backup import BackupError, backup_before
from kinerja_desktop.data.database import Database
from kinerja_desktop.data.migrate import current_revision
from kinerja_desktop.data.repositories import handover as repo
from kinerja_desktop.data.repositories import handover_batches as batches
from kinerja_desktop.data.repositories import handover_ledger as ledger
from kinerja_desktop.data.repositories import handover_scoped as scoped
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.domain.access import Capability
from kinerja_desktop.domain.backup_rotation import BackupKind
from kinerja_desktop.domain.errors import DomainError, StorageError, ValidationError
from kinerja_desktop.domain.handover_checks import record_problems
from kinerja_desktop.domain.handover_merge import (
    Choice,
    Conflict,
    MergePlan,
    cycle_message,
    names_of,
    penilai_cycles,
    plan_merge,
    protected,
    protected_message,
)
from kinerja_desktop.domain.handover_numbering import (
    Judgement,
    Verdict,
    changed_since,
    judge,
    scope_key,
    sent_mark,
)
from kinerja_desktop.domain.handover_records import (
    Aggregate,
    Kind,
    Scope,
    build_aggregates,
    iter_aggregates,
    unit_paths,
)
from kinerja_desktop.domain.handover_scope import PackageReferences, package_references
from kinerja_desktop.domain.handover_sealed import SignedPeriods, held, held_reason, signed_period
from kinerja_desktop.domain.handover_table import kinds_of
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.handover import ekinerja
from kinerja_desktop.services.handover.apply import Ids, Writer
from kinerja_desktop.services.handover.package import (
    Manifest,
    Package,
    PackageRefusedError,
    file_sha256,
    read_package,
    write_package,
)
from kinerja_desktop.services.handover.record_spool import RecordSpool
from kinerja_desktop.services.platform import seals, signing
from kinerja_desktop.services.platform.evidence import open_evidence_store

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Choices = Mapping[tuple[Kind, str], Choice | None]
_COPY_CHUNK = 1024 * 1024
#: The ledger's outcome of a package taken whole, and of one with records left to decide.
TAKEN = "DITERIMA"
UNDECIDED = "PERLU_DIPUTUSKAN"


class PackageOutOfOrderError(PackageRefusedError):
    """An older package, or changes after a number not taken yet; nothing was written."""

    def __init__(self, judgement: Judgement) -> None:
        super().__init__(judgement.message)
        self.verdict = judgement.verdict


@dataclass(frozen=True)
class CheckedPackage:
    """A package that passed every check, and the file's size and time when it was read."""

    package: Package
    stamp: tuple[int, int]

    def still(self, path: Path) -> Package | None:
        """The package when ``path`` is the same, unchanged file; None otherwise."""
        try:
            same = _stamp(path) == self.stamp and path.resolve() == self.package.path.resolve()
        except OSError:
            return None
        return self.package if same else None


def _stamp(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_size, status.st_mtime_ns


class UnresolvedConflictsError(DomainError):
    """Records differ on both sides and no choice was given; nothing was written."""

    def __init__(self, conflicts: list[Conflict]) -> None:
        super().__init__(
            f"{len(conflicts)} catatan berbeda antara basis data ini dan paket; pilih untuk "
            "setiap catatan: pakai data kita atau ambil dari paket. Tidak ada yang diimpor."
        )
        self.conflicts = conflicts


@dataclass(frozen=True)
class ExportResult:
    path: Path
    records: int
    files: int
    missing_evidence: tuple[str, ...]
    fingerprint: str
    #: The package's number in its scope; None when it could not be noted (read-only file).
    sequence: int | None = None
    #: The number a package of changes follows; None for a whole package.
    since: int | None = None
    #: Changes were asked for, but no earlier package of the scope was noted: a whole one.
    whole_instead: bool = False

    def summary_lines(self) -> list[str]:
        lines = [
            f"Paket serah terima ditulis: {self.path}",
            f"{self.records} catatan, {self.files} berkas di dalam paket.",
            f"Sidik kunci penanda tangan: {self.fingerprint}",
        ]
        if self.sequence is None:
            lines.append("Paket tanpa nomor: basis data ini hanya dapat dibaca.")
        elif self.since is None:
            lines.append(f"Paket nomor {self.sequence}, utuh (seluruh catatan cakupannya).")
        else:
            lines.append(
                f"Paket nomor {self.sequence}: hanya catatan yang baru atau berubah sejak paket "
                f"nomor {self.since}."
            )
        if self.whole_instead:
            lines.append("Belum pernah ada paket untuk cakupan ini, jadi yang ditulis paket utuh.")
        if self.missing_evidence:
            lines.append(
                f"Peringatan: {len(self.missing_evidence)} berkas bukti dukung tidak ditemukan "
                "di folder bukti dan tidak ikut dalam paket."
            )
        return lines


@dataclass(frozen=True)
class ImportPreview:
    """What importing the package would do; nothing has been written."""

    manifest: Manifest
    plan: MergePlan
    #: Every person of this database: NIP -> penilai NIP (for the penilai loop check).
    penilai: Mapping[str, str | None] = field(default_factory=dict)
    #: NIP -> name, ours and the package's, to name the people of a loop.
    names: Mapping[str, str] = field(default_factory=dict)
    #: The package as checked for this preview, reused by ``apply(..., preview=...)`` while
    #: the file is unchanged, so a large package is read and checked once.
    checked: CheckedPackage | None = field(default=None, compare=False, repr=False)
    #: What the numbering says: take it, already taken, an older package, a gap.
    judgement: Judgement = field(default_factory=lambda: Judgement(Verdict.TAKE))
    #: Taken before with records left for a person to decide: importing it again decides them.
    undecided_before: int = 0

    def cycles(self, choices: Choices) -> list[str]:
        """What is wrong with these choices, one message each.

        An approved progress entry of ours they would replace, then a penilai loop they would
        make.
        """
        return [
            protected_message(conflict)
            for conflict in self.plan.conflicts
            if protected(conflict) and choices.get(conflict.ref) is Choice.TAKE_THEIRS
        ] + [
            cycle_message(cycle, self.names)
            for cycle in penilai_cycles(self.plan, choices, self.penilai)
        ]


@dataclass(frozen=True)
class ImportResult:
    added: int
    replaced: int
    kept: int
    identical: int
    files_copied: int
    unlinked: int
    unlinked_findings: int = 0
    #: Progress entries left without their RHK (the RHK is not in this database).
    unlinked_entries: int = 0
    sealed: int = 0
    #: The backup of the database as it was just before the import (None for a new office).
    safety_backup: Path | None = None
    #: The same package was taken before: nothing was written (no backup either).
    already_received: bool = False
    #: Records kept as ours by an unattended import for a person to decide, with the reason.
    undecided: tuple[str, ...] = ()

    def summary_lines(self) -> list[str]:
        if self.already_received:
            return ["Paket ini sudah diterima sebelumnya; tidak ada yang diubah."]
        lines = [
            f"Diimpor: {self.added} catatan baru, {self.replaced} diganti dari paket, "
            f"{self.kept} tetap memakai data kita, {self.identical} sudah sama.",
            f"{self.files_copied} berkas bukti dukung disalin.",
        ]
        if self.unlinked:
            lines.append(
                f"{self.unlinked} RHK tidak dapat ditautkan ke RHK atasannya (RHK atasan "
                "tidak ada di basis data ini)."
            )
        if self.unlinked_findings:
            lines.append(
                f"{self.unlinked_findings} tautan temuan audit ke RHK tidak dibuat (RHK itu "
                "tidak ada di SKP yang tetap memakai data kita)."
            )
        if self.unlinked_entries:
            lines.append(
                f"{self.unlinked_entries} progres harian tidak dapat ditautkan ke RHK-nya (RHK "
                "itu tidak ada di SKP yang tetap memakai data kita); progres tetap diimpor tanpa "
                "RHK."
            )
        if self.sealed:
            lines.append(
                f"{self.sealed} SKP atau evaluasi tersegel dicatat di catatan audit kantor ini."
            )
        if self.undecided:
            lines.append(
                f"{len(self.undecided)} catatan tetap memakai data kita dan perlu diputuskan "
                "lewat impor di aplikasi:"
            )
            lines += [f"- {reason}" for reason in self.undecided]
        if self.safety_backup is not None:
            lines.append(
                f"Basis data sebelum impor dicadangkan ke {self.safety_backup}; untuk "
                "membatalkan impor, pulihkan cadangan itu."
            )
        return lines


class _DigestSpool:
    """(kind, key, digest) of every record an export built, in a temporary file.

    The sent ledger needs them all once the package is written; a large office's are kept on
    disk, not in memory. Iterating reads them back from the start (again on a retry).
    """

    def __init__(self) -> None:
        # Closed by ``__exit__``: the spool lives across the export's read and its noting.
        self._file = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")  # noqa: SIM115

    def __enter__(self) -> _DigestSpool:
        return self

    def __exit__(self, *_: object) -> None:
        self._file.close()

    def noting(self, records: Iterable[Aggregate]) -> Iterator[Aggregate]:
        """Each of ``records`` as it comes, its digest noted."""
        for record in records:
            # A key is canonical JSON: a tab or a line break in it is escaped.
            self._file.write(f"{record.kind.value}\t{record.key}\t{record.digest}\n")
            yield record

    def __iter__(self) -> Iterator[tuple[str, str, str]]:
        self._file.flush()
        self._file.seek(0)
        for line in self._file:
            kind, key, digest = line.rstrip("\n").split("\t")
            yield kind, key, digest


class _Counted:
    """An iterable of records that counts them as they are taken."""

    def __init__(self, records: Iterable[Aggregate]) -> None:
        self._records = records
        self.count = 0

    def __iter__(self) -> Iterator[Aggregate]:
        for record in self._records:
            self.count += 1
            yield record


@dataclass(frozen=True)
class _Against:
    """A package against this office (:meth:`HandoverService._against_ours`)."""

    plan: MergePlan
    #: Our ids by natural key, for the writer.
    ids: Ids
    #: Our signed evaluations, which an unattended import keeps.
    signed: SignedPeriods


#: A package carrying at least this share of the office's people is compared with the whole
#: office read a batch at a time, not by key: by key, everything of ours it touches is built
#: and held at once (a 2,000-person office's own package peaked at 633 MB that way, 317 MB
#: the other; docs/benchmarks.md, hand-over round 11).
WHOLE_OFFICE_SHARE = 0.5


def _touches_most(session: Session, package: Package) -> bool:
    """Whether the package touches so much of the office that ours are read whole, in batches.

    A large package (kept packed) always does.
    """
    if package.packed:
        return True
    people = sum(1 for kind in kinds_of(package.aggregates) if kind is Kind.EMPLOYEE)
    return people >= WHOLE_OFFICE_SHARE * staff_repo.count_employees(session, active_only=False)


class HandoverService:
    def __init__(
        self,
        database: Database,
        evidence_folder: Path,
        key_folder: Path,
        access: AccessGuard,
    ) -> None:
        self._database = database
        self._access = access
        self._evidence = open_evidence_store(database, evidence_folder)
        self._key_folder = key_folder
        #: The SHA-256 of the last package read for an import, and what of ours it touches.
        self._references: tuple[str, PackageReferences | None] = ("", None)

    # --- export -------------------------------------------------------------------------------

    def unit_paths(self) -> list[tuple[str, ...]]:
        """Every unit's path of names from its instansi, in tree order."""
        with self._database.reading() as session:
            units = repo.read_table(session, "units")
        return unit_paths(units)

    def find_unit(self, text: str) -> tuple[str, ...]:
        """A unit by its full path ("A / B / C") or by a name only one unit has.

        Raises:
            ValidationError: no unit, or several units, have that name (field ``unit``).
        """
        wanted = [part.strip() for part in text.split("/") if part.strip()]
        paths = self.unit_paths()
        exact = [p for p in paths if [n.casefold() for n in p] == [n.casefold() for n in wanted]]
        named = [p for p in paths if len(wanted) == 1 and p[-1].casefold() == wanted[0].casefold()]
        found = exact or named
        if len(found) == 1:
            return found[0]
        if not found:
            raise ValidationError(f"Unit '{text}' tidak ditemukan.", field="unit")
        choices = "; ".join(" / ".join(path) for path in found[:5])
        raise ValidationError(
            f"Ada {len(found)} unit bernama '{text}'. Tulis jalurnya lengkap, misalnya: {choices}",
            field="unit",
        )

    def export(
        self,
        target: Path,
        *,
        unit: tuple[str, ...] | None = None,
        year: int | None = None,
        now: datetime | None = None,
        since_last: bool = False,
    ) -> ExportResult:
        """Write the package of ``unit`` (and everything under it) for ``year``.

        Every package is numbered in its scope, and the digest of every record of the scope
        noted (the sent ledger), in one transaction with writing the file.

        Args:
            target: The package file.
            unit: The unit path; None for the whole office.
            year: The year; None for every year.
            now: The moment in the manifest (the clock when None).
            since_last: Carry only the records new or changed since the last package of
                this scope (a whole package when there was none).

        Raises:
            ValidationError: the year is out of range or the unit does not exist, or changes
                were asked of a read-only file.
            DomainError: the key or the file cannot be written.
        """
        self._access.require(Capability.EXPORT_DATA)
        if year is not None and not 2000 <= year <= 2100:
            raise ValidationError("Tahun harus antara 2000 dan 2100.", field="year")
        key = signing.load_or_create_key(self._key_folder)
        moment = now or datetime.now().astimezone()
        scope = Scope(unit, year)
        numbered = not self._database.read_only
        if since_last and not numbered:
            raise ValidationError(
                "Basis data ini hanya dapat dibaca, jadi nomor paket tidak dapat dicatat: "
                "paket perubahan tidak dapat dibuat. Buat paket utuh.",
                field="since_last",
            )
        # One read transaction: the SKPs' rows are read a batch at a time while the file is
        # written, all from the same snapshot, so the office's other writes never wait for it.
        with _DigestSpool() as spool:
            with self._database.reading() as session:
                revision = current_revision(session.connection())
                scope_text = scope_key(unit, year)
                sent = ledger.sent_scope(session, scope_text) if numbered else None
                marks = (
                    {sent_mark(*row) for row in ledger.sent_rows(session, sent.id)}
                    if sent and since_last
                    else set()
                )
                outline = batches.read_outline(session).tables
                if unit is not None and unit not in unit_paths(outline["units"]):
                    raise ValidationError(
                        f"Unit '{' / '.join(unit)}' tidak ditemukan.", field="unit"
                    )
                last = sent.last_sequence if sent else None
                sequence = ((last or 0) + 1) if numbered else None
                since = last if since_last and numbered else None
                header = {
                    "app_version": __version__,
                    "schema_revision": revision,
                    "source_file": self._database.path.name,
                    "exported_at": moment.isoformat(timespec="seconds"),
                    "scope": scope.to_json(),
                    **({"sequence": sequence, "since": since} if numbered else {}),
                }
                # The sent ledger keeps the digest of every record of the scope, carried or not.
                records = spool.noting(
                    iter_aggregates(outline, scope, batches.BatchReader(session))
                )
                if since is not None:
                    records = changed_since(records, marks)
                carried = _Counted(records)
                files, missing = write_package(
                    target,
                    header=header,
                    aggregates=carried,
                    evidence_folder=self._evidence.folder,
                    key=key,
                    # A server's files are fetched into this computer's folder (none on SQLite).
                    fetch_evidence=self._evidence.bring_here,
                )
            if sequence is not None:
                # After the file is whole: a package that could not be written takes no number.
                self._note_sent(target, scope_text, sequence, moment, spool)
        return ExportResult(
            target,
            carried.count,
            files,
            missing,
            key.fingerprint,
            sequence=sequence,
            since=since,
            whole_instead=since_last and numbered and since is None,
        )

    def _note_sent(
        self,
        target: Path,
        scope_text: str,
        sequence: int,
        moment: datetime,
        digests: Iterable[tuple[str, str, str]],
    ) -> None:
        """Note the package just written in the sent ledger, if its number is still free.

        Another export of the same scope that finished meanwhile took the number: the file
        is then removed (it would be refused as an older package) and the export is refused.
        """

        def note(session: Session) -> bool:
            sent = ledger.sent_scope(session, scope_text)
            if (sent.last_sequence if sent else 0) != sequence - 1:
                return False
            ledger.record_sent(session, scope_text, sequence, moment.replace(tzinfo=None), digests)
            return True

        try:
            noted = self._database.run(note)
        except DomainError:
            target.unlink(missing_ok=True)
            raise
        if not noted:
            target.unlink(missing_ok=True)
            raise DomainError(
                f"Paket lain untuk cakupan ini diekspor pada saat yang sama, jadi nomor "
                f"{sequence} sudah terpakai; '{target.name}' tidak disimpan. Ekspor lagi."
            )

    def export_ekinerja(
        self, target: Path, *, unit: tuple[str, ...] | None = None, year: int | None = None
    ) -> int:
        """Write the e-Kinerja re-entry workbook of the scope; return the number of rows.

        Raises:
            ValidationError: the year is out of range, the unit does not exist, or the file
                cannot be saved.
        """
        self._access.require(Capability.EXPORT_DATA)
        if year is not None and not 2000 <= year <= 2100:
            raise ValidationError("Tahun harus antara 2000 dan 2100.", field="year")
        if unit is not None and unit not in self.unit_paths():
            raise ValidationError(f"Unit '{' / '.join(unit)}' tidak ditemukan.", field="unit")
        with self._database.reading() as session:
            tables = repo.read_all(session).tables
        return ekinerja.write_workbook(target, build_aggregates(tables, Scope(unit, year)))

    def fingerprint(self) -> str:
        """This installation's public-key fingerprint, for telling another office."""
        return signing.load_or_create_key(self._key_folder).fingerprint

    # --- import -------------------------------------------------------------------------------

    def preview(self, path: Path) -> ImportPreview:
        """Check the package whole and say what importing it would do.

        Raises:
            PackageRefusedError: the package is damaged, changed, or too new.
        """
        self._access.require(Capability.IMPORT_PACKAGE)
        stamp = _stamp_or_none(path)
        package = _checked_package(path)
        with self._database.reading() as session:
            receipt = ledger.receipt_of(session, package.sha256)
            judgement = _judge(session, package, receipt, interactive=True)
            plan = self._against_ours(session, package).plan
            register = scoped.people_register(session)
        return ImportPreview(
            package.manifest,
            plan,
            {nip: penilai for nip, _, penilai in register},
            {nip: name for nip, name, _ in register} | names_of(package.aggregates),
            None if stamp is None else CheckedPackage(package, stamp),
            judgement,
            receipt.undecided if receipt is not None and receipt.outcome == UNDECIDED else 0,
        )

    def taken_before(self, path: Path) -> bool:
        """True when this very file (its SHA-256) was taken before.

        A quick look before reading and checking a package whole (the intake run again).
        An unreadable file is not: reading it says why.
        """
        self._access.require(Capability.IMPORT_PACKAGE)
        try:
            sha256 = file_sha256(path)
        except OSError:
            return False
        with self._database.reading() as session:
            receipt = ledger.receipt_of(session, sha256)
        return receipt is not None

    def apply(
        self,
        path: Path,
        choices: Choices | None = None,
        *,
        default: Choice | None = None,
        back_up: bool = True,
        now: datetime | None = None,
        preview: ImportPreview | None = None,
        unattended: bool = False,
        safety_backup: Callable[[], Path | None] | None = None,
    ) -> ImportResult:
        """Import the package in one transaction, after a safety backup of the database.

        The package's number is checked against the received ledger first (same package
        again: nothing written, no backup; an older number or a gap: refused), and the
        package is noted there in the same transaction.

        Args:
            path: The package file.
            choices: Per conflict (kind, key), keep ours or take theirs.
            default: The choice for every conflict not in ``choices``; None means each must
                be chosen.
            back_up: Take the safety backup (``sebelum-impor``); False only for a database
                made just now for this package, which holds nothing to go back to.
            now: The moment in the backup's name (the clock when None).
            preview: The preview shown for this file: its checked package is used when the
                file has not changed since, instead of reading and checking it again. The
                merge is planned again inside the transaction either way.
            unattended: No person is there to decide (the hub's intake): conflicts that would
                change what is sealed here, or an approved progress entry, are kept as ours
                and reported in ``undecided``; a package taken so can be imported again in
                the app to decide them. A package taken before is then never taken again.
            safety_backup: Takes the safety backup instead of this service (the intake's one
                backup for many packages); called only when something will be written.

        Raises:
            PackageRefusedError: the package fails a check; nothing was written.
            PackageOutOfOrderError: an older package, or one following a number not taken
                yet; nothing was written.
            UnresolvedConflictsError: a conflict has no choice; nothing was written.
            ValidationError: the package's content does not fit this database; nothing was
                written.
            StorageError: the safety backup could not be made; nothing was written.
        """
        self._access.require(Capability.IMPORT_PACKAGE)
        checked = preview.checked if preview is not None else None
        package = (checked.still(path) if checked else None) or _checked_package(path)
        given = dict(choices or {})
        moment = now or datetime.now()
        with self._database.transaction() as session:
            receipt = ledger.receipt_of(session, package.sha256)
            judgement = _judge(session, package, receipt, interactive=not unattended)
            if judgement.verdict is Verdict.ALREADY:
                return _ALREADY
            if judgement.verdict is not Verdict.TAKE:
                raise PackageOutOfOrderError(judgement)
            against = self._against_ours(session, package)
            plan = against.plan
            decided = {c.ref: given.get(c.ref, default) for c in plan.conflicts}
            if unattended:
                locked = [c for c in plan.conflicts if held(c, against.signed)]
            else:
                locked = [c for c in plan.conflicts if protected(c)]
            refused = [c for c in locked if given.get(c.ref) is Choice.TAKE_THEIRS]
            if refused:
                raise ValidationError(
                    f"{protected_message(refused[0])} Tidak ada yang diimpor.", field="choices"
                )
            # An approved entry stays ours whatever the default ("--take-theirs") says.
            decided |= {c.ref: Choice.KEEP_OURS for c in locked}
            missing = [c for c in plan.conflicts if decided[c.ref] is None]
            if missing:
                raise UnresolvedConflictsError(missing)
            register = scoped.people_register(session)
            penilai = {nip: boss for nip, _, boss in register}
            loops = penilai_cycles(plan, decided, penilai)
            if loops:
                names = {nip: name for nip, name, _ in register} | names_of(package.aggregates)
                raise ValidationError(
                    " ".join(cycle_message(loop, names) for loop in loops)
                    + " Tidak ada yang diimpor."
                )
            # Only the records a taken conflict replaces are looked up from here on.
            taken = [c for c in plan.conflicts if decided[c.ref] is Choice.TAKE_THEIRS]
            replaced = {c.ref: c.ours for c in taken}
            del register, penilai
            # Taken inside the write transaction, so it is exactly the state the import changes.
            if safety_backup is not None:
                safety = safety_backup()
            else:
                safety = self._safety_backup(now) if back_up else None
            copied = self._copy_evidence(session, package)
            writer = Writer(session, against.ids, replaced)
            try:
                self._write(writer, plan.new, [c.theirs for c in taken])
            except (KeyError, TypeError, IndexError, ValueError, AttributeError) as error:
                raise PackageRefusedError(
                    f"Isi paket tidak sesuai dengan format catatan ({type(error).__name__}: "
                    f"{error}). Paket ditolak seluruhnya; tidak ada yang diimpor."
                ) from None
            # The audit log learns of it in the same transaction: sealed records that were
            # replaced get a new seal, and agreed SKPs or signed evaluations that arrived get
            # their baseline, so `kinerja-desktop check` stays healthy after an import.
            written = writer.skps_written | {skp for skp, _ in writer.periods_written}
            sealed = seals.reseal_written_in(
                session, written, f"Diimpor dari paket serah terima '{path.name}'."
            )
            sealed += seals.seal_unlogged_in(session)
            undecided = tuple(held_reason(c) for c in locked) if unattended else ()
            _note_receipt(
                session,
                package,
                receipt,
                plan=plan,
                taken=len(taken),
                undecided=undecided,
                moment=moment,
            )
        return ImportResult(
            added=len(plan.new),
            replaced=len(taken),
            kept=len(plan.conflicts) - len(taken),
            identical=len(plan.identical),
            files_copied=copied,
            unlinked=writer.unlinked,
            unlinked_findings=writer.unlinked_findings,
            unlinked_entries=writer.unlinked_entries,
            sealed=sealed,
            safety_backup=safety,
            undecided=undecided,
        )

    def take_safety_backup(self, now: datetime | None = None) -> Path | None:
        """The backup before an import (``sebelum-impor``); None on a server.

        For a caller that takes one backup before several imports (the hub's intake).

        Raises:
            StorageError: the backup failed.
        """
        return self._safety_backup(now)

    def _safety_backup(self, now: datetime | None) -> Path | None:
        """Back up the database before an import changes it, like before a restore.

        None on a server: its backups are the server's (``pg_dump``), not a file copy.

        Raises:
            StorageError: the backup failed; the import is called off.
        """
        if self._database.server:
            return None
        try:
            return backup_before(self._database.path, BackupKind.SEBELUM_IMPOR, now)
        except BackupError as error:
            raise StorageError(
                f"Cadangan sebelum impor gagal dibuat ({error}), jadi impor dibatalkan; basis "
                "data tidak diubah."
            ) from error

    @staticmethod
    def _write(writer: Writer, new: Iterable[Aggregate], taken: list[Aggregate]) -> None:
        """Write the new records and those taken from the package, in kind order.

        The new ones are in kind order already (the package's records are) and are built one
        at a time as they are written: a large package's are read back from its table, and
        never all held at once.
        """
        order = {kind: position for position, kind in enumerate(Kind)}
        taken = sorted(taken, key=lambda a: order[a.kind])
        for aggregate in heapq.merge(new, taken, key=lambda a: order[a.kind]):
            writer.write(aggregate)
        writer.finish()

    def _against_ours(self, session: Session, package: Package) -> _Against:
        """The package against our aggregates: the merge plan, our ids, our signed periods.

        Ours are compared as they are built and let go unless they differ from the package's
        (those are kept packed for a large package), so a whole office's never sit in memory
        at once (issue 14).
        """
        ids = Ids()
        signed: dict[tuple[str, int], set[str]] = {}

        def noted(ours: Iterable[Aggregate]) -> Iterator[Aggregate]:
            for aggregate in ours:
                if aggregate.row_id is not None:
                    ids.add(aggregate.kind, aggregate.key, aggregate.content, aggregate.row_id)
                period = signed_period(aggregate)
                if period is not None:
                    signed.setdefault(period[:2], set()).add(period[2])
                yield aggregate

        keep = RecordSpool().aggregate if package.packed else None
        plan = plan_merge(noted(self._touched(session, package)), package.aggregates, keep)
        return _Against(plan, ids, {skp: frozenset(codes) for skp, codes in signed.items()})

    def _touched(self, session: Session, package: Package) -> Iterable[Aggregate]:
        """Our aggregates under the package's keys, and those of what they refer to.

        Read by key (``handover_scoped``), not whole: the cost of an import follows the
        package's size, not the office's. A large package's (kept packed) are built from the
        whole office a batch at a time, as they are asked for. Under the package's keys they
        are exactly what building the whole database's aggregates gives (tests/services/
        handover/test_handover_scoped_read.py); the rest are there for :class:`Ids` and the
        seals.
        """
        if scoped.holds_nothing(session):
            return []  # a new office: working out the package's references would find nothing
        if _touches_most(session, package):
            # Ours are built a batch of SKPs at a time as an export builds them (issue 14).
            # The records under the package's keys are the same
            # (tests/services/handover/test_handover_export_batches.py).
            outline = batches.read_outline(session).tables
            return iter_aggregates(outline, Scope(), batches.BatchReader(session))
        # The same package's references again (apply after its preview) are not worked out
        # twice: they depend on the package alone.
        # Known by the file's SHA-256, so the service holds no package between imports.
        sha256, wanted = self._references
        if wanted is None or not package.sha256 or sha256 != package.sha256:
            wanted = package_references(package.aggregates)
            self._references = (package.sha256, wanted)
        return build_aggregates(scoped.read_scoped(session, wanted).tables)

    def _copy_evidence(self, session: Session, package: Package) -> int:
        """Copy each evidence file of the package that this store lacks; return how many.

        Each goes into the store in the import's transaction (on a server, into its table).
        """
        copied = 0
        wanted = package.named_evidence
        with (
            zipfile.ZipFile(package.path) as archive,
            tempfile.TemporaryDirectory() as folder,
        ):
            for stored_name, member in sorted(package.evidence.items()):
                if stored_name not in wanted or self._evidence.has(
                    session, stored_name, member.sha256
                ):
                    continue
                temp = Path(folder) / f"bukti{Path(stored_name).suffix}"
                # Copied in chunks up to the checked size, so a file never sits in memory whole.
                size = 0
                with archive.open(member.name) as reader, temp.open("wb") as out:
                    while chunk := reader.read(min(_COPY_CHUNK, member.size + 1 - size)):
                        size += len(chunk)
                        out.write(chunk)
                if size != member.size:
                    raise PackageRefusedError(
                        f"Berkas '{member.name}' berubah sejak paket diperiksa. Tidak ada yang "
                        "diimpor."
                    )
                stored = self._evidence.add(session, self._evidence.take(temp))
                if stored.stored_name != stored_name:
                    raise PackageRefusedError(
                        f"Berkas '{member.name}' tidak cocok dengan namanya. Tidak ada yang "
                        "diimpor."
                    )
                copied += 1
        return copied


_ALREADY = ImportResult(0, 0, 0, 0, 0, 0, already_received=True)


def _judge(
    session: Session, package: Package, receipt: ledger.Receipt | None, *, interactive: bool
) -> Judgement:
    """What the received ledger says of ``package`` (its receipt, if it was taken before).

    A package taken before with records left to decide may be imported again in the app
    (``interactive``) to decide them; the intake never takes a package twice.
    """
    if receipt is not None and interactive and receipt.outcome == UNDECIDED:
        return Judgement(Verdict.TAKE)
    manifest = package.manifest
    last = ledger.last_received(
        session, manifest.fingerprint, scope_key(manifest.scope_unit, manifest.scope_year)
    )
    return judge(
        sequence=manifest.sequence, since=manifest.since, last=last, already=receipt is not None
    )


def _note_receipt(
    session: Session,
    package: Package,
    receipt: ledger.Receipt | None,
    *,
    plan: MergePlan,
    taken: int,
    undecided: tuple[str, ...],
    moment: datetime,
) -> None:
    """Keep the package in the received ledger, or settle its earlier receipt."""
    outcome = UNDECIDED if undecided else TAKEN
    if receipt is not None:
        ledger.settle_receipt(
            session,
            receipt.id,
            outcome=outcome,
            undecided=len(undecided),
            received_at=moment.replace(tzinfo=None),
        )
        return
    manifest = package.manifest
    ledger.add_receipt(
        session,
        ledger.NewReceipt(
            sender_fingerprint=manifest.fingerprint,
            scope_key=scope_key(manifest.scope_unit, manifest.scope_year),
            sequence=manifest.sequence,
            since=manifest.since,
            package_sha256=package.sha256,
            file_name=package.path.name[:255],
            received_at=moment.replace(tzinfo=None),
            added=len(plan.new),
            replaced=taken,
            kept=len(plan.conflicts) - taken,
            identical=len(plan.identical),
            undecided=len(undecided),
            outcome=outcome,
        ),
    )


def _stamp_or_none(path: Path) -> tuple[int, int] | None:
    try:
        return _stamp(path)
    except OSError:
        return None  # reading it says why, in Indonesian


def _checked_package(path: Path) -> Package:
    """Read the package whole, then put its records through the domain checks.

    Raises:
        PackageRefusedError: the package fails a check; the message names the first failing
            record's kind, key and field.
    """
    package = read_package(path, _record_check)
    problems = package.problems
    if problems:
        more = f" (dan {len(problems) - 1} masalah lain)" if len(problems) > 1 else ""
        raise PackageRefusedError(f"{problems[0]}{more} Tidak ada yang diimpor.")
    return package


def checked_package(path: Path) -> Package:
    """The package at ``path``, read and checked whole as an import does, without a database.

    For a screen that shows what a package holds before there is an office to import it into
    (the first start from a prefill package).

    Raises:
        PackageRefusedError: the package fails a check.
    """
    return _checked_package(path)


def _record_check(manifest: Manifest) -> Callable[[Aggregate], list[str]]:
    """The domain checks of one record of a package made on the manifest's day."""
    return partial(_one_record_problems, exported_on=_exported_on(manifest.exported_at))


def _one_record_problems(aggregate: Aggregate, exported_on: date | None) -> list[str]:
    return record_problems((aggregate,), exported_on)


def _exported_on(stamp: str) -> date | None:
    """The day a package was made, from its manifest's ISO timestamp; None when unreadable."""
    try:
        return date.fromisoformat(stamp[:10])
    except ValueError:
        return None


def default_key_folder() -> Path:
    from kinerja_desktop.paths import data_dir

    return data_dir() / "keys"


__all__ = [
    "Choice",
    "ExportResult",
    "HandoverService",
    "ImportPreview",
    "ImportResult",
    "PackageOutOfOrderError",
    "PackageRefusedError",
    "UnresolvedConflictsError",
    "default_key_folder",
]
