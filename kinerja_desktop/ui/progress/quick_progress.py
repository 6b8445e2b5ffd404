"""Ctrl+H from anywhere: today's daily progress entry, in a few keystrokes.

The entry is for the person the page in front shows when the account may write their log (a
penilai typing for staff without a computer), else for the signed-in person themselves; the day
is today. The dialog is the Progres Harian entry dialog: digit for the RHK, times, what was
done, Enter saves.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtWidgets import QWidget

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services.progress.service import ProgressService
from kinerja_desktop.ui.progress.entry_dialog import EntryDialog

#: The window-wide key (listed in the Pegawai menu and on the Progres Harian page).
SHORTCUT = "Ctrl+H"

NOBODY = (
    "Progres harian baru (Ctrl+H): akun ini tidak terhubung ke pegawai, dan tidak ada pegawai "
    "yang progresnya boleh Anda isi di halaman ini. Pilih pegawai dulu, mis. di Pegawai."
)


def open_daily_entry(
    progress: ProgressService,
    people: Iterable[int | None],
    today: date,
    parent: QWidget | None = None,
) -> EntryDialog | str:
    """Open today's entry for the first of ``people`` whose log the account may write.

    Args:
        progress: The daily log's service.
        people: Candidates in order: the person in front, then the signed-in person (None
            skipped).
        today: The day prefilled.
        parent: The window the dialog is modal to.

    Returns:
        The dialog, opened window-modal; or why none opened, in Indonesian.
    """
    for employee_id in people:
        if employee_id is None:
            continue
        try:
            week = progress.week(employee_id, today)
        except DomainError:
            continue  # not someone the account may see: try the next candidate
        if not week.may_write:
            continue
        dialog = EntryDialog(progress, employee_id, week.rhks, today, parent)
        dialog.setWindowTitle(f"Progres harian baru — {week.employee_name}")
        dialog.open()
        return dialog
    return NOBODY
