"""Development plan items: validation, JP totals, overdue and lapsed plans, and proposals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kinerja_desktop.domain.competence import standard_competence
from kinerja_desktop.domain.development import (
    ActionProposal,
    DevelopmentItem,
    FindingKind,
    GapFinding,
    ItemStatus,
    JpTotal,
    LearningGroup,
    LearningPath,
    current_period_start,
    is_open,
    jp_shortfall,
    jp_total,
    lapsed,
    minimum_jp,
    minimum_text,
    needs_review,
    overdue,
    propose_actions,
    validate_item,
)
from kinerja_desktop.domain.employment import EmploymentStatus
from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.periods import EvaluationScheme, periods_for_year
from kinerja_desktop.domain.predikat import Predikat
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.reference_data import load

MARCH = date(2024, 3, 1)
JUNE = date(2024, 6, 30)

# --- learning paths and statuses ---


def test_learning_paths_match_the_reference_data() -> None:
    codes = [entry["code"] for entry in load("competence")["learning_paths"]["paths"]]
    assert codes == [path.value for path in LearningPath]


def test_each_group_has_its_forms_and_an_other_entry() -> None:
    klasikal = [p for p in LearningPath if p.group is LearningGroup.KLASIKAL]
    nonklasikal = [p for p in LearningPath if p.group is LearningGroup.NONKLASIKAL]
    assert len(klasikal) == 12
    assert len(nonklasikal) == 13
    assert LearningPath.KLASIKAL_LAINNYA in klasikal
    assert LearningPath.NONKLASIKAL_LAINNYA in nonklasikal
    assert LearningGroup.KLASIKAL.label == "Klasikal"
    assert LearningGroup.NONKLASIKAL.label == "Nonklasikal"


@pytest.mark.parametrize(
    ("path", "label", "jp"),
    [
        (LearningPath.COACHING, "Coaching", 2),
        (LearningPath.MENTORING, "Mentoring", 2),
        (LearningPath.E_LEARNING, "E-learning", 3),
        (LearningPath.PELATIHAN_JARAK_JAUH, "Pelatihan jarak jauh", 4),
        (LearningPath.PATOK_BANDING, "Patok banding (benchmarking)", 10),
        (LearningPath.MAGANG, "Magang/praktik kerja", 20),
        (LearningPath.DETASERING, "Detasering (secondment)", 20),
        (LearningPath.PERTUKARAN_PEGAWAI, "Pertukaran PNS dengan pegawai swasta/BUMN/BUMD", 20),
        (LearningPath.BIMBINGAN_TEKNIS, "Bimbingan teknis", None),
        (LearningPath.SEMINAR, "Seminar/konferensi/sarasehan", None),
    ],
)
def test_path_labels_and_jp_equivalents(path: LearningPath, label: str, jp: int | None) -> None:
    assert path.label == label
    assert path.jp_equivalent == (None if jp is None else Decimal(jp))


def test_status_labels() -> None:
    assert [s.label for s in ItemStatus] == ["Direncanakan", "Berjalan", "Selesai", "Dibatalkan"]


def test_the_yearly_minimum_is_twenty_jp() -> None:
    assert minimum_jp() == Decimal(20)
    assert load("competence")["jp"]["pppk_confidence"] == "L"


# --- validation ---


def _validate(
    addresses: str = "Kompetensi M.04 Orientasi pada Hasil",
    title: str = "Pelatihan penyusunan target kinerja",
    path: LearningPath | None = LearningPath.PELATIHAN_MANAJERIAL,
    start: date | None = MARCH,
    end: date | None = JUNE,
    jp: str = "24",
):
    return validate_item(addresses, title, path, start=start, end=end, jp=jp)


def test_a_complete_item_is_valid_and_cleaned() -> None:
    item = _validate(addresses="  Perilaku   Akuntabel ", title="Mentoring\tmingguan", jp="2,5")
    assert item.addresses == "Perilaku Akuntabel"
    assert item.title == "Mentoring mingguan"
    assert item.jp == Decimal("2.5")
    assert (item.start, item.end) == (MARCH, JUNE)


@pytest.mark.parametrize(
    ("start", "end"), [(None, None), (MARCH, None), (None, JUNE), (MARCH, MARCH)]
)
def test_dates_are_optional_and_may_be_one_day(start: date | None, end: date | None) -> None:
    assert _validate(start=start, end=end).end == end


def test_zero_jp_is_allowed() -> None:
    assert _validate(jp="0").jp == 0


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"addresses": "  "}, "addresses", "kesenjangan kompetensi, nilai perilaku, atau hasil"),
        ({"title": ""}, "title", "Nama kegiatan wajib diisi."),
        ({"title": "x" * 501}, "title", "paling banyak 500 karakter (sekarang 501)"),
        ({"path": None}, "path", "Pilih jalur pengembangan."),
        ({"end": date(2024, 2, 29)}, "end", "Tanggal selesai tidak boleh sebelum tanggal mulai."),
        ({"jp": "-2"}, "jp", "JP tidak boleh kurang dari 0."),
        ({"jp": "dua"}, "jp", "JP 'dua' bukan angka"),
        ({"jp": " "}, "jp", "JP wajib diisi"),
    ],
)
def test_invalid_item(changes: dict[str, object], field: str, message: str) -> None:
    with pytest.raises(ValidationErrors) as caught:
        _validate(**changes)
    assert list(caught.value.by_field()) == [field]
    assert message in caught.value.by_field()[field]


def test_all_errors_are_reported_at_once() -> None:
    with pytest.raises(ValidationErrors) as caught:
        validate_item("", "", None, start=JUNE, end=MARCH, jp="-1")
    assert set(caught.value.by_field()) == {"addresses", "title", "path", "end", "jp"}
    assert all(isinstance(e, ValidationError) for e in caught.value.errors)


# --- JP ---


def _item(
    status: ItemStatus, jp: str = "10", end: date | None = None, start: date | None = None
) -> DevelopmentItem:
    return DevelopmentItem(
        addresses="Kompetensi M.03 Komunikasi",
        title="Kegiatan",
        path=LearningPath.WORKSHOP,
        jp=Decimal(jp),
        status=status,
        start=start,
        end=end,
    )


def test_jp_total_counts_done_items_and_planned_ones_apart() -> None:
    items = [
        _item(ItemStatus.SELESAI, "8"),
        _item(ItemStatus.SELESAI, "2.5"),
        _item(ItemStatus.DIRENCANAKAN, "6"),
        _item(ItemStatus.BERJALAN, "4"),
        _item(ItemStatus.DIBATALKAN, "40"),
    ]
    assert jp_total(items) == JpTotal(done=Decimal("10.5"), planned=Decimal(10))


def test_jp_total_of_nothing() -> None:
    assert jp_total([]) == JpTotal(Decimal(0), Decimal(0))


@pytest.mark.parametrize(
    ("total", "minimum", "shortfall"),
    [("0", 20, "20"), ("10.5", 20, "9.5"), ("20", 20, "0"), ("32", 20, "0"), ("20", 24, "4")],
)
def test_jp_shortfall(total: str, minimum: int, shortfall: str) -> None:
    assert jp_shortfall(Decimal(total), minimum) == Decimal(shortfall)


def test_jp_shortfall_defaults_to_twenty() -> None:
    assert jp_shortfall(Decimal(12)) == Decimal(8)


# --- overdue and lapsed ---


@pytest.mark.parametrize(
    ("status", "end", "today", "expected"),
    [
        (ItemStatus.DIRENCANAKAN, JUNE, date(2024, 7, 1), True),
        (ItemStatus.BERJALAN, JUNE, date(2024, 7, 1), True),
        (ItemStatus.DIRENCANAKAN, JUNE, JUNE, False),  # due today is not yet overdue
        (ItemStatus.DIRENCANAKAN, JUNE, MARCH, False),
        (ItemStatus.SELESAI, JUNE, date(2024, 7, 1), False),
        (ItemStatus.DIBATALKAN, JUNE, date(2024, 7, 1), False),
        (ItemStatus.DIRENCANAKAN, None, date(2030, 1, 1), False),  # unscheduled
    ],
)
def test_overdue(status: ItemStatus, end: date | None, today: date, expected: bool) -> None:
    assert overdue(_item(status, end=end), today) is expected


def test_lapsed_across_dates() -> None:
    items = [
        _item(ItemStatus.DIRENCANAKAN, end=MARCH),
        _item(ItemStatus.BERJALAN, end=JUNE),
        _item(ItemStatus.DIBATALKAN),
    ]
    assert not lapsed(items, date(2024, 2, 1))
    assert not lapsed(items, date(2024, 4, 1))  # one item is still on time
    assert not lapsed(items, JUNE)
    assert lapsed(items, date(2024, 7, 1))


def test_a_done_item_keeps_the_plan_alive() -> None:
    items = [_item(ItemStatus.SELESAI, end=MARCH), _item(ItemStatus.DIRENCANAKAN, end=MARCH)]
    assert not lapsed(items, date(2025, 1, 1))


def test_unscheduled_items_never_lapse() -> None:
    assert not lapsed([_item(ItemStatus.DIRENCANAKAN)], date(2030, 1, 1))


def test_a_fully_cancelled_plan_has_lapsed_and_an_empty_one_has_not() -> None:
    assert lapsed([_item(ItemStatus.DIBATALKAN)], MARCH)
    assert not lapsed([], MARCH)


# --- follow-up at each new period ---


@pytest.mark.parametrize(
    ("scheme", "today", "start"),
    [
        (EvaluationScheme.TRIWULAN, date(2024, 1, 1), date(2024, 1, 1)),
        (EvaluationScheme.TRIWULAN, date(2024, 3, 31), date(2024, 1, 1)),
        (EvaluationScheme.TRIWULAN, date(2024, 4, 1), date(2024, 4, 1)),
        (EvaluationScheme.TRIWULAN, date(2024, 12, 31), date(2024, 10, 1)),
        (EvaluationScheme.SEMESTER, date(2024, 6, 30), date(2024, 1, 1)),
        (EvaluationScheme.SEMESTER, date(2024, 7, 1), date(2024, 7, 1)),
        (EvaluationScheme.BULANAN, date(2024, 2, 29), date(2024, 2, 1)),
        (EvaluationScheme.TRIWULAN, date(2025, 1, 1), None),  # outside the year's periods
    ],
)
def test_current_period_start(scheme: EvaluationScheme, today: date, start: date | None) -> None:
    assert current_period_start(periods_for_year(2024, scheme), today) == start


@pytest.mark.parametrize(
    ("status", "last_seen", "period_start", "expected"),
    [
        (ItemStatus.DIRENCANAKAN, date(2024, 3, 31), date(2024, 4, 1), True),
        (ItemStatus.BERJALAN, date(2024, 3, 31), date(2024, 4, 1), True),
        (ItemStatus.DIRENCANAKAN, date(2024, 4, 1), date(2024, 4, 1), False),  # seen this period
        (ItemStatus.DIRENCANAKAN, date(2024, 5, 2), date(2024, 4, 1), False),
        (ItemStatus.SELESAI, date(2024, 1, 5), date(2024, 4, 1), False),
        (ItemStatus.DIBATALKAN, date(2024, 1, 5), date(2024, 4, 1), False),
        (ItemStatus.DIRENCANAKAN, date(2024, 1, 5), None, False),  # no period running
    ],
)
def test_needs_review(
    status: ItemStatus, last_seen: date, period_start: date | None, expected: bool
) -> None:
    assert needs_review(_item(status), last_seen, period_start) is expected


def test_an_item_comes_up_once_in_each_new_period() -> None:
    periods = periods_for_year(2024, EvaluationScheme.TRIWULAN)
    item = _item(ItemStatus.BERJALAN)
    last_seen = date(2024, 2, 10)  # added in TW I
    raised = []
    for day in (date(2024, 2, 11), date(2024, 4, 2), date(2024, 5, 1), date(2024, 7, 3)):
        if needs_review(item, last_seen, current_period_start(periods, day)):
            raised.append(day)
            last_seen = day  # the supervisor reviews it that day
    assert raised == [date(2024, 4, 2), date(2024, 7, 3)]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (ItemStatus.DIRENCANAKAN, True),
        (ItemStatus.BERJALAN, True),
        (ItemStatus.SELESAI, False),
        (ItemStatus.DIBATALKAN, False),
    ],
)
def test_is_open(status: ItemStatus, expected: bool) -> None:
    assert is_open(_item(status)) is expected


# --- proposals ---


def _only(proposals: tuple[ActionProposal, ...]) -> ActionProposal:
    assert len(proposals) == 1
    return proposals[0]


def test_no_findings_no_proposals() -> None:
    assert propose_actions() == ()
    assert (
        propose_actions(
            gaps=[GapFinding(standard_competence("M.01"), 3, 3)],
            hasil=Rating.SESUAI,
            perilaku=Rating.DI_ATAS,
            predikat=Predikat.BAIK,
        )
        == ()
    )


def test_one_level_short_proposes_coaching_or_mentoring() -> None:
    proposal = _only(propose_actions(gaps=[GapFinding(standard_competence("M.04"), 2, 3)]))
    assert proposal.finding is FindingKind.KOMPETENSI
    assert proposal.paths == (LearningPath.COACHING, LearningPath.MENTORING)
    assert proposal.jp == Decimal(2)
    assert "Orientasi pada Hasil perlu dikembangkan" in proposal.reason
    assert "level saat ini 2" in proposal.reason
    assert proposal.addresses == "Kompetensi M.04 Orientasi pada Hasil (level 2 ke 3)"


@pytest.mark.parametrize(
    ("code", "training"),
    [
        ("M.08", LearningPath.PELATIHAN_MANAJERIAL),
        ("SK.01", LearningPath.PELATIHAN_SOSIAL_KULTURAL),
    ],
)
def test_two_or_more_levels_short_proposes_training(code: str, training: LearningPath) -> None:
    proposal = _only(propose_actions(gaps=[GapFinding(standard_competence(code), 1, 3)]))
    assert proposal.paths == (training, LearningPath.BIMBINGAN_TEKNIS)
    assert proposal.title.startswith("Pelatihan atau bimbingan teknis")
    assert "Selisih 2 level" in proposal.reason
    assert proposal.jp is None


def test_largest_gap_comes_first_and_met_levels_are_skipped() -> None:
    proposals = propose_actions(
        gaps=[
            GapFinding(standard_competence("M.01"), 2, 3),
            GapFinding(standard_competence("M.02"), 4, 3),
            GapFinding(standard_competence("M.03"), 1, 4),
        ]
    )
    assert [p.addresses.split()[1] for p in proposals] == ["M.03", "M.01"]


def test_gap_levels_are_checked() -> None:
    with pytest.raises(ValidationError):
        propose_actions(gaps=[GapFinding(standard_competence("M.01"), 0, 3)])


def test_results_below_expectation_propose_bimbingan_kinerja() -> None:
    proposal = _only(propose_actions(hasil=Rating.DI_BAWAH))
    assert proposal.finding is FindingKind.HASIL_KERJA
    assert proposal.paths[0] is LearningPath.BIMBINGAN_DI_TEMPAT_KERJA
    assert "di bawah ekspektasi" in proposal.reason


def test_behaviour_below_expectation_proposes_mentoring() -> None:
    proposal = _only(propose_actions(perilaku=Rating.DI_BAWAH))
    assert proposal.finding is FindingKind.PERILAKU_KERJA
    assert proposal.paths[0] is LearningPath.MENTORING
    assert "perlu dikembangkan" in proposal.reason


@pytest.mark.parametrize(
    "predikat", [Predikat.BUTUH_PERBAIKAN, Predikat.KURANG_MISCONDUCT, Predikat.SANGAT_KURANG]
)
def test_weak_predikat_proposes_a_structured_plan(predikat: Predikat) -> None:
    proposal = _only(propose_actions(predikat=predikat))
    assert proposal.finding is FindingKind.PREDIKAT
    assert proposal.addresses == f"Predikat {predikat.label}"
    assert predikat.label in proposal.reason
    assert "periode berikutnya" in proposal.reason


@pytest.mark.parametrize("predikat", [Predikat.SANGAT_BAIK, Predikat.BAIK])
def test_good_predikat_proposes_nothing(predikat: Predikat) -> None:
    assert propose_actions(predikat=predikat) == ()


def test_each_repeated_weak_spot_gets_one_proposal() -> None:
    spot = ("Akuntabel", "Tidak menyalahgunakan kewenangan jabatan")
    other = ("Harmonis", "Suka menolong orang lain")
    proposals = propose_actions(weak_spots=[spot, other, spot])
    assert [p.finding for p in proposals] == [FindingKind.TITIK_LEMAH] * 2
    first = proposals[0]
    assert first.addresses == "Perilaku Akuntabel: Tidak menyalahgunakan kewenangan jabatan"
    assert "'Tidak menyalahgunakan kewenangan jabatan' (Akuntabel)" in first.reason
    assert first.paths[0] is LearningPath.MENTORING


def test_all_findings_together_in_order_and_valid_as_items() -> None:
    proposals = propose_actions(
        gaps=[GapFinding(standard_competence("M.05"), 2, 3)],
        hasil=Rating.DI_BAWAH,
        perilaku=Rating.DI_BAWAH,
        predikat=Predikat.SANGAT_KURANG,
        weak_spots=[("Kompeten", "Membantu orang lain belajar")],
    )
    assert [p.finding for p in proposals] == [
        FindingKind.PREDIKAT,
        FindingKind.HASIL_KERJA,
        FindingKind.PERILAKU_KERJA,
        FindingKind.TITIK_LEMAH,
        FindingKind.KOMPETENSI,
    ]
    for proposal in proposals:
        jp = proposal.jp if proposal.jp is not None else Decimal(0)
        item = validate_item(
            proposal.addresses, proposal.title, proposal.paths[0], start=None, end=None, jp=str(jp)
        )
        assert item.addresses == proposal.addresses
        assert "kesalahan" not in proposal.reason.lower()


@pytest.mark.parametrize(
    ("status", "minimum", "done", "shortfall", "text"),
    [
        (EmploymentStatus.PNS, Decimal(20), Decimal(12), Decimal(8), "20 JP"),
        (EmploymentStatus.PNS, Decimal(20), Decimal(25), Decimal(0), "20 JP"),
        # PPPK follow their own rule; none is recorded, so nobody is flagged short
        (EmploymentStatus.PPPK, None, Decimal(0), Decimal(0), "ketentuan PPPK"),
    ],
)
def test_the_jp_minimum_depends_on_the_status(
    status: EmploymentStatus, minimum: Decimal | None, done: Decimal, shortfall: Decimal, text: str
) -> None:
    assert minimum_jp(status) == minimum
    assert jp_shortfall(done, minimum_jp(status)) == shortfall
    assert minimum_text(minimum_jp(status)) == text
