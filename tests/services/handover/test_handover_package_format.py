"""The package format: version 2 writes JSON lines, and version 1 packages are still read.

``tests/fixtures/handover/paket-format-1.zip`` was exported by the app before format 2 (a demo
office of three people with one evidence file, made on 28 November 2026).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from handover_helpers import content_of, rewrite_zip

from kinerja_desktop.domain.handover_records import (
    Aggregate,
    Kind,
    canonical_json,
    make_aggregate,
)
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.handover import PackageRefusedError
from kinerja_desktop.services.handover import package as package_module
from kinerja_desktop.services.handover import service as service_module
from kinerja_desktop.services.handover.package import FORMAT_VERSION, read_package, write_package
from kinerja_desktop.services.platform import signing

FORMAT_1 = Path(__file__).parents[2] / "fixtures" / "handover" / "paket-format-1.zip"
HEADER = {
    "app_version": "test",
    "schema_revision": "0007",
    "source_file": "kantor.sqlite",
    "exported_at": "2026-11-28T09:00:00+07:00",
    "scope": {"unit": None, "year": None},
}


def test_a_format_1_package_is_read_with_every_record_and_file() -> None:
    package = read_package(FORMAT_1)
    assert package.manifest.format_version == 1
    counts = Counter(aggregate.kind for aggregate in package.aggregates)
    assert counts[Kind.SKP] == 3 and counts[Kind.EMPLOYEE] == 3
    assert sum(counts.values()) == 105
    assert len(package.evidence) == 1


def test_a_format_1_package_imports_like_a_new_one(target: AppServices, tmp_path: Path) -> None:
    result = target.handover.apply(FORMAT_1, back_up=False)
    assert (result.added, result.files_copied) == (105, 1)
    # Written again in format 2, the same records have the same keys and digests.
    again = tmp_path / "paket-2.zip"
    target.handover.export(again)
    assert read_package(again).manifest.format_version == FORMAT_VERSION == 2
    old = {(a.kind.value, a.key): a.digest for a in read_package(FORMAT_1).aggregates}
    assert old.items() <= content_of(target).items()
    assert target.handover.preview(FORMAT_1).plan.changes_nothing


def _key(tmp_path: Path) -> signing.SigningKey:
    return signing.load_or_create_key(tmp_path / "kunci")


def _units(count: int) -> list[Aggregate]:
    return [
        make_aggregate(Kind.UNIT, ["Kota", f"Unit {n}"], f"Unit {n}", {"path": ["Kota"]}, None)
        for n in range(count)
    ]


def test_records_are_read_back_the_same_across_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "paket.zip"
    units = _units(50)
    write_package(
        path, header=HEADER, aggregates=units, evidence_folder=tmp_path, key=_key(tmp_path)
    )
    whole = read_package(path).aggregates
    # Batches of a few lines each: every batch boundary falls somewhere else.
    monkeypatch.setattr(package_module, "_BATCH_BYTES", 300)
    monkeypatch.setattr(package_module, "_CHUNK", 97)
    assert read_package(path).aggregates == whole
    assert [a.key for a in whole] == [a.key for a in units]


def _with_member(
    source: Path, target: Path, name: str, body: bytes, key: signing.SigningKey
) -> Path:
    """The package with member ``name`` replaced by ``body``, its manifest re-signed."""
    signed: dict[str, bytes] = {}

    def change(member: str, old: bytes) -> bytes:
        if member == name:
            return body
        if member == "manifest.json":
            raw = json.loads(old)
            for listed in raw["members"]:
                if listed["name"] == name:
                    listed.update(sha256=hashlib.sha256(body).hexdigest(), size=len(body))
            signed["manifest"] = canonical_json(raw)
            return signed["manifest"]
        if member == "manifest.sig":
            return base64.b64encode(key.sign(signed["manifest"]))
        return old

    rewrite_zip(source, target, change)
    return target


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (lambda good: [*good[:1], b"{bukan json", *good[1:]], "Baris ke-2 berkas"),
        (lambda good: [*good[:2], b"", *good[2:]], "Baris ke-3 berkas"),
        (lambda good: [*good, good[0]], "memakai kunci yang sudah ada"),
        (lambda good: [b"[1, 2]", *good], "tidak sesuai format catatan"),
        (lambda good: [good[0].replace(b'["Kota"]}', b'["Kotx"]}', 1)], "dengan digest"),
    ],
)
def test_a_bad_line_refuses_the_package_naming_it(
    tmp_path: Path, lines: Callable[[list[bytes]], list[bytes]], message: str
) -> None:
    key = _key(tmp_path)
    path = tmp_path / "paket.zip"
    write_package(path, header=HEADER, aggregates=_units(3), evidence_folder=tmp_path, key=key)
    with zipfile.ZipFile(path) as archive:
        good = archive.read("records/unit.jsonl").splitlines()
    body = b"\n".join(lines(good)) + b"\n"
    changed = _with_member(path, tmp_path / "diubah.zip", "records/unit.jsonl", body, key)
    with pytest.raises(PackageRefusedError, match=message):
        read_package(changed)


def test_an_unknown_format_version_is_refused(tmp_path: Path) -> None:
    key = _key(tmp_path)
    path = tmp_path / "paket.zip"
    write_package(path, header=HEADER, aggregates=_units(1), evidence_folder=tmp_path, key=key)
    signed: dict[str, bytes] = {}

    def change(name: str, body: bytes) -> bytes:
        if name == "manifest.json":
            signed["m"] = canonical_json({**json.loads(body), "format_version": 4})
            return signed["m"]
        return base64.b64encode(key.sign(signed["m"])) if name == "manifest.sig" else body

    rewrite_zip(path, tmp_path / "v4.zip", change)
    with pytest.raises(PackageRefusedError, match="format versi 4; aplikasi ini membaca versi 1"):
        read_package(tmp_path / "v4.zip")


def test_the_import_uses_the_package_its_preview_checked(
    target: AppServices, package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview = target.handover.preview(package)

    def read_again(path: Path) -> None:
        raise AssertionError("the package was read and checked a second time")

    monkeypatch.setattr(service_module, "_checked_package", read_again)
    result = target.handover.apply(package, preview=preview, back_up=False)
    assert result.added == len(preview.plan.new)


def test_a_package_changed_after_its_preview_is_checked_again(
    target: AppServices, package: Path, tmp_path: Path
) -> None:
    preview = target.handover.preview(package)
    tampered = tmp_path / "diubah.zip"
    rewrite_zip(
        package,
        tampered,
        lambda name, body: body.replace(b"Kertapati", b"Kertapatu") if "records" in name else body,
    )
    package.write_bytes(tampered.read_bytes())
    stat = package.stat()
    os.utime(package, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    with pytest.raises(PackageRefusedError, match="SHA-256 berbeda"):
        target.handover.apply(package, preview=preview, back_up=False)
