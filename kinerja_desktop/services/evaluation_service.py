"""Compatibility name for :mod:`kinerja_desktop.services.evaluation`; import from there."""

from kinerja_desktop.services.evaluation import (
    FEEDBACK_MAX,
    EvaluationService,
    Evidence,
    EvidenceKind,
    IndicatorEvaluation,
    PeriodEvaluation,
    RatingDecision,
    RatingSource,
    RhkEvaluation,
    SkpPerson,
)

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
]
