"""What a package may not change unattended: what is sealed here, and approved daily entries.

An agreed SKP's plan (the SKP, its RHK and indicators, Lampiran, expectations, the agreed
versions and who signed them) and a signed evaluation (the period's decisions, and that
period's realisation, evidence and feedback, which travel inside the SKP record) are sealed:
the audit log holds their digest. An unattended import takes the sender's version of a record
that differs, except where that would change what is sealed here; those, and a progress entry
approved here, are kept as ours for a person to decide in the interactive import.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from kinerja_desktop.domain.handover_merge import Conflict, protected
from kinerja_desktop.domain.handover_records import SIGNED_ON, Aggregate, Kind
from kinerja_desktop.domain.skp import SkpStatus

#: Per indicator and per RHK, the parts that belong to a period's evaluation, not the plan.
_IKI_PERIODIC = ("realisations", "evidence")
_RHK_PERIODIC = ("feedback",)
#: The plans per period (rencana aksi, period targets, scale) are not part of the SKP's seal.
_IKI_PLANS = ("period_targets", "target_scale")
_RHK_PLANS = ("rencana_aksi",)

SignedPeriods = Mapping[tuple[str, int], frozenset[str]]


def signed_periods(aggregates: Iterable[Aggregate]) -> dict[tuple[str, int], frozenset[str]]:
    """(NIP, year) -> the period codes whose evaluation is signed, from period records."""
    found: dict[tuple[str, int], set[str]] = {}
    for aggregate in aggregates:
        signed = signed_period(aggregate)
        if signed is not None:
            nip, year, code = signed
            found.setdefault((nip, year), set()).add(code)
    return {key: frozenset(codes) for key, codes in found.items()}


def signed_period(aggregate: Aggregate) -> tuple[str, int, str] | None:
    """(NIP, year, period code) of a period record whose evaluation is signed; else None."""
    if aggregate.kind is Kind.PERIOD and aggregate.content.get(SIGNED_ON):
        nip, year, code = json.loads(aggregate.key)
        return nip, year, code
    return None


def _plan(content: Mapping[str, Any]) -> dict[str, Any]:
    rhks = []
    for rhk in content.get("rhks") or []:
        ikis = [
            {k: v for k, v in iki.items() if k not in _IKI_PERIODIC + _IKI_PLANS}
            for iki in rhk.get("ikis") or []
        ]
        kept = {k: v for k, v in rhk.items() if k not in _RHK_PERIODIC + _RHK_PLANS}
        rhks.append({**kept, "ikis": ikis})
    return {**content, "rhks": rhks}


def _period(content: Mapping[str, Any], code: str) -> list[Any]:
    """An SKP's realisation, evidence and feedback of one period, by place."""

    def of(rows: Any) -> list[Any]:
        return [row for row in rows or [] if row.get("period_code") == code]

    return [
        {
            "feedback": of(rhk.get("feedback")),
            "ikis": [{part: of(iki.get(part)) for part in _IKI_PERIODIC} for iki in rhk["ikis"]],
        }
        for rhk in content.get("rhks") or []
    ]


def _sealed_view(content: Mapping[str, Any], ours: Mapping[str, Any], codes: Iterable[str]) -> Any:
    """What of an SKP's ``content`` the seals on ``ours`` (agreed plan, signed periods) cover."""
    view: dict[str, Any] = {}
    if ours.get("status") == SkpStatus.DISEPAKATI:
        view["plan"] = _plan(content)
    for code in sorted(codes):
        view[code] = _period(content, code)
    return view


def sealed_here(conflict: Conflict, signed: SignedPeriods) -> bool:
    """True when taking the package's side of ``conflict`` would change what is sealed here.

    Args:
        conflict: A record that differs on both sides.
        signed: (NIP, year) -> the periods signed here (:func:`signed_periods` of our records).
    """
    ours, theirs = conflict.ours.content, conflict.theirs.content
    if conflict.kind is Kind.PERIOD:
        return bool(ours.get(SIGNED_ON))
    if conflict.kind is not Kind.SKP:
        return False
    nip, year = json.loads(conflict.key)[:2]
    codes = signed.get((nip, year), frozenset())
    if ours.get("status") != SkpStatus.DISEPAKATI and not codes:
        return False
    try:
        return bool(_sealed_view(ours, ours, codes) != _sealed_view(theirs, ours, codes))
    except (AttributeError, KeyError, TypeError):
        return True  # a shape we cannot compare: a person decides


def held(conflict: Conflict, signed: SignedPeriods) -> bool:
    """True when an unattended import keeps ours: sealed here, or a progress entry approved here."""
    return protected(conflict) or sealed_here(conflict, signed)


def held_reason(conflict: Conflict) -> str:
    """Why the record was kept for a person to decide, in Indonesian."""
    if conflict.kind is Kind.PERIOD:
        what = f"evaluasi {conflict.ours.label} sudah ditandatangani di kantor ini"
    elif conflict.kind is Kind.SKP:
        what = f"{conflict.ours.label} tersegel di kantor ini (disepakati atau dinilai)"
    else:
        what = f"progres harian {conflict.ours.label} sudah disetujui di kantor ini"
    return f"{what}; perlu diputuskan lewat impor di aplikasi"
