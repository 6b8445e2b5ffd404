"""People and places as forms print them: identity blocks, signatures, letterhead, city."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kinerja_desktop.domain.dates import format_place_date
from kinerja_desktop.domain.employment import EmploymentStatus
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.golongan import parse_golongan
from kinerja_desktop.domain.nip import Nip
from kinerja_desktop.domain.staff import Employee, Unit, UnitKind
from kinerja_desktop.reports.content import Letterhead, PersonBlock, Signature
from kinerja_desktop.services.platform import signatories
from kinerja_desktop.services.platform.signatories import RecordedPerson
from kinerja_desktop.services.printing.snapshot import Sources

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
        return signatories.unit_text(self.units, unit_id)

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


def _pangkat(golongan: str, status: EmploymentStatus) -> str:
    try:
        return parse_golongan(golongan, status).display
    except ValidationError:
        return golongan


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


@dataclass(frozen=True)
class Signers:
    """The pegawai and the appraisers a form prints, in identity blocks and signatures.

    Attributes:
        note: "Plt." or "Plh." when the penilai stood in for an absent supervisor.
    """

    pegawai: PersonBlock
    penilai: PersonBlock | None
    atasan: PersonBlock | None
    note: str = ""


def _recorded_block(person: RecordedPerson) -> PersonBlock:
    if not person.nip:
        # A pejabat negara (a wali kota): no NIP line under the signature, no pangkat.
        return PersonBlock(
            name=person.name, nip=None, pangkat="", jabatan=person.jabatan, unit=person.unit
        )
    return PersonBlock(
        name=person.name,
        nip=grouped_nip(person.nip),
        pangkat=_pangkat(person.golongan, EmploymentStatus(person.status)),
        jabatan=person.jabatan,
        unit=person.unit,
    )


def signers(
    sources: Sources, places: Places, person: Employee, on: date, record: str | None = None
) -> Signers:
    """Who a form of ``record`` prints.

    As recorded when the record was sealed (agreed or signed), so that a later move or a new
    penilai does not change it; otherwise the person and their appraisers on ``on`` (an
    appraiser outside the register included, and the post a Plt/Plh stands in for).
    """
    kept = signatories.recorded(sources.session, record) if record else None
    if kept is None:
        kept = signatories.current(sources.session, person.id, on, places.units)
    return Signers(
        pegawai=_recorded_block(kept.pegawai),
        penilai=_recorded_block(kept.penilai) if kept.penilai else None,
        atasan=_recorded_block(kept.atasan) if kept.atasan else None,
        note=kept.acting,
    )


def sign(role: str, block: PersonBlock | None, place_date: str = "", note: str = "") -> Signature:
    """A signature column for a person as printed in their identity block."""
    if block is None:
        return Signature(role=role, name="(belum ditentukan)", nip="", place_date=place_date)
    return Signature(role=role, name=block.name, nip=block.nip, place_date=place_date, note=note)


def place_date(places: Places, unit_id: int, on: date) -> str:
    return format_place_date(places.city(unit_id), on)


def read_logo(database_path: Path) -> bytes | None:
    for name in LOGO_NAMES:
        candidate = database_path.parent / name
        if candidate.is_file():
            return candidate.read_bytes()
    return None
