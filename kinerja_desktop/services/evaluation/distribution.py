"""The unit's organisation predikat and the check of its staff's predikat spread (reference §4).

The unit head records the Predikat Kinerja Organisasi of a unit for a year and period; the check
counts the Predikat Kinerja Pegawai in force of the unit's people (sub-units included: the
atasan's on a decided objection, else the penilai's, `domain.predikat.effective_predikat`) and
compares them with the Kurva Distribusi of SE MenPANRB 3/2023. The SE is guidance, so a breach is a
finding to discuss, never a refusal.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import distribution as repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.repositories.distribution import StoredOrgPredikat
from kinerja_desktop.domain.distribution import DistributionReport, check_distribution
from kinerja_desktop.domain.errors import NotFoundError, ValidationError
from kinerja_desktop.domain.periods import find_period
from kinerja_desktop.domain.predikat import (
    EffectivePredikat,
    OrgPredikat,
    Predikat,
    effective_predikat,
)
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.staff import Unit, full_name
from kinerja_desktop.domain.text import checked_text
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.evaluation.ekinerja_recap import EkinerjaRecapService
from kinerja_desktop.services.staff.service import StaffService

NOTE_LIMIT = 2000
#: The predikat in their official order, best first (the order of the penetapan's list).
_BEST_FIRST = tuple(Predikat)

ASK_FOR_ORG_PREDIKAT = (
    "Predikat kinerja organisasi untuk unit dan periode ini belum dicatat. Catat dulu predikat "
    "yang ditetapkan pimpinan satu tingkat di atas, lalu sebaran predikat pegawai dapat "
    "dibandingkan dengan kurva distribusi."
)


@dataclass(frozen=True)
class OrgPredikatRecord:
    """The organisation predikat recorded for a unit and period."""

    predikat: OrgPredikat
    recorded_on: date
    note: str


@dataclass(frozen=True)
class Undecided:
    """Someone counted in the unit whose predikat for the period is not decided yet."""

    employee_id: int
    name: str
    nip: str
    has_skp: bool


@dataclass(frozen=True)
class Decided:
    """Someone counted in the unit: the predikat in force for the period and the ratings behind it.

    Attributes:
        hasil: The Rating Hasil Kerja the predikat was decided from.
        perilaku: The Rating Perilaku Kerja the predikat was decided from.
    """

    employee_id: int
    name: str
    nip: str
    jabatan: str
    predikat: EffectivePredikat
    hasil: Rating | None
    perilaku: Rating | None


@dataclass(frozen=True)
class UnitDistribution:
    """A unit's spread of staff predikat for one period, checked when the org predikat is known.

    Attributes:
        unit: The unit (its sub-units are counted too).
        year: The year.
        period_code: The period, e.g. "TW1" or "AKHIR".
        org: The recorded organisation predikat; None when not recorded yet.
        message: What to do first when ``org`` is None; empty otherwise.
        counts: People per predikat with a decided (final) predikat, every predikat present.
        report: The check against the curve; None when ``org`` is None.
        undecided: People counted in the unit without a decided predikat, by name.
        decided: People counted in ``counts``, best predikat first, then by name (the people
            behind each bar and each cell of the matrix).
    """

    unit: Unit
    year: int
    period_code: str
    org: OrgPredikatRecord | None
    message: str
    counts: Mapping[Predikat, int]
    report: DistributionReport | None
    undecided: tuple[Undecided, ...]
    decided: tuple[Decided, ...] = ()

    @property
    def total(self) -> int:
        """People with a decided predikat."""
        return sum(self.counts.values())

    def people(self, predikat: Predikat) -> tuple[Decided, ...]:
        """The people counted in one bar, by name."""
        return tuple(person for person in self.decided if person.predikat.predikat is predikat)

    def in_cell(self, hasil: Rating, perilaku: Rating) -> tuple[Decided, ...]:
        """The people whose ratings fall in one cell of the 3x3 matrix (reference §3.1)."""
        return tuple(
            person
            for person in self.decided
            if person.hasil is hasil and person.perilaku is perilaku
        )

    @property
    def matrix(self) -> Mapping[tuple[Rating, Rating], int]:
        """People per (Rating Hasil Kerja, Rating Perilaku Kerja), every cell present.

        Counted by the ratings the predikat was decided from; a predikat set differently (an
        override, or the atasan's on an objection) keeps its people in their ratings' cell.
        """
        return MappingProxyType(
            {
                (hasil, perilaku): len(self.in_cell(hasil, perilaku))
                for hasil in Rating
                for perilaku in Rating
            }
        )


class DistributionService:
    def __init__(self, database: Database, access: AccessGuard) -> None:
        self._db = database
        self._access = access
        self._staff = StaffService(database, access)
        #: e-Kinerja's recap compared with the predikat decided here (reads only).
        self.ekinerja_recap = EkinerjaRecapService(database, access)

    def set_org_predikat(
        self,
        unit_id: int,
        year: int,
        period_code: str,
        predikat: OrgPredikat,
        on: date,
        *,
        note: str = "",
    ) -> OrgPredikatRecord:
        """Record (or replace) the unit's organisation predikat for the period.

        Raises:
            NotFoundError: The unit does not exist.
            ValidationError: Unknown period code (field "period") or a note that is too long
                (field "note").
        """
        code = self._period_code(unit_id, year, period_code)
        text = checked_text(
            note, field="note", label="Catatan", max_length=NOTE_LIMIT, required=False
        )

        def work(session: Session) -> StoredOrgPredikat:
            if staff_repo.find_unit(session, unit_id) is None:
                raise NotFoundError("Unit tidak ditemukan.")
            self._access.require_unit(session, unit_id)
            return repo.save_org_predikat(
                session, unit_id, year, code, OrgPredikat(predikat).value, on=on, note=text
            )

        return _record(self._db.run(work))

    def org_predikat(self, unit_id: int, year: int, period_code: str) -> OrgPredikatRecord | None:
        """The recorded organisation predikat, or None."""
        with self._db.reading() as session:
            self._access.require_unit(session, unit_id)
            return org_predikat_in(session, unit_id, year, period_code)

    def check(self, unit_id: int, year: int, period_code: str) -> UnitDistribution:
        """Count the unit's decided predikat and check them against the curve.

        Raises:
            NotFoundError: The unit does not exist.
            ValidationError: Unknown period code (field "period").
        """
        code = self._period_code(unit_id, year, period_code)
        unit_ids = self._staff.unit_with_descendants(unit_id)
        with self._db.reading() as session:
            self._access.require_unit(session, unit_id)
            unit = staff_repo.find_unit(session, unit_id)
            if unit is None:
                raise NotFoundError("Unit tidak ditemukan.")
            stored = repo.org_predikat(session, unit_id, year, code)
            people = repo.members(session, unit_ids, year, code)
        counts = dict.fromkeys(Predikat, 0)
        undecided: list[Undecided] = []
        decided: list[Decided] = []
        for person in people:
            effective = effective_predikat(
                Predikat(person.final) if person.final else None,
                Predikat(person.on_objection) if person.on_objection else None,
            )
            if effective is None:
                undecided.append(
                    Undecided(
                        person.employee_id,
                        full_name(person.name, person.gelar_depan, person.gelar_belakang),
                        person.nip,
                        person.skp_id is not None,
                    )
                )
            else:
                counts[effective.predikat] += 1
                decided.append(
                    Decided(
                        person.employee_id,
                        full_name(person.name, person.gelar_depan, person.gelar_belakang),
                        person.nip,
                        person.jabatan,
                        effective,
                        Rating(person.hasil) if person.hasil else None,
                        Rating(person.perilaku) if person.perilaku else None,
                    )
                )
        org = _record(stored) if stored is not None else None
        report = check_distribution(org.predikat, counts) if org is not None else None
        return UnitDistribution(
            unit=unit,
            year=year,
            period_code=code,
            org=org,
            message="" if org is not None else ASK_FOR_ORG_PREDIKAT,
            counts=MappingProxyType(counts),
            report=report,
            undecided=tuple(undecided),
            # `people` come by name; a stable sort keeps that order within each predikat.
            decided=tuple(sorted(decided, key=lambda d: _BEST_FIRST.index(d.predikat.predikat))),
        )

    def _period_code(self, unit_id: int, year: int, period_code: str) -> str:
        try:
            return find_period(year, self._staff.scheme_for(unit_id, year), period_code).code
        except ValidationError as error:
            raise ValidationError(error.message, field="period") from error


def org_predikat_in(
    session: Session, unit_id: int, year: int, period_code: str
) -> OrgPredikatRecord | None:
    """The recorded organisation predikat, or None, inside the caller's transaction.

    For rules that follow it (a unit head's Rating Hasil Kerja); the caller checks access.
    """
    stored = repo.org_predikat(session, unit_id, year, period_code.strip().upper())
    return _record(stored) if stored is not None else None


def _record(stored: StoredOrgPredikat) -> OrgPredikatRecord:
    return OrgPredikatRecord(OrgPredikat(stored.predikat), stored.recorded_on, stored.note)
