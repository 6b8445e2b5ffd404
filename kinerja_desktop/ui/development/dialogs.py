"""Dialogs of the Kompetensi page: a rating, a plan item, a required level, a rating history.

Each dialog checks through its service and shows every problem next to its field; nothing is
saved until the service accepts the whole entry. Enter saves; Esc cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.competence import HIGHEST_LEVEL, LOWEST_LEVEL, Competence
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.development import ItemStatus, LearningGroup, LearningPath
from kinerja_desktop.domain.errors import DomainError, ValidationErrors
from kinerja_desktop.services.development.competence import (
    CompetenceLine,
    CompetenceService,
    StoredRating,
)
from kinerja_desktop.services.development.service import ItemInput, PlanItem
from kinerja_desktop.ui.common import (
    dialog_buttons,
    error_label,
    grow_to_fit,
    optional_date,
    optional_date_edit,
    set_optional_date,
    show_message,
)

#: The width of the dialogs that show a level's description.
LEVEL_DIALOG_WIDTH = 520


def _code(value: LearningPath | ItemStatus | str | None) -> str:
    """The stored code of an enum member or of a code given as text."""
    return str(value.value if isinstance(value, LearningPath | ItemStatus) else value)


def level_text(competence: Competence, level: int) -> str:
    """The description of a level, marked when it is a summary of the official wording."""
    text = competence.levels[level - 1] if level - 1 < len(competence.levels) else ""
    if not text:
        return f"Level {level}: (uraian level belum diisi)"
    suffix = " (ringkasan)" if level in competence.summarised else ""
    return f"Level {level}: {text}{suffix}"


class _FieldDialog(QDialog):
    """A dialog whose save reports `ValidationErrors` next to named fields."""

    def __init__(self, parent: QWidget | None, fields: tuple[str, ...]) -> None:
        super().__init__(parent)
        self.errors = {name: error_label() for name in (*fields, "general")}

    def _clear(self) -> None:
        for label in self.errors.values():
            show_message(label, None)

    def _run(self, action: Callable[[], object]) -> bool:
        """Run the save; on success accept the dialog, otherwise show the problems."""
        self._clear()
        try:
            action()
        except ValidationErrors as problems:
            for problem in problems.errors:
                label = self.errors.get(problem.field or "general", self.errors["general"])
                show_message(label, problem.message)
            return False
        except DomainError as error:
            show_message(self.errors["general"], error.message)
            return False
        self.accept()
        return True


class RateDialog(_FieldDialog):
    """Rate a person's held level of one competence: level, reason (required) and date.

    Enter saves; Esc cancels. Problems show next to their fields.
    """

    def __init__(
        self,
        competence: CompetenceService,
        employee_id: int,
        line: CompetenceLine,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent, ("level", "reason", "rated_on"))
        self._service = competence
        self._employee_id = employee_id
        self._line = line
        self.setWindowTitle(f"Nilai kompetensi — {line.competence.name}")
        self.setMinimumWidth(LEVEL_DIALOG_WIDTH)  # a level description in two or three lines

        self.level = QSpinBox()
        self.level.setRange(LOWEST_LEVEL, HIGHEST_LEVEL)
        self.level.setValue(line.held or line.required or LOWEST_LEVEL)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Perilaku atau bukti yang terlihat (wajib)")
        self.rated_on = QDateEdit()
        self.rated_on.setCalendarPopup(True)
        self.rated_on.setDisplayFormat("dd/MM/yyyy")
        day = today or date.today()
        self._day = day
        self.rated_on.setDate(QDate(day.year, day.month, day.day))

        required = (
            f"Level dibutuhkan jabatan: {line.required}" + (" (bawaan)" if line.is_default else "")
            if line.required is not None
            else "Level dibutuhkan jabatan belum ditetapkan."
        )
        form = QFormLayout()
        form.addRow(QLabel(f"<b>{line.competence.code} {line.competence.name}</b>"))
        form.addRow(QLabel(required))
        form.addRow("&Level", self.level)
        form.addRow("", self.description)
        form.addRow("", self.errors["level"])
        form.addRow("&Alasan", self.reason)
        form.addRow("", self.errors["reason"])
        form.addRow("&Tanggal", self.rated_on)
        form.addRow("", self.errors["rated_on"])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors["general"])
        layout.addWidget(dialog_buttons(self, "Simpan", self._save_clicked))

        self.level.valueChanged.connect(self._show_description)
        self._show_description()
        self.reason.setFocus()

    def _show_description(self) -> None:
        self.description.setText(level_text(self._line.competence, self.level.value()))
        grow_to_fit(self)

    def _save_clicked(self) -> None:
        self.save()

    def save(self) -> bool:
        """Record the rating; on success the dialog is accepted. False when something is wrong."""
        on = optional_date(self.rated_on) or self._day
        return self._run(
            lambda: self._service.rate(
                self._employee_id,
                self._line.competence.code,
                self.level.value(),
                self.reason.text(),
                on,
            )
        )


class PlanItemDialog(_FieldDialog):
    """Add, edit or review a plan item; or accept a proposal after editing it.

    ``save_item`` receives the entry and does the service call (add, update or accept).
    """

    def __init__(
        self,
        title: str,
        entry: ItemInput,
        save_item: Callable[[ItemInput], object],
        parent: QWidget | None = None,
        *,
        note: str = "",
    ) -> None:
        fields = (
            "addresses",
            "title",
            "path",
            "provider",
            "start",
            "end",
            "jp",
            "status",
            "evidence_note",
            "outcome",
        )
        super().__init__(parent, fields)
        self._save_item = save_item
        self.setWindowTitle(title)
        self.setMinimumWidth(560)

        self.addresses = QLineEdit(entry.addresses)
        self.addresses.setPlaceholderText(
            "Kesenjangan kompetensi, nilai perilaku, atau hasil kerja"
        )
        self.title = QLineEdit(entry.title)
        self.path = QComboBox()
        for group in LearningGroup:
            for path in LearningPath:
                if path.group is group:
                    self.path.addItem(f"{path.label} ({group.label})", path.value)
        chosen = self.path.findData(
            str(entry.path.value if isinstance(entry.path, LearningPath) else entry.path)
        )
        self.path.setCurrentIndex(max(chosen, 0))
        self.provider = QLineEdit(entry.provider)
        self.provider.setPlaceholderText("Mis. BPSDM Provinsi, atasan langsung")
        self.start = optional_date_edit()
        set_optional_date(self.start, entry.start)
        self.end = optional_date_edit()
        set_optional_date(self.end, entry.end)
        self.jp = QLineEdit(str(entry.jp).replace(".", ","))
        self.status = QComboBox()
        for status in ItemStatus:
            self.status.addItem(status.label, status.value)
        self.status.setCurrentIndex(
            max(self.status.findData(str(ItemStatus(entry.status).value)), 0)
        )
        self.evidence_note = QLineEdit(entry.evidence_note)
        self.evidence_note.setPlaceholderText("Mis. sertifikat nomor …, surat tugas …")
        self.outcome = QPlainTextEdit(entry.outcome)
        self.outcome.setPlaceholderText("Apa yang berubah setelah kegiatan ini")
        self.outcome.setTabChangesFocus(True)
        self.outcome.setFixedHeight(60)

        form = QFormLayout()
        if note:
            explanation = QLabel(note)
            explanation.setWordWrap(True)
            form.addRow(explanation)
        rows: tuple[tuple[str, QWidget, str], ...] = (
            ("&Mengembangkan", self.addresses, "addresses"),
            ("&Kegiatan", self.title, "title"),
            ("&Jalur", self.path, "path"),
            ("&Penyelenggara", self.provider, "provider"),
            ("M&ulai", self.start, "start"),
            ("&Selesai", self.end, "end"),
            ("JP (jam &pelajaran)", self.jp, "jp"),
            ("S&tatus", self.status, "status"),
            ("&Bukti", self.evidence_note, "evidence_note"),
            ("&Hasil", self.outcome, "outcome"),
        )
        for caption, widget, field in rows:
            form.addRow(caption, widget)
            form.addRow("", self.errors[field])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors["general"])
        layout.addWidget(dialog_buttons(self, "Simpan", self._save_clicked))
        self.title.setFocus()

    def entry(self) -> ItemInput:
        """The item as typed."""
        return ItemInput(
            addresses=self.addresses.text(),
            title=self.title.text(),
            path=self.path.currentData(),
            jp=self.jp.text(),
            provider=self.provider.text(),
            start=optional_date(self.start),
            end=optional_date(self.end),
            status=self.status.currentData(),
            evidence_note=self.evidence_note.text(),
            outcome=self.outcome.toPlainText(),
        )

    def _save_clicked(self) -> None:
        self.save()

    def save(self) -> bool:
        """Save through the service; False (and messages shown) when something is wrong."""
        return self._run(lambda: self._save_item(self.entry()))


def item_input(entry: PlanItem) -> ItemInput:
    """A stored item as the dialog's starting values."""
    item = entry.item
    return ItemInput(
        addresses=item.addresses,
        title=item.title,
        path=item.path,
        jp=item.jp,
        provider=entry.provider,
        start=item.start,
        end=item.end,
        status=item.status,
        evidence_note=entry.evidence_note,
        outcome=entry.outcome,
    )


