"""The demo office: a realistic, deterministic staff register for trying the app and for benchmarks.

The default office is Kecamatan Kertapati and Puskesmas Kertapati under the Pemerintah Kota
Palembang, about 40 people. Who appraises whom follows the usual pairs of an instansi daerah:

- The Camat is appraised from outside the office (by the Sekretaris Daerah for the Wali Kota), so
  he or she has no penilai here. The Sekretaris Kecamatan, the Kepala Seksi and the Lurah are
  appraised by the Camat, the Kepala Subbagian by the Sekretaris Kecamatan, and staff by their
  own head.
- The Kepala Puskesmas has **no penilai in this office either**: a puskesmas is a UPTD of the
  Dinas Kesehatan, so its head is appraised by the Kepala Dinas Kesehatan, not by the Camat. The
  Kepala Subbagian Tata Usaha and the fungsional health staff are appraised by the Kepala
  Puskesmas; the Tata Usaha staff by the Kepala Subbagian Tata Usaha.

Larger offices repeat the pattern: more kecamatan (each with six kelurahan) and a puskesmas for
each, every supervisor appraising up to :data:`STAFF_CAP` people. For fewer people than the
default office, the first N of its ordered list are written (heads first), so the tree stays
valid for every N.

Everything is written in one transaction, by small steps (:data:`DEMO_STEPS`) that later
capabilities extend with their own demo data. The same seed and day always give the same
database content.
"""

from __future__ import annotations

import calendar
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.models import (
    ActingAssignmentRow,
    AppraisalYearRow,
    EmployeeRow,
    EmploymentEventRow,
    UnitRow,
)
from kinerja_desktop.data.schema import Base
from kinerja_desktop.domain.dates import format_date_range_id
from kinerja_desktop.domain.employment import EmploymentStatus, Gender
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.golongan import golongan_choices
from kinerja_desktop.domain.jabatan import JabatanKind
from kinerja_desktop.domain.periods import DEFAULT_SCHEME, EvaluationScheme
from kinerja_desktop.domain.staff import (
    ActingKind,
    EmploymentEventKind,
    StaffFields,
    UnitKind,
    full_name,
    validate_staff_fields,
)
from kinerja_desktop.services import demo_people as people
from kinerja_desktop.services.demo_people import Job, Qualification

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
_OLDEST_ACTIVE = RETIREMENT_AGE - 1
_YOUNGEST = 22
_APPOINTED_YOUNGEST = 21  # by birth year; exact age at appointment is then 20 or more
_APPOINTED_OLDEST = 35
_FIRST_PPPK_YEAR = 2021
#: Fewest years since appointment of a structural head: heads are experienced officials.
_HEAD_SERVICE = {JabatanKind.ADMINISTRATOR: 12, JabatanKind.PENGAWAS: 6}
_PNS_TMT_MONTHS = (1, 1, 2, 3, 3, 4, 12)
_PPPK_TMT_MONTHS = (1, 3, 4, 10)


# --- the plan (pure data; no database) ----------------------------------------------------------


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
class _Post:
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


# Units of one block, relative to the block: (suffix, name, parent suffix).
_KECAMATAN_UNITS = (
    ("sekretariat", "Sekretariat", "kec"),
    ("subbag_umum", "Subbagian Umum dan Kepegawaian", "sekretariat"),
    ("subbag_pk", "Subbagian Perencanaan dan Keuangan", "sekretariat"),
    ("seksi_pem", "Seksi Pemerintahan", "kec"),
    ("seksi_trantib", "Seksi Ketenteraman dan Ketertiban Umum", "kec"),
    ("seksi_ekbang", "Seksi Ekonomi dan Pembangunan", "kec"),
    ("seksi_kesos", "Seksi Kesejahteraan Sosial", "kec"),
    ("seksi_pu", "Seksi Pelayanan Umum", "kec"),
)
_PUSKESMAS_UNITS = (
    ("tu", "Subbagian Tata Usaha", "pkm"),
    ("poli_umum", "Poli Umum", "pkm"),
    ("poli_gigi", "Poli Gigi", "pkm"),
    ("kia", "KIA/KB", "pkm"),
    ("farmasi", "Farmasi", "pkm"),
    ("lab", "Laboratorium", "pkm"),
    ("promkes", "Promkes dan Kesling", "pkm"),
)
_KELURAHAN_PER_KECAMATAN = 6

