"""Start the GUI: show the window, then open the file (recovering from a bad one) into it.

With a server connection chosen in Pengaturan ("Gunakan saat mulai") or given as ``--db``, the
start opens that server's database instead, and falls back to the file when it cannot.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox

from kinerja_desktop.domain.connections import ConnectionProfile
from kinerja_desktop.domain.errors import DomainError, LockedError, StorageError
from kinerja_desktop.paths import (
    config_dir,
    connections_file,
    data_dir,
    default_database_path,
    resource_path,
)
from kinerja_desktop.ui.main_window import MainWindow
from kinerja_desktop.ui.workers import run_in_background, wait_for_background_work

# The window is shown before SQLAlchemy, the models and the services are imported: they load
# on a worker thread while it paints (`services_imported`), and the file is opened into it on
# the event loop's next turns (tests/ui/test_startup_imports.py keeps the shell free of them).
if TYPE_CHECKING:
    from kinerja_desktop.services.app_services import AppServices
    from kinerja_desktop.services.platform.recovery import DamagedFile
    from kinerja_desktop.services.platform.startup import DatabaseLock
    from kinerja_desktop.ui.accounts.session import AccountSession
    from kinerja_desktop.ui.settings.daily_backup import DailyBackup

log = logging.getLogger(__name__)


#: Qt's own texts (standard buttons, file and print dialogs, context menus) in Indonesian. Qt
#: ships no qtbase_id, so the app carries its own: resources/translations/qtbase_id.ts, compiled
#: with pyside6-lrelease.
QT_TRANSLATION = "qtbase_id.qm"


def install_translations(app: QApplication) -> bool:
    """Let Qt's own buttons, dialogs and context menus speak Indonesian (once per app).

    Returns:
        False when the translation file is missing or unreadable: Qt then stays in English,
        which is logged, and the app works on.
    """
    if app.findChild(QTranslator, QT_TRANSLATION) is not None:
        return True
    translator = QTranslator(app)
    translator.setObjectName(QT_TRANSLATION)
    path = resource_path("translations", QT_TRANSLATION)
    if not translator.load(str(path)):
        log.warning("Qt translation not loaded: %s", path)
        translator.setParent(None)
        return False
    app.installTranslator(translator)
    return True


def configure_application(app: QApplication) -> None:
    # Month and day names in date fields and calendar pop-ups: "6 Desember 2026", not "December".
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    install_translations(app)
    app.setOrganizationName("KinerjaDesktop")
    app.setApplicationName("Kinerja Desktop")
    # Window layout is kept beside the data (one folder to back up, and tests stay private).
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config_dir()))


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


def _create_office(path: Path, lock: DatabaseLock | None) -> AppServices | None:
    from kinerja_desktop.services.platform.startup import open_locked
    from kinerja_desktop.ui.first_start import FirstStartDialog

    while True:
        dialog = FirstStartDialog()
        if not dialog.exec():
            if lock is not None:
                lock.release()
            return None
        if dialog.wants_prefill and dialog.prefill_path is not None:
            try:
                return _office_from_prefill(path, lock, dialog.prefill_path)
            except DomainError as error:
                # Checked whole when chosen, so this is rare (the disk, or content that does
                # not fit): nothing was made; say why and offer the choices again.
                QMessageBox.warning(
                    None,
                    "Kantor tidak dapat dibuat dari paket isian awal",
                    f"{error.message}\n\nBelum ada kantor yang dibuat.",
                )
                continue
        break
    services = open_locked(path, lock)
    try:
        if dialog.wants_demo:
            # The demo generator is big and only this choice needs it: load it here.
            from kinerja_desktop.demo import write_demo

            write_demo(services.database)
        else:
            services.staff.add_unit(dialog.instansi.text(), None, dialog.city.text())
    except DomainError:
        services.close()
        raise
    return services


def _office_from_prefill(path: Path, lock: DatabaseLock | None, package: Path) -> AppServices:
    """The new office at ``path`` made from the prefill ``package``: whole, or no file at all.

    Built aside and renamed into place (``create_office``) under the lock the start holds; no
    safety backup, since a new file holds nothing to go back to.

    Raises:
        DomainError: the package was refused or the file could not be made; nothing is left.
    """
    from kinerja_desktop.services.hub.prefill import start_from_prefill
    from kinerja_desktop.services.platform.startup import create_office, open_locked

    if path.exists() and path.stat().st_size == 0:
        path.unlink()  # an empty file the user chose to start a new office in
    create_office(path, lambda made: start_from_prefill(made.handover, package), lock=lock)
    return open_locked(path, lock)


def _lock_or_ask(path: Path) -> DatabaseLock | None:
    """Take the one-writer lock; offer to take over one that looks abandoned.

    Raises:
        LockedError: another copy holds it, or the user declined to take it over.
    """
    from kinerja_desktop.services.platform.startup import take_lock

    try:
        return take_lock(path)
    except LockedError as error:
        if not error.stale:
            raise
        answer = QMessageBox.question(
            None,
            "Berkas tercatat sedang dipakai",
            f"{error.message}\n\nAmbil alih berkas ini?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            raise
        return take_lock(path, take_over=True)


#: What the user chose after a damaged file was moved aside.
RESTORE, NEW_OFFICE, OTHER_FILE, QUIT = "restore", "new", "other", "quit"


def _offer_backup(damaged: DamagedFile) -> str:
    """Tell the user the file was damaged and moved aside; offer the newest good backup."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, "Basis data rusak", damaged.message() + "\n\nApa yang dilakukan?"
    )
    choices: dict[object, str] = {}
    if damaged.backup is not None:
        choices[box.addButton("Pulihkan cadangan ini", QMessageBox.ButtonRole.AcceptRole)] = RESTORE
    choices[box.addButton("Mulai kantor baru", QMessageBox.ButtonRole.ActionRole)] = NEW_OFFICE
    choices[box.addButton("Pilih berkas lain…", QMessageBox.ButtonRole.ActionRole)] = OTHER_FILE
    choices[box.addButton("Keluar", QMessageBox.ButtonRole.RejectRole)] = QUIT
    box.exec()
    return choices.get(box.clickedButton(), QUIT)


