"""People and places as forms print them: identity blocks, signatures, letterhead, city."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kinerja_desktop.domain.dates import format_place_date
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.golongan import parse_golongan
from kinerja_desktop.domain.nip import Nip
from kinerja_desktop.domain.staff import Employee, Unit, UnitKind
from kinerja_desktop.reports.content import Letterhead, PersonBlock, Signature
from kinerja_desktop.services.printing.snapshot import Sources
from kinerja_desktop.services.staff_service import Appraisers

PEGAWAI = "Pegawai yang Dinilai"
PENILAI = "Pejabat Penilai Kinerja"
ATASAN = "Atasan Pejabat Penilai Kinerja"

#: Logo files looked for beside the database; the first one found is printed in the header.
LOGO_NAMES = ("logo.png", "logo.jpg", "logo.jpeg")


@dataclass(frozen=True)
class Places:
    """The unit tree, read once per form."""

    units: dict[int, Unit]

    @classmethod
    def read(cls, sources: Sources) -> Places:
        """The unit tree of this read (read once however many forms the read builds)."""
        found = sources.memo.get("places")
        if not isinstance(found, Places):
            found = cls({unit.id: unit for unit in sources.staff.units()})
            sources.memo["places"] = found
        return found

    def chain(self, unit_id: int) -> list[Unit]:
        """The unit and its ancestors, nearest first."""
        out: list[Unit] = []
        current = self.units.get(unit_id)
        while current is not None and len(out) < 50:
            out.append(current)
            current = self.units.get(current.parent_id) if current.parent_id else None
        return out

    def unit_text(self, unit_id: int) -> str:
        """The unit with the unit above it, e.g. "Seksi Pemerintahan, Kecamatan Kertapati"."""
        chain = [u for u in self.chain(unit_id) if u.kind is not UnitKind.INSTANSI]
        return ", ".join(u.name for u in chain[:2]) if chain else self.units[unit_id].name

    def city(self, unit_id: int) -> str:
        return next((u.city for u in self.chain(unit_id) if u.city), "")

    def letterhead(self, unit_id: int, logo: bytes | None) -> Letterhead:
        chain = self.chain(unit_id)
        instansi = chain[-1].name if chain else ""
        below = [u for u in chain if u.kind is UnitKind.UNIT]
        return Letterhead(instansi=instansi, unit=below[-1].name if below else "", logo=logo)


def grouped_nip(nip: str) -> str:
    try:
        return Nip(nip).formatted
    except ValidationError:  # an old record that no longer validates still prints
        return nip


def pangkat(person: Employee) -> str:
    try:
        return parse_golongan(person.golongan, person.status).display
    except ValidationError:
        return person.golongan


def optional_block(person: Employee | None, places: Places) -> PersonBlock | None:
    return person_block(person, places) if person is not None else None


def person_block(person: Employee, places: Places) -> PersonBlock:
    return PersonBlock(
        name=person.full_name,
        nip=grouped_nip(person.nip),
        pangkat=pangkat(person),
        jabatan=person.jabatan,
        unit=places.unit_text(person.unit_id),
    )


def signature(
    role: str, person: Employee | None, place_date: str = "", note: str = ""
) -> Signature:
    if person is None:
        return Signature(role=role, name="(belum ditentukan)", nip="", place_date=place_date)
    return Signature(
        role=role,
        name=person.full_name,
        nip=grouped_nip(person.nip),
        place_date=place_date,
        note=note,
    )


def penilai_note(appraisers: Appraisers) -> str:
    """Plt. or Plh. when the penilai stands in for an absent supervisor."""
    return appraisers.acting.kind.label if appraisers.acting else ""


def place_date(places: Places, unit_id: int, on: date) -> str:
    return format_place_date(places.city(unit_id), on)


def read_logo(database_path: Path) -> bytes | None:
    for name in LOGO_NAMES:
        candidate = database_path.parent / name
        if candidate.is_file():
            return candidate.read_bytes()
    return None
