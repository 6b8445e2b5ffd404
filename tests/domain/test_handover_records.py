"""Rows to aggregates with natural keys: keys, what is left out, scope and what it carries."""

from __future__ import annotations

import json
from typing import Any

from kinerja_desktop.data.repositories.handover import HANDOVER_TABLES
from kinerja_desktop.domain.handover_records import (
    LOCAL_COLUMNS,
    Kind,
    Scope,
    build_aggregates,
    canonical_json,
    digest_of,
)


def unit(id_: int, name: str, parent: int | None, kind: str = "UNIT") -> dict[str, Any]:
    return {"id": id_, "name": name, "parent_id": parent, "kind": kind, "city": ""}


def person(id_: int, nip: str, unit_id: int, penilai: int | None) -> dict[str, Any]:
    return {
        "id": id_,
        "nip": nip,
        "name": f"Orang {id_}",
        "jabatan": "Analis",
        "unit_id": unit_id,
        "penilai_id": penilai,
        "active": True,
        "version": 7,
        "created_at": "2026-01-01 07:00:00",
        "updated_at": "2026-02-01 07:00:00",
    }


def rating(id_: int, employee: int, level: int) -> dict[str, Any]:
    return {
        "id": id_,
        "employee_id": employee,
        "competence_code": "INTEGRITAS",
        "level": level,
        "reason": "r",
        "rated_on": "2026-03-01",
        "recorded_at": "2026-03-01 08:00:00",
    }


def tables(**given: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return {name: given.get(name, []) for name in HANDOVER_TABLES}


OFFICE = tables(
    units=[
        unit(1, "Kota", None, "INSTANSI"),
        unit(2, "Kecamatan", 1),
        unit(3, "Seksi A", 2, "SUB_UNIT"),
        unit(4, "Seksi B", 2, "SUB_UNIT"),
    ],
    employees=[
        person(10, "1" * 18, 2, None),
        person(11, "2" * 18, 3, 10),
        person(12, "3" * 18, 4, 10),
    ],
    competence_ratings=[rating(1, 11, 3), rating(2, 11, 2), rating(3, 12, 4)],
)


def by_kind(found: list[Any], kind: Kind) -> list[Any]:
    return [a for a in found if a.kind is kind]


def test_natural_keys_and_references_replace_ids() -> None:
    found = build_aggregates(OFFICE)
    units = by_kind(found, Kind.UNIT)
    assert [json.loads(a.key) for a in units][:2] == [["Kota"], ["Kota", "Kecamatan"]]
    staff = {a.content["nip"]: a for a in by_kind(found, Kind.EMPLOYEE)}
    member = staff["2" * 18]
    assert member.content["unit"] == ["Kota", "Kecamatan", "Seksi A"]
    assert member.content["penilai"] == "1" * 18
    assert not LOCAL_COLUMNS & set(member.content)
    assert not {"unit_id", "penilai_id"} & set(member.content)
    assert member.digest == digest_of(member.content)


def test_the_digest_ignores_ids_and_local_times() -> None:
    moved = tables(
        **{
            **OFFICE,
            "employees": [
                {**row, "id": row["id"] + 100, "version": 1, "updated_at": "2030-01-01 00:00:00"}
                for row in OFFICE["employees"]
            ],
            "competence_ratings": [
                {**row, "employee_id": row["employee_id"] + 100}
                for row in OFFICE["competence_ratings"]
            ],
        }
    )
    moved["employees"] = [
        {**row, "penilai_id": None if row["penilai_id"] is None else row["penilai_id"] + 100}
        for row in moved["employees"]
    ]
    assert {(a.kind, a.key, a.digest) for a in build_aggregates(moved)} == {
        (a.kind, a.key, a.digest) for a in build_aggregates(OFFICE)
    }


def test_two_records_with_one_key_are_numbered_by_content() -> None:
    ratings = by_kind(build_aggregates(OFFICE), Kind.COMPETENCE_RATING)
    keys = sorted(json.loads(a.key) for a in ratings if a.content["nip"] == "2" * 18)
    assert [key[-1] for key in keys] == [1, 2]
    assert len({a.key for a in ratings}) == 3


def test_a_unit_scope_carries_the_penilai_but_not_other_units_people() -> None:
    found = build_aggregates(OFFICE, Scope(("Kota", "Kecamatan", "Seksi A"), 2026))
    nips = {a.content["nip"] for a in by_kind(found, Kind.EMPLOYEE)}
    assert nips == {"2" * 18, "1" * 18}  # the person and their penilai
    paths = {tuple(a.content["path"]) for a in by_kind(found, Kind.UNIT)}
    assert paths == {("Kota",), ("Kota", "Kecamatan"), ("Kota", "Kecamatan", "Seksi A")}
    rated = {a.content["nip"] for a in by_kind(found, Kind.COMPETENCE_RATING)}
    assert rated == {"2" * 18}  # the penilai is carried for the link, not with their data


def test_canonical_json_is_one_byte_form() -> None:
    assert canonical_json({"b": 1, "a": "é"}) == '{"a":"é","b":1}'.encode()
