"""Predikat Kinerja Pegawai from the 3x3 kuadran, and the supervisor's decision on it.

PermenPANRB 6/2022 turns Rating Hasil Kerja x Rating Perilaku Kerja into one of five predikat
(reference §3.1). The grid, the labels and the organisation predikat are reference data in
``kinerja_desktop/reference/predikat.json``, so a change of rule is a data change. The penilai
*menetapkan* (sets) the predikat: the grid proposes, and a different final predikat is allowed
when the penilai writes down why (reference §10).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.reference_data import load


class Predikat(StrEnum):
    """Predikat Kinerja Pegawai (reference §3.1), best first."""

    SANGAT_BAIK = "SANGAT_BAIK"
    BAIK = "BAIK"
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN"
    KURANG_MISCONDUCT = "KURANG_MISCONDUCT"
    SANGAT_KURANG = "SANGAT_KURANG"

    @property
    def label(self) -> str:
        """How screens and the distribution curve name it, e.g. "Kurang/Misconduct"."""
        return str(_entries("predikat")[self.value]["label"])

    @property
    def print_label(self) -> str:
        """How the printed form names it, e.g. "KURANG" (the form's list has no "Misconduct")."""
        return str(_entries("predikat")[self.value]["print_label"])


class OrgPredikat(StrEnum):
    """Predikat Kinerja Organisasi, the unit's own predikat (reference §4), best first."""

    ISTIMEWA = "ISTIMEWA"
    BAIK = "BAIK"
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN"
    KURANG = "KURANG"
    SANGAT_KURANG = "SANGAT_KURANG"

    @property
    def label(self) -> str:
        """E.g. "Butuh Perbaikan (Cukup)"."""
        return str(_entries("org_predikat")[self.value]["label"])


@cache
def _entries(key: str) -> dict[str, dict[str, Any]]:
    return {str(entry["code"]): entry for entry in load("predikat")[key]}


@cache
def _matrix() -> dict[tuple[Rating, Rating], Predikat]:
    rows = load("predikat")["matrix"]
    return {
        (hasil, perilaku): Predikat(rows[hasil.value][perilaku.value])
        for hasil in Rating
        for perilaku in Rating
    }


def predikat_for(hasil: Rating, perilaku: Rating) -> Predikat:
    """Return the predikat the kuadran gives for Rating Hasil Kerja and Rating Perilaku Kerja."""
    return _matrix()[(hasil, perilaku)]


@dataclass(frozen=True)
class PredikatDecision:
    """The predikat the grid gave and the one the penilai set.

    Attributes:
        computed: What the kuadran gives for the two ratings.
        final: What the penilai set; the printed form shows this one.
        override_reason: Why ``final`` differs from ``computed``; None when it does not.

    Raises:
        ValidationError: ``final`` differs from ``computed`` without a reason (field "reason").
    """

    computed: Predikat
    final: Predikat
    override_reason: str | None = None

    def __post_init__(self) -> None:
        if self.overridden and not (self.override_reason or "").strip():
            raise ValidationError(
                f"Predikat yang ditetapkan ({self.final.label}) berbeda dari hasil kuadran "
                f"({self.computed.label}). Tuliskan alasan penetapannya.",
                field="reason",
            )

    @property
    def overridden(self) -> bool:
        """True when the penilai set a predikat other than the grid's."""
        return self.final is not self.computed


def decide_predikat(
    hasil: Rating, perilaku: Rating, final: Predikat | None, reason: str
) -> PredikatDecision:
    """Return the decision: the grid's predikat, or ``final`` with the penilai's reason.

    ``final`` None (or equal to the grid's) keeps the grid's predikat, and the reason is then
    not stored. A different ``final`` needs a reason that is not blank; it is stored trimmed.

    Raises:
        ValidationError: ``final`` differs from the grid and ``reason`` is blank (field
            "reason").
    """
    computed = predikat_for(hasil, perilaku)
    if final is None or final is computed:
        return PredikatDecision(computed, computed)
    return PredikatDecision(computed, final, reason.strip() or None)
