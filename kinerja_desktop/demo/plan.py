"""The demo office as plain data: its size limits and the plan of units, people and Plt.

Nothing here touches the database; :func:`~kinerja_desktop.demo.office.plan_office`
makes a plan and :mod:`~kinerja_desktop.demo.steps` writes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kinerja_desktop.domain.employment import EmploymentStatus, Gender
from kinerja_desktop.domain.jabatan import JabatanKind
from kinerja_desktop.domain.periods import DEFAULT_SCHEME, EvaluationScheme
from kinerja_desktop.domain.staff import ActingKind, StaffFields, UnitKind, full_name

MIN_EMPLOYEES = 1
MAX_EMPLOYEES = 100_000
#: People in the default office (Kecamatan Kertapati and Puskesmas Kertapati).
DEFAULT_EMPLOYEES = 40
#: Most people one supervisor appraises when the office grows.
STAFF_CAP = 12
#: People per kecamatan block (kecamatan, its kelurahan and its puskesmas) when the office grows;
#: 17 heads and about 10 staff for each of the 15 supervisors below the camat and sekcam.
BLOCK_TARGET = 160
#: Retirement age (batas usia pensiun) of pelaksana and pejabat pengawas.
RETIREMENT_AGE = 58


@dataclass(frozen=True)
class UnitPlan:
    """One unit to write; ``parent`` is the key of a unit listed before it."""

    key: str
    name: str
    kind: UnitKind
    parent: str | None


@dataclass(frozen=True)
class PersonPlan:
    """One person to write, with the history the demo gives them.

    Attributes:
        key: Stable key within the plan ("b0.camat", "b0.kasi_pu.3").
        role: "camat", "sekcam", "kasi_pem", "kapus", "lurah", ... for heads; "staff" otherwise.
        unit: Key of the unit the person is in now.
        penilai: Key of the person who appraises them, or None (appraised from outside).
        joined: Date of the MASUK event (the first appointment, or joining the office).
        first_unit: Unit key at joining; differs from ``unit`` after a mutasi.
        moved_on: Date of the mutasi to ``unit``, if any.
        left_on: Date the person retired (then ``active`` is False), if any.
    """

    key: str
    role: str
    name: str
    gelar_depan: str
    gelar_belakang: str
    gender: Gender
    status: EmploymentStatus
    golongan: str
    jabatan: str
    jabatan_kind: JabatanKind
    nip: str
    birth_date: date
    unit: str
    penilai: str | None
    joined: date
    first_unit: str
    moved_on: date | None = None
    left_on: date | None = None

    @property
    def active(self) -> bool:
        return self.left_on is None

    @property
    def full_name(self) -> str:
        return full_name(self.name, self.gelar_depan, self.gelar_belakang)

    def fields(self) -> StaffFields:
        return StaffFields(
            nip=self.nip,
            name=self.name,
            status=self.status.value,
            golongan=self.golongan,
            jabatan=self.jabatan,
            jabatan_kind=self.jabatan_kind.value,
            gelar_depan=self.gelar_depan,
            gelar_belakang=self.gelar_belakang,
        )


@dataclass(frozen=True)
class ActingPlan:
    kind: ActingKind
    acting: str
    for_person: str
    start: date
    end: date
    note: str


@dataclass(frozen=True)
class OfficePlan:
    """Everything the demo writes, in writing order (parents and supervisors first)."""

    instansi: str
    city: str
    today: date
    units: tuple[UnitPlan, ...]
    people: tuple[PersonPlan, ...]
    acting: tuple[ActingPlan, ...]
    scheme: EvaluationScheme = DEFAULT_SCHEME

    @property
    def instansi_key(self) -> str:
        return self.units[0].key

    def person(self, key: str) -> PersonPlan:
        return next(person for person in self.people if person.key == key)


@dataclass(frozen=True)
class Post:
    """A position to fill, before the person in it is made up."""

    key: str
    role: str
    job: str
    unit: str
    penilai: str | None
    place: str = ""
    status: EmploymentStatus | None = None
    gender: Gender | None = None
    special: str = ""  # "", "mutasi", "pensiun" or "baru"
    apostrophe: bool = False  # a name written with an apostrophe (Nur'aini)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return day.replace(year=index // 12, month=index % 12 + 1)
