"""The hub's prefill package (paket isian awal): written for an OPD, started from by a unit.

The Pemda hub writes, for one OPD (or every unit) and a year, a signed hand-over package that
carries only what a new installation starts from (`domain.handover_prefill`), with
``"purpose": "prefill"`` in its manifest. It is written by the hand-over package writer
(`services.handover.package.write_package`) and imported by the hand-over import: into a new
office (the first start, or ``kinerja-desktop import`` on a path that does not exist yet) it
makes the register; into an existing office it is an ordinary merge of register records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kinerja_desktop import __version__
from kinerja_desktop.data.database import Database
from kinerja_desktop.data.migrate import current_revision
from kinerja_desktop.data.repositories import handover as repo
from kinerja_desktop.domain.access import Capability
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.handover_prefill import PREFILL, PREFILL_TABLES, build_prefill
from kinerja_desktop.domain.handover_records import Aggregate, Kind, Scope
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.handover.package import (
    Manifest,
    PackageRefusedError,
    write_package,
)
from kinerja_desktop.services.handover.service import (
    HandoverService,
    ImportResult,
    checked_package,
)
from kinerja_desktop.services.platform import signing
from kinerja_desktop.services.platform.evidence_store import evidence_folder

#: Kinds in the order a summary lists them.
_SHOWN = (
    Kind.UNIT,
    Kind.EMPLOYEE,
    Kind.EXTERNAL_OFFICIAL,
    Kind.ACTING,
    Kind.APPRAISAL_YEAR,
    Kind.ORG_PREDIKAT,
    Kind.OFFICE_DAY_OFF,
)


@dataclass(frozen=True)
class PrefillSummary:
    """What a prefill package holds, as the screens and the command line show it.

    Attributes:
        manifest: The package's signed manifest (scope, time, signer's fingerprint).
        office: The OPD the package is for (the last name of its unit), or the instansi's
            names for a package of every unit.
        counts: Records per kind, in the order shown, kinds without records left out.
    """

    manifest: Manifest
    office: str
    counts: tuple[tuple[Kind, int], ...]

    def lines(self) -> list[str]:
        """The summary as lines of Indonesian text."""
        counts = ", ".join(f"{kind.label} {count}" for kind, count in self.counts)
        return [
            f"Kantor: {self.office}",
            f"Cakupan: {self.manifest.scope_text()}",
            f"Isi: {counts or 'kosong'}",
            f"Dibuat: {self.manifest.exported_at} (Kinerja Desktop {self.manifest.app_version})",
            f"Sidik kunci penanda tangan: {self.manifest.fingerprint}",
        ]


@dataclass(frozen=True)
class PrefillExport:
    """A prefill package just written."""

    path: Path
    summary: PrefillSummary

    def summary_lines(self) -> list[str]:
        return [f"Paket isian awal ditulis: {self.path}", *self.summary.lines()]


class PrefillService:
    """Writes prefill packages from the hub's database."""

    def __init__(self, database: Database, key_folder: Path, access: AccessGuard) -> None:
        self._database = database
        self._key_folder = key_folder
        self._access = access

    def export(
        self,
        target: Path,
        *,
        year: int,
        unit: tuple[str, ...] | None = None,
        now: datetime | None = None,
    ) -> PrefillExport:
        """Write the prefill package of ``unit`` (and everything under it; None: every unit).

        Args:
            target: The package file; written whole or not at all.
            year: The appraisal year whose scheme, Plt/Plh, organisation predikat and days off
                are carried.
            unit: The OPD's path of names from its instansi (``HandoverService.find_unit``).
            now: The moment written into the manifest (the clock when None).

        Raises:
            ValidationError: the year is out of range or the unit does not exist.
            DomainError: the key or the file cannot be written.
        """
        self._access.require(Capability.EXPORT_DATA)
        if not 2000 <= year <= 2100:
            raise ValidationError("Tahun harus antara 2000 dan 2100.", field="year")
        key = signing.load_or_create_key(self._key_folder)
        with self._database.reading() as session:
            tables = {name: repo.read_table(session, name) for name in PREFILL_TABLES}
            revision = current_revision(session.connection())
        aggregates = build_prefill(tables, unit, year)
        if unit is not None and not any(
            a.kind is Kind.UNIT and tuple(a.content["path"]) == unit for a in aggregates
        ):
            raise ValidationError(f"Unit '{' / '.join(unit)}' tidak ditemukan.", field="unit")
        exported_at = (now or datetime.now().astimezone()).isoformat(timespec="seconds")
        header = {
            "app_version": __version__,
            "schema_revision": revision,
            "source_file": self._database.path.name,
            "exported_at": exported_at,
            "scope": Scope(unit, year).to_json(),
            "purpose": PREFILL,
            "counts": {kind.value: sum(a.kind is kind for a in aggregates) for kind in Kind},
        }
        # A prefill names no evidence file, so the evidence folder is never read.
        write_package(
            target,
            header=header,
            aggregates=aggregates,
            evidence_folder=evidence_folder(self._database.path),
            key=key,
        )
        manifest = Manifest(
            app_version=__version__,
            schema_revision=revision or "",
            source_file=self._database.path.name,
            exported_at=exported_at,
            scope_unit=unit,
            scope_year=year,
            public_key=key.export_public_key(),
            members=(),
            missing_evidence=(),
            purpose=PREFILL,
        )
        return PrefillExport(target, summary_of(manifest, aggregates))


def summary_of(manifest: Manifest, aggregates: Sequence[Aggregate]) -> PrefillSummary:
    """What a prefill package of ``manifest`` and ``aggregates`` holds, for the preview."""
    units = [a.content["path"] for a in aggregates if a.kind is Kind.UNIT]
    if manifest.scope_unit:
        office = manifest.scope_unit[-1]
    else:
        office = ", ".join(str(path[0]) for path in units if len(path) == 1) or "-"
    counts = tuple(
        (kind, count) for kind in _SHOWN if (count := sum(a.kind is kind for a in aggregates))
    )
    return PrefillSummary(manifest, office, counts)


def read_prefill(path: Path) -> PrefillSummary:
    """Read and check the prefill package at ``path`` whole, without a database.

    Raises:
        PackageRefusedError: the file fails a check, or is an ordinary hand-over package.
    """
    package = checked_package(path)
    if not package.manifest.is_prefill:
        raise _not_prefill(path)
    return summary_of(package.manifest, package.aggregates)


def start_from_prefill(handover: HandoverService, path: Path) -> ImportResult:
    """Fill a new, empty office from the prefill package at ``path``.

    Meant as the ``fill`` of ``services.platform.startup.create_office``: a new file holds
    nothing to go back to, so no safety backup is taken, and nothing can conflict.

    Raises:
        PackageRefusedError: the package fails a check or is not a prefill; nothing was written.
    """
    preview = handover.preview(path)
    if not preview.manifest.is_prefill:
        raise _not_prefill(path)
    return handover.apply(path, back_up=False, preview=preview)


def _not_prefill(path: Path) -> PackageRefusedError:
    return PackageRefusedError(
        f"Berkas '{path.name}' adalah paket serah terima, bukan paket isian awal Pemda. Minta "
        "paket isian awal ke Pemda, atau impor paket serah terima lewat Pengaturan setelah "
        "kantor dibuat."
    )
