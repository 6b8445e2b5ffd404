"""Packed record contents kept in a temporary file instead of memory (issue 14).

A 20,000-person package's records, packed (:class:`PackedContent`), still took 134 MB; with
the keys, labels and digests beside them an import held over 300 MB before writing a row.
A :class:`RecordSpool` writes each packed content to an unnamed temporary file as it is read
and keeps only where it is; reading a field reads those few hundred bytes back. The records
are read once or twice each (the merge plan, the writer), so the file costs little time.
"""

from __future__ import annotations

import tempfile
import threading
import weakref
from array import array
from bisect import bisect_left
from typing import IO

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.handover_aggregate import (
    Aggregate,
    Kind,
    PackedContent,
    Packer,
    canonical_json,
)
from kinerja_desktop.domain.handover_table import RecordTable

#: Bits of a spooled content's place that hold its length (the rest hold its offset): one
#: int a record, not two. Records are far below 4 GB (a package's records member is limited
#: to 2 GB).
_LENGTH_BITS = 32


class RecordSpool:
    """An unnamed temporary file of packed contents, removed when the last one is let go.

    Safe to read from several threads (a preview built in the background, then the apply).
    """

    def __init__(self) -> None:
        """Open the file.

        Raises:
            DomainError: the temporary folder cannot take it; the message says so.
        """
        try:
            # Open as long as a content needs it: closed (and gone) with the spool.
            self._file: IO[bytes] = tempfile.TemporaryFile(prefix="kinerja-paket-")  # noqa: SIM115
        except OSError as error:
            raise _temporary_failed(error) from None
        weakref.finalize(self, self._file.close)
        self._end = 0
        self._lock = threading.Lock()
        self._packer = Packer()

    def aggregate(self, aggregate: Aggregate, canonical: bytes | None = None) -> Aggregate:
        """The same aggregate with its content packed into this spool.

        ``canonical`` is the content's canonical JSON when the caller has it already.

        Raises:
            DomainError: the temporary file cannot be written (a full disk).
        """
        if canonical is None:
            canonical = canonical_json(aggregate.content)
        packed = self.pack(aggregate.kind, canonical)
        return Aggregate(
            aggregate.kind,
            aggregate.key,
            aggregate.label,
            self._keep(packed),
            aggregate.digest,
            aggregate.row_id,
        )

    def _keep(self, packed: PackedContent) -> SpooledContent:
        return SpooledContent(self, self.write(packed.compressed), packed.zdict)

    def pack(self, kind: Kind, canonical: bytes) -> PackedContent:
        """``canonical`` (a content's canonical JSON) packed as this spool packs its kind."""
        return self._packer.content(kind, canonical)

    def write(self, body: bytes) -> int:
        """Keep ``body`` at the end of the file; return its place for :meth:`read`.

        Raises:
            DomainError: the temporary file cannot be written (a full disk).
        """
        with self._lock:
            try:
                self._file.seek(self._end)
                self._file.write(body)
            except OSError as error:
                raise _temporary_failed(error) from None
            place = (self._end << _LENGTH_BITS) | len(body)
            self._end += len(body)
        return place

    def read(self, place: int) -> bytes:
        """The packed bytes kept at ``place``.

        Raises:
            DomainError: the temporary file cannot be read back.
        """
        offset, length = place >> _LENGTH_BITS, place & ((1 << _LENGTH_BITS) - 1)
        with self._lock:
            try:
                self._file.seek(offset)
                body = self._file.read(length)
            except OSError as error:
                raise _temporary_failed(error) from None
        if len(body) != length:
            raise _temporary_failed(OSError("berkas sementara terpotong"))
        return body


def _temporary_failed(error: OSError) -> DomainError:
    return DomainError(
        "Berkas sementara untuk membaca paket tidak dapat ditulis atau dibaca "
        f"({error.strerror or error}). Periksa ruang disk di folder {tempfile.gettempdir()}. "
        "Tidak ada yang diimpor."
    )


class SpooledContent(PackedContent):
    """A packed content whose bytes are in a :class:`RecordSpool`, read like any mapping."""

    __slots__ = ("_place", "_spool")

    def __init__(self, spool: RecordSpool, place: int, zdict: bytes) -> None:
        # The base class's bytes are never set: ``compressed`` reads them from the spool.
        self._spool = spool
        self._place = place
        self._zdict = zdict

    @property
    def compressed(self) -> bytes:
        return self._spool.read(self._place)


#: A kind's number in the table's kind column: its place in writing order.
_KINDS = tuple(Kind)
_KIND_CODES = {kind: code for code, kind in enumerate(_KINDS)}
_DIGEST_BYTES = 32


def _hashed(code: int, key: str) -> int:
    """A record's place in the index: equal for equal (kind, key); others may share it."""
    return hash((code, key))


