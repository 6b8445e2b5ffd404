"""Evidence files in the office's store: the folder beside a file, a server's table.

The tests without a mark run on both engines (``KINERJA_TEST_DB=postgresql`` for the server);
the two-computer ones only on the server, where two installations open one database.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from raw_database import SERVER_DATABASES, raw_connect

from kinerja_desktop.domain.behaviour import ObservationSign
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.errors import NotFoundError
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.evaluation.journal import JournalFilter, JournalService
from kinerja_desktop.services.staff.service import StaffInput

TODAY = date(2026, 8, 10)
PROOF = b"%PDF-1.7 foto kegiatan pelayanan di loket"


@pytest.fixture
def person(services: AppServices) -> int:
    instansi = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    unit = services.staff.add_unit("Kecamatan Kertapati", instansi.id)
    return services.staff.create(
        StaffInput(
            StaffFields(
                "198103042006042011",
                "Siti Rahmawati",
                "PNS",
                "III/a",
                "Pengadministrasi",
                "Pelaksana",
            ),
            unit_id=unit.id,
            penilai_id=None,
            effective_date=date(2020, 1, 2),
        )
    ).id


def _record(journal: JournalService, person: int, file: Path) -> int:
    return journal.record(
        person,
        date(2026, 3, 2),
        BehaviourValue.BERORIENTASI_PELAYANAN,
        ObservationSign.POSITIF,
        "Melayani warga sampai loket tutup",
        evidence_file=file,
        today=TODAY,
    ).id


def _contents(db_path: Path) -> list[tuple[str, int, bytes]]:
    with raw_connect(db_path) as raw:
        rows = raw.execute("SELECT sha256, size, content FROM evidence_contents").fetchall()
    return [(sha, size, bytes(content)) for sha, size, content in rows]


def _proof(folder: Path, name: str = "Foto Loket.pdf", content: bytes = PROOF) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(content)
    return path


def test_a_file_lives_in_the_office_store_and_opens_whole(
    services: AppServices, person: int, db_path: Path, tmp_path: Path
) -> None:
    original = _proof(tmp_path / "unduhan")
    entry = _record(services.journal, person, original)
    original.unlink()

    opened = services.journal.evidence_path(entry)

    assert opened.read_bytes() == PROOF
    assert opened.is_relative_to(db_path.parent / "evidence")
    sha256 = hashlib.sha256(PROOF).hexdigest()
    if services.database.server:
        # Shared through the server: the bytes are in its table, whole, under their hash.
        assert _contents(db_path) == [(sha256, len(PROOF), PROOF)]
    else:
        # A file keeps no blobs: the folder beside it is the store.
        assert _contents(db_path) == []


def test_a_refused_entry_stores_no_content(
    services: AppServices, person: int, db_path: Path, tmp_path: Path
) -> None:
    original = _proof(tmp_path / "unduhan")

    with pytest.raises(NotFoundError):
        _record(services.journal, person + 1000, original)

    assert _contents(db_path) == []


def test_the_same_file_twice_is_stored_once(
    services: AppServices, person: int, db_path: Path, tmp_path: Path
) -> None:
    first = _record(services.journal, person, _proof(tmp_path / "a", "Foto.pdf"))
    second = _record(services.journal, person, _proof(tmp_path / "b", "Foto lagi.PDF"))

    assert services.journal.get(first).evidence_file == services.journal.get(second).evidence_file
    assert len(_contents(db_path)) == (1 if services.database.server else 0)


@pytest.fixture
def other_computer(db_path: Path, tmp_path: Path) -> Iterator[AppServices]:
    """A second installation on the same server database, with a data folder of its own."""
    url = SERVER_DATABASES[db_path]
    other = open_services(tmp_path / "komputer-lain" / "kantor.sqlite", server=url)
    yield other
    other.close()


@pytest.mark.postgresql_only(reason="two computers share a database only on a server")
def test_a_file_added_on_one_computer_opens_on_another(
    services: AppServices, other_computer: AppServices, person: int, tmp_path: Path
) -> None:
    entry = _record(services.journal, person, _proof(tmp_path / "unduhan"))
    here = services.journal.evidence_path(entry)
    assert not (tmp_path / "komputer-lain" / "evidence").exists()

    there = other_computer.journal.evidence_path(entry)

    assert there.read_bytes() == PROOF
    assert there.is_relative_to(tmp_path / "komputer-lain" / "evidence")
    assert there != here
    # Opened again from the cache, and fetched again once the cached copy was changed.
    there.write_bytes(b"diubah di komputer lain")
    assert other_computer.journal.evidence_path(entry).read_bytes() == PROOF


@pytest.mark.postgresql_only(reason="two computers write one database only on a server")
def test_two_computers_adding_the_same_file_at_once_both_succeed(
    services: AppServices,
    other_computer: AppServices,
    person: int,
    db_path: Path,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The second insert meets the first's uncommitted row; ``Database.run`` settles it."""
    caplog.set_level(logging.INFO, logger="kinerja_desktop.data.database")
    here, there = services.journal.evidence_store, other_computer.journal.evidence_store
    incoming = here.take(_proof(tmp_path / "unduhan"))
    added = threading.Event()
    release = threading.Event()
    results: list[str] = []

    def first(session: object) -> str:
        stored = here.add(session, incoming)  # type: ignore[arg-type]
        added.set()
        release.wait(timeout=30)
        return stored.sha256

    def run_first() -> None:
        results.append(services.database.run(first))

    worker = threading.Thread(target=run_first)
    worker.start()
    assert added.wait(timeout=30)
    second = threading.Thread(
        target=lambda: results.append(
            other_computer.database.run(lambda session: there.add(session, incoming).sha256)
        )
    )
    second.start()
    _wait_for_a_blocked_insert(db_path)
    release.set()
    worker.join(timeout=60)
    second.join(timeout=60)

    sha256 = hashlib.sha256(PROOF).hexdigest()
    assert results == [sha256, sha256]
    assert [row[0] for row in _contents(db_path)] == [sha256]
    # The second waited for the first and was refused once (a serialization failure), then
    # ran again and found the content there.
    assert "running it again" in caplog.text


