"""`check --terima-segel`: sign the audit log as it is now into its anchor (`<db>.segel`).

For a finding that has been dealt with: a file restored or copied back outside the app, or an
office folder copied from another installation. Accepting signs the current head, so a removed
or rewritten end of the log is no longer visible afterwards; when the anchor shows such a
finding the command therefore also needs ``--yakin``. It writes like the other writing commands:
through `services.startup.open_office` (the one-writer lock and the daily backup), as the system.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_INPUT = 2


def add_arguments(check: argparse.ArgumentParser) -> None:
    """The options ``check`` takes for accepting the log."""
    check.add_argument(
        "--terima-segel",
        action="store_true",
        help="tandatangani catatan audit yang ada sekarang ke berkas segel (<db>.segel), "
        "setelah temuannya ditangani",
    )
    check.add_argument(
        "--yakin",
        action="store_true",
        help="bersama --terima-segel: terima juga bila berkas segel mencatat temuan (temuan itu "
        "tidak terlihat lagi sesudahnya)",
    )


def accept(path: Path, *, confirmed: bool) -> int:
    """Accept the log of ``path``; print what was accepted, or why not.

    Raises:
        StorageError: the file cannot be used, is in use, or the anchor cannot be written.
    """
    from kinerja_desktop.domain.errors import StorageError
    from kinerja_desktop.services.startup import open_office

    if not path.exists():
        raise StorageError(f"Berkas basis data tidak ada: {path}")
    services = open_office(path, create=False)
    try:
        # The start re-signs an anchor of another installation and says so: worth printing.
        sys.stdout.writelines(f"{warning}\n" for warning in services.warnings)
        found = services.seals.anchor_check()
        if found.problem and not confirmed:
            sys.stderr.write(
                f"{found.message}\nBerkas segel tidak diubah. Menerima catatan audit "
                "menandatangani catatan yang ada sekarang, sehingga temuan ini tidak terlihat "
                "lagi sesudahnya. Bila sebabnya diketahui dan sudah ditangani, ulangi dengan "
                "--terima-segel --yakin.\n"
            )
            return EXIT_INPUT
        accepted = services.seals.accept_log()
    finally:
        services.close()
    sys.stdout.writelines(f"{line}\n" for line in accepted.lines)
    return EXIT_OK


def refuse_lone_confirmation() -> int:
    sys.stderr.write("--yakin hanya berlaku bersama --terima-segel.\n")
    return EXIT_INPUT
