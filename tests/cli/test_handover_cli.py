"""`kinerja-desktop export` and `import`: exit codes, messages, and what the database holds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from handover_helpers import content_of, dump, rewrite_zip
from handover_office import export_again

from kinerja_desktop.cli import main
from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_STORAGE
from kinerja_desktop.services.app_services import AppServices, open_services


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_then_import_through_the_command_line(
    source: AppServices, target: AppServices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "paket.zip"
    code, out, _ = run(capsys, "export", "--db", str(source.database_path), "--out", str(package))
    assert code == EXIT_OK and "Paket serah terima ditulis" in out

    code, out, _ = run(capsys, "import", "--db", str(target.database_path), str(package))
    assert code == EXIT_OK and "catatan baru" in out
    assert content_of(target) == content_of(source)


def test_a_unit_and_year_export(
    source: AppServices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "seksi.zip"
    db = str(source.database_path)
    args = ("export", "--db", db, "--out", str(package), "--unit", "Seksi Pemerintahan")
    code, _, _ = run(capsys, *args, "--year", "2026")
    assert code == EXIT_OK and package.exists()

    code, _, err = run(capsys, "export", "--db", db, "--out", str(package), "--unit", "Tidak Ada")
    assert code == EXIT_INPUT and "tidak ditemukan" in err


def test_conflicts_without_a_choice_are_listed_and_nothing_is_written(
    source: AppServices, target: AppServices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "paket.zip"
    source.handover.export(package)
    target.handover.apply(package)
    with sqlite3.connect(target.database_path) as raw:
        raw.execute("UPDATE employees SET name = 'Nama Diubah' WHERE id = 3")
    # The office sends its next package (the same one again would be "sudah diterima").
    package = export_again(source, tmp_path / "paket-2.zip")
    before = dump(target.database_path)
    db = str(target.database_path)

    code, _, err = run(capsys, "import", "--db", db, str(package))
    assert code == EXIT_INPUT
    assert "Berbeda: Pegawai" in err and "name: kita 'Nama Diubah'" in err
    assert dump(target.database_path) == before

    code, out, _ = run(capsys, "import", "--db", db, str(package), "--keep-ours")
    assert code == EXIT_OK and "1 tetap memakai data kita" in out
    # Only the received ledger learns of the package.
    after = [line for line in dump(target.database_path) if line not in before]
    assert len(after) == 1 and after[0].startswith('INSERT INTO "handover_received"')

    code, out, _ = run(capsys, "import", "--db", db, str(package), "--take-theirs")
    assert (
        code == EXIT_OK
        and "sudah diterima" in out
        and "Nama Diubah" in str(dump(target.database_path))
    )

    package = export_again(source, tmp_path / "paket-3.zip")
    code, out, _ = run(capsys, "import", "--db", db, str(package), "--take-theirs")
    assert code == EXIT_OK and "1 diganti dari paket" in out
    assert content_of(target) == content_of(source)


def test_a_refused_package_exits_2(
    target: AppServices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "sampah.zip"
    junk.write_bytes(b"PK\x03\x04 bukan apa-apa")
    code, _, err = run(capsys, "import", "--db", str(target.database_path), str(junk))
    assert code == EXIT_INPUT and "bukan paket serah terima" in err
    assert "Traceback" not in err


def test_a_missing_database_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "export", "--db", str(tmp_path / "tidak-ada.sqlite"), "--out", "x.zip"
    )
    assert code == EXIT_STORAGE and "tidak ada" in err


def test_both_choices_at_once_are_an_argument_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(
            ["import", "--db", str(tmp_path / "a.sqlite"), "p.zip", "--take-theirs", "--keep-ours"]
        )
    assert stopped.value.code == EXIT_INPUT
    assert "Kesalahan argumen" in capsys.readouterr().err


def test_an_import_backs_up_first_and_the_backup_restores_the_state_before(
    source: AppServices, target: AppServices, package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = target.database_path
    target.close()  # the office is not open elsewhere: the import takes its lock
    before = dump(db)

    code, out, _ = run(capsys, "import", "--db", str(db), str(package))

    assert code == EXIT_OK
    [safety] = (db.parent / "backups").glob("kantor_sebelum-impor_*.sqlite")
    assert str(safety) in out and "kinerja-desktop restore" in out
    assert dump(safety) == before
    assert dump(db) != before
    code, _, _ = run(capsys, "restore", "--db", str(db), "--from", str(safety))
    assert code == EXIT_OK
    assert dump(db) == before


def test_import_onto_a_new_path_creates_the_office_from_the_package(
    source: AppServices, package: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "kantor-baru" / "kinerja.sqlite"

    code, out, err = run(capsys, "import", "--db", str(new), str(package))

    assert code == EXIT_OK, err
    assert f"Kantor baru dibuat dari paket {package.name}: {new}" in out
    assert "catatan baru" in out
    assert not (new.parent / "backups").exists()  # a new file has nothing to go back to
    assert sorted(p.name for p in new.parent.iterdir()) == ["evidence", "kinerja.sqlite"]
    created = open_services(new, create=False)
    try:
        assert content_of(created) == content_of(source)
    finally:
        created.close()
    assert main(["check", "--db", str(new)]) == EXIT_OK


def test_a_refused_package_leaves_no_new_office_behind(
    package: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    changed = tmp_path / "diubah.zip"
    rewrite_zip(
        package,
        changed,
        lambda name, body: body.replace(b"Kertapati", b"Kertapatx") if "records" in name else body,
    )
    folder = tmp_path / "kantor-baru"
    new = folder / "kinerja.sqlite"

    code, _, err = run(capsys, "import", "--db", str(new), str(changed))

    assert code == EXIT_INPUT and "ditolak" in err
    assert not folder.exists()
