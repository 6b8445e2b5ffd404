"""A hand-over package is written whole or not at all (data.whole_files)."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

import pytest

from kinerja_desktop.domain.handover_records import Kind, make_aggregate
from kinerja_desktop.services.handover.package import read_package, write_package
from kinerja_desktop.services.platform import signing

HEADER = {
    "app_version": "0.1.0",
    "schema_revision": "0007",
    "source_file": "kantor.sqlite",
    "exported_at": "2026-11-28T10:00:00+07:00",
    "scope": {"unit": None, "year": None},
}
UNIT = make_aggregate(Kind.UNIT, ["Kota"], "Kota", {"path": ["Kota"]}, None)


@dataclass(frozen=True)
class _BrokenKey(signing.SigningKey):
    """A key whose signing fails after the records and evidence are already written."""

    def sign(self, data: bytes) -> bytes:
        raise RuntimeError("kunci rusak")


def test_a_failure_mid_package_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    key = signing.load_or_create_key(tmp_path / "keys")
    out = tmp_path / "keluar"
    out.mkdir()
    target = out / "paket.zip"
    target.write_bytes(b"paket lama")
    with pytest.raises(RuntimeError):
        write_package(
            target,
            header=HEADER,
            aggregates=[UNIT],
            evidence_folder=tmp_path,
            key=_BrokenKey(key.private, key.path),
        )
    assert target.read_bytes() == b"paket lama"
    assert [path.name for path in out.iterdir()] == ["paket.zip"]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_written_package_is_owner_only_and_readable(tmp_path: Path) -> None:
    key = signing.load_or_create_key(tmp_path / "keys")
    target = tmp_path / "paket.zip"
    write_package(target, header=HEADER, aggregates=[UNIT], evidence_folder=tmp_path, key=key)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [aggregate.key for aggregate in read_package(target).aggregates] == [UNIT.key]