# Heads of a block, in writing order: (role, job, unit suffix, penilai role).
_HEADS = (
    ("camat", "camat", "kec", None),
    ("kapus", "kapus", "pkm", None),
    ("sekcam", "sekcam", "sekretariat", "camat"),
    ("kasi_pem", "kasi_pem", "seksi_pem", "camat"),
    ("kasi_trantib", "kasi_trantib", "seksi_trantib", "camat"),
    ("kasi_ekbang", "kasi_ekbang", "seksi_ekbang", "camat"),
    ("kasi_kesos", "kasi_kesos", "seksi_kesos", "camat"),
    ("kasi_pu", "kasi_pu", "seksi_pu", "camat"),
    ("kasubbag_umum", "kasubbag_umum", "subbag_umum", "sekcam"),
    ("kasubbag_pk", "kasubbag_pk", "subbag_pk", "sekcam"),
    ("kasubbag_tu", "kasubbag_tu", "tu", "kapus"),
    *((f"lurah{n}", "lurah", f"kel{n}", "camat") for n in range(1, _KELURAHAN_PER_KECAMATAN + 1)),
)

_PELAYANAN = (("olo", ""), ("pengadministrasi", ""), ("plo", ""), ("pdi", ""))
# The jobs of the people each supervisor appraises when the office grows: (job, unit suffix);
# an empty suffix means the supervisor's own unit.
_STAFF_POOLS: dict[str, tuple[tuple[str, str], ...]] = {
    "kasi_pem": (("pdi", ""), ("olo", ""), ("analis_kebijakan_ap", ""), ("plo", "")),
    "kasi_trantib": (("polpp_terampil", ""), ("polpp_pemula", ""), ("olo", ""), ("polpp_ap", "")),
    "kasi_ekbang": (("plo", ""), ("pdi", ""), ("olo", ""), ("perencana_ap", "")),
    "kasi_kesos": (("peksos_ap", ""), ("penyuluh_sosial_ap", ""), ("olo", ""), ("pdi", "")),
    "kasi_pu": (*_PELAYANAN, ("prakom_terampil", "")),
    "kasubbag_umum": (
        ("pengadministrasi", ""),
        ("prakom_ap", ""),
        ("arsiparis_terampil", ""),
        ("olo", ""),
        ("analis_sdm_ap", ""),
    ),
    "kasubbag_pk": (("akpd_ap", ""), ("plo", ""), ("perencana_ap", ""), ("pdi", "")),
    "lurah": _PELAYANAN,
    "kapus": (
        ("dokter_ap", "poli_umum"),
        ("perawat_terampil", "poli_umum"),
        ("bidan_terampil", "kia"),
        ("perawat_ap", "poli_umum"),
        ("bidan_ap", "kia"),
        ("apoteker_ap", "farmasi"),
        ("asisten_apoteker_terampil", "farmasi"),
        ("plk_terampil", "lab"),
        ("sanitarian_terampil", "promkes"),
        ("nutrisionis_terampil", "promkes"),
        ("penyuluh_kesmas_ap", "promkes"),
        ("epidemiolog_ap", "promkes"),
        ("dokter_gigi_ap", "poli_gigi"),
        ("terapis_gigi_terampil", "poli_gigi"),
        ("perawat_am", "poli_umum"),
        ("dokter_am", "poli_umum"),
    ),
    "kasubbag_tu": (
        ("pengadministrasi", ""),
        ("olo", ""),
        ("prakom_terampil", ""),
        ("olk", ""),
        ("plo", ""),
    ),
}

