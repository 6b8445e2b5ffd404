"""Helpers shared by the hand-over tests."""

from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

from kinerja_desktop.data.repositories import handover as repo
from kinerja_desktop.domain.handover_records import build_aggregates
from kinerja_desktop.services.app_services import AppServices

EVIDENCE_BYTES = b"%PDF-1.4 laporan kegiatan bulan Maret\n"
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
