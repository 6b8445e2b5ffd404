"""Pengawasan: the public's voice and the auditors' findings, in four tabs, and the kiosk."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.domain.supervision_access import SupervisionAction
from kinerja_desktop.services.printing import PrintingService
from kinerja_desktop.services.staff.service import StaffService
from kinerja_desktop.services.supervision import SupervisionServices
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.common import show_error
from kinerja_desktop.ui.supervision.dashboard_tab import DashboardTab
from kinerja_desktop.ui.supervision.findings_tab import FindingsTab
from kinerja_desktop.ui.supervision.kiosk_window import KioskStartDialog, KioskWindow
from kinerja_desktop.ui.supervision.register_tab import RegisterTab
from kinerja_desktop.ui.supervision.survey_tab import SurveyTab


class SupervisionPage(QWidget):
    """The Pengawasan page.

    Signals:
        changed: Something was saved here; the page already shows it.
    """

    #: What the page shows: it reads again when one of these changed.
    SHOWS: ClassVar[frozenset[Topic]] = frozenset({Topic.STAFF, Topic.SUPERVISION})

    changed = Signal()

    def __init__(
        self,
        supervision: SupervisionServices,
        staff: StaffService,
        parent: QWidget | None = None,
        printing: PrintingService | None = None,
        *,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._supervision = supervision
        self.dashboard = DashboardTab(supervision.dashboard)
        self.register = RegisterTab(supervision.feedback, supervision.surveys, staff, today=today)
        self.surveys = SurveyTab(supervision.surveys, printing=printing, today=today)
        self.findings = FindingsTab(supervision.findings, supervision.surveys, staff, today=today)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.dashboard, "&Ringkasan")
        self.tabs.addTab(self.register, "Pengaduan && &Apresiasi")
        self.tabs.addTab(self.surveys, "Survei (S&KM)")
        self.tabs.addTab(self.findings, "&Temuan Audit")
        self.kiosk_button = QPushButton("Mode &kios…")
        self.kiosk_button.setToolTip("Layar penuh di loket: masyarakat mengisi survei sendiri")
        self.kiosk: KioskWindow | None = None
        bar = QHBoxLayout()
        bar.addWidget(QLabel("<b>Pengawasan</b>: suara masyarakat dan temuan pengawas"))
        bar.addStretch(1)
        bar.addWidget(self.kiosk_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        for tab in (self.register, self.surveys, self.findings):
            tab.changed.connect(self._changed)
        self.kiosk_button.clicked.connect(self.start_kiosk)

    def _changed(self) -> None:
        self.dashboard.refresh()
        self.changed.emit()

    def person_in_front(self) -> int | None:
        """The person of the selected register entry, while the register is shown."""
        entry = self.register.selected() if self.tabs.currentWidget() is self.register else None
        return entry.employee_id if entry is not None else None

    def own_quick_entry(self) -> bool:
        """Ctrl+J on the register turns the selected entry into an observation, as it says."""
        if self.tabs.currentWidget() is not self.register:
            return False
        if not self.register.observation_button.isEnabled():
            return False  # nobody named, or already in the journal: a new note instead
        self.register.turn_into_observation()
        return True

    def refresh(self) -> None:
        self.dashboard.refresh()
        self.register.refresh()
        self.surveys.refresh()
        self.findings.refresh()

    def start_kiosk(self) -> None:
        surveys = self._supervision.surveys
        # Only surveys the account may add answers to: the kiosk adds them in its name.
        startable = [
            survey
            for survey in surveys.running()
            if surveys.may(SupervisionAction.RECORD, survey.unit_id)
        ]
        dialog = KioskStartDialog(startable, self)
        if dialog.exec() and dialog.lock is not None and dialog.survey_id is not None:
            self.open_kiosk(dialog.survey_id, dialog)

    def open_kiosk(self, survey_id: int, dialog: KioskStartDialog) -> KioskWindow | None:
        assert dialog.lock is not None
        try:
            survey = self._supervision.surveys.get(survey_id)
        except Exception as error:
            show_error(self, "Kios tidak dapat dimulai", error)
            return None
        kiosk = KioskWindow(self._supervision.kiosk, survey, dialog.lock)
        kiosk.submitted.connect(self._changed)
        kiosk.left.connect(self.refresh)
        self.kiosk = kiosk
        kiosk.start()
        return kiosk
