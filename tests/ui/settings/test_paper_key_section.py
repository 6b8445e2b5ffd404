"""Pengaturan: the printed sheets' public key, shown by fingerprint and exported to a file."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.printing.paper_keys import read_public_key
from kinerja_desktop.ui.settings.paper_key_section import PaperKeySection


def test_fingerprint_shown_and_public_key_exported(
    qtbot: QtBot, services: AppServices, tmp_path: Path
) -> None:
    section = PaperKeySection(services.printing)
    qtbot.addWidget(section)
    section.show()
    public_key, fingerprint = services.printing.public_key()
    assert fingerprint in section.fingerprint.text()
    target = tmp_path / "kunci.pem"
    assert section.export(target)
    assert read_public_key(target) == public_key
    assert fingerprint in section.status.text()


def test_an_unwritable_target_says_why(qtbot: QtBot, services: AppServices, tmp_path: Path) -> None:
    section = PaperKeySection(services.printing)
    qtbot.addWidget(section)
    assert not section.export(tmp_path / "tidak-ada" / "kunci.pem")
    assert "tidak dapat ditulis" in section.error.text()
