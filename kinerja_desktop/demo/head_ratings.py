"""The demo's unit heads: their Rating Hasil Kerja follows their unit's organisation predikat.

SE MenPANRB 3/2023, as the evaluation applies it (`services.evaluation.unit_head`): the Camat
and the Kepala Puskesmas get the rating their unit's recorded predikat gives, decided as the
app proposes it (source ORGANISASI, the proposal's first reason kept as the reason).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from kinerja_desktop.domain.achievement import Proposal, propose_head_rating
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.staff import UnitKind
from kinerja_desktop.services.evaluation.unit_head import all_units, head_of, head_rule


def follow_org_predikat(
    session: Session,
    year: int,
    skps: Iterable[tuple[int, int, list[Period]]],
    hasil: dict[tuple[int, str], Proposal],
) -> set[tuple[int, str]]:
    """Replace the unit heads' proposals in ``hasil`` with the organisation-based ones.

    Args:
        session: The demo's session; the organisation predikat is already written.
        year: The demo year.
        skps: (SKP id, employee id, ended periods) of every agreed SKP.
        hasil: The proposals from the results, by (SKP id, period code); changed in place (a
            head without a recorded predikat gets none, as in the app).

    Returns:
        The (SKP id, period code) whose rating follows the organisation.
    """
    units = all_units(session)
    heads = set()
    for unit in units.values():
        if unit.kind is UnitKind.SUB_UNIT:  # the demo records no predikat for sub-units
            continue
        head = head_of(session, unit.id, units)
        if head is not None:
            heads.add(head.id)
    followed: set[tuple[int, str]] = set()
    for skp_id, employee_id, periods in skps:
        if employee_id not in heads:
            continue
        for period in periods:
            rule = head_rule(session, employee_id, year, period.code)
            key = (skp_id, period.code)
            if rule is None:
                continue
            if rule.org is None:
                hasil.pop(key, None)
                continue
            hasil[key] = propose_head_rating(rule.unit, rule.org, hasil.get(key))
            followed.add(key)
    return followed
