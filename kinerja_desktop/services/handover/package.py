"""The package file: a zip with a signed manifest, the records as JSON and the evidence files.

Layout (see ``docs/handover-format.md``)::

    manifest.json            canonical JSON: format, versions, scope, public key, members
    manifest.sig             base64 Ed25519 signature of manifest.json's bytes
    records/<kind>.jsonl     one record a line: {"content", "digest", "key", "label"}
    evidence/ab/<sha256>.pdf the evidence copies, named by their content

Format 2 writes each kind's records as JSON lines, record by record, and reads them back line
by line (in batches), so neither side ever holds a whole records file as one text. Format 1
(``records/<kind>.json``, one JSON document per kind) is still read. Format 3 is format 2 for a
package of changes (``since`` set in the manifest): an app that reads only 1 and 2 would take
it for a whole package, so it must refuse it, and does, by its version. A whole package stays
format 2 with its ``sequence`` (older apps ignore the field and read it rightly).

Reading checks the whole package before anything is used: the zip is readable, the manifest
is signed by the key it carries, every listed member is there with its size and SHA-256 and
nothing else is, the schema is not newer than ours, every record file is valid JSON whose
digests match. Any failure refuses the package whole with one Indonesian message.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import itertools
import json
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import IO, Any, TypeVar

from kinerja_desktop.data.migrate import known_revisions
from kinerja_desktop.data.whole_files import replace_whole
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.handover_prefill import PREFILL, not_prefill
from kinerja_desktop.domain.handover_records import (
    Aggregate,
    Kind,
    canonical_json,
    evidence_files,
)
from kinerja_desktop.domain.handover_table import kinds_of
from kinerja_desktop.services.handover.record_spool import SpooledRecords
from kinerja_desktop.services.platform import signing
from kinerja_desktop.services.platform.evidence_store import MAX_EVIDENCE_BYTES

FORMAT = "kinerja-desktop/paket-serah-terima"
FORMAT_VERSION = 2
#: A package of changes since an earlier one: format 2's members, read only by apps that
#: know a package may hold part of a scope.
CHANGES_FORMAT_VERSION = 3
#: The format versions this app reads: 1 (one JSON document per kind), 2 (JSON lines) and 3
#: (JSON lines, a package of changes).
READABLE_VERSIONS = (1, 2, 3)
#: The manifest's ``purpose`` values this app reads. A package without one is an ordinary
#: hand-over package; a purpose this app does not know (a newer app's) is refused.
PURPOSES = (PREFILL,)
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
_MB = 1024 * 1024
#: One records file at most. Measured (docs/benchmarks.md, hand-over Round 8): the demo office
#: of 20,000 people exports records/skp.jsonl of 728 MB (its daily log and period targets
#: included), where 2,000 people export 23 MB of SKP records; an earlier cap of 512 MB refused
#: that office's own package. About three times the 20,000-person file is the cap: a package
#: above it is not a real office's. (Format 2 reads a records file line by line; a format-1
#: file, written only by old apps for small offices, is read whole.)
MAX_RECORDS_MEMBER_BYTES = 2048 * _MB
#: All records files together: the 20,000-person demo office is 1,003 MB, so four times that.
MAX_RECORDS_TOTAL_BYTES = 4096 * _MB
#: All evidence files together (each at most MAX_EVIDENCE_BYTES, 25 MB, as when added in the
#: app): a few files per person for a large office; more belongs in a shared folder, linked.
MAX_EVIDENCE_TOTAL_BYTES = 4096 * _MB
_CHUNK = 1024 * 1024
#: Records files larger than this in all are kept packed when read (:class:`_Records`).
PACK_RECORDS_ABOVE = 128 * _MB
_EVIDENCE_NAME = re.compile(r"evidence/([0-9a-f]{2}/([0-9a-f]{64})(?:\.[a-z0-9]{1,10})?)")
_RECORDS_NAME = {
    1: re.compile(r"records/([a-z_]+)\.json"),
    2: re.compile(r"records/([a-z_]+)\.jsonl"),
    3: re.compile(r"records/([a-z_]+)\.jsonl"),
}
#: Lines of a records file parsed together, as one JSON array: a batch shares its key strings
#: (the decoder's memo), and its bytes are at most this many.
_BATCH_BYTES = 4 * 1024 * 1024
_SHA256 = re.compile(r"[0-9a-f]{64}")
T = TypeVar("T")


class PackageRefusedError(DomainError):
    """The package cannot be used; nothing was written. ``message`` says why, in Indonesian."""


@dataclass(frozen=True)
class Member:
    name: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    """What a package says about itself (all of it covered by the signature)."""

    app_version: str
    schema_revision: str
    source_file: str
    exported_at: str
    scope_unit: tuple[str, ...] | None
    scope_year: int | None
    public_key: bytes
    members: tuple[Member, ...]
    missing_evidence: tuple[str, ...]
    #: 1 (one JSON document per kind), 2 (JSON lines) or 3 (JSON lines, changes only).
    format_version: int = FORMAT_VERSION
    #: The package's number in its scope (1, 2, ...); None for a package written before
    #: packages were numbered (or from a database opened read-only).
    sequence: int | None = None
    #: The number a package of changes follows; None for a whole package.
    since: int | None = None
    #: None for an ordinary hand-over package; ``"prefill"`` for the hub's paket isian awal.
    purpose: str | None = None

    @property
    def fingerprint(self) -> str:
        return signing.fingerprint(self.public_key)

    @property
    def is_prefill(self) -> bool:
        return self.purpose == PREFILL

    def purpose_text(self) -> str:
        """What the package is, in the words the screens use."""
        return "paket isian awal Pemda" if self.is_prefill else "paket serah terima"

    def scope_text(self) -> str:
        unit = " / ".join(self.scope_unit) if self.scope_unit else "semua unit"
        year = f"tahun {self.scope_year}" if self.scope_year else "semua tahun"
        return f"{unit}, {year}"

    def number_text(self) -> str:
        """The number in words: "paket nomor 3 (perubahan sejak nomor 2)" and the like."""
        if self.sequence is None:
            return "paket tanpa nomor"
        if self.since is None:
            return f"paket nomor {self.sequence} (utuh)"
        return f"paket nomor {self.sequence} (perubahan sejak nomor {self.since})"

    def heading(self, source: str) -> str:
        """The preview's first words: "Paket serah terima dari ``source`` (scope, number)".

        A prefill is never numbered (the hub writes it afresh each time), so it has no number.
        """
        what = self.purpose_text()
        details = self.scope_text()
        if not self.is_prefill:
            details = f"{details}, {self.number_text()}"
        return f"{what[:1].upper()}{what[1:]} dari {source} ({details})"


@dataclass(frozen=True)
class Package:
    """A package that passed every check: its manifest, records and evidence members."""

    path: Path
    manifest: Manifest
    #: In kind order; a large package's kept as a table (:class:`SpooledRecords`).
    aggregates: Sequence[Aggregate]
    #: Evidence stored name -> the zip member holding it.
    evidence: Mapping[str, Member]
    #: SHA-256 of the whole file as read: the same package received twice has the same one.
    sha256: str = ""
    #: Every evidence copy the records name: stored name -> SHA-256.
    named_evidence: Mapping[str, str] = field(default_factory=dict)
    #: What the ``check`` given to :func:`read_package` found wrong, one message each.
    problems: tuple[str, ...] = ()
    #: The records are kept packed: a large package (see :func:`read_package`).
    packed: bool = False


# --- writing ----------------------------------------------------------------------------------


def write_package(
    target: Path,
    *,
    header: Mapping[str, Any],
    aggregates: Iterable[Aggregate],
    evidence_folder: Path,
    key: signing.SigningKey,
    fetch_evidence: Callable[[Mapping[str, str]], None] | None = None,
) -> tuple[int, tuple[str, ...]]:
    """Write the package beside ``target`` and move it over it; return (files, missing).

    ``header`` holds the manifest's descriptive fields (versions, source, time, scope, and
    ``sequence``/``since`` when numbered; a ``since`` makes it a format-3 package of changes);
    its ``counts`` per kind are those written unless it gives them. ``aggregates`` are taken
    one at a time, each kind's together (a kind that comes back after another is a
    ValueError), and written into their member as they come (hashed on the way), so a large
    office never sits in memory whole. The evidence copies the records name are then offered
    to ``fetch_evidence`` (stored name -> SHA-256: a server's files brought to this
    computer's folder); those missing from ``evidence_folder`` or no longer matching their
    hash are left out and listed in the manifest as ``missing_evidence``. The manifest and
    its signature come last, once every member's hash is known.
    """
    listed: list[dict[str, Any]] = []
    missing: list[str] = []

    def write(stream: IO[bytes]) -> None:
        with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
            counts: dict[Kind, int] = {}
            named: dict[str, str] = {}
            for kind, group in itertools.groupby(aggregates, key=attrgetter("kind")):
                if kind in counts:
                    raise ValueError(f"the {kind.value} records do not come together")
                member, counts[kind] = _write_records(archive, kind, group, named)
                listed.append(member)
            if fetch_evidence is not None and named:
                fetch_evidence(named)
            for stored_name, sha256 in sorted(named.items()):
                path = evidence_folder / stored_name
                found = _file_hash(path) if path.is_file() else None
                if found is None or found[0] != sha256:
                    missing.append(stored_name)
                    continue
                archive.write(path, f"evidence/{stored_name}")
                listed.append(
                    {"name": f"evidence/{stored_name}", "sha256": sha256, "size": found[1]}
                )
            manifest = canonical_json(
                {
                    "counts": {kind.value: counts.get(kind, 0) for kind in Kind},
                    **header,
                    "format": FORMAT,
                    "format_version": (
                        FORMAT_VERSION if header.get("since") is None else CHANGES_FORMAT_VERSION
                    ),
                    "public_key": base64.b64encode(key.export_public_key()).decode(),
                    "key_fingerprint": key.fingerprint,
                    "members": listed,
                    "missing_evidence": missing,
                }
            )
            archive.writestr(MANIFEST, manifest)
            archive.writestr(SIGNATURE, base64.b64encode(key.sign(manifest)))

    try:
        # Owner-only, like the database whose records it carries.
        replace_whole(target, write)
    except OSError as error:
        raise DomainError(
            f"Paket '{target.name}' tidak dapat disimpan ({error.strerror or error}). "
            "Periksa folder tujuan dan ruang disk."
        ) from None
    return len(listed), tuple(missing)


def _write_records(
    archive: zipfile.ZipFile, kind: Kind, group: Iterable[Aggregate], named: dict[str, str]
) -> tuple[dict[str, Any], int]:
    """Stream one kind's records file: each record's canonical JSON on a line of its own.

    Returns the member's listing and its number of records; the evidence each record names
    is added to ``named``.
    """
    name = f"records/{kind.value}.jsonl"
    digest = hashlib.sha256()
    size = count = 0
    with archive.open(name, "w") as out:
        for aggregate in group:
            line = canonical_json({**aggregate.to_json(), "digest": aggregate.digest}) + b"\n"
            out.write(line)
            digest.update(line)
            size += len(line)
            count += 1
            named.update(evidence_files((aggregate,)))
    return {"name": name, "sha256": digest.hexdigest(), "size": size}, count


def _bytes_hash(body: bytes) -> tuple[str, int]:
    return hashlib.sha256(body).hexdigest(), len(body)


def _file_hash(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as reader:
        while chunk := reader.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


# --- reading ----------------------------------------------------------------------------------


#: Checks one record as read (its content still a dictionary); one message per problem.
RecordCheck = Callable[[Aggregate], Sequence[str]]


def read_package(path: Path, check: Callable[[Manifest], RecordCheck] | None = None) -> Package:
    """Open and check the whole package.

    A large package's records are kept packed in a temporary file (:class:`RecordSpool`,
    above :data:`PACK_RECORDS_ABOVE`): as dictionaries they took several times the file's
    size. ``check`` gives, for the manifest, a check run on each record as it is read,
    before it is packed; what it finds is in ``Package.problems``.

    Raises:
        PackageRefusedError: anything is wrong; the message names what, in Indonesian.
    """
    return _opened(path, lambda archive: _read(path, archive, _file_hash(path)[0], check))


def file_sha256(path: Path) -> str:
    """The SHA-256 of the whole package file, as the received ledger keeps it.

    Raises:
        OSError: the file cannot be read.
    """
    return _file_hash(path)[0]


def read_manifest(path: Path) -> Manifest:
    """Open the package and check only its signed manifest (not its members).

    Enough to sort packages by sender, scope and number before each is read whole.

    Raises:
        PackageRefusedError: the file is not a readable package with a valid signature.
    """
    return _opened(path, lambda archive: _signed_manifest(path, archive)[0])


def _opened(path: Path, read: Callable[[zipfile.ZipFile], T]) -> T:
    """``read`` the zip at ``path``; every way it can fail is a refusal in Indonesian."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            return read(archive)
    except PackageRefusedError:
        raise
    except FileNotFoundError:
        raise PackageRefusedError(f"Berkas paket tidak ditemukan: {path}.") from None
    except IsADirectoryError:
        raise PackageRefusedError(f"Yang dipilih adalah folder, bukan paket: {path}.") from None
    except OSError as error:
        raise PackageRefusedError(
            f"Paket '{name}' tidak dapat dibaca ({error.strerror or error})."
        ) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error):
        raise PackageRefusedError(
            f"Berkas '{name}' bukan paket serah terima yang utuh: arsipnya rusak atau terpotong. "
            "Minta kiriman ulang paketnya. Tidak ada yang diimpor."
        ) from None
    except (NotImplementedError, RuntimeError, ValueError) as error:
        raise PackageRefusedError(
            f"Paket '{name}' memakai bentuk arsip yang tidak didukung ({error}). "
            "Tidak ada yang diimpor."
        ) from None


