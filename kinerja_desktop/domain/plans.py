"""Rencana aksi and period targets: what each RHK plans per period, and what it is measured by.

The SKP's targets are annual. Reference §11 (confidence [M]) says the RHK are planned per
periode (triwulan by default) as *rencana aksi* with the period's targets, and that the periodic
evaluation looks at them; §3.1 gives only the shape of the rating rule. Where the reference is
silent the app's own rules are these (docs/rules.md, "Rencana aksi and period targets"):

- **Rencana aksi** is one text per RHK and periodic period (not for AKHIR, the annual
  evaluation). An empty text removes it.
- **Period targets** are per indicator and periodic period, on the indicator's **scale**
  (:class:`TargetScale`), one scale per indicator:

  - ``KUMULATIF``: the period's target is the running total up to the end of that period
    (12 Dokumen a year in triwulan: 3, 6, 9, 12). The realisation recorded in each period is
    what was done in it, so the period's realisation is measured as the sum of the
    realisations of this period and the earlier ones of the year (a period with none counts
    as nothing done).
  - ``PER_PERIODE``: each period stands alone (3 Dokumen each triwulan, or "100%" each
    triwulan for a share): the period's own realisation against the period's own target.
    It is the default (:data:`DEFAULT_SCALE`), since it reads the way the realisation is
    entered.

- **What a period is measured against** (:func:`measure`): the period target when one is
  recorded; else the annual target, as before this rule (the reasons say which). AKHIR is
  always measured against the annual target.
- **Zero targets** ("0 temuan") are allowed only on lower-is-better indicators, annual or
  periodic (:func:`~kinerja_desktop.domain.skp.target_problem`); their achievement is in
  :func:`~kinerja_desktop.domain.achievement.achievement`.
- **Checking the targets against the annual one** is a warning, never a refusal
  (:func:`target_warnings`): the reference gives no firm rule. Cumulative targets should not
  fall from one period to the next, and the last period's should reach the annual target
  (not exceed it when lower is better). Per-period targets stand alone and are not summed: a
  share ("100%") or a time ("5 hari") does not add up over periods.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.skp import parse_number, target_problem
from kinerja_desktop.domain.skp_records import format_quantity
from kinerja_desktop.domain.text import checked_text

#: The longest rencana aksi, like an RHK's text.
RENCANA_AKSI_MAX = 1000


class TargetScale(StrEnum):
    """How an indicator's period targets read (see the module docstring)."""

    KUMULATIF = "KUMULATIF"
    PER_PERIODE = "PER_PERIODE"

    @property
    def label(self) -> str:
        return {"KUMULATIF": "Kumulatif", "PER_PERIODE": "Per periode"}[self.value]


#: The scale of an indicator whose scale was never chosen.
DEFAULT_SCALE = TargetScale.PER_PERIODE


class TargetBasis(StrEnum):
    """Which target a period's achievement was measured against."""

    TAHUNAN = "TAHUNAN"
    PERIODE = "PERIODE"
    KUMULATIF = "KUMULATIF"

    @property
    def label(self) -> str:
        return {
            "TAHUNAN": "target tahunan",
            "PERIODE": "target periode",
            "KUMULATIF": "target periode kumulatif",
        }[self.value]


def rencana_aksi_text(value: str, *, field: str | None, label: str) -> str:
    """The cleaned rencana aksi ("" removes it).

    Raises:
        ValidationError: longer than :data:`RENCANA_AKSI_MAX`.
    """
    return checked_text(
        value, field=field, label=label, max_length=RENCANA_AKSI_MAX, required=False
    )


def period_target(
    text: str, *, lower_is_better: bool, field: str | None, label: str
) -> Decimal | None:
    """Read a typed period target ("" is none): a number, above zero unless lower is better.

    Raises:
        ValidationError: not a number, below zero, or zero on a higher-is-better indicator.
    """
    if not text.strip():
        return None
    try:
        value = parse_number(text)
    except ValueError:
        raise ValidationError(
            f"{label}: target harus angka, mis. 12 atau 12,5; yang diisi '{text.strip()}'.",
            field=field,
        ) from None
    problem = target_problem(value, label=label, lower_is_better=lower_is_better)
    if problem:
        raise ValidationError(problem, field=field)
    return value


