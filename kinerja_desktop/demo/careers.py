"""Make up the person in a position: name, degrees, birth, appointment, golongan and NIP."""

from __future__ import annotations

import calendar
import random
from dataclasses import dataclass
from datetime import date

from kinerja_desktop.demo import names
from kinerja_desktop.demo.jobs import JOBS, Job, Qualification
from kinerja_desktop.demo.plan import RETIREMENT_AGE, PersonPlan, Post, add_months
from kinerja_desktop.domain.employment import EmploymentStatus, Gender
from kinerja_desktop.domain.golongan import golongan_choices
from kinerja_desktop.domain.jabatan import JabatanKind

_PNS, _PPPK = EmploymentStatus.PNS, EmploymentStatus.PPPK
_OLDEST_ACTIVE = RETIREMENT_AGE - 1
_YOUNGEST = 22
_APPOINTED_YOUNGEST = 21  # by birth year; exact age at appointment is then 20 or more
_APPOINTED_OLDEST = 35
_FIRST_PPPK_YEAR = 2021
#: Fewest years since appointment of a structural head: heads are experienced officials.
_HEAD_SERVICE = {JabatanKind.ADMINISTRATOR: 12, JabatanKind.PENGAWAS: 6}
_PNS_TMT_MONTHS = (1, 1, 2, 3, 3, 4, 12)
_PPPK_TMT_MONTHS = (1, 3, 4, 10)
#: Where the person who moved worked before (a unit of the same block).
_MUTASI_FROM = "subbag_umum"

_PNS_RANK = {g.code: g.rank for g in golongan_choices(EmploymentStatus.PNS)}
_PNS_CODE = {g.rank: g.code for g in golongan_choices(EmploymentStatus.PNS)}


@dataclass(frozen=True)
class _Career:
    birth: date
    appointed: date  # TMT of the first appointment
    golongan: str
    pppk_round: int | None = None


class PersonMaker:
    """Makes up the person in a position: name, degrees, birth, appointment, golongan, NIP."""

    def __init__(self, rng: random.Random, today: date) -> None:
        self._rng = rng
        self._today = today
        self._nips: set[str] = set()

    def make(self, post: Post) -> PersonPlan:
        rng, today = self._rng, self._today
        job = JOBS[post.job]
        status = post.status or (_PPPK if rng.random() < job.pppk_share else _PNS)
        qualification = job.qualifications[rng.randrange(len(job.qualifications))]
        gender = post.gender or job.gender or (Gender.PRIA if rng.random() < 0.5 else Gender.WANITA)
        name = names.person_name(rng, gender, apostrophe=post.apostrophe)
        left_on = moved_on = None
        first_unit = post.unit
        if post.special == "pensiun":
            left_on = add_months(today.replace(day=1), -rng.randint(1, 5))
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
        birthday = add_months(left_on, -1)
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
