"""SKP drafts: reading typed numbers, checking values on save, checking completeness on agree."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.errors import ValidationErrors
from kinerja_desktop.domain.skp import (
    TEXT_MAX,
    UNIT_MAX,
    Aspek,
    IkiDraft,
    LampiranKind,
    Pendekatan,
    Perspektif,
    RhkDraft,
    RhkKind,
    SkpDraft,
    SkpLayout,
    ValidIki,
    ValidRhk,
    ValidSkp,
    check_complete,
    parse_number,
    validate_skp,
)

KUANTITATIF = Pendekatan.KUANTITATIF
KUALITATIF = Pendekatan.KUALITATIF
UTAMA = RhkKind.UTAMA
TAMBAHAN = RhkKind.TAMBAHAN
JA_JF = SkpLayout.JA_JF
JPT = SkpLayout.JPT


def good_iki(**changes: object) -> IkiDraft:
    """A quantitative JA/JF indicator that passes every check."""
    values: dict[str, object] = {
        "indicator": "Jumlah dokumen laporan yang disusun",
        "target": "2",
        "unit": "Dokumen",
        "aspek": Aspek.KUANTITAS,
    }
    values.update(changes)
    return IkiDraft(**values)


def good_rhk(*indicators: IkiDraft, **changes: object) -> RhkDraft:
    """A main RHK, linked to the supervisor's RHK 7, with one good indicator by default."""
    values: dict[str, object] = {
        "text": "Tersusunnya laporan kinerja unit",
        "kind": UTAMA,
        "indicators": indicators or (good_iki(),),
        "parent_rhk_id": 7,
    }
    values.update(changes)
    return RhkDraft(**values)


def draft(*rhks: RhkDraft, pendekatan: Pendekatan = KUANTITATIF) -> SkpDraft:
    return SkpDraft(pendekatan=pendekatan, rhks=rhks or (good_rhk(),))


def errors_of(skp_draft: SkpDraft) -> list[tuple[str | None, str]]:
    with pytest.raises(ValidationErrors) as caught:
        validate_skp(skp_draft)
    return [(error.field, error.message) for error in caught.value.errors]


def gaps_of(
    skp: ValidSkp, layout: SkpLayout, *, needs_cascade: bool
) -> list[tuple[str | None, str]]:
    with pytest.raises(ValidationErrors) as caught:
        check_complete(skp, layout, needs_cascade=needs_cascade)
    return [(error.field, error.message) for error in caught.value.errors]