@dataclass(frozen=True)
class PeriodTarget:
    """An indicator's target for one period, on the indicator's scale."""

    value: Decimal
    scale: TargetScale


@dataclass(frozen=True)
class Measure:
    """What a period's achievement is computed from.

    Attributes:
        target: The target measured against.
        realisation: The realisation measured (a running total on the cumulative scale).
        basis: Which target it is.
    """

    target: Decimal
    realisation: Decimal
    basis: TargetBasis


def measure(
    *,
    annual_target: Decimal | None,
    period: PeriodTarget | None,
    realisation: Decimal | None,
    earlier: Sequence[Decimal] = (),
    final: bool = False,
) -> Measure | None:
    """The target and realisation of one indicator in a period; None with nothing to measure.

    Args:
        annual_target: The SKP's target for the year.
        period: The period's target, if one is recorded (ignored for AKHIR).
        realisation: What was recorded for this period.
        earlier: The realisations recorded for the year's earlier periods (for ``KUMULATIF``).
        final: The period is AKHIR, measured against the annual target.
    """
    if realisation is None:
        return None
    if period is not None and not final:
        if period.scale is TargetScale.KUMULATIF:
            total = sum(earlier, Decimal(0)) + realisation
            return Measure(period.value, total, TargetBasis.KUMULATIF)
        return Measure(period.value, realisation, TargetBasis.PERIODE)
    if annual_target is None:
        return None
    return Measure(annual_target, realisation, TargetBasis.TAHUNAN)


def target_warnings(
    label: str,
    *,
    annual: Decimal | None,
    unit: str,
    scale: TargetScale,
    targets: Sequence[tuple[str, Decimal | None]],
    lower_is_better: bool,
) -> list[str]:
    """Warnings (not refusals) about an indicator's period targets against the annual target.

    Args:
        label: How the messages name the indicator ("RHK 1, indikator 2").
        annual: The SKP's annual target.
        unit: The target's unit, for the messages.
        scale: The indicator's scale.
        targets: (period label, target or None) for every periodic period of the year, in order.
        lower_is_better: The indicator improves as the figure falls.
    """
    if scale is not TargetScale.KUMULATIF:
        return []
    warnings: list[str] = []
    previous: tuple[str, Decimal] | None = None
    for period_label, value in targets:
        if value is None:
            continue
        if previous is not None and value < previous[1]:
            warnings.append(
                f"{label}: target kumulatif {period_label} ({format_quantity(value, unit)}) lebih "
                f"kecil dari {previous[0]} ({format_quantity(previous[1], unit)}); target "
                "kumulatif adalah jumlah berjalan."
            )
        previous = (period_label, value)
    last_label, last = targets[-1] if targets else ("", None)
    if annual is not None and last is not None:
        short = last > annual if lower_is_better else last < annual
        if short:
            verb = "melebihi" if lower_is_better else "belum mencapai"
            warnings.append(
                f"{label}: target kumulatif {last_label} ({format_quantity(last, unit)}) {verb} "
                f"target tahunan ({format_quantity(annual, unit)})."
            )
    return warnings


def basis_note(
    period_label: str, *, final: bool, periodic: int, cumulative: int, annual: int
) -> str:
    """The proposal's reason that says which targets a period was measured against.

    Args:
        period_label: "Triwulan IV", "Akhir".
        final: The period is AKHIR.
        periodic: Indicators measured against a per-period target.
        cumulative: Indicators measured against a cumulative period target.
        annual: Indicators measured against the annual target.
    """
    if not periodic + cumulative + annual:
        return ""
    if final:
        return f"Capaian periode {period_label} diukur terhadap target tahunan SKP."
    planned = periodic + cumulative
    if not planned:
        return (
            f"Belum ada target periode {period_label}: capaian diukur terhadap target tahunan "
            "SKP. Isi rencana aksi dan target periodenya di halaman SKP."
        )
    text = (
        f"Capaian {period_label} diukur terhadap target periode (rencana aksi): {planned} indikator"
    )
    if cumulative:
        text += f", {cumulative} di antaranya kumulatif (realisasi dijumlah sejak awal tahun)"
    if annual:
        text += f"; {annual} indikator tanpa target periode diukur terhadap target tahunan"
    return text + "."
