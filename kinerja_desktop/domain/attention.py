"""Beranda's item types: what needs the supervisor's attention, and how people are named in it.

Every capability builds these items in its own check (``services.home.check_process.Check``);
they live here, below all of them, so no check has to import the home page's service.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from kinerja_desktop.domain.staff import Employee, EmployeeId
from kinerja_desktop.domain.supervision_access import Subject

#: How many names an item spells out before saying "dan N lainnya".
NAMES_SHOWN = 5


class Severity(StrEnum):
    PENTING = "PENTING"  # something is missing or wrong
    INFO = "INFO"  # worth knowing


@dataclass(frozen=True)
class AttentionItem:
    """One line of Beranda.

    An account that sees only some of the people or records gets the item counted and named
    again for those (``services.home.attention``), from the templates.

    Attributes:
        employee_ids: The people the item is about; empty for an item about the office.
        records: The register records the item counts (complaints, findings), by what each is
            about; empty when it counts people or nothing.
        title_template: The title with ``{n}`` where the count goes; empty when it has none.
        detail_template: The detail with ``{names}`` where the people are named; empty when
            the detail is only their names.
    """

    severity: Severity
    title: str
    detail: str
    employee_ids: tuple[EmployeeId, ...] = ()
    records: tuple[Subject, ...] = ()
    title_template: str = ""
    detail_template: str = ""

    @classmethod
    def about_people(
        cls,
        severity: Severity,
        title: str,
        people: Sequence[Employee],
        detail: str = "{names}",
    ) -> AttentionItem:
        """An item counting and naming ``people``.

        Args:
            severity: How urgent it is.
            title: With ``{n}`` where the number of people goes.
            people: Who it is about, in the order they are named.
            detail: With ``{names}`` where their names go.
        """
        return cls(
            severity,
            title.format(n=len(people)),
            detail.format(names=people_list(people)),
            tuple(person.id for person in people),
            title_template=title,
            detail_template=detail,
        )

    @classmethod
    def about_many(
        cls,
        severity: Severity,
        title: str,
        ids: Sequence[EmployeeId],
        named: Sequence[Employee],
        detail: str = "{names}",
    ) -> AttentionItem:
        """`about_people` for many people of whom only the first ``NAMES_SHOWN`` are read.

        Args:
            severity: How urgent it is.
            title: With ``{n}`` where the number of people goes.
            ids: Who it is about, in the order they are named.
            named: The first of them (at least ``NAMES_SHOWN`` when there are that many).
            detail: With ``{names}`` where their names go.
        """
        names = [person.full_name for person in named[:NAMES_SHOWN]]
        return cls(
            severity,
            title.format(n=len(ids)),
            detail.format(names=name_list(names, total=len(ids))),
            tuple(ids),
            title_template=title,
            detail_template=detail,
        )

    @classmethod
    def about_records(
        cls, severity: Severity, title: str, detail: str, records: Sequence[Subject]
    ) -> AttentionItem:
        """An item counting register records; ``title`` with ``{n}`` where the count goes."""
        return cls(
            severity,
            title.format(n=len(records)),
            detail,
            records=tuple(records),
            title_template=title,
        )

    def counted(self, n: int, names: str) -> AttentionItem:
        """The item as it reads for ``n`` of its people or records, named by ``names``."""
        title = self.title_template.format(n=n) if self.title_template else self.title
        if self.detail_template:
            detail = self.detail_template.format(names=names)
        else:
            detail = names or self.detail
        return replace(self, title=title, detail=detail)


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
