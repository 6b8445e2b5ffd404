"""The e-Kinerja re-entry workbook: columns in the order of the data file, rows from the records."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.handover.ekinerja import sheet_specs


def _sheets(path: Path) -> dict[str, list[tuple[object, ...]]]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook}
    finally:
        workbook.close()


def test_the_workbook_follows_the_column_list(source: AppServices, tmp_path: Path) -> None:
    target = tmp_path / "ekinerja.xlsx"
    rows = source.handover.export_ekinerja(target, year=2026)
    sheets = _sheets(target)

    specs = sheet_specs()
    assert list(sheets) == [spec.name for spec in specs] == ["SKP", "Realisasi", "Evaluasi"]
    for spec in specs:
        assert list(sheets[spec.name][0]) == [heading for _, heading, _ in spec.columns]
    assert rows == sum(len(body) - 1 for body in sheets.values())
    skp_header, *skp_rows = sheets["SKP"]
    first = dict(zip(skp_header, skp_rows[0], strict=True))
    assert first["NIP"] and len(str(first["NIP"])) == 18
    assert first["Jenis RHK"] in {"Utama", "Tambahan"}
    assert first["Indikator Kinerja Individu"]
    served = [dict(zip(skp_header, row, strict=True)) for row in skp_rows]
    assert any(row["RHK Atasan yang Diintervensi"] for row in served)
    evaluation_header, *evaluations = sheets["Evaluasi"]
    decided = [dict(zip(evaluation_header, row, strict=True)) for row in evaluations]
    assert decided and all(row["Predikat Kinerja"] or row["Rating Hasil Kerja"] for row in decided)
    assert any("Triwulan" in str(row["Periode"]) for row in decided)


def test_a_unit_workbook_holds_only_its_people(source: AppServices, tmp_path: Path) -> None:
    whole, unit = tmp_path / "semua.xlsx", tmp_path / "unit.xlsx"
    source.handover.export_ekinerja(whole, year=2026)
    path = source.handover.find_unit("Seksi Pemerintahan")
    source.handover.export_ekinerja(unit, unit=path, year=2026)
    assert 1 < len(_sheets(unit)["Evaluasi"]) < len(_sheets(whole)["Evaluasi"])


def test_an_unknown_unit_is_refused(source: AppServices, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="tidak ditemukan"):
        source.handover.export_ekinerja(tmp_path / "x.xlsx", unit=("Tidak", "Ada"))
    assert not (tmp_path / "x.xlsx").exists()
