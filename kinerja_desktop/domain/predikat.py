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


@cache
def _head_ratings() -> dict[OrgPredikat, Rating]:
    table = load("predikat")["unit_head_rating"]["by_org"]
    return {org: Rating(table[org.value]) for org in OrgPredikat}


def head_rating(org: OrgPredikat) -> Rating:
    """The Rating Hasil Kerja of a unit head whose unit has ``org`` (SE MenPANRB 3/2023).

    The SE sets the organisation's achievement as its head's rating; how the five organisation
    predikat fall on the three ratings is data (``unit_head_rating`` in predikat.json, [L]).
    """
    return _head_ratings()[org]


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


#: How a predikat the penilai set other than the grid's is marked wherever it is shown.
OVERRIDE_MARK = "ditetapkan berbeda dari matriks"
#: How a predikat the Atasan Pejabat Penilai set on an objection is marked wherever it is shown.
OBJECTION_MARK = "ditetapkan Atasan Pejabat Penilai atas keberatan"


class PredikatSource(StrEnum):
    """Who set the period's predikat in force."""

    #: The penilai kept the kuadran's answer.
    KUADRAN = "KUADRAN"
    #: The penilai set another predikat, with a reason.
    PENILAI = "PENILAI"
    #: The Atasan Pejabat Penilai decided an objection and set the predikat (final).
    KEBERATAN = "KEBERATAN"


@dataclass(frozen=True)
class EffectivePredikat:
    """The period's predikat in force, and who set it.

    Attributes:
        predikat: The predikat every form, count and export uses.
        source: Who set it.
        earlier: What it replaced: the grid's answer for PENILAI, the penilai's predikat for
            KEBERATAN (None when the penilai had set none); None for KUADRAN.
    """

    predikat: Predikat
    source: PredikatSource
    earlier: Predikat | None = None

    @property
    def on_objection(self) -> bool:
        return self.source is PredikatSource.KEBERATAN

    @property
    def display(self) -> str:
        """How screens name it, with who set it when that was not the grid.

        E.g. "Baik", "Baik (ditetapkan berbeda dari matriks: Sangat Baik)" or "Baik
        (ditetapkan Atasan Pejabat Penilai atas keberatan; semula Kurang/Misconduct)".
        """
        label = self.predikat.label
        if self.source is PredikatSource.PENILAI and self.earlier is not None:
            return f"{label} ({OVERRIDE_MARK}: {self.earlier.label})"
        if self.source is PredikatSource.KEBERATAN:
            was = f"; semula {self.earlier.label}" if self.earlier is not None else ""
            return f"{label} ({OBJECTION_MARK}{was})"
        return label

    @property
    def print_text(self) -> str:
        """The Dokumen Evaluasi's section 4 value, e.g. "BAIK (DITETAPKAN ATAS KEBERATAN)"."""
        if self.on_objection:
            return f"{self.predikat.print_label} (DITETAPKAN ATAS KEBERATAN)"
        return self.predikat.print_label


def effective_predikat(
    final: Predikat | None,
    on_objection: Predikat | None,
    computed: Predikat | None = None,
) -> EffectivePredikat | None:
    """Return the period's predikat in force, or None when nobody set one.

    PP 30/2019 Pasal 59: the Atasan Pejabat Penilai's decision on an objection is final, so a
    predikat set there (``on_objection``) wins over the penilai's (``final``), even when it is
    the same predikat: it is then still the atasan's, marked as such. Without it the penilai's
    predikat stands, marked when it differs from the grid's (``computed``, when known).
    """
    if on_objection is not None:
        return EffectivePredikat(on_objection, PredikatSource.KEBERATAN, final)
    if final is None:
        return None
    if computed is not None and computed is not final:
        return EffectivePredikat(final, PredikatSource.PENILAI, computed)
    return EffectivePredikat(final, PredikatSource.KUADRAN)