def _refuse(message: str) -> PackageRefusedError:
    return PackageRefusedError(f"{message} Paket ditolak seluruhnya; tidak ada yang diimpor.")


def _signed_manifest(path: Path, archive: zipfile.ZipFile) -> tuple[Manifest, list[str]]:
    """The manifest, its signature checked, and the names of the zip's members."""
    infos = archive.infolist()
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise _refuse("Paket berisi nama berkas ganda.")
    if MANIFEST not in names or SIGNATURE not in names:
        raise _refuse(
            f"Berkas '{path.name}' bukan paket serah terima: manifest atau tanda tangannya "
            "tidak ada."
        )
    manifest_bytes = _read_member(archive, MANIFEST, MAX_MANIFEST_BYTES)
    signature = _decode_signature(_read_member(archive, SIGNATURE, 1024))
    raw = _parse_json(manifest_bytes, MANIFEST)
    manifest = _manifest(raw)
    if not signing.verify(manifest.public_key, manifest_bytes, signature):
        raise _refuse(
            "Tanda tangan paket tidak cocok dengan isinya: paket telah diubah setelah "
            "ditandatangani, atau rusak."
        )
    if manifest.schema_revision not in known_revisions():
        raise _refuse(
            f"Paket dibuat oleh versi Kinerja Desktop yang lebih baru (skema "
            f"{manifest.schema_revision}, aplikasi {manifest.app_version}). Perbarui aplikasi "
            "ini dulu, lalu impor lagi."
        )
    return manifest, names


