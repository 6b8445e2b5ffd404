"""A package whose signed manifest declares members larger than any real office is refused."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from handover_helpers import rewrite_zip

from kinerja_desktop.domain.handover_aggregate import canonical_json
from kinerja_desktop.domain.handover_records import Kind, make_aggregate
from kinerja_desktop.services.handover.package import (
    MAX_RECORDS_MEMBER_BYTES,
    MAX_RECORDS_TOTAL_BYTES,
    PackageRefusedError,
    read_package,
    write_package,
)
from kinerja_desktop.services.platform import signing

HEADER = {
    "app_version": "0.1.0",
    "schema_revision": "0007",
    "source_file": "kantor.sqlite",
    "exported_at": "2026-11-28T10:00:00+07:00",
    "scope": {"unit": None, "year": None},
}


def _package_declaring(tmp_path: Path, sizes: dict[str, int]) -> Path:
    """A small package re-signed after its manifest was made to declare ``sizes``."""
    key = signing.load_or_create_key(tmp_path / "keys")
    unit = make_aggregate(Kind.UNIT, ["Kota"], "Kota", {"path": ["Kota"]}, None)
    small = tmp_path / "kecil.zip"
    write_package(small, header=HEADER, aggregates=[unit], evidence_folder=tmp_path, key=key)
    manifest: dict[str, object] = {}

    def change(name: str, body: bytes) -> bytes:
        if name == "manifest.json":
            raw = json.loads(body)
            members = raw["members"]
            for member_name, size in sizes.items():
                members.append({"name": member_name, "sha256": "0" * 64, "size": size})
            manifest["bytes"] = canonical_json(raw)
            return manifest["bytes"]  # type: ignore[return-value]
        if name == "manifest.sig":
            return base64.b64encode(key.sign(manifest["bytes"]))  # type: ignore[arg-type]
        return body

    target = tmp_path / "besar.zip"
    rewrite_zip(small, target, change)
    return target


@pytest.mark.parametrize(
    ("sizes", "limit"),
    [
        ({"records/skp.json": MAX_RECORDS_MEMBER_BYTES + 1}, "batasnya 2048 MB per berkas"),
        ({"evidence/ab/" + "ab" * 32 + ".pdf": 25 * 1024 * 1024 + 1}, "batasnya 25 MB"),
        (
            {
                f"records/{kind}.json": MAX_RECORDS_TOTAL_BYTES // 3
                for kind in ("skp", "period", "observation", "employee")
            },
            "batasnya 4096 MB",
        ),
    ],
)
def test_a_declared_size_above_the_cap_is_refused_naming_the_limit(
    tmp_path: Path, sizes: dict[str, int], limit: str
) -> None:
    with pytest.raises(PackageRefusedError) as refused:
        read_package(_package_declaring(tmp_path, sizes))
    assert limit in refused.value.message
    assert "tidak ada yang diimpor" in refused.value.message
