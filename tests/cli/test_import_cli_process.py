"""The `import-employees` process loads and does only what a staff import needs.

Building the parser loads no printing (reports, reportlab), spreadsheet (openpyxl) or Qt
module; importing a CSV file loads none of them either; the cyclic collector waits through
the whole command; and the process, not a caller of ``main`` in-process, freezes what it
holds before it ends so that the interpreter's last collections do not walk it.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kinerja_desktop.cli import main, printing
from kinerja_desktop.cli.exit_codes import EXIT_OK
from kinerja_desktop.reports.content import FormKind
from kinerja_desktop.reports.paper import Paper
from kinerja_desktop.services.app_services import open_services

#: Printing, spreadsheets and the GUI: an import of a CSV file needs none of them.
NOT_FOR_A_CSV_IMPORT = ("reportlab", "openpyxl", "PySide6", "kinerja_desktop.reports")

#: Run as the program runs it: ``main()`` on the process's own arguments.
PROGRAM = """
import gc, json, os, sys
from kinerja_desktop.cli import main

watched = json.loads(os.environ["WATCHED"])
code = main()
loaded = sorted(
    name for name in sys.modules if any(name == p or name.startswith(p + ".") for p in watched)
)
report = {"code": code, "loaded": loaded, "frozen": gc.get_freeze_count()}
with open(os.environ["REPORT"], "w", encoding="utf-8") as handle:
    json.dump(report, handle)
"""


def _program(tmp_path: Path, watched: tuple[str, ...], *args: str) -> dict[str, Any]:
    """Run the command line in a fresh interpreter; what it loaded, returned and froze."""
    report = tmp_path / "report.json"
    env = {**os.environ, "WATCHED": json.dumps(watched), "REPORT": str(report)}
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    result["out"] = done.stdout
    return result


@pytest.mark.sqlite_only(reason="the process is given a database file")
def test_a_csv_import_loads_no_printing_spreadsheet_or_qt_and_freezes_at_the_end(
    db_path: Path, sample_csv: Path, tmp_path: Path
) -> None:
    open_services(db_path).close()

    result = _program(
        tmp_path, NOT_FOR_A_CSV_IMPORT, "import-employees", "--db", str(db_path), str(sample_csv)
    )

    assert result["code"] == EXIT_OK
    assert result["out"].startswith("Impor 'pegawai-contoh.csv' selesai: 11 pegawai baru")
    assert result["loaded"] == []
    assert result["frozen"] > 0


def test_a_command_that_keeps_the_collection_at_exit_freezes_nothing(
    sample_csv: Path, tmp_path: Path
) -> None:
    """Only the commands listed freeze; and the probe is not blind (it sees the parser)."""
    result = _program(tmp_path, ("kinerja_desktop.cli.parser",), "ikm", str(sample_csv))
    assert result["code"] != EXIT_OK  # a staff list is no survey file
    assert result["loaded"] == ["kinerja_desktop.cli.parser"]
    assert result["frozen"] == 0


@pytest.mark.sqlite_only(reason="--db names the database file")
def test_main_called_in_process_freezes_nothing_and_restores_the_collector(
    db_path: Path, sample_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_services(db_path).close()
    from kinerja_desktop.cli import target

    seen: list[bool] = []
    real_open = target.open_database

    def spying_open(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return real_open(*args, **kwargs)

    monkeypatch.setattr(target, "open_database", spying_open)
    frozen = gc.get_freeze_count()
    assert gc.isenabled()

    code = main(["import-employees", "--db", str(db_path), str(sample_csv)])

    assert code == EXIT_OK
    assert seen == [False]  # the collector waited while the file was opened
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_the_print_commands_choices_are_the_reports_values() -> None:
    """The parser spells them out so as not to load reports; they must not drift."""
    assert [*(kind.value for kind in FormKind), "all"] == printing.FORM_CHOICES
    assert [paper.value for paper in Paper] == printing.PAPER_CHOICES
