"""A print chunk reads its SKPs' content, records, plans and journals a table at a time.

The number of statements a chunk's read takes stays the same however many people it holds,
and what each repository function answers from the chunk's rows is what it reads alone.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime

import pytest
from sql_statements import statements_of
from sqlalchemy.orm import Session

from kinerja_desktop.data.repositories import behaviour as behaviour_repo
from kinerja_desktop.data.repositories import distribution as distribution_repo
from kinerja_desktop.data.repositories import evaluation as evaluation_repo
from kinerja_desktop.data.repositories import plans as plans_repo
from kinerja_desktop.data.repositories import skp as skp_repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.demo import write_demo
from kinerja_desktop.reports.content import FormKind
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.printing import PreparedDocument, PrintRequest
from kinerja_desktop.services.printing.batch import plan_batch
from kinerja_desktop.services.printing.snapshot import Sources

TODAY = date(2026, 11, 28)
PEOPLE = 40


@pytest.fixture
def office(services: AppServices) -> AppServices:
    write_demo(services.database, employees=PEOPLE, today=TODAY)
    return services


def _requests(office: AppServices, *forms: FormKind) -> list[PrintRequest]:
    items = plan_batch(
        office.printing,
        office.staff,
        year=2026,
        printed_on=TODAY,
        forms=list(forms or (FormKind.EVALUASI,)),
        period_code="TW3",
    )
    return [item.request for item in items]


def _tables(statements: list[str]) -> Counter[str]:
    return Counter(
        found.group(1) for s in statements if (found := re.search(r"\bFROM (\w+)", s)) is not None
    )


#: What each form read for itself before: the SKP's content, the period's records and plans,
#: the journal, and around the person their unit's head and the organisation predikat.
PER_PERSON = (
    "rhks",
    "ikis",
    "skp_lampiran",
    "skp_expectations",
    "realisations",
    "evidence",
    "rhk_feedback",
    "rencana_aksi",
    "period_targets",
    "target_scales",
    "observations",
    "org_predikats",
    "external_officials",
)


def test_a_chunk_reads_as_many_statements_for_20_people_as_for_5(office: AppServices) -> None:
    requests = _requests(office)
    assert len(requests) >= 20
    office.printing.prepare_many(requests[:1])  # the key and the office's first reads
    counts: list[int] = []
    tables: list[Counter[str]] = []
    for size in (5, 20):
        with statements_of(office) as seen:
            built = office.printing.prepare_many(requests[:size])
        assert all(isinstance(document, PreparedDocument) for document in built)
        counts.append(len(seen))
        tables.append(_tables(seen))
    # Not one more for four times the people (a level of the people around the chunk that
    # it already holds, their penilai say, is not read at all: at times one fewer).
    assert counts[0] - 1 <= counts[1] <= counts[0], (tables[0], tables[1])
    # The SKP's content, the records and the plans: one statement per table for the chunk
    # (the RHK twice: the chunk's own and their parents' texts), each form read them before.
    for table in PER_PERSON:
        assert tables[1][table] == (2 if table == "rhks" else 1), table
    # Fewer than two statements a form for the whole chunk.
    assert counts[1] < 2 * 20


def test_the_forms_are_the_same_built_in_a_chunk_or_alone(office: AppServices) -> None:
    requests = _requests(office, FormKind.SKP, FormKind.EVALUASI, FormKind.DOKUMEN)
    # Everyone with an SKP (the demo leaves one or two without).
    assert len(requests) == 3 * len(office.printing.people(2026)) > 2 * PEOPLE
    together = []
    for start in range(0, len(requests), 16):
        together.extend(office.printing.prepare_many(requests[start : start + 16]))
    alone = [office.printing.prepare(request) for request in requests]
    for chunked, single in zip(together, alone, strict=True):
        assert isinstance(chunked, PreparedDocument)
        assert chunked.content == single.content  # the frozen dataclasses, field for field
        assert chunked.canonical == single.canonical


def test_every_repository_answer_from_a_chunk_is_the_read_alone(office: AppServices) -> None:
    with office.database.reading() as session:
        people = evaluation_repo.skp_holders(session, 2026)  # every SKP of the year
    assert len(people) > PEOPLE - 3
    # Bukti dukung on two indicators, the later one added first (they read oldest first).
    with office.database.transaction() as session:
        view = skp_repo.load(session, people[0].skp_id)
        ikis = [iki.id for rhk in view.rhks for iki in rhk.indicators][:2]
        for iki_id, hour in zip(ikis, (11, 9), strict=True):
            for minute in (30, 5):
                evaluation_repo.add_evidence(
                    session,
                    iki_id,
                    "TW3",
                    evaluation_repo.NewEvidence(
                        "NOTE", "Notulen", datetime(2026, 9, 1, hour, minute)
                    ),
                )
    # Half of the office in the chunk: the other half is read from the file, as before.
    half = {person.employee_id for person in people[: PEOPLE // 2]}
    chunk = [request for request in _requests(office) if request.employee_id in half]
    assert len(chunk) == PEOPLE // 2
    with office.database.reading() as chunked, office.database.reading() as alone:
        Sources(office.database, chunked).preload(chunk)
        with statements_of(office) as seen:
            from_chunk = _answers(chunked, people[: PEOPLE // 2])
        assert _answers(chunked, people) == _answers(alone, people)
    # The chunk's own people (but the journal outside the year) came from its rows.
    assert "rhks" not in _tables(seen)
    assert from_chunk == _answers_alone(office, people[: PEOPLE // 2])
    # Not empty answers: the demo's SKPs have content, realisations, plans and journals.
    per_person = [answer for answer in from_chunk[: len(half)] if isinstance(answer, tuple)]
    assert all(answer[1].rhks for answer in per_person)
    assert any(
        answer[3].realisations and answer[3].feedback and answer[3].evidence
        for answer in per_person
    )
    assert any(answer[5].rencana_aksi and answer[5].targets for answer in per_person)
    assert any(answer[7] for answer in per_person)


def _answers_alone(office: AppServices, people: list[evaluation_repo.SkpHolder]) -> list[object]:
    with office.database.reading() as session:
        return _answers(session, people)


def _answers(session: Session, people: list[evaluation_repo.SkpHolder]) -> list[object]:
    """What the repository functions a form calls answer for these people's SKPs."""
    found: list[object] = []
    for person in people:
        header = skp_repo.skp_for(session, person.employee_id, 2026)
        view = skp_repo.load(session, person.skp_id)
        rhk_ids = [rhk.id for rhk in view.rhks]
        iki_ids = [iki.id for rhk in view.rhks for iki in rhk.indicators]
        parents = {rhk.parent_rhk_id for rhk in view.rhks if rhk.parent_rhk_id is not None}
        found.append(
            (
                header,
                view,
                skp_repo.rhk_texts(session, parents),
                evaluation_repo.period_records(session, rhk_ids, iki_ids, "TW3"),
                evaluation_repo.period_records(session, rhk_ids, iki_ids, "TW1"),
                plans_repo.plans(session, rhk_ids, iki_ids),
                plans_repo.realisation_values(session, iki_ids, ["TW1", "TW2"]),
                behaviour_repo.observations(
                    session, person.employee_id, date(2026, 7, 1), date(2026, 9, 30)
                ),
                # Partly before the year the chunk read: from the file.
                behaviour_repo.observations(
                    session, person.employee_id, date(2025, 12, 1), date(2026, 3, 31)
                ),
            )
        )
    for unit in staff_repo.all_units(session):
        found.append(staff_repo.all_employees(session, active_only=True, unit_ids=[unit.id]))
        found.append(distribution_repo.org_predikat(session, unit.id, 2026, "TW3"))
    return found
