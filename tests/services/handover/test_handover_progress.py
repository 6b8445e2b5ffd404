"""Hand-over packages carry the daily progress log, the office's days off and leave days."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from handover_helpers import content_of, dump, resigned
from handover_office import empty
from progress_office import TODAY, Office, build_office, entry

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.handover_merge import Choice
from kinerja_desktop.domain.handover_records import Kind
from kinerja_desktop.domain.working_days import DayOffKind
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.handover import PackageRefusedError

__all__ = ["empty"]

NOW = datetime(2026, 3, 18, 16, 0, tzinfo=timezone(timedelta(hours=7)))
PROOF = b"%PDF-1.4 daftar hadir pelayanan KTP\n"
LOG_TABLES = ("progress_entries", "office_days_off", "leave_days")


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Office]:
    """The progress office with a log: a draft with a file, an approved, a returned entry."""
    services = open_services(tmp_path / "sumber" / "kantor.sqlite", today=lambda: TODAY)
    built = build_office(services)
    progress = services.progress
    built.sign_in(built.rizky)
    proof = tmp_path / "Daftar hadir.pdf"
    proof.write_bytes(PROOF)
    progress.add(built.rizky, entry(built.rizky_rhks[1], date(2026, 3, 16)), evidence_file=proof)
    approved = progress.add(built.rizky, entry(built.rizky_rhks[0], date(2026, 3, 17)))
    built.sign_in(built.dewi)
    returned = progress.add(
        built.dewi, entry(built.dewi_rhks[0], date(2026, 3, 17), "13.00", "15.00")
    )
    built.sign_in(built.rizky)
    progress.submit([approved.id])
    built.sign_in(built.dewi)
    progress.submit([returned.id])
    built.sign_in(built.siti)
    progress.approve([approved.id])
    progress.return_entries([returned.id], "Jumlah berkas tidak cocok dengan SIAK")
    built.sign_in(None)
    services.access.sign_out()
    services.calendar.set_office_day(date(2026, 3, 20), DayOffKind.CUTI_BERSAMA, "Cuti bersama")
    services.calendar.set_leave(built.dewi, date(2026, 3, 9), date(2026, 3, 10), "Cuti tahunan")
    try:
        yield built
    finally:
        services.close()


def _export(services: AppServices, path: Path) -> Path:
    services.handover.export(path, now=NOW)
    return path


def _log(services: AppServices) -> list[tuple[object, ...]]:
    """The daily log as natural values: NIP, day, times, RHK text, status, review, file."""
    with sqlite3.connect(services.database_path) as raw:
        return raw.execute(
            "SELECT e.nip, p.day, p.start_time, p.end_time, r.text, p.activity, p.realisation, "
            "p.status, p.review_note, p.reviewed_by, p.evidence_file, p.evidence_name "
            "FROM progress_entries p JOIN employees e ON e.id = p.employee_id "
            "LEFT JOIN rhks r ON r.id = p.rhk_id ORDER BY e.nip, p.day, p.start_time"
        ).fetchall()


def _calendar(services: AppServices) -> list[tuple[object, ...]]:
    with sqlite3.connect(services.database_path) as raw:
        days = raw.execute("SELECT day, kind, name FROM office_days_off ORDER BY day").fetchall()
        leave = raw.execute(
            "SELECT e.nip, l.day, l.note FROM leave_days l "
            "JOIN employees e ON e.id = l.employee_id ORDER BY e.nip, l.day"
        ).fetchall()
    return days + leave


def test_the_log_goes_into_an_empty_office_whole(
    office: Office, empty: AppServices, tmp_path: Path
) -> None:
    source = office.services
    package = _export(source, tmp_path / "paket.zip")
    preview = empty.handover.preview(package)
    counts = {count.kind: count.new for count in preview.plan.counts()}
    assert counts[Kind.PROGRESS_ENTRY] == 3
    assert counts[Kind.OFFICE_DAY_OFF] == 1
    assert counts[Kind.LEAVE_DAY] == 2

    result = empty.handover.apply(package, back_up=False)

    assert result.unlinked_entries == 0
    assert _log(empty) == _log(source)
    statuses = {row[7]: row[8] for row in _log(empty)}
    assert statuses == {
        "DRAF": "",
        "DISETUJUI": "",
        "DIKEMBALIKAN": "Jumlah berkas tidak cocok dengan SIAK",
    }
    assert _calendar(empty) == _calendar(source)
    assert content_of(empty) == content_of(source)
    # The entry's file was copied by its hash, as other evidence is.
    (stored,) = [row[10] for row in _log(empty) if row[10]]
    assert empty.progress.evidence_store.path_of(stored).read_bytes() == PROOF
    # Importing the same package again finds everything identical and writes nothing.
    before = dump(empty.database_path)
    again = empty.handover.preview(package)
    assert again.plan.changes_nothing
    assert empty.handover.apply(package, back_up=False).already_received
    assert dump(empty.database_path) == before


def test_a_reviewed_entry_is_a_conflict_shown_field_by_field(
    office: Office, empty: AppServices, tmp_path: Path
) -> None:
    source = office.services
    empty.handover.apply(_export(source, tmp_path / "pertama.zip"), back_up=False)
    # The other office's penilai approves Dewi's corrected entry afterwards.
    week = source.progress.week(office.dewi, date(2026, 3, 17))
    (dewi,) = [found for day in week.days for found in day.entries]
    office.sign_in(office.dewi)
    source.progress.update(
        dewi.id, entry(office.dewi_rhks[0], date(2026, 3, 17), "13.00", "15.00", realisation="10")
    )
    source.progress.submit([dewi.id])
    office.sign_in(office.siti)
    source.progress.approve([dewi.id])
    source.access.sign_out()

    preview = empty.handover.preview(_export(source, tmp_path / "kedua.zip"))

    (conflict,) = [c for c in preview.plan.conflicts if c.kind is Kind.PROGRESS_ENTRY]
    changed = {diff.field: (diff.ours, diff.theirs) for diff in conflict.fields}
    assert changed["status"] == ("DIKEMBALIKAN", "DISETUJUI")
    assert changed["realisation"] == ("12", "10")
    empty.handover.apply(tmp_path / "kedua.zip", {conflict.ref: Choice.TAKE_THEIRS}, back_up=False)
    assert _log(empty) == _log(source)


def test_an_approved_entry_here_is_never_replaced_from_a_package(
    office: Office, empty: AppServices, tmp_path: Path
) -> None:
    source = office.services
    first = _export(source, tmp_path / "pertama.zip")
    empty.handover.apply(first, back_up=False)
    # The other office has the approved entry back as a draft with other content.
    changed = resigned(
        first,
        tmp_path,
        Kind.PROGRESS_ENTRY,
        lambda content: content.update(status="DRAF", activity="Lain"),
        where=lambda content: content["status"] == "DISETUJUI",
    )
    preview = empty.handover.preview(changed)
    (conflict,) = preview.plan.conflicts
    assert preview.cycles({conflict.ref: Choice.TAKE_THEIRS})[0].startswith("Progres harian")
    assert preview.cycles({conflict.ref: Choice.KEEP_OURS}) == []
    before = dump(empty.database_path)
    with pytest.raises(ValidationError, match="sudah disetujui penilai"):
        empty.handover.apply(changed, {conflict.ref: Choice.TAKE_THEIRS}, back_up=False)
    assert dump(empty.database_path) == before
    # "Take theirs" for everything leaves the approved entry as it is.
    result = empty.handover.apply(changed, default=Choice.TAKE_THEIRS, back_up=False)
    assert (result.kept, result.replaced) == (1, 0)
    assert _log(empty) == _log(source)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda c: c.update(end_time="07:00"), "end_time"),
        (lambda c: c.update(activity=""), "activity"),
        (lambda c: c.update(realisation=-1), "realisation"),
        (lambda c: c.update(status="SELESAI"), "status"),
        (lambda c: c.update(day="2026-12-01"), "day"),
        (lambda c: c.update(evidence_link="javascript:alert(1)"), "evidence_link"),
        (lambda c: c.update(evidence_file="../../rahasia.pdf"), "evidence_file"),
        (lambda c: c.update(review_note="x" * 1001), "review_note"),
        (lambda c: c.update(rhk={"nip": "1", "year": 2026, "rhk": 1}), "rhk.nip"),
    ],
)
def test_an_entry_the_form_would_refuse_refuses_the_package(
    office: Office, empty: AppServices, tmp_path: Path, change: object, field: str
) -> None:
    package = _export(office.services, tmp_path / "paket.zip")
    bad = resigned(package, tmp_path, Kind.PROGRESS_ENTRY, change)  # type: ignore[arg-type]
    before = dump(empty.database_path)
    with pytest.raises(PackageRefusedError, match=f"kolom {field}:"):
        empty.handover.preview(bad)
    assert dump(empty.database_path) == before


@pytest.mark.parametrize(
    ("kind", "change", "field"),
    [
        (Kind.OFFICE_DAY_OFF, lambda c: c.update(kind="LIBUR_NASIONAL"), "kind"),
        (Kind.OFFICE_DAY_OFF, lambda c: c.update(day="20-03-2026"), "day"),
        (Kind.LEAVE_DAY, lambda c: c.update(nip=None), "nip"),
        (Kind.LEAVE_DAY, lambda c: c.update(note="x" * 201), "note"),
    ],
)
def test_a_calendar_record_the_calendar_would_refuse_refuses_the_package(
    office: Office, empty: AppServices, tmp_path: Path, kind: Kind, change: object, field: str
) -> None:
    package = _export(office.services, tmp_path / "paket.zip")
    bad = resigned(package, tmp_path, kind, change)  # type: ignore[arg-type]
    with pytest.raises(PackageRefusedError, match=f"kolom {field}:"):
        empty.handover.preview(bad)


def test_a_year_package_carries_that_year_of_the_log_only(
    office: Office, empty: AppServices, tmp_path: Path
) -> None:
    package = tmp_path / "2025.zip"
    office.services.handover.export(package, unit=("Pemerintah Kota Palembang",), year=2025)
    kinds = {count.kind for count in empty.handover.preview(package).plan.counts()}
    assert not kinds & {Kind.PROGRESS_ENTRY, Kind.LEAVE_DAY, Kind.OFFICE_DAY_OFF}
    unit = ("Pemerintah Kota Palembang", "Kecamatan Kertapati", "Seksi Pelayanan")
    office.services.handover.export(package, unit=unit, year=2026)
    counts = {c.kind: c.new for c in empty.handover.preview(package).plan.counts()}
    assert (counts[Kind.PROGRESS_ENTRY], counts[Kind.LEAVE_DAY]) == (3, 2)
