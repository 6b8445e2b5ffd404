"""Beranda's item types: what needs the supervisor's attention, and how people are named in it.

Every capability builds these items in its own check (``services.attention.Check``); they live
here, below all of them, so no check has to import the home page's service.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from kinerja_desktop.domain.staff import Employee, EmployeeId

#: How many names an item spells out before saying "dan N lainnya".
NAMES_SHOWN = 5


class Severity(StrEnum):
    PENTING = "PENTING"  # something is missing or wrong
    INFO = "INFO"  # worth knowing


@dataclass(frozen=True)
class AttentionItem:
    """One line of Beranda.

    Attributes:
        employee_ids: The people the item is about; empty for an item about the office.
    """

    severity: Severity
    title: str
    detail: str
    employee_ids: tuple[EmployeeId, ...] = ()


def name_list(names: Sequence[str], total: int | None = None) -> str:
    """The first names and how many more: "A, B, C, D, E dan 3 lainnya".

    Args:
        names: The names in order; only the first ``NAMES_SHOWN`` are spelled out.
        total: How many people there are when ``names`` holds only the first of them.
    """
    shown = ", ".join(names[:NAMES_SHOWN])
    rest = (len(names) if total is None else total) - NAMES_SHOWN
    return f"{shown} dan {rest} lainnya" if rest > 0 else shown


def people_list(people: Iterable[Employee]) -> str:
    """``name_list`` of these people's full names (with degrees)."""
    return name_list([person.full_name for person in people])