_PNS, _PPPK = EmploymentStatus.PNS, EmploymentStatus.PPPK
# The default office after its twelve heads (one kelurahan): (supervisor role, job, unit suffix,
# fixed status, special). Interleaved so that any first N people make a plausible office.
_HOME_STAFF: tuple[tuple[str, str, str, EmploymentStatus | None, str], ...] = (
    ("kapus", "dokter_am", "poli_umum", _PNS, ""),
    ("kasi_pu", "olo", "seksi_pu", _PPPK, ""),
    ("kapus", "perawat_am", "poli_umum", _PNS, ""),
    ("kasi_pu", "pengadministrasi", "seksi_pu", _PNS, ""),
    ("kapus", "bidan_ap", "kia", _PNS, ""),
    ("kasubbag_umum", "prakom_ap", "subbag_umum", _PNS, ""),
    ("kapus", "apoteker_ap", "farmasi", _PNS, ""),
    ("kasi_pu", "plo", "seksi_pu", _PPPK, ""),
    ("kapus", "epidemiolog_ap", "promkes", _PNS, ""),
    ("kasi_trantib", "polpp_terampil", "seksi_trantib", _PNS, ""),
    ("kapus", "bidan_terampil", "kia", _PPPK, ""),
    ("kasi_pu", "pdi", "seksi_pu", _PNS, ""),
    ("kapus", "sanitarian_terampil", "promkes", _PNS, ""),
    ("kasi_kesos", "peksos_ap", "seksi_kesos", _PNS, ""),
    ("kapus", "plk_terampil", "lab", _PPPK, ""),
    ("kasi_pu", "prakom_terampil", "seksi_pu", _PNS, ""),
    ("kapus", "nutrisionis_terampil", "promkes", _PNS, ""),
    ("kasubbag_pk", "akpd_ap", "subbag_pk", _PNS, ""),
    ("kapus", "dokter_ap", "poli_umum", _PNS, ""),
    ("lurah1", "olo", "kel1", _PPPK, ""),
    ("kasubbag_tu", "pengadministrasi", "tu", _PNS, "mutasi"),
    ("kasi_pu", "olo", "seksi_pu", _PPPK, ""),
    ("kasi_pu", "pengadministrasi", "seksi_pu", _PNS, "pensiun"),
    ("kasubbag_tu", "olo", "tu", _PPPK, ""),
    ("kapus", "perawat_ap", "poli_umum", _PPPK, "baru"),
    ("kasi_pu", "plo", "seksi_pu", _PNS, ""),
    ("kasi_pu", "pengadministrasi", "seksi_pu", _PNS, ""),
    ("kasi_pem", "pdi", "seksi_pem", _PNS, ""),
)
_HOME_HEADS = 12  # camat .. kasubbag_tu and the first lurah
#: Where the person who moved worked before (a unit of the same block).
_MUTASI_FROM = "subbag_umum"
#: The Plt: the Kepala Seksi Pemerintahan stands in for the Kepala Seksi Kesejahteraan Sosial.
_PLT_ACTING, _PLT_FOR = "kasi_pem", "kasi_kesos"


@dataclass(frozen=True)
class _Block:
    index: int
    place: str
    kelurahan: tuple[str, ...]

    def key(self, suffix: str) -> str:
        return f"b{self.index}.{suffix}"

    def units(self) -> list[UnitPlan]:
        kec, pkm = self.key("kec"), self.key("pkm")
        found = [UnitPlan(kec, f"Kecamatan {self.place}", UnitKind.UNIT, "instansi")]
        found += [
            UnitPlan(self.key(suffix), name, UnitKind.SUB_UNIT, self.key(parent))
            for suffix, name, parent in _KECAMATAN_UNITS
        ]
        found += [
            UnitPlan(self.key(f"kel{n}"), f"Kelurahan {place}", UnitKind.SUB_UNIT, kec)
            for n, place in enumerate(self.kelurahan, start=1)
        ]
        found.append(UnitPlan(pkm, f"Puskesmas {self.place}", UnitKind.UNIT, "instansi"))
        found += [
            UnitPlan(self.key(suffix), name, UnitKind.SUB_UNIT, self.key(parent))
            for suffix, name, parent in _PUSKESMAS_UNITS
        ]
        return found

    def heads(self) -> list[_Post]:
        posts = []
        for role, job, unit, penilai in _HEADS:
            place = self.place
            if role.startswith("lurah"):
                place = self.kelurahan[int(role.removeprefix("lurah")) - 1]
            posts.append(
                _Post(
                    key=self.key(role),
                    role="lurah" if role.startswith("lurah") else role,
                    job=job,
                    unit=self.key(unit),
                    penilai=self.key(penilai) if penilai else None,
                    place=place,
                    # The Kepala Puskesmas of the home office is the "she" of the product brief.
                    gender=Gender.WANITA if self.index == 0 and role == "kapus" else None,
                    apostrophe=self.index == 0 and role == "kapus",
                )
            )
        return posts

    def home_staff(self) -> list[_Post]:
        posts = []
        counts: dict[str, int] = {}
        for supervisor, job, unit, status, special in _HOME_STAFF:
            counts[supervisor] = counts.get(supervisor, 0) + 1
            posts.append(
                _Post(
                    key=self.key(f"{supervisor}.{counts[supervisor]}"),
                    role="staff",
                    job=job,
                    unit=self.key(unit),
                    penilai=self.key(supervisor),
                    status=status,
                    special=special,
                )
            )
        return posts

    def more_staff(self, have: list[_Post], wanted: int, rng: random.Random) -> list[_Post]:
        """Return ``wanted`` more staff, one for each supervisor in turn, none past the cap."""
        supervisors = [role for role, *_ in _HEADS if role not in ("camat", "sekcam")]
        counts = {role: 0 for role in supervisors}
        for post in have:
            role = (post.penilai or "").removeprefix(self.key(""))
            if post.role == "staff" and role in counts:
                counts[role] += 1
        offsets = {role: rng.randrange(len(_pool(role))) for role in supervisors}
        posts: list[_Post] = []
        while len(posts) < wanted:
            open_roles = [role for role in supervisors if counts[role] < STAFF_CAP]
            if not open_roles:
                raise AssertionError("demo block over capacity")  # BLOCK_TARGET keeps us below
            for role in open_roles[: wanted - len(posts)]:
                counts[role] += 1
                pool = _pool(role)
                job, unit = pool[(counts[role] + offsets[role]) % len(pool)]
                own_unit = next(u for r, _j, u, _p in _HEADS if r == role)
                posts.append(
                    _Post(
                        key=self.key(f"{role}.{counts[role]}"),
                        role="staff",
                        job=job,
                        unit=self.key(unit or own_unit),
                        penilai=self.key(role),
                    )
                )
        return posts


