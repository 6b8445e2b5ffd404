"""A batch reads a chunk of documents in one transaction and records them in one; whatever
was written is recorded, also when the batch is cancelled or a document cannot be built."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from kinerja_desktop.demo import write_demo
from kinerja_desktop.reports.content import FormKind
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.printing import PrintingService, PrintRequest
from kinerja_desktop.services.printing import batch as batch_module
from kinerja_desktop.services.printing.batch import BatchItem, plan_batch, run_batch

TODAY = date(2026, 11, 28)


@pytest.fixture
def office(services: AppServices) -> AppServices:
    write_demo(services.database, employees=10, today=TODAY)
    return services


def _recorded(office: AppServices) -> set[str]:
    with office.database.reading() as session:
        return set(session.scalars(text("SELECT code FROM printed_documents")))


def _items(office: AppServices) -> list[BatchItem]:
    return plan_batch(
        office.printing,
        office.staff,
        year=2026,
        printed_on=TODAY,
        forms=[FormKind.EVALUASI],
        period_code="TW3",
    )


def test_every_written_document_is_recorded_across_chunks(
    office: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch_module, "CHUNK", 3)
    items = _items(office)
    assert len(items) > 6
    result = run_batch(office.printing, items, tmp_path)
    assert len(result.written) == len(items) == len(result.codes)
    assert _recorded(office) == set(result.codes)
    for code in result.codes[:2] + result.codes[-2:]:
        assert office.printing.verify(code).matches


def test_a_document_that_cannot_be_built_is_skipped_and_the_chunk_goes_on(
    office: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch_module, "CHUNK", 4)
    items = _items(office)[:5]
    nobody = BatchItem(
        PrintRequest(FormKind.EVALUASI, 2026, TODAY, period_code="TW3", employee_id=999_999),
        "tidak-ada.pdf",
        "Tidak Ada",
    )
    result = run_batch(office.printing, [items[0], nobody, *items[1:]], tmp_path)
    assert len(result.written) == 5
    assert len(result.skipped) == 1 and result.skipped[0].startswith("Tidak Ada:")
    assert _recorded(office) == set(result.codes)


def test_a_cancel_inside_a_chunk_records_what_was_written(
    office: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch_module, "CHUNK", 8)
    printing = PrintingService(office.database, AccessGuard.system(office.database))
    calls: list[int] = []
    result = run_batch(
        printing,
        _items(office),
        tmp_path,
        cancelled=lambda: len(calls) >= 3,
        progress=lambda done, _total, _label: calls.append(done),
    )
    assert result.cancelled
    assert len(result.written) == 3
    assert _recorded(office) == set(result.codes)


def test_a_failure_while_writing_still_records_the_documents_written_before(
    office: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printing = PrintingService(office.database, AccessGuard.system(office.database))
    real_render = printing.render
    rendered: list[str] = []

    def failing_render(prepared, *args, **kwargs):  # type: ignore[no-untyped-def]
        if len(rendered) == 2:
            raise OSError("disk full")
        rendered.append(prepared.code)
        return real_render(prepared, *args, **kwargs)

    monkeypatch.setattr(printing, "render", failing_render)
    with pytest.raises(OSError):
        run_batch(printing, _items(office), tmp_path)
    assert _recorded(office) == set(rendered)
