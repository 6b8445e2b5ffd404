"""The kuadran (Rating Hasil Kerja x Rating Perilaku Kerja -> predikat) and overriding it."""

from __future__ import annotations

import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.predikat import (
    OBJECTION_MARK,
    OVERRIDE_MARK,
    OrgPredikat,
    Predikat,
    PredikatDecision,
    PredikatSource,
    decide_predikat,
    effective_predikat,
    predikat_for,
)
from kinerja_desktop.domain.ratings import Rating

DI_ATAS, SESUAI, DI_BAWAH = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH


@pytest.mark.parametrize(
    ("hasil", "perilaku", "predikat"),
    [
        (DI_ATAS, DI_BAWAH, Predikat.KURANG_MISCONDUCT),
        (DI_ATAS, SESUAI, Predikat.BAIK),
        (DI_ATAS, DI_ATAS, Predikat.SANGAT_BAIK),
        (SESUAI, DI_BAWAH, Predikat.KURANG_MISCONDUCT),
        (SESUAI, SESUAI, Predikat.BAIK),
        (SESUAI, DI_ATAS, Predikat.BAIK),
        (DI_BAWAH, DI_BAWAH, Predikat.SANGAT_KURANG),
        (DI_BAWAH, SESUAI, Predikat.BUTUH_PERBAIKAN),
        (DI_BAWAH, DI_ATAS, Predikat.BUTUH_PERBAIKAN),
    ],
)
def test_matrix_cell(hasil: Rating, perilaku: Rating, predikat: Predikat) -> None:
    assert predikat_for(hasil, perilaku) is predikat


@pytest.mark.parametrize(
    ("predikat", "label", "print_label"),
    [
        (Predikat.SANGAT_BAIK, "Sangat Baik", "SANGAT BAIK"),
        (Predikat.BAIK, "Baik", "BAIK"),
        (Predikat.BUTUH_PERBAIKAN, "Butuh Perbaikan", "BUTUH PERBAIKAN"),
        (Predikat.KURANG_MISCONDUCT, "Kurang/Misconduct", "KURANG"),
        (Predikat.SANGAT_KURANG, "Sangat Kurang", "SANGAT KURANG"),
    ],
)
def test_predikat_labels(predikat: Predikat, label: str, print_label: str) -> None:
    assert predikat.label == label
    assert predikat.print_label == print_label


@pytest.mark.parametrize(
    ("org", "label"),
    [
        (OrgPredikat.ISTIMEWA, "Istimewa"),
        (OrgPredikat.BAIK, "Baik"),
        (OrgPredikat.BUTUH_PERBAIKAN, "Butuh Perbaikan (Cukup)"),
        (OrgPredikat.KURANG, "Kurang"),
        (OrgPredikat.SANGAT_KURANG, "Sangat Kurang"),
    ],
)
def test_org_predikat_labels(org: OrgPredikat, label: str) -> None:
    assert org.label == label


@pytest.mark.parametrize(
    ("final", "reason"),
    [
        (None, ""),
        (None, "alasan yang tidak dipakai"),
        (Predikat.BAIK, ""),  # the same as the grid is no override
        (Predikat.BAIK, "sama saja"),
    ],
)
def test_decision_without_override_keeps_the_grid(final: Predikat | None, reason: str) -> None:
    decision = decide_predikat(SESUAI, SESUAI, final, reason)

    assert decision == PredikatDecision(Predikat.BAIK, Predikat.BAIK, None)
    assert not decision.overridden


@pytest.mark.parametrize("reason", ["", "   ", "\n\t"])
def test_override_needs_a_reason(reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        decide_predikat(SESUAI, SESUAI, Predikat.SANGAT_BAIK, reason)

    assert caught.value.field == "reason"
    assert "alasan" in caught.value.message
    assert "Sangat Baik" in caught.value.message
    assert "Baik" in caught.value.message


def test_override_with_a_reason_is_marked_and_keeps_both() -> None:
    decision = decide_predikat(
        DI_BAWAH, DI_BAWAH, Predikat.KURANG_MISCONDUCT, "  Hasil kerja tertunda karena cuti sakit. "
    )

    assert decision.computed is Predikat.SANGAT_KURANG
    assert decision.final is Predikat.KURANG_MISCONDUCT
    assert decision.overridden
    assert decision.override_reason == "Hasil kerja tertunda karena cuti sakit."


def test_decision_built_directly_is_checked_too() -> None:
    with pytest.raises(ValidationError) as caught:
        PredikatDecision(Predikat.BAIK, Predikat.SANGAT_BAIK)

    assert caught.value.field == "reason"


SB, B, K = Predikat.SANGAT_BAIK, Predikat.BAIK, Predikat.KURANG_MISCONDUCT


@pytest.mark.parametrize(
    ("final", "on_objection", "computed", "predikat", "source", "display", "printed"),
    [
        (None, None, None, None, None, None, None),
        (B, None, B, B, PredikatSource.KUADRAN, "Baik", "BAIK"),
        (B, None, None, B, PredikatSource.KUADRAN, "Baik", "BAIK"),
        (
            SB,
            None,
            B,
            SB,
            PredikatSource.PENILAI,
            f"Sangat Baik ({OVERRIDE_MARK}: Baik)",
            "SANGAT BAIK",
        ),
        (
            K,
            B,
            K,
            B,
            PredikatSource.KEBERATAN,
            f"Baik ({OBJECTION_MARK}; semula Kurang/Misconduct)",
            "BAIK (DITETAPKAN ATAS KEBERATAN)",
        ),
        # The atasan confirming the same predikat is still the atasan's final decision.
        (
            K,
            K,
            K,
            K,
            PredikatSource.KEBERATAN,
            f"Kurang/Misconduct ({OBJECTION_MARK}; semula Kurang/Misconduct)",
            "KURANG (DITETAPKAN ATAS KEBERATAN)",
        ),
        # Set on objection before the penilai stored any predikat.
        (
            None,
            B,
            None,
            B,
            PredikatSource.KEBERATAN,
            f"Baik ({OBJECTION_MARK})",
            "BAIK (DITETAPKAN ATAS KEBERATAN)",
        ),
    ],
)
def test_the_predikat_in_force(
    final: Predikat | None,
    on_objection: Predikat | None,
    computed: Predikat | None,
    predikat: Predikat | None,
    source: PredikatSource | None,
    display: str | None,
    printed: str | None,
) -> None:
    got = effective_predikat(final, on_objection, computed)

    if predikat is None:
        assert got is None
        return
    assert got is not None
    assert (got.predikat, got.source, got.display, got.print_text) == (
        predikat,
        source,
        display,
        printed,
    )
    assert got.on_objection is (source is PredikatSource.KEBERATAN)