class StandardDialog(_FieldDialog):
    """Set the level a jabatan requires of one competence (for everyone in that jabatan)."""

    def __init__(
        self,
        jabatan: str,
        line: CompetenceLine,
        save_level: Callable[[int], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, ("level", "jabatan", "code"))
        self._line = line
        self._save_level = save_level
        self.setWindowTitle(f"Level dibutuhkan — {line.competence.name}")
        self.setMinimumWidth(LEVEL_DIALOG_WIDTH)
        self.level = QSpinBox()
        self.level.setRange(LOWEST_LEVEL, HIGHEST_LEVEL)
        self.level.setValue(line.required or LOWEST_LEVEL)
        self.description = QLabel()
        self.description.setWordWrap(True)
        current = (
            "belum ditetapkan"
            if line.required is None
            else f"{line.required}" + (" (bawaan, belum dari instansi)" if line.is_default else "")
        )
        form = QFormLayout()
        form.addRow(QLabel(f"<b>{line.competence.code} {line.competence.name}</b>"))
        note = QLabel(
            f"Berlaku untuk semua pegawai dengan jabatan <b>{jabatan}</b>. "
            f"Level sekarang: {current}."
        )
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow("&Level dibutuhkan", self.level)
        form.addRow("", self.description)
        for field in ("level", "jabatan", "code"):
            form.addRow("", self.errors[field])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors["general"])
        layout.addWidget(dialog_buttons(self, "Simpan", self._save_clicked))
        self.level.valueChanged.connect(self._describe)
        self._describe()

    def _describe(self) -> None:
        self.description.setText(level_text(self._line.competence, self.level.value()))
        grow_to_fit(self)

    def _save_clicked(self) -> None:
        self.save()

    def save(self) -> bool:
        return self._run(lambda: self._save_level(self.level.value()))


