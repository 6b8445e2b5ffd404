"""The SKP (Sasaran Kinerja Pegawai): results (RHK), their indicators (IKI), and its rules.

An SKP is kept as a draft while the supervisor and the employee work on it; saving a draft
checks each value (a target must be a number above zero, or zero when lower is better; texts
have limits) but not whether the plan is complete. Agreeing checks completeness: a main
result, indicators for every result, the cascade link to the supervisor's results
(reference §1).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.text import checked_text

TEXT_MAX = 1000
UNIT_MAX = 60


class Pendekatan(StrEnum):
    KUANTITATIF = "KUANTITATIF"
    KUALITATIF = "KUALITATIF"

    @property
    def label(self) -> str:
        return self.value.title()


class SkpLayout(StrEnum):
    """JPT (and heads of independent units) use perspektif; JA/JF use aspek."""

    JPT = "JPT"
    JA_JF = "JA_JF"


class RhkKind(StrEnum):
    UTAMA = "UTAMA"
    TAMBAHAN = "TAMBAHAN"

    @property
    def label(self) -> str:
        return "A. Utama" if self is RhkKind.UTAMA else "B. Tambahan"


class Aspek(StrEnum):
    KUANTITAS = "KUANTITAS"
    KUALITAS = "KUALITAS"
    WAKTU = "WAKTU"
    BIAYA = "BIAYA"

    @property
    def label(self) -> str:
        return self.value.title()


class Perspektif(StrEnum):
    PENERIMA_LAYANAN = "PENERIMA_LAYANAN"
    PROSES_BISNIS = "PROSES_BISNIS"
    PENGUATAN_INTERNAL = "PENGUATAN_INTERNAL"
    ANGGARAN = "ANGGARAN"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").title()


class SkpStatus(StrEnum):
    DRAFT = "DRAFT"
    DISEPAKATI = "DISEPAKATI"

    @property
    def label(self) -> str:
        return "Draf" if self is SkpStatus.DRAFT else "Disepakati"


class LampiranKind(StrEnum):
    DUKUNGAN_SUMBER_DAYA = "DUKUNGAN_SUMBER_DAYA"
    SKEMA_PERTANGGUNGJAWABAN = "SKEMA_PERTANGGUNGJAWABAN"
    KONSEKUENSI = "KONSEKUENSI"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").title()


@dataclass(frozen=True)
class IkiDraft:
    """One indicator as typed: every value is still text except the choices.

    Attributes:
        indicator: The IKI wording ("Jumlah dokumen ...", or a narrative success measure).
        target: For the quantitative approach, a number above zero ("2", "100", "12,5").
        unit: The target's unit ("Dokumen", "%", "Bulan").
        target_text: For the qualitative approach, the narrative target (optional).
        lower_is_better: The indicator improves as the figure falls (days, complaints, cost).
        aspek: Kuantitas/Kualitas/Waktu/Biaya (JA/JF layout).
        perspektif: The JPT layout's perspective instead of aspek.
        id: The stored indicator this draft edits, or None for a new one.
    """

    indicator: str
    target: str = ""
    unit: str = ""
    target_text: str = ""
    lower_is_better: bool = False
    aspek: Aspek | None = None
    perspektif: Perspektif | None = None
    id: int | None = None


@dataclass(frozen=True)
class RhkDraft:
    """One work result with its indicators.

    ``parent_rhk_id`` names the supervisor's RHK this one serves (the cascade);
    ``parent_text`` is the free-text alternative used only at the top of the tree.
    """

    text: str
    kind: RhkKind = RhkKind.UTAMA
    indicators: tuple[IkiDraft, ...] = ()
    parent_rhk_id: int | None = None
    parent_text: str = ""
    id: int | None = None


@dataclass(frozen=True)
class SkpDraft:
    """The editable content of an SKP."""

    pendekatan: Pendekatan
    rhks: tuple[RhkDraft, ...] = ()
    lampiran: Mapping[LampiranKind, tuple[str, ...]] = field(default_factory=dict)
    expectations: Mapping[BehaviourValue, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ValidIki:
    indicator: str
    target: Decimal | None
    unit: str
    target_text: str
    lower_is_better: bool
    aspek: Aspek | None
    perspektif: Perspektif | None
    id: int | None


@dataclass(frozen=True)
class ValidRhk:
    text: str
    kind: RhkKind
    indicators: tuple[ValidIki, ...]
    parent_rhk_id: int | None
    parent_text: str
    id: int | None


@dataclass(frozen=True)
class ValidSkp:
    pendekatan: Pendekatan
    rhks: tuple[ValidRhk, ...]
    lampiran: Mapping[LampiranKind, tuple[str, ...]]
    expectations: Mapping[BehaviourValue, str]


def rhk_field(rhk: int, part: str) -> str:
    """Name a cell for error messages and for the editor: ``rhk[0].text``."""
    return f"rhk[{rhk}].{part}"


def iki_field(rhk: int, iki: int, part: str) -> str:
    return f"rhk[{rhk}].iki[{iki}].{part}"


_PLAIN = re.compile(r"-?\d+(?:[.,]\d+)?")
_THOUSANDS_DOTS = re.compile(r"-?\d{1,3}(?:\.\d{3})+(?:,\d+)?")


def parse_number(text: str) -> Decimal:
    """Read a number typed the Indonesian way or the spreadsheet way.

    "12,5" and "12.5" are 12.5; dots between groups of three digits are thousands, as people in
    Indonesia write them: "1.250" and "1.250.000,5". Anything else ("1,250.5", "1e3", "1_000")
    is refused rather than guessed. Raises ValueError when the text is not such a number.
    """
    cleaned = text.strip().replace(" ", "").replace("%", "")
    if _THOUSANDS_DOTS.fullmatch(cleaned) and not cleaned.lstrip("-").startswith("0"):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _PLAIN.fullmatch(cleaned):
        cleaned = cleaned.replace(",", ".")
    else:
        raise ValueError(text)
    return Decimal(cleaned)


def target_problem(target: Decimal, *, label: str, lower_is_better: bool) -> str:
    """What is wrong with a target figure ("" when nothing), for annual and period targets.

    A target is above zero, except that a lower-is-better indicator may aim at zero
    ("0 temuan", docs/rules.md); its achievement then follows ``ResultRules.zero_target_*``.
    """
    if target < 0:
        return (
            f"{label}: target tidak boleh kurang dari 0."
            if lower_is_better
            else f"{label}: target harus lebih dari 0."
        )
    if target == 0 and not lower_is_better:
        return (
            f"{label}: target harus lebih dari 0. Target 0 hanya untuk indikator yang makin "
            "kecil makin baik (mis. 0 temuan)."
        )
    return ""


def _text(
    value: str, field_name: str, label: str, limit: int, errors: list[ValidationError]
) -> str:
    """An optional text of the draft; a draft may be saved with any text still empty."""
    return checked_text(
        value, field=field_name, label=label, max_length=limit, required=False, errors=errors
    )


def _validate_iki(
    iki: IkiDraft, pendekatan: Pendekatan, where: tuple[int, int], errors: list[ValidationError]
) -> ValidIki:
    r, i = where
    label = f"RHK {r + 1}, indikator {i + 1}"
    indicator = checked_text(
        iki.indicator,
        field=iki_field(r, i, "indicator"),
        label=f"{label}: indikator",
        max_length=TEXT_MAX,
        errors=errors,
    )
    unit = _text(iki.unit, iki_field(r, i, "unit"), f"{label}: satuan", UNIT_MAX, errors)
    target_text = _text(
        iki.target_text, iki_field(r, i, "target_text"), f"{label}: target", TEXT_MAX, errors
    )
    target: Decimal | None = None
    if iki.target.strip():
        try:
            target = parse_number(iki.target)
        except ValueError:
            errors.append(
                ValidationError(
                    f"{label}: target harus angka, mis. 12 atau 12,5; yang diisi '{iki.target}'.",
                    field=iki_field(r, i, "target"),
                )
            )
        else:
            problem = target_problem(target, label=label, lower_is_better=iki.lower_is_better)
            if problem:
                errors.append(ValidationError(problem, field=iki_field(r, i, "target")))
    elif pendekatan is Pendekatan.KUANTITATIF:
        errors.append(
            ValidationError(
                f"{label}: pendekatan kuantitatif membutuhkan target berupa angka.",
                field=iki_field(r, i, "target"),
            )
        )
    return ValidIki(
        indicator=indicator,
        target=target,
        unit=unit,
        target_text=target_text,
        lower_is_better=iki.lower_is_better,
        aspek=iki.aspek,
        perspektif=iki.perspektif,
        id=iki.id,
    )


def validate_skp(draft: SkpDraft) -> ValidSkp:
    """Check every value of a draft (not its completeness: see `check_complete`).

    Raises:
        ValidationErrors: each message names its RHK and indicator by number, and its field
            by the editor's cell name (``rhk[0].iki[1].target``).
    """
    errors: list[ValidationError] = []
    rhks: list[ValidRhk] = []
    for r, rhk in enumerate(draft.rhks):
        text = _text(rhk.text, rhk_field(r, "text"), f"RHK {r + 1}", TEXT_MAX, errors)
        parent_text = _text(
            rhk.parent_text, rhk_field(r, "parent"), f"RHK {r + 1}: RHK atasan", TEXT_MAX, errors
        )
        indicators = tuple(
            _validate_iki(iki, draft.pendekatan, (r, i), errors)
            for i, iki in enumerate(rhk.indicators)
        )
        rhks.append(ValidRhk(text, rhk.kind, indicators, rhk.parent_rhk_id, parent_text, rhk.id))
    lampiran = {
        kind: tuple(
            item
            for n, text in enumerate(items)
            if (item := _text(text, f"lampiran.{kind.value}[{n}]", kind.label, TEXT_MAX, errors))
        )
        for kind, items in draft.lampiran.items()
    }
    expectations = {
        value: cleaned
        for value, text in draft.expectations.items()
        if (cleaned := _text(text, f"expectation.{value.value}", value.label, TEXT_MAX, errors))
    }
    if errors:
        raise ValidationErrors(errors)
    return ValidSkp(draft.pendekatan, tuple(rhks), lampiran, expectations)


def check_complete(skp: ValidSkp, layout: SkpLayout, *, needs_cascade: bool) -> None:
    """Check that an SKP can be agreed.

    Args:
        skp: The validated content.
        layout: JPT (perspektif) or JA/JF (aspek).
        needs_cascade: The person's supervisor has an SKP this year, so each main RHK must
            name the supervisor's RHK it serves; at the top of the tree free text may stand in.

    Raises:
        ValidationErrors: what is missing, each with its cell.
    """
    errors: list[ValidationError] = []
    if not any(rhk.kind is RhkKind.UTAMA for rhk in skp.rhks):
        errors.append(
            ValidationError("SKP harus memiliki paling sedikit satu RHK utama.", field="rhk")
        )
    for r, rhk in enumerate(skp.rhks):
        errors.extend(_rhk_gaps(r, rhk, needs_cascade=needs_cascade))
        if skp.pendekatan is Pendekatan.KUANTITATIF:
            for i, iki in enumerate(rhk.indicators):
                errors.extend(_quantitative_gaps(r, i, iki, layout))
    if errors:
        raise ValidationErrors(errors)


def _rhk_gaps(r: int, rhk: ValidRhk, *, needs_cascade: bool) -> list[ValidationError]:
    gaps = []
    if not rhk.text:
        gaps.append(
            ValidationError(f"RHK {r + 1}: uraian wajib diisi.", field=rhk_field(r, "text"))
        )
    if not rhk.indicators:
        gaps.append(
            ValidationError(
                f"RHK {r + 1}: tambahkan paling sedikit satu indikator.",
                field=rhk_field(r, "text"),
            )
        )
    if rhk.kind is RhkKind.UTAMA and rhk.parent_rhk_id is None:
        if needs_cascade:
            message = f"RHK {r + 1}: pilih RHK atasan yang diintervensi."
        elif not rhk.parent_text:
            message = f"RHK {r + 1}: tuliskan sasaran pimpinan atau instansi yang didukung."
        else:
            return gaps
        gaps.append(ValidationError(message, field=rhk_field(r, "parent")))
    return gaps


def _quantitative_gaps(r: int, i: int, iki: ValidIki, layout: SkpLayout) -> list[ValidationError]:
    label = f"RHK {r + 1}, indikator {i + 1}"
    gaps = []
    if layout is SkpLayout.JPT and iki.perspektif is None:
        gaps.append(
            ValidationError(f"{label}: pilih perspektif.", field=iki_field(r, i, "perspektif"))
        )
    if layout is SkpLayout.JA_JF and iki.aspek is None:
        gaps.append(ValidationError(f"{label}: pilih aspek.", field=iki_field(r, i, "aspek")))
    if not iki.unit:
        gaps.append(
            ValidationError(f"{label}: satuan target wajib diisi.", field=iki_field(r, i, "unit"))
        )
    return gaps
