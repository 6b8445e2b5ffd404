"""The realisation drafted from daily entries: what is summed, what is left out and why."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

import pytest

from kinerja_desktop.domain.progress import ProgressEntry, ProgressStatus
from kinerja_desktop.domain.progress_realisation import (
    NARRATIVE_NOT_SUMMED,
    QUALITATIVE_NOT_SUMMED,
    SkipReason,
    draft_indicator,
    orphaned,
    same_unit,
)
from kinerja_desktop.domain.skp import Aspek
from kinerja_desktop.domain.skp_records import IkiView

RHK = 7
TW2 = (date(2026, 4, 1), date(2026, 6, 30))


def _iki(unit: str = "berkas", target: Decimal | None = Decimal(100)) -> IkiView:
    return IkiView(
        id=70,
        indicator="Berkas KTP terverifikasi",
        target=target,
        unit=unit,
        target_text="" if target is not None else "Layanan prima",
        lower_is_better=False,
        aspek=Aspek.KUANTITAS,
        perspektif=None,
    )


def _entry(
    day: date,
    realisation: int,
    unit: str = "berkas",
    status: ProgressStatus = ProgressStatus.DISETUJUI,
    rhk_id: int | None = RHK,
) -> ProgressEntry:
    return ProgressEntry(
        id=day.toordinal() * 100 + realisation,
        employee_id=1,
        rhk_id=rhk_id,
        rhk_text="",
        day=day,
        start=time(8),
        end=time(10),
        activity="Memverifikasi berkas",
        data_source="",
        realisation=realisation,
        unit=unit,
        evidence_link="",
        evidence=None,
        status=status,
        review_note="",
        reviewed_by="",
    )


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("berkas", "Berkas", True),
        (" berkas ", "BERKAS", True),
        ("laporan bulanan", "Laporan  Bulanan", True),
        ("laporan bulanan", "laporanbulanan", True),
        ("berkas", "lembar", False),
        ("", "berkas", False),
    ],
)
def test_units_match_ignoring_case_and_spaces(first: str, second: str, same: bool) -> None:
    assert same_unit(first, second) is same


def test_approved_entries_of_the_same_unit_in_the_period_are_summed() -> None:
    entries = [
        _entry(date(2026, 4, 6), 12),
        _entry(date(2026, 4, 7), 5, unit=" Berkas"),
        _entry(date(2026, 4, 8), 3, unit="lembar"),
        _entry(date(2026, 4, 9), 9, status=ProgressStatus.DIAJUKAN),
        _entry(date(2026, 4, 10), 4, status=ProgressStatus.DIKEMBALIKAN),
        _entry(date(2026, 3, 31), 8),  # the day before the period
        _entry(date(2026, 7, 1), 6),  # the day after
        _entry(date(2026, 4, 13), 50, rhk_id=RHK + 1),  # another RHK: not this indicator's
    ]
    draft = draft_indicator(
        _iki(),
        RHK,
        "Terlayaninya adminduk",
        entries,
        period_start=TW2[0],
        period_end=TW2[1],
        qualitative=False,
        current_value=Decimal(10),
    )
    assert draft.total == 17
    assert [entry.realisation for entry in draft.counted] == [12, 5]
    assert draft.skipped_by_reason() == {
        SkipReason.SATUAN_BERBEDA: 1,
        SkipReason.BELUM_DISETUJUI: 2,
        SkipReason.DI_LUAR_PERIODE: 2,
    }
    texts = [skipped.text for skipped in draft.skipped]
    assert "Satuan 'lembar', bukan 'berkas'" in texts
    assert "Masih diajukan, belum disetujui penilai" in texts
    assert "Tanggal 31 Maret 2026 di luar periode" in texts
    assert draft.has_proposal and draft.differs
    assert (draft.proposal_display, draft.current_display) == ("17 berkas", "10 berkas")


@pytest.mark.parametrize(
    ("qualitative", "target", "why"),
    [(True, Decimal(100), QUALITATIVE_NOT_SUMMED), (False, None, NARRATIVE_NOT_SUMMED)],
)
def test_narrative_realisation_is_never_summed(
    qualitative: bool, target: Decimal | None, why: str
) -> None:
    draft = draft_indicator(
        _iki(target=target),
        RHK,
        "",
        [_entry(date(2026, 4, 6), 12)],
        period_start=TW2[0],
        period_end=TW2[1],
        qualitative=qualitative,
        current_text="Layanan berjalan baik",
    )
    assert (draft.summable, draft.not_summed, draft.total, draft.counted) == (False, why, None, ())
    assert not draft.has_proposal
    assert draft.proposal_display == "Tidak dijumlah"
    assert draft.current_display == "Layanan berjalan baik"


def test_no_approved_entry_is_no_proposal() -> None:
    draft = draft_indicator(
        _iki(),
        RHK,
        "",
        [_entry(date(2026, 4, 6), 12, status=ProgressStatus.DRAF)],
        period_start=TW2[0],
        period_end=TW2[1],
        qualitative=False,
    )
    assert (draft.total, draft.has_proposal, draft.differs) == (0, False, False)
    assert draft.proposal_display == "Belum ada progres disetujui"
    assert draft.current_display == "Belum diisi"


def test_entries_whose_rhk_was_deleted_are_named_in_the_period_only() -> None:
    entries = [
        _entry(date(2026, 4, 6), 12, rhk_id=None),
        _entry(date(2026, 3, 6), 2, rhk_id=None),
        _entry(date(2026, 4, 7), 1),
    ]
    (found,) = orphaned(entries, *TW2)
    assert (found.entry.day, found.reason, found.text) == (
        date(2026, 4, 6),
        SkipReason.RHK_DIHAPUS,
        "RHK-nya sudah dihapus dari SKP",
    )
