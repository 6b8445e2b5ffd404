"""Beranda's daily progress items: gaps in the last working days, and entries to review."""

from __future__ import annotations

from datetime import date

from progress_office import TODAY, Office, entry

from kinerja_desktop.services.progress.attention import progress_check

#: The five working days before Wednesday 18 March 2026.
RECENT = [date(2026, 3, d) for d in (11, 12, 13, 16, 17)]


def _items(office: Office) -> list[tuple[str, str]]:
    with office.services.database.reading() as session:
        return [(item.title, item.detail) for item in progress_check(session, TODAY)]


def test_an_office_without_a_daily_log_is_told_nothing(progress_office: Office) -> None:
    assert _items(progress_office) == []


def test_people_behind_and_entries_waiting_are_listed(progress_office: Office) -> None:
    office, progress = progress_office, progress_office.services.progress
    for day in RECENT:  # Rizky is complete; Dewi missed a day, which leave would excuse
        progress.submit([progress.add(office.rizky, entry(office.rizky_rhks[0], day)).id])
        if day != RECENT[-1]:
            progress.submit([progress.add(office.dewi, entry(office.dewi_rhks[0], day)).id])

    assert _items(office) == [
        (
            "1 pegawai belum mengajukan progres harian untuk semua 5 hari kerja terakhir",
            "Dewi Lestari",
        ),
        ("2 pegawai menunggu persetujuan progres harian", "Dewi Lestari, Rizky Pratama"),
    ]
    office.services.calendar.set_leave(office.dewi, RECENT[-1], RECENT[-1])
    assert [title for title, _ in _items(office)] == [
        "2 pegawai menunggu persetujuan progres harian"
    ]


def test_beranda_shows_the_items_to_the_penilai(progress_office: Office) -> None:
    office, progress = progress_office, progress_office.services.progress
    progress.submit([progress.add(office.rizky, entry(office.rizky_rhks[0], RECENT[0])).id])
    office.sign_in(office.siti)
    titles = [item.title for item in office.services.attention.items(TODAY)]
    assert "1 pegawai menunggu persetujuan progres harian" in titles
