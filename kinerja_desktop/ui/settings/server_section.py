"""Pengaturan: "Server basis data", the saved PostgreSQL connections of this computer."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.connections import ConnectionProfile
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services.platform.connections import ConnectionStore
from kinerja_desktop.services.platform.server_connection import ConnectionCheck, check_connection
from kinerja_desktop.services.platform.server_passwords import ServerPasswords
from kinerja_desktop.ui.common import error_label, show_message, wrapped
from kinerja_desktop.ui.settings.connection_dialog import ConnectionDialog
from kinerja_desktop.ui.workers import run_in_background

COLUMNS = ("Nama", "Host", "Port", "Basis data", "Pengguna", "TLS", "Saat mulai")


class ServerSection(QGroupBox):
    """Add, edit, remove and test connections; choose the one that opens at start."""

    def __init__(
        self, store: ConnectionStore, passwords: ServerPasswords, parent: QWidget | None = None
    ) -> None:
        super().__init__("Server basis data", parent)
        self._store = store
        self._passwords = passwords
        self._profiles: tuple[ConnectionProfile, ...] = ()
        hint = wrapped(
            QLabel(
                "Kantor dengan server PostgreSQL: simpan koneksinya di sini, uji, lalu pilih "
                '"Gunakan saat mulai" agar aplikasi membuka basis data server itu (bukan '
                "berkas di komputer ini) saat dibuka berikutnya."
            )
        )
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(160)
        self.add_button = QPushButton("Tambah…")
        self.edit_button = QPushButton("Ubah…")
        self.remove_button = QPushButton("Hapus")
        self.test_button = QPushButton("Uji koneksi")
        self.startup_button = QPushButton("Gunakan saat mulai")
        self.file_button = QPushButton("Buka berkas saat mulai")
        self.status = wrapped(QLabel())
        self.error = error_label()
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.test_button,
            self.startup_button,
            self.file_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        self.add_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(lambda: self.edit(self.selected()))
        self.remove_button.clicked.connect(self.remove_selected)
        self.test_button.clicked.connect(self.test_selected)
        self.startup_button.clicked.connect(lambda: self.use_at_start(self.selected()))
        self.file_button.clicked.connect(lambda: self.use_at_start(None))
        self.table.itemSelectionChanged.connect(self._enable)
        self.refresh()

    def refresh(self) -> None:
        """Read the saved connections again."""
        try:
            self._profiles = self._store.profiles()
            chosen = self._store.startup()
        except DomainError as error:
            self._profiles, chosen = (), None
            show_message(self.error, error.message)
        self.table.setRowCount(len(self._profiles))
        for row, profile in enumerate(self._profiles):
            values = (
                profile.name,
                profile.host,
                str(profile.port),
                profile.database,
                profile.user,
                profile.sslmode.label,
                "Ya" if chosen == profile else "",
            )
            for column, text in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.file_button.setEnabled(chosen is not None)
        self._enable()

    def selected(self) -> ConnectionProfile | None:
        row = self.table.currentRow()
        return self._profiles[row] if 0 <= row < len(self._profiles) else None

    def select(self, name: str) -> None:
        """Select the connection called ``name`` (tests and after saving)."""
        for row, profile in enumerate(self._profiles):
            if profile.name == name:
                self.table.selectRow(row)

    def _enable(self) -> None:
        chosen = self.selected() is not None
        for button in (
            self.edit_button,
            self.remove_button,
            self.test_button,
            self.startup_button,
        ):
            button.setEnabled(chosen)

    def dialog(self, profile: ConnectionProfile | None) -> ConnectionDialog:
        return ConnectionDialog(self._store, self._passwords, profile, self)

    def edit(self, profile: ConnectionProfile | None) -> None:
        dialog = self.dialog(profile)
        if dialog.exec() and dialog.saved is not None:
            self._after_save(dialog)

    def _after_save(self, dialog: ConnectionDialog) -> None:
        assert dialog.saved is not None
        self.refresh()
        self.select(dialog.saved.name)
        show_message(self.error, None)
        self.status.setText(dialog.keyring_note or f"Koneksi {dialog.saved.name} disimpan.")

    def remove_selected(self) -> None:
        profile = self.selected()
        if profile is None:
            return
        try:
            self._store.remove(profile.name)
        except DomainError as error:
            show_message(self.error, error.message)
            return
        if not any(p.key == profile.key for p in self._store.profiles()):
            self._passwords.forget(profile)
        self.status.setText(f"Koneksi {profile.name} dihapus.")
        self.refresh()

    def use_at_start(self, profile: ConnectionProfile | None) -> None:
        try:
            self._store.set_startup(profile.name if profile else None)
        except DomainError as error:
            show_message(self.error, error.message)
            return
        self.status.setText(
            f"Saat dibuka berikutnya, aplikasi membuka basis data server {profile.name}."
            if profile
            else "Saat dibuka berikutnya, aplikasi membuka berkas basis data di komputer ini."
        )
        self.refresh()

    def test_selected(self) -> None:
        """Connect once in the background (short timeout) and say what happened."""
        profile = self.selected()
        if profile is None:
            return
        password = self._passwords.get(profile)
        self.test_button.setEnabled(False)
        show_message(self.error, None)
        self.status.setText(f"Menghubungi {profile.host}:{profile.port}…")
        run_in_background(
            lambda: check_connection(profile, password), self._tested, self._test_failed
        )

    def _tested(self, found: ConnectionCheck) -> None:
        self._enable()
        if found.ok:
            self.status.setText(found.message)
        else:
            self.status.setText("")
            show_message(self.error, found.message)

    def _test_failed(self, error: Exception) -> None:
        self._enable()
        self.status.setText("")
        show_message(self.error, f"Uji koneksi gagal: {error}")
