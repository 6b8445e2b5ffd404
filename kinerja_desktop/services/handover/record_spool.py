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
from typing import IO

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.handover_aggregate import (
    Aggregate,
    PackedContent,
    Packer,
    canonical_json,
)

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
        packed = self._packer.content(aggregate.kind, canonical)
        return Aggregate(
            aggregate.kind,
            aggregate.key,
            aggregate.label,
            self._keep(packed),
            aggregate.digest,
            aggregate.row_id,
        )

    def _keep(self, packed: PackedContent) -> SpooledContent:
        body = packed.compressed
        with self._lock:
            try:
                self._file.seek(self._end)
                self._file.write(body)
            except OSError as error:
                raise _temporary_failed(error) from None
            place = (self._end << _LENGTH_BITS) | len(body)
            self._end += len(body)
        return SpooledContent(self, place, packed.zdict)

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