def _pool(role: str) -> tuple[tuple[str, str], ...]:
    return _STAFF_POOLS["lurah" if role.startswith("lurah") else role]


def _blocks(count: int, rng: random.Random) -> list[_Block]:
    real = (people.HOME_PLACE, *people.OTHER_KECAMATAN)
    made_up = people.made_up_places(rng, exclude=frozenset(real))
    places = list(real[:count])
    extra = made_up[: max(0, count - len(places))]
    places += extra
    suffix = 2
    while len(places) < count:  # only past ~900 kecamatan, far beyond MAX_EMPLOYEES
        places += [f"{name} {suffix}" for name in made_up[: count - len(places)]]
        suffix += 1
    blocks = [_Block(0, people.HOME_PLACE, people.HOME_KELURAHAN)]
    for index, place in enumerate(places[1:], start=1):
        kelurahan = rng.sample(made_up, _KELURAHAN_PER_KECAMATAN)
        blocks.append(_Block(index, place, tuple(kelurahan)))
    return blocks


def _organisation(employees: int, rng: random.Random) -> tuple[list[_Block], list[_Post]]:
    """Return the blocks and the ordered positions of an office of ``employees`` people."""
    if employees <= DEFAULT_EMPLOYEES:
        home = _Block(0, people.HOME_PLACE, people.HOME_KELURAHAN)
        office = home.heads()[:_HOME_HEADS] + home.home_staff()
        assert len(office) == DEFAULT_EMPLOYEES
        return [home], office[:employees]
    count = math.ceil(employees / BLOCK_TARGET)
    sizes = [employees // count + (1 if i < employees % count else 0) for i in range(count)]
    blocks = _blocks(count, rng)
    posts: list[_Post] = []
    for block, size in zip(blocks, sizes, strict=True):
        if block.index == 0:
            heads = block.heads()
            have = heads[:_HOME_HEADS] + block.home_staff() + heads[_HOME_HEADS:]
        else:
            have = block.heads()
        have = have[:size]
        posts += have + block.more_staff(have, size - len(have), rng)
    return blocks, posts


def plan_office(employees: int = DEFAULT_EMPLOYEES, *, seed: int = 2026, today: date) -> OfficePlan:
    """Return the demo office of ``employees`` people as plain data, without writing anything.

    The first people are always the same for one seed and day, whatever ``employees`` is, and
    each person comes after the person who appraises them.

    Raises:
        ValidationError: When ``employees`` is out of range or ``today`` is outside 2000–2100.
    """
    _check_arguments(employees, today)
    blocks, posts = _organisation(employees, random.Random(f"kinerja-demo/{seed}/organisation"))
    maker = _PersonMaker(random.Random(f"kinerja-demo/{seed}/people"), today)
    persons = tuple(maker.make(post) for post in posts)
    used_units = {person.unit for person in persons} | {person.first_unit for person in persons}
    units = _units_in_use(blocks, used_units)
    return OfficePlan(
        instansi=people.INSTANSI,
        city=people.CITY,
        today=today,
        units=units,
        people=persons,
        acting=_acting(persons, today),
    )


def _units_in_use(blocks: list[_Block], used: set[str]) -> tuple[UnitPlan, ...]:
    """Return the instansi and the units someone works (or worked) in, parents first."""
    all_units = [unit for block in blocks for unit in block.units()]
    parent_of = {unit.key: unit.parent for unit in all_units}
    wanted = set()
    for key in used:
        current: str | None = key
        while current is not None and current != "instansi":
            wanted.add(current)
            current = parent_of[current]
    instansi = UnitPlan("instansi", people.INSTANSI, UnitKind.INSTANSI, None)
    return (instansi, *(unit for unit in all_units if unit.key in wanted))


def _acting(persons: tuple[PersonPlan, ...], today: date) -> tuple[ActingPlan, ...]:
    keys = {person.key for person in persons}
    acting, absent = f"b0.{_PLT_ACTING}", f"b0.{_PLT_FOR}"
    if acting not in keys or absent not in keys:
        return ()
    start = _add_months(today.replace(day=1), -1)
    last_month = _add_months(today.replace(day=1), 2)
    end = last_month.replace(day=calendar.monthrange(last_month.year, last_month.month)[1])
    return (
        ActingPlan(
            ActingKind.PLT,
            acting,
            absent,
            start,
            end,
            "Plt. Kepala Seksi Kesejahteraan Sosial selama pejabatnya menjalani tugas belajar.",
        ),
    )


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return day.replace(year=index // 12, month=index % 12 + 1)


_PNS_RANK = {g.code: g.rank for g in golongan_choices(EmploymentStatus.PNS)}
_PNS_CODE = {g.rank: g.code for g in golongan_choices(EmploymentStatus.PNS)}


@dataclass(frozen=True)
class _Career:
    birth: date
    appointed: date  # TMT of the first appointment
    golongan: str
    pppk_round: int | None = None


class _PersonMaker:
    """Makes up the person in a position: name, degrees, birth, appointment, golongan, NIP."""

    def __init__(self, rng: random.Random, today: date) -> None:
        self._rng = rng
        self._today = today
        self._nips: set[str] = set()

    def make(self, post: _Post) -> PersonPlan:
        rng, today = self._rng, self._today
        job = people.JOBS[post.job]
        status = post.status or (_PPPK if rng.random() < job.pppk_share else _PNS)
        qualification = job.qualifications[rng.randrange(len(job.qualifications))]
        gender = post.gender or job.gender or (Gender.PRIA if rng.random() < 0.5 else Gender.WANITA)
        name = people.person_name(rng, gender, apostrophe=post.apostrophe)
        left_on = moved_on = None
        first_unit = post.unit
        if post.special == "pensiun":
            left_on = _add_months(today.replace(day=1), -rng.randint(1, 5))
            career = self._retiree(job, qualification, left_on)
        elif status is _PPPK:
            career = self._pppk(qualification, joining=post.special == "baru")
        else:
            moved_on = date(today.year - 1, 10, 1) if post.special == "mutasi" else None
            least = max(_HEAD_SERVICE.get(job.kind, 1), 2 if moved_on else 1)
            career = self._pns(job, qualification, min_service=least)
        if moved_on is not None:
            first_unit = post.unit.split(".")[0] + "." + _MUTASI_FROM
        joined = date(today.year, 6, 1) if post.special == "baru" else career.appointed
        return PersonPlan(
            key=post.key,
            role=post.role,
            name=name,
            gelar_depan=qualification.gelar_depan,
            gelar_belakang=qualification.gelar_belakang,
            gender=gender,
            status=status,
            golongan=career.golongan,
            jabatan=job.title.format(place=post.place),
            jabatan_kind=job.kind,
            nip=self._nip(career, gender),
            birth_date=career.birth,
            unit=post.unit,
            penilai=post.penilai,
            joined=joined,
            first_unit=first_unit,
            moved_on=moved_on,
            left_on=left_on,
        )

    def _pns(self, job: Job, qualification: Qualification, *, min_service: int) -> _Career:
        """A PNS whose golongan fits the jabatan and the years since appointment.

        Golongan rises one ruang every four years from the entry golongan of the diploma (up to
        two years late), held within the jabatan's usual range.
        """
        rng = self._rng
        education = qualification.education
        entry = _PNS_RANK[education.pns_entry]
        low, high = (_PNS_RANK[code] for code in job.golongan)
        low = max(low, entry)
        youngest = max(_APPOINTED_YOUNGEST, education.min_age)
        longest = _OLDEST_ACTIVE - youngest
        service = rng.randint(
            min(max(min_service, (low - entry) * 4), longest),
            min((high - entry) * 4 + 7, longest),
        )
        rank = min(high, max(low, entry + (service - rng.randint(0, 2)) // 4))
        age = rng.randint(
            max(youngest, _YOUNGEST + 1 - service), min(_APPOINTED_OLDEST, _OLDEST_ACTIVE - service)
        )
        year = self._today.year - service
        appointed = date(year, _PNS_TMT_MONTHS[rng.randrange(len(_PNS_TMT_MONTHS))], 1)
        return _Career(self._birth(year - age), appointed, _PNS_CODE[rank])

    def _retiree(self, job: Job, qualification: Qualification, left_on: date) -> _Career:
        """A PNS who reached the retirement age; the pension starts the month after."""
        rng = self._rng
        birthday = _add_months(left_on, -1)
        born_month = birthday.month
        born_year = birthday.year - RETIREMENT_AGE
        day = rng.randint(1, calendar.monthrange(born_year, born_month)[1])
        age = rng.randint(max(_APPOINTED_YOUNGEST, qualification.education.min_age), 25)
        appointed = date(born_year + age, _PNS_TMT_MONTHS[rng.randrange(len(_PNS_TMT_MONTHS))], 1)
        entry = _PNS_RANK[qualification.education.pns_entry]
        service = self._today.year - appointed.year
        rank = min(_PNS_RANK[job.golongan[1]], entry + service // 4)
        return _Career(date(born_year, born_month, day), appointed, _PNS_CODE[rank])

    def _pppk(self, qualification: Qualification, *, joining: bool) -> _Career:
        """A PPPK appointed in one of the recent rounds (or this year, for the newcomer)."""
        rng, today = self._rng, self._today
        years = list(range(max(_FIRST_PPPK_YEAR, today.year - 5), today.year))
        if joining or not years:
            year = today.year
            month = 6 if joining else 1
        else:
            year = years[rng.randrange(len(years))]
            month = _PPPK_TMT_MONTHS[rng.randrange(len(_PPPK_TMT_MONTHS))]
        service = today.year - year
        education = qualification.education
        age = rng.randint(
            max(_APPOINTED_YOUNGEST, education.min_age, _YOUNGEST + 1 - service),
            min(_APPOINTED_OLDEST, _OLDEST_ACTIVE - service),
        )
        pppk_round = 1 if rng.random() < 0.8 else 2
        return _Career(
            self._birth(year - age), date(year, month, 1), education.pppk_golongan, pppk_round
        )

    def _birth(self, year: int) -> date:
        month = self._rng.randint(1, 12)
        return date(year, month, self._rng.randint(1, calendar.monthrange(year, month)[1]))

    def _nip(self, career: _Career, gender: Gender) -> str:
        """Return an unused NIP: birth date, TMT (PNS: year and month; PPPK: year, 2, round)."""
        appointed = career.appointed
        if career.pppk_round is None:
            middle = f"{appointed.year:04d}{appointed.month:02d}"
        else:
            middle = f"{appointed.year:04d}2{career.pppk_round}"
        prefix = f"{career.birth:%Y%m%d}{middle}{'1' if gender is Gender.PRIA else '2'}"
        serial = self._rng.randint(1, 12)
        while f"{prefix}{serial:03d}" in self._nips:
            serial += 1
            if serial > 999:
                raise AssertionError(f"no free NIP serial for {prefix}")
        nip = f"{prefix}{serial:03d}"
        self._nips.add(nip)
        return nip


def _check_arguments(employees: int, today: date) -> None:
    if not MIN_EMPLOYEES <= employees <= MAX_EMPLOYEES:
        raise ValidationError(
            f"Jumlah pegawai kantor contoh harus antara {MIN_EMPLOYEES} dan {MAX_EMPLOYEES}; "
            f"yang diminta {employees}.",
            field="employees",
        )
    if not 2000 <= today.year <= 2100:
        raise ValidationError(
            f"Tanggal kantor contoh harus pada tahun 2000 sampai 2100; yang diminta {today.year}.",
            field="today",
        )


# --- writing -----------------------------------------------------------------------------------


@dataclass
class DemoContext:
    """What each demo step works with: the open transaction, the plan, and the ids written.

    Attributes:
        session: The one write transaction of the whole demo; steps never commit.
        plan: The office being written.
        seed: The seed of the demo; use :meth:`rng` for a step's own random numbers.
        today: The day the demo is written for.
        stamp: Timestamp written into created/recorded columns, so that the content is the same
            for the same seed and day.
        unit_ids: Database id of each unit, by plan key (after the units step).
        employee_ids: Database id of each person, by plan key (after the people step).
        notes: Summary lines that steps add (in Indonesian).
    """

    session: Session
    plan: OfficePlan
    seed: int
    today: date
    stamp: datetime
    unit_ids: dict[str, int] = field(default_factory=dict)
    employee_ids: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def rng(self, step: str) -> random.Random:
        """Return a random generator of its own for ``step``, so steps never disturb each other."""
        return random.Random(f"kinerja-demo/{self.seed}/{step}")


DemoStep = Callable[[DemoContext], None]


def _next_id(session: Session, column: Any) -> int:
    return int(session.scalar(select(func.max(column))) or 0) + 1


def _bulk_insert(ctx: DemoContext, model: type[Base], rows: list[dict[str, Any]]) -> None:
    """Insert many rows in a few statements; NULLs are rendered so that rows batch together."""
    ctx.session.execute(insert(model).execution_options(render_nulls=True), rows)


def write_units(ctx: DemoContext) -> None:
    """Write the instansi and its units, parents first."""
    first = _next_id(ctx.session, UnitRow.id)
    rows = []
    for offset, unit in enumerate(ctx.plan.units):
        ctx.unit_ids[unit.key] = first + offset
        rows.append(
            {
                "id": first + offset,
                "name": unit.name,
                "kind": unit.kind.value,
                "parent_id": ctx.unit_ids[unit.parent] if unit.parent else None,
                "city": ctx.plan.city,
            }
        )
    _bulk_insert(ctx, UnitRow, rows)


def write_people(ctx: DemoContext) -> None:
    """Write every person, each after their penilai; every record passes the form's checks."""
    first = _next_id(ctx.session, EmployeeRow.id)
    rows = []
    for offset, person in enumerate(ctx.plan.people):
        valid = validate_staff_fields(person.fields())
        ctx.employee_ids[person.key] = first + offset
        rows.append(
            {
                "id": first + offset,
                "nip": str(valid.nip),
                "name": valid.name,
                "gelar_depan": valid.gelar_depan,
                "gelar_belakang": valid.gelar_belakang,
                "status": valid.status.value,
                "golongan": valid.golongan.code,
                "jabatan": valid.jabatan,
                "jabatan_kind": valid.jabatan_kind.value,
                "jenjang": valid.jenjang.value if valid.jenjang else None,
                "unit_id": ctx.unit_ids[person.unit],
                "penilai_id": ctx.employee_ids[person.penilai] if person.penilai else None,
                "active": person.active,
                "created_at": ctx.stamp,
                "updated_at": ctx.stamp,
                "version": 1,
            }
        )
    _bulk_insert(ctx, EmployeeRow, rows)


def write_history(ctx: DemoContext) -> None:
    """Write each person's MASUK, and the one mutasi and one pensiun of the demo."""
    rows = []
    for person in ctx.plan.people:
        employee_id = ctx.employee_ids[person.key]
        rows.append(
            _event(ctx, employee_id, EmploymentEventKind.MASUK, person.joined, to=person.first_unit)
        )
        if person.moved_on is not None:
            moved = EmploymentEventKind.MUTASI
            rows.append(
                _event(
                    ctx,
                    employee_id,
                    moved,
                    person.moved_on,
                    start=person.first_unit,
                    to=person.unit,
                )
            )
        if person.left_on is not None:
            retired = EmploymentEventKind.PENSIUN
            event = _event(ctx, employee_id, retired, person.left_on, start=person.unit)
            event["note"] = f"Pensiun batas usia ({RETIREMENT_AGE} tahun)."
            rows.append(event)
    _bulk_insert(ctx, EmploymentEventRow, rows)


def _event(
    ctx: DemoContext,
    employee_id: int,
    kind: EmploymentEventKind,
    on: date,
    *,
    start: str | None = None,
    to: str | None = None,
) -> dict[str, Any]:
    """Return one history row; ``start`` and ``to`` are the unit keys it moves from and to."""
    return {
        "employee_id": employee_id,
        "event_date": on,
        "kind": kind.value,
        "from_unit_id": ctx.unit_ids[start] if start else None,
        "to_unit_id": ctx.unit_ids[to] if to else None,
        "note": "",
        "recorded_at": ctx.stamp,
    }


def write_acting(ctx: DemoContext) -> None:
    """Write the Plt who stands in for an absent supervisor around today."""
    for acting in ctx.plan.acting:
        ctx.session.add(
            ActingAssignmentRow(
                kind=acting.kind.value,
                acting_employee_id=ctx.employee_ids[acting.acting],
                for_employee_id=ctx.employee_ids[acting.for_person],
                start_date=acting.start,
                end_date=acting.end,
                note=acting.note,
            )
        )
    ctx.session.flush()


def write_appraisal_years(ctx: DemoContext) -> None:
    """Set this year's evaluation scheme (triwulan) for the instansi."""
    ctx.session.add(
        AppraisalYearRow(
            instansi_id=ctx.unit_ids[ctx.plan.instansi_key],
            year=ctx.today.year,
            scheme=ctx.plan.scheme.value,
        )
    )
    ctx.session.flush()


#: The steps of the demo, in order. A capability adds its own demo data by appending a step; it
#: runs in the same transaction, after the register is written, with ``ctx.employee_ids`` filled.
DEMO_STEPS: list[DemoStep] = [
    write_units,
    write_people,
    write_history,
    write_acting,
    write_appraisal_years,
]


# --- the summary and the entry point -----------------------------------------------------------


def _some(names: list[str], shown: int = 4) -> str:
    text = ", ".join(names[:shown])
    return f"{text} dan {len(names) - shown} lainnya" if len(names) > shown else text


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`write_demo` wrote; ``str()`` gives the Indonesian summary the CLI prints."""

    instansi: str
    units: tuple[str, ...]  # the units directly under the instansi
    sub_units: int
    employees: int
    active: int
    pns: int
    pppk: int
    heads: tuple[str, ...]  # "Camat Kertapati (Nama)": active people appraised from outside
    year: int
    scheme: EvaluationScheme
    acting: tuple[str, ...]
    notes: tuple[str, ...] = ()

    def __str__(self) -> str:
        lines = [
            f"Kantor contoh ditulis: {self.employees} pegawai di {len(self.units)} unit "
            f"({_some(list(self.units))}) dengan {self.sub_units} sub-unit, {self.instansi}.",
            f"{self.active} aktif, {self.employees - self.active} pensiun; "
            f"{self.pns} PNS dan {self.pppk} PPPK.",
        ]
        if self.heads:
            lines.append(
                "Dinilai oleh pejabat di luar kantor ini (tanpa Pejabat Penilai di sini): "
                f"{_some(list(self.heads))}."
            )
        lines.append(f"Tahun penilaian {self.year}, evaluasi periodik {self.scheme.label}.")
        lines += self.acting
        lines += self.notes
        return "\n".join(lines)


def _summary(ctx: DemoContext) -> DemoSummary:
    plan = ctx.plan
    by_key = {person.key: person for person in plan.people}
    return DemoSummary(
        instansi=plan.instansi,
        units=tuple(unit.name for unit in plan.units if unit.kind is UnitKind.UNIT),
        sub_units=sum(unit.kind is UnitKind.SUB_UNIT for unit in plan.units),
        employees=len(plan.people),
        active=sum(person.active for person in plan.people),
        pns=sum(person.status is _PNS for person in plan.people),
        pppk=sum(person.status is _PPPK for person in plan.people),
        heads=tuple(
            f"{person.jabatan} ({person.full_name})"
            for person in plan.people
            if person.penilai is None and person.active
        ),
        year=ctx.today.year,
        scheme=plan.scheme,
        acting=tuple(
            f"{acting.kind.label} {by_key[acting.for_person].jabatan}: "
            f"{by_key[acting.acting].full_name}, {format_date_range_id(acting.start, acting.end)}."
            for acting in plan.acting
        ),
        notes=tuple(ctx.notes),
    )


def write_demo(
    database: Database,
    *,
    employees: int = DEFAULT_EMPLOYEES,
    seed: int = 2026,
    today: date | None = None,
) -> DemoSummary:
    """Write the demo office into an empty staff register, in one transaction.

    Args:
        database: The open database.
        employees: How many people, 1 to 100,000 (40 is the default office).
        seed: Same seed and day, same database content.
        today: The day the demo is written for (ages, history, the Plt, the appraisal year);
            the real today when not given.

    Raises:
        ValidationError: The register already has people, or the arguments are out of range;
            nothing was written.
    """
    day = today or date.today()
    plan = plan_office(employees, seed=seed, today=day)
    with database.transaction() as session:
        _refuse_unless_empty(session, plan)
        ctx = DemoContext(
            session=session,
            plan=plan,
            seed=seed,
            today=day,
            stamp=datetime.combine(day, time(7, 30)),
        )
        for step in DEMO_STEPS:
            step(ctx)
        return _summary(ctx)


def _refuse_unless_empty(session: Session, plan: OfficePlan) -> None:
    present = int(session.scalar(select(func.count(EmployeeRow.id))) or 0)
    if present:
        raise ValidationError(
            f"Basis data ini sudah berisi {present} pegawai. Kantor contoh hanya ditulis ke "
            "basis data yang belum berisi pegawai; gunakan berkas basis data baru."
        )
    same_instansi = session.scalar(
        select(func.count(UnitRow.id)).where(
            UnitRow.parent_id.is_(None), UnitRow.name == plan.instansi
        )
    )
    if same_instansi:
        raise ValidationError(
            f"Basis data ini sudah berisi instansi '{plan.instansi}'. Kantor contoh hanya "
            "ditulis ke basis data baru."
        )


__all__ = [
    "DEMO_STEPS",
    "ActingPlan",
    "DemoContext",
    "DemoStep",
    "DemoSummary",
    "OfficePlan",
    "PersonPlan",
    "UnitPlan",
    "plan_office",
    "write_demo",
]
