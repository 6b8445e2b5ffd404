"""Numbered hand-over packages: what a package of changes carries, and what a hub takes.

A unit numbers its packages per scope (a unit path and a year): 1, 2, ... A whole package
carries every record of the scope; a package of changes (``since`` the number it follows)
carries only the records new or changed since the last package of that scope. A hub takes a
sender's packages of one scope in order: the same package again changes nothing, an older
number is refused, and a package of changes that follows a number the hub has not taken is
refused until that one (or a whole package) arrives.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from kinerja_desktop.domain.handover_records import Aggregate, canonical_json


def scope_key(unit: Iterable[str] | None, year: int | None) -> str:
    """The ledger's key of a scope: the canonical JSON of the manifest's ``scope``."""
    return canonical_json({"unit": list(unit) if unit else None, "year": year}).decode()


def scope_label(key: str) -> str:
    """A scope key in words: "Kecamatan Kertapati / Seksi Umum, tahun 2026"."""
    value: Any = json.loads(key)
    unit = value.get("unit") if isinstance(value, dict) else None
    year = value.get("year") if isinstance(value, dict) else None
    where = " / ".join(str(part) for part in unit) if unit else "semua unit"
    return f"{where}, {f'tahun {year}' if year else 'semua tahun'}"


def sent_mark(kind: str, key: str, digest: str) -> int:
    """A 64-bit mark of one record as sent: its kind, key and digest together.

    A package of changes leaves out a record whose mark the ledger holds, so an export keeps
    a set of small numbers, not every key and digest of a large office's ledger (some 300,000
    for 20,000 people). A record that changed and still matched a mark would need a 64-bit
    collision: about one chance in 10^8 for an office of that size, each package.
    """
    text = f"{kind}\t{key}\t{digest}".encode()
    return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "big")


def ledger_of(aggregates: Iterable[Aggregate]) -> set[int]:
    """The marks of every record of a scope (:func:`sent_mark`): what the ledger holds once sent."""
    return {sent_mark(a.kind.value, a.key, a.digest) for a in aggregates}


def changed_since(aggregates: Iterable[Aggregate], sent: Container[int]) -> Iterator[Aggregate]:
    """The records new or changed since the ledger's marks ``sent``, in order, as they come."""
    return (a for a in aggregates if sent_mark(a.kind.value, a.key, a.digest) not in sent)


class Verdict(StrEnum):
    """What a hub does with a package, given what it took before from that sender and scope."""

    #: Take it.
    TAKE = "TAKE"
    #: The very same package (same SHA-256) was taken before: nothing is written.
    ALREADY = "ALREADY"
    #: A number at or below the last taken, with other content: refused.
    OLD = "OLD"
    #: A package of changes that follows a number not taken yet: refused.
    GAP = "GAP"


@dataclass(frozen=True)
class Judgement:
    verdict: Verdict
    #: Why, in Indonesian (empty for TAKE).
    message: str = ""


def judge(
    *,
    sequence: int | None,
    since: int | None,
    last: int | None,
    already: bool,
) -> Judgement:
    """What to do with a package numbered ``sequence`` (following ``since``, None if whole).

    Args:
        sequence: The package's number; None for a package written before numbering, which is
            taken like any whole package.
        since: The number a package of changes follows; None for a whole package.
        last: The highest number taken from this sender and scope; None when none was.
        already: A package with the same SHA-256 was taken before.
    """
    if already:
        return Judgement(Verdict.ALREADY, "Paket ini sudah diterima; tidak ada yang diubah.")
    if sequence is None:
        return Judgement(Verdict.TAKE)
    if last is not None and sequence <= last:
        return Judgement(
            Verdict.OLD,
            f"Paket lama: paket nomor {sequence} dari pengirim dan cakupan ini, padahal paket "
            f"nomor {last} sudah diterima. Paket ditolak; tidak ada yang diimpor.",
        )
    if since is not None and since > (last or 0):
        missing = (last or 0) + 1
        more = f" sampai nomor {since}" if since > missing else ""
        return Judgement(
            Verdict.GAP,
            f"Paket nomor {missing}{more} belum diterima: paket nomor {sequence} hanya berisi "
            f"perubahan sejak paket nomor {since}. Impor paket yang belum diterima dulu, atau "
            "minta unit mengirim paket utuh. Paket ditolak; tidak ada yang diimpor.",
        )
    return Judgement(Verdict.TAKE)
