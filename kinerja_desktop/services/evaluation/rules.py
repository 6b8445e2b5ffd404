"""The evaluation's arithmetic: indicator and RHK levels, and the proposed Rating Hasil Kerja.

Pure functions over the SKP, the stored records of a period and the :class:`ResultRules`;
they also turn the repository's stored values into the evaluation's result types. A periodic
period is measured against the period's targets when they are recorded (rencana aksi, on the
indicator's scale: :func:`kinerja_desktop.domain.plans.measure`), else against the annual
target; AKHIR always against the annual target. The proposal's reasons say which.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja_desktop.data.repositories.evaluation import (
    PeriodRecords,
    SkpHolder,
    StoredDecision,
    StoredEvidence,
)
from kinerja_desktop.domain.achievement import (
    Proposal,
    ResultLevel,
    ResultRules,
    achievement,
    head_waiting,
    level_of,
    propose_head_rating,
    propose_rating,
    result_achievement,
)
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.plans import PeriodTarget, TargetBasis, basis_note, measure
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.skp import Pendekatan
from kinerja_desktop.domain.skp_records import IkiView, RhkView, SkpView
from kinerja_desktop.domain.staff import full_name
from kinerja_desktop.services.evaluation.records import (
    Evidence,
    EvidenceKind,
    IndicatorEvaluation,
    RatingDecision,
    RatingSource,
    RhkEvaluation,
    SkpPerson,
    UnitHeadRule,
)


@dataclass(frozen=True)
class PeriodPlans:
    """The plan of the period being evaluated, as the arithmetic needs it.

    Attributes:
        final: The period is AKHIR (measured against the annual targets).
        rencana_aksi: The period's rencana aksi by RHK id.
        targets: The period's targets (with the indicator's scale) by indicator id.
        earlier: The figures recorded in the year's earlier periods, by indicator id (the
            running total of a cumulative target adds them).
    """

    final: bool = False
    rencana_aksi: Mapping[int, str] = field(default_factory=dict)
    targets: Mapping[int, PeriodTarget] = field(default_factory=dict)
    earlier: Mapping[int, Sequence[Decimal]] = field(default_factory=dict)


NO_PLANS = PeriodPlans()


def evaluate_rhks(
    view: SkpView, records: PeriodRecords, rules: ResultRules, plans: PeriodPlans = NO_PLANS
) -> tuple[RhkEvaluation, ...]:
    """Every RHK of the SKP in the period, labelled "RHK 1", "RHK 2", ... in order."""
    return tuple(
        _rhk(view, number, rhk=rhk, records=records, rules=rules, plans=plans)
        for number, rhk in enumerate(view.rhks, 1)
    )


def _rhk(
    view: SkpView,
    number: int,
    *,
    rhk: RhkView,
    records: PeriodRecords,
    rules: ResultRules,
    plans: PeriodPlans,
) -> RhkEvaluation:
    quantitative = view.pendekatan is Pendekatan.KUANTITATIF
    indicators = tuple(
        _indicator(iki, records, rules, plans, quantitative=quantitative) for iki in rhk.indicators
    )
    feedback = records.feedback.get(rhk.id)
    assessment = Rating(feedback.assessment) if feedback and feedback.assessment else None
    percents = [i.achievement for i in indicators if i.achievement is not None]
    rhk_achievement = result_achievement(percents) if percents else None
    if quantitative:
        level = level_of(rhk_achievement, rules) if rhk_achievement is not None else None
    else:
        level = assessment
    return RhkEvaluation(
        rhk=rhk,
        label=f"RHK {number}",
        indicators=indicators,
        feedback=feedback.feedback if feedback else "",
        assessment=assessment,
        achievement=rhk_achievement if quantitative else None,
        level=level,
        rencana_aksi=plans.rencana_aksi.get(rhk.id, ""),
    )


def _indicator(
    iki: IkiView,
    records: PeriodRecords,
    rules: ResultRules,
    plans: PeriodPlans,
    *,
    quantitative: bool,
) -> IndicatorEvaluation:
    stored = records.realisations.get(iki.id)
    value = stored.value if stored else None
    period_target = None if plans.final else plans.targets.get(iki.id)
    measured = measure(
        annual_target=iki.target,
        period=period_target,
        realisation=value,
        earlier=plans.earlier.get(iki.id, ()),
        final=plans.final,
    )
    percent: Decimal | None = None
    if quantitative and measured is not None:
        try:
            percent = achievement(
                measured.target,
                measured.realisation,
                lower_is_better=iki.lower_is_better,
                rules=rules,
            )
        except ValueError:
            # A target of zero on a higher-is-better indicator (stored before the rule, or
            # the indicator's direction changed since): nothing to measure.
            measured = None
    return IndicatorEvaluation(
        iki=iki,
        value=value,
        text=stored.text if stored else "",
        achievement=percent,
        level=level_of(percent, rules) if percent is not None else None,
        evidence=tuple(to_evidence(row) for row in records.evidence.get(iki.id, ())),
        period_target=period_target,
        measure=measured if percent is not None else None,
    )


def basis_reason(period: Period, rhks: Sequence[RhkEvaluation]) -> str:
    """Which targets the period's achievements were measured against, for the reasons."""
    bases = [i.measure.basis for rhk in rhks for i in rhk.indicators if i.measure is not None]
    return basis_note(
        period.label,
        final=period.is_final,
        periodic=sum(basis is TargetBasis.PERIODE for basis in bases),
        cumulative=sum(basis is TargetBasis.KUMULATIF for basis in bases),
        annual=sum(basis is TargetBasis.TAHUNAN for basis in bases),
    )


