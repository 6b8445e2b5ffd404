"""Competences (PermenPANRB 38/2017), their levels, gaps and the Job Person Match.

The nine standard competences (eight manajerial, M.01-M.08, and Perekat Bangsa), the default
("bawaan") required levels, and the JPM categories are reference data in
``kinerja_desktop/reference/competence.json`` (reference §7). The required level of a real
jabatan comes from the agency's standar kompetensi and is stored per jabatan x competence; the
defaults here only prefill it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import cache
from typing import Any

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.jabatan import JabatanKind, Jenjang
from kinerja_desktop.domain.reference_data import load

LOWEST_LEVEL = 1
HIGHEST_LEVEL = 5
_CENT = Decimal("0.01")


class CompetenceKind(StrEnum):
    TEKNIS = "TEKNIS"
    MANAJERIAL = "MANAJERIAL"
    SOSIAL_KULTURAL = "SOSIAL_KULTURAL"

    @property
    def label(self) -> str:
        """Indonesian label: "Teknis", "Manajerial", "Sosial Kultural"."""
        return self.value.replace("_", " ").title()


@dataclass(frozen=True)
class Competence:
    """A competence and what each of its five levels means.

    Attributes:
        code: Stable code, e.g. "M.04"; teknis competences use the agency's codes.
        kind: Teknis, manajerial or sosial kultural.
        name: Official name, e.g. "Orientasi pada Hasil".
        levels: One-line description of levels 1 to 5, in order.
        summarised: Levels whose description is a short paraphrase ("ringkasan") rather than
            wording taken from the reference; show them as such.
    """

    code: str
    kind: CompetenceKind
    name: str
    levels: tuple[str, ...]
    summarised: frozenset[int] = frozenset()

    def description(self, level: int) -> str:
        """Return the description of ``level`` (1 to 5).

        Raises:
            ValidationError: The level is outside 1 to 5 (field "level").
        """
        return self.levels[check_level(level) - 1]


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = load("competence")
    return data


@cache
def standard_competences() -> tuple[Competence, ...]:
    """Return the nine standard competences: M.01-M.08, then Perekat Bangsa (SK.01)."""
    return tuple(
        Competence(
            code=str(entry["code"]),
            kind=CompetenceKind(entry["kind"]),
            name=str(entry["name"]),
            levels=tuple(str(text) for text in entry["levels"]),
            summarised=frozenset(
                level
                for level in range(LOWEST_LEVEL, HIGHEST_LEVEL + 1)
                if level not in entry["from_reference"]
            ),
        )
        for entry in _data()["competences"]
    )


def standard_competence(code: str) -> Competence:
    """Return the standard competence with ``code``.

    Raises:
        KeyError: No standard competence has that code.
    """
    for competence in standard_competences():
        if competence.code == code:
            return competence
    raise KeyError(code)


def check_level(level: int, field: str = "level") -> int:
    """Return ``level`` when it is a competence level, 1 to 5.

    Raises:
        ValidationError: The level is outside 1 to 5, with ``field``.
    """
    if not LOWEST_LEVEL <= level <= HIGHEST_LEVEL:
        raise ValidationError(
            f"Level kompetensi harus antara {LOWEST_LEVEL} dan {HIGHEST_LEVEL} (tertulis {level}).",
            field=field,
        )
    return level


def default_required_level(kind: JabatanKind, jenjang: Jenjang | None, code: str) -> int:
    """Return the bawaan (default) required level of a standard competence for a jabatan.

    This is the commonly cited pattern (confidence [L]), used only to prefill the standar
    kompetensi of a jabatan; the agency's own figure replaces it. JPT and fungsional need their
    jenjang; for Administrator, Pengawas and Pelaksana the jenjang is ignored.

    Raises:
        ValidationError: ``code`` is not a manajerial or sosial kultural standard competence
            (field "code"), or a JPT or fungsional jenjang is missing or belongs to another
            kind (field "jenjang").
    """
    defaults = _data()["default_required_levels"]
    try:
        competence = standard_competence(code)
    except KeyError:
        competence = None
    if competence is None or competence.kind.value not in defaults["applies_to"]:
        raise ValidationError(
            f"Tidak ada level bawaan untuk kompetensi '{code}'. Level kompetensi teknis "
            "mengikuti standar kompetensi instansi; isi levelnya sendiri.",
            field="code",
        )
    entry = defaults["by_kind"][kind.value]
    if isinstance(entry, int):
        return entry
    if jenjang is None or jenjang.value not in entry:
        raise ValidationError(
            f"Pilih jenjang jabatan {kind.label} yang sesuai; level bawaan bergantung pada "
            "jenjangnya.",
            field="jenjang",
        )
    return int(entry[jenjang.value])


def gap(held: int, required: int) -> int:
    """Return held - required; below zero is what needs developing.

    Raises:
        ValidationError: A level is outside 1 to 5 (field "held" or "required").
    """
    return check_level(held, "held") - check_level(required, "required")


class JpmCategory(StrEnum):
    """Mapping category of a Job Person Match, best first."""

    OPTIMAL = "OPTIMAL"
    CUKUP_OPTIMAL = "CUKUP_OPTIMAL"
    KURANG_OPTIMAL = "KURANG_OPTIMAL"

    @property
    def label(self) -> str:
        """E.g. "Cukup Optimal"."""
        return _jpm_categories()[self][1]

    @property
    def lower_bound(self) -> Decimal:
        """The lowest percentage (inclusive) in this category."""
        return _jpm_categories()[self][0]


@cache
def _jpm_categories() -> dict[JpmCategory, tuple[Decimal, str]]:
    return {
        JpmCategory(entry["code"]): (Decimal(str(entry["from"])), str(entry["label"]))
        for entry in _data()["jpm"]["categories"]
    }


def jpm_category(percent: Decimal) -> JpmCategory:
    """Return the category of a JPM percentage: Optimal from 90, Cukup Optimal from 78."""
    ranked = sorted(_jpm_categories().items(), key=lambda item: item[1][0], reverse=True)
    for category, (lower, _label) in ranked:
        if percent >= lower:
            return category
    return JpmCategory.KURANG_OPTIMAL


@dataclass(frozen=True)
class JobPersonMatch:
    """A Job Person Match: the percentage (two decimals, at most 100) and its category."""

    percent: Decimal
    category: JpmCategory

    @property
    def label(self) -> str:
        """The category's label, e.g. "Optimal"."""
        return self.category.label


def job_person_match(pairs: Sequence[tuple[int, int]]) -> JobPersonMatch:
    """Return the JPM of (held, required) level pairs: sum held / sum required x 100.

    The percentage is capped at 100 and rounded half up to two decimals; the category is taken
    from the rounded figure, so the number shown and its category always agree.

    Raises:
        ValueError: There are no pairs.
        ValidationError: A level is outside 1 to 5 (field "held" or "required").
    """
    if not pairs:
        raise ValueError("no competences to match")
    held = sum(check_level(h, "held") for h, _ in pairs)
    required = sum(check_level(r, "required") for _, r in pairs)
    cap = Decimal(str(_data()["jpm"]["cap"]))
    raw = min(Decimal(held) / Decimal(required) * 100, cap)
    percent = raw.quantize(_CENT, rounding=ROUND_HALF_UP)
    return JobPersonMatch(percent, jpm_category(percent))
