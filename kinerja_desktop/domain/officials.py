"""Officials outside the office's register who appraise its people (pejabat di luar kantor).

A camat or a kepala puskesmas is appraised by someone the office does not keep in its register:
the sekretaris daerah, a kepala dinas, the bupati's appointee. The forms still print that
official's name, NIP, pangkat and jabatan, so the office records them here, checked as a person
of the register is: a valid NIP, a golongan of the employment status the NIP shows (digit 13),
name and jabatan given, within the same lengths.

A kepala daerah (wali kota, bupati, gubernur) is a pejabat negara: the atasan of a camat or the
penilai of a kepala dinas, with no NIP, pangkat or golongan. They are recorded as
:attr:`OfficialKind.PEJABAT_NEGARA`, whose NIP and golongan stay empty; the forms print their
name and jabatan without a NIP line.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

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


class OfficialKind(StrEnum):
    """Whether the official is an ASN (NIP, pangkat/golongan) or a pejabat negara (neither)."""

    ASN = "ASN"
    PEJABAT_NEGARA = "PEJABAT_NEGARA"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    OfficialKind.ASN: "ASN (PNS/PPPK, dengan NIP)",
    OfficialKind.PEJABAT_NEGARA: "Pejabat negara (tanpa NIP), mis. wali kota, bupati",
}


@dataclass(frozen=True)
class OfficialFields:
    """An external official as typed in the dialog; ``kind`` is an :class:`OfficialKind`."""

    nip: str
    name: str
    golongan: str
    jabatan: str
    instansi: str
    gelar_depan: str = ""
    gelar_belakang: str = ""
    kind: str = OfficialKind.ASN.value


@dataclass(frozen=True)
class ValidOfficialFields:
    """Checked fields; ``nip``, ``status`` and ``golongan`` are None for a pejabat negara."""

    nip: Nip | None
    name: str
    gelar_depan: str
    gelar_belakang: str
    status: EmploymentStatus | None
    golongan: Golongan | None
    jabatan: str
    instansi: str
    kind: OfficialKind = OfficialKind.ASN


@dataclass(frozen=True)
class ExternalOfficial:
    """An official outside the register, as stored: what the forms print of them."""

    id: int
    #: None, like ``status`` and ``golongan``, for a pejabat negara.
    nip: str | None
    name: str
    gelar_depan: str
    gelar_belakang: str
    status: EmploymentStatus | None
    golongan: str | None
    jabatan: str
    instansi: str
    version: int = 1
    kind: OfficialKind = OfficialKind.ASN

    @property
    def full_name(self) -> str:
        return full_name(self.name, self.gelar_depan, self.gelar_belakang)

    @property
    def nip_formatted(self) -> str:
        """The NIP grouped as forms print it; "" for a pejabat negara."""
        if self.nip is None:
            return ""
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

    An ASN needs a valid NIP and a golongan of the status the NIP shows; a pejabat negara has
    neither, and one typed for them is refused rather than silently dropped.

    Raises:
        ValidationErrors: one message per wrong field, each naming it.
    """
    errors: list[ValidationError] = []
    kind = _kind(fields.kind, errors)
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
    nip: Nip | None = None
    golongan: Golongan | None = None
    if kind is OfficialKind.PEJABAT_NEGARA:
        _refuse_for_pejabat_negara(fields, errors)
    elif kind is OfficialKind.ASN:
        nip, golongan = _asn_identity(fields, errors)
    if errors:
        raise ValidationErrors(errors)
    assert kind is not None
    return ValidOfficialFields(
        nip=nip,
        name=name,
        gelar_depan=depan,
        gelar_belakang=belakang,
        status=nip.kind if nip is not None else None,
        golongan=golongan,
        jabatan=jabatan,
        instansi=instansi,
        kind=kind,
    )


def _kind(value: str, errors: list[ValidationError]) -> OfficialKind | None:
    try:
        return OfficialKind(value.strip())
    except ValueError:
        allowed = " atau ".join(f'"{kind.label}"' for kind in OfficialKind)
        errors.append(
            ValidationError(
                f"Jenis pejabat '{value[:30]}' tidak dikenal; pilih {allowed}.", field="kind"
            )
        )
        return None


def _refuse_for_pejabat_negara(fields: OfficialFields, errors: list[ValidationError]) -> None:
    """A pejabat negara holds no NIP and no golongan: what was typed there is an error."""
    if fields.nip.strip():
        errors.append(
            ValidationError(
                "NIP dikosongkan untuk pejabat negara (wali kota, bupati): mereka tidak "
                "memiliki NIP. Bila pejabat ini ASN, pilih jenis ASN.",
                field="nip",
            )
        )
    if fields.golongan.strip():
        errors.append(
            ValidationError(
                "Golongan dikosongkan untuk pejabat negara (wali kota, bupati): mereka tidak "
                "memiliki pangkat/golongan ASN. Bila pejabat ini ASN, pilih jenis ASN.",
                field="golongan",
            )
        )


def _asn_identity(
    fields: OfficialFields, errors: list[ValidationError]
) -> tuple[Nip | None, Golongan | None]:
    """An ASN's NIP and the golongan of the status the NIP shows (digit 13)."""
    try:
        nip = Nip.parse(fields.nip)
    except ValidationError as error:
        errors.append(ValidationError(error.message, field="nip"))
        return None, None
    try:
        return nip, parse_golongan(fields.golongan, nip.kind)
    except ValidationError as error:
        errors.append(
            ValidationError(f"{error.message} (NIP ini NIP {nip.kind}).", field="golongan")
        )
        return nip, None