HISTORY_COLUMNS = ("Tanggal", "Level", "Alasan")


class HistoryDialog(QDialog):
    """Every rating of one competence of a person, newest first."""

    def __init__(
        self, competence: Competence, ratings: list[StoredRating], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Riwayat penilaian — {competence.name}")
        self.resize(620, 320)
        self.table = QTableWidget(len(ratings), len(HISTORY_COLUMNS))
        self.table.setHorizontalHeaderLabels(list(HISTORY_COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, rating in enumerate(ratings):
            cells = (format_date_id(rating.rated_on), str(rating.level), rating.reason)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 1:
                    cell.setToolTip(level_text(competence, rating.level))
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        layout = QVBoxLayout(self)
        caption = "Belum pernah dinilai." if not ratings else f"{len(ratings)} penilaian."
        layout.addWidget(QLabel(f"<b>{competence.code} {competence.name}</b> — {caption}"))
        layout.addWidget(self.table)
        layout.addWidget(dialog_buttons(self, "Tutup", self.accept, cancel_text="Batal"))


class TechnicalDialog(_FieldDialog):
    """Add a teknis competence to a jabatan, or edit one's name and level descriptions.

    ``save`` receives (code, name, levels); the code cannot change once the competence exists.
    """

    def __init__(
        self,
        jabatan: str,
        save_competence: Callable[[str, str, tuple[str, ...]], object],
        parent: QWidget | None = None,
        *,
        existing: Competence | None = None,
    ) -> None:
        super().__init__(parent, ("code", "name", "jabatan", "levels"))
        self._save_competence = save_competence
        self.setWindowTitle(
            "Ubah kompetensi teknis" if existing else "Tambah kompetensi teknis jabatan"
        )
        self.setMinimumWidth(520)
        self.code = QLineEdit(existing.code if existing else "")
        self.code.setPlaceholderText("Kode instansi, mis. T.01")
        self.code.setReadOnly(existing is not None)
        self.name = QLineEdit(existing.name if existing else "")
        self.levels = [QLineEdit(text) for text in (existing.levels if existing else ("",) * 5)]
        form = QFormLayout()
        note = QLabel(f"Untuk jabatan <b>{jabatan}</b>, sesuai standar kompetensi instansi.")
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow("&Kode", self.code)
        form.addRow("", self.errors["code"])
        form.addRow("&Nama", self.name)
        form.addRow("", self.errors["name"])
        for number, edit in enumerate(self.levels, start=1):
            edit.setPlaceholderText("Uraian perilaku pada level ini")
            form.addRow(f"Level &{number}", edit)
        form.addRow("", self.errors["levels"])
        form.addRow("", self.errors["jabatan"])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors["general"])
        layout.addWidget(dialog_buttons(self, "Simpan", self._save_clicked))
        (self.name if existing else self.code).setFocus()

    def _save_clicked(self) -> None:
        self.save()

    def save(self) -> bool:
        levels = tuple(edit.text() for edit in self.levels)
        return self._run(lambda: self._save_competence(self.code.text(), self.name.text(), levels))
