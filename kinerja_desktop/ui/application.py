"""Start the GUI: choose or create the database, recover from a bad file, show the window."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from kinerja_desktop.domain.errors import DomainError, StorageError
from kinerja_desktop.paths import data_dir, default_database_path
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.demo import write_demo
from kinerja_desktop.ui.first_start import FirstStartDialog
from kinerja_desktop.ui.main_window import MainWindow
from kinerja_desktop.ui.workers import wait_for_background_work

log = logging.getLogger(__name__)


def configure_application(app: QApplication) -> None:
    app.setOrganizationName("KinerjaDesktop")
    app.setApplicationName("Kinerja Desktop")
    # Window layout is kept beside the data (one folder to back up, and tests stay private).
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(data_dir() / "settings")
    )


def _log_file() -> Path:
    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "kinerja.log"


def _report_unexpected(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """Log an unexpected error to a file and tell the user plainly; never show a traceback."""
    log_path = _log_file()
    with log_path.open("a", encoding="utf-8") as handle:
        handle.write("".join(traceback.format_exception(kind, error, trace)))
    QMessageBox.critical(
        None,
        "Terjadi kesalahan",
        "Terjadi kesalahan yang tidak terduga. Data yang sudah disimpan tetap aman; "
        "perubahan yang sedang dikerjakan mungkin belum tersimpan.\n\n"
        f"Rincian dicatat di:\n{log_path}",
    )


def _create_office(path: Path) -> AppServices | None:
    dialog = FirstStartDialog()
    if not dialog.exec():
        return None
    services = open_services(path)
    try:
        if dialog.wants_demo:
            write_demo(services.database)
        else:
            services.staff.add_unit(dialog.instansi.text(), None, dialog.city.text())
    except DomainError:
        services.close()
        raise
    return services


def open_with_recovery(path: Path) -> AppServices | None:
    """Open ``path``; on a bad file explain why and let the user pick another or quit."""
    while True:
        try:
            if not path.exists():
                return _create_office(path)
            return open_services(path, create=False)
        except StorageError as error:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                "Basis data tidak dapat dibuka",
                f"{error.message}\n\nBerkas: {path}\nBerkas ini tidak diubah.",
            )
            choose = box.addButton("Pilih berkas lain…", QMessageBox.ButtonRole.AcceptRole)
            box.addButton("Keluar", QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is not choose:
                return None
            name, _ = QFileDialog.getSaveFileName(
                None,
                "Pilih atau buat berkas basis data",
                str(path.parent),
                "Basis data Kinerja (*.sqlite);;Semua berkas (*)",
                options=QFileDialog.Option.DontConfirmOverwrite,
            )
            if not name:
                return None
            path = Path(name)


def run_gui(db_path: Path | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    configure_application(app)
    sys.excepthook = _report_unexpected
    services = open_with_recovery(db_path or default_database_path())
    if services is None:
        return 1
    window = MainWindow(services)
    window.show()
    try:
        return app.exec()
    finally:
        wait_for_background_work()  # a check still reading must not outlive the app
        services.close()
