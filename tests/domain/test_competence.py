"""Standard competences, default required levels, level checks, gaps and the Job Person Match."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja_desktop.domain.competence import (
    CompetenceKind,
    JpmCategory,
    check_level,
    default_required_level,
    gap,
    job_person_match,
    jpm_category,
    standard_competence,
    standard_competences,
)
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.jabatan import JabatanKind, Jenjang

MANAJERIAL_NAMES = {
    "M.01": "Integritas",
    "M.02": "Kerjasama",
    "M.03": "Komunikasi",
    "M.04": "Orientasi pada Hasil",
    "M.05": "Pelayanan Publik",
    "M.06": "Pengembangan Diri dan Orang Lain",
    "M.07": "Mengelola Perubahan",
    "M.08": "Pengambilan Keputusan",
}


def test_every_standard_competence_is_present_in_order() -> None:
    competences = standard_competences()
    assert [c.code for c in competences] == [*MANAJERIAL_NAMES, "SK.01"]
    for competence in competences[:8]:
        assert competence.kind is CompetenceKind.MANAJERIAL
        assert competence.name == MANAJERIAL_NAMES[competence.code]
    perekat = competences[8]
    assert (perekat.kind, perekat.name) == (CompetenceKind.SOSIAL_KULTURAL, "Perekat Bangsa")


def test_each_competence_describes_five_distinct_levels() -> None:
    for competence in standard_competences():
        assert len(competence.levels) == 5
        assert len(set(competence.levels)) == 5
        assert all(text.strip() for text in competence.levels)


def test_wording_from_the_reference_is_not_marked_as_summary() -> None:
    integritas = standard_competence("M.01")
    assert integritas.description(1).startswith("Bertindak sesuai nilai, norma, dan etika")
    assert integritas.summarised == frozenset({2, 3, 4, 5})
    keputusan = standard_competence("M.08")
    assert keputusan.description(2) == "Menganalisis masalah secara mendalam"
    assert keputusan.summarised == frozenset({5})
    assert standard_competence("M.02").summarised == frozenset({1, 2, 3, 4, 5})


def test_unknown_standard_competence() -> None:
    with pytest.raises(KeyError):
        standard_competence("M.09")


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        (CompetenceKind.TEKNIS, "Teknis"),
        (CompetenceKind.MANAJERIAL, "Manajerial"),
        (CompetenceKind.SOSIAL_KULTURAL, "Sosial Kultural"),
    ],
)
def test_kind_labels(kind: CompetenceKind, label: str) -> None:
    assert kind.label == label


@pytest.mark.parametrize(
    ("kind", "jenjang", "level"),
    [
        (JabatanKind.JPT, Jenjang.UTAMA, 5),
        (JabatanKind.JPT, Jenjang.MADYA, 5),
        (JabatanKind.JPT, Jenjang.PRATAMA, 4),
        (JabatanKind.ADMINISTRATOR, None, 3),
        (JabatanKind.PENGAWAS, None, 2),
        (JabatanKind.PELAKSANA, None, 1),
        (JabatanKind.PELAKSANA, Jenjang.AHLI_MUDA, 1),  # jenjang is ignored where none applies
        (JabatanKind.FUNGSIONAL, Jenjang.AHLI_UTAMA, 4),
        (JabatanKind.FUNGSIONAL, Jenjang.AHLI_MADYA, 3),
        (JabatanKind.FUNGSIONAL, Jenjang.AHLI_MUDA, 2),
        (JabatanKind.FUNGSIONAL, Jenjang.AHLI_PERTAMA, 1),
        (JabatanKind.FUNGSIONAL, Jenjang.PENYELIA, 2),
        (JabatanKind.FUNGSIONAL, Jenjang.MAHIR, 1),
        (JabatanKind.FUNGSIONAL, Jenjang.TERAMPIL, 1),
        (JabatanKind.FUNGSIONAL, Jenjang.PEMULA, 1),
    ],
)
def test_default_required_level(kind: JabatanKind, jenjang: Jenjang | None, level: int) -> None:
    for competence in standard_competences():
        assert default_required_level(kind, jenjang, competence.code) == level


def test_every_jenjang_of_jpt_and_fungsional_has_a_default() -> None:
    for jenjang in Jenjang:
        assert 1 <= default_required_level(jenjang.kind, jenjang, "M.01") <= 5


@pytest.mark.parametrize(
    ("kind", "jenjang"),
    [
        (JabatanKind.JPT, None),
        (JabatanKind.FUNGSIONAL, None),
        (JabatanKind.JPT, Jenjang.AHLI_MADYA),
        (JabatanKind.FUNGSIONAL, Jenjang.MADYA),
    ],
)
def test_default_needs_a_fitting_jenjang(kind: JabatanKind, jenjang: Jenjang | None) -> None:
    with pytest.raises(ValidationError) as caught:
        default_required_level(kind, jenjang, "M.04")
    assert caught.value.field == "jenjang"
    assert "jenjang" in caught.value.message


def test_no_default_for_teknis_competences() -> None:
    with pytest.raises(ValidationError) as caught:
        default_required_level(JabatanKind.PELAKSANA, None, "T.01")
    assert caught.value.field == "code"
    assert "standar kompetensi instansi" in caught.value.message


@pytest.mark.parametrize("level", [1, 3, 5])
def test_levels_one_to_five_are_accepted(level: int) -> None:
    assert check_level(level) == level


@pytest.mark.parametrize("level", [0, 6, -1])
def test_levels_outside_one_to_five_are_refused(level: int) -> None:
    with pytest.raises(ValidationError) as caught:
        check_level(level, field="target_level")
    assert caught.value.field == "target_level"
    assert caught.value.message == f"Level kompetensi harus antara 1 dan 5 (tertulis {level})."


def test_level_description_checks_the_level() -> None:
    with pytest.raises(ValidationError):
        standard_competence("M.01").description(0)


@pytest.mark.parametrize(
    ("held", "required", "expected"), [(2, 3, -1), (1, 4, -3), (3, 3, 0), (5, 2, 3)]
)
def test_gap_is_held_minus_required(held: int, required: int, expected: int) -> None:
    assert gap(held, required) == expected


def test_gap_checks_both_levels() -> None:
    with pytest.raises(ValidationError) as caught:
        gap(3, 0)
    assert caught.value.field == "required"


@pytest.mark.parametrize(
    ("percent", "category"),
    [
        ("0", JpmCategory.KURANG_OPTIMAL),
        ("77.99", JpmCategory.KURANG_OPTIMAL),
        ("78.00", JpmCategory.CUKUP_OPTIMAL),
        ("89.99", JpmCategory.CUKUP_OPTIMAL),
        ("90.00", JpmCategory.OPTIMAL),
        ("100", JpmCategory.OPTIMAL),
    ],
)
def test_jpm_category_boundaries(percent: str, category: JpmCategory) -> None:
    assert jpm_category(Decimal(percent)) is category


@pytest.mark.parametrize(
    ("category", "label", "lower"),
    [
        (JpmCategory.OPTIMAL, "Optimal", 90),
        (JpmCategory.CUKUP_OPTIMAL, "Cukup Optimal", 78),
        (JpmCategory.KURANG_OPTIMAL, "Kurang Optimal", 0),
    ],
)
def test_jpm_category_labels(category: JpmCategory, label: str, lower: int) -> None:
    assert category.label == label
    assert category.lower_bound == lower


def _pairs(held: list[int], required: int) -> list[tuple[int, int]]:
    return [(h, required) for h in held]


@pytest.mark.parametrize(
    ("pairs", "percent", "category"),
    [
        # 39 / 50 = exactly 78 %
        (_pairs([4, 4, 4, 4, 4, 4, 4, 4, 4, 3], 5), "78.00", JpmCategory.CUKUP_OPTIMAL),
        # 38 / 50 = 76 %
        (_pairs([4, 4, 4, 4, 4, 4, 4, 4, 3, 3], 5), "76.00", JpmCategory.KURANG_OPTIMAL),
        # 45 / 50 = exactly 90 %
        (_pairs([5, 5, 5, 5, 5, 4, 4, 4, 4, 4], 5), "90.00", JpmCategory.OPTIMAL),
        # 44 / 50 = 88 %
        (_pairs([5, 5, 5, 5, 4, 4, 4, 4, 4, 4], 5), "88.00", JpmCategory.CUKUP_OPTIMAL),
        # 7 / 9 = 77.777… % rounds half up to 77.78
        (_pairs([2, 2, 3], 3), "77.78", JpmCategory.KURANG_OPTIMAL),
        # 2 / 3 = 66.67 %
        ([(2, 3)], "66.67", JpmCategory.KURANG_OPTIMAL),
        # exact match
        (_pairs([3] * 9, 3), "100.00", JpmCategory.OPTIMAL),
        # above the requirement: capped at 100
        ([(5, 3), (4, 3), (3, 3)], "100.00", JpmCategory.OPTIMAL),
    ],
)
def test_job_person_match(
    pairs: list[tuple[int, int]], percent: str, category: JpmCategory
) -> None:
    match = job_person_match(pairs)
    assert match.percent == Decimal(percent)
    assert str(match.percent) == percent  # two decimals
    assert match.category is category
    assert match.label == category.label


def test_job_person_match_needs_pairs() -> None:
    with pytest.raises(ValueError, match="no competences"):
        job_person_match([])


def test_job_person_match_checks_levels() -> None:
    with pytest.raises(ValidationError) as caught:
        job_person_match([(3, 3), (6, 3)])
    assert caught.value.field == "held"
