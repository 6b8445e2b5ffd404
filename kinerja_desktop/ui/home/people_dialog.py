"""A list of people behind a number (a bar, a cell), each opened with Enter or a double click."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.nip import Nip


class PeopleDialog(QDialog):
    """The people counted in one bar.

    Args:
        people: (employee id, name, NIP) in the order they are listed.

    Signals:
    person_chosen(int): the user opened a person; the dialog closes.
    """

    person_chosen = Signal(int)

    def __init__(
        self,
        title: str,
        intro: str,
        people: Sequence[tuple[int, str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel(intro)
        label.setWordWrap(True)
        self.people = QListWidget()
        self.people.setAccessibleName("Daftar pegawai")
        for employee_id, name, nip in people:
            item = QListWidgetItem(f"{name} — NIP {Nip(nip).formatted}" if nip else name)
            item.setData(Qt.ItemDataRole.UserRole, employee_id)
            self.people.addItem(item)
        if self.people.count():
            self.people.setCurrentRow(0)
        self.people.itemActivated.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Tutup")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.people, 1)
        if self.people.count():
            layout.addWidget(QLabel("Tekan Enter atau klik dua kali untuk membuka pegawainya."))
        layout.addWidget(buttons)
        self.resize(520, 420)

    def names(self) -> list[str]:
        return [self.people.item(row).text() for row in range(self.people.count())]

    def _open(self, item: QListWidgetItem) -> None:
        self.person_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))
        self.accept()
