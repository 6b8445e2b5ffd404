"""Rencana aksi and period targets: text, scale, what a period is measured against, warnings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja_desktop.domain.achievement import achievement, level_of
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.plans import (
    DEFAULT_SCALE,
    RENCANA_AKSI_MAX,
    Measure,
    PeriodTarget,
    TargetBasis,
    TargetScale,
    measure,
    period_target,
    rencana_aksi_text,
    target_warnings,
)
from kinerja_desktop.domain.ratings import Rating

D = Decimal
KUM = TargetScale.KUMULATIF
PER = TargetScale.PER_PERIODE

# --- rencana aksi text ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  Menyusun   draf laporan  ", "Menyusun draf laporan"),
        ("", ""),
        ("   ", ""),
        ("a" * RENCANA_AKSI_MAX, "a" * RENCANA_AKSI_MAX),
    ],
)
def test_rencana_aksi_text_is_cleaned_and_may_be_empty(typed: str, stored: str) -> None:
    assert rencana_aksi_text(typed, field="text", label="Rencana aksi RHK 1") == stored


def test_a_too_long_rencana_aksi_names_its_field() -> None:
    with pytest.raises(ValidationError) as caught:
        rencana_aksi_text("a" * (RENCANA_AKSI_MAX + 1), field="rhk[0]", label="Rencana aksi RHK 1")

    assert caught.value.field == "rhk[0]"
    assert caught.value.message == "Rencana aksi RHK 1 paling banyak 1000 karakter (sekarang 1001)."


# --- typed period targets -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "lower_is_better", "value"),
    [
        ("3", False, D(3)),
        ("12,5", False, D("12.5")),
        ("1.250", False, D(1250)),
        ("", False, None),
        ("  ", True, None),
        ("0", True, D(0)),  # "0 temuan"
        ("2", True, D(2)),
    ],
)
def test_period_target_reads_numbers(
    typed: str, lower_is_better: bool, value: Decimal | None
) -> None:
    got = period_target(typed, lower_is_better=lower_is_better, field="t", label="Indikator 1")
    assert got == value


@pytest.mark.parametrize(
    ("typed", "lower_is_better", "message"),
    [
        ("tiga", False, "Indikator 1: target harus angka, mis. 12 atau 12,5; yang diisi 'tiga'."),
        (
            "0",
            False,
            "Indikator 1: target harus lebih dari 0. Target 0 hanya untuk indikator yang makin "
            "kecil makin baik (mis. 0 temuan).",
        ),
        ("-1", False, "Indikator 1: target harus lebih dari 0."),
        ("-1", True, "Indikator 1: target tidak boleh kurang dari 0."),
    ],
)
def test_period_target_refuses_with_the_field(
    typed: str, lower_is_better: bool, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        period_target(typed, lower_is_better=lower_is_better, field="t", label="Indikator 1")

    assert (caught.value.field, caught.value.message) == ("t", message)


# --- what a period is measured against ----------------------------------------------------------


def test_the_default_scale_is_per_period() -> None:
    assert DEFAULT_SCALE is PER
    assert [scale.label for scale in TargetScale] == ["Kumulatif", "Per periode"]


@pytest.mark.parametrize(
    ("annual", "period", "realisation", "earlier", "final", "expected"),
    [
        # no realisation: nothing to measure
        (D(12), PeriodTarget(D(3), PER), None, (), False, None),
        # no period target: the annual target, as before
        (D(12), None, D(3), (), False, Measure(D(12), D(3), TargetBasis.TAHUNAN)),
        (None, None, D(3), (), False, None),
        # per period: this period alone
        (
            D(12),
            PeriodTarget(D(3), PER),
            D(3),
            (D(3), D(3)),
            False,
            Measure(D(3), D(3), TargetBasis.PERIODE),
        ),
        # cumulative: the running total against the running target
        (
            D(12),
            PeriodTarget(D(12), KUM),
            D(3),
            (D(3), D(3), D(3)),
            False,
            Measure(D(12), D(12), TargetBasis.KUMULATIF),
        ),
        (
            D(12),
            PeriodTarget(D(3), KUM),
            D(2),
            (),
            False,
            Measure(D(3), D(2), TargetBasis.KUMULATIF),
        ),
        # AKHIR: always the annual target
        (
            D(12),
            PeriodTarget(D(3), PER),
            D(12),
            (),
            True,
            Measure(D(12), D(12), TargetBasis.TAHUNAN),
        ),
        # a period target without an annual one still measures the period
        (None, PeriodTarget(D(3), PER), D(3), (), False, Measure(D(3), D(3), TargetBasis.PERIODE)),
    ],
)
def test_measure(
    annual: Decimal | None,
    period: PeriodTarget | None,
    realisation: Decimal | None,
    earlier: tuple[Decimal, ...],
    final: bool,
    expected: Measure | None,
) -> None:
    got = measure(
        annual_target=annual, period=period, realisation=realisation, earlier=earlier, final=final
    )
    assert got == expected


@pytest.mark.parametrize(
    ("period", "earlier", "level"),
    [
        # The issue: exactly on pace in TW4 was 3 of 12 (25%, below expectation).
        (None, (), Rating.DI_BAWAH),
        (PeriodTarget(D(3), PER), (), Rating.SESUAI),
        (PeriodTarget(D(12), KUM), (D(3), D(3), D(3)), Rating.SESUAI),
        (PeriodTarget(D(12), KUM), (D(3), D(3)), Rating.DI_BAWAH),  # TW3 left empty
    ],
)
def test_on_pace_in_the_fourth_quarter(
    period: PeriodTarget | None, earlier: tuple[Decimal, ...], level: Rating
) -> None:
    got = measure(annual_target=D(12), period=period, realisation=D(3), earlier=earlier)
    assert got is not None
    percent = achievement(got.target, got.realisation, lower_is_better=False)
    assert level_of(percent) is level


@pytest.mark.parametrize(
    ("scale", "earlier", "realisation", "percent"),
    [
        (PER, (), D(0), "100.00"),  # "0 temuan" this triwulan
        (PER, (D(2),), D(0), "100.00"),  # earlier findings do not count per period
        (KUM, (D(1),), D(0), "0.00"),  # ... but do on the running total
        (KUM, (), D(0), "100.00"),
    ],
)
def test_zero_period_target_when_lower_is_better(
    scale: TargetScale, earlier: tuple[Decimal, ...], realisation: Decimal, percent: str
) -> None:
    got = measure(
        annual_target=D(0),
        period=PeriodTarget(D(0), scale),
        realisation=realisation,
        earlier=earlier,
    )
    assert got is not None
    assert str(achievement(got.target, got.realisation, lower_is_better=True)) == percent


# --- warnings -------------------------------------------------------------------------------------

TW = ("Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV")


def _targets(*values: str | None) -> list[tuple[str, Decimal | None]]:
    return [(label, D(v) if v is not None else None) for label, v in zip(TW, values, strict=True)]


@pytest.mark.parametrize(
    ("scale", "values", "lower", "warnings"),
    [
        (KUM, ("3", "6", "9", "12"), False, []),
        (KUM, ("3", "6", None, "12"), False, []),
        (KUM, ("3", "6", "9", None), False, []),  # the last one not planned yet
        (KUM, ("3", "6", "9", "15"), False, []),  # more ambitious than the year
        (
            KUM,
            ("3", "6", "9", "10"),
            False,
            [
                "RHK 1, indikator 1: target kumulatif Triwulan IV (10 Dokumen) belum mencapai "
                "target tahunan (12 Dokumen)."
            ],
        ),
        (
            KUM,
            ("3", "6", "5", "12"),
            False,
            [
                "RHK 1, indikator 1: target kumulatif Triwulan III (5 Dokumen) lebih kecil dari "
                "Triwulan II (6 Dokumen); target kumulatif adalah jumlah berjalan."
            ],
        ),
        (
            KUM,
            ("3", "6", "9", "13"),
            True,
            [
                "RHK 1, indikator 1: target kumulatif Triwulan IV (13 Dokumen) melebihi target "
                "tahunan (12 Dokumen)."
            ],
        ),
        (PER, ("3", "3", "3", "1"), False, []),  # per period: not summed
        (PER, ("100", "100", "100", "100"), False, []),
    ],
)
def test_target_warnings(
    scale: TargetScale, values: tuple[str | None, ...], lower: bool, warnings: list[str]
) -> None:
    got = target_warnings(
        "RHK 1, indikator 1",
        annual=D(12),
        unit="Dokumen",
        scale=scale,
        targets=_targets(*values),
        lower_is_better=lower,
    )
    assert got == warnings
