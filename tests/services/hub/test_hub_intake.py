"""The hub's numbered packages and unattended intake, on real packages from the demo office.

The unit is the demo office (a SQLite file); the hub is the test's database (a PostgreSQL
database when ``KINERJA_TEST_DB=postgresql``).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from handover_helpers import content_of
from handover_office import demo_template, source
from raw_database import SERVER_DATABASES, raw_connect

from kinerja_desktop.data.database import WriteConflictError
from kinerja_desktop.domain.errors import DomainError, StorageError, ValidationError
from kinerja_desktop.domain.handover_merge import Choice
from kinerja_desktop.domain.handover_numbering import Verdict
from kinerja_desktop.domain.handover_records import Kind
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.handover import ImportResult, PackageOutOfOrderError
from kinerja_desktop.services.handover import service as service_module
from kinerja_desktop.services.handover.package import read_package
from kinerja_desktop.services.hub.intake import Outcome
from kinerja_desktop.services.hub.intake_report import write_intake_report

__all__ = ["demo_template", "source"]

NOW = datetime(2026, 12, 1, 9, 0)


def _export(unit: AppServices, path: Path, *, since_last: bool = False) -> Path:
    unit.handover.export(path, since_last=since_last)
    return path


def _rename_someone(unit: AppServices, name: str) -> str:
    """Change a person's name at the unit, behind the app; return their NIP."""
    with sqlite3.connect(unit.database_path) as raw:
        nip = raw.execute("SELECT nip FROM employees ORDER BY id LIMIT 1 OFFSET 4").fetchone()[0]
        raw.execute("UPDATE employees SET name = ? WHERE nip = ?", (name, nip))
    return str(nip)


def _receipts(hub: AppServices) -> list[tuple[object, ...]]:
    raw = raw_connect(hub.database_path)
    try:
        return list(
            raw.execute(
                "SELECT sequence, since, outcome, undecided FROM handover_received ORDER BY id"
            ).fetchall()
        )
    finally:
        raw.close()


def _backups(hub: AppServices) -> list[Path]:
    folder = hub.database_path.parent / "backups"
    return sorted(folder.glob("*sebelum-impor*")) if folder.is_dir() else []


def _on_server(hub: AppServices) -> bool:
    return hub.database_path in SERVER_DATABASES


# --- numbering at the unit -------------------------------------------------------------------


def test_every_export_is_numbered_and_a_delta_carries_only_what_changed(
    source: AppServices, tmp_path: Path
) -> None:
    whole = read_package(_export(source, tmp_path / "1.zip"))
    unchanged = read_package(_export(source, tmp_path / "2.zip", since_last=True))
    nip = _rename_someone(source, "Nama Baru")
    delta = read_package(_export(source, tmp_path / "3.zip", since_last=True))

    assert (whole.manifest.sequence, whole.manifest.since) == (1, None)
    assert whole.manifest.format_version == 2 and len(whole.aggregates) > 100
    assert (unchanged.manifest.sequence, unchanged.manifest.since) == (2, 1)
    assert unchanged.manifest.format_version == 3 and unchanged.aggregates == ()
    assert (delta.manifest.sequence, delta.manifest.since) == (3, 2)
    assert [(a.kind, json.loads(a.key)) for a in delta.aggregates] == [(Kind.EMPLOYEE, [nip])]
    assert delta.aggregates[0].content["name"] == "Nama Baru"


def test_changes_of_a_scope_never_sent_are_a_whole_package(
    source: AppServices, tmp_path: Path
) -> None:
    _export(source, tmp_path / "kantor.zip")
    unit = source.handover.find_unit("Seksi Pemerintahan")

    result = source.handover.export(tmp_path / "seksi.zip", unit=unit, year=2026, since_last=True)

    assert (result.sequence, result.since, result.whole_instead) == (1, None, True)
    assert "paket utuh" in " ".join(result.summary_lines())
    assert read_package(tmp_path / "seksi.zip").manifest.format_version == 2


