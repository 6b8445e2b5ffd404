"""Deleting a register entry: the reason is asked for, required, and kept in the audit log."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.services.supervision.feedback import FeedbackEntry
from kinerja_desktop.ui.common import ReasonDialog


class RemovalDialog(ReasonDialog):
    """Ask why a register entry is deleted, then delete it (see ``ReasonDialog``)."""

    def __init__(
        self, entry: FeedbackEntry, remove: Callable[[str], object], parent: QWidget | None = None
    ) -> None:
        kept = (
            " Catatan perilaku yang dibuat dari entri ini tetap ada di jurnal."
            if entry.observation_id is not None
            else ""
        )
        super().__init__(
            f"Hapus entri {entry.kind.label.lower()} tanggal {format_date_id(entry.received_on)}? "
            "Penghapusan, isi entri dan alasannya dicatat di catatan audit." + kept,
            remove,
            parent,
            title="Hapus entri",
            placeholder="Mis. tercatat dua kali, salah catat saat menerima",
        )
