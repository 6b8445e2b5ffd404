"""Ringkasan: open complaints by age, IKM per unit over time, findings, repeated complaints."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTextBrowser, QVBoxLayout, QWidget

from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.services.supervision.dashboard import DashboardService, DashboardSummary
from kinerja_desktop.ui.supervision.trend_chart import Series, TrendChart


def summary_html(found: DashboardSummary) -> str:
    ages = "".join(
        f"<tr><td>{escape(group.label)}</td><td align='right'>{group.open}</td>"
        f"<td align='right'>{group.overdue}</td></tr>"
        for group in found.complaint_ages
    )
    units = "".join(
        f"<tr><td>{escape(trend.unit_label)}</td><td>"
        + ", ".join(
            f"{escape(p.period_label)}: {p.ikm} ({p.grade.value})"
            if p.ikm and p.grade
            else f"{escape(p.period_label)}: belum ada hasil"
            for p in trend.points
        )
        + "</td></tr>"
        for trend in found.units
    )
    findings = "".join(
        f"<li>{escape(f.title)} ({escape(f.responsible or 'tanpa penanggung jawab')}): "
        f"{escape(f.status.label)}, {escape(f.deadline.text)}</li>"
        for f in found.open_findings
    )
    repeated = "".join(
        f"<li>{escape(p.name)}: {p.complaints} pengaduan, terakhir {format_date_id(p.last)}</li>"
        for p in found.repeated
    )
    status = ", ".join(f"{escape(label)} {count}" for label, count in found.findings_by_status)
    return (
        f"<h3>Pengaduan yang belum selesai: {found.open_complaints} "
        f"({len(found.overdue_complaints)} terlambat)</h3>"
        "<table cellpadding='3'><tr><th align='left'>Umur</th><th>Terbuka</th>"
        f"<th>Terlambat</th></tr>{ages}</table>"
        f"<p>Tahun {found.today.year}: {found.complaints_year} pengaduan, "
        f"{found.compliments_year} apresiasi.</p>"
        "<h3>IKM per unit layanan</h3><table cellpadding='3'>"
        f"{units or '<tr><td>Belum ada survei.</td></tr>'}</table>"
        f"<h3>Temuan audit terbuka: {len(found.open_findings)} "
        f"({len(found.overdue_findings)} melewati batas)</h3>"
        f"<p>{status or 'Belum ada temuan.'}</p><ul>{findings}</ul>"
        f"<h3>Pegawai dengan pengaduan berulang</h3>"
        f"<ul>{repeated or '<li>Tidak ada.</li>'}</ul>"
    )


class DashboardTab(QWidget):
    def __init__(self, dashboard: DashboardService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dashboard = dashboard
        self.text = QTextBrowser()
        self.chart = TrendChart()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.text)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.summary: DashboardSummary | None = None
        self.refresh()

    def refresh(self) -> None:
        found = self._dashboard.summary()
        self.summary = found
        self.text.setHtml(summary_html(found))
        self.chart.set_series(
            [
                Series(trend.unit_label, tuple((p.period_label, p.value) for p in trend.points))
                for trend in found.units
            ]
        )
