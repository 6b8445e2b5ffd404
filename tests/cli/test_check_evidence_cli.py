"""``check`` looks at evidence files: the folder beside a file, the table of a server."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from raw_database import SERVER_DATABASES, raw_connect
from sqlalchemy import URL

from kinerja_desktop.cli import main
from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_OK, EXIT_STORAGE
from kinerja_desktop.domain.behaviour import ObservationSign
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.staff.service import StaffInput

PROOF = b"%PDF-1.7 notulen rapat evaluasi pelayanan"


def _office_with_a_file(services: AppServices, tmp_path: Path) -> str:
    """One person with one journal entry carrying a file; returns the copy's stored name."""
    instansi = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    person = services.staff.create(
        StaffInput(
            StaffFields(
                "198103042006042011",
                "Siti Rahmawati",
                "PNS",
                "III/a",
                "Pengadministrasi",
                "Pelaksana",
            ),
            unit_id=instansi.id,
            penilai_id=None,
            effective_date=date(2020, 1, 2),
        )
    )
    original = tmp_path / "unduhan" / "Notulen Rapat.pdf"
    original.parent.mkdir(exist_ok=True)
    original.write_bytes(PROOF)
    entry = services.journal.record(
        person.id,
        date(2026, 3, 2),
        BehaviourValue.AKUNTABEL,
        ObservationSign.POSITIF,
        "Notulen rapat dikirim tepat waktu",
        evidence_file=original,
        today=date(2026, 8, 10),
    )
    return entry.evidence_file


@pytest.mark.sqlite_only(reason="the folder beside a SQLite file is its evidence store")
def test_check_finds_a_changed_evidence_file_beside_the_file(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = open_services(db_path)
    try:
        stored = _office_with_a_file(services, tmp_path)
    finally:
        services.close()

    assert main(["check", "--db", str(db_path)]) == EXIT_OK
    assert "Bukti dukung: 1 berkas utuh (41 byte)" in capsys.readouterr().out

    (db_path.parent / "evidence" / stored).write_bytes(b"diganti di luar aplikasi")

    assert main(["check", "--db", str(db_path)]) == EXIT_STORAGE
    out = capsys.readouterr().out
    assert "Bukti dukung: 1 dari 1 berkas hilang atau berubah" in out
    assert f"{stored}: tidak ada atau isinya berubah" in out


def _cli_url(url: URL) -> str:
    return f"postgresql://{url.username}@/{url.database}?host={url.query['host']}"


def test_check_on_a_server_finds_a_changed_blob_in_its_table(
    server_url: URL,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stand_in = tmp_path / "komputer" / "kantor.sqlite"
    monkeypatch.setitem(SERVER_DATABASES, stand_in, server_url)
    services = open_services(stand_in, server=server_url)
    try:
        stored = _office_with_a_file(services, tmp_path)
    finally:
        services.close()

    assert main(["check", "--db", _cli_url(server_url)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Catatan audit:" in out
    assert "Bukti dukung: 1 berkas utuh (41 byte) di basis data server" in out

    with raw_connect(stand_in) as raw:
        raw.execute("UPDATE evidence_contents SET content = ?", (b"diganti langsung di server",))

    assert main(["check", "--db", _cli_url(server_url)]) == EXIT_STORAGE
    out = capsys.readouterr().out
    assert "Bukti dukung: 1 dari 1 berkas hilang atau berubah di basis data server" in out
    assert f"{stored}: isinya berubah" in out


def test_accepting_the_log_is_refused_on_a_server(
    server_url: URL, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--terima-segel", "--db", _cli_url(server_url)]) == EXIT_INPUT

    assert "tidak punya berkas segel" in capsys.readouterr().err
