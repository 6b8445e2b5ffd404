"""The `kinerja-desktop` command line: `check`, `--version`, `--self-check`, bad arguments."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from kinerja_desktop import __version__
from kinerja_desktop.cli import main
from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_STORAGE
from kinerja_desktop.data.migrate import head_revision
from kinerja_desktop.data.opening import open_database


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sidecars(path: Path) -> list[Path]:
    """-wal/-shm/-journal files beside ``path``: a read-only check must leave none."""
    return [
        path.with_name(path.name + s)
        for s in ("-wal", "-shm", "-journal")
        if path.with_name(path.name + s).exists()
    ]


@pytest.fixture
def healthy(db_path: Path) -> Path:
    database = open_database(db_path)
    try:
        with database.transaction() as session:
            session.execute(
                text("INSERT INTO units (name, kind, city) VALUES ('Kecamatan', 'INSTANSI', '')")
            )
    finally:
        database.dispose()
    return db_path


def test_check_healthy_database_exits_0_and_prints_the_schema_version(
    healthy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(healthy)

    assert main(["check", "--db", str(healthy)]) == EXIT_OK

    out = capsys.readouterr().out
    head = head_revision()
    assert f"Berkas: {healthy}" in out
    assert "Integritas: baik" in out
    assert f"Versi skema: {head} (aplikasi: {head}); terbaru" in out
    assert digest(healthy) == before
    assert sidecars(healthy) == []


def test_check_damaged_file_exits_1_and_leaves_it_unchanged(
    healthy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    healthy.write_bytes(healthy.read_bytes()[:8192])  # the first two pages only
    before = digest(healthy)

    assert main(["check", "--db", str(healthy)]) == EXIT_STORAGE

    out = capsys.readouterr().out
    assert "Masalah: Berkas basis data rusak" in out
    assert "Integritas: baik" not in out
    assert digest(healthy) == before
    assert sidecars(healthy) == []


def test_check_missing_file_exits_1_and_says_it_does_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "tidak-ada.sqlite"

    assert main(["check", "--db", str(path)]) == EXIT_STORAGE

    out = capsys.readouterr().out
    assert f"Berkas basis data tidak ada: {path}" in out
    assert not path.exists()


def test_check_file_of_a_newer_app_exits_1(
    healthy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = open_database(healthy)
    try:
        with database.transaction() as session:
            session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    finally:
        database.dispose()

    assert main(["check", "--db", str(healthy)]) == EXIT_STORAGE

    out = capsys.readouterr().out
    assert "lebih baru" in out
    assert f"Versi skema: 9999 (aplikasi: {head_revision()})" in out


def test_version_prints_the_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"kinerja-desktop {__version__}"


def test_self_check_returns_0(tmp_path: Path) -> None:
    # A process of its own: the self-check starts and quits a QApplication of its own.
    done = subprocess.run(
        [sys.executable, "-m", "kinerja_desktop", "--self-check"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "KINERJA_DATA_DIR": str(tmp_path)},
    )
    assert (done.returncode, done.stdout.strip()) == (EXIT_OK, "self-check ok")
    assert list(tmp_path.iterdir()) == []  # the user's data folder was not touched


@pytest.mark.parametrize(
    "argv",
    [
        ["--tidak-ada"],
        ["check"],  # --db is required
        ["check", "--db"],
        ["perintah-lain"],
        ["demo", "--db", "x.sqlite", "--employees", "banyak"],
    ],
    ids=["unknown-option", "check-without-db", "db-without-path", "unknown-command", "not-int"],
)
def test_bad_argument_exits_2_with_an_indonesian_message(
    argv: list[str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)  # where a relative --db would land
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == EXIT_INPUT
    err = capsys.readouterr().err
    assert "Kesalahan argumen:" in err
    assert "Pemakaian: kinerja-desktop" in err  # how to call it correctly
    for english in ("usage", "argument ", "required", "invalid", "unrecognized", "expected"):
        assert english not in err
    assert list(tmp_path.iterdir()) == []  # nothing was written


def test_check_names_a_sealed_record_changed_behind_the_apps_back(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kinerja_desktop.demo import write_demo
    from kinerja_desktop.services.app_services import open_services

    services = open_services(db_path)
    try:
        write_demo(services.database, employees=6, today=date(2026, 11, 28))
    finally:
        services.close()
    assert main(["check", "--db", str(db_path)]) == EXIT_OK
    assert "rantai utuh" in capsys.readouterr().out

    database = open_database(db_path)
    try:
        with database.transaction() as session:  # a raw edit, as a spreadsheet tool would do
            session.execute(text("UPDATE ikis SET target = '1' WHERE id = 1"))
    finally:
        database.dispose()
    before = digest(db_path)
    assert main(["check", "--db", str(db_path)]) == EXIT_STORAGE
    out = capsys.readouterr().out
    assert "SKP 2026" in out and "berubah di luar aplikasi" in out
    assert digest(db_path) == before
    assert sidecars(db_path) == []


# --- signed means sealed: what the forms print, truncation, triggers ------------------------------

SIGNED_ON = date(2026, 10, 8)
OPENED_AT = datetime(2026, 11, 28, 8, 0)


def _raw(path: Path, *statements: str) -> None:
    """Statements run as someone with the file and a SQLite tool would run them."""
    connection = sqlite3.connect(path)
    try:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def _one(path: Path, query: str) -> tuple[object, ...]:
    connection = sqlite3.connect(path)
    try:
        row = connection.execute(query).fetchone()
    finally:
        connection.close()
    assert row is not None
    return tuple(row)


@pytest.fixture
def demo_office(db_path: Path) -> Path:
    """A demo office opened once by the app (so its log is anchored), with a signed period."""
    from kinerja_desktop.demo import write_demo
    from kinerja_desktop.services.app_services import open_services
    from kinerja_desktop.services.platform.startup import open_office

    services = open_services(db_path)
    try:
        write_demo(services.database, employees=6, today=date(2026, 11, 28))
    finally:
        services.close()
    office = open_office(db_path, now=OPENED_AT)
    try:
        skp_id, code = _one(
            db_path, "SELECT skp_id, period_code FROM predikat_decisions ORDER BY id"
        )
        assert isinstance(skp_id, int) and isinstance(code, str)
        office.seals.sign_evaluation(skp_id, code, SIGNED_ON, today=OPENED_AT.date())
        office.dialogue.record_result_received(skp_id, code, date(2026, 10, 9))
        office.dialogue.file_objection(
            skp_id, code, "Realisasi TW belum dihitung.", date(2026, 10, 10)
        )
    finally:
        office.close()
    return db_path


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", "--db", str(path)])
    return code, capsys.readouterr().out


def test_check_a_healthy_demo_office_with_a_signed_period_is_clean(
    demo_office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _check(demo_office, capsys)
    assert code == EXIT_OK, out
    assert "rantai utuh" in out
    assert "Berkas segel" not in out and "instalasi lain" not in out


@pytest.mark.parametrize(
    ("statements", "named"),
    [
        pytest.param(
            (
                "UPDATE skp_versions SET content_json = replace(content_json, '\"target', "
                "'\"targetX') WHERE id = (SELECT min(id) FROM skp_versions)",
            ),
            "SKP 2026",
            id="content_json",
        ),
        pytest.param(
            ('UPDATE signatories SET content = replace(content, \'"name": "\', \'"name": "X\')',),
            "Evaluasi",
            id="signatory",
        ),
        pytest.param(
            ("UPDATE dialogues SET objection = 'Keberatan yang lain'",),
            "Evaluasi",
            id="keberatan",
        ),
    ],
)
def test_check_names_a_printed_part_of_a_sealed_record_changed_with_raw_sql(
    demo_office: Path,
    capsys: pytest.CaptureFixture[str],
    statements: tuple[str, ...],
    named: str,
) -> None:
    _raw(demo_office, *statements)
    code, out = _check(demo_office, capsys)
    assert code == EXIT_STORAGE
    assert named in out and "berubah di luar aplikasi" in out


def test_check_finds_the_last_entry_deleted_and_reopening_does_not_launder_it(
    demo_office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kinerja_desktop.services.platform.startup import open_office

    (entries,) = _one(demo_office, "SELECT count(*) FROM audit_log")
    _raw(
        demo_office,
        "DROP TRIGGER audit_log_no_delete",
        "DELETE FROM audit_log WHERE sequence = (SELECT max(sequence) FROM audit_log)",
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
        "UPDATE predikat_decisions SET final = 'SANGAT_KURANG', override_reason = 'x' "
        "WHERE id = (SELECT min(id) FROM predikat_decisions)",
    )
    code, out = _check(demo_office, capsys)
    assert code == EXIT_STORAGE
    assert "lebih pendek dari segelnya" in out
    assert "Evaluasi" in out

    office = open_office(demo_office, now=OPENED_AT)
    try:
        assert len(office.seals.history()) == entries - 1  # no baseline over the changed rating
        assert any("lebih pendek" in warning for warning in office.warnings)
    finally:
        office.close()
    code, out = _check(demo_office, capsys)
    assert code == EXIT_STORAGE and "lebih pendek dari segelnya" in out


def test_check_says_a_trigger_of_the_log_was_dropped(
    demo_office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _raw(demo_office, "DROP TRIGGER audit_log_no_update")
    code, out = _check(demo_office, capsys)
    assert code == EXIT_STORAGE
    assert "Pemicu audit_log_no_update pada catatan audit hilang" in out


# --- accepting the log: check --terima-segel ---------------------------------------------------


def _accept(path: Path, capsys: pytest.CaptureFixture[str], *flags: str) -> tuple[int, str, str]:
    code = main(["check", "--terima-segel", *flags, "--db", str(path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_accepting_an_office_copied_from_another_installation_makes_check_clean(
    demo_office: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kinerja_desktop.services.platform import signing
    from kinerja_desktop.services.platform.seal_anchor import anchor_path

    copied = tmp_path / "salinan" / "kantor.sqlite"
    copied.parent.mkdir()
    copied.write_bytes(demo_office.read_bytes())
    anchor_path(copied).write_bytes(anchor_path(demo_office).read_bytes())
    other_installation = tmp_path / "komputer-lain"
    monkeypatch.setenv("KINERJA_DATA_DIR", str(other_installation))

    code, out = _check(copied, capsys)
    assert code == EXIT_OK, out
    assert "Berkas dari instalasi lain" in out
    assert f'kinerja-desktop check --terima-segel --db "{copied}"' in out

    code, out, err = _accept(copied, capsys)
    assert code == EXIT_OK, err
    own = signing.load_or_create_key(other_installation / "keys").fingerprint
    assert "Segel diterima" in out and own in out
    (entries,) = _one(copied, "SELECT count(*) FROM audit_log")
    assert f"berisi {entries} catatan" in out

    code, out = _check(copied, capsys)
    assert code == EXIT_OK, out
    assert "instalasi lain" not in out and "--terima-segel" not in out


def test_a_truncated_log_is_accepted_only_when_confirmed_and_its_changes_stay_visible(
    demo_office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kinerja_desktop.services.platform.seal_anchor import anchor_path

    _raw(
        demo_office,
        "DROP TRIGGER audit_log_no_delete",
        "DELETE FROM audit_log WHERE sequence = (SELECT max(sequence) FROM audit_log)",
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    )
    code, out = _check(demo_office, capsys)
    assert code == EXIT_STORAGE
    assert "lebih pendek dari segelnya" in out
    assert "--terima-segel --yakin" in out and "tidak terlihat lagi" in out

    anchor = anchor_path(demo_office).read_bytes()
    code, out, err = _accept(demo_office, capsys)
    assert code == EXIT_INPUT
    assert "lebih pendek dari segelnya" in err
    assert "Berkas segel tidak diubah" in err and "--yakin" in err
    assert anchor_path(demo_office).read_bytes() == anchor

    code, out, err = _accept(demo_office, capsys, "--yakin")
    assert code == EXIT_OK, err
    assert "Segel diterima" in out
    assert "Sebelumnya: Catatan audit lebih pendek dari segelnya" in out

    # Decided: accepting signs the head as it is now, so the removed entry itself is no longer
    # visible (hence --yakin). What it sealed is: the evaluation's keberatan, sealed by the
    # removed entry, now differs from the evaluation's last remaining seal.
    code, out = _check(demo_office, capsys)
    assert code == EXIT_STORAGE
    assert "lebih pendek" not in out
    assert "Evaluasi" in out and "berubah di luar aplikasi" in out


@pytest.mark.parametrize(
    ("argv", "expected", "said"),
    [
        pytest.param(
            ["check", "--yakin"],
            EXIT_INPUT,
            "--yakin hanya berlaku bersama --terima-segel",
            id="yakin-alone",
        ),
        pytest.param(
            ["check", "--terima-segel"], EXIT_STORAGE, "Berkas basis data tidak ada", id="no-file"
        ),
    ],
)
def test_accepting_the_log_refuses_wrong_use_and_writes_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    expected: int,
    said: str,
) -> None:
    from kinerja_desktop.services.platform.seal_anchor import anchor_path

    missing = tmp_path / "tidak-ada.sqlite"
    assert main([*argv, "--db", str(missing)]) == expected
    assert said in capsys.readouterr().err
    assert not missing.exists() and not anchor_path(missing).exists()
