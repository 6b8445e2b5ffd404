"""The SKP page's layout: person and year, the create panel, the editor's tabs and the buttons.

Layout only: `SkpPageView` builds the widgets and exposes them as attributes; `SkpPage` gives
them their behaviour.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.services.skp.service import LOCKED_MESSAGE
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.common import error_label, wrapped
from kinerja_desktop.ui.skp.lampiran import ExpectationsPanel, LampiranPanel
from kinerja_desktop.ui.skp.tree import SkpTreeView

BANNER_STYLE = "background: #fff4ce; border: 1px solid #e0c060; padding: 6px;"


class SkpPageView(QWidget):
    """The SKP page's widgets: the stack shows nothing chosen (0), create (1) or the editor (2)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.person = QLineEdit()
        self.person.setPlaceholderText("Ketik nama atau NIP, lalu Enter")
        #: The people suggested while typing in ``person``.
        self.person_suggestions = QStringListModel(self)
        completer = QCompleter(self.person_suggestions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.person.setCompleter(completer)
        self.person_error = error_label()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self._today().year)
        self.year.setKeyboardTracking(False)
        self.person_info = wrapped(QLabel())
        self.status_label = wrapped(QLabel())
        self.banner = QLabel(f"{LOCKED_MESSAGE} Pilih Revisi… (Alt+R) dan tuliskan alasannya.")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()

        self.stack = self._build_stack()
        self.save_button = QPushButton("&Simpan")
        self.save_button.setToolTip("Simpan draf SKP (Ctrl+S)")
        self.agree_button = QPushButton("Sepa&kati…")
        self.revise_button = QPushButton("&Revisi…")
        self.versions_button = QPushButton("&Versi…")

        layout = QVBoxLayout(self)
        layout.addLayout(self._picker_row())
        layout.addWidget(self.person_error)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        layout.addLayout(self._button_row())

    def _build_stack(self) -> QStackedWidget:
        stack = QStackedWidget()
        self.empty_panel = QLabel("Pilih pegawai dan tahun untuk membuka SKP-nya.")
        self.empty_panel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        stack.addWidget(self.empty_panel)
        stack.addWidget(self._build_create_panel())
        stack.addWidget(self._build_editor_panel())
        return stack

    def _picker_row(self) -> QHBoxLayout:
        person_label = QLabel("&Pegawai")
        person_label.setBuddy(self.person)
        year_label = QLabel("&Tahun")
        year_label.setBuddy(self.year)
        row = QHBoxLayout()
        row.addWidget(person_label)
        row.addWidget(self.person, 3)
        row.addWidget(year_label)
        row.addWidget(self.year)
        row.addWidget(self.person_info, 4)
        return row

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.status_label, 1)
        for button in (
            self.save_button,
            self.agree_button,
            self.revise_button,
            self.versions_button,
        ):
            row.addWidget(button)
        return row

    def _build_create_panel(self) -> QWidget:
        panel = QWidget()
        self.create_info = QLabel()
        self.kuantitatif = QRadioButton("K&uantitatif (target berupa angka dan satuan)")
        self.kualitatif = QRadioButton("Kualitat&if (indikator dan target naratif)")
        self.kuantitatif.setChecked(True)
        self.create_button = QPushButton("&Buat SKP")
        self.create_error = error_label()
        layout = QVBoxLayout(panel)
        layout.addWidget(self.create_info)
        layout.addWidget(QLabel("Pendekatan hasil kerja:"))
        layout.addWidget(self.kuantitatif)
        layout.addWidget(self.kualitatif)
        row = QHBoxLayout()
        row.addWidget(self.create_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.create_error)
        layout.addStretch(1)
        return panel

    def _build_editor_panel(self) -> QWidget:
        self.toolbar = QToolBar()
        self.tree = SkpTreeView()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.addWidget(self.toolbar)
        results_layout.addWidget(self.tree, 1)
        results_layout.addWidget(self.message)
        self.expectations = ExpectationsPanel()
        self.lampiran = LampiranPanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(results, "&Hasil Kerja")
        self.tabs.addTab(self.expectations, "P&erilaku Kerja")
        self.tabs.addTab(self.lampiran, "&Lampiran")
        return self.tabs
