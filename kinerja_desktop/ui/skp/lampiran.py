"""The SKP's side panels: the Lampiran's three lists and the leader's behaviour expectations."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.skp import LampiranKind

#: What each Lampiran list holds, with an example (reference §1).
LAMPIRAN_HINTS: Mapping[LampiranKind, str] = {
    LampiranKind.DUKUNGAN_SUMBER_DAYA: "mis. Komputer/laptop; Koneksi internet",
    LampiranKind.SKEMA_PERTANGGUNGJAWABAN: "mis. Hasil kerja dilaporkan setiap triwulan",
    LampiranKind.KONSEKUENSI: "mis. Penghargaan bila ekspektasi tercapai",
}


class LampiranPanel(QWidget):
    """Three numbered lists, typed one item per line (Enter starts the next item).

    Signals:
    changed: an item was typed or removed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lists: dict[LampiranKind, QPlainTextEdit] = {}
        layout = QVBoxLayout(self)
        note = QLabel("Satu butir per baris; butir dinomori sesuai urutannya saat dicetak.")
        note.setWordWrap(True)
        layout.addWidget(note)
        for position, kind in enumerate(LampiranKind):
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setPlaceholderText(LAMPIRAN_HINTS[kind])
            edit.textChanged.connect(self.changed)
            label = QLabel(f"&{position + 1}. {kind.label}")
            label.setBuddy(edit)
            layout.addWidget(label)
            layout.addWidget(edit, 1)
            self.lists[kind] = edit

    def set_values(self, values: Mapping[LampiranKind, Sequence[str]]) -> None:
        for kind, edit in self.lists.items():
            edit.blockSignals(True)
            edit.setPlainText("\n".join(values.get(kind, ())))
            edit.blockSignals(False)

    def values(self) -> dict[LampiranKind, tuple[str, ...]]:
        """Return the lists without blank lines; a list with no items is left out."""
        result: dict[LampiranKind, tuple[str, ...]] = {}
        for kind, edit in self.lists.items():
            items = tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())
            if items:
                result[kind] = items
        return result

    def set_read_only(self, read_only: bool) -> None:
        for edit in self.lists.values():
            edit.setReadOnly(read_only)


class ExpectationsPanel(QWidget):
    """The leader's specific expectation (Ekspektasi Khusus Pimpinan) for each BerAKHLAK value.

    Signals:
    changed: a text was typed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[BehaviourValue, QLineEdit] = {}
        layout = QVBoxLayout(self)
        note = QLabel(
            "Ekspektasi khusus pimpinan untuk setiap nilai BerAKHLAK (boleh dikosongkan)."
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        for value in BehaviourValue:
            edit = QLineEdit()
            edit.textChanged.connect(self.changed)
            form.addRow(value.label, edit)
            self.fields[value] = edit
        layout.addLayout(form)
        layout.addStretch(1)

    def set_values(self, values: Mapping[BehaviourValue, str]) -> None:
        for value, edit in self.fields.items():
            edit.blockSignals(True)
            edit.setText(values.get(value, ""))
            edit.setCursorPosition(0)
            edit.blockSignals(False)

    def values(self) -> dict[BehaviourValue, str]:
        """Return the expectations that are filled in."""
        return {
            value: edit.text().strip() for value, edit in self.fields.items() if edit.text().strip()
        }

    def set_read_only(self, read_only: bool) -> None:
        for edit in self.fields.values():
            edit.setReadOnly(read_only)
