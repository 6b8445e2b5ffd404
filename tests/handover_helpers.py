"""Helpers shared by the hand-over tests."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from kinerja_desktop.data.repositories import handover as repo
from kinerja_desktop.domain.handover_records import (
    Aggregate,
    Kind,
    build_aggregates,
    canonical_json,
    make_aggregate,
)
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.handover.package import read_package, write_package
from kinerja_desktop.services.platform import signing

EVIDENCE_BYTES = b"%PDF-1.4 laporan kegiatan bulan Maret\n"
#: When a re-signed package says it was made (records dated later are refused).
RESIGNED_AT = "2026-11-30T10:00:00+07:00"
#: A change made to one record's JSON content.
Change = Callable[[dict[str, Any]], None]
FOLLOW_UP_BYTES = b"%PDF-1.4 berita acara tindak lanjut temuan\n"


def content_of(services: AppServices) -> dict[tuple[str, str], str]:
    """Every aggregate's digest by (kind, key): the canonical content of the whole database."""
    with services.database.reading() as session:
        tables = repo.read_all(session).tables
    return {(a.kind.value, a.key): a.digest for a in build_aggregates(tables)}


def dump(path: Path) -> list[str]:
    """The database file as SQL text, to prove that nothing at all was written."""
    with sqlite3.connect(path) as raw:
        return list(raw.iterdump())


def rewrite_zip(source: Path, target: Path, change: Callable[[str, bytes], bytes | None]) -> None:
    """Copy a zip member by member through ``change`` (None drops the member)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            body = change(info.filename, old.read(info.filename))
            if body is not None:
                new.writestr(info.filename, body)


def resigned(
    package: Path,
    tmp_path: Path,
    kind: Kind,
    change: Change,
    *,
    where: Callable[[Mapping[str, Any]], bool] = lambda content: True,
) -> Path:
    """The package's records with the first of ``kind`` (matching ``where``) changed, signed by
    another key, made at RESIGNED_AT."""
    read = read_package(package)
    changed: list[Aggregate] = []
    done = False
    for aggregate in read.aggregates:
        if aggregate.kind is kind and not done and where(aggregate.content):
            content = json.loads(canonical_json(aggregate.content))
            change(content)
            changed.append(
                make_aggregate(kind, json.loads(aggregate.key), aggregate.label, content, None)
            )
            done = True
        else:
            changed.append(aggregate)
    assert done
    manifest = read.manifest
    header = {
        "app_version": manifest.app_version,
        "schema_revision": manifest.schema_revision,
        "source_file": manifest.source_file,
        "exported_at": RESIGNED_AT,
        "scope": {"unit": None, "year": None},
    }
    target = tmp_path / "paket-lain.zip"
    key = signing.load_or_create_key(tmp_path / "kunci-lain")
    write_package(
        target, header=header, aggregates=changed, evidence_folder=tmp_path / "x", key=key
    )
    return target
