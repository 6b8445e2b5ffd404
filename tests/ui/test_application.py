"""Starting the GUI: first start, and a damaged file met with a choice, never a traceback."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kinerja_desktop.ui import application
from kinerja_desktop.ui.first_start import FirstStartDialog


class _Box:
    """Stands in for the modal message box: records the text, presses a chosen button."""

    shown: list[str] = []  # noqa: RUF012 - shared by the test that reads it
    press = "Keluar"

    class Icon:
        Critical = QMessageBox.Icon.Critical

    class ButtonRole:
        AcceptRole = QMessageBox.ButtonRole.AcceptRole
        RejectRole = QMessageBox.ButtonRole.RejectRole

    def __init__(self, _icon: object, _title: str, text: str) -> None:
        _Box.shown.append(text)
        self._buttons: dict[str, object] = {}
        self._clicked: object = None

    def addButton(self, text: str, _role: object) -> object:
        self._buttons[text] = object()
        return self._buttons[text]

    def exec(self) -> int:
        key = next(k for k in self._buttons if k.startswith(_Box.press))
        self._clicked = self._buttons[key]
        return 0

    def clickedButton(self) -> object:
        return self._clicked


@pytest.fixture
def box(monkeypatch: pytest.MonkeyPatch) -> type[_Box]:
    _Box.shown = []
    monkeypatch.setattr(application, "QMessageBox", _Box)
    return _Box


def test_damaged_file_is_explained_and_left_alone(tmp_path: Path, qapp, box) -> None:
    damaged = tmp_path / "rusak.sqlite"
    damaged.write_bytes(os.urandom(8192))
    before = hashlib.sha256(damaged.read_bytes()).hexdigest()
    box.press = "Keluar"
    assert application.open_with_recovery(damaged) is None
    assert "tidak diubah" in box.shown[0]
    assert hashlib.sha256(damaged.read_bytes()).hexdigest() == before


def test_after_a_damaged_file_the_user_can_pick_another(
    tmp_path: Path, qapp, box, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = tmp_path / "rusak.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    other = tmp_path / "baru.sqlite"
    box.press = "Pilih"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    monkeypatch.setattr(FirstStartDialog, "exec", lambda self: 1)
    monkeypatch.setattr(FirstStartDialog, "wants_demo", property(lambda self: True))
    services = application.open_with_recovery(damaged)
    assert services is not None
    try:
        assert services.database_path == other
        assert services.staff.count() > 30  # the demo office was written
    finally:
        services.close()


def test_first_start_with_an_empty_office_creates_the_instansi(
    tmp_path: Path, qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    def accept(dialog: FirstStartDialog) -> int:
        dialog.instansi.setText("Pemerintah Kabupaten Ogan Ilir")
        dialog.city.setText("Indralaya")
        return 1

    monkeypatch.setattr(FirstStartDialog, "exec", accept)
    services = application.open_with_recovery(tmp_path / "kosong.sqlite")
    assert services is not None
    try:
        (unit,) = services.staff.units()
        assert (unit.name, unit.city, services.staff.count()) == (
            "Pemerintah Kabupaten Ogan Ilir",
            "Indralaya",
            0,
        )
    finally:
        services.close()


def test_first_start_cancelled_creates_nothing(
    tmp_path: Path, qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(FirstStartDialog, "exec", lambda self: 0)
    path = tmp_path / "tidak-jadi.sqlite"
    assert application.open_with_recovery(path) is None
    assert not path.exists()


def test_empty_office_needs_a_name(qtbot) -> None:
    dialog = FirstStartDialog()
    qtbot.addWidget(dialog)
    dialog._accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "wajib" in dialog.instansi_error.text()
    dialog.demo.setChecked(True)
    assert not dialog.instansi.isEnabled()
    dialog._accept()
    assert dialog.result() == dialog.DialogCode.Accepted