def propose(
    view: SkpView, period: Period, rhks: tuple[RhkEvaluation, ...], rules: ResultRules
) -> tuple[Proposal | None, str]:
    """The proposed rating with its reasons, or None and what is still missing."""
    if not rhks:
        return None, "Belum ada usulan rating: SKP ini belum memiliki RHK."
    quantitative = view.pendekatan is Pendekatan.KUANTITATIF
    missing = [rhk.label for rhk in rhks if rhk.level is None]
    levels = [
        ResultLevel(rhk.rhk.kind, rhk.level, rhk.label) for rhk in rhks if rhk.level is not None
    ]
    lacking = "belum memiliki realisasi" if quantitative else "belum dinilai atasan"
    if not levels:
        todo = (
            "Isi realisasi indikatornya."
            if quantitative
            else "Pilih penilaian atasan untuk tiap RHK."
        )
        return None, (
            f"Belum ada usulan rating: {', '.join(missing)} {lacking} pada periode "
            f"{period.label}. {todo}"
        )
    proposal = propose_rating(levels, rules)
    notes = []
    if missing:
        notes.append(f"Belum dihitung karena {lacking}: {', '.join(missing)}.")
    partial = [
        f"{rhk.label} ({sum(not i.has_realisation for i in rhk.indicators)} indikator)"
        for rhk in rhks
        if quantitative
        and rhk.level is not None
        and not all(i.has_realisation for i in rhk.indicators)
    ]
    if partial:
        notes.append(f"Indikator tanpa realisasi tidak dihitung: {', '.join(partial)}.")
    basis = basis_reason(period, rhks) if quantitative else ""
    if basis:
        notes.append(basis)
    return Proposal(proposal.rating, (*proposal.reasons, *notes)), ""


def propose_for_head(
    head: UnitHeadRule, period: Period, from_results: Proposal | None
) -> tuple[Proposal | None, str]:
    """A unit head's proposal follows the organisation predikat; without it, say so."""
    if head.org is None:
        return None, head_waiting(head.unit, period.label)
    return propose_head_rating(head.unit, head.org, from_results), ""


# --- stored values to results -------------------------------------------------------------------


def to_evidence(row: StoredEvidence) -> Evidence:
    return Evidence(
        id=row.id,
        iki_id=row.iki_id,
        period_code=row.period_code,
        kind=EvidenceKind(row.kind),
        text=row.text,
        file_name=row.file_name,
        stored_name=row.stored_name,
        sha256=row.sha256,
        size=row.size,
        added_on=row.added_at.date(),
    )


def to_decision(row: StoredDecision) -> RatingDecision:
    return RatingDecision(
        proposed=Rating(row.proposed) if row.proposed else None,
        proposed_reasons=tuple(line for line in row.proposed_reasons.split("\n") if line),
        final=Rating(row.final),
        source=RatingSource(row.source),
        reason=row.reason,
        decided_on=row.decided_on,
    )


def to_person(holder: SkpHolder) -> SkpPerson:
    return SkpPerson(
        skp_id=holder.skp_id,
        employee_id=holder.employee_id,
        name=full_name(holder.name, holder.gelar_depan, holder.gelar_belakang),
        nip=holder.nip,
        jabatan=holder.jabatan,
        status=holder.status,
        active=holder.active,
    )
