"""The staff register's value types and the validation shared by the form and the importer."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NewType, TypeVar

from kinerja_desktop.domain.employment import EmploymentStatus
from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.golongan import Golongan, parse_golongan
from kinerja_desktop.domain.jabatan import JabatanKind, Jenjang, infer_jenjang, parse_jabatan_kind
from kinerja_desktop.domain.nip import Nip, check_status
from kinerja_desktop.domain.text import checked_text, clean_text

_T = TypeVar("_T")
EmployeeId = NewType("EmployeeId", int)
UnitId = NewType("UnitId", int)

NAME_MAX = 200
GELAR_MAX = 60
JABATAN_MAX = 200


class UnitKind(StrEnum):
    INSTANSI = "INSTANSI"
    UNIT = "UNIT"
    SUB_UNIT = "SUB_UNIT"

    @property
    def label(self) -> str:
        return {"INSTANSI": "Instansi", "UNIT": "Unit", "SUB_UNIT": "Sub-unit"}[self.value]


class ActingKind(StrEnum):
    """Plt (pelaksana tugas, a vacancy) or Plh (pelaksana harian, a short absence)."""

    PLT = "PLT"
    PLH = "PLH"

    @property
    def label(self) -> str:
        return "Plt." if self is ActingKind.PLT else "Plh."


class EmploymentEventKind(StrEnum):
    MASUK = "MASUK"
    MUTASI = "MUTASI"
    PENSIUN = "PENSIUN"
    BERHENTI = "BERHENTI"
    AKTIF_KEMBALI = "AKTIF_KEMBALI"

    @property
    def label(self) -> str:
        return {
            "MASUK": "Masuk",
            "MUTASI": "Mutasi",
            "PENSIUN": "Pensiun",
            "BERHENTI": "Berhenti",
            "AKTIF_KEMBALI": "Aktif kembali",
        }[self.value]

    @property
    def ends_service(self) -> bool:
        return self in (EmploymentEventKind.PENSIUN, EmploymentEventKind.BERHENTI)


@dataclass(frozen=True)
class Unit:
    id: UnitId
    name: str
    kind: UnitKind
    parent_id: UnitId | None
    city: str = ""


@dataclass(frozen=True)
class Employee:
    """One person in the register, as the services hand it to the screens."""

    id: EmployeeId
    nip: str
    name: str
    gelar_depan: str
    gelar_belakang: str
    status: EmploymentStatus
    golongan: str
    jabatan: str
    jabatan_kind: JabatanKind
    jenjang: Jenjang | None
    unit_id: UnitId
    penilai_id: EmployeeId | None
    active: bool
    version: int

    @property
    def full_name(self) -> str:
        return full_name(self.name, self.gelar_depan, self.gelar_belakang)

    @property
    def nip_formatted(self) -> str:
        return Nip(self.nip).formatted


@dataclass(frozen=True)
class EmploymentEvent:
    employee_id: EmployeeId
    event_date: date
    kind: EmploymentEventKind
    from_unit_id: UnitId | None
    to_unit_id: UnitId | None
    note: str

    @property
    def starts_period(self) -> bool:
        """Joining, coming back, or moving into a unit opens a (partial) appraisal period."""
        return self.kind in (EmploymentEventKind.MASUK, EmploymentEventKind.AKTIF_KEMBALI) or (
            self.kind is EmploymentEventKind.MUTASI and self.to_unit_id is not None
        )

    @property
    def ends_period(self) -> bool:
        """Retiring, leaving, or moving out of the register closes the period."""
        return self.kind.ends_service or (
            self.kind is EmploymentEventKind.MUTASI and self.to_unit_id is None
        )


@dataclass(frozen=True)
class ActingAssignment:
    id: int
    kind: ActingKind
    acting_employee_id: EmployeeId
    for_employee_id: EmployeeId
    start_date: date
    end_date: date
    note: str

    def covers(self, day: date) -> bool:
        return self.start_date <= day <= self.end_date


def full_name(name: str, gelar_depan: str = "", gelar_belakang: str = "") -> str:
    """Return the name as printed on forms: "dr. Nur'aini Hasanah, M.Kes."."""
    text = f"{gelar_depan} {name}".strip() if gelar_depan else name
    return f"{text}, {gelar_belakang}" if gelar_belakang else text


@dataclass(frozen=True)
class StaffFields:
    """The identity fields of a person as typed in the form or read from an import file."""

    nip: str
    name: str
    status: str
    golongan: str
    jabatan: str
    jabatan_kind: str
    gelar_depan: str = ""
    gelar_belakang: str = ""


@dataclass(frozen=True)
class ValidStaffFields:
    nip: Nip
    name: str
    status: EmploymentStatus
    golongan: Golongan
    jabatan: str
    jabatan_kind: JabatanKind
    jenjang: Jenjang | None
    gelar_depan: str
    gelar_belakang: str


def parse_status(value: str) -> EmploymentStatus:
    text = clean_text(value).upper()
    try:
        return EmploymentStatus(text)
    except ValueError:
        shown = clean_text(value) or "(kosong)"
        raise ValidationError(
            f"Status kepegawaian harus PNS atau PPPK; yang diisi '{shown}'.", field="status"
        ) from None


def _collect(errors: list[ValidationError], field: str, check: Callable[[], _T]) -> _T | None:
    """Run one field's check; keep its error (tagged with the field) instead of raising."""
    try:
        return check()
    except ValidationError as error:
        errors.append(error if error.field else ValidationError(error.message, field=field))
        return None


