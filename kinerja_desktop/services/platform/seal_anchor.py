"""The seal anchor: the seal chain's head, signed with the installation key, beside the database.

The hash chain shows an entry changed or removed in the middle of the log, but not its last
entries removed (after dropping the triggers): a shorter log is still a valid chain. So the
head's sequence number and hash are signed with the installation's Ed25519 key
(`services.signing`) and kept in ``<database>.segel`` (written whole or not at all, owner-only),
after every commit that moves the head. `check` and the app's start compare the log with it.

A folder copied from another computer carries an anchor signed by that computer's key: when
the log still holds the anchored head, that is not tampering, and the app signs the anchor again
with its own key at the next start (and says so once).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kinerja_desktop.data.whole_files import write_bytes_whole
from kinerja_desktop.domain.seal_chain import SealEntry
from kinerja_desktop.services.platform import signing
from kinerja_desktop.services.platform.signing import SigningKey

__all__ = [
    "AcceptedLog",
    "Anchor",
    "AnchorCheck",
    "AnchorState",
    "anchor_path",
    "judge",
    "write_anchor",
]

ANCHOR_SUFFIX = ".segel"
_FORMAT = "KDSEGEL1"


def anchor_path(database_path: Path) -> Path:
    """``kinerja.sqlite`` -> ``kinerja.sqlite.segel``."""
    return database_path.with_name(database_path.name + ANCHOR_SUFFIX)


def message(sequence: int, head_hash: str) -> bytes:
    """What the installation key signs: the format, the head's number and hash."""
    return f"{_FORMAT}|{sequence}|{head_hash}".encode("ascii")


@dataclass(frozen=True)
class Anchor:
    sequence: int
    hash: str
    public_key: bytes
    signature: bytes

    @property
    def signed(self) -> bool:
        """True when the signature is the embedded key's signature of the head."""
        return signing.verify(self.public_key, message(self.sequence, self.hash), self.signature)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def read_anchor(path: Path) -> Anchor | None:
    """The anchor stored at ``path``; None when there is none.

    Raises:
        ValueError: The file is not an anchor (changed, truncated, or not ours).
        OSError: The file cannot be read.
    """
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValueError(str(error)) from error
    if not isinstance(raw, dict) or raw.get("format") != _FORMAT:
        raise ValueError("bukan berkas segel")
    try:
        return Anchor(
            sequence=int(raw["sequence"]),
            hash=str(raw["hash"]),
            public_key=base64.b64decode(raw["public_key"], validate=True),
            signature=base64.b64decode(raw["signature"], validate=True),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(str(error)) from error


def write_anchor(path: Path, key: SigningKey, sequence: int, head_hash: str) -> None:
    """Sign the head and replace the anchor file in one rename (synced, owner-only).

    Raises:
        FileWriteError: The folder cannot be written (full disk, permissions).
    """
    content = json.dumps(
        {
            "format": _FORMAT,
            "sequence": sequence,
            "hash": head_hash,
            "public_key": _b64(key.export_public_key()),
            "signature": _b64(key.sign(message(sequence, head_hash))),
        },
        sort_keys=True,
    )
    write_bytes_whole(path, content.encode("utf-8"))


class AnchorState(StrEnum):
    #: The log holds the anchored head, signed by this installation.
    OK = "OK"
    #: No anchor yet (a file from before anchors, or a new office).
    NONE = "NONE"
    #: Signed by another installation, and the log holds its head: a copied office folder.
    FOREIGN = "FOREIGN"
    #: The anchor file is unreadable or its signature does not match.
    BROKEN = "BROKEN"
    #: The log no longer holds the anchored head: entries were removed or rewritten.
    BEHIND = "BEHIND"


@dataclass(frozen=True)
class AnchorCheck:
    """How the log stands against its anchor; ``message`` is Indonesian ("" when all is well)."""

    state: AnchorState
    message: str = ""

    @property
    def problem(self) -> bool:
        return self.state in (AnchorState.BROKEN, AnchorState.BEHIND)

    @property
    def may_advance(self) -> bool:
        """True when the anchor may be signed again over the current head."""
        return not self.problem


@dataclass(frozen=True)
class AcceptedLog:
    """What accepting the log signed into the anchor, and how the log stood before.

    Attributes:
        path: The anchor file.
        entries: Entries in the log; 0 means it is empty and the anchor was removed.
        sequence: The number of the head that was signed.
        head_hash: The hash of the head that was signed.
        fingerprint: This installation's key that signed it ("" when nothing was signed).
        before: The log against the anchor it replaced.
    """

    path: Path
    entries: int
    sequence: int
    head_hash: str
    fingerprint: str
    before: AnchorCheck

    @property
    def lines(self) -> tuple[str, ...]:
        """What was accepted, in Indonesian, ready to print."""
        if not self.entries:
            lines = [f"Catatan audit kosong: berkas segel {self.path.name} dihapus."]
        else:
            lines = [
                f"Segel diterima: catatan audit berisi {self.entries} catatan; catatan terakhir "
                f"(nomor {self.sequence}, hash {self.head_hash[:16]}) ditandatangani dengan "
                f"kunci instalasi ini {self.fingerprint} ke berkas {self.path.name}."
            ]
        if self.before.message:
            lines.append(f"Sebelumnya: {self.before.message}")
        return tuple(lines)


def judge(path: Path, entries: Sequence[SealEntry], own_key: bytes | None) -> AnchorCheck:
    """Compare the log with the anchor at ``path``; ``own_key`` is this installation's key."""
    name = path.name
    try:
        anchor = read_anchor(path)
    except (OSError, ValueError):
        return AnchorCheck(
            AnchorState.BROKEN,
            f"Berkas segel {name} rusak atau bukan berkas segel: keutuhan catatan audit tidak "
            "dapat dipastikan.",
        )
    if anchor is None:
        if not entries:
            return AnchorCheck(AnchorState.NONE)
        return AnchorCheck(
            AnchorState.NONE,
            f"Berkas segel {name} belum ada; dibuat saat aplikasi dibuka berikutnya.",
        )
    if not anchor.signed:
        return AnchorCheck(
            AnchorState.BROKEN,
            f"Tanda tangan berkas segel {name} tidak cocok: berkas segel diubah di luar aplikasi.",
        )
    at = next((e for e in entries if e.sequence == anchor.sequence), None)
    if at is None:
        return AnchorCheck(
            AnchorState.BEHIND,
            f"Catatan audit lebih pendek dari segelnya: berkas segel mencatat {anchor.sequence} "
            f"catatan, kini tinggal {len(entries)}. Catatan terakhir dihapus di luar aplikasi.",
        )
    if at.hash != anchor.hash:
        return AnchorCheck(
            AnchorState.BEHIND,
            f"Catatan audit nomor {anchor.sequence} tidak sama dengan yang tercatat di berkas "
            "segel: catatan audit ditulis ulang di luar aplikasi.",
        )
    if own_key is not None and anchor.public_key == own_key:
        return AnchorCheck(AnchorState.OK)
    return AnchorCheck(
        AnchorState.FOREIGN,
        f"Berkas dari instalasi lain: berkas segel {name} ditandatangani kunci "
        f"{signing.fingerprint(anchor.public_key)}, bukan kunci instalasi ini. Catatan auditnya "
        "cocok dengan segel itu; segelnya ditandatangani ulang dengan kunci instalasi ini saat "
        "aplikasi dibuka.",
    )
