"""FieldErrors puts each message under the field it names, the rest in the form-wide label."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit
from pytestqt.qtbot import QtBot

from kinerja_desktop.domain.errors import DomainError, ValidationError, ValidationErrors
from kinerja_desktop.ui.common import FieldErrors


def _form(qtbot: QtBot) -> tuple[QDialog, FieldErrors]:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    errors = FieldErrors(("name", "nip"))
    form = QFormLayout(dialog)
    errors.add_rows(form, [("&Nama", QLineEdit(), "name"), ("&NIP", QLineEdit(), "nip")])
    form.addRow(errors.general)
    dialog.show()
    return dialog, errors


def test_each_message_lands_under_its_field_and_unknown_fields_in_the_general_label(
    qtbot: QtBot,
) -> None:
    dialog, errors = _form(qtbot)
    errors.show(
        ValidationErrors(
            [
                ValidationError("Nama wajib diisi.", field="name"),
                ValidationError("Unit tidak dikenal.", field="unit"),
            ]
        )
    )
    assert errors["name"].text() == "Nama wajib diisi."
    assert errors["name"].isVisibleTo(dialog)
    assert errors.general.text() == "Unit tidak dikenal."
    assert not errors["nip"].isVisibleTo(dialog)


def test_a_single_error_uses_its_field_and_hide_all_clears_every_label(qtbot: QtBot) -> None:
    dialog, errors = _form(qtbot)
    errors.show(DomainError("NIP sudah terdaftar.", field="nip"))
    errors.show(DomainError("Data berubah; muat ulang."))
    assert errors["nip"].text() == "NIP sudah terdaftar."
    assert errors.general.text() == "Data berubah; muat ulang."
    errors.hide_all()
    assert not any(label.isVisibleTo(dialog) for label in errors.values())
