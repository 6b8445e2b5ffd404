"""Start-up imports only what Beranda needs: printing, hand-over and other pages load later.

The start path runs in a fresh interpreter (this process has imported everything already):
open the demo office as the GUI does, build the main window, show it, let Beranda's
background checks finish, and list what was imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kinerja_desktop.demo import write_demo
from kinerja_desktop.services.app_services import open_services

TODAY = date(2026, 11, 28)
PASSWORD = "Kantor-Kertapati-2026"

#: Loaded only by printing (reportlab, pypdf) and by spreadsheets (openpyxl).
HEAVY = ("reportlab", "pypdf", "openpyxl")
#: Modules of pages and capabilities the first page does not show.
LATER = (
    "kinerja_desktop.services.printing",
    "kinerja_desktop.services.handover",
    "kinerja_desktop.ui.printing",
    "kinerja_desktop.ui.handover",
    "kinerja_desktop.ui.supervision",
    "kinerja_desktop.ui.settings.page",
    "kinerja_desktop.ui.skp",
    "kinerja_desktop.ui.evaluation",
    "kinerja_desktop.ui.staff",
    "kinerja_desktop.ui.development",
    "kinerja_desktop.ui.progress",
)

START = """
import json, sys
from datetime import date
from pathlib import Path
from PySide6.QtWidgets import QApplication
from kinerja_desktop.ui.application import configure_application, open_with_recovery
from kinerja_desktop.ui.main_window import MainWindow
from kinerja_desktop.ui.workers import wait_for_background_work

app = QApplication([])
configure_application(app)
services = open_with_recovery(Path(sys.argv[1]))
services.accounts.sign_in("admin", sys.argv[2])
window = MainWindow(services, today=lambda: date(2026, 11, 28))
window.show()
app.processEvents()
wait_for_background_work()  # Beranda's checks
app.processEvents()
shown = window.isVisible() and window.pages.currentWidget() is window.home
loaded = sorted(
    name for name in sys.modules
    if any(name == p or name.startswith(p + ".") for p in json.loads(sys.argv[3]))
)
print("RESULT " + json.dumps({"shown": shown, "loaded": loaded}))
window.close()
services.close()
"""


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("startup") / "kantor.sqlite"
    services = open_services(path)
    try:
        write_demo(services.database, employees=12, today=TODAY)
        services.accounts.create_first_admin("admin", "Admin Kantor", PASSWORD, PASSWORD)
    finally:
        services.close()
    return path


def _probe(script: str, data_dir: Path, *args: str) -> object:
    """Run ``script`` in a fresh interpreter and return what it printed after ``RESULT``."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KINERJA_DATA_DIR": str(data_dir)}
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


def _imported_at_start(db: Path, watched: tuple[str, ...], data_dir: Path) -> dict[str, object]:
    result = _probe(START, data_dir, str(db), PASSWORD, json.dumps(watched))
    assert isinstance(result, dict)
    return result


def test_showing_beranda_imports_no_printing_spreadsheet_or_other_page(
    demo_file: Path, private_data_dir: Path
) -> None:
    result = _imported_at_start(demo_file, (*HEAVY, *LATER), private_data_dir)
    assert result["shown"] is True
    assert result["loaded"] == []


def test_the_probe_sees_a_module_the_start_imports(demo_file: Path, private_data_dir: Path) -> None:
    """The check above is not blind: Beranda's own page module is found."""
    result = _imported_at_start(demo_file, ("kinerja_desktop.ui.home",), private_data_dir)
    assert "kinerja_desktop.ui.home.page" in result["loaded"]  # type: ignore[operator]


#: Built on first use (AppServices' cached properties) or imported by Beranda's first refresh
#: on its worker thread: neither the start path's imports nor opening the file load them.
ON_FIRST_USE = (
    "holidays",
    "kinerja_desktop.services.supervision",
    "kinerja_desktop.services.skp",
    "kinerja_desktop.services.evaluation",
    "kinerja_desktop.services.development",
    "kinerja_desktop.services.progress.service",
    "kinerja_desktop.services.staff.importing",
)

OPEN_ONLY = """
import json, sys
from pathlib import Path
from kinerja_desktop.ui.application import run_gui  # the start path's imports
from kinerja_desktop.services.app_services import open_services

services = open_services(Path(sys.argv[1]), create=False)
loaded = sorted(
    name for name in sys.modules
    if any(name == p or name.startswith(p + ".") for p in json.loads(sys.argv[2]))
)
services.close()
print("RESULT " + json.dumps(loaded))
"""


def test_opening_the_file_builds_only_the_services_the_start_needs(
    demo_file: Path, private_data_dir: Path
) -> None:
    loaded = _probe(OPEN_ONLY, private_data_dir, str(demo_file), json.dumps(ON_FIRST_USE))
    assert loaded == []


def test_a_service_built_on_first_use_is_built_once(demo_file: Path) -> None:
    services = open_services(demo_file, create=False)
    try:
        assert services.skp is services.skp
        assert services.development is services.development
        assert services.attention.checks  # resolved on first use, then kept
        assert services.attention.checks is services.attention.checks
    finally:
        services.close()


#: Loaded on a worker thread once the window is shown (`application.services_imported`).
AFTER_THE_WINDOW = (
    "sqlalchemy",
    "alembic",
    "babel",
    "kinerja_desktop.data",
    "kinerja_desktop.services",
)

SHELL = """
import json, sys
from kinerja_desktop.ui.application import configure_application, run_gui  # the start's imports
from PySide6.QtWidgets import QApplication
from kinerja_desktop.ui.main_window import PEGAWAI, MainWindow

app = QApplication([])
configure_application(app)
window = MainWindow(None)  # what run_gui shows before its event loop runs
window.show()
app.processEvents()
window.go(PEGAWAI)
app.processEvents()
loaded = sorted(
    name for name in sys.modules
    if any(name == p or name.startswith(p + ".") for p in json.loads(sys.argv[1]))
)
print("RESULT " + json.dumps({"page": window.pages.currentWidget().text(), "loaded": loaded}))
window.close()
"""


def _shell_imports(watched: tuple[str, ...], data_dir: Path) -> dict[str, object]:
    result = _probe(SHELL, data_dir, json.dumps(watched))
    assert isinstance(result, dict)
    return result


def test_the_window_is_shown_before_sqlalchemy_and_the_services_load(
    private_data_dir: Path,
) -> None:
    result = _shell_imports(AFTER_THE_WINDOW, private_data_dir)
    assert result == {"page": "Memuat…", "loaded": []}


def test_the_shell_probe_sees_what_the_shell_imports(private_data_dir: Path) -> None:
    """The check above is not blind: the window's own module is found."""
    result = _shell_imports(("kinerja_desktop.ui.main_window",), private_data_dir)
    assert result["loaded"] == ["kinerja_desktop.ui.main_window"]