class _Records:
    """The records read so far: each checked as it comes and its evidence noted.

    A large package's records are kept packed in a temporary file (:class:`RecordSpool`):
    as dictionaries they took several times the file's size (3.6 GB for a 20,000-person
    office), and packed in memory still 134 MB. A smaller
    one's stay dictionaries, read faster than packed ones (packing and unpacking cost about
    a fifth of an import's time).
    """

    def __init__(self, check: RecordCheck | None, *, pack: bool) -> None:
        self.kept: list[Aggregate] = []
        self.problems: list[str] = []
        self.evidence: dict[str, str] = {}
        self._check = check
        self.pack = pack
        #: A large package's records, as columns (their contents packed in a spool).
        self.table = SpooledRecords() if pack else None

    def take(self, aggregate: Aggregate, canonical: bytes) -> None:
        if self._check is not None:
            self.problems += self._check(aggregate)
        self.evidence.update(evidence_files((aggregate,)))
        if self.table is not None:
            self.table.append(aggregate, canonical)
        else:
            self.kept.append(aggregate)

    def records(self) -> Sequence[Aggregate]:
        """Every record, in kind order (each kind's in the package's order)."""
        if self.table is not None:
            return self.table.finish()
        order = {kind: position for position, kind in enumerate(Kind)}
        return tuple(sorted(self.kept, key=lambda a: order[a.kind]))


