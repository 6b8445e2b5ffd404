"""`kinerja-desktop backup` and `restore`: checked copies, previews, clear refusals."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from trust_helpers import add_people, digest, make_office, names, query

from kinerja_desktop.cli import main
from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_STORAGE
from kinerja_desktop.data.lock import acquire_lock, lock_path
from kinerja_desktop.services.app_services import open_services


@pytest.fixture
def office(db_path: Path) -> Path:
    return make_office(db_path, 3)


def test_backup_to_a_new_file(office: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "usb" / "cadangan.sqlite"
    assert main(["backup", "--db", str(office), "--to", str(target)]) == EXIT_OK
    assert "Cadangan dibuat dan diperiksa" in capsys.readouterr().out
    assert names(target) == names(office)
    assert query(target, "PRAGMA integrity_check") == [("ok",)]
    assert not lock_path(office).exists()


def test_backup_to_a_folder_names_the_file(office: Path, tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    assert main(["backup", "--db", str(office), "--to", str(folder)]) == EXIT_OK
    [made] = folder.iterdir()
    assert made.name.startswith("kantor_manual_")


def test_backup_never_overwrites(office: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "ada.sqlite"
    target.write_bytes(b"lama")
    assert main(["backup", "--db", str(office), "--to", str(target)]) == EXIT_INPUT
    assert "sudah ada" in capsys.readouterr().err
    assert target.read_bytes() == b"lama"


def test_backup_of_a_damaged_file_exits_1(office: Path, tmp_path: Path, capsys) -> None:
    office.write_bytes(office.read_bytes()[:6000])
    target = tmp_path / "c.sqlite"
    assert main(["backup", "--db", str(office), "--to", str(target)]) == EXIT_STORAGE
    assert "rusak" in capsys.readouterr().err
    assert not target.exists()


def test_restore_shows_the_preview_and_keeps_the_current_file(
    office: Path, tmp_path: Path, capsys
) -> None:
    backup = tmp_path / "cadangan.sqlite"
    assert main(["backup", "--db", str(office), "--to", str(backup)]) == EXIT_OK
    services = open_services(office)
    add_people(services, 2, start=10)
    services.close()

    assert main(["restore", "--db", str(office), "--from", str(backup)]) == EXIT_OK

    out = capsys.readouterr().out
    assert "Isi: 3 pegawai, 0 SKP, 0 predikat kinerja" in out
    assert "Berkas sebelum pemulihan dicadangkan ke" in out
    assert len(names(office)) == 3
    [safety] = (office.parent / "backups").glob("kantor_sebelum-pemulihan_*.sqlite")
    assert len(names(safety)) == 5
    assert not lock_path(office).exists()


def random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(8192))


def foreign(path: Path) -> None:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE lain (x)")
        connection.commit()


@pytest.mark.parametrize(
    ("damage", "words"),
    [(random_bytes, "bukan berkas SQLite"), (foreign, "bukan milik Kinerja Desktop")],
    ids=["random-bytes", "foreign"],
)
def test_restore_refuses_a_bad_backup_with_exit_2(
    office: Path, tmp_path: Path, capsys, damage, words: str
) -> None:
    backup = tmp_path / "cadangan.sqlite"
    damage(backup)
    before = names(office)

    assert main(["restore", "--db", str(office), "--from", str(backup)]) == EXIT_INPUT

    err = capsys.readouterr().err
    assert "tidak dapat dipulihkan" in err
    assert words in err
    assert names(office) == before
    assert not (office.parent / "backups").exists()


def test_restore_from_a_missing_file_exits_2(office: Path, tmp_path: Path, capsys) -> None:
    missing = tmp_path / "tidak-ada.sqlite"
    assert main(["restore", "--db", str(office), "--from", str(missing)]) == EXIT_INPUT
    assert "Berkas cadangan tidak ada" in capsys.readouterr().err


def test_restore_while_the_app_has_the_file_exits_1(office: Path, tmp_path: Path, capsys) -> None:
    backup = tmp_path / "cadangan.sqlite"
    main(["backup", "--db", str(office), "--to", str(backup)])
    held = acquire_lock(office)  # this process stands in for a running app
    try:
        before = digest(office)
        assert main(["restore", "--db", str(office), "--from", str(backup)]) == EXIT_STORAGE
        err = capsys.readouterr().err
        assert "sedang dipakai" in err
        assert f"proses {os.getpid()}" in err
        assert digest(office) == before
    finally:
        held.release()


def test_restore_over_a_damaged_file_moves_it_aside(office: Path, tmp_path: Path, capsys) -> None:
    backup = tmp_path / "cadangan.sqlite"
    main(["backup", "--db", str(office), "--to", str(backup)])
    office.write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    damaged = office.read_bytes()

    assert main(["restore", "--db", str(office), "--from", str(backup)]) == EXIT_OK

    out = capsys.readouterr().out
    assert "Berkas rusak dipindahkan ke" in out
    [aside] = office.parent.glob("kantor.sqlite.rusak-*")
    assert aside.read_bytes() == damaged
    assert len(names(office)) == 3


def test_a_write_command_on_a_damaged_file_names_the_backup(
    office: Path, tmp_path: Path, capsys
) -> None:
    services = open_services(office)
    made = services.backups.automatic_backup()
    services.close()
    assert made is not None
    office.write_bytes(office.read_bytes()[:6000])
    csv = tmp_path / "p.csv"
    csv.write_text("nip,nama\n", encoding="utf-8")

    assert main(["import-employees", "--db", str(office), str(csv)]) == EXIT_STORAGE

    err = capsys.readouterr().err
    assert "rusak" in err
    assert f"Cadangan terbaru yang baik: {made}" in err
    assert f"kinerja-desktop restore --db {office} --from {made}" in err
    assert not lock_path(office).exists()
