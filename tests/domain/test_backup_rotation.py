"""Which backups stay: 7 daily, 4 weekly, 12 monthly; safety backups by their own rule."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from kinerja_desktop.domain.backup_rotation import (
    BackupKind,
    BackupName,
    automatic_backup_due,
    backups_to_keep,
    full_check_due,
    parse_backup_name,
    unused_name,
)

H = BackupKind.HARIAN
M = BackupKind.SEBELUM_MIGRASI
R = BackupKind.SEBELUM_PEMULIHAN
U = BackupKind.MANUAL
NOW = datetime(2026, 11, 30, 9, 0)


def at(text: str) -> datetime:
    """'2026-11-30' (08:00) or '2026-11-30 17:45'."""
    return datetime.fromisoformat(text if " " in text else f"{text} 08:00")


def named(kind: BackupKind, text: str) -> BackupName:
    return BackupName("kinerja", kind, at(text))


def days(first: str, last: str) -> list[str]:
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return [(start + timedelta(n)).isoformat() for n in range((end - start).days + 1)]


def twice_a_month(first_year: int, last: tuple[int, int]) -> list[str]:
    found = []
    for year in range(first_year, last[0] + 1):
        for month in range(1, 13):
            if (year, month) <= last:
                found += [f"{year}-{month:02d}-01", f"{year}-{month:02d}-15"]
    return found


# name -> (backups as (kind, when), the ones kept)
CASES: dict[str, tuple[list[tuple[BackupKind, str]], list[tuple[BackupKind, str]]]] = {
    "nothing": ([], []),
    "one": ([(H, "2026-11-30")], [(H, "2026-11-30")]),
    "three-on-one-day-keep-the-newest": (
        [(H, "2026-11-30 07:00"), (H, "2026-11-30 12:00"), (H, "2026-11-30 18:00")],
        [(H, "2026-11-30 18:00")],
    ),
    # Every day of November 2026: the last 7 days; weeks 49, 48, 47, 46 (Mon-Sun ISO weeks)
    # give 30th (Mon), 29th (Sun), 22nd, 15th; the month gives the 30th again.
    "every-day-of-a-month": (
        [(H, day) for day in days("2026-11-01", "2026-11-30")],
        [(H, day) for day in [*days("2026-11-24", "2026-11-30"), "2026-11-22", "2026-11-15"]],
    ),
    # The 1st and 15th of every month from Jan 2025 to Jun 2026: the 7 newest days reach back
    # to 15 March 2026 (they cover the 4 weeks too), then one per month back to July 2025.
    "twice-a-month-for-a-year-and-a-half": (
        [(H, day) for day in twice_a_month(2025, (2026, 6))],
        [
            (H, day)
            for day in [
                "2026-06-15",
                "2026-06-01",
                "2026-05-15",
                "2026-05-01",
                "2026-04-15",
                "2026-04-01",
                "2026-03-15",
                "2026-02-15",
                "2026-01-15",
                "2025-12-15",
                "2025-11-15",
                "2025-10-15",
                "2025-09-15",
                "2025-08-15",
                "2025-07-15",
            ]
        ],
    ),
    # Safety backups: the newest 5 whatever their age, and every one under 90 days.
    "safety-newest-five-and-the-young": (
        [
            (M, "2026-11-20"),
            (M, "2026-09-01"),  # 90 days and an hour old: kept as one of the newest five
            (R, "2026-08-27"),
            (M, "2026-08-01"),
            (R, "2026-07-01"),
            (M, "2026-05-01"),
            (M, "2025-01-01"),
        ],
        [
            (M, "2026-11-20"),
            (M, "2026-09-01"),
            (R, "2026-08-27"),
            (M, "2026-08-01"),
            (R, "2026-07-01"),
        ],
    ),
    "safety-all-young-are-kept-beyond-five": (
        [(R, day) for day in days("2026-11-21", "2026-11-29")],
        [(R, day) for day in days("2026-11-21", "2026-11-29")],
    ),
    "safety-backups-do-not-take-a-daily-place": (
        [(R, "2026-11-30"), *[(H, day) for day in days("2026-11-20", "2026-11-29")]],
        [
            (R, "2026-11-30"),
            *[(H, day) for day in [*days("2026-11-23", "2026-11-29"), "2026-11-22"]],
        ],
    ),
    "manual-backups-always-stay": (
        [(U, "2019-01-01"), (U, "2026-11-30"), (H, "2026-11-30")],
        [(U, "2019-01-01"), (U, "2026-11-30"), (H, "2026-11-30")],
    ),
    # Months without backups do not count: the 12 monthly places reach back further.
    "monthly-skips-empty-months": (
        [(H, f"{year}-{month:02d}-10") for year in (2024, 2025) for month in (1, 6, 11)],
        [(H, f"{year}-{month:02d}-10") for year in (2024, 2025) for month in (1, 6, 11)],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_backups_to_keep(case: str) -> None:
    backups, expected = CASES[case]
    every = [named(kind, when) for kind, when in backups]

    kept = backups_to_keep(every, NOW)

    assert sorted(b.file_name for b in kept) == sorted(
        named(kind, when).file_name for kind, when in expected
    )


def test_more_than_twelve_months_drops_the_oldest_month() -> None:
    every = [named(H, f"{2025 + (m - 1) // 12}-{(m - 1) % 12 + 1:02d}-05") for m in range(1, 15)]
    kept = backups_to_keep(every, NOW)
    assert len(kept) == 12
    assert min(b.taken_at for b in kept) == at("2025-03-05")


@pytest.mark.parametrize(
    ("backups", "due"),
    [
        ([], True),
        ([(H, "2026-11-30 07:00")], False),  # already taken today
        ([(H, "2026-11-29 23:59")], True),
        ([(M, "2026-11-30 07:00")], True),  # a safety backup is not the daily one
        ([(U, "2026-11-30 07:00")], True),
        ([(H, "2026-12-01 07:00")], True),  # a clock that was ahead does not stop today's
    ],
)
def test_automatic_backup_due(backups: list[tuple[BackupKind, str]], due: bool) -> None:
    assert automatic_backup_due([named(k, w) for k, w in backups], NOW) is due


@pytest.mark.parametrize(
    ("backups", "full"),
    [
        ([], True),  # the first backup ever
        ([(H, "2026-11-29 08:00")], True),  # Sunday was last ISO week: Monday's is full
        ([(H, "2026-11-30 07:00")], False),  # this week's first was taken already
        ([(H, "2026-12-03 08:00")], False),  # a clock that was ahead, same week
        ([(M, "2026-11-30 07:00"), (U, "2026-11-30 07:30")], True),  # not automatic ones
        ([(H, "2025-12-03 08:00")], True),  # week 49 of the year before
    ],
)
def test_the_weeks_first_automatic_backup_gets_the_full_check(
    backups: list[tuple[BackupKind, str]], full: bool
) -> None:
    assert full_check_due([named(k, w) for k, w in backups], NOW) is full


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "kinerja_harian_20261130-090000.sqlite",
            BackupName("kinerja", H, datetime(2026, 11, 30, 9), 0),
        ),
        (
            "kantor_lama_sebelum-pemulihan_20261130-090000-3.sqlite",
            BackupName("kantor_lama", R, datetime(2026, 11, 30, 9), 3),
        ),
        (
            "kinerja_sebelum-migrasi_20260101-000001.sqlite",
            BackupName("kinerja", M, datetime(2026, 1, 1, 0, 0, 1), 0),
        ),
        ("kinerja_harian_20261130-090000.sqlite.part", None),
        ("kinerja_mingguan_20261130-090000.sqlite", None),  # an unknown kind
        ("kinerja_harian_20261340-090000.sqlite", None),  # month 13
        ("kinerja.sqlite", None),
        ("_harian_20261130-090000.sqlite", None),
    ],
)
def test_parse_backup_name(name: str, expected: BackupName | None) -> None:
    assert parse_backup_name(name) == expected
    if expected is not None:
        assert expected.file_name == name


def test_unused_name_never_repeats_a_name_in_the_same_second() -> None:
    now = datetime(2026, 11, 30, 9, 0, 0, 500)
    first = unused_name("kinerja", R, now, [])
    second = unused_name("kinerja", R, now, [first.file_name])
    third = unused_name("kinerja", R, now, [first.file_name, second.file_name])
    assert [first.file_name, second.file_name, third.file_name] == [
        "kinerja_sebelum-pemulihan_20261130-090000.sqlite",
        "kinerja_sebelum-pemulihan_20261130-090000-2.sqlite",
        "kinerja_sebelum-pemulihan_20261130-090000-3.sqlite",
    ]
