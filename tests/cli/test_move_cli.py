"""`kinerja-desktop move`: a demo office to a PostgreSQL server and back to a new file.

The server is the throw-away cluster of ``tests/postgres_server.py``; where PostgreSQL cannot
start here, the server tests are skipped with the reason.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import URL, Engine, create_engine, select, text

from kinerja_desktop.cli import main
from kinerja_desktop.data.move import COPIED_APART, schema_tables
from kinerja_desktop.data.server import open_server_database
from kinerja_desktop.domain.errors import StorageError
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.platform.health import check_database
from kinerja_desktop.services.platform.move import move_office
from kinerja_desktop.services.platform.seals import SealReport, SealService

_numbers = itertools.count(1)


@pytest.fixture
def office(demo_template: Path, tmp_path: Path) -> Path:
    """A copy of the demo office (with a signed evaluation and an evidence file)."""
    folder = tmp_path / "sumber"
    shutil.copytree(demo_template, folder)
    return folder / "kantor.sqlite"


@pytest.fixture
def empty_server(postgres_admin: tuple[Engine, Callable[[str], URL]]) -> Iterator[str]:
    """The address of a new database without any table on the test server."""
    admin, url_of = postgres_admin
    name = f"move_{os.getpid()}_{next(_numbers)}"
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name} TEMPLATE template0"))
    yield url_of(name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


def _content(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, read with the schema's types, in primary-key order.

    Evidence content is left out: a file keeps it in the folder beside it, a server in its
    table (compared by ``_evidence_files`` and ``_server_evidence``).
    """
    with engine.connect() as connection:
        return {
            table.name: [
                tuple(row)
                for row in connection.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in schema_tables()
            if table.name not in COPIED_APART
        }


def _evidence_files(database: Path) -> dict[str, bytes]:
    """The evidence folder beside ``database``: each copy's SHA-256 -> its bytes."""
    folder = database.parent / "evidence"
    return {path.stem: path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def _server_evidence(url: str) -> dict[str, bytes]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT sha256, content FROM evidence_contents"))
            return {sha256: bytes(content) for sha256, content in rows}
    finally:
        engine.dispose()


def _file_content(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    engine = create_engine(f"sqlite:///{path}")
    try:
        return _content(engine)
    finally:
        engine.dispose()


def _server_content(url: str) -> dict[str, list[tuple[Any, ...]]]:
    engine = create_engine(url)
    try:
        return _content(engine)
    finally:
        engine.dispose()


def _server_seals(url: str, tmp_path: Path) -> SealReport:
    """The server database's seal check, as the app runs it."""
    database = open_server_database(url, tmp_path / "lokal" / "kantor.sqlite", create=False)
    try:
        return SealService(database, AccessGuard.system(database)).verify()
    finally:
        database.dispose()


def _counts(content: dict[str, list[tuple[Any, ...]]]) -> dict[str, int]:
    return {table: len(rows) for table, rows in content.items()}


def test_an_office_moves_to_the_server_and_back_unchanged(
    office: Path, empty_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _file_content(office)
    files = _evidence_files(office)
    assert len(files) == 2  # the realisation's and the finding follow-up's
    assert all(hashlib.sha256(content).hexdigest() == sha for sha, content in files.items())

    assert main(["move", "--from", str(office), "--to", empty_server]) == 0

    said = capsys.readouterr().out
    assert f"Jumlah: {len(before)} tabel, {sum(_counts(before).values())} baris" in said
    assert "rantai utuh" in said
    assert "Bukti dukung: 2 berkas" in said
    [backup] = (office.parent / "backups").glob("kantor_sebelum-pindah_*.sqlite")
    assert _file_content(backup) == before
    assert _server_content(empty_server) == before
    assert _server_evidence(empty_server) == files
    report = _server_seals(empty_server, tmp_path)
    assert report.healthy, report.lines
    assert report.checked > 0

    back = tmp_path / "kembali" / "kantor.sqlite"
    assert main(["move", "--from", empty_server, "--to", str(back)]) == 0

    said = capsys.readouterr().out
    assert "Integritas: baik" in said
    assert "Bukti dukung: 2 berkas" in said
    assert said.rstrip().endswith("Selesai.")
    assert _file_content(back) == before
    assert _evidence_files(back) == files
    with sqlite3.connect(back) as raw:  # the office file holds no blobs
        assert raw.execute("SELECT count(*) FROM evidence_contents").fetchone() == (0,)
    assert check_database(back).healthy
    assert main(["check", "--db", str(back)]) == 0


def test_a_file_the_source_lacks_is_reported_and_the_rest_moves(
    office: Path, empty_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = _evidence_files(office)
    with sqlite3.connect(office) as raw:
        (stored,) = raw.execute("SELECT stored_name FROM evidence").fetchone()
    (office.parent / "evidence" / stored).unlink()

    assert main(["move", "--from", str(office), "--to", empty_server]) == 0

    said = capsys.readouterr().out
    assert "Bukti dukung: 1 berkas" in said
    assert f"Laporan Maret.pdf ({stored})" in said
    kept = {sha: content for sha, content in files.items() if sha not in stored}
    assert _server_evidence(empty_server) == kept

    back = tmp_path / "kembali" / "kantor.sqlite"
    assert main(["move", "--from", empty_server, "--to", str(back)]) == 0

    said = capsys.readouterr().out
    assert "Bukti dukung: 1 berkas" in said
    assert f"Laporan Maret.pdf ({stored})" in said
    # The moved file's check names the missing file too, and the move still counts as done.
    assert f"Laporan Maret.pdf ({stored}): tidak ada atau isinya berubah" in said
    assert said.rstrip().endswith("Selesai.")
    assert _evidence_files(back) == kept


def test_the_server_takes_new_rows_after_the_move(office: Path, empty_server: str) -> None:
    move_office(str(office), empty_server)

    engine = create_engine(empty_server)
    try:
        with engine.begin() as connection:
            largest = connection.execute(text("SELECT max(id) FROM units")).scalar_one()
            made = connection.execute(
                text(
                    "INSERT INTO units (name, kind, parent_id, city) "
                    "VALUES ('Seksi Baru', 'SUB_UNIT', 1, '') RETURNING id"
                )
            ).scalar_one()
    finally:
        engine.dispose()
    assert made > largest


def test_a_server_holding_data_is_not_overwritten_unless_asked(
    office: Path, empty_server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["move", "--from", str(office), "--to", empty_server]) == 0
    capsys.readouterr()
    with sqlite3.connect(office) as raw:
        raw.execute("UPDATE units SET city = 'Kota Baru'")
    kept = _server_content(empty_server)

    assert main(["move", "--from", str(office), "--to", empty_server]) == 2

    assert "sudah berisi data" in capsys.readouterr().err
    assert _server_content(empty_server) == kept
    assert main(["move", "--from", str(office), "--to", empty_server, "--replace"]) == 0
    assert _server_content(empty_server) == _file_content(office)


def test_a_file_holding_an_office_is_not_overwritten_unless_asked(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "tujuan" / "kantor.sqlite"
    target.parent.mkdir()
    shutil.copy(office, target)
    with sqlite3.connect(office) as raw:
        raw.execute("UPDATE units SET city = 'Kota Baru'")
    kept = target.read_bytes()

    assert main(["move", "--from", str(office), "--to", str(target)]) == 2

    assert "--replace" in capsys.readouterr().err
    assert target.read_bytes() == kept
    assert main(["move", "--from", str(office), "--to", str(target), "--replace"]) == 0
    assert _file_content(target) == _file_content(office)
    [old] = (target.parent / "backups").glob("kantor_sebelum-pindah_*.sqlite")
    assert _file_content(old)["units"] != _file_content(target)["units"]
    assert check_database(target).healthy


def _fail_at(table: str) -> Callable[[str, int], None]:
    def progress(name: str, _written: int) -> None:
        if name == table:
            raise StorageError("Gangguan buatan di tengah pemindahan.")

    return progress


def test_a_failure_midway_leaves_the_server_as_it_was(
    office: Path, empty_server: str, tmp_path: Path
) -> None:
    move_office(str(office), empty_server)
    with sqlite3.connect(office) as raw:
        raw.execute("UPDATE units SET city = 'Kota Baru'")
    kept = _server_content(empty_server)

    with pytest.raises(StorageError, match="Gangguan buatan"):
        move_office(str(office), empty_server, replace=True, progress=_fail_at("rhks"))

    assert _server_content(empty_server) == kept
    assert _server_seals(empty_server, tmp_path).healthy


def test_a_failure_midway_leaves_no_file_behind(office: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tujuan"
    folder.mkdir()

    with pytest.raises(StorageError, match="Gangguan buatan"):
        move_office(str(office), str(folder / "kantor.sqlite"), progress=_fail_at("skps"))

    assert sorted(path.name for path in folder.iterdir()) == []


def test_a_failure_midway_keeps_the_file_it_would_replace(office: Path, tmp_path: Path) -> None:
    target = tmp_path / "tujuan" / "kantor.sqlite"
    target.parent.mkdir()
    shutil.copy(office, target)
    kept = target.read_bytes()

    with pytest.raises(StorageError, match="Gangguan buatan"):
        move_office(str(office), str(target), replace=True, progress=_fail_at("ikis"))

    assert target.read_bytes() == kept
    assert sorted(path.name for path in target.parent.iterdir()) == ["kantor.sqlite"]


def test_an_older_source_is_refused_before_anything_is_written(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(office) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '0017'")
    target = tmp_path / "tujuan.sqlite"

    assert main(["move", "--from", str(office), "--to", str(target)]) == 1

    assert "versi lama" in capsys.readouterr().err
    assert not target.exists()
    assert not (office.parent / "backups").exists()


def test_a_newer_source_is_refused(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(office) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")

    assert main(["move", "--from", str(office), "--to", str(tmp_path / "baru.sqlite")]) == 1

    assert "lebih baru" in capsys.readouterr().err
    assert not (tmp_path / "baru.sqlite").exists()


def test_a_password_in_the_address_is_refused(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["move", "--from", str(office), "--to", "postgresql://pegawai:rahasia@host/db"])

    assert code == 2
    said = capsys.readouterr()
    assert "PGPASSWORD" in said.err
    assert "rahasia" not in said.out + said.err
    assert not (office.parent / "backups").exists()


def test_a_source_with_a_broken_seal_is_not_moved(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An agreed SKP changed behind the app's back: its digest no longer matches its seal.
    with sqlite3.connect(office) as raw:
        raw.execute(
            "UPDATE rhks SET text = text || ' (diubah)' WHERE skp_id = "
            "(SELECT id FROM skps WHERE status = 'DISEPAKATI' ORDER BY id LIMIT 1)"
        )
    target = tmp_path / "tujuan.sqlite"

    assert main(["move", "--from", str(office), "--to", str(target)]) == 1

    assert "Catatan audit basis data sumber bermasalah" in capsys.readouterr().err
    assert not target.exists()


def test_moving_onto_itself_is_refused(office: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["move", "--from", str(office), "--to", str(office)]) == 1
    assert "sama" in capsys.readouterr().err


def test_an_unreachable_server_is_told_in_indonesian(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    address = f"postgresql://kinerja@/kantor?host={tmp_path / 'tidak-ada'}"

    assert main(["move", "--from", str(office), "--to", address]) == 1

    assert "Server basis data tidak dapat dihubungi" in capsys.readouterr().err


def test_a_self_reference_to_a_later_row_is_copied(tmp_path: Path, empty_server: str) -> None:
    # Units made child first: the child's parent has the larger id.
    from kinerja_desktop.data.opening import open_database

    path = tmp_path / "kecil.sqlite"
    open_database(path).dispose()
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA foreign_keys=OFF")
        raw.executemany(
            "INSERT INTO units (id, name, kind, parent_id, city) VALUES (?, ?, ?, ?, '')",
            [
                (5, "Kecamatan", "INSTANSI", None),
                (2, "Seksi", "SUB_UNIT", 9),
                (9, "Bagian", "UNIT", 5),
            ],
        )

    move_office(str(path), empty_server, batch_rows=1)

    assert _server_content(empty_server)["units"] == _file_content(path)["units"]


def test_a_source_whose_anchor_is_broken_is_not_moved(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kinerja_desktop.services.platform.seal_anchor import anchor_path
    from kinerja_desktop.services.platform.startup import open_office

    open_office(office, create=False).close()  # the start signs the log into its anchor
    anchor = anchor_path(office)
    anchor.write_text(anchor.read_text(encoding="utf-8").replace("a", "b"), encoding="utf-8")
    target = tmp_path / "tujuan.sqlite"

    assert main(["move", "--from", str(office), "--to", str(target)]) == 1

    assert "Berkas segel" in capsys.readouterr().err
    assert not target.exists()
