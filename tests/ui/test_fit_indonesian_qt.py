"""Qt's own buttons, dialogs and context menus speak Indonesian (Qt ships no qtbase_id)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
)
from pytestqt.qtbot import QtBot

from kinerja_desktop.paths import resource_path
from kinerja_desktop.ui.application import QT_TRANSLATION, configure_application

#: English texts of Qt's standard buttons that must not reach a user.
ENGLISH = {
    "OK",
    "Cancel",
    "Yes",
    "No",
    "Save",
    "Discard",
    "Close",
    "Apply",
    "Reset",
    "Help",
    "Open",
}


def _plain(text: str) -> str:
    """A button or menu text as the user reads it: no mnemonic, no shortcut after a tab."""
    return text.split("\t", maxsplit=1)[0].replace("&", "")


def test_message_box_buttons_read_ya_tidak_batal(qtbot: QtBot, qapp) -> None:
    configure_application(qapp)
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Simpan perubahan?",
        "Ada perubahan yang belum disimpan.",
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Cancel,
    )
    qtbot.addWidget(box)
    texts = {
        button: _plain(box.button(button).text())
        for button in (
            QMessageBox.StandardButton.Yes,
            QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Cancel,
        )
    }
    assert list(texts.values()) == ["Ya", "Tidak", "Batal"]


@pytest.mark.parametrize(
    ("button", "text"),
    [
        (QDialogButtonBox.StandardButton.Ok, "OK"),
        (QDialogButtonBox.StandardButton.Save, "Simpan"),
        (QDialogButtonBox.StandardButton.Discard, "Jangan Simpan"),
        (QDialogButtonBox.StandardButton.Cancel, "Batal"),
        (QDialogButtonBox.StandardButton.Close, "Tutup"),
        (QDialogButtonBox.StandardButton.Apply, "Terapkan"),
        (QDialogButtonBox.StandardButton.Help, "Bantuan"),
        (QDialogButtonBox.StandardButton.Open, "Buka"),
    ],
)
def test_standard_buttons_speak_indonesian(
    button: QDialogButtonBox.StandardButton, text: str, qtbot: QtBot, qapp
) -> None:
    configure_application(qapp)
    box = QDialogButtonBox(button)
    qtbot.addWidget(box)
    assert _plain(box.button(button).text()) == text


def test_text_field_context_menus_offer_salin_and_tempel(qtbot: QtBot, qapp) -> None:
    configure_application(qapp)
    for field in (QLineEdit("NIP 19780512"), QPlainTextEdit("Uraian")):
        qtbot.addWidget(field)
        menu = field.createStandardContextMenu()
        texts = [_plain(action.text()) for action in menu.actions() if not action.isSeparator()]
        assert {"Batalkan", "Ulangi", "Potong", "Salin", "Tempel", "Hapus", "Pilih Semua"} <= set(
            texts
        ), texts
        assert not ENGLISH & set(texts)


def test_qt_file_dialog_speaks_indonesian(qtbot: QtBot, qapp, tmp_path: Path) -> None:
    configure_application(qapp)
    dialog = QFileDialog(None, "Impor daftar pegawai", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    labels = {_plain(label.text()) for label in dialog.findChildren(QLabel)}
    assert {"Cari di:", "Nama berkas:", "Jenis berkas:"} <= labels, labels
    buttons = dialog.findChild(QDialogButtonBox)
    assert {_plain(button.text()) for button in buttons.buttons()} == {"Simpan", "Batal"}


def test_the_shipped_translation_is_the_compiled_source(tmp_path: Path) -> None:
    """qtbase_id.qm is what pyside6-lrelease makes of qtbase_id.ts (edit the .ts, then compile)."""
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    if not lrelease.exists():
        found = shutil.which("pyside6-lrelease")
        if found is None:
            pytest.skip("pyside6-lrelease is not installed")
        lrelease = Path(found)
    source = resource_path("translations", "qtbase_id.ts")
    compiled = tmp_path / QT_TRANSLATION
    subprocess.run([str(lrelease), str(source), "-qm", str(compiled)], check=True, timeout=60)
    assert compiled.read_bytes() == resource_path("translations", QT_TRANSLATION).read_bytes()


def test_date_fields_and_calendars_name_the_months_in_indonesian(qtbot: QtBot, qapp) -> None:
    configure_application(qapp)
    field = QDateEdit(QDate(2026, 12, 6))
    field.setDisplayFormat("d MMMM yyyy")  # as the dialogue panel shows its dates
    field.setCalendarPopup(True)
    qtbot.addWidget(field)
    assert field.text() == "6 Desember 2026"
    assert field.calendarWidget().locale().monthName(12) == "Desember"
    assert field.calendarWidget().locale().dayName(1) == "Senin"