# --- parse_number ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", Decimal("12")),
        ("12,5", Decimal("12.5")),  # Indonesian decimal comma
        ("12.5", Decimal("12.5")),  # spreadsheet decimal point
        ("1.250", Decimal("1250")),  # Indonesian thousands dot
        ("1.250,5", Decimal("1250.5")),
        ("0,75", Decimal("0.75")),
        ("0.750", Decimal("0.750")),  # a leading zero is never a thousands group
        ("100%", Decimal("100")),
        (" 7 ", Decimal("7")),
    ],
)
def test_parse_number_reads_indonesian_and_spreadsheet_forms(text: str, value: Decimal) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "   ", "abc", "1,2,3", "NaN", "inf", "Infinity", "%"])
def test_parse_number_refuses_what_is_not_a_finite_number(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


# --- validate_skp: one wrong value ----------------------------------------------------------


ZERO_REFUSED = (
    "target harus lebih dari 0. Target 0 hanya untuk indikator yang makin kecil makin baik "
    "(mis. 0 temuan)."
)


@pytest.mark.parametrize(
    ("target", "lower_is_better", "message"),
    [
        ("0", False, ZERO_REFUSED),
        ("0,0", False, ZERO_REFUSED),
        ("-3", False, "target harus lebih dari 0."),
        ("-3", True, "target tidak boleh kurang dari 0."),
    ],
)
def test_target_must_be_above_zero(target: str, lower_is_better: bool, message: str) -> None:
    iki = good_iki(target=target, lower_is_better=lower_is_better)
    assert errors_of(draft(good_rhk(iki))) == [
        ("rhk[0].iki[0].target", f"RHK 1, indikator 1: {message}"),
    ]


@pytest.mark.parametrize("target", ["0", "0,0"])
def test_a_zero_target_is_allowed_when_lower_is_better(target: str) -> None:
    valid = validate_skp(draft(good_rhk(good_iki(target=target, lower_is_better=True))))
    assert valid.rhks[0].indicators[0].target == 0


@pytest.mark.parametrize("target", ["dua", "12 dokumen", "1,2,3"])
def test_non_numeric_target_names_the_text_typed(target: str) -> None:
    assert errors_of(draft(good_rhk(good_iki(target=target)))) == [
        (
            "rhk[0].iki[0].target",
            f"RHK 1, indikator 1: target harus angka, mis. 12 atau 12,5; yang diisi '{target}'.",
        ),
    ]


@pytest.mark.parametrize("target", ["", "   "])
def test_quantitative_approach_needs_a_target(target: str) -> None:
    assert errors_of(draft(good_rhk(good_iki(target=target)))) == [
        (
            "rhk[0].iki[0].target",
            "RHK 1, indikator 1: pendekatan kuantitatif membutuhkan target berupa angka.",
        ),
    ]


@pytest.mark.parametrize("target", ["", "   "])
def test_qualitative_approach_allows_no_target(target: str) -> None:
    iki = IkiDraft(indicator="Laporan diterima pimpinan tanpa revisi", target=target)
    valid = validate_skp(draft(good_rhk(iki), pendekatan=KUALITATIF))

    assert valid.rhks[0].indicators[0].target is None


@pytest.mark.parametrize("indicator", ["", "   ", "\t\n"])
def test_indicator_is_required(indicator: str) -> None:
    assert errors_of(draft(good_rhk(good_iki(indicator=indicator)))) == [
        ("rhk[0].iki[0].indicator", "RHK 1, indikator 1: indikator wajib diisi."),
    ]


def test_too_long_rhk_text() -> None:
    rhk = good_rhk(text="a" * (TEXT_MAX + 1))

    assert errors_of(draft(rhk)) == [
        ("rhk[0].text", "RHK 1 paling banyak 1000 karakter (sekarang 1001)."),
    ]


def test_too_long_parent_text() -> None:
    rhk = good_rhk(parent_rhk_id=None, parent_text="b" * (TEXT_MAX + 1))

    assert errors_of(draft(rhk)) == [
        ("rhk[0].parent", "RHK 1: RHK atasan paling banyak 1000 karakter (sekarang 1001)."),
    ]


def test_too_long_unit() -> None:
    iki = good_iki(unit="u" * (UNIT_MAX + 1))

    assert errors_of(draft(good_rhk(iki))) == [
        (
            "rhk[0].iki[0].unit",
            "RHK 1, indikator 1: satuan paling banyak 60 karakter (sekarang 61).",
        ),
    ]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("a" * TEXT_MAX, "u" * UNIT_MAX),  # exactly at the limits
        (" ".join(["a"] * 500) + " " * 600, "  " + "u" * UNIT_MAX + "   "),  # spaces collapse
        ("a  " * 400, "u" + " " * 100),
    ],
)
def test_length_limits_count_the_cleaned_text(text: str, unit: str) -> None:
    valid = validate_skp(draft(good_rhk(good_iki(unit=unit), text=text)))

    assert valid.rhks[0].text == " ".join(text.split())
    assert valid.rhks[0].indicators[0].unit == unit.strip()


# --- validate_skp: where each error points ----------------------------------------------------


@pytest.mark.parametrize(
    ("r", "i", "field", "label"),
    [
        (0, 0, "rhk[0].iki[0].target", "RHK 1, indikator 1"),
        (0, 2, "rhk[0].iki[2].target", "RHK 1, indikator 3"),
        (1, 0, "rhk[1].iki[0].target", "RHK 2, indikator 1"),
        (2, 1, "rhk[2].iki[1].target", "RHK 3, indikator 2"),
    ],
)
def test_error_names_its_cell_and_its_rhk_and_indicator_by_number(
    r: int, i: int, field: str, label: str
) -> None:
    rhks = [good_rhk(good_iki(), good_iki(), good_iki()) for _ in range(3)]
    indicators = list(rhks[r].indicators)
    indicators[i] = good_iki(target="0")
    rhks[r] = good_rhk(*indicators)

    assert errors_of(draft(*rhks)) == [(field, f"{label}: {ZERO_REFUSED}")]


