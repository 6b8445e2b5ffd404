from __future__ import annotations

from pathlib import Path

from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.ui.staff.import_dialog import ImportDialog

HEADER = (
    "NIP,Nama,Gelar Depan,Gelar Belakang,Status,Golongan,Jabatan,Jenis Jabatan,Unit Kerja,"
    "NIP Penilai"
)


def _write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "pegawai.csv"
    path.write_text("\n".join((HEADER, *rows)) + "\n", encoding="utf-8")
    return path


def test_preview_shows_a_bad_row_and_writes_nothing(
    services: AppServices, qtbot, tmp_path: Path
) -> None:
    path = _write(
        tmp_path,
        "197805122003121002,Ahmad Fauzi,,M.Si.,PNS,IV/a,Camat,Administrator,Kecamatan Kertapati,",
        "198103042006042011,Siti Rahmawati,,S.E.,PNS,III/z,Sekcam,Pengawas,Kecamatan Kertapati,"
        "197805122003121002",
    )
    dialog = ImportDialog(services.importer, path)
    qtbot.addWidget(dialog)
    assert dialog.load()
    assert dialog.table.rowCount() == 2
    bad = [dialog.table.item(1, column).text() for column in range(5)]
    assert bad[:4] == ["3", "198103042006042011", "Siti Rahmawati", "Tidak valid"]
    assert bad[4].startswith("Golongan:")
    assert dialog.table.item(0, 3).text() == "Baru"
    assert "1 baris valid, 1 baris tidak valid." in dialog.summary.text()
    assert "Pengodean berkas: UTF-8." in dialog.summary.text()
    assert not dialog.import_all.isEnabled()
    assert dialog.import_valid.isEnabled()
    assert services.staff.count() == 0  # the preview wrote nothing


def test_import_valid_rows_only_then_the_list_has_them(
    services: AppServices, qtbot, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    path = _write(
        tmp_path,
        "197805122003121002,Ahmad Fauzi,,M.Si.,PNS,IV/a,Camat,Administrator,Kecamatan Kertapati,",
        "123,Salah,,,PNS,III/a,Staf,Pelaksana,Kecamatan Kertapati,",
    )
    dialog = ImportDialog(services.importer, path)
    qtbot.addWidget(dialog)
    assert dialog.load()
    dialog.import_valid.click()
    assert dialog.imported
    assert [e.name for e in services.staff.search_people("")] == ["Ahmad Fauzi"]


def test_a_file_with_missing_columns_cannot_be_imported(
    services: AppServices, qtbot, tmp_path: Path
) -> None:
    path = tmp_path / "salah.csv"
    path.write_text("NIP,Nama\n197805122003121002,Ahmad\n", encoding="utf-8")
    dialog = ImportDialog(services.importer, path)
    qtbot.addWidget(dialog)
    assert dialog.load()
    assert "Status" in dialog.summary.text()
    assert not dialog.import_all.isEnabled()
    assert not dialog.import_valid.isEnabled()


def test_impor_uses_the_previews_checks_and_closing_drops_them(
    services: AppServices, qtbot, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from kinerja_desktop.services.staff.importing import service as import_service

    parsed: list[str] = []
    parse = import_service.parse_file
    monkeypatch.setattr(
        import_service, "parse_file", lambda table: parsed.append(table.name) or parse(table)
    )
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    path = _write(
        tmp_path,
        "197805122003121002,Ahmad Fauzi,,M.Si.,PNS,IV/a,Camat,Administrator,Kecamatan Kertapati,",
    )
    cancelled = ImportDialog(services.importer, path)
    qtbot.addWidget(cancelled)
    assert cancelled.load()
    cancelled.cancel.click()  # closing forgets the preview's checks...
    dialog = ImportDialog(services.importer, path)
    qtbot.addWidget(dialog)
    assert dialog.load()
    dialog.import_all.click()  # ... while Impor takes them from its own preview

    assert parsed == ["pegawai.csv", "pegawai.csv"]
    assert dialog.imported
    assert [e.name for e in services.staff.search_people("")] == ["Ahmad Fauzi"]