def validate_staff_fields(fields: StaffFields) -> ValidStaffFields:
    """Check every identity field and return them parsed.

    Raises:
        ValidationErrors: one message per field that is wrong, each naming its field.
    """
    errors: list[ValidationError] = []
    nip = _collect(errors, "nip", lambda: Nip.parse(fields.nip))
    name = checked_text(fields.name, field="name", label="Nama", max_length=NAME_MAX, errors=errors)
    post = _post_fields(
        (
            fields.gelar_depan,
            fields.gelar_belakang,
            fields.status,
            fields.jabatan,
            fields.jabatan_kind,
            fields.golongan,
        )
    )
    errors.extend(ValidationError(message, field=field) for field, message in post.problems)
    status = post.status
    if status is not None and nip is not None:
        mismatch = check_status(nip, status)
        if mismatch is not None:
            errors.append(mismatch)
    if errors:
        raise ValidationErrors(errors)
    assert nip and name and status and post.golongan and post.jabatan and post.kind
    return ValidStaffFields(
        nip=nip,
        name=name,
        status=status,
        golongan=post.golongan,
        jabatan=post.jabatan,
        jabatan_kind=post.kind,
        jenjang=post.jenjang,
        gelar_depan=post.gelar_depan,
        gelar_belakang=post.gelar_belakang,
    )


@dataclass(frozen=True)
class _PostFields:
    """A person's degrees, rank and position, parsed, with their problems in the form's order."""

    gelar_depan: str
    gelar_belakang: str
    status: EmploymentStatus | None
    jabatan: str
    kind: JabatanKind | None
    golongan: Golongan | None
    jenjang: Jenjang | None
    #: (field, message) of each problem, in the order the form lists them.
    problems: tuple[tuple[str | None, str], ...]


# Remembered: every field here (all but the NIP and name) repeats across the rows of a staff
# list, a few dozen golongan, jabatan and degrees over thousands of people, and the result is a
# pure function of the text. Problems are kept as text, so each call raises errors of its own.
@functools.lru_cache(maxsize=8192)
def _post_fields(texts: tuple[str, str, str, str, str, str]) -> _PostFields:
    """Check the cells gelar depan, gelar belakang, status, jabatan, jenis and golongan."""
    gelar_depan, gelar_belakang, status_text, jabatan_text, kind_text, golongan_text = texts
    errors: list[ValidationError] = []
    depan = checked_text(
        gelar_depan,
        field="gelar_depan",
        label="Gelar depan",
        max_length=GELAR_MAX,
        required=False,
        errors=errors,
    )
    belakang = checked_text(
        gelar_belakang,
        field="gelar_belakang",
        label="Gelar belakang",
        max_length=GELAR_MAX,
        required=False,
        errors=errors,
    )
    status = _collect(errors, "status", lambda: parse_status(status_text))
    jabatan = checked_text(
        jabatan_text, field="jabatan", label="Jabatan", max_length=JABATAN_MAX, errors=errors
    )
    kind = _collect(errors, "jabatan_kind", lambda: parse_jabatan_kind(kind_text))
    golongan = None
    if status is not None:
        known_status = status
        golongan = _collect(errors, "golongan", lambda: parse_golongan(golongan_text, known_status))
    return _PostFields(
        gelar_depan=depan or "",
        gelar_belakang=belakang or "",
        status=status,
        jabatan=jabatan,
        kind=kind,
        golongan=golongan,
        jenjang=infer_jenjang(kind, jabatan) if kind is not None and jabatan else None,
        problems=tuple((error.field, error.message) for error in errors),
    )