def test_all_errors_are_collected_at_once() -> None:
    skp_draft = draft(
        good_rhk(good_iki(target="0")),
        good_rhk(good_iki()),
        good_rhk(good_iki(), good_iki(indicator="", target="x", unit="u" * (UNIT_MAX + 1))),
        good_rhk(text="a" * (TEXT_MAX + 1)),
    )

    assert errors_of(skp_draft) == [
        ("rhk[0].iki[0].target", f"RHK 1, indikator 1: {ZERO_REFUSED}"),
        ("rhk[2].iki[1].indicator", "RHK 3, indikator 2: indikator wajib diisi."),
        (
            "rhk[2].iki[1].unit",
            "RHK 3, indikator 2: satuan paling banyak 60 karakter (sekarang 61).",
        ),
        (
            "rhk[2].iki[1].target",
            "RHK 3, indikator 2: target harus angka, mis. 12 atau 12,5; yang diisi 'x'.",
        ),
        ("rhk[3].text", "RHK 4 paling banyak 1000 karakter (sekarang 1001)."),
    ]


def test_collected_errors_also_read_as_one_message() -> None:
    with pytest.raises(ValidationErrors) as caught:
        validate_skp(draft(good_rhk(good_iki(target="0")), good_rhk(good_iki(indicator=""))))

    assert caught.value.message == (
        f"RHK 1, indikator 1: {ZERO_REFUSED}; RHK 2, indikator 1: indikator wajib diisi."
    )


# --- validate_skp: what a valid draft becomes ---------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "target"),
    [
        ("2", Decimal("2")),
        ("12,5", Decimal("12.5")),
        ("1.250", Decimal("1250")),
        ("100%", Decimal("100")),
        (" 0,75 ", Decimal("0.75")),
    ],
)
def test_valid_target_becomes_a_decimal(typed: str, target: Decimal) -> None:
    valid = validate_skp(draft(good_rhk(good_iki(target=typed))))
    value = valid.rhks[0].indicators[0].target

    assert isinstance(value, Decimal)
    assert value == target


def test_valid_draft_keeps_its_choices_and_cleans_its_text() -> None:
    skp_draft = SkpDraft(
        pendekatan=KUANTITATIF,
        rhks=(
            RhkDraft(
                text="  Tersusunnya   laporan\tkinerja  ",
                kind=TAMBAHAN,
                indicators=(
                    IkiDraft(
                        indicator=" Rata-rata  hari\npelayanan ",
                        target="3",
                        unit="  Hari   kerja ",
                        target_text="  paling   lama 3 hari ",
                        lower_is_better=True,
                        aspek=Aspek.WAKTU,
                        perspektif=Perspektif.PROSES_BISNIS,
                        id=11,
                    ),
                ),
                parent_rhk_id=None,
                parent_text="  Meningkatnya   kualitas layanan ",
                id=5,
            ),
        ),
    )

    assert validate_skp(skp_draft) == ValidSkp(
        pendekatan=KUANTITATIF,
        rhks=(
            ValidRhk(
                text="Tersusunnya laporan kinerja",
                kind=TAMBAHAN,
                indicators=(
                    ValidIki(
                        indicator="Rata-rata hari pelayanan",
                        target=Decimal("3"),
                        unit="Hari kerja",
                        target_text="paling lama 3 hari",
                        lower_is_better=True,
                        aspek=Aspek.WAKTU,
                        perspektif=Perspektif.PROSES_BISNIS,
                        id=11,
                    ),
                ),
                parent_rhk_id=None,
                parent_text="Meningkatnya kualitas layanan",
                id=5,
            ),
        ),
        lampiran={},
        expectations={},
    )


def test_empty_draft_is_valid_as_a_draft() -> None:
    valid = validate_skp(SkpDraft(pendekatan=KUALITATIF))

    assert valid.rhks == ()


@pytest.mark.parametrize(
    ("items", "kept"),
    [
        (
            ("Membutuhkan laptop", "", "   ", " koneksi   internet "),
            ("Membutuhkan laptop", "koneksi internet"),
        ),
        (("", "  "), ()),
        ((), ()),
    ],
)
def test_lampiran_blank_items_are_dropped(items: tuple[str, ...], kept: tuple[str, ...]) -> None:
    skp_draft = SkpDraft(
        pendekatan=KUANTITATIF,
        rhks=(good_rhk(),),
        lampiran={
            LampiranKind.DUKUNGAN_SUMBER_DAYA: items,
            LampiranKind.KONSEKUENSI: ("Tunjangan dipotong bila tidak tercapai",),
        },
    )

    assert validate_skp(skp_draft).lampiran == {
        LampiranKind.DUKUNGAN_SUMBER_DAYA: kept,
        LampiranKind.KONSEKUENSI: ("Tunjangan dipotong bila tidak tercapai",),
    }


