"""The public's kiosk: a full-screen survey at the service counter.

A citizen answers the nine unsur with large buttons, may pick the staff member who served them
(by name) and may leave a compliment or a complaint; "Kirim" stores it all in one transaction
and the screen thanks them and starts again. Nothing else is reachable: the window is
frameless, full screen and application-modal, closing it is refused, and it shows no results.
Leaving needs the PIN the supervisor set when starting it (held only as a scrypt hash).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.supervision.complaints import FeedbackKind
from kinerja_desktop.domain.supervision.ikm import SurveyItem
from kinerja_desktop.services.supervision.kiosk import (
    KioskLock,
    KioskService,
    KioskSubmission,
    check_pin,
)
from kinerja_desktop.services.supervision.surveys import SurveyInfo
from kinerja_desktop.ui.common import dialog_buttons, error_label, show_message, wrapped

SCALE = ("Tidak baik", "Kurang baik", "Baik", "Sangat baik")
#: How long the thank-you screen stays before the next citizen, in milliseconds.
THANKS_MS = 4000
_FORM, _THANKS, _PIN = range(3)


class KioskStartDialog(QDialog):
    """Choose the running survey and set the kiosk's PIN (typed twice)."""

    def __init__(self, surveys: list[SurveyInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mulai mode kios")
        self.survey = QComboBox()
        for info in surveys:
            self.survey.addItem(info.title, info.id)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = error_label()
        self.lock: KioskLock | None = None
        form = QFormLayout()
        form.addRow("&Survei yang berjalan", self.survey)
        form.addRow("&PIN keluar kios (4–12 angka)", self.pin)
        form.addRow("&Ulangi PIN", self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped(
                QLabel(
                    "PIN ini hanya berlaku selama kios berjalan dan hanya disimpan sebagai hash; "
                    "jangan memakai kata sandi akun Anda di depan loket."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(dialog_buttons(self, "&Mulai kios", self.start))

    @property
    def survey_id(self) -> int | None:
        value = self.survey.currentData()
        return int(value) if value is not None else None

    def start(self) -> None:
        if self.survey_id is None:
            show_message(self.error, "Belum ada survei yang berjalan; buka survei dulu.")
            return
        if self.pin.text() != self.again.text():
            show_message(self.error, "Kedua PIN tidak sama.")
            return
        try:
            check_pin(self.pin.text())
        except DomainError as error:
            show_message(self.error, error.message)
            return
        self.lock = KioskLock(self.pin.text())
        self.pin.clear()
        self.again.clear()
        self.accept()


class KioskWindow(QWidget):
    """Signals: submitted — a citizen's answers were stored; left — the PIN closed the kiosk."""

    submitted = Signal()
    left = Signal()

    def __init__(
        self,
        kiosk: KioskService,
        survey: SurveyInfo,
        lock: KioskLock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowTitle("Survei Kepuasan Masyarakat")
        self._kiosk = kiosk
        self._survey = survey
        self._lock = lock
        self._unlocked = False
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.5)
        self.setFont(big)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_form())
        self.pages.addWidget(self._build_thanks())
        self.pages.addWidget(self._build_pin())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._thanks_timer = QTimer(self)
        self._thanks_timer.setSingleShot(True)
        self._thanks_timer.timeout.connect(self.reset)
        self._pin_timer = QTimer(self)
        self._pin_timer.setSingleShot(True)
        self._pin_timer.timeout.connect(lambda: self.pin.setEnabled(True))

    # --- building --------------------------------------------------------------------------

    def _build_form(self) -> QWidget:
        form = QWidget()
        title = QLabel(f"<h1>Survei Kepuasan Masyarakat</h1><h2>{self._survey.unit_label}</h2>")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        self.groups: list[QButtonGroup] = []
        for row, item in enumerate(SurveyItem):
            grid.addWidget(QLabel(f"{item.number}. {item.label}"), row, 0)
            group = QButtonGroup(self)
            for value, text in enumerate(SCALE, start=1):
                button = QPushButton(f"{value}  {text}")
                button.setCheckable(True)
                button.setMinimumHeight(56)
                group.addButton(button, value)
                grid.addWidget(button, row, value)
            self.groups.append(group)
        self.staff = QComboBox()
        self.staff.addItem("— tidak memilih —", None)
        for person in self._kiosk.staff(self._survey.id):
            self.staff.addItem(f"{person.name} ({person.jabatan})", person.id)
        self.note_none = QRadioButton("Tidak ada")
        self.note_praise = QRadioButton("Apresiasi")
        self.note_complaint = QRadioButton("Pengaduan")
        self.note_none.setChecked(True)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("Tulis apresiasi atau pengaduan Anda (boleh kosong)")
        self.note.setMaximumHeight(110)
        self.message = error_label()
        self.send = QPushButton("KIRIM")
        self.send.setMinimumHeight(72)
        self.leave = QPushButton("Petugas")
        self.leave.setFlat(True)
        self.send.clicked.connect(self.submit)
        self.leave.clicked.connect(self.ask_pin)
        notes = QHBoxLayout()
        for choice in (self.note_none, self.note_praise, self.note_complaint):
            notes.addWidget(choice)
        notes.addStretch(1)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(title)
        inner_layout.addWidget(QLabel("Pilih satu nilai untuk setiap unsur pelayanan:"))
        inner_layout.addLayout(grid)
        inner_layout.addWidget(QLabel("Petugas yang melayani Anda (boleh tidak dipilih):"))
        inner_layout.addWidget(self.staff)
        inner_layout.addWidget(QLabel("Ada apresiasi atau pengaduan?"))
        inner_layout.addLayout(notes)
        inner_layout.addWidget(self.note)
        inner_layout.addWidget(self.message)
        inner_layout.addWidget(self.send)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(form)
        layout.addWidget(scroll)
        corner = QHBoxLayout()
        corner.addStretch(1)
        corner.addWidget(self.leave)
        layout.addLayout(corner)
        return form

    def _build_thanks(self) -> QWidget:
        page = QWidget()
        label = QLabel(
            "<h1>Terima kasih!</h1><p>Penilaian Anda membantu kami melayani lebih baik.</p>"
        )
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        again = QPushButton("Isi survei baru")
        again.setMinimumHeight(64)
        again.clicked.connect(self.reset)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(label)
        layout.addWidget(again, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        return page

    def _build_pin(self) -> QWidget:
        page = QWidget()
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaximumWidth(260)
        self.pin.returnPressed.connect(lambda: self.try_unlock(self.pin.text()))
        self.pin_error = error_label()
        back = QPushButton("Kembali ke survei")
        back.clicked.connect(self.reset)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(QLabel("<h2>Keluar dari mode kios</h2><p>Masukkan PIN petugas.</p>"))
        layout.addWidget(self.pin, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.pin_error, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        return page

    # --- the citizen -----------------------------------------------------------------------

    def start(self) -> None:
        self.reset()
        self.showFullScreen()

    def answers(self) -> list[int | None]:
        return [group.checkedId() if group.checkedId() > 0 else None for group in self.groups]

    def submit(self) -> None:
        answers = self.answers()
        if all(answer is None for answer in answers):
            show_message(self.message, "Silakan pilih nilai untuk unsur pelayanan.")
            return
        kind = (
            FeedbackKind.APRESIASI
            if self.note_praise.isChecked()
            else FeedbackKind.PENGADUAN
            if self.note_complaint.isChecked()
            else None
        )
        try:
            self._kiosk.submit(
                self._survey.id,
                KioskSubmission(
                    answers,
                    served_by_id=self.staff.currentData(),
                    note_kind=kind,
                    note_text=self.note.toPlainText(),
                ),
            )
        except DomainError as error:
            show_message(self.message, error.message)
            return
        show_message(self.message, None)
        self.pages.setCurrentIndex(_THANKS)
        self._thanks_timer.start(THANKS_MS)
        self.submitted.emit()

    def reset(self) -> None:
        """A fresh form for the next citizen: nothing of the last one stays on screen."""
        self._thanks_timer.stop()
        for group in self.groups:
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        self.staff.setCurrentIndex(0)
        self.note_none.setChecked(True)
        self.note.clear()
        self.pin.clear()
        show_message(self.message, None)
        show_message(self.pin_error, None)
        self.pages.setCurrentIndex(_FORM)

    # --- leaving ---------------------------------------------------------------------------

    @property
    def unlocked(self) -> bool:
        return self._unlocked

    def ask_pin(self) -> None:
        self.pin.clear()
        self.pages.setCurrentIndex(_PIN)
        self.pin.setFocus()

    def try_unlock(self, pin: str) -> bool:
        """Close the kiosk when ``pin`` is right; a wrong one slows the next try down."""
        self.pin.clear()
        if self._lock.verify(pin):
            self._unlocked = True
            self.close()
            self.left.emit()
            return True
        wait = min(30, 2 * self._lock.failures)
        show_message(self.pin_error, f"PIN salah. Coba lagi dalam {wait} detik.")
        self.pin.setEnabled(False)
        self._pin_timer.start(wait * 1000)
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.ask_pin()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._unlocked:
            event.ignore()  # Alt+F4 and the like: only the PIN leaves the kiosk
            self.ask_pin()
            return
        super().closeEvent(event)
