"""A period's realisation drafted from the daily log: the approved entries summed per indicator.

The draft is a proposal the penilai reviews before anything is saved. For each indicator of the
SKP it sums the realisation of the person's approved daily entries on the indicator's RHK in the
period, when the entry's unit is the indicator's satuan (compared ignoring case and spaces:
"Berkas" and " berkas " are one unit). Every entry it leaves out says why: another unit, not
approved yet, outside the period, or its RHK was deleted from the SKP since. A qualitative SKP
(narrative realisation) or an indicator with a narrative target is never summed.

The period alone is summed on every target scale: a period's realisation is recorded as what
was done in that period, a cumulative target's running total is the evaluation's to add up
(docs/rules.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.progress import ProgressEntry, ProgressStatus
from kinerja_desktop.domain.skp_records import IkiView, format_quantity


def same_unit(first: str, second: str) -> bool:
    """Whether two units are one, ignoring case and spaces ("Berkas" is " berkas")."""
    return _unit_key(first) == _unit_key(second)


def _unit_key(unit: str) -> str:
    return "".join(unit.split()).casefold()


class SkipReason(StrEnum):
    """Why an entry is not in an indicator's sum."""

    SATUAN_BERBEDA = "SATUAN_BERBEDA"
    BELUM_DISETUJUI = "BELUM_DISETUJUI"
    DI_LUAR_PERIODE = "DI_LUAR_PERIODE"
    RHK_DIHAPUS = "RHK_DIHAPUS"

    @property
    def label(self) -> str:
        return {
            SkipReason.SATUAN_BERBEDA: "Satuan berbeda",
            SkipReason.BELUM_DISETUJUI: "Belum disetujui",
            SkipReason.DI_LUAR_PERIODE: "Di luar periode",
            SkipReason.RHK_DIHAPUS: "RHK sudah dihapus",
        }[self]


@dataclass(frozen=True)
class SkippedEntry:
    """An entry left out of a sum, and why."""

    entry: ProgressEntry
    reason: SkipReason
    #: The indicator's satuan, for the "another unit" explanation.
    expected_unit: str = ""

    @property
    def text(self) -> str:
        """One line: the reason in words, e.g. "Satuan 'lembar', bukan 'berkas'"."""
        entry = self.entry
        if self.reason is SkipReason.SATUAN_BERBEDA:
            return f"Satuan '{entry.unit}', bukan '{self.expected_unit}'"
        if self.reason is SkipReason.BELUM_DISETUJUI:
            return f"Masih {entry.status.label.lower()}, belum disetujui penilai"
        if self.reason is SkipReason.DI_LUAR_PERIODE:
            return f"Tanggal {format_date_id(entry.day)} di luar periode"
        return "RHK-nya sudah dihapus dari SKP"


@dataclass(frozen=True)
class IndicatorDraft:
    """One indicator's proposal beside its realisation as saved today.

    Attributes:
        summable: False for a narrative realisation; ``not_summed`` then says why.
        total: The sum of the counted entries (None when not summable).
        counted: The entries summed, by day.
        skipped: The entries of the indicator's RHK left out, each with its reason.
        start: The first day summed (the period's start).
        end: The last day summed (the period's end).
        current_value: The realisation figure saved today (None when there is none).
        current_text: The realisation's note (or narrative) saved today.
    """

    iki: IkiView
    rhk_id: int
    rhk_text: str
    summable: bool
    not_summed: str
    total: int | None
    counted: tuple[ProgressEntry, ...]
    skipped: tuple[SkippedEntry, ...]
    start: date
    end: date
    current_value: Decimal | None
    current_text: str

    @property
    def has_proposal(self) -> bool:
        """Something to apply: a sum of at least one approved entry."""
        return self.total is not None and bool(self.counted)

    @property
    def differs(self) -> bool:
        """The proposal is not what is saved today."""
        return self.has_proposal and self.current_value != Decimal(self.total or 0)

    @property
    def proposal_display(self) -> str:
        """The sum with its unit ("36 berkas"), or why there is none."""
        if not self.summable:
            return "Tidak dijumlah"
        if self.total is None or not self.counted:
            return "Belum ada progres disetujui"
        return format_quantity(Decimal(self.total), self.iki.unit)

    @property
    def current_display(self) -> str:
        if self.current_value is None:
            return self.current_text or "Belum diisi"
        return format_quantity(self.current_value, self.iki.unit)

    def skipped_by_reason(self) -> dict[SkipReason, int]:
        """How many entries each reason left out (reasons without any are not listed)."""
        found: dict[SkipReason, int] = {}
        for skipped in self.skipped:
            found[skipped.reason] = found.get(skipped.reason, 0) + 1
        return found


