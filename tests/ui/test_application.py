"""Starting the GUI: first start, and a damaged file met with a choice, never a traceback."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest
from disk_limits import NEARLY_FULL, file_size_limit
from PySide6.QtWidgets import QFileDialog, QMessageBox
from trust_helpers import file_mode, make_office, permission_bits_stop_root

from kinerja_desktop.data.lock import LockHolder, acquire_lock, lock_path
from kinerja_desktop.services.app_services import open_services
from kinerja_desktop.ui import application
from kinerja_desktop.ui.first_start import FirstStartDialog


class _Box:
    """Stands in for the modal message box: records the text, presses a chosen button."""

    shown: list[str] = []  # noqa: RUF012 - shared by the test that reads it
    press = "Keluar"

    class Icon:
        Critical = QMessageBox.Icon.Critical
        Warning = QMessageBox.Icon.Warning

    class ButtonRole:
        AcceptRole = QMessageBox.ButtonRole.AcceptRole
        RejectRole = QMessageBox.ButtonRole.RejectRole
        ActionRole = QMessageBox.ButtonRole.ActionRole

    StandardButton = QMessageBox.StandardButton
    answer = QMessageBox.StandardButton.No
    questions: list[str] = []  # noqa: RUF012

    @staticmethod
    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        _Box.questions.append(text)
        return _Box.answer

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
    _Box.questions = []
    _Box.answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(application, "QMessageBox", _Box)
    return _Box


def test_damaged_file_is_moved_aside_never_deleted(tmp_path: Path, qapp, box) -> None:
    damaged = tmp_path / "rusak.sqlite"
    damaged.write_bytes(os.urandom(8192))
    before = hashlib.sha256(damaged.read_bytes()).hexdigest()
    box.press = "Keluar"
    assert application.open_with_recovery(damaged) is None
    [aside] = tmp_path.glob("rusak.sqlite.rusak-*")
    assert f"dipindahkan ke {aside.name}" in box.shown[0]
    assert "Tidak ada cadangan yang baik" in box.shown[0]
    assert hashlib.sha256(aside.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [aside.name]  # and no lock left


def test_damaged_file_is_replaced_by_the_newest_good_backup(
    tmp_path: Path, qapp, box, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_office(tmp_path / "kinerja.sqlite", 3)
    services = open_services(path)
    backup = services.backups.automatic_backup(datetime(2026, 11, 27, 8, 15))
    services.close()
    assert backup is not None
    path.write_bytes(path.read_bytes()[:6000])  # truncated
    box.press = "Pulihkan"

    restored = application.open_with_recovery(path)

    assert restored is not None
    try:
        assert "27 November 2026 pukul 08.15" in box.shown[0]
        assert restored.staff.count() == 3
        assert restored.lock is not None
    finally:
        restored.close()
    assert len(list(tmp_path.glob("kinerja.sqlite.rusak-*"))) == 1


def test_a_file_in_use_names_who_holds_it(tmp_path: Path, qapp, box) -> None:
    path = make_office(tmp_path / "kinerja.sqlite", 1)
    held = acquire_lock(path)
    try:
        box.press = "Keluar"
        assert application.open_with_recovery(path) is None
        assert "sedang dipakai" in box.shown[0]
        assert f"proses {os.getpid()}" in box.shown[0]
    finally:
        held.release()


@pytest.mark.parametrize("take_over", [True, False])
def test_an_abandoned_lock_from_another_computer_is_taken_over_when_confirmed(
    tmp_path: Path, qapp, box, take_over: bool
) -> None:
    path = make_office(tmp_path / "kinerja.sqlite", 1)
    lock_path(path).write_text(
        LockHolder(77, "PC-TU", "siti", datetime(2020, 1, 1)).to_json(), encoding="utf-8"
    )
    box.answer = QMessageBox.StandardButton.Yes if take_over else QMessageBox.StandardButton.No
    box.press = "Keluar"
    box.questions = []

    services = application.open_with_recovery(path)

    assert "PC-TU" in box.questions[0]
    if take_over:
        assert services is not None
        assert services.lock is not None
        services.close()
        assert not lock_path(path).exists()
    else:
        assert services is None
        assert "PC-TU" in lock_path(path).read_text(encoding="utf-8")


def test_a_file_that_is_not_ours_is_refused_and_left_alone(tmp_path: Path, qapp, box) -> None:
    other = tmp_path / "lain.sqlite"
    with closing(sqlite3.connect(other)) as connection:
        connection.execute("CREATE TABLE resep (nama TEXT)")
        connection.commit()
    before = hashlib.sha256(other.read_bytes()).hexdigest()
    box.press = "Keluar"
    assert application.open_with_recovery(other) is None
    assert "tidak diubah" in box.shown[0]
    assert hashlib.sha256(other.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lain.sqlite"]


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


def test_a_zero_byte_file_opens_the_first_start_dialog_not_a_silent_office(
    tmp_path: Path, qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kosong.sqlite"
    path.touch()
    asked: list[bool] = []
    monkeypatch.setattr(FirstStartDialog, "exec", lambda self: asked.append(True) or 0)
    assert application.open_with_recovery(path) is None
    assert asked == [True]
    assert path.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kosong.sqlite"]


def test_a_full_disk_at_start_leaves_the_healthy_file_in_place(tmp_path: Path, qapp, box) -> None:
    path = make_office(tmp_path / "kinerja.sqlite", 2)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    box.press = "Keluar"
    with file_size_limit(NEARLY_FULL):
        assert application.open_with_recovery(path) is None
    assert "Kosongkan ruang disk" in box.shown[0]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kinerja.sqlite"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_a_read_only_folder_opens_read_only_with_the_banner(
    tmp_path: Path, qapp, box, monkeypatch: pytest.MonkeyPatch
) -> None:
    permission_bits_stop_root(monkeypatch)
    path = make_office(tmp_path / "kantor" / "kinerja.sqlite", 2)
    with file_mode(path.parent, 0o500):
        services = application.open_with_recovery(path)
        assert services is not None
        try:
            assert services.read_only
            assert box.shown == []  # neither refused nor taken for damage
            assert any(str(path.parent) in warning for warning in services.warnings)
            assert services.staff.count() == 2
        finally:
            services.close()
    assert sorted(p.name for p in path.parent.iterdir()) == ["kinerja.sqlite"]


def test_the_gui_opens_an_office_without_waiting_for_the_daily_backup(tmp_path: Path, qapp) -> None:
    """The day's backup is taken once the window is shown (tests/ui/settings/test_daily_backup)."""
    path = make_office(tmp_path / "kinerja.sqlite", 2)
    services = application.open_with_recovery(path)
    assert services is not None
    try:
        assert services.backups.backups() == ()
        assert services.warnings == ()
    finally:
        services.close()
