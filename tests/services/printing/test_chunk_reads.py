"""A print chunk reads its people, their SKPs and the unit tree once, not form by form."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sql_statements import statements_of

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.reports.content import FormKind
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.printing import PreparedDocument, PrintRequest
from kinerja_desktop.services.printing.batch import plan_batch

TODAY = date(2026, 11, 28)


@pytest.fixture
def office(services: AppServices) -> AppServices:
    write_demo(services.database, employees=40, today=TODAY)
    return services


def _requests(
    office: AppServices, forms: tuple[FormKind, ...] = (FormKind.EVALUASI,)
) -> list[PrintRequest]:
    items = plan_batch(
        office.printing,
        office.staff,
        year=2026,
        printed_on=TODAY,
        forms=list(forms),
        period_code="TW3",
    )
    return [item.request for item in items]


def _by_id(statements: list[str], table: str) -> int:
    """Statements that load one whole row of ``table`` by its primary key."""
    pattern = re.compile(rf"^SELECT {table}\.id, .* FROM {table} WHERE {table}\.id = \?$")
    return sum(bool(pattern.search(s)) for s in statements)


def test_a_chunk_looks_its_people_skps_and_units_up_once(office: AppServices) -> None:
    requests = _requests(office)[:16]
    assert len(requests) == 16
    office.printing.prepare_many(requests[:1])  # the key and the office's first reads
    with statements_of(office) as seen:
        built = office.printing.prepare_many(requests)
    assert all(isinstance(document, PreparedDocument) for document in built)
    # Per form, the services ask for the person, the SKP and each unit up to the instansi
    # several times; after the chunk's preload none of them goes to the file again.
    assert _by_id(seen, "skps") == 0
    assert _by_id(seen, "units") == 0
    # Only appraisers and unit heads outside the chunk are read one by one (each once).
    assert _by_id(seen, "employees") < len(requests) // 2


def test_the_lookups_do_not_grow_with_the_chunk(office: AppServices) -> None:
    requests = _requests(office)
    office.printing.prepare_many(requests[:1])
    counts = []
    for size in (4, 16):
        with statements_of(office) as seen:
            office.printing.prepare_many(requests[:size])
        counts.append(sum(_by_id(seen, table) for table in ("skps", "units")))
    assert counts == [0, 0]


def test_the_same_content_with_and_without_the_preload(office: AppServices) -> None:
    requests = _requests(office)[:6]
    together = office.printing.prepare_many(requests)
    alone = [office.printing.prepare(request) for request in requests]
    assert [d.digest for d in together if isinstance(d, PreparedDocument)] == [
        d.digest for d in alone
    ]


PERIOD_TABLES = (
    "result_ratings",
    "evaluation_notes",
    "evaluation_seals",
    "behaviour_ratings",
    "behaviour_feedback",
    "predikat_decisions",
    "dialogues",
    # what the periods and who signs are worked out from
    "employment_events",
    "appraisal_years",
    "acting_assignments",
)


def _period_reads(statements: list[str]) -> int:
    """Statements that read a table of a form's per-person inputs (ratings, seals, ...)."""
    pattern = re.compile(rf"FROM ({'|'.join(PERIOD_TABLES)})\b")
    return sum(bool(pattern.search(s)) for s in statements)


def test_the_period_inputs_are_read_once_per_chunk(office: AppServices) -> None:
    requests = _requests(office)
    office.printing.prepare_many(requests[:1])
    counts = []
    for size in (4, 16):
        with statements_of(office) as seen:
            office.printing.prepare_many(requests[:size])
        counts.append(_period_reads(seen))
    # One statement per table for the whole chunk (two for the acting assignments: as the
    # signers and as the appraisers read them), whether it holds 4 forms or 16; each form
    # read them one by one before (and the evaluation and behaviour views each their own).
    assert counts == [len(PERIOD_TABLES) + 1, len(PERIOD_TABLES) + 1]


def test_every_form_of_the_office_is_the_same_read_as_a_chunk_or_alone(
    office: AppServices,
) -> None:
    # Some evaluations signed, so that the seal (and who signs, as recorded) is read too.
    signed = 0
    skp_of = {person.employee_id: person.skp_id for person in office.evaluation.people(2026)}
    for request in _requests(office)[:12]:
        assert request.employee_id is not None
        skp_id = skp_of[request.employee_id]
        try:
            office.seals.sign_evaluation(skp_id, "TW3", TODAY, today=TODAY)
        except DomainError:
            continue  # no predikat yet: stays open
        signed += 1
    assert signed > 0
    requests = _requests(office, (FormKind.EVALUASI, FormKind.DOKUMEN))
    together = office.printing.prepare_many(requests)
    alone = [_prepared_alone(office, request) for request in requests]
    assert len(together) == len(alone) > 40
    assert [_text(d) for d in together] == [_text(d) for d in alone]


def _prepared_alone(office: AppServices, request: PrintRequest) -> PreparedDocument | DomainError:
    try:
        return office.printing.prepare(request)
    except DomainError as error:
        return error


def _text(document: PreparedDocument | DomainError) -> str:
    """The content as signed (canonical JSON), or the refusal's message."""
    return document.canonical if isinstance(document, PreparedDocument) else str(document)