@dataclass(frozen=True)
class RealisationDraft:
    """A period's proposal for every indicator of an SKP.

    Attributes:
        orphans: The period's entries whose RHK was deleted from the SKP (counted nowhere).
    """

    skp_id: int
    employee_id: int
    period_code: str
    period_label: str
    period_start: date
    period_end: date
    indicators: tuple[IndicatorDraft, ...]
    orphans: tuple[SkippedEntry, ...]

    @property
    def any_proposal(self) -> bool:
        return any(indicator.has_proposal for indicator in self.indicators)


#: Why a qualitative SKP's or a narrative target's realisation is not summed.
QUALITATIVE_NOT_SUMMED = (
    "Pendekatan kualitatif: realisasinya berupa uraian dan tidak dijumlah dari progres harian."
)
NARRATIVE_NOT_SUMMED = (
    "Target indikator ini berupa uraian; realisasinya tidak dijumlah dari progres harian."
)


def draft_indicator(
    iki: IkiView,
    rhk_id: int,
    rhk_text: str,
    entries: Iterable[ProgressEntry],
    *,
    period_start: date,
    period_end: date,
    qualitative: bool,
    current_value: Decimal | None = None,
    current_text: str = "",
) -> IndicatorDraft:
    """Sum an indicator's approved entries of the same unit in the period.

    Args:
        iki: The indicator (its satuan decides which entries count).
        rhk_id: Its RHK; only entries on that RHK are looked at.
        rhk_text: The RHK's text, for the screens.
        entries: The person's entries (any RHK, any day; the others are ignored).
        period_start: The period's first day.
        period_end: The period's last day.
        qualitative: The SKP's approach is qualitative (never summed).
        current_value: The figure saved today, to show beside the proposal.
        current_text: The note or narrative saved today.
    """
    mine = [entry for entry in entries if entry.rhk_id == rhk_id]
    not_summed = ""
    if qualitative:
        not_summed = QUALITATIVE_NOT_SUMMED
    elif iki.target is None:
        not_summed = NARRATIVE_NOT_SUMMED
    counted: list[ProgressEntry] = []
    skipped: list[SkippedEntry] = []
    for entry in mine:
        if not period_start <= entry.day <= period_end:
            skipped.append(SkippedEntry(entry, SkipReason.DI_LUAR_PERIODE))
        elif entry.status is not ProgressStatus.DISETUJUI:
            skipped.append(SkippedEntry(entry, SkipReason.BELUM_DISETUJUI))
        elif not same_unit(entry.unit, iki.unit):
            skipped.append(SkippedEntry(entry, SkipReason.SATUAN_BERBEDA, iki.unit))
        else:
            counted.append(entry)
    summable = not not_summed
    return IndicatorDraft(
        iki=iki,
        rhk_id=rhk_id,
        rhk_text=rhk_text,
        summable=summable,
        not_summed=not_summed,
        total=sum(entry.realisation for entry in counted) if summable else None,
        counted=tuple(counted) if summable else (),
        skipped=tuple(skipped),
        start=period_start,
        end=period_end,
        current_value=current_value,
        current_text=current_text,
    )


def orphaned(entries: Iterable[ProgressEntry], start: date, end: date) -> tuple[SkippedEntry, ...]:
    """The entries from ``start`` to ``end`` whose RHK was deleted (counted nowhere)."""
    return tuple(
        SkippedEntry(entry, SkipReason.RHK_DIHAPUS)
        for entry in entries
        if entry.rhk_id is None and start <= entry.day <= end
    )
