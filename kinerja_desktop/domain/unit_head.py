"""Who leads a unit (pimpinan unit kerja), read from the register.

The register has no "head" flag: the head of a unit is the active person placed in the unit
itself whose penilai is not one of the unit's own people (sub-units included), because the head
is appraised from above. When several people qualify (a head and a fungsional appraised by
another office, say), the most senior jenis jabatan wins, then the name.

SE MenPANRB 3/2023 sets a unit's organisation predikat as its head's Rating Hasil Kerja. A unit
kerja (and an instansi) has its predikat set each period, so its head waits for it; a sub-unit
(seksi, kelurahan, subbagian) usually has none, so its head's rating follows one only when the
office recorded it (`follows_org_predikat`).
"""

from __future__ import annotations

from collections.abc import Mapping

from kinerja_desktop.domain.jabatan import JabatanKind
from kinerja_desktop.domain.staff import Employee, UnitKind

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


def follows_org_predikat(kind: UnitKind, recorded: bool) -> bool:
    """Whether the head of a unit of ``kind`` is rated by its organisation predikat.

    Args:
        kind: The unit's kind.
        recorded: An organisation predikat is recorded for the unit and period.
    """
    return recorded or kind is not UnitKind.SUB_UNIT
