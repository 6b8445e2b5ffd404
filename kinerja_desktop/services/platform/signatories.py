"""Who signs a sealed record, kept as they stood on the day it was sealed.

The register holds each person's jabatan, pangkat, unit and penilai as they are now. A form of
an earlier period must print the people and positions of that period, even after a move, a
promotion or a new penilai; so when an SKP is agreed and when an evaluation is marked signed,
the pegawai, the Pejabat Penilai and the Atasan Pejabat Penilai are recorded (`signatories`
table) in the same transaction, and the printed forms of that record use them.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.seal_chain_models import SignatoryRow
from kinerja_desktop.domain.officials import ExternalOfficial
from kinerja_desktop.domain.staff import Employee, Unit, UnitKind
from kinerja_desktop.services.staff.acting import acting_post_in, with_post
from kinerja_desktop.services.staff.service import appraisers_in

__all__ = [
    "RecordedPerson",
    "RecordedSignatories",
    "current",
    "recorded",
    "take",
    "unit_text",
]


@dataclass(frozen=True)
class RecordedPerson:
    """A person as a form prints them: name with degrees, NIP, pangkat source, jabatan, unit.

    ``nip``, ``status`` and ``golongan`` are empty for a pejabat negara outside the register
    (a wali kota), who holds none of them; everyone else has all three.
    """

    name: str
    nip: str
    status: str
    golongan: str
    jabatan: str
    unit: str


@dataclass(frozen=True)
class RecordedSignatories:
    """The pegawai and their appraisers on the day; ``acting`` is "Plt."/"Plh." or ""."""

    pegawai: RecordedPerson
    penilai: RecordedPerson | None
    atasan: RecordedPerson | None
    acting: str = ""


def unit_text(units: dict[int, Unit], unit_id: int) -> str:
    """The unit with the unit above it, e.g. "Seksi Pemerintahan, Kecamatan Kertapati"."""
    chain: list[Unit] = []
    current = units.get(unit_id)
    while current is not None and len(chain) < 50:
        chain.append(current)
        current = units.get(current.parent_id) if current.parent_id else None
    below = [unit for unit in chain if unit.kind is not UnitKind.INSTANSI]
    if below:
        return ", ".join(unit.name for unit in below[:2])
    return chain[0].name if chain else ""


def _person(person: Employee, units: dict[int, Unit], post: str = "") -> RecordedPerson:
    return RecordedPerson(
        name=person.full_name,
        nip=person.nip,
        status=person.status.value,
        golongan=person.golongan,
        jabatan=with_post(person.jabatan, post),
        unit=unit_text(units, person.unit_id),
    )


def _official(official: ExternalOfficial) -> RecordedPerson:
    """An official outside the register: their instansi stands where a unit would.

    A pejabat negara has no NIP, status or golongan: those stay empty.
    """
    return RecordedPerson(
        name=official.full_name,
        nip=official.nip or "",
        status=official.status.value if official.status is not None else "",
        golongan=official.golongan or "",
        jabatan=official.jabatan,
        unit=official.instansi,
    )


def _appraiser(
    session: Session,
    person: Employee | None,
    official: ExternalOfficial | None,
    units: dict[int, Unit],
    on: date,
) -> RecordedPerson | None:
    if person is not None:
        return _person(person, units, acting_post_in(session, person.id, on))
    return _official(official) if official is not None else None


def current(
    session: Session, employee_id: int, on: date, units: dict[int, Unit] | None = None
) -> RecordedSignatories:
    """The person and their appraisers on ``on`` as a form prints them (nothing recorded).

    Each shows the post they stand in for that day as Plt/Plh under their own jabatan; an
    appraiser outside the register is printed with their instansi.
    """
    pegawai = staff_repo.find_employee(session, employee_id)
    assert pegawai is not None
    if units is None:
        units = {unit.id: unit for unit in staff_repo.all_units(session)}
    appraisers = appraisers_in(session, pegawai, on)
    return RecordedSignatories(
        pegawai=_person(pegawai, units, acting_post_in(session, pegawai.id, on)),
        penilai=_appraiser(session, appraisers.penilai, appraisers.penilai_official, units, on),
        atasan=_appraiser(
            session, appraisers.atasan_penilai, appraisers.atasan_official, units, on
        ),
        acting=appraisers.acting.kind.label if appraisers.acting else "",
    )


def take(session: Session, record: str, employee_id: int, on: date) -> RecordedSignatories:
    """Record (or record again) who signs ``record``: the person and appraisers on ``on``."""
    found = current(session, employee_id, on)
    content = json.dumps(asdict(found), ensure_ascii=False, sort_keys=True)
    stored = session.scalar(select(SignatoryRow).where(SignatoryRow.record == record))
    if stored is None:
        session.add(SignatoryRow(record=record, taken_on=on, content=content))
    else:
        stored.taken_on, stored.content = on, content
    session.flush()
    return found


def recorded(session: Session, record: str) -> RecordedSignatories | None:
    """Who signed ``record``, when it was recorded; None for records sealed before this."""
    content = session.scalar(select(SignatoryRow.content).where(SignatoryRow.record == record))
    if content is None:
        return None
    raw = json.loads(content)

    def person(value: dict[str, str] | None) -> RecordedPerson | None:
        return RecordedPerson(**value) if value else None

    pegawai = person(raw["pegawai"])
    assert pegawai is not None
    return RecordedSignatories(
        pegawai=pegawai,
        penilai=person(raw.get("penilai")),
        atasan=person(raw.get("atasan")),
        acting=raw.get("acting", ""),
    )
