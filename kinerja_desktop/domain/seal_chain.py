"""The seal chain: the append-only log of sealed records, chained by hashes, and content digests.

An agreed SKP and a signed evaluation are *sealed*: the app refuses to change them until they are
reopened with a reason. Each seal, reopening and baseline is an entry in the chain; each
entry carries the SHA-256 of the previous entry, so removing, reordering or editing an entry
breaks the chain at that point, and a seal entry carries the digest of the record's content, so
a record changed behind the app's back (a raw SQL update) no longer matches its last seal.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

#: The "previous hash" of the first entry.
GENESIS = "0" * 64


class SealAction(StrEnum):
    SKP_DISEPAKATI = "SKP_DISEPAKATI"
    SKP_DIBUKA = "SKP_DIBUKA"
    EVALUASI_DITANDATANGANI = "EVALUASI_DITANDATANGANI"
    EVALUASI_DIBUKA = "EVALUASI_DIBUKA"
    #: A record found sealed without an entry (agreed before the log existed, or by the demo).
    SEGEL_AWAL = "SEGEL_AWAL"
    #: A sealed record replaced from a hand-over package (the user took the package's version).
    DIIMPOR = "DIIMPOR"
    #: The employee's response or keberatan of a signed period recorded: the Dokumen Evaluasi
    #: prints it, so the evaluation is sealed again with it.
    DIALOG_DICATAT = "DIALOG_DICATAT"
    #: An entry of the complaints register deleted (`services.supervision.feedback`).
    REGISTER_DIHAPUS = "REGISTER_DIHAPUS"
    #: A journal observation corrected or deleted, with the reason
    #: (`services.evaluation.journal_audit`).
    CATATAN_DIUBAH = "CATATAN_DIUBAH"
    CATATAN_DIHAPUS = "CATATAN_DIHAPUS"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def seals(self) -> bool:
        """True when the record is sealed after this action (its digest must still match)."""
        return self not in {
            SealAction.SKP_DIBUKA,
            SealAction.EVALUASI_DIBUKA,
            SealAction.REGISTER_DIHAPUS,
            SealAction.CATATAN_DIUBAH,
            SealAction.CATATAN_DIHAPUS,
        }


_LABELS = {
    SealAction.SKP_DISEPAKATI: "SKP disepakati",
    SealAction.SKP_DIBUKA: "SKP dibuka untuk revisi",
    SealAction.EVALUASI_DITANDATANGANI: "Evaluasi ditandatangani",
    SealAction.EVALUASI_DIBUKA: "Evaluasi dibuka kembali",
    SealAction.SEGEL_AWAL: "Segel awal",
    SealAction.DIIMPOR: "Diganti dari paket serah terima",
    SealAction.DIALOG_DICATAT: "Tanggapan/keberatan dicatat",
    SealAction.REGISTER_DIHAPUS: "Entri register pengaduan dihapus",
    SealAction.CATATAN_DIUBAH: "Catatan perilaku dikoreksi",
    SealAction.CATATAN_DIHAPUS: "Catatan perilaku dihapus",
}


def canonical_json(content: Any) -> str:
    """JSON with sorted keys and no spaces: the same content always gives the same text."""
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_digest(content: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of a record's canonical JSON."""
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


#: What a seal's digest covers. Version 1 (a bare hex digest, every seal written
#: before version 2 existed): the
#: record's own rows. Version 2 ("v2:" + hex): also what the sealed forms print beside them,
#: the agreed SKP versions, the signatories and the period's dialogue (`repositories.seal_chain`).
#: Version 3 ("v3:" + hex): also the penilai's Catatan/Rekomendasi the Dokumen Evaluasi prints.
DIGEST_VERSION = 3
_VERSIONED = re.compile(r"v(\d+):")


def digest_version(stored: str) -> int:
    """The digest version a seal was computed with (1 for a bare hex digest)."""
    found = _VERSIONED.match(stored)
    return int(found.group(1)) if found else 1


def versioned_digest(version: int, content: Mapping[str, Any]) -> str:
    """The digest as stored in a seal of ``version``: version 1 bare, later ones prefixed."""
    digest = content_digest(content)
    return digest if version == 1 else f"v{version}:{digest}"


@dataclass(frozen=True)
class SealFields:
    """What an entry says, before it is chained.

    Attributes:
        at: When, as ISO text (seconds), in local time.
        actor: Who did it (the account, or the operating-system user until accounts exist).
        record: Which record, stable across reopenings, e.g. "skp:12" or "evaluasi:12:TW1".
        label: The record in words for people, e.g. "SKP 2026 Dewi Lestari".
        digest: The record's content digest when the action seals it; "" otherwise.
    """

    at: str
    actor: str
    action: SealAction
    record: str
    label: str
    reason: str = ""
    digest: str = ""

    def as_dict(self) -> dict[str, str]:
        return {
            "at": self.at,
            "actor": self.actor,
            "action": self.action.value,
            "record": self.record,
            "label": self.label,
            "reason": self.reason,
            "digest": self.digest,
        }


@dataclass(frozen=True)
class SealEntry:
    sequence: int
    fields: SealFields
    previous: str
    hash: str


def entry_hash(sequence: int, fields: SealFields, previous: str) -> str:
    """The hash of an entry: its number, its fields and the previous entry's hash."""
    payload = canonical_json({"n": sequence, "previous": previous, **fields.as_dict()})
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def next_entry(last: SealEntry | None, fields: SealFields) -> SealEntry:
    """The entry that follows ``last`` (the first one when None)."""
    sequence = 1 if last is None else last.sequence + 1
    previous = GENESIS if last is None else last.hash
    return SealEntry(sequence, fields, previous, entry_hash(sequence, fields, previous))


@dataclass(frozen=True)
class ChainProblem:
    sequence: int
    message: str


def verify_chain(entries: Sequence[SealEntry]) -> list[ChainProblem]:
    """Check the log from its first entry; every break is named by its entry number.

    Entries must be numbered 1, 2, 3, ... without gaps, each pointing at the hash of the one
    before, and each hash must match its content.
    """
    problems = []
    previous = GENESIS
    for expected, entry in enumerate(entries, start=1):
        if entry.sequence != expected:
            problems.append(
                ChainProblem(
                    entry.sequence,
                    f"Catatan audit nomor {expected} hilang atau urutannya berubah.",
                )
            )
            return problems  # every later link is off too; the first break is what matters
        if entry.previous != previous:
            problems.append(
                ChainProblem(
                    entry.sequence,
                    f"Rantai catatan audit putus di nomor {entry.sequence}: catatan sebelumnya "
                    "diubah atau dihapus.",
                )
            )
        if entry_hash(entry.sequence, entry.fields, entry.previous) != entry.hash:
            problems.append(
                ChainProblem(
                    entry.sequence,
                    f"Catatan audit nomor {entry.sequence} ({entry.fields.label}) diubah "
                    "setelah ditulis.",
                )
            )
        previous = entry.hash
    return problems


def last_seals(entries: Sequence[SealEntry]) -> dict[str, SealEntry]:
    """The latest entry per record, for records whose latest action seals them."""
    latest: dict[str, SealEntry] = {}
    for entry in entries:
        latest[entry.fields.record] = entry
    return {record: entry for record, entry in latest.items() if entry.fields.action.seals}
