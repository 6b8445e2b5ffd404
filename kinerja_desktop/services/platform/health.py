"""The `check` command: is a database healthy, and which schema does it have.

A file is looked at read-only (integrity, keys, schema, the audit log and its seals, the
evidence files in the folder beside it); a server database is read in read-only transactions
(schema, the audit log and its seals, the evidence content in its table).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import URL

from kinerja_desktop.data.database import Database, make_read_only_engine, make_server_engine
from kinerja_desktop.data.migrate import SchemaState, head_revision, inspect_schema
from kinerja_desktop.data.opening import inspect_file
from kinerja_desktop.data.sqlite_files import leave_no_sidecars
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.platform.evidence_check import (
    EvidenceReport,
    check_folder,
    check_table,
)
from kinerja_desktop.services.platform.evidence_store import evidence_folder
from kinerja_desktop.services.platform.seals import SealReport, SealService, verify_seals_in


@dataclass(frozen=True)
class HealthReport:
    healthy: bool
    lines: tuple[str, ...]
    #: Healthy apart from evidence files missing or changed (the records themselves are whole).
    records_healthy: bool | None = None

    @property
    def records_whole(self) -> bool:
        return self.healthy if self.records_healthy is None else self.records_healthy


_STATE_TEXT = {
    SchemaState.EMPTY: "kosong (belum ada tabel; akan dibuat saat dibuka)",
    SchemaState.CURRENT: "terbaru",
    SchemaState.OLDER: "versi lama (akan diperbarui saat dibuka, setelah dicadangkan)",
    SchemaState.NEWER: "dibuat oleh versi aplikasi yang lebih baru",
    SchemaState.FOREIGN: "bukan milik Kinerja Desktop",
}

#: A server is not backed up by the app before a migration (``pg_dump`` is its backup).
_SERVER_STATE_TEXT = {**_STATE_TEXT, SchemaState.OLDER: "versi lama (akan diperbarui saat dibuka)"}


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
        seals, evidence = _verify_seals(path)
        lines.extend(seals.lines)
        lines.extend(evidence.lines)
        return HealthReport(seals.healthy and evidence.healthy, tuple(lines), seals.healthy)
    return HealthReport(healthy=healthy, lines=tuple(lines))


def _verify_seals(path: Path) -> tuple[SealReport, EvidenceReport]:
    """The audit log, the sealed records and the evidence files, read without writing."""
    database = Database(path, make_read_only_engine(path), read_only=True)
    try:
        with leave_no_sidecars(path):
            seals = SealService(database, AccessGuard.system(database)).verify()
            with database.reading() as session:
                evidence = check_folder(session, evidence_folder(path))
            return seals, evidence
    finally:
        database.dispose()


def check_server(url: URL, shown: str) -> HealthReport:
    """Check a server database read-only: its schema, audit log, seals and evidence content.

    A server checks its own pages (its administrator runs ``amcheck``); what is ours to check
    is what the app wrote. There is no anchor file: it belongs to an installation.

    Args:
        url: The database, with its password when one is needed.
        shown: How to name it (never with the password).

    Raises:
        StorageError: the server cannot be reached or refuses the login.
    """
    database = Database(Path("server"), make_server_engine(url))
    try:
        lines = [f"Server: {shown}"]
        with database.reading() as session:
            state, revision = inspect_schema(session.connection())
            lines.append(
                f"Versi skema: {revision or '-'} (aplikasi: {head_revision()}); "
                f"{_SERVER_STATE_TEXT[state]}"
            )
            if state is not SchemaState.CURRENT:
                return HealthReport(state is SchemaState.OLDER, tuple(lines))
            seals = verify_seals_in(session)
            evidence = check_table(session)
        lines.extend(seals.lines)
        lines.extend(evidence.lines)
        return HealthReport(seals.healthy and evidence.healthy, tuple(lines), seals.healthy)
    finally:
        database.dispose()
