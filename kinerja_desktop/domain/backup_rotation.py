"""Backup file names and which backups to keep: 7 daily, 4 weekly, 12 monthly.

Automatic backups (one a day at most, taken at start) are thinned by the grandfather-father-son
rule that restic and Anki use: walking from the newest, the newest backup of each of the last 7
days that have one is kept, and the newest of each of the last 4 ISO weeks and of the last 12
calendar months that have one. A backup kept by any of the three rules stays.

Safety backups, taken before a schema migration, a restore or a package import, hold the state
the user had before the app changed the file on its own or on request. They are not thinned by
the rule above: every safety backup younger than ``safety_days`` (90) stays, and the newest
``safety_count`` (5) stay whatever their age. Backups the user makes with "Cadangkan ke..." go
to a folder of their choosing and are never touched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

STAMP_FORMAT = "%Y%m%d-%H%M%S"
_NAME = re.compile(
    r"^(?P<stem>.+)_(?P<kind>[a-z-]+)_(?P<stamp>\d{8}-\d{6})(?:-(?P<sequence>\d+))?\.sqlite$"
)


class BackupKind(StrEnum):
    """Why a backup was taken; the value is the word in its file name."""

    HARIAN = "harian"
    SEBELUM_MIGRASI = "sebelum-migrasi"
    SEBELUM_PEMULIHAN = "sebelum-pemulihan"
    SEBELUM_IMPOR = "sebelum-impor"
    SEBELUM_PINDAH = "sebelum-pindah"
    MANUAL = "manual"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def is_safety(self) -> bool:
        return self in (
            BackupKind.SEBELUM_MIGRASI,
            BackupKind.SEBELUM_PEMULIHAN,
            BackupKind.SEBELUM_IMPOR,
            BackupKind.SEBELUM_PINDAH,
        )


_LABELS = {
    BackupKind.HARIAN: "Otomatis harian",
    BackupKind.SEBELUM_MIGRASI: "Sebelum pembaruan struktur",
    BackupKind.SEBELUM_PEMULIHAN: "Sebelum pemulihan",
    BackupKind.SEBELUM_IMPOR: "Sebelum impor paket",
    BackupKind.SEBELUM_PINDAH: "Sebelum pindah basis data",
    BackupKind.MANUAL: "Dibuat pengguna",
}


@dataclass(frozen=True)
class BackupName:
    """What a backup's file name says: whose database, why, and when (to the second)."""

    stem: str
    kind: BackupKind
    taken_at: datetime
    #: 0 for the first backup of that second; 2, 3, ... for more in the same second.
    sequence: int = 0

    @property
    def file_name(self) -> str:
        suffix = f"-{self.sequence}" if self.sequence else ""
        return (
            f"{self.stem}_{self.kind.value}_{self.taken_at.strftime(STAMP_FORMAT)}{suffix}.sqlite"
        )


def parse_backup_name(name: str) -> BackupName | None:
    """Read a file name made by :attr:`BackupName.file_name`; None for any other name."""
    match = _NAME.match(name)
    if match is None:
        return None
    try:
        kind = BackupKind(match["kind"])
        taken_at = datetime.strptime(match["stamp"], STAMP_FORMAT)
    except ValueError:
        return None
    return BackupName(match["stem"], kind, taken_at, int(match["sequence"] or 0))


@dataclass(frozen=True)
class Retention:
    """How many automatic backups to keep per period, and how long safety backups stay."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12
    safety_days: int = 90
    safety_count: int = 5


def _day(moment: datetime) -> date:
    return moment.date()


def _week(moment: datetime) -> tuple[int, int]:
    year, week, _ = moment.isocalendar()
    return year, week


def _month(moment: datetime) -> tuple[int, int]:
    return moment.year, moment.month


def _newest_per_period(
    newest_first: list[BackupName], period: Callable[[datetime], object], count: int
) -> set[BackupName]:
    kept: set[BackupName] = set()
    last: object = None
    for backup in newest_first:
        if len(kept) >= count:
            break
        bucket = period(backup.taken_at)
        if bucket != last:
            kept.add(backup)
            last = bucket
    return kept


def _newest_first(backups: Iterable[BackupName]) -> list[BackupName]:
    return sorted(backups, key=lambda b: (b.taken_at, b.sequence), reverse=True)


def backups_to_keep(
    backups: Iterable[BackupName], now: datetime, retention: Retention | None = None
) -> frozenset[BackupName]:
    """Return the backups to keep; the caller may delete the others (of the same database).

    Args:
        backups: The backups of one database (one stem).
        now: The present moment, for the age of safety backups.
        retention: The counts; the defaults are 7 daily, 4 weekly, 12 monthly.
    """
    rule = retention or Retention()
    every = list(backups)
    kept: set[BackupName] = {b for b in every if b.kind is BackupKind.MANUAL}
    automatic = _newest_first(b for b in every if b.kind is BackupKind.HARIAN)
    kept |= _newest_per_period(automatic, _day, rule.daily)
    kept |= _newest_per_period(automatic, _week, rule.weekly)
    kept |= _newest_per_period(automatic, _month, rule.monthly)
    safety = _newest_first(b for b in every if b.kind.is_safety)
    kept |= set(safety[: rule.safety_count])
    oldest_kept = now - timedelta(days=rule.safety_days)
    kept |= {b for b in safety if b.taken_at >= oldest_kept}
    return frozenset(kept)


def automatic_backup_due(backups: Iterable[BackupName], now: datetime) -> bool:
    """True unless an automatic backup was already taken on ``now``'s calendar day."""
    today = now.date()
    return not any(b.kind is BackupKind.HARIAN and b.taken_at.date() == today for b in backups)


def full_check_due(backups: Iterable[BackupName], now: datetime) -> bool:
    """True when ``now``'s automatic backup is the first of its ISO week.

    That one is checked with the full ``integrity_check``; the other days' with
    ``quick_check``, which skips the index-content checks and takes a fraction of the time on a
    large file (reliability.md: a full check weekly, ``quick_check`` otherwise).
    """
    week = _week(now)
    return not any(b.kind is BackupKind.HARIAN and _week(b.taken_at) == week for b in backups)


def unused_name(stem: str, kind: BackupKind, now: datetime, taken: Iterable[str]) -> BackupName:
    """Return the name for a backup taken ``now`` that no file in ``taken`` has already.

    Two backups in the same second (a restore right after another) must not overwrite each
    other: the second one gets ``-2``, and so on.
    """
    names = set(taken)
    moment = now.replace(microsecond=0)
    sequence = 0
    while True:
        candidate = BackupName(stem, kind, moment, sequence)
        if candidate.file_name not in names:
            return candidate
        sequence = 2 if sequence == 0 else sequence + 1