def _choose_other_file(path: Path) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        None,
        "Pilih atau buat berkas basis data",
        str(path.parent),
        "Basis data Kinerja (*.sqlite);;Semua berkas (*)",
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return Path(name) if name else None


def _open_once(path: Path) -> AppServices | Path | None:
    """One attempt: the services, another path to try, or None to quit.

    Raises:
        StorageError: the file cannot be used (the lock is released).
    """
    from kinerja_desktop.services.platform.recovery import (
        restore_in_place_of_missing,
        set_aside_if_damaged,
    )
    from kinerja_desktop.services.platform.startup import open_locked

    lock = _lock_or_ask(path)
    try:
        damaged = set_aside_if_damaged(path)
        if damaged is not None:
            choice = _offer_backup(damaged)
            if choice == RESTORE and damaged.backup is not None:
                restore_in_place_of_missing(damaged.backup.path, path)
            elif choice == OTHER_FILE:
                if lock is not None:
                    lock.release()
                return _choose_other_file(path)
            elif choice == QUIT:
                if lock is not None:
                    lock.release()
                return None
        if not path.exists() or path.stat().st_size == 0:
            # A zero-byte file is a new office only when the user says so (first start).
            return _create_office(path, lock)
        # The day's automatic backup is taken once the window is shown (run_gui).
        return open_locked(path, lock, create=False, daily_backup=False)
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def open_with_recovery(path: Path) -> AppServices | None:
    """Open ``path`` as its one writer; on a bad file explain why and offer a way on.

    A damaged file is moved aside and the newest good backup offered; a file in use by
    another copy names who holds it; any other refusal lets the user pick another file.
    """
    from kinerja_desktop.services.app_services import AppServices

    while True:
        try:
            opened = _open_once(path)
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
            opened = _choose_other_file(path)
        if opened is None or isinstance(opened, AppServices):
            return opened
        path = opened


def windows_with_daily_backup(
    services: AppServices,
) -> tuple[Callable[[AppServices], QMainWindow], DailyBackup | None]:
    """Make main windows; the first one shown starts the day's backup in the background.

    Every window of the run is told its outcome (a failure as a banner); a read-only file
    and a server database (backed up by its server) take no backup: the backup is None then.
    """
    from kinerja_desktop.ui.settings.daily_backup import DailyBackup

    takes_none = services.read_only or services.backups.server is not None
    daily = None if takes_none else DailyBackup(services.backups.automatic_backup)

    def make_window(opened: AppServices) -> QMainWindow:
        window = MainWindow(opened)
        if daily is not None:
            daily.attach(window)
        return window

    return make_window, daily


