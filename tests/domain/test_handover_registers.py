"""The supervision registers as aggregates: keys that survive follow-up, scope, references."""

from __future__ import annotations

import json
from typing import Any

import pytest
from test_handover_records import person, tables, unit

from kinerja_desktop.domain.handover_records import Kind, Scope, build_aggregates

UNITS = [
    unit(1, "Kota", None, "INSTANSI"),
    unit(2, "Kecamatan", 1),
    unit(3, "Pelayanan", 2, "SUB_UNIT"),
    unit(4, "Umum", 2, "SUB_UNIT"),
]
PEOPLE = [person(10, "1" * 18, 2, None), person(11, "2" * 18, 3, 10), person(12, "3" * 18, 4, 10)]


def feedback(id_: int, **changed: Any) -> dict[str, Any]:
    row = {
        "id": id_,
        "kind": "PENGADUAN",
        "channel": "LANGSUNG",
        "ticket": "",
        "received_on": "2026-03-02",
        "unit_id": 3,
        "employee_id": 11,
        "category": "",
        "reporter": "Warga",
        "text": "Antrean lama.",
        "status": "DITERIMA",
        "respond_by": None,
        "resolve_by": None,
        "verified_on": None,
        "follow_up_on": None,
        "closed_on": None,
        "resolution": "",
        "observation_id": None,
        "survey_id": None,
        "recorded_at": "2026-03-02 08:00:00",
    }
    return row | changed


def finding(id_: int, **changed: Any) -> dict[str, Any]:
    row = {
        "id": id_,
        "source": "INSPEKTORAT",
        "reference": "LHP-1",
        "found_on": "2025-10-01",
        "title": "Kas kecil",
        "condition": "Tanpa kuitansi.",
        "criterion": "",
        "cause": "",
        "recommendation": "Lengkapi.",
        "unit_id": None,
        "employee_id": 11,
        "due_on": "2025-12-01",
        "status": "BELUM",
        "closed_on": None,
        "status_note": "",
        "recorded_at": "2025-10-01 08:00:00",
    }
    return row | changed


def office(**given: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return tables(units=UNITS, employees=PEOPLE, **given)


def registers(found: list[Any], kind: Kind) -> list[Any]:
    return [a for a in found if a.kind is kind]


def test_following_a_complaint_up_keeps_its_key_and_changes_its_content() -> None:
    before = registers(
        build_aggregates(office(public_feedback=[feedback(1)])), Kind.PUBLIC_FEEDBACK
    )
    closed = feedback(1, status="SELESAI", closed_on="2026-03-09", resolution="Dijelaskan.")
    after = registers(build_aggregates(office(public_feedback=[closed])), Kind.PUBLIC_FEEDBACK)

    assert before[0].key == after[0].key
    assert before[0].digest != after[0].digest
    key = json.loads(before[0].key)
    assert key[:3] == [["Kota", "Kecamatan", "Pelayanan"], "2026-03-02", "LANGSUNG"]
    assert after[0].content["employee"] == "2" * 18
    assert "employee_id" not in after[0].content and "id" not in after[0].content


def test_a_lapor_ticket_is_the_key_and_two_identical_notes_are_numbered() -> None:
    rows = [
        feedback(1, channel="SP4N_LAPOR", ticket="LAP-1"),
        feedback(2),
        feedback(3),
    ]
    keys = [
        json.loads(a.key)
        for a in registers(build_aggregates(office(public_feedback=rows)), Kind.PUBLIC_FEEDBACK)
    ]
    assert keys[0][3] == "LAP-1"
    assert keys[1][:4] == keys[2][:4] and [keys[1][4], keys[2][4]] == [1, 2]


@pytest.mark.parametrize(
    ("found_on", "closed_on", "year", "carried"),
    [
        ("2025-10-01", None, 2026, True),  # still open in 2026
        ("2025-10-01", "2025-12-20", 2026, False),  # closed before 2026
        ("2025-10-01", "2026-01-05", 2026, True),
        ("2027-01-02", None, 2026, False),  # not found yet
        ("2025-10-01", "2025-12-20", None, True),  # every year
    ],
)
def test_a_finding_goes_with_every_year_it_was_open(
    found_on: str, closed_on: str | None, year: int | None, carried: bool
) -> None:
    row = finding(1, found_on=found_on, due_on=found_on, closed_on=closed_on)
    found = build_aggregates(office(audit_findings=[row]), Scope(None, year))
    assert bool(registers(found, Kind.AUDIT_FINDING)) is carried


@pytest.mark.parametrize(
    ("unit_id", "employee_id", "scope", "carried"),
    [
        (None, 11, ("Kota", "Kecamatan", "Pelayanan"), True),  # no unit: the person's unit
        (None, 12, ("Kota", "Kecamatan", "Pelayanan"), False),
        (4, 11, ("Kota", "Kecamatan", "Pelayanan"), False),  # the unit decides
        (4, None, ("Kota", "Kecamatan"), True),  # everything under the unit
        (None, None, ("Kota",), False),  # nothing to place it by: only in a whole export
        (None, None, None, True),
    ],
)
def test_an_entry_belongs_to_its_unit_or_else_to_its_person(
    unit_id: int | None, employee_id: int | None, scope: tuple[str, ...] | None, carried: bool
) -> None:
    row = finding(1, unit_id=unit_id, employee_id=employee_id)
    found = build_aggregates(office(audit_findings=[row]), Scope(scope, None))
    assert bool(registers(found, Kind.AUDIT_FINDING)) is carried


def test_what_a_register_entry_names_is_carried_with_it() -> None:
    observation = {
        "id": 5,
        "employee_id": 12,
        "observed_on": "2026-03-03",
        "value_code": "BERORIENTASI_PELAYANAN",
        "indicator": None,
        "sign": "NEGATIF",
        "serious": False,
        "text": "Dari pengaduan.",
        "source": "MASYARAKAT",
        "evidence_text": "",
        "evidence_file": None,
        "evidence_sha256": None,
    }
    rows = office(
        observations=[observation],
        public_feedback=[feedback(1, employee_id=12, observation_id=5)],
        surveys=[
            {"id": 7, "unit_id": 3, "period_code": "2026-S1", "opened_on": "2026-01-01"}
            | {"closed_on": None, "note": ""}
        ],
        survey_responses=[
            {"id": 1, "survey_id": 7, "served_by_id": 12, "source": "KIOS"}
            | {f"u{n}": 4 for n in range(1, 10)}
        ],
    )
    found = build_aggregates(rows, Scope(("Kota", "Kecamatan", "Pelayanan"), 2026))

    staff = {a.content["nip"] for a in registers(found, Kind.EMPLOYEE)}
    assert "3" * 18 in staff  # in another unit, named by the complaint and the response
    [carried] = registers(found, Kind.OBSERVATION)
    [entry] = registers(found, Kind.PUBLIC_FEEDBACK)
    assert entry.content["observation"] == json.loads(carried.key)
    [survey] = registers(found, Kind.SURVEY)
    assert survey.content["responses"][0]["served_by"] == "3" * 18
    assert json.loads(survey.key) == [["Kota", "Kecamatan", "Pelayanan"], "2026-S1"]
