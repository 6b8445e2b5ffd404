"""Recap workbooks shaped like e-Kinerja's admin export, written with openpyxl for the tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

HEADER = (
    "id",
    "nip",
    "nama",
    "is_plt_plh",
    "periode_akhir",
    "skp_unor_induk",
    "skp_status",
    "hasil_akhir",
)


def write_recap(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    header_at: int = 4,
    header: Sequence[str] = HEADER,
) -> Path:
    """A recap: a title, an "Instansi ..." row, a blank row, the header at ``header_at``.

    Each of ``rows`` is (nip, nama, is_plt_plh, periode_akhir, hasil_akhir); the other columns
    are filled the way e-Kinerja fills them.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.cell(row=1, column=1, value="REKAP PENILAIAN KINERJA PEGAWAI TAHUN 2026")
    sheet.cell(row=2, column=1, value="Instansi Pemerintah Kota Palembang")
    for column, heading in enumerate(header, start=1):
        sheet.cell(row=header_at, column=column, value=heading)
    for number, (nip, name, acting, end, result) in enumerate(rows, start=1):
        values = (number, nip, name, acting, end, "Kecamatan Kertapati", "Disetujui", result)
        for column, value in enumerate(values, start=1):
            sheet.cell(row=header_at + number, column=column, value=value)
    workbook.save(path)
    workbook.close()
    return path
