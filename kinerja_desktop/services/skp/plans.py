"""Rencana aksi and period targets of an SKP, per periodic period (issue 17).

The penilai and the pegawai plan each period of the instansi's scheme: for every RHK what will
be done (rencana aksi) and for every indicator the period's target on its scale
(:mod:`kinerja_desktop.domain.plans`). They follow the SKP's own rules: written while the SKP
is a draft (also when it was reopened for revision), refused once it is agreed (open a
revision, with its reason, to add or change them), and refused for a period whose evaluation
is signed. The change topic is the SKP's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import plans as repo
from kinerja_desktop.data.repositories import seal_chain as seal_repo
from kinerja_desktop.data.repositories import skp as skp_repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.repositories.plans import StoredPlans
from kinerja_desktop.data.repositories.skp import SkpHeader
from kinerja_desktop.domain.access import Action
from kinerja_desktop.domain.errors import NotFoundError, ValidationError, ValidationErrors
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.plans import (
    TargetScale,
    period_target,
    rencana_aksi_text,
    target_warnings,
)
from kinerja_desktop.domain.skp import Pendekatan
from kinerja_desktop.domain.skp_records import IkiView, RhkView, format_quantity
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.platform import seals
from kinerja_desktop.services.staff.service import periods_for_row

LOCKED_MESSAGE = (
    "SKP ini sudah disepakati dan terkunci. Rencana aksi dan target periode ditambah atau "
    "diubah lewat revisi SKP (buka revisi dengan alasannya)."
)
NO_PERIODS = "Pegawai ini tidak memiliki periode penilaian pada tahun SKP ini."


def rencana_field(rhk_id: int) -> str:
    """The input a rencana aksi's message belongs to."""
    return f"rencana_aksi:{rhk_id}"


def target_field(iki_id: int) -> str:
    """The input a period target's message belongs to."""
    return f"target:{iki_id}"


@dataclass(frozen=True)
class IndicatorPlan:
    """One indicator in a period: its annual target, its scale and the period's target."""

    iki: IkiView
    label: str
    scale: TargetScale
    target: Decimal | None

    @property
    def target_display(self) -> str:
        return format_quantity(self.target, self.iki.unit) if self.target is not None else ""


@dataclass(frozen=True)
class RhkPlan:
    rhk: RhkView
    label: str
    rencana_aksi: str
    rencana_aksi_id: int | None
    indicators: tuple[IndicatorPlan, ...]


@dataclass(frozen=True)
class PeriodPlan:
    """An SKP's plan for one periodic period.

    Attributes:
        periods: The person's periodic periods that year (AKHIR has no plan of its own).
        editable: Whether the signed-in account may change it now; else ``why_not`` says why.
        warnings: Period targets that do not add up to the annual target (not refusals).
    """

    skp_id: int
    employee_id: int
    year: int
    quantitative: bool
    period: Period
    periods: tuple[Period, ...]
    rhks: tuple[RhkPlan, ...]
    editable: bool
    why_not: str
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class PlanEdits:
    """What the screen sends for one period; ids not given are left as they are.

    Attributes:
        rencana_aksi: By RHK id; an empty text removes it.
        targets: By indicator id, as typed ("3", "12,5"); an empty text removes it.
        scales: By indicator id (the scale holds for every period of the indicator).
    """

    rencana_aksi: Mapping[int, str] = field(default_factory=dict)
    targets: Mapping[int, str] = field(default_factory=dict)
    scales: Mapping[int, TargetScale] = field(default_factory=dict)


@dataclass(frozen=True)
class SkpPlanSet:
    """Every plan of an SKP at once (for its workbook), with the periods they may be in.

    Attributes:
        periods: The person's periodic periods that year.
        signed: The codes of the periods whose evaluation is signed (their plans are kept).
        stored: The rencana aksi, targets and scales by RHK and indicator id.
    """

    periods: tuple[Period, ...]
    signed: frozenset[str]
    stored: StoredPlans


@dataclass(frozen=True)
class RencanaAksiOption:
    """A rencana aksi a daily entry may serve, with its RHK."""

    id: int
    rhk_id: int
    rhk_text: str
    text: str


