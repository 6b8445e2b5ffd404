"""What the evaluation shows: frozen results of one period, and the enums they use."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from kinerja_desktop.domain.access import Action
from kinerja_desktop.domain.achievement import Proposal, head_rating_warning
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.plans import Measure, PeriodTarget, TargetScale
from kinerja_desktop.domain.predikat import OrgPredikat
from kinerja_desktop.domain.ratings import Rating, RatingSource
from kinerja_desktop.domain.skp import Pendekatan, SkpStatus
from kinerja_desktop.domain.skp_records import IkiView, RhkView, SkpView, format_quantity
from kinerja_desktop.services.platform.evidence_store import format_size_id

#: RatingSource lives in domain.ratings (the hand-over checks use it too); exported from here
#: as before.
__all__ = [
    "Evidence",
    "EvidenceKind",
    "IndicatorEvaluation",
    "PeriodEvaluation",
    "RatingDecision",
    "RatingSource",
    "RhkEvaluation",
    "SkpPerson",
]


class EvidenceKind(StrEnum):
    NOTE = "NOTE"
    LINK = "LINK"
    FILE = "FILE"

    @property
    def label(self) -> str:
        return {"NOTE": "Catatan", "LINK": "Tautan", "FILE": "Berkas"}[self.value]


@dataclass(frozen=True)
class Evidence:
    """One bukti dukung: a note, a link, or a copied file (``stored_name`` in the store)."""

    id: int
    iki_id: int
    period_code: str
    kind: EvidenceKind
    text: str
    file_name: str
    stored_name: str
    sha256: str
    size: int
    added_on: date

    @property
    def display(self) -> str:
        """How a list shows it: the note, the link, or "laporan.pdf (1,2 MB)"."""
        if self.kind is EvidenceKind.FILE:
            return f"{self.file_name} ({format_size_id(self.size)})"
        return self.text


@dataclass(frozen=True)
class IndicatorEvaluation:
    """One indicator in a period; ``achievement`` is None without a number to measure."""

    iki: IkiView
    value: Decimal | None
    text: str
    achievement: Decimal | None
    level: Rating | None
    evidence: tuple[Evidence, ...]
    #: The period's own target (rencana aksi), when one is recorded; None for AKHIR.
    period_target: PeriodTarget | None = None
    #: What ``achievement`` was measured from (target, realisation, which target); None without.
    measure: Measure | None = None

    @property
    def has_realisation(self) -> bool:
        return self.value is not None or bool(self.text)

    @property
    def period_target_display(self) -> str:
        """The period's target with its unit, marked when it is a running total; "" without."""
        if self.period_target is None:
            return ""
        figure = format_quantity(self.period_target.value, self.iki.unit)
        if self.period_target.scale is TargetScale.KUMULATIF:
            return f"{figure} (kumulatif)"
        return figure

    @property
    def realisation_display(self) -> str:
        """The figure with its unit ("9 Dokumen"), then any note; or the narrative."""
        if self.value is None:
            return self.text
        figure = format_quantity(self.value, self.iki.unit)
        return f"{figure} — {self.text}" if self.text else figure


@dataclass(frozen=True)
class RhkEvaluation:
    """One RHK in a period: its indicators, the feedback, and where it stands.

    ``level`` is computed from the indicators' achievements (quantitative approach) or is the
    supervisor's ``assessment`` (qualitative approach); None while either is missing.
    """

    rhk: RhkView
    label: str
    indicators: tuple[IndicatorEvaluation, ...]
    feedback: str
    assessment: Rating | None
    achievement: Decimal | None
    level: Rating | None
    #: The period's rencana aksi ("" when none is planned, and for AKHIR).
    rencana_aksi: str = ""


@dataclass(frozen=True)
class RatingDecision:
    """The stored Rating Hasil Kerja: the proposal as it stood, and what was decided."""

    proposed: Rating | None
    proposed_reasons: tuple[str, ...]
    final: Rating
    source: RatingSource
    reason: str
    decided_on: date


@dataclass(frozen=True)
class UnitHeadRule:
    """The SKP holder leads their unit, so their rating follows its organisation predikat.

    Attributes:
        unit_id: The unit they lead.
        unit: Its name, as the reasons say it.
        org: The unit's Predikat Kinerja Organisasi for the period; None while not recorded.
    """

    unit_id: int
    unit: str
    org: OrgPredikat | None


@dataclass(frozen=True)
class PeriodEvaluation:
    """Everything the evaluation of one SKP in one period shows.

    Attributes:
        proposal: The proposed Rating Hasil Kerja with its reasons, or None while no RHK has a
            level yet; ``waiting`` then says what is missing.
        decision: The stored decision, if any.
        signed_on: The day the period's evaluation was marked signed (then it is sealed).
        unit_head: Set when the SKP holder leads their unit (SE MenPANRB 3/2023): the proposal
            then follows the unit's organisation predikat.
        notes: The penilai's Catatan/Rekomendasi, printed on the Dokumen Evaluasi.
        allowed: What the signed-in account may do to the holder's records (the screens
            enable their controls by it; the service checks again).
    """

    skp: SkpView
    period: Period
    periods: tuple[Period, ...]
    rhks: tuple[RhkEvaluation, ...]
    proposal: Proposal | None
    waiting: str
    decision: RatingDecision | None
    signed_on: date | None = None
    unit_head: UnitHeadRule | None = None
    notes: str = ""
    allowed: frozenset[Action] = frozenset(Action)

    @property
    def editable(self) -> bool:
        """Whether realisation and ratings may be recorded now.

        Only on an agreed SKP, not once it is signed, and only by an account that may change
        the holder's records (not the holder themselves).
        """
        return self.skp.locked and self.signed_on is None and Action.EDIT in self.allowed

    @property
    def qualitative(self) -> bool:
        return self.skp.pendekatan is Pendekatan.KUALITATIF

    @property
    def has_realisation(self) -> bool:
        return any(i.has_realisation for rhk in self.rhks for i in rhk.indicators)

    @property
    def warnings(self) -> tuple[str, ...]:
        """What to look at before signing: a unit head's rating that differs from their unit's."""
        head, decision = self.unit_head, self.decision
        if head is None or head.org is None or decision is None:
            return ()
        warning = head_rating_warning(head.unit, head.org, decision.final)
        return (warning,) if warning else ()

    @property
    def decision_outdated(self) -> bool:
        """The proposal has changed since the rating was decided (realisation changed)."""
        if self.decision is None or self.decision.source is RatingSource.ORGANISASI:
            return False
        current = self.proposal.rating if self.proposal else None
        return current is not self.decision.proposed


@dataclass(frozen=True)
class SkpPerson:
    """Someone with an SKP in a year, for the evaluation's person picker."""

    skp_id: int
    employee_id: int
    name: str
    nip: str
    jabatan: str
    status: SkpStatus
    active: bool
