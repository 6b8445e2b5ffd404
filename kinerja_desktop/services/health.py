"""The `check` command: is a database file healthy, and which schema does it have."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kinerja_desktop.data.migrate import SchemaState
from kinerja_desktop.data.opening import inspect_file


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
    return HealthReport(healthy=health.healthy, lines=tuple(lines))