class PlanService:
    def __init__(self, database: Database, access: AccessGuard) -> None:
        self._db = database
        self._access = access

    def period_plan(
        self, skp_id: int, period_code: str | None = None, *, today: date | None = None
    ) -> PeriodPlan:
        """The plan of a period; without a code, the period running on ``today`` (or the first).

        Raises:
            NotFoundError: no such SKP.
            ValidationError: the code is not one of the person's periodic periods.
        """
        with self._db.reading() as session:
            self._access.require_skp(session, skp_id, Action.VIEW)
            header = _existing(session, skp_id)
            periods = _periodic(session, header)
            period = _pick(periods, period_code, today or self._access.today())
            return self._plan(session, header, period, periods)

    def plan_set(self, skp_id: int) -> SkpPlanSet:
        """All the SKP's plans, with the person's periods and which of them are signed.

        Raises:
            NotFoundError: no such SKP.
            ValidationError: the person has no periodic period that year.
        """
        with self._db.reading() as session:
            self._access.require_skp(session, skp_id, Action.VIEW)
            header = _existing(session, skp_id)
            periods = _periodic(session, header)
            view = skp_repo.load(session, header.id)
            stored = repo.plans(
                session,
                [rhk.id for rhk in view.rhks],
                [iki.id for rhk in view.rhks for iki in rhk.indicators],
            )
            signed = frozenset(
                p.code for p in periods if seal_repo.seal_of(session, header.id, p.code) is not None
            )
            return SkpPlanSet(tuple(periods), signed, stored)

    def save(self, skp_id: int, period_code: str, edits: PlanEdits) -> PeriodPlan:
        """Store one period's rencana aksi, targets and the indicators' scales, all or nothing.

        Raises:
            ValidationErrors: a text is too long or a target is wrong (each names its input).
            ValidationError: the SKP is agreed, or the period is signed, or an id is not of
                this SKP. Nothing is saved.
        """

        def work(session: Session) -> PeriodPlan:
            self._access.require_skp(session, skp_id, Action.EDIT)
            header = _existing(session, skp_id)
            periods = _periodic(session, header)
            period = _pick(periods, period_code, self._access.today())
            if header.locked:
                raise ValidationError(LOCKED_MESSAGE)
            seals.require_open(session, header.id, period.code)
            view = skp_repo.load(session, header.id)
            rhks = {rhk.id: (number, rhk) for number, rhk in enumerate(view.rhks, 1)}
            ikis = {
                iki.id: (f"RHK {number}, indikator {index}", iki)
                for number, rhk in enumerate(view.rhks, 1)
                for index, iki in enumerate(rhk.indicators, 1)
            }
            unknown = (set(edits.rencana_aksi) - set(rhks)) | (
                (set(edits.targets) | set(edits.scales)) - set(ikis)
            )
            if unknown:
                raise ValidationError(
                    "SKP ini sudah diubah di tempat lain: ada RHK atau indikator yang tidak ada "
                    "lagi. Buka kembali rencana aksinya; perubahan Anda belum disimpan."
                )
            errors: list[ValidationError] = []
            actions: dict[int, str] = {}
            for rhk_id, text in edits.rencana_aksi.items():
                try:
                    actions[rhk_id] = rencana_aksi_text(
                        text,
                        field=rencana_field(rhk_id),
                        label=f"Rencana aksi RHK {rhks[rhk_id][0]}",
                    )
                except ValidationError as problem:
                    errors.append(problem)
            targets: dict[int, Decimal | None] = {}
            for iki_id, typed in edits.targets.items():
                label, iki = ikis[iki_id]
                try:
                    targets[iki_id] = period_target(
                        typed,
                        lower_is_better=iki.lower_is_better,
                        field=target_field(iki_id),
                        label=f"{label}: target {period.label}",
                    )
                except ValidationError as problem:
                    errors.append(problem)
            if errors:
                raise ValidationErrors(errors)
            repo.store_period(session, period.code, actions, targets, dict(edits.scales))
            return self._plan(session, header, period, periods)

        return self._db.run(work)

    def running_rencana_aksi(self, employee_id: int, day: date) -> tuple[RencanaAksiOption, ...]:
        """The rencana aksi of the period running on ``day`` in the person's SKP of that year.

        Empty when the person has no SKP that year or none is planned for the period: the
        daily entry then falls back to the RHK.
        """
        with self._db.reading() as session:
            self._access.require_person(session, employee_id, Action.VIEW)
            header = skp_repo.skp_for(session, employee_id, day.year)
            if header is None:
                return ()
            running = [p for p in _periodic(session, header) if p.contains(day)]
            if not running:
                return ()
            stored = repo.rencana_aksi_of_skp(session, header.id, running[0].code)
            texts = skp_repo.rhk_texts(session, [row.rhk_id for row in stored])
            return tuple(
                RencanaAksiOption(row.id, row.rhk_id, texts.get(row.rhk_id, ""), row.text)
                for row in stored
            )

    # --- inside the caller's transaction ---------------------------------------------------

    def _plan(
        self, session: Session, header: SkpHeader, period: Period, periods: list[Period]
    ) -> PeriodPlan:
        view = skp_repo.load(session, header.id)
        rhk_ids = [rhk.id for rhk in view.rhks]
        iki_ids = [iki.id for rhk in view.rhks for iki in rhk.indicators]
        stored = repo.plans(session, rhk_ids, iki_ids)
        rhks: list[RhkPlan] = []
        warnings: list[str] = []
        for number, rhk in enumerate(view.rhks, 1):
            action = stored.rencana_aksi.get((rhk.id, period.code))
            indicators = []
            for index, iki in enumerate(rhk.indicators, 1):
                label = f"RHK {number}, indikator {index}"
                scale = stored.scale(iki.id)
                indicators.append(
                    IndicatorPlan(iki, label, scale, stored.targets.get((iki.id, period.code)))
                )
                warnings += target_warnings(
                    label,
                    annual=iki.target,
                    unit=iki.unit,
                    scale=scale,
                    targets=[(p.label, stored.targets.get((iki.id, p.code))) for p in periods],
                    lower_is_better=iki.lower_is_better,
                )
            rhks.append(
                RhkPlan(
                    rhk,
                    f"RHK {number}",
                    action.text if action else "",
                    action.id if action else None,
                    tuple(indicators),
                )
            )
        why_not = ""
        if not self._access.allows(session, header.employee_id, Action.EDIT):
            why_not = "Anda hanya dapat melihat rencana aksi pegawai ini."
        elif header.locked:
            why_not = LOCKED_MESSAGE
        elif seal_repo.seal_of(session, header.id, period.code) is not None:
            why_not = f"Evaluasi {period.label} sudah ditandatangani; rencananya tidak diubah lagi."
        return PeriodPlan(
            skp_id=header.id,
            employee_id=header.employee_id,
            year=header.year,
            quantitative=view.pendekatan is Pendekatan.KUANTITATIF,
            period=period,
            periods=tuple(periods),
            rhks=tuple(rhks),
            editable=not why_not,
            why_not=why_not,
            warnings=tuple(warnings),
        )


def _existing(session: Session, skp_id: int) -> SkpHeader:
    row = skp_repo.find_skp(session, skp_id)
    if row is None:
        raise NotFoundError("SKP tidak ditemukan; mungkin sudah dihapus.")
    return row


def _periodic(session: Session, header: SkpHeader) -> list[Period]:
    employee = staff_repo.find_employee(session, header.employee_id)
    if employee is None:
        raise NotFoundError("Pegawai pemilik SKP ini tidak ditemukan.")
    periods = [p for p in periods_for_row(session, employee, header.year) if not p.is_final]
    if not periods:
        raise ValidationError(NO_PERIODS)
    return periods


def _pick(periods: list[Period], code: str | None, today: date) -> Period:
    if code is None:
        running = [p for p in periods if p.contains(today)]
        return running[0] if running else periods[0]
    wanted = code.strip().upper()
    for period in periods:
        if period.code == wanted:
            return period
    valid = ", ".join(p.code for p in periods)
    raise ValidationError(
        f"Periode '{code.strip()}' tidak punya rencana aksi; pilih salah satu: {valid}.",
        field="period",
    )
