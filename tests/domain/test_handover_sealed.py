"""What an unattended import keeps as ours: what the seals here cover, approved entries."""

from __future__ import annotations

import copy
from typing import Any

from kinerja_desktop.domain.handover_aggregate import make_aggregate
from kinerja_desktop.domain.handover_merge import Conflict, plan_merge
from kinerja_desktop.domain.handover_records import Aggregate, Kind
from kinerja_desktop.domain.handover_sealed import held, held_reason, sealed_here, signed_periods

NIP = "198001012006041001"


def _skp(status: str, **changes: Any) -> dict[str, Any]:
    content: dict[str, Any] = {
        "nip": NIP,
        "year": 2026,
        "status": status,
        "rhks": [
            {
                "text": "Menyusun laporan",
                "feedback": [{"period_code": "TW1", "text": "baik"}],
                "ikis": [
                    {
                        "text": "Laporan",
                        "target": "12",
                        "realisations": [
                            {"period_code": "TW1", "value": "3"},
                            {"period_code": "TW2", "value": "6"},
                        ],
                        "evidence": [],
                    }
                ],
            }
        ],
    }
    for path, value in changes.items():
        place: Any = content
        *parts, last = path.split("__")
        for part in parts:
            place = place[int(part)] if part.isdigit() else place[part]
        place[int(last) if last.isdigit() else last] = value
    return content


def _conflict(kind: Kind, key: list[Any], ours: dict[str, Any], theirs: dict[str, Any]) -> Conflict:
    plan = plan_merge(
        [make_aggregate(kind, key, f"{kind.value} {key}", ours, None)],
        [make_aggregate(kind, key, f"{kind.value} {key}", theirs, None)],
    )
    [conflict] = plan.conflicts
    return conflict


def _period(signed: bool) -> Aggregate:
    content: dict[str, Any] = {"predikat": None, "behaviour_feedback": []}
    if signed:
        content["signed_on"] = "2026-04-10"
    return make_aggregate(Kind.PERIOD, [NIP, 2026, "TW1"], "TW1", content, None)


def test_an_agreed_plan_is_kept_but_a_realisation_of_an_unsigned_period_is_taken() -> None:
    agreed = _skp("DISEPAKATI")
    target = _conflict(
        Kind.SKP, [NIP, 2026], agreed, _skp("DISEPAKATI", rhks__0__ikis__0__target="99")
    )
    later = copy.deepcopy(agreed)
    later["rhks"][0]["ikis"][0]["realisations"][1]["value"] = "7"
    realised = _conflict(Kind.SKP, [NIP, 2026], agreed, later)

    assert sealed_here(target, {}) and "tersegel" in held_reason(target)
    assert not sealed_here(realised, {})


def test_a_realisation_of_a_period_signed_here_is_kept() -> None:
    ours = _skp("DISEPAKATI")
    tw1 = copy.deepcopy(ours)
    tw1["rhks"][0]["ikis"][0]["realisations"][0]["value"] = "4"
    tw2 = copy.deepcopy(ours)
    tw2["rhks"][0]["ikis"][0]["realisations"][1]["value"] = "7"
    signed = signed_periods([_period(signed=True)])

    assert signed == {(NIP, 2026): frozenset({"TW1"})}
    assert sealed_here(_conflict(Kind.SKP, [NIP, 2026], ours, tw1), signed)
    assert not sealed_here(_conflict(Kind.SKP, [NIP, 2026], ours, tw2), signed)


def test_a_draft_is_taken_and_a_signed_period_is_kept() -> None:
    draft = _conflict(Kind.SKP, [NIP, 2026], _skp("DRAFT"), _skp("DRAFT", rhks__0__text="Lain"))
    signed = _conflict(
        Kind.PERIOD,
        [NIP, 2026, "TW1"],
        {"predikat": "BAIK", "signed_on": "2026-04-10"},
        {"predikat": "SANGAT_BAIK", "signed_on": "2026-04-10"},
    )
    unsigned = _conflict(
        Kind.PERIOD, [NIP, 2026, "TW2"], {"predikat": "BAIK"}, {"predikat": "SANGAT_BAIK"}
    )

    assert not held(draft, {})
    assert held(signed, {}) and "ditandatangani" in held_reason(signed)
    assert not held(unsigned, {})


def test_an_entry_approved_here_is_kept() -> None:
    key = [NIP, "2026-03-02", "08:00"]
    entry = _conflict(Kind.PROGRESS_ENTRY, key, {"status": "DISETUJUI"}, {"status": "DIKEMBALIKAN"})
    assert held(entry, {}) and "disetujui" in held_reason(entry)
