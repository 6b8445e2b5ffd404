"""Marking a period's evaluation signed, and reopening a signed one with a reason."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import DomainError, ValidationError
from kinerja_desktop.ui.common import dialog_buttons, error_label, show_message


class _SealDialog(QDialog):
    def __init__(self, title: str, explanation: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.explanation = QLabel(explanation)
        self.explanation.setWordWrap(True)
        self.error = error_label()
        self.form = QFormLayout()
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.explanation)
        self.box.addLayout(self.form)
        self.box.addWidget(self.error)

    def _finish(self, accept_text: str) -> None:
        self.box.addWidget(dialog_buttons(self, accept_text, self._save_clicked))

    def _save_clicked(self) -> None:
        self.save()

    def save(self) -> bool:
        raise NotImplementedError

    def _run(self, action: Callable[[], object]) -> bool:
        show_message(self.error, None)
        try:
            action()
        except (ValidationError, DomainError) as error:
            show_message(self.error, error.message)
            return False
        self.accept()
        return True


class SignDialog(_SealDialog):
    """Record the day the printed evaluation was signed; after that it is read-only."""

    def __init__(
        self,
        period_label: str,
        sign: Callable[[date], object],
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        warnings: Sequence[str] = (),
    ) -> None:
        super().__init__(
            "Tandai evaluasi sudah ditandatangani",
            f"Evaluasi {period_label} yang dicetak sudah ditandatangani. Setelah ditandai, "
            "realisasi, umpan balik, rating dan predikat periode ini tidak dapat diubah lagi "
            "kecuali dibuka kembali dengan alasan; semuanya tercatat di catatan audit.",
            parent,
        )
        self._sign = sign
        # What the page flagged (a unit head's rating against the organisation's) is shown
        # once more here, the last moment before the period becomes read-only.
        self.warnings = QLabel("\n".join(f"Perhatian: {warning}" for warning in warnings))
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #8a5300")
        self.warnings.setVisible(bool(warnings))
        self.box.insertWidget(1, self.warnings)
        day = today or date.today()
        self.signed_on = QDateEdit(QDate(day.year, day.month, day.day))
        self.signed_on.setCalendarPopup(True)
        self.signed_on.setDisplayFormat("dd/MM/yyyy")
        self.form.addRow("&Tanggal tanda tangan", self.signed_on)
        self._finish("Tandai ditandatangani")

    def save(self) -> bool:
        qdate = self.signed_on.date()
        return self._run(lambda: self._sign(date(qdate.year(), qdate.month(), qdate.day())))


class ReopenDialog(_SealDialog):
    """Open a signed evaluation again; the reason is required and goes into the audit log."""

    def __init__(
        self, period_label: str, reopen: Callable[[str], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(
            "Buka kembali evaluasi",
            f"Evaluasi {period_label} sudah ditandatangani. Membukanya kembali tercatat di "
            "catatan audit bersama alasannya; lembar yang sudah dicetak tidak berlaku lagi bila "
            "isinya berubah.",
            parent,
        )
        self._reopen = reopen
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Mis. salah ketik realisasi, keputusan keberatan")
        self.form.addRow("&Alasan", self.reason)
        self._finish("Buka kembali")
        self.reason.setFocus()

    def save(self) -> bool:
        return self._run(lambda: self._reopen(self.reason.text()))
