"""At start: open the server connection chosen in Pengaturan, or say why the file opens instead.

The password comes from the keyring; where it has none (or the server refuses it), the user is
asked, and may keep it there. A server that cannot be opened is explained in one message and
the caller opens the file on this computer instead.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QMessageBox

from kinerja_desktop.domain.connections import ConnectionProfile
from kinerja_desktop.domain.errors import StorageError
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.platform.connections import ConnectionStore
from kinerja_desktop.services.platform.server_connection import is_login_refusal, open_server
from kinerja_desktop.services.platform.server_passwords import (
    KeyringUnavailableError,
    ServerPasswords,
)
from kinerja_desktop.ui.settings.server_password_dialog import ServerPasswordDialog


def chosen_connection(store: ConnectionStore) -> ConnectionProfile | None:
    """The connection to open at start, or None (a list that cannot be read is told)."""
    try:
        return store.startup()
    except StorageError as error:
        QMessageBox.warning(None, "Daftar koneksi server tidak terbaca", error.message)
        return None


def open_chosen_server(
    profile: ConnectionProfile, passwords: ServerPasswords, file: Path
) -> AppServices | None:
    """Open ``profile``'s database, asking for its password when needed.

    Returns:
        The services, or None when the server cannot be opened or the user chose the file
        (``file``, named in the message); the caller then opens the file.
    """
    password = passwords.get(profile)
    problem: str | None = None
    keep = False
    while True:
        typed = password is None
        if password is None:
            dialog = ServerPasswordDialog(profile, problem)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            password, keep = dialog.password.text(), dialog.keep.isChecked()
        try:
            services = open_server(profile, password or None)
        except StorageError as error:
            if is_login_refusal(error):
                problem, password = error.message, None
                continue
            _tell_fallback(profile, error.message, file)
            return None
        if typed and password:  # an empty one left it to libpq (PGPASSWORD, .pgpass)
            _keep_password(passwords, profile, password, keep=keep)
        return services


def _keep_password(
    passwords: ServerPasswords, profile: ConnectionProfile, password: str, *, keep: bool
) -> None:
    if not keep:
        passwords.remember_for_session(profile, password)
        return
    try:
        passwords.remember(profile, password)
    except KeyringUnavailableError as error:
        QMessageBox.information(None, "Kata sandi tidak disimpan", error.message)


def _tell_fallback(profile: ConnectionProfile, why: str, file: Path) -> None:
    QMessageBox.warning(
        None,
        "Server basis data tidak dapat dibuka",
        f"Koneksi {profile.name} ({profile.host}:{profile.port}, basis data "
        f"{profile.database}): {why}\n\nAplikasi membuka berkas basis data di komputer ini: "
        f"{file}. Perubahan di berkas ini tidak masuk ke server.",
    )
