"""Opening a file from before the audit log gives its agreed SKPs their baseline seal, once."""

from __future__ import annotations

import shutil
from pathlib import Path

from kinerja_desktop.domain.seal_chain import SealAction
from kinerja_desktop.services.platform.startup import open_office

FIXTURE = Path(__file__).parents[2] / "fixtures" / "databases" / "schema_0007.sqlite"


def test_agreed_skps_of_an_older_file_are_sealed_at_open(tmp_path: Path) -> None:
    path = tmp_path / "kantor.sqlite"
    shutil.copy(FIXTURE, path)
    services = open_office(path)
    try:
        history = services.seals.history()
        assert [entry.fields.action for entry in history] == [SealAction.SEGEL_AWAL]
        assert services.seals.verify().healthy
    finally:
        services.close()
    again = open_office(path)
    try:
        assert len(again.seals.history()) == 1  # nothing new the second time
    finally:
        again.close()
