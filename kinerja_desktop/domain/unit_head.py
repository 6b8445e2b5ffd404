"""Who leads a unit (pimpinan unit kerja), read from the register.

The register has no "head" flag: the head of a unit is the active person placed in the unit
itself whose penilai is not one of the unit's own people (sub-units included), because the head
is appraised from above. When several people qualify (a head and a fungsional appraised by
another office, say), the most senior jenis jabatan wins, then the name.
"""

from __future__ import annotations

from collections.abc import Mapping

from kinerja_desktop.domain.jabatan import JabatanKind
from kinerja_desktop.domain.staff import Employee

#: Which jabatan leads a unit when several people in it are appraised from outside it.
SENIORITY = (
    JabatanKind.JPT,
    JabatanKind.ADMINISTRATOR,
    JabatanKind.PENGAWAS,
    JabatanKind.FUNGSIONAL,
    JabatanKind.PELAKSANA,
)


def unit_head(unit_id: int, members: Mapping[int, Employee]) -> Employee | None:
    """Return the head of ``unit_id``, or None when nobody qualifies.

    Args:
        unit_id: The unit.
        members: Active people of the unit and of its sub-units, by id. It may leave out
            anyone who is neither placed in ``unit_id`` nor the penilai of someone who is:
            only those decide the answer.
    """
    heads = [
        person
        for person in members.values()
        if person.unit_id == unit_id and person.penilai_id not in members
    ]
    heads.sort(key=lambda person: (SENIORITY.index(person.jabatan_kind), person.name))
    return heads[0] if heads else None
