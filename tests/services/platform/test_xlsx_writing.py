"""Workbooks the app writes: owner-only, whole or not at all, text never a formula."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

import openpyxl
import pytest

from kinerja_desktop.services.platform.xlsx_writing import put_cell, save_workbook

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@posix_only
def test_a_saved_workbook_is_owner_only_even_over_a_readable_file(tmp_path: Path) -> None:
    target = tmp_path / "rekap.xlsx"
    target.write_bytes(b"lama")
    target.chmod(0o644)
    workbook = openpyxl.Workbook()
    put_cell(workbook.active, 1, 1, "isi")
    save_workbook(workbook, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["rekap.xlsx"]  # no temporary left


def test_formula_looking_text_is_written_as_text(tmp_path: Path) -> None:
    target = tmp_path / "rumus.xlsx"
    workbook = openpyxl.Workbook()
    put_cell(workbook.active, 1, 1, '=HYPERLINK("http://x","klik")')
    save_workbook(workbook, target)
    cell = openpyxl.load_workbook(target).active.cell(1, 1)
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://x","klik")'


class _FailingWorkbook:
    """Writes the start of a workbook, then fails as a bad value would inside openpyxl."""

    def save(self, stream: BinaryIO) -> None:
        stream.write(b"PK\x03\x04")
        raise ValueError("nilai tidak dapat ditulis")


def test_a_failed_save_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "rekap.xlsx"
    target.write_bytes(b"lama")
    with pytest.raises(ValueError, match="nilai"):
        save_workbook(_FailingWorkbook(), target)
    assert target.read_bytes() == b"lama"
    assert [p.name for p in tmp_path.iterdir()] == ["rekap.xlsx"]
