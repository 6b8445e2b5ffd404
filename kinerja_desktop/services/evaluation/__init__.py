"""Evaluasi kinerja of one period: realisation, evidence, feedback and the Rating Hasil Kerja.

Per indicator: the realisation and its bukti dukung; per RHK: the umpan balik berkelanjutan
(and, in the qualitative approach, the supervisor's assessment); for the SKP: the app's proposed
Rating Hasil Kerja with its reasons, and the supervisor's decision.

Each period has its own records. AKHIR, the annual evaluation, holds the cumulative realisation
of the year, so it is read from its own records and not added up from the periodic ones.
Realisation, evidence, feedback and decisions are recorded only on an agreed SKP: a draft has
no targets to measure against yet.

Modules: ``records`` (the frozen results and their enums), ``inputs`` (checks of what was
typed), ``rules`` (levels and the proposed rating), ``unit_head`` (a unit head's rating follows
the organisation predikat) and ``service`` (:class:`EvaluationService`,
one transaction per user action; the queries live in ``data.repositories.evaluation``).
Beside it, the rest of the period's appraisal: ``behaviour`` (Perilaku Kerja and the Predikat
Kinerja), ``journal`` (the behaviour journal; ``journal_audit``: the seal rule and audit log
entries of its corrections), ``dialogue`` (self-assessment, response and keberatan) and
``distribution`` (the unit's Sebaran Predikat).
"""

from kinerja_desktop.services.evaluation.inputs import FEEDBACK_MAX
from kinerja_desktop.services.evaluation.records import (
    Evidence,
    EvidenceKind,
    IndicatorEvaluation,
    PeriodEvaluation,
    RatingDecision,
    RatingSource,
    RhkEvaluation,
    SkpPerson,
    UnitHeadRule,
)
from kinerja_desktop.services.evaluation.service import EvaluationService

__all__ = [
    "FEEDBACK_MAX",
    "EvaluationService",
    "Evidence",
    "EvidenceKind",
    "IndicatorEvaluation",
    "PeriodEvaluation",
    "RatingDecision",
    "RatingSource",
    "RhkEvaluation",
    "SkpPerson",
    "UnitHeadRule",
]
