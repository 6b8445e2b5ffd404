"""Printed PDFs land whole and owner-only: a full disk leaves no truncated file, no record."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from trust_helpers import query

from kinerja_desktop.cli import main
from kinerja_desktop.cli.exit_codes import EXIT_OK, EXIT_STORAGE
from kinerja_desktop.demo import write_demo
from kinerja_desktop.reports.content import FormKind
from kinerja_desktop.services.platform.startup import open_office
from kinerja_desktop.services.printing.batch import plan_batch, run_batch
from kinerja_desktop.services.printing.pdf_files import FileWriteError

TODAY = date(2026, 11, 28)
ROOT = Path(__file__).resolve().parents[2]
#: Above SQLite's 32 KiB shared-memory file, below one printed SKP (about 40 KB).
FILE_SIZE_LIMIT = 36 * 1024
#: Runs the command line with every file this process writes capped at the limit: the disk is
#: "full" for anything bigger, without privileges. SIGXFSZ ignored turns it into EFBIG.
FULL_DISK = textwrap.dedent(
    """
    import resource, signal, sys
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
    from kinerja_desktop.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


@pytest.fixture
def office(db_path: Path) -> Path:
    # Opened the command line's way once, so today's sealing and backup are behind it.
    services = open_office(db_path)
    try:
        write_demo(services.database, employees=8, today=TODAY)
    finally:
        services.close()
    return db_path


def printed(office: Path) -> int:
    [(count,)] = query(office, "SELECT COUNT(*) FROM printed_documents")
    return int(str(count))


def print_args(office: Path, out: Path) -> list[str]:
    return ["print", "--db", str(office), "--year", "2026", "--form", "skp", "--out", str(out)]


@pytest.mark.skipif(sys.platform == "win32", reason="resource limits are POSIX")
def test_print_on_a_full_disk_leaves_no_pdf_and_records_nothing(
    office: Path, tmp_path: Path
) -> None:
    out = tmp_path / "cetak"
    completed = subprocess.run(
        [sys.executable, "-c", FULL_DISK.format(limit=FILE_SIZE_LIMIT), *print_args(office, out)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
        check=False,
    )

    assert completed.returncode == EXIT_STORAGE, completed.stderr
    assert "Traceback" not in completed.stderr
    assert "disk penuh" in completed.stderr
    assert f"{out}{os.sep}" in completed.stderr and "_skp_2026.pdf" in completed.stderr
    assert list(out.iterdir()) == []  # neither a truncated PDF nor a temporary file
    assert printed(office) == 0


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_printed_pdfs_are_owner_only(office: Path, tmp_path: Path) -> None:
    out = tmp_path / "cetak"
    assert main(print_args(office, out)) == EXIT_OK
    modes = {stat.S_IMODE(path.stat().st_mode) for path in out.iterdir()}
    assert modes == {0o600}
    assert printed(office) == len(list(out.iterdir()))


def test_a_merged_file_that_cannot_be_written_records_no_code(office: Path, tmp_path: Path) -> None:
    out = tmp_path / "cetak"
    merged = out / "cetak_2026.pdf"
    merged.mkdir(parents=True)  # a folder in the way: the merged file cannot be put there
    services = open_office(office, create=False)
    try:
        items = plan_batch(
            services.printing, services.staff, year=2026, printed_on=TODAY, forms=[FormKind.SKP]
        )
        with pytest.raises(FileWriteError) as raised:
            run_batch(services.printing, items, out, merged=merged)
    finally:
        services.close()
    assert str(merged) in raised.value.message
    assert [path.name for path in out.iterdir()] == ["cetak_2026.pdf"]
    assert printed(office) == 0