def test_blank_expectations_are_dropped_and_the_rest_cleaned() -> None:
    skp_draft = SkpDraft(
        pendekatan=KUANTITATIF,
        rhks=(good_rhk(),),
        expectations={
            BehaviourValue.AKUNTABEL: "   ",
            BehaviourValue.KOMPETEN: "  Ikut   pelatihan teknis ",
            BehaviourValue.LOYAL: "",
        },
    )

    assert validate_skp(skp_draft).expectations == {
        BehaviourValue.KOMPETEN: "Ikut pelatihan teknis",
    }


# --- check_complete -----------------------------------------------------------------------------


def valid(*rhks: RhkDraft, pendekatan: Pendekatan = KUANTITATIF) -> ValidSkp:
    return validate_skp(SkpDraft(pendekatan=pendekatan, rhks=rhks))


@pytest.mark.parametrize("layout", [JA_JF, JPT])
@pytest.mark.parametrize("needs_cascade", [True, False])
def test_complete_draft_passes(layout: SkpLayout, needs_cascade: bool) -> None:
    iki = good_iki(perspektif=Perspektif.PENERIMA_LAYANAN)
    skp = valid(good_rhk(iki), good_rhk(iki, kind=TAMBAHAN, parent_rhk_id=None))

    assert check_complete(skp, layout, needs_cascade=needs_cascade) is None


@pytest.mark.parametrize(
    "rhks",
    [
        (),
        (good_rhk(kind=TAMBAHAN),),
        (good_rhk(kind=TAMBAHAN), good_rhk(kind=TAMBAHAN)),
    ],
)
def test_needs_at_least_one_main_rhk(rhks: tuple[RhkDraft, ...]) -> None:
    assert gaps_of(valid(*rhks), JA_JF, needs_cascade=True) == [
        ("rhk", "SKP harus memiliki paling sedikit satu RHK utama."),
    ]


@pytest.mark.parametrize("kind", [UTAMA, TAMBAHAN])
def test_every_rhk_needs_an_indicator(kind: RhkKind) -> None:
    rhk = RhkDraft(text="Terlaksananya monitoring", kind=kind, parent_rhk_id=7)
    skp = valid(good_rhk(), rhk)

    assert gaps_of(skp, JA_JF, needs_cascade=True) == [
        ("rhk[1].text", "RHK 2: tambahkan paling sedikit satu indikator."),
    ]


def test_every_rhk_needs_its_text() -> None:
    skp = valid(good_rhk(), good_rhk(text="   "))

    assert gaps_of(skp, JA_JF, needs_cascade=True) == [
        ("rhk[1].text", "RHK 2: uraian wajib diisi."),
    ]


@pytest.mark.parametrize("parent_text", ["", "Meningkatnya kualitas layanan"])
def test_with_cascade_main_rhk_must_pick_the_supervisors_rhk(parent_text: str) -> None:
    skp = valid(good_rhk(parent_rhk_id=None, parent_text=parent_text))

    assert gaps_of(skp, JA_JF, needs_cascade=True) == [
        ("rhk[0].parent", "RHK 1: pilih RHK atasan yang diintervensi."),
    ]


def test_without_cascade_main_rhk_must_name_the_leaders_target() -> None:
    skp = valid(good_rhk(parent_rhk_id=None, parent_text="   "))

    assert gaps_of(skp, JA_JF, needs_cascade=False) == [
        ("rhk[0].parent", "RHK 1: tuliskan sasaran pimpinan atau instansi yang didukung."),
    ]


@pytest.mark.parametrize(
    ("parent_rhk_id", "parent_text"),
    [(None, "Meningkatnya kualitas layanan"), (7, ""), (7, "Meningkatnya kualitas layanan")],
)
def test_without_cascade_free_text_or_a_picked_rhk_will_do(
    parent_rhk_id: int | None, parent_text: str
) -> None:
    skp = valid(good_rhk(parent_rhk_id=parent_rhk_id, parent_text=parent_text))

    assert check_complete(skp, JA_JF, needs_cascade=False) is None


