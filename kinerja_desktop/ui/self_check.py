"""The GUI part of `--self-check`: build the main window once and let it paint."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.ui.application import configure_application
from kinerja_desktop.ui.main_window import PAGES, MainWindow
from kinerja_desktop.ui.workers import wait_for_background_work


def show_main_window_once(services: AppServices) -> None:
    """Show every page of the main window, run the event loop briefly, then close."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    configure_application(app)
    window = MainWindow(services)
    window.show()
    for page in range(len(PAGES)):
        window.go(page)
    QTimer.singleShot(0, app.quit)
    app.exec()
    window.close()
    # The pages' reads started on worker threads must end before the caller closes the
    # database and removes its folder: a read still opening the file there recreated its
    # journal files under a loaded machine, and the folder could not be removed.
    wait_for_background_work()