def _read(
    path: Path,
    archive: zipfile.ZipFile,
    sha256: str,
    check: Callable[[Manifest], RecordCheck] | None,
) -> Package:
    manifest, names = _signed_manifest(path, archive)
    _check_sizes(manifest.members)
    listed = {member.name for member in manifest.members}
    extra = sorted(set(names) - listed - {MANIFEST, SIGNATURE})
    if extra:
        raise _refuse(f"Paket berisi berkas yang tidak tercantum di manifest: {extra[0]}.")
    absent = sorted(listed - set(names))
    if absent:
        raise _refuse(f"Berkas '{absent[0]}' yang tercantum di manifest tidak ada di paket.")
    records_name = _RECORDS_NAME[manifest.format_version]
    size = sum(m.size for m in manifest.members if records_name.fullmatch(m.name))
    records = _Records(None if check is None else check(manifest), pack=size > PACK_RECORDS_ABOVE)
    evidence: dict[str, Member] = {}
    for member in manifest.members:
        # The whole member's size and SHA-256 first, streamed: a changed byte is named as
        # such before its content is looked at.
        _verify_member(archive, member)
        named = records_name.fullmatch(member.name)
        found = _EVIDENCE_NAME.fullmatch(member.name)
        if named:
            kind = _kind(member.name, named.group(1))
            if manifest.format_version == 1:
                _records(member.name, kind, _checked_member(archive, member), records)
            else:
                _record_lines(archive, member, kind, records)
        elif found and found.group(2) == member.sha256:
            evidence[found.group(1)] = member
        else:
            raise _refuse(f"Berkas '{member.name}' tidak dikenal dalam paket serah terima.")
    _check_evidence_named(records.evidence, evidence, manifest)
    aggregates = records.records()
    stray = not_prefill(kinds_of(aggregates)) if manifest.is_prefill else None
    if stray is not None:
        raise _refuse(
            f"Paket ini disebut paket isian awal, tetapi berisi {stray.label.lower()}, yang "
            "tidak termasuk isian awal."
        )
    return Package(
        path,
        manifest,
        aggregates,
        evidence,
        sha256,
        named_evidence=records.evidence,
        problems=tuple(records.problems),
        packed=records.pack,
    )