@pytest.mark.parametrize("needs_cascade", [True, False])
def test_additional_rhk_never_needs_a_parent(needs_cascade: bool) -> None:
    skp = valid(good_rhk(), good_rhk(kind=TAMBAHAN, parent_rhk_id=None, parent_text=""))

    assert check_complete(skp, JA_JF, needs_cascade=needs_cascade) is None


@pytest.mark.parametrize(
    ("layout", "aspek", "perspektif", "gap"),
    [
        (JA_JF, None, None, ("rhk[0].iki[1].aspek", "RHK 1, indikator 2: pilih aspek.")),
        (
            JA_JF,
            None,
            Perspektif.ANGGARAN,
            ("rhk[0].iki[1].aspek", "RHK 1, indikator 2: pilih aspek."),
        ),
        (
            JPT,
            None,
            None,
            ("rhk[0].iki[1].perspektif", "RHK 1, indikator 2: pilih perspektif."),
        ),
        (
            JPT,
            Aspek.KUALITAS,
            None,
            ("rhk[0].iki[1].perspektif", "RHK 1, indikator 2: pilih perspektif."),
        ),
    ],
)
def test_quantitative_layout_needs_its_own_choice(
    layout: SkpLayout,
    aspek: Aspek | None,
    perspektif: Perspektif | None,
    gap: tuple[str, str],
) -> None:
    done = good_iki(perspektif=Perspektif.PROSES_BISNIS)
    skp = valid(good_rhk(done, good_iki(aspek=aspek, perspektif=perspektif)))

    assert gaps_of(skp, layout, needs_cascade=True) == [gap]


@pytest.mark.parametrize(
    ("layout", "iki"),
    [
        (JA_JF, good_iki(aspek=Aspek.KUANTITAS, perspektif=None)),
        (JPT, good_iki(aspek=None, perspektif=Perspektif.PENGUATAN_INTERNAL)),
    ],
)
def test_quantitative_layout_does_not_need_the_other_layouts_choice(
    layout: SkpLayout, iki: IkiDraft
) -> None:
    assert check_complete(valid(good_rhk(iki)), layout, needs_cascade=True) is None


@pytest.mark.parametrize("layout", [JA_JF, JPT])
def test_quantitative_indicator_needs_a_unit(layout: SkpLayout) -> None:
    iki = good_iki(unit="  ", perspektif=Perspektif.ANGGARAN)

    assert gaps_of(valid(good_rhk(iki)), layout, needs_cascade=True) == [
        ("rhk[0].iki[0].unit", "RHK 1, indikator 1: satuan target wajib diisi."),
    ]


@pytest.mark.parametrize("layout", [JA_JF, JPT])
def test_qualitative_indicator_needs_neither_aspek_perspektif_nor_unit(layout: SkpLayout) -> None:
    iki = IkiDraft(indicator="Laporan diterima pimpinan tanpa revisi", target_text="Tepat waktu")
    skp = valid(good_rhk(iki), pendekatan=KUALITATIF)

    assert check_complete(skp, layout, needs_cascade=True) is None


def test_all_gaps_are_collected_at_once() -> None:
    skp = valid(
        good_rhk(good_iki(aspek=None, unit=""), kind=TAMBAHAN),
        RhkDraft(text="", kind=TAMBAHAN),
    )

    assert gaps_of(skp, JA_JF, needs_cascade=True) == [
        ("rhk", "SKP harus memiliki paling sedikit satu RHK utama."),
        ("rhk[0].iki[0].aspek", "RHK 1, indikator 1: pilih aspek."),
        ("rhk[0].iki[0].unit", "RHK 1, indikator 1: satuan target wajib diisi."),
        ("rhk[1].text", "RHK 2: uraian wajib diisi."),
        ("rhk[1].text", "RHK 2: tambahkan paling sedikit satu indikator."),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.250.000", "1250000"),  # a rupiah target, as written in Indonesia
        ("1.250.000,5", "1250000.5"),
        ("-3", "-3"),  # read, so that the rule can say "lebih dari 0"
    ],
)
def test_parse_number_reads_thousands_dots(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["1,250.5", "1e3", "1_000", "1.2.3", "0.750.000"])
def test_parse_number_refuses_to_guess(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)
