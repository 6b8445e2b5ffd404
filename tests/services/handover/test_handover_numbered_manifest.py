"""A numbered package's manifest: `sequence` and `since`, and format 3 for a package of changes."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from handover_helpers import rewrite_zip

from kinerja_desktop.domain.handover_aggregate import make_aggregate
from kinerja_desktop.domain.handover_records import Kind, canonical_json
from kinerja_desktop.services.handover import package as package_module
from kinerja_desktop.services.handover.package import (
    PackageRefusedError,
    read_manifest,
    read_package,
    write_package,
)
from kinerja_desktop.services.platform import signing

HEADER = {
    "app_version": "test",
    "schema_revision": "0019",
    "source_file": "kantor.sqlite",
    "exported_at": "2026-11-28T09:00:00+07:00",
    "scope": {"unit": ["Kota"], "year": 2026},
}
UNIT = make_aggregate(Kind.UNIT, ["Kota"], "Kota", {"path": []}, None)


def _write(tmp_path: Path, name: str, **numbering: int | None) -> tuple[Path, signing.SigningKey]:
    key = signing.load_or_create_key(tmp_path / "kunci")
    path = tmp_path / name
    write_package(
        path, header={**HEADER, **numbering}, aggregates=[UNIT], evidence_folder=tmp_path, key=key
    )
    return path, key


def test_a_whole_package_is_format_2_and_a_package_of_changes_format_3(tmp_path: Path) -> None:
    whole, _ = _write(tmp_path, "1.zip", sequence=1, since=None)
    changes, _ = _write(tmp_path, "2.zip", sequence=2, since=1)

    first, second = read_package(whole).manifest, read_package(changes).manifest
    assert (first.format_version, first.sequence, first.since) == (2, 1, None)
    assert (second.format_version, second.sequence, second.since) == (3, 2, 1)
    assert second.number_text() == "paket nomor 2 (perubahan sejak nomor 1)"
    assert read_manifest(changes) == second
    assert read_package(changes).sha256 != read_package(whole).sha256


def test_an_app_that_reads_only_formats_1_and_2_refuses_a_package_of_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    changes, _ = _write(tmp_path, "2.zip", sequence=2, since=1)
    monkeypatch.setattr(package_module, "READABLE_VERSIONS", (1, 2))

    with pytest.raises(PackageRefusedError, match="format versi 3; aplikasi ini membaca versi 1"):
        read_package(changes)


@pytest.mark.parametrize(
    "change",
    [
        {"format_version": 2},  # changes claimed in format 2
        {"since": None},  # format 3 without what it follows
        {"sequence": 1},  # a number not after the one it follows
        {"sequence": 0, "since": None, "format_version": 2},  # numbers start at 1
    ],
)
def test_a_malformed_numbering_is_refused(tmp_path: Path, change: dict[str, object]) -> None:
    path, key = _write(tmp_path, "2.zip", sequence=2, since=1)
    signed: dict[str, bytes] = {}

    def rewrite(name: str, body: bytes) -> bytes:
        if name == "manifest.json":
            signed["m"] = canonical_json({**json.loads(body), **change})
            return signed["m"]
        return base64.b64encode(key.sign(signed["m"])) if name == "manifest.sig" else body

    rewrite_zip(path, tmp_path / "x.zip", rewrite)
    with pytest.raises(PackageRefusedError, match="Manifest paket tidak lengkap"):
        read_package(tmp_path / "x.zip")
