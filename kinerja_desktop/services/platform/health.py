"""The `check` command: is a database file healthy, and which schema does it have."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kinerja_desktop.data.database import Database, make_read_only_engine
from kinerja_desktop.data.migrate import SchemaState
from kinerja_desktop.data.opening import inspect_file
from kinerja_desktop.data.sqlite_files import leave_no_sidecars
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.platform.seals import SealReport, SealService


@dataclass(frozen=True)
class HealthReport:
    healthy: bool
    lines: tuple[str, ...]


_STATE_TEXT = {
    SchemaState.EMPTY: "kosong (belum ada tabel; akan dibuat saat dibuka)",
    SchemaState.CURRENT: "terbaru",
    SchemaState.OLDER: "versi lama (akan diperbarui saat dibuka, setelah dicadangkan)",
    SchemaState.NEWER: "dibuat oleh versi aplikasi yang lebih baru",
    SchemaState.FOREIGN: "bukan milik Kinerja Desktop",
}


def check_database(path: Path) -> HealthReport:
    """Run the full integrity check without changing the file; describe what was found."""
    health = inspect_file(path, thorough=True)
    lines = [f"Berkas: {path}"]
    if health.problem:
        lines.append(f"Masalah: {health.problem}")
        lines.extend(f"  {item}" for item in health.integrity if item != "ok")
    else:
        lines.append("Integritas: baik (integrity_check ok, foreign_key_check bersih)")
    if health.schema_state is not None:
        state = _STATE_TEXT[health.schema_state]
        lines.append(f"Versi skema: {health.revision or '-'} (aplikasi: {health.head}); {state}")
    healthy = health.healthy
    if healthy and health.schema_state is SchemaState.CURRENT:
        seals = _verify_seals(path)
        lines.extend(seals.lines)
        healthy = seals.healthy
    return HealthReport(healthy=healthy, lines=tuple(lines))


def _verify_seals(path: Path) -> SealReport:
    """The audit log and the sealed records, read through a connection that cannot write."""
    database = Database(path, make_read_only_engine(path), read_only=True)
    try:
        with leave_no_sidecars(path):
            return SealService(database, AccessGuard.system(database)).verify()
    finally:
        database.dispose()
