"""The first start from the Pemda's prefill package: chosen, previewed, made into the office."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.periods import EvaluationScheme
from kinerja_desktop.services.app_services import open_services
from kinerja_desktop.services.hub.prefill import PrefillService
from kinerja_desktop.ui import application
from kinerja_desktop.ui.first_start import FirstStartDialog

TODAY = date(2026, 11, 28)
NOW = datetime(2026, 11, 28, 9, 0, tzinfo=timezone(timedelta(hours=7)))
KECAMATAN = ("Pemerintah Kota Palembang", "Kecamatan Kertapati")


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The kecamatan's prefill package and its ordinary hand-over package, from a demo hub."""
    folder = tmp_path_factory.mktemp("pemda")
    hub = open_services(folder / "pemda.sqlite", today=lambda: TODAY)
    try:
        write_demo(hub.database, today=TODAY)
        prefill = folder / "isian-awal.zip"
        PrefillService(hub.database, folder / "kunci", hub.access).export(
            prefill, year=2026, unit=KECAMATAN, now=NOW
        )
        ordinary = folder / "serah-terima.zip"
        hub.handover.export(ordinary, unit=KECAMATAN, year=2026, now=NOW)
    finally:
        hub.close()
    return prefill, ordinary


def test_the_chosen_package_is_previewed_before_anything_is_made(
    qtbot, packages: tuple[Path, Path]
) -> None:
    prefill, _ = packages
    dialog = FirstStartDialog()
    qtbot.addWidget(dialog)
    assert not dialog.choose.isEnabled()
    dialog.prefill.setChecked(True)
    assert dialog.choose.isEnabled() and not dialog.instansi.isEnabled()
    dialog._accept()  # no file chosen yet
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "Pilih berkas paket isian awal" in dialog.package_error.text()

    dialog.choose_package(prefill)
    text = dialog.preview.text()
    assert "Kantor: Kecamatan Kertapati" in text
    assert "Cakupan: Pemerintah Kota Palembang / Kecamatan Kertapati, tahun 2026" in text
    assert "Pegawai 25" in text and "Tahun penilaian 1" in text
    assert "Sidik kunci penanda tangan: " in text
    assert dialog.package_error.isHidden()
    dialog._accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.prefill_path == prefill


def test_an_ordinary_or_damaged_package_is_refused_with_the_reason(
    qtbot, packages: tuple[Path, Path], tmp_path: Path
) -> None:
    prefill, ordinary = packages
    dialog = FirstStartDialog()
    qtbot.addWidget(dialog)
    dialog.prefill.setChecked(True)
    dialog.choose_package(ordinary)
    assert "bukan paket isian awal Pemda" in dialog.package_error.text()
    assert dialog.preview.isHidden() and dialog.prefill_path is None
    cut = tmp_path / "terpotong.zip"
    cut.write_bytes(prefill.read_bytes()[:-200])
    dialog.choose_package(cut)
    assert "rusak atau terpotong" in dialog.package_error.text()
    dialog._accept()
    assert dialog.result() != dialog.DialogCode.Accepted


def test_the_office_is_made_from_the_package_and_is_usable(
    qapp, packages: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prefill, _ = packages

    def accept(dialog: FirstStartDialog) -> int:
        dialog.prefill.setChecked(True)
        dialog.choose_package(prefill)
        return 1

    monkeypatch.setattr(FirstStartDialog, "exec", accept)
    path = tmp_path / "kantor" / "kinerja.sqlite"
    path.parent.mkdir()
    path.write_bytes(b"")  # an empty file, as a first start may find
    services = application.open_with_recovery(path)
    assert services is not None
    try:
        assert services.database_path == path
        people = services.staff.search_people("", 100)
        assert len(people) == 24
        kasi = next(p for p in people if p.jabatan.startswith("Kepala Seksi Pemerintahan"))
        staff = services.staff.subordinates(kasi.id)
        assert staff and all(services.staff.appraisers(p.id, TODAY).penilai == kasi for p in staff)
        camat = next(p for p in people if p.jabatan.startswith("Camat"))
        assert services.staff.appraisers(camat.id, TODAY).penilai_official is not None
        unit = next(u for u in services.staff.units() if u.name == "Kecamatan Kertapati")
        assert services.staff.scheme_for(unit.id, 2026) is EvaluationScheme.TRIWULAN
        assert services.evaluation.years() == []
    finally:
        services.close()
    # A new file: no safety backup was taken.
    assert not [found for found in path.parent.rglob("*sebelum-impor*")]


def test_a_package_that_cannot_be_imported_leaves_no_office_and_asks_again(
    qapp, packages: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prefill, _ = packages
    copy = tmp_path / "isian-awal.zip"
    copy.write_bytes(prefill.read_bytes())
    answers = iter([True, False])

    def accept(dialog: FirstStartDialog) -> int:
        if not next(answers):
            return 0  # the second time: "Keluar"
        dialog.prefill.setChecked(True)
        dialog.choose_package(copy)
        copy.write_bytes(b"bukan zip")  # changed after it was checked
        return 1

    warnings: list[str] = []
    monkeypatch.setattr(FirstStartDialog, "exec", accept)
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    path = tmp_path / "baru.sqlite"
    assert application.open_with_recovery(path) is None
    assert "Belum ada kantor yang dibuat" in warnings[0]
    assert not path.exists()


def test_a_prefill_into_an_existing_office_is_previewed_as_a_merge_of_the_register(
    qtbot, packages: tuple[Path, Path], tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QLabel

    from kinerja_desktop.ui.handover.dialog import HandoverPreviewDialog

    prefill, _ = packages
    office = tmp_path / "kantor.sqlite"
    office.write_bytes((prefill.parent / "pemda.sqlite").read_bytes())
    services = open_services(office, create=False, today=lambda: TODAY)
    try:
        dialog = HandoverPreviewDialog(services.handover.preview(prefill))
        qtbot.addWidget(dialog)
        texts = [label.text() for label in dialog.findChildren(QLabel)]
        assert any(
            text.startswith("Paket isian awal Pemda dari <b>pemda.sqlite</b>") for text in texts
        )
        assert dialog.counts.rowCount() > 0
    finally:
        services.close()
