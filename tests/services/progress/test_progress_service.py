"""Progres Harian through the service: write, submit, review, copy, the week and completeness."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from progress_office import TODAY, Office, add_skp, entry
from raw_database import raw_connect
from sqlalchemy import event

from kinerja_desktop.domain.access import AccessDeniedError, Role
from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.domain.errors import NotFoundError, ValidationError, ValidationErrors
from kinerja_desktop.domain.progress import ProgressStatus
from kinerja_desktop.domain.working_days import DayOffKind
from kinerja_desktop.services.platform.health import check_database

MONDAY = date(2026, 3, 16)
TUESDAY = date(2026, 3, 17)


def _dump(office: Office) -> list[tuple[object, ...]]:
    with raw_connect(office.services.database_path) as raw:
        return raw.execute("SELECT * FROM progress_entries ORDER BY id").fetchall()


def test_a_person_writes_submits_and_the_penilai_approves(progress_office: Office) -> None:
    office, progress = progress_office, progress_office.services.progress
    office.sign_in(office.rizky)
    added = progress.add(office.rizky, entry(office.rizky_rhks[0], MONDAY))
    assert added.status is ProgressStatus.DRAF
    assert added.rhk_text == "Terlayaninya administrasi kependudukan"
    (submitted,) = progress.submit([added.id])
    assert submitted.status is ProgressStatus.DIAJUKAN

    office.sign_in(office.siti)
    (approved,) = progress.approve([added.id])
    assert approved.status is ProgressStatus.DISETUJUI
    assert approved.reviewed_by == f"user{office.siti}"


def test_a_returned_entry_is_corrected_and_submitted_again(progress_office: Office) -> None:
    office, progress = progress_office, progress_office.services.progress
    added = progress.add(office.rizky, entry(office.rizky_rhks[0], MONDAY))
    progress.submit([added.id])
    office.sign_in(office.siti)
    with pytest.raises(ValidationError, match="Catatan pengembalian wajib diisi"):
        progress.return_entries([added.id], "  ")
    (returned,) = progress.return_entries([added.id], "Jumlah berkas tidak cocok dengan SIAK")
    assert returned.status is ProgressStatus.DIKEMBALIKAN
    assert returned.review_note == "Jumlah berkas tidak cocok dengan SIAK"

    office.sign_in(office.rizky)
    corrected = progress.update(added.id, entry(office.rizky_rhks[0], MONDAY, realisation="10"))
    assert (corrected.realisation, corrected.status) == (10, ProgressStatus.DIKEMBALIKAN)
    (again,) = progress.submit([added.id])
    assert again.status is ProgressStatus.DIAJUKAN


def test_approved_and_submitted_entries_are_read_only(progress_office: Office) -> None:
    office, progress = progress_office, progress_office.services.progress
    added = progress.add(office.rizky, entry(office.rizky_rhks[0], MONDAY))
    progress.submit([added.id])
    with pytest.raises(ValidationError, match="sedang diajukan"):
        progress.update(added.id, entry(office.rizky_rhks[0], MONDAY, realisation="1"))
    progress.approve([added.id])
    before = _dump(office)
    with pytest.raises(ValidationError, match=r"16 Maret 2026 pukul 08\.00.*sudah disetujui"):
        progress.update(added.id, entry(office.rizky_rhks[0], MONDAY, realisation="1"))
    with pytest.raises(ValidationError, match="sudah disetujui"):
        progress.delete(added.id)
    with pytest.raises(ValidationError, match="sudah disetujui"):
        progress.submit([added.id])
    with pytest.raises(ValidationError, match="hanya yang berstatus diajukan"):
        progress.return_entries([added.id], "Salah")
    assert _dump(office) == before


def test_submitting_several_is_all_or_nothing(progress_office: Office) -> None:
    office, progress = progress_office, progress_office.services.progress
    first = progress.add(office.rizky, entry(office.rizky_rhks[0], MONDAY))
    second = progress.add(office.rizky, entry(office.rizky_rhks[1], MONDAY, "10.00", "12.00"))
    progress.submit([second.id])
    with pytest.raises(ValidationError, match=r"pukul 10\.00"):
        progress.submit([first.id, second.id])
    assert progress.get(first.id).status is ProgressStatus.DRAF


def test_nobody_reviews_their_own_entries_and_only_the_penilai_side_reviews(
    progress_office: Office,
) -> None:
    office, progress = progress_office, progress_office.services.progress
    own = progress.add(office.siti, entry(_rhk_of_siti(office), MONDAY))
    rizky = progress.add(office.rizky, entry(office.rizky_rhks[0], MONDAY))
    progress.submit([own.id, rizky.id])

    office.sign_in(office.siti)
    with pytest.raises(AccessDeniedError, match="dinilai oleh penilai Anda"):
        progress.approve([own.id])
    office.sign_in(office.dewi)  # a colleague: neither writes nor reviews Rizky's log
    with pytest.raises(AccessDeniedError):
        progress.approve([rizky.id])
    with pytest.raises(AccessDeniedError):
        progress.add(office.rizky, entry(office.rizky_rhks[0], TUESDAY))
    office.sign_in(office.ahmad, Role.KEPALA_UNIT)
    (approved,) = progress.approve([own.id])
    assert approved.status is ProgressStatus.DISETUJUI


def test_the_week_says_what_the_account_may_do(progress_office: Office) -> None:
    office, progress = progress_office, progress_office.services.progress
    office.sign_in(office.rizky)
    week = progress.week(office.rizky, TODAY)
    assert (week.may_write, week.may_review) == (True, False)
    office.sign_in(office.siti)
    week = progress.week(office.rizky, TODAY)
    assert (week.may_write, week.may_review) == (True, True)
    assert [rhk.id for rhk in week.rhks] == list(office.rizky_rhks)


def test_the_rhk_must_be_on_the_persons_skp_of_that_year(progress_office: Office) -> None:
    office, progress = progress_office, progress_office.services.progress
    with pytest.raises(ValidationError, match="tidak ada pada SKP 2026") as raised:
        progress.add(office.rizky, entry(office.dewi_rhks[0], MONDAY))
    assert raised.value.field == "rhk"
    assert _dump(office) == []


def test_bad_fields_are_named_and_nothing_is_written(progress_office: Office) -> None:
    office, progress = progress_office, progress_office.services.progress
    with pytest.raises(ValidationErrors) as raised:
        progress.add(office.rizky, entry(office.rizky_rhks[0], MONDAY, "10.00", "09.00"))
    assert "Jam selesai (09.00) harus sesudah jam mulai (10.00)" in raised.value.by_field()["end"]
    with pytest.raises(ValidationErrors, match="belum terjadi"):
        progress.add(office.rizky, entry(office.rizky_rhks[0], date(2026, 3, 19)))
    assert _dump(office) == []


def test_evidence_file_is_copied_and_kept_on_correction(
    progress_office: Office, tmp_path: Path
) -> None:
    office, progress = progress_office, progress_office.services.progress
    proof = tmp_path / "Rekap KTP.pdf"
    proof.write_bytes(b"%PDF-1.4 rekap")
    added = progress.add(office.rizky, entry(office.rizky_rhks[0], MONDAY), proof)
    assert added.evidence is not None and added.evidence.file_name == "Rekap KTP.pdf"
    assert progress.evidence_path(added.id).read_bytes() == b"%PDF-1.4 rekap"
    kept = progress.update(added.id, entry(office.rizky_rhks[0], MONDAY, activity="Lain"))
    assert kept.evidence == added.evidence
    removed = progress.update(added.id, entry(office.rizky_rhks[0], MONDAY), remove_file=True)
    assert removed.evidence is None


def test_copy_yesterday_takes_the_last_day_with_entries(progress_office: Office) -> None:
    office, progress = progress_office, progress_office.services.progress
    with pytest.raises(NotFoundError, match="Tidak ada progres harian sebelum 18 Maret 2026"):
        progress.copy_day(office.rizky, TODAY)
    first = progress.add(
        office.rizky,
        entry(office.rizky_rhks[0], MONDAY, evidence_link="https://drive.example/a"),
    )
    progress.add(office.rizky, entry(office.rizky_rhks[1], MONDAY, "13.00", "15.00"))
    progress.submit([first.id])

    copies = progress.copy_day(office.rizky, TODAY)  # Tuesday is empty: Monday is copied

    assert [(c.day, c.status, c.times) for c in copies] == [
        (TODAY, ProgressStatus.DRAF, "08.00–10.00"),
        (TODAY, ProgressStatus.DRAF, "13.00–15.00"),
    ]
    assert copies[0].evidence_link == "" and copies[0].activity == first.activity
    with pytest.raises(ValidationErrors, match="belum terjadi"):
        progress.copy_day(office.rizky, date(2026, 3, 20), MONDAY)


def test_week_view_marks_days_off_and_groups_entries(progress_office: Office) -> None:
    office, progress = progress_office, progress_office.services.progress
    office.services.calendar.set_office_day(
        date(2026, 3, 20), DayOffKind.CUTI_BERSAMA, "Cuti bersama Idul Fitri"
    )
    office.services.calendar.set_leave(office.rizky, TUESDAY, TUESDAY, "Cuti tahunan")
    progress.add(office.rizky, entry(office.rizky_rhks[0], MONDAY))

    week = progress.week(office.rizky, TODAY)

    assert (week.start, week.end) == (MONDAY, date(2026, 3, 22))
    offs = [(d.day.day, d.day_off.kind if d.day_off else None) for d in week.days]
    assert offs == [
        (16, None),
        (17, DayOffKind.CUTI),
        (18, None),
        (19, DayOffKind.LIBUR_NASIONAL),  # Nyepi, from the holidays package
        (20, DayOffKind.CUTI_BERSAMA),
        (21, DayOffKind.LIBUR_NASIONAL),  # Idul Fitri on a Saturday
        (22, DayOffKind.LIBUR_NASIONAL),
    ]
    assert [len(d.entries) for d in week.days] == [1, 0, 0, 0, 0, 0, 0]


def test_month_completeness_counts_working_days_up_to_today(progress_office: Office) -> None:
    office, progress = progress_office, progress_office.services.progress
    office.services.calendar.set_leave(office.rizky, date(2026, 3, 2), date(2026, 3, 3))
    for day in (MONDAY, TUESDAY):
        added = progress.add(office.rizky, entry(office.rizky_rhks[0], day))
        progress.submit([added.id])
    progress.approve([added.id])
    progress.add(office.rizky, entry(office.rizky_rhks[0], TODAY))  # a draft does not count

    found = progress.month_completeness(office.rizky, 2026, 3)

    # 1-18 March 2026: 13 weekdays, 2 days of leave
    assert (found.working_days, found.filled_days, found.approved_days) == (11, 2, 1)
    assert found.percent == 18
    assert TODAY in found.missing and date(2026, 3, 2) not in found.missing


def test_unit_completeness_in_a_fixed_number_of_queries(progress_office: Office) -> None:
    office, progress = progress_office, progress_office.services.progress
    for person, rhk in ((office.rizky, office.rizky_rhks[0]), (office.dewi, office.dewi_rhks[0])):
        added = progress.add(person, entry(rhk, MONDAY))
        progress.submit([added.id])
    statements: list[str] = []
    engine = office.services.database.engine

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", count)
    try:
        unit = progress.unit_completeness(office.unit, 2026, 3)
    finally:
        event.remove(engine, "before_cursor_execute", count)

    assert [row.name for row in unit.people] == [
        "Ahmad Fauzi",
        "Dewi Lestari",
        "Rizky Pratama",
        "Siti Rahmawati",
    ]
    filled = {row.name: row.completeness.filled_days for row in unit.people}
    assert filled == {"Ahmad Fauzi": 0, "Dewi Lestari": 1, "Rizky Pratama": 1, "Siti Rahmawati": 0}
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) <= 6


def test_a_penilai_sees_only_their_staff_in_the_unit_view(progress_office: Office) -> None:
    office = progress_office
    office.sign_in(office.siti)
    unit = office.services.progress.unit_completeness(office.unit, 2026, 3)
    assert {row.employee_id for row in unit.people} == {office.siti, office.rizky, office.dewi}


def test_writes_report_the_progress_topic(progress_office: Office) -> None:
    office = progress_office
    seen: list[frozenset[Topic]] = []
    office.services.database.subscribe(seen.append)
    office.services.progress.add(office.rizky, entry(office.rizky_rhks[0], MONDAY))
    office.services.calendar.set_leave(office.rizky, TUESDAY, TUESDAY)
    assert seen == [frozenset({Topic.PROGRESS}), frozenset({Topic.PROGRESS})]


def test_reads_and_refused_writes_report_nothing(progress_office: Office) -> None:
    office = progress_office
    seen: list[frozenset[Topic]] = []
    office.services.database.subscribe(seen.append)
    office.services.progress.week(office.rizky, TODAY)
    office.services.progress.unit_completeness(office.unit, 2026, 3)
    with pytest.raises(ValidationError):
        office.services.progress.add(office.rizky, entry(office.dewi_rhks[0], MONDAY))
    assert seen == []


def _rhk_of_siti(office: Office) -> int:
    return add_skp(office.services, office.siti)[0]


@pytest.mark.sqlite_only(reason="kinerja-desktop check reads the SQLite file")
def test_check_finds_an_office_with_a_daily_log_healthy(progress_office: Office) -> None:
    office, progress = progress_office, progress_office.services.progress
    added = progress.add(office.rizky, entry(office.rizky_rhks[0], MONDAY))
    progress.submit([added.id])
    progress.approve([added.id])
    office.services.calendar.set_leave(office.dewi, TUESDAY, TUESDAY)
    office.services.calendar.set_office_day(date(2026, 3, 20), "CUTI_BERSAMA", "Idul Fitri")
    path = office.services.database_path
    office.services.close()

    report = check_database(path)

    assert report.healthy, report.lines


def test_a_copy_that_fails_half_way_writes_nothing(progress_office: Office) -> None:
    office, progress = progress_office, progress_office.services.progress
    progress.add(office.rizky, entry(office.rizky_rhks[0], MONDAY))
    progress.add(office.rizky, entry(office.rizky_rhks[1], MONDAY, "13.00", "15.00"))
    with raw_connect(office.services.database_path) as raw:
        if not office.services.database.server:  # a server always checks its keys
            raw.execute("PRAGMA foreign_keys = ON")
        raw.execute("DELETE FROM rhks WHERE id = ?", (office.rizky_rhks[1],))
    before = _dump(office)
    assert progress.week(office.rizky, MONDAY).days[0].entries[1].rhk_text == ""  # unlinked

    with pytest.raises(ValidationErrors, match="RHK wajib dipilih"):
        progress.copy_day(office.rizky, TODAY)

    assert _dump(office) == before


def test_an_rhk_with_daily_entries_cannot_be_deleted_from_the_draft_skp(
    progress_office: Office,
) -> None:
    office = progress_office
    skp_service = office.services.skp
    for day in (MONDAY, TUESDAY):
        office.services.progress.add(office.rizky, entry(office.rizky_rhks[1], day))
    skp = skp_service.get(office.rizky, 2026)
    assert skp is not None
    draft = skp.to_draft()
    without_second = replace(draft, rhks=draft.rhks[:1])
    with pytest.raises(ValidationError) as refused:
        skp_service.save(skp.id, skp.version, without_second)
    assert refused.value.message.startswith(
        "RHK 'Tersusunnya laporan bulanan' sudah dipakai oleh 2 progres harian"
    )
    assert [rhk.id for rhk in skp_service.by_id(skp.id).rhks] == list(office.rizky_rhks)
    # An RHK without entries still goes.
    without_first = replace(draft, rhks=draft.rhks[1:])
    saved = skp_service.save(skp.id, skp.version, without_first)
    assert [rhk.id for rhk in saved.rhks] == [office.rizky_rhks[1]]