def services_imported() -> None:
    """Import what opening the file needs (SQLAlchemy, the models, the start's services).

    Run on a worker thread while the window shell is painted and answers the user; only
    imports, no Qt object is touched.
    """
    import kinerja_desktop.services.platform.startup
    import kinerja_desktop.ui.accounts.session
    import kinerja_desktop.ui.home.page  # noqa: F401 - loaded for `MainWindow.attach`


class _Start:
    """The first session of a run: the file is opened into the window already shown.

    ``code`` is the run's exit code when the start itself ended it (1: nothing was opened or
    nobody signed in).
    """

    def __init__(
        self, app: QApplication, window: MainWindow, db: Path | ConnectionProfile | None
    ) -> None:
        self.app = app
        self.window = window
        self.db = db
        self.services: AppServices | None = None
        self.session: AccountSession | None = None
        self.daily: DailyBackup | None = None
        self.make_window: Callable[[AppServices], QMainWindow] | None = None
        self.code: int | None = None
        #: Set when the start's event loop has ended: a result arriving later is dropped.
        self.over = False

    def begin(self) -> None:
        run_in_background(services_imported, lambda _none: self._open_or_end(), self._failed)

    def _open_or_end(self) -> None:
        # Anything unexpected ends the run with the plain message: the window must not stay
        # on "Memuat…" with nothing behind it.
        if self.over:
            return  # the window was closed while the modules loaded: nothing to open
        try:
            self._open()
        except Exception as error:
            self._failed(error)

    def _failed(self, error: Exception) -> None:
        if self.over:
            return
        _report_unexpected(type(error), error, error.__traceback__)
        self._end(1)

    def _end(self, code: int) -> None:
        self.code = code
        self.app.exit(code)

    def _open(self) -> None:
        from kinerja_desktop.ui.accounts.session import start_session

        if not self.window.isVisible():
            return  # closed while the modules loaded: nothing to open
        self.services = open_at_start(self.db)
        if self.services is None:
            self._end(1)
            return
        # Beranda's checks in a process of their own: a search typed meanwhile stays quick.
        self.services.attention.run_apart()
        self.make_window, self.daily = windows_with_daily_backup(self.services)
        self.session = start_session(self.window, self.services)
        if self.session is None:
            self._end(1)  # the first sign-in was cancelled
            return
        if self.daily is not None:
            self.daily.attach(self.window)


def open_at_start(db: Path | ConnectionProfile | None) -> AppServices | None:
    """Open the file ``db``, the server ``db``, or (None) the connection chosen for the start.

    A server that cannot be opened (unreachable, refused, the user chose the file) leaves the
    start on the file in the user's data folder, after a message saying why.
    """
    if isinstance(db, Path):
        return open_with_recovery(db)
    from kinerja_desktop.services.platform.connections import ConnectionStore
    from kinerja_desktop.ui.settings.server_start import chosen_connection, open_chosen_server

    profile = db if db is not None else chosen_connection(ConnectionStore(connections_file()))
    if profile is not None:
        from kinerja_desktop.services.platform.server_passwords import session_passwords

        services = open_chosen_server(profile, session_passwords(), default_database_path())
        if services is not None:
            return services
    return open_with_recovery(default_database_path())


def run_gui(db: Path | ConnectionProfile | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    configure_application(app)
    sys.excepthook = _report_unexpected
    # The window first: navigation and menus, every page "Memuat…" until the file is open.
    window = MainWindow(None)
    window.show()
    start = _Start(app, window, db)
    QTimer.singleShot(0, start.begin)
    try:
        code = app.exec()
        start.over = True
        if start.services is not None:
            start.services.attention.close()  # a check under way is not waited for
        wait_for_background_work()  # a check still reading must not outlive the window
        if start.session is not None:
            start.session.end()
        window.deleteLater()
        if start.code is not None:
            return start.code
        if start.services is None or start.make_window is None:
            return code  # closed before the file was open
        if start.session is None or not start.session.signed_out:
            return code
        from kinerja_desktop.ui.accounts.session import run_sessions

        # Signed out: sign in again, one fresh window per session, as long as the run lasts.
        return run_sessions(app, start.services, start.make_window)
    finally:
        if start.services is not None:
            start.services.attention.close()
        wait_for_background_work()  # a check still reading must not outlive the app
        if start.services is not None:
            start.services.close()
