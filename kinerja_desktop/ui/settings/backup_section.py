"""Pengaturan › Cadangan: back up to a chosen folder, the backups, restore with a preview.

On a database on a PostgreSQL server the section only says that backups are the server's job,
with the ``pg_dump`` command to use (and a button that copies it): nothing to back up, list or
restore here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services.platform.backup import BackupService, describe_moment
from kinerja_desktop.ui.common import show_error


def format_size(size: int) -> str:
    """'1,4 MB' or '820 KB', the Indonesian way (decimal comma)."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} KB"


class BackupSection(QGroupBox):
    """Backups of the open database.

    Signals:
    restored(): the database content was replaced by a backup; every screen must reload.
    """

    restored = Signal()

    def __init__(self, backups: BackupService, parent: QWidget | None = None) -> None:
        super().__init__("Cadangan basis data", parent)
        self._backups = backups
        server = backups.server
        note = QLabel(
            server.backup_message()
            if server is not None
            else "Cadangan otomatis dibuat sekali sehari saat aplikasi dibuka, serta sebelum "
            "pembaruan struktur dan sebelum pemulihan. Disimpan 7 harian, 4 mingguan dan 12 "
            f"bulanan di folder:\n{backups.path.parent / 'backups'}"
        )
        note.setObjectName("backup_note")
        note.setWordWrap(True)
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_command_button = QPushButton("Salin perintah pg_dump")
        self.copy_command_button.setToolTip("Salin perintah cadangan untuk pengelola server")
        self.copy_command_button.clicked.connect(self.copy_dump_command)
        self.backup_button = QPushButton("Cadangkan ke…")
        self.backup_button.setToolTip("Simpan salinan yang sudah diperiksa ke folder pilihan")
        self.backup_button.clicked.connect(self.back_up_to)
        self.restore_selected_button = QPushButton("Pulihkan yang dipilih…")
        self.restore_selected_button.clicked.connect(self.restore_selected)
        self.restore_button = QPushButton("Pulihkan dari berkas…")
        self.restore_button.clicked.connect(self.restore_from_file)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Tanggal", "Jenis", "Ukuran"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        buttons = QVBoxLayout()
        for button in (self.backup_button, self.restore_selected_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.copy_command_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(row)
        if server is not None:
            # The server's backups are not the app's: nothing to list, make or restore here.
            for widget in (self.table, *self._file_buttons()):
                widget.hide()
        else:
            self.copy_command_button.hide()
        if self._backups.read_only or server is not None:
            self.restore_selected_button.setEnabled(False)
            self.restore_button.setEnabled(False)
        self.refresh()

    def _file_buttons(self) -> tuple[QPushButton, ...]:
        return (self.backup_button, self.restore_selected_button, self.restore_button)

    def copy_dump_command(self) -> None:
        """Put the server's pg_dump command on the clipboard (a server database only)."""
        server = self._backups.server
        if server is not None:
            QApplication.clipboard().setText(server.dump_command)

    def refresh(self) -> None:
        backups = self._backups.backups()
        self.table.setRowCount(len(backups))
        for row, backup in enumerate(backups):
            values = (describe_moment(backup.taken_at), backup.kind.label, format_size(backup.size))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        self.restore_selected_button.setEnabled(
            bool(backups) and not self._backups.read_only and self._backups.server is None
        )

    def back_up_to(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Cadangkan ke folder (mis. flashdisk)")
        if not folder:
            return
        try:
            made = self._backups.backup_to(Path(folder))
        except DomainError as error:
            show_error(self, "Cadangan gagal dibuat", error)
            return
        QMessageBox.information(
            self,
            "Cadangan dibuat",
            f"Cadangan sudah diperiksa dan disimpan:\n{made}\n\n"
            "Bila di flashdisk, tunggu sampai lampunya berhenti berkedip dan lepaskan dengan "
            "aman sebelum mencabutnya.",
        )

    def restore_selected(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is not None:
            self.restore(Path(str(item.data(Qt.ItemDataRole.UserRole))))

    def restore_from_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            "Pulihkan dari cadangan",
            str(self._backups.path.parent / "backups"),
            "Cadangan Kinerja (*.sqlite);;Semua berkas (*)",
        )
        if name:
            self.restore(Path(name))

    def restore(self, backup: Path) -> bool:
        """Show what ``backup`` holds, ask, then restore; return whether it was restored."""
        try:
            preview = self._backups.preview(backup)
        except DomainError as error:
            show_error(self, "Cadangan tidak dapat dipulihkan", error)
            return False
        question = (
            "\n".join(preview.lines())
            + "\n\nSemua data saat ini akan diganti dengan isi cadangan ini. Berkas saat ini "
            "dicadangkan dulu, sehingga dapat dipulihkan kembali.\n\nPulihkan sekarang?"
        )
        answer = QMessageBox.question(
            self,
            "Pulihkan cadangan?",
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            result = self._backups.restore(backup)
        except DomainError as error:
            show_error(self, "Pemulihan gagal", error)
            return False
        self.refresh()
        self.restored.emit()
        QMessageBox.information(
            self,
            "Pemulihan selesai",
            f"Data dipulihkan dari cadangan {preview.when}.\n"
            f"Data sebelum pemulihan disimpan di:\n{result.safety_backup}",
        )
        return True