def _read_member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    with archive.open(name) as reader:
        body = _bounded(reader, limit)
    if body is None:
        raise _refuse(f"Berkas '{name}' dalam paket terlalu besar.")
    return body


def _bounded(reader: IO[bytes], limit: int) -> bytes | None:
    """Read at most ``limit`` bytes; None when there is more (a zip bomb stops here)."""
    chunks, size = [], 0
    while chunk := reader.read(min(_CHUNK, limit + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            return None
    return b"".join(chunks)


def _checked_member(archive: zipfile.ZipFile, member: Member) -> bytes:
    """A member's whole body (format 1 records), checked against the manifest."""
    body = b"".join(_checked_chunks(archive, member))
    return body


def _verify_member(archive: zipfile.ZipFile, member: Member) -> None:
    for _ in _checked_chunks(archive, member):
        pass


def _checked_chunks(archive: zipfile.ZipFile, member: Member) -> Iterator[bytes]:
    """The member's bytes in chunks; refused past its listed size or at a wrong SHA-256.

    Reading stops at the size the manifest lists, so a zip bomb stops there; the SHA-256 is
    compared once the member is read whole, before the caller takes its last chunk.
    """
    digest = hashlib.sha256()
    size = 0
    with archive.open(member.name) as reader:
        while chunk := reader.read(min(_CHUNK, member.size + 1 - size)):
            size += len(chunk)
            if size > member.size:
                break
            digest.update(chunk)
            yield chunk
    if size != member.size:
        raise _refuse(
            f"Ukuran berkas '{member.name}' dalam paket tidak sesuai manifest: paket telah "
            "diubah, terpotong atau rusak."
        )
    if digest.hexdigest() != member.sha256:
        raise _refuse(
            f"Isi berkas '{member.name}' dalam paket tidak cocok dengan manifest (SHA-256 "
            "berbeda): paket telah diubah atau rusak."
        )


def _decode_signature(text: bytes) -> bytes:
    try:
        return base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise _refuse("Tanda tangan paket tidak terbaca.") from None


def _parse_json(body: bytes, name: str) -> Any:
    try:
        return json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise _refuse(f"Berkas '{name}' dalam paket bukan teks UTF-8.") from None
    except json.JSONDecodeError as error:
        raise _refuse(
            f"Berkas '{name}' dalam paket bukan JSON yang sah (baris {error.lineno}, "
            f"kolom {error.colno})."
        ) from None
    except RecursionError:
        raise _refuse(f"Berkas '{name}' dalam paket bersarang terlalu dalam.") from None


def _manifest(raw: Any) -> Manifest:
    bad = _refuse("Manifest paket tidak lengkap atau tidak sesuai format paket serah terima.")
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise bad
    version = raw.get("format_version")
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        raise _refuse(
            f"Paket memakai format versi {version!r}; aplikasi ini membaca versi "
            f"{', '.join(str(v) for v in READABLE_VERSIONS[:-1])} dan {READABLE_VERSIONS[-1]}. "
            "Perbarui aplikasi ini dulu."
        )
    purpose = raw.get("purpose")
    if purpose is not None and purpose not in PURPOSES:
        raise _refuse(
            f"Paket ini untuk keperluan {purpose!r}, yang belum dikenal aplikasi ini. "
            "Perbarui aplikasi ini dulu."
        )
    try:
        scope = raw["scope"]
        unit = scope["unit"]
        year = scope["year"]
        members = tuple(_member(item) for item in raw["members"])
        manifest = Manifest(
            app_version=_text(raw["app_version"]),
            schema_revision=_text(raw["schema_revision"]),
            source_file=_text(raw["source_file"]),
            exported_at=_text(raw["exported_at"]),
            scope_unit=None if unit is None else tuple(_text(part) for part in unit),
            scope_year=None if year is None else _integer(year),
            public_key=base64.b64decode(_text(raw["public_key"]), validate=True),
            members=members,
            missing_evidence=tuple(_text(item) for item in raw["missing_evidence"]),
            format_version=version,
            sequence=_number(raw.get("sequence")),
            since=_number(raw.get("since")),
            purpose=purpose,
        )
    except (KeyError, TypeError, ValueError, binascii.Error):
        raise bad from None
    _check_numbering(manifest, bad)
    return manifest


def _number(value: Any) -> int | None:
    """A package number: absent or null, or a whole number from 1."""
    if value is None:
        return None
    number = _integer(value)
    if number < 1:
        raise ValueError(number)
    return number


def _check_numbering(manifest: Manifest, bad: PackageRefusedError) -> None:
    """A package of changes is format 3, numbered after the one it follows; others have none."""
    changes = manifest.since is not None
    if changes != (manifest.format_version == CHANGES_FORMAT_VERSION):
        raise bad
    if changes and (manifest.sequence is None or manifest.sequence <= (manifest.since or 0)):
        raise bad


def _member(item: Any) -> Member:
    name, sha256, size = item["name"], item["sha256"], item["size"]
    if not isinstance(name, str) or not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
        raise ValueError(name)
    size = _integer(size)
    if size < 0:
        raise ValueError(name)
    return Member(name, sha256, size)


def _check_sizes(members: Sequence[Member]) -> None:
    """Refuse a package whose members are larger than any real office's, naming the limit."""
    records = [m for m in members if not _EVIDENCE_NAME.fullmatch(m.name)]
    evidence = [m for m in members if _EVIDENCE_NAME.fullmatch(m.name)]
    for member in records:
        if member.size > MAX_RECORDS_MEMBER_BYTES:
            raise _too_large(member.name, member.size, MAX_RECORDS_MEMBER_BYTES)
    for member in evidence:
        if member.size > MAX_EVIDENCE_BYTES:
            raise _too_large(member.name, member.size, MAX_EVIDENCE_BYTES)
    for group, limit, what in (
        (records, MAX_RECORDS_TOTAL_BYTES, "catatan"),
        (evidence, MAX_EVIDENCE_TOTAL_BYTES, "bukti dukung"),
    ):
        total = sum(member.size for member in group)
        if total > limit:
            raise _refuse(
                f"Berkas {what} dalam paket seluruhnya {total // _MB} MB; batasnya "
                f"{limit // _MB} MB, jauh di atas kebutuhan kantor mana pun."
            )


def _too_large(name: str, size: int, limit: int) -> PackageRefusedError:
    return _refuse(
        f"Berkas '{name}' dalam paket berukuran {size // _MB} MB; batasnya {limit // _MB} MB "
        "per berkas."
    )


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(value)
    return value


def _kind(name: str, kind_name: str) -> Kind:
    try:
        return Kind(kind_name)
    except ValueError:
        raise _refuse(f"Berkas '{name}' berisi jenis catatan yang tidak dikenal.") from None


def _records(name: str, kind: Kind, body: bytes, taken: _Records) -> None:
    """Format 1: the kind's records as one JSON document."""
    raw = _parse_json(body, name)
    bad = _refuse(f"Berkas '{name}' dalam paket tidak sesuai format catatan.")
    if not isinstance(raw, dict) or raw.get("kind") != kind.value:
        raise bad
    records = raw.get("records")
    if not isinstance(records, list):
        raise bad
    keys: set[str] = set()
    for number, record in enumerate(records, start=1):
        taken.take(*_record(name, number, record, kind, keys))


def _record_lines(archive: zipfile.ZipFile, member: Member, kind: Kind, taken: _Records) -> None:
    """Format 2: one record a line, parsed in batches of lines as they are read."""
    keys: set[str] = set()
    batch: list[bytes] = []
    held = 0
    number = 0
    rest = b""

    def parse() -> None:
        nonlocal number, held
        for record in _parse_lines(batch, member.name, number):
            number += 1
            taken.take(*_record(member.name, number, record, kind, keys))
        batch.clear()
        held = 0

    for chunk in _checked_chunks(archive, member):
        lines = (rest + chunk).split(b"\n")
        rest = lines.pop()
        for line in lines:
            batch.append(line)
            held += len(line)
            if held >= _BATCH_BYTES:
                parse()
    if rest:
        batch.append(rest)
    parse()


def _parse_lines(lines: list[bytes], name: str, before: int) -> list[Any]:
    """The JSON values of ``lines`` (one each), parsed as one array to share key strings."""
    if not lines:
        return []
    try:
        values = json.loads(b"[" + b",".join(lines) + b"]")
        if len(values) == len(lines):
            return list(values)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        pass
    # Something is wrong: name the first line that is not one JSON value.
    raise _refuse(
        f"Baris ke-{before + _first_bad(lines)} berkas '{name}' dalam paket bukan JSON yang sah."
    )


def _first_bad(lines: list[bytes]) -> int:
    """The 1-based place of the first line that is not one JSON value (the last if none)."""
    for offset, line in enumerate(lines, start=1):
        try:
            json.loads(line)
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            return offset
    return len(lines)


def _record(
    name: str, number: int, record: Any, kind: Kind, keys: set[str]
) -> tuple[Aggregate, bytes]:
    """One record, its digest recomputed and its key unique within the kind.

    Returns:
        The record, and its content's canonical JSON (what the digest is of).
    """
    if not isinstance(record, dict):
        raise _refuse(f"Berkas '{name}' dalam paket tidak sesuai format catatan.")
    key, label, content, digest = (record.get(k) for k in ("key", "label", "content", "digest"))
    if not isinstance(key, list) or not isinstance(label, str) or not isinstance(content, dict):
        raise _refuse(f"Catatan ke-{number} dalam '{name}' tidak lengkap.")
    canonical = canonical_json(content)
    if digest != hashlib.sha256(canonical).hexdigest():
        raise _refuse(f"Catatan ke-{number} dalam '{name}' tidak cocok dengan digest-nya.")
    key_text = canonical_json(key).decode()
    if key_text in keys:
        raise _refuse(f"Catatan ke-{number} dalam '{name}' memakai kunci yang sudah ada.")
    keys.add(key_text)
    return Aggregate(kind, key_text, label, content, digest), canonical


def _check_evidence_named(
    named: Mapping[str, str], evidence: Mapping[str, Member], manifest: Manifest
) -> None:
    for stored_name, sha256 in named.items():
        if stored_name in manifest.missing_evidence:
            continue
        member = evidence.get(stored_name)
        if member is None or member.sha256 != sha256:
            raise _refuse(f"Berkas bukti dukung '{stored_name}' tidak ada di paket.")
