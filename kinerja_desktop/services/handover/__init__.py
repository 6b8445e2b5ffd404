"""Hand-over packages: one signed file carries a unit's records to another installation."""

from kinerja_desktop.services.handover.package import Manifest, PackageRefusedError
from kinerja_desktop.services.handover.service import (
    ExportResult,
    HandoverService,
    ImportPreview,
    ImportResult,
    PackageOutOfOrderError,
    UnresolvedConflictsError,
    default_key_folder,
)

__all__ = [
    "ExportResult",
    "HandoverService",
    "ImportPreview",
    "ImportResult",
    "Manifest",
    "PackageOutOfOrderError",
    "PackageRefusedError",
    "UnresolvedConflictsError",
    "default_key_folder",
]
