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
from kinerja_desktop.domain.staff import Employee, Unit, UnitKind
from kinerja_desktop.services.staff.service import appraisers_in

__all__ = ["RecordedPerson", "RecordedSignatories", "recorded", "take", "unit_text"]


@dataclass(frozen=True)
class RecordedPerson:
    """A person as a form prints them: name with degrees, NIP, pangkat source, jabatan, unit."""

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


def _person(person: Employee, units: dict[int, Unit]) -> RecordedPerson:
    return RecordedPerson(
        name=person.full_name,
        nip=person.nip,
        status=person.status.value,
        golongan=person.golongan,
        jabatan=person.jabatan,
        unit=unit_text(units, person.unit_id),
    )


def take(session: Session, record: str, employee_id: int, on: date) -> RecordedSignatories:
    """Record (or record again) who signs ``record``: the person and appraisers on ``on``."""
    person = staff_repo.find_employee(session, employee_id)
    assert person is not None
    units: dict[int, Unit] = {unit.id: unit for unit in staff_repo.all_units(session)}
    appraisers = appraisers_in(session, person, on)
    found = RecordedSignatories(
        pegawai=_person(person, units),
        penilai=_person(appraisers.penilai, units) if appraisers.penilai else None,
        atasan=_person(appraisers.atasan_penilai, units) if appraisers.atasan_penilai else None,
        acting=appraisers.acting.kind.label if appraisers.acting else "",
    )
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
