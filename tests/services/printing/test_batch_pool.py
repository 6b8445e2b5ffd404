"""A batch printed by worker processes: the same files, records and messages as in one process;
a cancel stops it leaving only whole, recorded files."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from kinerja_desktop.demo import write_demo
from kinerja_desktop.reports.content import FormKind
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.printing import PrintRequest, batch_pool
from kinerja_desktop.services.printing.batch import BatchItem, plan_batch, run_batch
from kinerja_desktop.services.printing.pdf_files import FileWriteError

TODAY = date(2026, 11, 28)


@pytest.fixture
def office(services: AppServices, monkeypatch: pytest.MonkeyPatch) -> AppServices:
    write_demo(services.database, employees=10, today=TODAY)
    # Small chunks and no minimum, so a small office goes through the pool in several chunks.
    monkeypatch.setattr(batch_pool, "POOL_MIN", 1)
    monkeypatch.setattr(batch_pool, "CHUNK_SIZE", 3)
    return services


def _items(office: AppServices) -> list[BatchItem]:
    return plan_batch(
        office.printing,
        office.staff,
        year=2026,
        printed_on=TODAY,
        forms=[FormKind.EVALUASI, FormKind.DOKUMEN],
        period_code="TW3",
    )


def _recorded(office: AppServices) -> dict[str, tuple[int, str, str]]:
    """code -> (employee, form, digest) of every printed document."""
    with office.database.reading() as session:
        rows = session.execute(
            text("SELECT code, employee_id, form, digest FROM printed_documents")
        )
        return {code: (employee, form, digest) for code, employee, form, digest in rows}


def test_a_pooled_batch_writes_and_records_what_one_process_does(
    office: AppServices, tmp_path: Path
) -> None:
    items = _items(office)
    assert len(items) > 3 * 3
    alone = run_batch(office.printing, items, tmp_path / "satu")
    before = _recorded(office)
    pooled = run_batch(office.printing, items, tmp_path / "banyak", workers=2)
    assert [p.name for p in pooled.written] == [p.name for p in alone.written]
    assert pooled.skipped == alone.skipped
    after = _recorded(office)
    new = {code: after[code] for code in pooled.codes}
    assert set(after) == set(before) | set(pooled.codes)
    # The same content sealed for the same person and form: the digests do not change.
    assert sorted(new.values()) == sorted(before[code] for code in alone.codes)
    for path in pooled.written:
        assert len(PdfReader(path).pages) >= 1
    for code in (pooled.codes[0], pooled.codes[-1]):
        assert office.printing.verify(code).matches


def test_a_document_that_cannot_be_printed_is_skipped_with_the_same_reason(
    office: AppServices, tmp_path: Path
) -> None:
    nobody = BatchItem(
        PrintRequest(FormKind.EVALUASI, 2026, TODAY, period_code="TW3", employee_id=999_999),
        "tidak-ada.pdf",
        "Tidak Ada",
    )
    items = [nobody, *_items(office)[:8]]
    alone = run_batch(office.printing, items, tmp_path / "satu")
    pooled = run_batch(office.printing, items, tmp_path / "banyak", workers=2)
    assert pooled.skipped == alone.skipped and len(pooled.skipped) == 1
    assert pooled.skipped[0].startswith("Tidak Ada: ")
    assert len(pooled.written) == 8


def test_a_cancel_stops_the_workers_and_leaves_only_whole_recorded_files(
    office: AppServices, tmp_path: Path
) -> None:
    items = _items(office)
    stop = threading.Event()
    seen: list[int] = []

    def progress(done: int, _total: int, _label: str) -> None:
        seen.append(done)
        if done >= 2:
            stop.set()

    out = tmp_path / "batal"
    result = run_batch(
        office.printing, items, out, workers=2, progress=progress, cancelled=stop.is_set
    )
    assert result.cancelled
    assert 2 <= len(result.written) < len(items)
    # Every file there is a whole PDF that was recorded; no temporary file is left.
    files = sorted(out.iterdir())
    assert files == sorted(result.written)
    assert set(_recorded(office)) == set(result.codes)
    for path in files:
        assert len(PdfReader(path).pages) >= 1


def test_a_file_that_cannot_be_written_stops_the_batch_and_names_it(
    office: AppServices, tmp_path: Path
) -> None:
    items = _items(office)
    out = tmp_path / "penuh"
    out.mkdir()
    # A folder where the fourth document's file should go: it cannot be written.
    (out / items[3].file_name).mkdir()
    with pytest.raises(FileWriteError) as pooled:
        run_batch(office.printing, items, out, workers=2)
    assert items[3].file_name in pooled.value.message
    recorded = set(_recorded(office))
    written = {p for p in out.iterdir() if p.is_file()}
    # What was written is recorded: as many codes as files, none for the failed one.
    assert len(written) == len(recorded)
