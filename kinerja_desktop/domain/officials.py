"""Officials outside the office's register who appraise its people (pejabat di luar kantor).

A camat or a kepala puskesmas is appraised by someone the office does not keep in its register:
the sekretaris daerah, a kepala dinas, the bupati's appointee. The forms still print that
official's name, NIP, pangkat and jabatan, so the office records them here, checked as a person
of the register is: a valid NIP, a golongan of the employment status the NIP shows (digit 13),
name and jabatan given, within the same lengths.
"""

from __future__ import annotations

from dataclasses import dataclass

from kinerja_desktop.domain.employment import EmploymentStatus
from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.golongan import Golongan, parse_golongan
from kinerja_desktop.domain.nip import Nip
from kinerja_desktop.domain.staff import GELAR_MAX, JABATAN_MAX, NAME_MAX, full_name
from kinerja_desktop.domain.text import checked_text

#: The instansi is printed where a register person's unit is ("Sekretariat Daerah Kota ...").
INSTANSI_MAX = 200

#: How an external official is marked wherever they are offered beside register people.
OUTSIDE_MARK = "(luar kantor)"


@dataclass(frozen=True)
class OfficialFields:
    """An external official as typed in the dialog."""

    nip: str
    name: str
    golongan: str
    jabatan: str
    instansi: str
    gelar_depan: str = ""
    gelar_belakang: str = ""


@dataclass(frozen=True)
class ValidOfficialFields:
    nip: Nip
    name: str
    gelar_depan: str
    gelar_belakang: str
    status: EmploymentStatus
    golongan: Golongan
    jabatan: str
    instansi: str


@dataclass(frozen=True)
class ExternalOfficial:
    """An official outside the register, as stored: what the forms print of them."""

    id: int
    nip: str
    name: str
    gelar_depan: str
    gelar_belakang: str
    status: EmploymentStatus
    golongan: str
    jabatan: str
    instansi: str
    version: int = 1

    @property
    def full_name(self) -> str:
        return full_name(self.name, self.gelar_depan, self.gelar_belakang)

    @property
    def nip_formatted(self) -> str:
        try:
            return Nip(self.nip).formatted
        except ValidationError:  # stored before a rule changed: still shown
            return self.nip

    @property
    def label(self) -> str:
        """How choosers list them: "Dr. H. Ratu Dewa, M.Si. — Sekretaris Daerah (luar kantor)"."""
        return f"{self.full_name} — {self.jabatan} {OUTSIDE_MARK}"


def validate_official_fields(fields: OfficialFields) -> ValidOfficialFields:
    """Check every field of an external official and return them parsed.

    Raises:
        ValidationErrors: one message per wrong field, each naming it.
    """
    errors: list[ValidationError] = []
    nip: Nip | None = None
    try:
        nip = Nip.parse(fields.nip)
    except ValidationError as error:
        errors.append(ValidationError(error.message, field="nip"))
    name = checked_text(fields.name, field="name", label="Nama", max_length=NAME_MAX, errors=errors)
    depan, belakang = (
        checked_text(
            value, field=field, label=label, max_length=GELAR_MAX, required=False, errors=errors
        )
        for value, field, label in (
            (fields.gelar_depan, "gelar_depan", "Gelar depan"),
            (fields.gelar_belakang, "gelar_belakang", "Gelar belakang"),
        )
    )
    jabatan = checked_text(
        fields.jabatan, field="jabatan", label="Jabatan", max_length=JABATAN_MAX, errors=errors
    )
    instansi = checked_text(
        fields.instansi, field="instansi", label="Instansi", max_length=INSTANSI_MAX, errors=errors
    )
    golongan: Golongan | None = None
    if nip is not None:
        # The NIP says PNS or PPPK (digit 13); the golongan must be one of that status.
        try:
            golongan = parse_golongan(fields.golongan, nip.kind)
        except ValidationError as error:
            errors.append(
                ValidationError(f"{error.message} (NIP ini NIP {nip.kind}).", field="golongan")
            )
    if errors:
        raise ValidationErrors(errors)
    assert nip is not None and golongan is not None
    return ValidOfficialFields(
        nip=nip,
        name=name,
        gelar_depan=depan,
        gelar_belakang=belakang,
        status=nip.kind,
        golongan=golongan,
        jabatan=jabatan,
        instansi=instansi,
    )