def test_a_number_taken_meanwhile_by_another_export_refuses_this_one(
    source: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write = service_module.write_package

    def racing(target: Path, **kwargs: Any) -> tuple[int, tuple[str, ...]]:
        if target.name == "a.zip":  # another export of the scope finishes first
            source.handover.export(tmp_path / "b.zip")
        return write(target, **kwargs)

    monkeypatch.setattr(service_module, "write_package", racing)
    with pytest.raises(DomainError, match="nomor 1 sudah terpakai") as refused:
        source.handover.export(tmp_path / "a.zip")

    assert "'a.zip' tidak disimpan" in refused.value.message
    assert not (tmp_path / "a.zip").exists()
    assert read_package(tmp_path / "b.zip").manifest.sequence == 1
    assert source.handover.export(tmp_path / "c.zip").sequence == 2


# --- the hub's rules --------------------------------------------------------------------------


def test_the_hub_takes_a_senders_packages_in_order(
    source: AppServices, services: AppServices, tmp_path: Path
) -> None:
    first = _export(source, tmp_path / "1.zip")
    _rename_someone(source, "Nama Kedua")
    second = _export(source, tmp_path / "2.zip", since_last=True)
    _rename_someone(source, "Nama Ketiga")
    third = _export(source, tmp_path / "3.zip", since_last=True)

    assert services.handover.apply(first, now=NOW).added > 100
    backups = _backups(services)
    before = content_of(services)

    again = services.handover.apply(first, now=NOW)
    assert again.already_received and again.added == again.replaced == 0
    assert "sudah diterima" in again.summary_lines()[0]
    with pytest.raises(PackageOutOfOrderError) as gap:
        services.handover.apply(third, default=Choice.TAKE_THEIRS, now=NOW)
    assert gap.value.verdict is Verdict.GAP
    assert "Paket nomor 2 belum diterima" in gap.value.message
    preview = services.handover.preview(third)
    assert preview.judgement.verdict is Verdict.GAP
    # Nothing written by either: no record, no receipt, no backup.
    assert content_of(services) == before
    assert _receipts(services) == [(1, None, "DITERIMA", 0)]
    assert _backups(services) == backups

    services.handover.apply(second, default=Choice.TAKE_THEIRS, now=NOW)
    services.handover.apply(third, default=Choice.TAKE_THEIRS, now=NOW)

    assert content_of(services) == content_of(source)
    assert [row[:2] for row in _receipts(services)] == [(1, None), (2, 1), (3, 2)]


def test_an_older_package_is_refused_and_a_whole_one_after_deltas_is_taken(
    source: AppServices, services: AppServices, tmp_path: Path
) -> None:
    older = _export(source, tmp_path / "1.zip")
    _rename_someone(source, "Nama Kedua")
    newer = _export(source, tmp_path / "2.zip")
    _rename_someone(source, "Nama Ketiga")
    delta = _export(source, tmp_path / "3.zip", since_last=True)
    _rename_someone(source, "Nama Keempat")
    whole = _export(source, tmp_path / "4.zip")

    services.handover.apply(newer, now=NOW)  # a whole package: no earlier one is needed
    with pytest.raises(PackageOutOfOrderError, match="Paket lama: paket nomor 1") as old:
        services.handover.apply(older, default=Choice.TAKE_THEIRS, now=NOW)
    assert old.value.verdict is Verdict.OLD
    services.handover.apply(delta, default=Choice.TAKE_THEIRS, now=NOW)
    services.handover.apply(whole, default=Choice.TAKE_THEIRS, now=NOW)

    assert content_of(services) == content_of(source)
    assert [row[0] for row in _receipts(services)] == [2, 3, 4]


# --- the unattended intake --------------------------------------------------------------------


def _inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "masuk"
    folder.mkdir()
    return folder


def test_the_intake_takes_the_good_packages_and_sets_a_damaged_one_aside(
    source: AppServices, services: AppServices, tmp_path: Path
) -> None:
    inbox = _inbox(tmp_path)
    # Named so that the folder's order is not the numbers' order.
    _export(source, inbox / "b-kertapati.zip")
    _rename_someone(source, "Nama Baru")
    _export(source, inbox / "a-kertapati-perubahan.zip", since_last=True)
    (inbox / "rusak.zip").write_bytes(b"PK\x03\x04 bukan paket")
    (inbox / "catatan.txt").write_text("bukan paket")

    report = services.hub_intake.receive(inbox, now=NOW)

    by_file = {line.file: line for line in report.lines}
    assert [line.file for line in report.lines] == [
        "b-kertapati.zip",
        "a-kertapati-perubahan.zip",
        "rusak.zip",
    ]
    assert by_file["b-kertapati.zip"].outcome is Outcome.TAKEN
    assert by_file["b-kertapati.zip"].sequence == 1 and by_file["b-kertapati.zip"].added > 100
    changed = by_file["a-kertapati-perubahan.zip"]
    assert (changed.outcome, changed.sequence, changed.replaced) == (Outcome.TAKEN, 2, 1)
    damaged = by_file["rusak.zip"]
    assert damaged.outcome is Outcome.REFUSED and "rusak" in damaged.reason
    assert content_of(services) == content_of(source)
    # Every package moved, none deleted; other files left alone.
    assert sorted(p.name for p in (inbox / "diterima").iterdir()) == [
        "a-kertapati-perubahan.zip",
        "b-kertapati.zip",
    ]
    assert [p.name for p in (inbox / "ditolak").iterdir()] == ["rusak.zip"]
    assert sorted(p.name for p in inbox.iterdir()) == ["catatan.txt", "diterima", "ditolak"]
    # One safety backup for the whole intake on a file; none on a server.
    if _on_server(services):
        assert report.safety_backup is None
    else:
        assert _backups(services) == [report.safety_backup]
    summary = "\n".join(report.summary_lines())
    assert "3 paket" in summary and "2 diterima" in summary and "1 ditolak" in summary


def test_running_the_intake_again_on_the_same_packages_changes_nothing(
    source: AppServices, services: AppServices, tmp_path: Path
) -> None:
    inbox = _inbox(tmp_path)
    _export(source, inbox / "paket.zip")
    services.hub_intake.receive(inbox, now=NOW)
    before, receipts, backups = content_of(services), _receipts(services), _backups(services)
    # The unit sends the same file again; a copy of it also already sits in diterima/.
    shutil.copy(inbox / "diterima" / "paket.zip", inbox / "paket.zip")

    report = services.hub_intake.receive(inbox, now=NOW)

    [line] = report.lines
    assert line.outcome is Outcome.ALREADY and report.safety_backup is None
    assert (content_of(services), _receipts(services), _backups(services)) == (
        before,
        receipts,
        backups,
    )
    # A name already in diterima/ gets a number; the earlier file is not replaced.
    assert line.moved_to == inbox / "diterima" / "paket-2.zip"
    assert sorted(p.name for p in (inbox / "diterima").iterdir()) == ["paket-2.zip", "paket.zip"]


def _agreed_target(unit: AppServices) -> tuple[str, int, int]:
    """Raise the target of an agreed SKP's first indicator at the unit; (NIP, year, iki id)."""
    with sqlite3.connect(unit.database_path) as raw:
        nip, year, iki = raw.execute(
            "SELECT e.nip, s.year, i.id FROM ikis i JOIN rhks r ON r.id = i.rhk_id "
            "JOIN skps s ON s.id = r.skp_id JOIN employees e ON e.id = s.employee_id "
            "WHERE s.status = 'DISEPAKATI' ORDER BY i.id LIMIT 1"
        ).fetchone()
        raw.execute("UPDATE ikis SET target = '777' WHERE id = ?", (iki,))
    return str(nip), int(year), int(iki)


def test_a_record_sealed_at_the_hub_is_kept_and_reported_for_a_person_to_decide(
    source: AppServices, services: AppServices, tmp_path: Path
) -> None:
    inbox = _inbox(tmp_path)
    _export(source, inbox / "1.zip")
    services.hub_intake.receive(inbox, now=NOW)
    hub_before = content_of(services)
    nip, year, _ = _agreed_target(source)
    renamed = _rename_someone(source, "Nama Baru")
    _export(source, inbox / "2.zip", since_last=True)

    report = services.hub_intake.receive(inbox, now=NOW)

    [line] = report.lines
    assert line.outcome is Outcome.UNDECIDED
    assert (line.replaced, line.kept, line.conflicts) == (1, 1, 1)
    assert f"SKP {nip} tahun {year}" in line.reason and "perlu diputuskan" in line.reason
    skp = (Kind.SKP.value, json.dumps([nip, year], separators=(",", ":")))
    person = (Kind.EMPLOYEE.value, json.dumps([renamed]))
    after = content_of(services)
    assert after[skp] == hub_before[skp]  # the agreed SKP as the hub sealed it
    assert after[person] == content_of(source)[person]  # the unit's own change taken
    assert services.seals.verify().healthy
    assert _receipts(services)[-1] == (2, 1, "PERLU_DIPUTUSKAN", 1)

    # A person decides in the interactive import: the same package is taken again for that.
    package = inbox / "diterima" / "2.zip"
    preview = services.handover.preview(package)
    assert preview.judgement.verdict is Verdict.TAKE and preview.undecided_before == 1
    [conflict] = preview.plan.conflicts
    services.handover.apply(package, {conflict.ref: Choice.TAKE_THEIRS}, now=NOW)
    assert content_of(services) == content_of(source)
    assert _receipts(services)[-1] == (2, 1, "DITERIMA", 0)
    # Decided: the intake and the import now find it taken.
    assert services.handover.preview(package).judgement.verdict is Verdict.ALREADY


def test_the_report_lists_each_package_with_its_counts(
    source: AppServices, services: AppServices, tmp_path: Path
) -> None:
    inbox = _inbox(tmp_path)
    _export(source, inbox / "kertapati.zip")
    (inbox / "rusak.zip").write_bytes(b"bukan zip")
    report = services.hub_intake.receive(inbox, now=NOW)
    target = tmp_path / "laporan.xlsx"

    write_intake_report(report, target)

    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == [
        "Unit",
        "Berkas",
        "Nomor",
        "Hasil",
        "Ditambah",
        "Diganti",
        "Dipertahankan",
        "Konflik",
        "Alasan",
    ]
    taken, refused = rows[1], rows[2]
    assert taken[:4] == ["semua unit, semua tahun", "kertapati.zip", 1, "diterima"]
    assert isinstance(taken[4], int) and taken[4] > 100 and taken[5:8] == [0, 0, 0]
    assert refused[1] == "rusak.zip" and refused[3] == "ditolak" and refused[2] is None
    assert "bukan paket serah terima yang utuh" in str(refused[8])


def test_a_folder_that_does_not_exist_is_named(services: AppServices, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="Folder penerimaan tidak ditemukan") as missing:
        services.hub_intake.receive(tmp_path / "tidak-ada")
    assert missing.value.field == "folder"


@pytest.mark.parametrize(
    ("failure", "said"),
    [
        (StorageError("Cadangan sebelum impor gagal dibuat (disk penuh)."), "disk penuh"),
        (RuntimeError("tak terduga"), "Kesalahan tak terduga pada paket '1.zip'"),
    ],
)
def test_a_failed_write_stops_the_intake_and_leaves_the_packages_in_the_folder(
    source: AppServices,
    services: AppServices,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: Exception,
    said: str,
) -> None:
    inbox = _inbox(tmp_path)
    _export(source, inbox / "1.zip")
    _export(source, inbox / "2.zip", since_last=True)

    def fail(now: datetime | None = None) -> Path | None:
        raise failure

    monkeypatch.setattr(services.handover, "take_safety_backup", fail)
    report = services.hub_intake.receive(inbox, now=NOW)

    assert report.stopped is not None and said in report.stopped
    assert [line.outcome for line in report.lines] == [Outcome.LEFT, Outcome.LEFT]
    assert sorted(p.name for p in inbox.iterdir()) == ["1.zip", "2.zip"]
    assert _receipts(services) == [] and content_of(services) == {}
    assert "Penerimaan dihentikan" in report.summary_lines()[-1]


def test_a_package_whose_write_conflicted_with_another_users_is_taken_again(
    source: AppServices, services: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = _inbox(tmp_path)
    _export(source, inbox / "1.zip")
    apply = services.handover.apply
    calls: list[Path] = []

    def conflicting_once(path: Path, *args: Any, **kwargs: Any) -> ImportResult:
        calls.append(path)
        if len(calls) == 1:  # PostgreSQL's serialization failure, as Database explains it
            raise WriteConflictError("Data ini baru saja diubah pengguna lain.")
        return apply(path, *args, **kwargs)

    monkeypatch.setattr(services.handover, "apply", conflicting_once)
    report = services.hub_intake.receive(inbox, now=NOW)

    [line] = report.lines
    assert line.outcome is Outcome.TAKEN and report.stopped is None
    assert calls == [inbox / "1.zip", inbox / "1.zip"]
    assert content_of(services) == content_of(source)