def _wait_for_a_blocked_insert(db_path: Path) -> None:
    """Wait (30 s at most) until a session waits for another's lock: the second insert."""
    with raw_connect(db_path) as raw:
        for _ in range(300):
            if raw.execute("SELECT count(*) FROM pg_locks WHERE NOT granted").fetchone()[0]:
                return
            time.sleep(0.1)
    raise AssertionError("the second insert never waited for the first")


def _entries_with_files(services: AppServices) -> list[Path]:
    journal = services.journal
    found = journal.entries(JournalFilter())
    return [journal.evidence_path(entry.id) for entry in found if entry.evidence_file]


def test_a_package_carries_the_store_s_files_out(
    services: AppServices, person: int, tmp_path: Path
) -> None:
    """Exported from either store (a server's files come through this computer's cache)."""
    _record(services.journal, person, _proof(tmp_path / "unduhan"))
    if services.database.server:
        for cached in (services.database_path.parent / "evidence").rglob("*.pdf"):
            cached.unlink()  # read from the server's table, not from the adder's cache
    package = tmp_path / "paket.zip"

    result = services.handover.export(package)

    assert result.missing_evidence == ()
    elsewhere = open_services(tmp_path / "kantor-lain" / "kantor.sqlite")
    try:
        elsewhere.handover.apply(package, back_up=False)
        assert [path.read_bytes() for path in _entries_with_files(elsewhere)] == [PROOF]
    finally:
        elsewhere.close()


def test_a_package_s_files_go_into_the_store(
    services: AppServices, db_path: Path, tmp_path: Path
) -> None:
    """Imported into either store: on a server into its table, in the import's transaction."""
    elsewhere = open_services(tmp_path / "kantor-lain" / "kantor.sqlite")
    try:
        instansi = elsewhere.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
        person = elsewhere.staff.create(
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
        ).id
        _record(elsewhere.journal, person, _proof(tmp_path / "unduhan"))
        package = tmp_path / "paket.zip"
        elsewhere.handover.export(package)
    finally:
        elsewhere.close()

    result = services.handover.apply(package, back_up=False)

    assert result.files_copied == 1
    assert [path.read_bytes() for path in _entries_with_files(services)] == [PROOF]
    sha256 = hashlib.sha256(PROOF).hexdigest()
    assert [row[0] for row in _contents(db_path)] == ([sha256] if services.database.server else [])


@pytest.mark.postgresql_only(reason="two computers write one database only on a server")
def test_two_computers_adding_different_files_at_once_do_not_conflict(
    services: AppServices,
    other_computer: AppServices,
    db_path: Path,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Storing one content never reads a range another content's insert would fall in."""
    caplog.set_level(logging.INFO, logger="kinerja_desktop.data.database")
    here, there = services.journal.evidence_store, other_computer.journal.evidence_store
    first_file = here.take(_proof(tmp_path / "a", content=b"%PDF-1.7 berkas pertama"))
    second_file = there.take(_proof(tmp_path / "b", content=b"%PDF-1.7 berkas kedua"))
    earlier = here.take(_proof(tmp_path / "c", content=b"%PDF-1.7 berkas kemarin"))
    services.database.run(lambda session: here.add(session, earlier))
    added = threading.Event()
    release = threading.Event()

    def first(session: object) -> None:
        here.add(session, first_file)  # type: ignore[arg-type]
        added.set()
        release.wait(timeout=30)

    worker = threading.Thread(target=lambda: services.database.run(first))
    worker.start()
    assert added.wait(timeout=30)
    other_computer.database.run(lambda session: there.add(session, second_file))
    release.set()
    worker.join(timeout=60)

    assert len(_contents(db_path)) == 3
    assert "running it again" not in caplog.text