class SpooledRecords(RecordTable):
    """A large package's records as columns; each key, label and content in a spool.

    In memory each record takes some 60 bytes: its kind (one byte), its digest (32 bytes, not
    a 64-character text), the places of its key and label and of its packed content in the
    spool (an int each in an ``array``) and a hash of its kind and key for :meth:`find`. A
    record is built as an :class:`Aggregate` when read, its key and label read back from the
    spool and its content read as a :class:`SpooledContent`. Records are added while the
    package is read (:meth:`append`), then put in kind order once (:meth:`finish`); reading
    is then safe from several threads, as the spool's is.
    """

    def __init__(self, spool: RecordSpool | None = None) -> None:
        self._spool = spool or RecordSpool()
        self._kinds = bytearray()
        self._digests = bytearray()
        #: Spool places: the key and label ("key\nlabel"; a key, canonical JSON, has no line
        #: break) and the packed content.
        self._heads = array("Q")
        self._contents = array("Q")
        #: hash((kind code, key)) of each record, for the index :meth:`finish` builds.
        self._hashes = array("q")
        #: Each kind's preset dictionary (the spool's packer keeps one per kind).
        self._zdicts: dict[Kind, bytes] = {}
        #: The hashes in order and the record of each (equal hashes in record order).
        self._index: tuple[array[int], array[int]] | None = None

    def append(self, aggregate: Aggregate, canonical: bytes | None = None) -> None:
        """Add ``aggregate`` (its content's canonical JSON when the caller has it).

        Raises:
            DomainError: the temporary file cannot be written (a full disk).
        """
        if self._index is not None:
            raise RuntimeError("the table is finished")
        if canonical is None:
            canonical = canonical_json(aggregate.content)
        packed = self._spool.pack(aggregate.kind, canonical)
        self._zdicts.setdefault(aggregate.kind, packed.zdict)
        code = _KIND_CODES[aggregate.kind]
        digest = bytes.fromhex(aggregate.digest)
        if len(digest) != _DIGEST_BYTES:
            raise ValueError(f"not a SHA-256: {aggregate.digest}")
        head = f"{aggregate.key}\n{aggregate.label}".encode()
        self._heads.append(self._spool.write(head))
        self._contents.append(self._spool.write(packed.compressed))
        self._kinds.append(code)
        self._digests += digest
        self._hashes.append(_hashed(code, aggregate.key))

    def finish(self) -> SpooledRecords:
        """Put the records in kind order (each kind's in the order added) and index them."""
        if self._index is not None:
            return self
        kinds = self._kinds
        if any(kinds[at] > kinds[at + 1] for at in range(len(kinds) - 1)):
            order = sorted(range(len(kinds)), key=kinds.__getitem__)
            self._kinds = bytearray(kinds[at] for at in order)
            digests = self._digests
            self._digests = bytearray().join(
                digests[at * _DIGEST_BYTES : (at + 1) * _DIGEST_BYTES] for at in order
            )
            self._heads = array("Q", (self._heads[at] for at in order))
            self._contents = array("Q", (self._contents[at] for at in order))
            self._hashes = array("q", (self._hashes[at] for at in order))
        hashes = self._hashes
        by_hash = sorted(range(len(hashes)), key=hashes.__getitem__)
        self._index = (array("q", (hashes[at] for at in by_hash)), array("I", by_hash))
        return self

    def __len__(self) -> int:
        return len(self._kinds)

    def aggregate(self, at: int) -> Aggregate:
        kind = _KINDS[self._kinds[at]]
        key, label = self._head(at)
        content = SpooledContent(self._spool, self._contents[at], self._zdicts[kind])
        return Aggregate(kind, key, label, content, self.digest_at(at))

    def kind_at(self, at: int) -> Kind:
        return _KINDS[self._kinds[at]]

    def digest_at(self, at: int) -> str:
        return self._digests[at * _DIGEST_BYTES : (at + 1) * _DIGEST_BYTES].hex()

    def key_at(self, at: int) -> str:
        return self._head(at)[0]

    def find(self, kind: Kind, key: str) -> int | None:
        if self._index is None:
            raise RuntimeError("the table is not finished")
        code = _KIND_CODES[kind]
        wanted = _hashed(code, key)
        hashes, records = self._index
        found = None
        at = bisect_left(hashes, wanted)
        while at < len(hashes) and hashes[at] == wanted:
            record = records[at]
            if self._kinds[record] == code and self.key_at(record) == key:
                found = record  # equal hashes are in record order: the last one counts
            at += 1
        return found

    def _head(self, at: int) -> tuple[str, str]:
        key, _, label = self._spool.read(self._heads[at]).decode().partition("\n")
        return key, label
