"""Sebaran Predikat: the unit's organisation predikat and its staff spread against the curve."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.access import EVERYTHING, Capability, Permissions
from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.distribution import CURVE_AXIS, CURVE_CAPTION
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.periods import Period, periods_for_year
from kinerja_desktop.domain.predikat import OrgPredikat, Predikat, predikat_for
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.services.evaluation.distribution import (
    Decided,
    DistributionService,
    UnitDistribution,
)
from kinerja_desktop.services.staff.service import StaffService
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.common import error_label, show_message
from kinerja_desktop.ui.evaluation.ekinerja_recap_dialog import recap_button
from kinerja_desktop.ui.home.people_dialog import PeopleDialog
from kinerja_desktop.ui.units import fill_unit_combo, units_within

if TYPE_CHECKING:
    from kinerja_desktop.services.hub.intake import HubIntakeService
    from kinerja_desktop.services.hub.recap import HubRecapService
    from kinerja_desktop.ui.hub.intake_dialog import HubIntakeDialog
    from kinerja_desktop.ui.hub.recap_dialog import HubRecapDialog

OK_TEXT = "Sebaran sesuai pedoman"
#: The 3x3 matrix as reference §3.1 draws it: hasil kerja down, perilaku across.
MATRIX_ROWS = (Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH)
MATRIX_COLUMNS = (Rating.DI_BAWAH, Rating.SESUAI, Rating.DI_ATAS)
BAR_COLOUR = QColor("#3f7cac")
CURVE_COLOUR = QColor("#d9822b")


class SpreadChart(QWidget):
    """Bars for the people per predikat and dots on a line for the expected curve.

    The curve is scaled to the number of people with a predikat, so both read as people.

    Signals:
    bar_clicked(str): the bar of a predikat (its value) was clicked.
    """

    bar_clicked = Signal(str)
    #: Margins of the plot area (left, right) in pixels, shared by painting and clicking.
    LEFT, RIGHT = 36.0, 10.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(420, 220)
        self.counts: dict[Predikat, int] = dict.fromkeys(CURVE_AXIS, 0)
        self.expected: dict[Predikat, float] | None = None
        self.setAccessibleName("Grafik sebaran predikat pegawai")

    def set_data(
        self, counts: Mapping[Predikat, int], curve: Mapping[Predikat, Decimal] | None
    ) -> None:
        """Show ``counts``; ``curve`` in percent (None: no curve, the org predikat is unknown)."""
        self.counts = {p: int(counts.get(p, 0)) for p in CURVE_AXIS}
        total = sum(self.counts.values())
        self.expected = (
            {p: float(curve.get(p, Decimal(0))) * total / 100 for p in CURVE_AXIS}
            if curve is not None
            else None
        )
        summary = ", ".join(f"{p.label} {self.counts[p]}" for p in CURVE_AXIS)
        self.setAccessibleDescription(summary)
        self.setToolTip(summary)
        self.update()

    def bar_at(self, x: float) -> Predikat | None:
        """The predikat whose slot holds the horizontal position ``x``; None outside."""
        width = max(1.0, self.width() - self.LEFT - self.RIGHT)
        index = int((x - self.LEFT) // (width / len(CURVE_AXIS)))
        return CURVE_AXIS[index] if x >= self.LEFT and 0 <= index < len(CURVE_AXIS) else None

    def bar_centre(self, predikat: Predikat) -> QPointF:
        """Where a click on the bar of ``predikat`` lands (tests and keyboard users alike)."""
        width = max(1.0, self.width() - self.LEFT - self.RIGHT)
        slot = width / len(CURVE_AXIS)
        return QPointF(self.LEFT + slot * (CURVE_AXIS.index(predikat) + 0.5), self.height() / 2)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        found = self.bar_at(event.position().x())
        if event.button() == Qt.MouseButton.LeftButton and found is not None:
            self.bar_clicked.emit(found.value)
        super().mouseReleaseEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002 - Qt override
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        left, top, right, bottom = self.LEFT, line + 4.0, self.RIGHT, 2.5 * line + 6
        area = QRectF(
            left, top, max(1.0, self.width() - left - right), max(1.0, self.height() - top - bottom)
        )
        expected_peak = max(self.expected.values()) if self.expected else 0.0
        peak = max(1.0, float(max(self.counts.values())), expected_peak)
        text_colour = self.palette().color(self.foregroundRole())
        painter.setPen(QPen(text_colour, 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.topLeft())
        for value in (0, round(peak)):
            y = area.bottom() - value / peak * area.height()
            painter.drawText(
                QRectF(0, y - line / 2, left - 4, line), Qt.AlignmentFlag.AlignRight, str(value)
            )
        slot = area.width() / len(CURVE_AXIS)
        points: list[QPointF] = []
        for index, predikat in enumerate(CURVE_AXIS):
            x = area.left() + index * slot
            count = self.counts[predikat]
            height = count / peak * area.height()
            bar = QRectF(x + slot * 0.2, area.bottom() - height, slot * 0.6, height)
            painter.fillRect(bar, BAR_COLOUR)
            painter.setPen(QPen(text_colour, 1))
            if count:
                painter.drawText(
                    QRectF(bar.left(), bar.top() - line, bar.width(), line),
                    Qt.AlignmentFlag.AlignCenter,
                    str(count),
                )
            label = QRectF(x, area.bottom() + 4, slot, 2 * line)
            painter.drawText(
                label,
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                predikat.label,
            )
            if self.expected is not None:
                y = area.bottom() - self.expected[predikat] / peak * area.height()
                points.append(QPointF(x + slot / 2, y))
        if points:
            painter.setPen(QPen(CURVE_COLOUR, 2, Qt.PenStyle.DashLine))
            painter.drawPolyline(points)
            painter.setBrush(CURVE_COLOUR)
            painter.setPen(QPen(CURVE_COLOUR, 1))
            for point in points:
                painter.drawEllipse(point, 3.5, 3.5)


def _short(rating: Rating) -> str:
    """The rating without its last word, e.g. "Di Atas"."""
    return rating.label.removesuffix(" Ekspektasi")


def _matrix_table() -> QTableWidget:
    """The empty 3x3 matrix: Rating Hasil Kerja down, Rating Perilaku Kerja across."""
    table = QTableWidget(len(MATRIX_ROWS), len(MATRIX_COLUMNS))
    table.setAccessibleName("Matriks rating hasil kerja dan perilaku kerja")
    # Short headings ("Di Atas"), the full rating in their tooltips, so three columns fit.
    table.setHorizontalHeaderLabels([f"Perilaku\n{_short(r)}" for r in MATRIX_COLUMNS])
    table.setVerticalHeaderLabels([f"Hasil kerja\n{_short(r)}" for r in MATRIX_ROWS])
    for column, rating in enumerate(MATRIX_COLUMNS):
        header = table.horizontalHeaderItem(column)
        if header is not None:
            header.setToolTip(f"Rating Perilaku Kerja {rating.label}")
    for row, rating in enumerate(MATRIX_ROWS):
        header = table.verticalHeaderItem(row)
        if header is not None:
            header.setToolTip(f"Rating Hasil Kerja {rating.label}")
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


class DistributionPage(QWidget):
    """Choose a unit and period, record its organisation predikat, read the spread."""

    #: What the page shows: it reads again when one of these changed.
    SHOWS: ClassVar[frozenset[Topic]] = frozenset({Topic.STAFF, Topic.EVALUATION})

    #: A person was opened from the list behind a bar or a matrix cell.
    employee_requested = Signal(int)

    def __init__(
        self,
        distribution: DistributionService,
        staff: StaffService,
        parent: QWidget | None = None,
        *,
        permissions: Permissions = EVERYTHING,
        today: Today = date.today,
        hub: Callable[[], HubRecapService] | None = None,
        intake: Callable[[], HubIntakeService] | None = None,
    ) -> None:
        super().__init__(parent)
        self._distribution = distribution
        self._staff = staff
        #: The Rekap Pemda's service, built when its dialog is first opened; None: no button.
        self._hub = hub
        #: The Rekap Pemda opened last (tests read it).
        self.hub_dialog: HubRecapDialog | None = None
        #: The hub's intake of unit packages, built when first opened; None: no button.
        self._intake = intake
        #: The Terima Paket Unit dialog opened last (tests read it).
        self.intake_dialog: HubIntakeDialog | None = None
        #: The units offered are those the account heads; a penilai is told whose page it is.
        self._permissions = permissions
        #: The day a saved organisation predikat is recorded on; tests replace it.
        self.today: Today = today
        self.result: UnitDistribution | None = None
        #: The list opened last from a bar or a cell (tests read it).
        self.dialog: PeopleDialog | None = None
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.unit = QComboBox()
        self.unit.setAccessibleName("Unit kerja")
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self.today().year)
        self.year.setAccessibleName("Tahun")
        self.period = QComboBox()
        self.period.setAccessibleName("Periode")
        self.org = QComboBox()
        self.org.setAccessibleName("Predikat kinerja organisasi")
        for predikat in OrgPredikat:
            self.org.addItem(predikat.label, predikat.value)
        self.note = QLineEdit()
        self.note.setPlaceholderText("Mis. nomor/tanggal penetapan pimpinan (opsional)")
        self.save_button = QPushButton("&Simpan")
        self.save_button.clicked.connect(self._save)
        self.error = error_label()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.legend = QLabel(
            f'<span style="color:{BAR_COLOUR.name()}">■</span> jumlah pegawai &nbsp; '
            f'<span style="color:{CURVE_COLOUR.name()}">●</span> kurva yang diharapkan'
        )
        self.caption = QLabel(CURVE_CAPTION)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #666;")
        self.findings = QListWidget()
        self.findings.setAccessibleName("Temuan sebaran")
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.undecided = QLabel()
        self.undecided.setWordWrap(True)

        chooser = QHBoxLayout()
        chooser.addWidget(QLabel("Unit:"))
        chooser.addWidget(self.unit, 2)
        chooser.addWidget(QLabel("Tahun:"))
        chooser.addWidget(self.year)
        chooser.addWidget(QLabel("Periode:"))
        chooser.addWidget(self.period, 1)
        self.recap_button = recap_button(
            self._distribution.ekinerja_recap, self, year=self.year.value
        )
        chooser.addWidget(self.recap_button)
        self.hub_button = self._add_hub_button(chooser)
        org_row = QHBoxLayout()
        org_row.addWidget(self.org, 1)
        org_row.addWidget(self.note, 2)
        org_row.addWidget(self.save_button)
        form = QFormLayout()
        form.addRow("Predikat kinerja organisasi:", org_row)
        self.intake_button = self._add_intake_button(form)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addLayout(self._charts(), 2)
        layout.addWidget(self.legend)
        layout.addWidget(self.caption)
        layout.addWidget(QLabel("<b>Temuan</b> (pertimbangan, bukan larangan)"))
        layout.addWidget(self.findings, 1)
        layout.addWidget(self.notes)
        layout.addWidget(self.undecided)

        self.unit.currentIndexChanged.connect(lambda _: self._fill_periods())
        self.year.valueChanged.connect(lambda _: self._fill_periods())
        self.period.currentIndexChanged.connect(lambda _: self._check())

    def _add_hub_button(self, row: QHBoxLayout) -> QPushButton | None:
        """Add the button to the Rekap Pemda, when the page was given its service."""
        if self._hub is None:
            return None
        button = QPushButton("Rekap Pemda…")
        button.setToolTip(
            "Per OPD: kemajuan penilaian periode, sebaran predikat, IKM unit layanan, serta "
            "pengaduan dan temuan yang terlambat; dapat diekspor sebagai XLSX."
        )
        button.clicked.connect(self.open_hub_recap)
        row.addWidget(button)
        return button

    def _add_intake_button(self, form: QFormLayout) -> QPushButton | None:
        """Add the button to take unit packages from a folder, when given the intake.

        A row of its own: the chooser row has no width left on a 1280-pixel screen.
        """
        if self._intake is None:
            return None
        button = QPushButton("Terima Paket Unit…")
        button.clicked.connect(self.open_intake)
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        form.addRow("Hub Pemda:", row)
        return button

    def _charts(self) -> QHBoxLayout:
        """The spread chart and the 3x3 matrix side by side; both open their people."""
        self.chart = SpreadChart()
        self.chart.setToolTip("Klik sebuah batang untuk melihat pegawainya.")
        self.chart.bar_clicked.connect(lambda value: self.open_bar(Predikat(value)))
        self.matrix = _matrix_table()
        self.matrix.cellClicked.connect(self.open_cell)
        self.matrix.cellActivated.connect(self.open_cell)
        charts = QHBoxLayout()
        charts.addWidget(self.chart, 3)
        charts.addWidget(self.matrix, 2)
        return charts

    # --- public ----------------------------------------------------------------------------

    def set_permissions(self, permissions: Permissions) -> None:
        """Follow the account's permissions after they changed (`MainWindow`): read again."""
        self._permissions = permissions
        self.refresh()

    def refresh(self) -> None:
        """Reload the units, keeping the chosen unit and period, and check again."""
        if self.intake_button is not None:
            # Taking packages is the admin's, as importing one is (Pengaturan).
            refused = self._permissions.refusal(Capability.IMPORT_PACKAGE)
            self.intake_button.setEnabled(refused is None)
            self.intake_button.setToolTip(
                refused
                or "Terima semua paket unit dalam satu folder: berurutan, tanpa ditunggui, "
                "dengan laporan per unit."
            )
        unit_id = self.unit.currentData()
        self.unit.blockSignals(True)
        fill_unit_combo(
            self.unit, units_within(self._staff.units(), self._permissions.headed_units)
        )
        refusal = self._permissions.unit_refusal("membuka Sebaran Predikat")
        for control in (self.unit, self.year, self.period, self.org, self.note, self.save_button):
            control.setEnabled(refusal is None)
        index = self.unit.findData(unit_id)
        self.unit.setCurrentIndex(max(index, 0) if self.unit.count() else -1)
        self.unit.blockSignals(False)
        self._fill_periods()

    def open_hub_recap(self) -> HubRecapDialog | None:
        """Open the Rekap Pemda on the year and period chosen here."""
        if self._hub is None:
            return None
        # The dialog and its service load only when first asked for (docs/ARCHITECTURE.md).
        from kinerja_desktop.ui.hub.recap_dialog import HubRecapDialog

        dialog = HubRecapDialog(self._hub(), self, today=self.today)
        code = self.period.currentData()
        if code is not None:
            dialog.select(self.year.value(), code)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.hub_dialog = dialog
        dialog.open()
        return dialog

    def open_intake(self) -> HubIntakeDialog | None:
        """Open Terima Paket Unit."""
        if self._intake is None:
            return None
        from kinerja_desktop.ui.hub.intake_dialog import HubIntakeDialog

        dialog = HubIntakeDialog(self._intake(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.intake_dialog = dialog
        dialog.open()
        return dialog

    def open_bar(self, predikat: Predikat) -> PeopleDialog | None:
        """List the people counted in the bar of ``predikat``."""
        if self.result is None:
            return None
        people = self.result.people(predikat)
        return self._open_people(
            f"Predikat {predikat.label}",
            f"{len(people)} pegawai {self.result.unit.name} dengan predikat {predikat.label}.",
            people,
        )

    def open_cell(self, row: int, column: int) -> PeopleDialog | None:
        """List the people in one cell of the matrix."""
        if self.result is None:
            return None
        hasil, perilaku = MATRIX_ROWS[row], MATRIX_COLUMNS[column]
        people = self.result.in_cell(hasil, perilaku)
        return self._open_people(
            f"Hasil {hasil.label}, perilaku {perilaku.label}",
            f"{len(people)} pegawai dengan Rating Hasil Kerja {hasil.label} dan Rating Perilaku "
            f"Kerja {perilaku.label} (predikat {predikat_for(hasil, perilaku).label}).",
            people,
        )

    def _open_people(self, title: str, intro: str, people: Sequence[Decided]) -> PeopleDialog:
        dialog = PeopleDialog(
            title, intro, [(who.employee_id, who.name, who.nip) for who in people], self
        )
        dialog.person_chosen.connect(self.employee_requested)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def select(self, unit_id: int, year: int, period_code: str) -> None:
        """Show one unit and period."""
        self.unit.setCurrentIndex(max(self.unit.findData(unit_id), 0))
        self.year.setValue(year)
        self.period.setCurrentIndex(max(self.period.findData(period_code), 0))

    # --- private ---------------------------------------------------------------------------

    def _fill_periods(self) -> None:
        code = self.period.currentData()
        unit_id = self.unit.currentData()
        self.period.blockSignals(True)
        self.period.clear()
        if unit_id is not None:
            scheme = self._staff.scheme_for(unit_id, self.year.value())
            for period in periods_for_year(self.year.value(), scheme):
                self.period.addItem(period.label, period.code)
            index = self.period.findData(code)
            if index < 0:
                index = self._last_ended_period(periods_for_year(self.year.value(), scheme))
            self.period.setCurrentIndex(index)
        self.period.blockSignals(False)
        self._check()

    def _last_ended_period(self, periods: list[Period]) -> int:
        """Open on the last period that has ended (its predikat is being decided), else Akhir."""
        ended = [n for n, period in enumerate(periods) if period.end < self.today()]
        return ended[-1] if ended else len(periods) - 1

    def _save(self) -> None:
        unit_id, code = self.unit.currentData(), self.period.currentData()
        if unit_id is None or code is None:
            show_message(self.error, "Pilih unit dan periode dulu.")
            return
        try:
            self._distribution.set_org_predikat(
                unit_id,
                self.year.value(),
                code,
                OrgPredikat(self.org.currentData()),
                self.today(),
                note=self.note.text(),
            )
        except DomainError as error:
            show_message(self.error, error.message)
            return
        show_message(self.error, None)
        self._check()

    def _check(self) -> None:
        self.findings.clear()
        unit_id, code = self.unit.currentData(), self.period.currentData()
        if unit_id is None or code is None:
            self.result = None
            refusal = self._permissions.unit_refusal("membuka Sebaran Predikat")
            self.status.setText(refusal or "Belum ada unit. Tambahkan unit di halaman Struktur.")
            self.chart.set_data({}, None)
            self.matrix.clearContents()
            self.notes.clear()
            self.undecided.clear()
            return
        try:
            result = self._distribution.check(unit_id, self.year.value(), code)
        except DomainError as error:
            self.result = None
            show_message(self.error, error.message)
            return
        self.result = result
        self._show(result)

    def _show(self, result: UnitDistribution) -> None:
        report = result.report
        if result.org is None:
            self.status.setText(result.message)
            self.note.clear()
        else:
            org = result.org
            self.org.setCurrentIndex(self.org.findData(org.predikat.value))
            self.note.setText(org.note)
            self.status.setText(
                f"Predikat kinerja organisasi <b>{org.predikat.label}</b>, dicatat "
                f"{format_date_id(org.recorded_on)}. {result.total} pegawai sudah memiliki "
                "predikat periode ini."
            )
        self.chart.set_data(result.counts, report.curve if report is not None else None)
        self._fill_matrix(result)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if report is not None:
            for finding in report.findings:
                self.findings.addItem(QListWidgetItem(warning, finding.message))
            if report.ok and report.total:
                ok = self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
                self.findings.addItem(QListWidgetItem(ok, OK_TEXT))
        self.notes.setText("\n".join(report.notes) if report is not None else "")
        self.notes.setVisible(bool(self.notes.text()))
        if result.undecided:
            names = ", ".join(person.name for person in result.undecided[:10])
            more = len(result.undecided) - 10
            tail = f" dan {more} lainnya" if more > 0 else ""
            self.undecided.setText(
                f"{len(result.undecided)} pegawai belum memiliki predikat periode ini dan belum "
                f"dihitung: {names}{tail}."
            )
        else:
            self.undecided.clear()
        self.undecided.setVisible(bool(result.undecided))

    def _fill_matrix(self, result: UnitDistribution) -> None:
        counts = result.matrix
        for row, hasil in enumerate(MATRIX_ROWS):
            for column, perilaku in enumerate(MATRIX_COLUMNS):
                count = counts[hasil, perilaku]
                item = QTableWidgetItem(f"{count}\n{predikat_for(hasil, perilaku).label}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip("Klik untuk melihat pegawainya." if count else "Tidak ada pegawai.")
                self.matrix.setItem(row, column, item)
