"""The demo's daily progress log: three weeks of entries for the kasi's first five staff.

Each working day before the demo's day (national holidays from the holidays package skipped)
gets one or two entries against the person's RHK. The oldest two weeks are approved by the
kasi, except one entry per person returned with a note; the last week is submitted, and the
last working day is still a draft, so the page shows all four statuses.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from kinerja_desktop.data.repositories import progress as repo
from kinerja_desktop.data.repositories import skp as skp_repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.demo.accounts_demo import kasi_of
from kinerja_desktop.demo.steps import DemoContext
from kinerja_desktop.domain.progress import CheckedEntry, ProgressStatus
from kinerja_desktop.domain.working_days import WorkingCalendar
from kinerja_desktop.services.progress.holidays_id import national_holidays

#: How many of the kasi's staff keep a log, and over how many working days.
PEOPLE = 5
DAYS = 15
#: What was done (with its unit) and where the numbers come from.
ACTIVITIES = (
    ("Memverifikasi berkas permohonan layanan", "berkas", "Buku register layanan"),
    ("Menginput data permohonan ke aplikasi", "data", "Aplikasi SIAK"),
    ("Menyusun rekap layanan harian", "laporan", "Buku register layanan"),
    ("Melayani konsultasi warga di loket", "orang", "Buku tamu"),
    ("Mengagendakan dan mengarsipkan surat masuk", "surat", "Aplikasi SRIKANDI"),
)
RETURN_NOTE = "Jumlah pada realisasi belum sama dengan buku register; periksa lagi."


def _working_days(today: date) -> list[date]:
    """The last ``DAYS`` working days before ``today``, oldest first."""
    national = {**national_holidays(today.year - 1), **national_holidays(today.year)}
    calendar = WorkingCalendar(national)
    days: list[date] = []
    day = today - timedelta(days=1)
    while len(days) < DAYS:
        if calendar.is_working_day(day):
            days.append(day)
        day -= timedelta(days=1)
    return sorted(days)


def write_progress(ctx: DemoContext) -> None:
    kasi = kasi_of(ctx)
    if kasi is None:
        return
    staff = [p.id for p in staff_repo.subordinates_of(ctx.session, kasi) if p.active][:PEOPLE]
    rng = ctx.rng("progress")
    days = _working_days(ctx.today)
    written = 0
    for person in staff:
        skp = skp_repo.skp_for(ctx.session, person, ctx.today.year)
        rhks = skp_repo.rhk_options(ctx.session, skp.id) if skp is not None else []
        if not rhks:
            continue
        returned = False
        for number, day in enumerate(days):
            if day.year != ctx.today.year:
                continue
            for slot in range(1 + rng.randrange(2)):
                text, unit, source = ACTIVITIES[rng.randrange(len(ACTIVITIES))]
                start = time(8 + 3 * slot, 0)
                entry = CheckedEntry(
                    rhk_id=rhks[rng.randrange(len(rhks))].id,
                    day=day,
                    start=start,
                    end=time(start.hour + 2, 30),
                    activity=text,
                    realisation=1 + rng.randrange(15),
                    unit=unit,
                    data_source=source,
                    evidence_link="",
                )
                entry_id = repo.add(ctx.session, person, entry, recorded_at=ctx.stamp)
                written += 1
                _set_status(ctx, entry_id, number, returned)
                returned = returned or number < DAYS - 5
    if written:
        ctx.notes.append(
            f"Progres harian: {written} kegiatan {len(staff)} pegawai selama {DAYS} hari kerja "
            "terakhir (draf, diajukan, disetujui, dan dikembalikan)."
        )


def _set_status(ctx: DemoContext, entry_id: int, number: int, returned: bool) -> None:
    if number == DAYS - 1:
        return  # the last working day: still a draft
    if number >= DAYS - 5:
        repo.set_status(ctx.session, [entry_id], ProgressStatus.DIAJUKAN)
        return
    status, note = (
        (ProgressStatus.DISETUJUI, None) if returned else (ProgressStatus.DIKEMBALIKAN, RETURN_NOTE)
    )
    repo.set_status(
        ctx.session, [entry_id], status, note=note, reviewed_by="kasi", reviewed_at=ctx.stamp
    )
