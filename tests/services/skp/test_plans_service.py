"""Rencana aksi and period targets through PlanService, and the evaluation measured by them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from raw_database import raw_connect

from kinerja_desktop.data.repositories import seal_chain as seal_repo
from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.plans import TargetBasis, TargetScale
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.skp import Aspek, IkiDraft, RhkDraft, RhkKind, SkpDraft
from kinerja_desktop.domain.skp_records import SkpView
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.skp.plans import (
    LOCKED_MESSAGE,
    PlanEdits,
    rencana_field,
    target_field,
)
from kinerja_desktop.services.staff.service import StaffInput

D = Decimal
YEAR = 2026
KUM, PER = TargetScale.KUMULATIF, TargetScale.PER_PERIODE
TABLES = ("rencana_aksi", "period_targets", "target_scales")


def _person(services: AppServices) -> int:
    """A staff member with a penilai (alone, she would lead the unit and follow its predikat)."""
    root = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    unit = services.staff.add_unit("Kecamatan Kertapati", root.id)
    joined = date(2020, 1, 2)
    head = StaffFields("198103042006042011", "Siti Rahmawati", "PNS", "III/d", "Kasi", "Pengawas")
    head_id = services.staff.create(
        StaffInput(fields=head, unit_id=unit.id, penilai_id=None, effective_date=joined)
    ).id
    fields = StaffFields(
        "199202282019032014", "Dewi Lestari", "PNS", "III/a", "Analis", "Pelaksana"
    )
    return services.staff.create(
        StaffInput(fields=fields, unit_id=unit.id, penilai_id=head_id, effective_date=joined)
    ).id


def _iki(target: str, *, lower: bool = False, unit: str = "Dokumen") -> IkiDraft:
    return IkiDraft(
        indicator=f"Indikator {target} {unit}",
        target=target,
        unit=unit,
        lower_is_better=lower,
        aspek=Aspek.KUANTITAS,
    )


def _draft(services: AppServices, *rhks: Sequence[IkiDraft]) -> SkpView:
    created = services.skp.create(_person(services), YEAR)
    draft = SkpDraft(
        pendekatan=created.pendekatan,
        rhks=tuple(
            RhkDraft(
                text=f"Hasil kerja {n}",
                kind=RhkKind.UTAMA,
                indicators=tuple(ikis),
                parent_text="Renstra kecamatan",
            )
            for n, ikis in enumerate(rhks, 1)
        ),
    )
    return services.skp.save(created.id, created.version, draft)


def _agree(services: AppServices, view: SkpView) -> SkpView:
    current = services.skp.by_id(view.id)
    return services.skp.agree(current.id, current.version, date(YEAR, 1, 5))


def _snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    connection = raw_connect(path)
    try:
        return {t: connection.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}
    finally:
        connection.close()


def _ids(view: SkpView) -> tuple[list[int], list[int]]:
    return [r.id for r in view.rhks], [i.id for r in view.rhks for i in r.indicators]


# --- writing and reading ------------------------------------------------------------------------


def test_a_draft_plans_every_period_and_reads_back(services: AppServices) -> None:
    view = _draft(services, [_iki("12"), _iki("100", unit="%")])
    (rhk,), (docs, share) = _ids(view)
    plans = services.plans

    saved = plans.save(
        view.id,
        "TW2",
        PlanEdits(
            rencana_aksi={rhk: "  Menyusun   laporan triwulan II "},
            targets={docs: "6", share: "100"},
            scales={docs: KUM},
        ),
    )

    assert saved.period.code == "TW2"
    assert [p.code for p in saved.periods] == ["TW1", "TW2", "TW3", "TW4"]
    (plan,) = saved.rhks
    assert plan.rencana_aksi == "Menyusun laporan triwulan II"
    assert [(i.scale, i.target, i.target_display) for i in plan.indicators] == [
        (KUM, D(6), "6 Dokumen"),
        (PER, D(100), "100%"),
    ]
    assert saved.editable and saved.why_not == ""
    # Another period has its own plan; the scale holds for every period of the indicator.
    other = plans.period_plan(view.id, "TW1")
    assert other.rhks[0].rencana_aksi == ""
    assert [i.target for i in other.rhks[0].indicators] == [None, None]
    assert other.rhks[0].indicators[0].scale is KUM
    # The running period is the default.
    assert plans.period_plan(view.id, today=date(YEAR, 5, 2)).period.code == "TW2"
    assert plans.period_plan(view.id, today=date(YEAR + 1, 1, 2)).period.code == "TW1"


def test_empty_texts_remove_and_an_unchanged_rencana_aksi_keeps_its_id(
    services: AppServices,
) -> None:
    view = _draft(services, [_iki("12")])
    (rhk,), (docs,) = _ids(view)
    first = services.plans.save(
        view.id, "TW1", PlanEdits(rencana_aksi={rhk: "Menyusun"}, targets={docs: "3"})
    )
    again = services.plans.save(view.id, "TW1", PlanEdits(rencana_aksi={rhk: "Menyusun ulang"}))
    assert again.rhks[0].rencana_aksi_id == first.rhks[0].rencana_aksi_id
    assert again.rhks[0].indicators[0].target == D(3)  # not sent, left as it was

    cleared = services.plans.save(
        view.id, "TW1", PlanEdits(rencana_aksi={rhk: " "}, targets={docs: ""})
    )
    assert cleared.rhks[0].rencana_aksi == "" and cleared.rhks[0].rencana_aksi_id is None
    assert cleared.rhks[0].indicators[0].target is None
    assert _snapshot(services.database_path)["rencana_aksi"] == []


def test_bad_input_names_its_fields_and_saves_nothing(services: AppServices) -> None:
    view = _draft(services, [_iki("12"), _iki("2", lower=True, unit="Temuan")])
    (rhk,), (docs, findings) = _ids(view)
    services.plans.save(view.id, "TW1", PlanEdits(rencana_aksi={rhk: "Awal"}))
    before = _snapshot(services.database_path)

    with pytest.raises(ValidationErrors) as caught:
        services.plans.save(
            view.id,
            "TW1",
            PlanEdits(
                rencana_aksi={rhk: "x" * 1001},
                targets={docs: "0", findings: "tiga"},
                scales={docs: KUM},
            ),
        )

    assert caught.value.by_field() == {
        rencana_field(rhk): "Rencana aksi RHK 1 paling banyak 1000 karakter (sekarang 1001).",
        target_field(docs): "RHK 1, indikator 1: target Triwulan I: target harus lebih dari 0. "
        "Target 0 hanya untuk indikator yang makin kecil makin baik (mis. 0 temuan).",
        target_field(findings): "RHK 1, indikator 2: target Triwulan I: target harus angka, "
        "mis. 12 atau 12,5; yang diisi 'tiga'.",
    }
    assert _snapshot(services.database_path) == before
    # "0 temuan" is a target a lower-is-better indicator may have.
    zero = services.plans.save(view.id, "TW1", PlanEdits(targets={findings: "0"}))
    assert zero.rhks[0].indicators[1].target == D(0)


def test_an_unknown_period_or_an_indicator_of_another_skp_is_refused(
    services: AppServices,
) -> None:
    view = _draft(services, [_iki("12")])
    with pytest.raises(ValidationError, match="Periode 'AKHIR' tidak punya rencana aksi"):
        services.plans.save(view.id, "AKHIR", PlanEdits())
    with pytest.raises(ValidationError, match="sudah diubah di tempat lain"):
        services.plans.save(view.id, "TW1", PlanEdits(targets={999: "3"}))


def test_cumulative_targets_that_do_not_reach_the_year_are_a_warning(
    services: AppServices,
) -> None:
    view = _draft(services, [_iki("12")])
    _, (docs,) = _ids(view)
    for code, target in (("TW1", "3"), ("TW2", "6"), ("TW3", "9"), ("TW4", "10")):
        plan = services.plans.save(
            view.id, code, PlanEdits(targets={docs: target}, scales={docs: KUM})
        )
    assert plan.warnings == (
        "RHK 1, indikator 1: target kumulatif Triwulan IV (10 Dokumen) belum mencapai target "
        "tahunan (12 Dokumen).",
    )
    fixed = services.plans.save(view.id, "TW4", PlanEdits(targets={docs: "12"}))
    assert fixed.warnings == ()


def test_an_agreed_skp_follows_the_revision_rules(services: AppServices) -> None:
    view = _draft(services, [_iki("12")])
    (rhk,), _ = _ids(view)
    services.plans.save(view.id, "TW1", PlanEdits(rencana_aksi={rhk: "Disepakati bersama SKP"}))
    agreed = _agree(services, view)
    before = _snapshot(services.database_path)

    assert services.plans.period_plan(view.id, "TW1").why_not == LOCKED_MESSAGE
    with pytest.raises(ValidationError, match="lewat revisi SKP"):
        services.plans.save(view.id, "TW2", PlanEdits(rencana_aksi={rhk: "Ditambah kemudian"}))
    assert _snapshot(services.database_path) == before

    services.skp.start_revision(agreed.id, agreed.version, "Rencana aksi triwulan II")
    added = services.plans.save(view.id, "TW2", PlanEdits(rencana_aksi={rhk: "Ditambah kemudian"}))
    assert added.rhks[0].rencana_aksi == "Ditambah kemudian"


def test_a_signed_period_keeps_its_plan(services: AppServices) -> None:
    view = _draft(services, [_iki("12")])
    (rhk,), _ = _ids(view)
    with services.database.transaction() as session:
        seal_repo.add_seal(session, view.id, "TW1", date(YEAR, 4, 3))

    assert "sudah ditandatangani" in services.plans.period_plan(view.id, "TW1").why_not
    with pytest.raises(ValidationError, match="sudah ditandatangani"):
        services.plans.save(view.id, "TW1", PlanEdits(rencana_aksi={rhk: "Terlambat"}))
    assert services.plans.save(view.id, "TW2", PlanEdits(rencana_aksi={rhk: "Boleh"})).editable


def test_the_running_rencana_aksi_of_a_day(services: AppServices) -> None:
    view = _draft(services, [_iki("12")], [_iki("4")])
    (first, second), _ = _ids(view)
    services.plans.save(view.id, "TW2", PlanEdits(rencana_aksi={second: "Rekap triwulan II"}))

    (option,) = services.plans.running_rencana_aksi(view.employee_id, date(YEAR, 5, 20))
    assert (option.rhk_id, option.rhk_text, option.text) == (
        second,
        "Hasil kerja 2",
        "Rekap triwulan II",
    )
    assert services.plans.running_rencana_aksi(view.employee_id, date(YEAR, 2, 1)) == ()
    assert services.plans.running_rencana_aksi(view.employee_id, date(YEAR + 1, 5, 1)) == ()
    assert first != second


# --- the evaluation measured against the period's target ---------------------------------------


def _evaluated(
    services: AppServices, scale: TargetScale | None, recorded: dict[str, str]
) -> tuple[SkpView, int]:
    """An SKP of 12 Dokumen a year, on pace (3 a triwulan) in the recorded periods."""
    view = _draft(services, [_iki("12")])
    (rhk,), (docs,) = _ids(view)
    if scale is not None:
        for n, code in enumerate(("TW1", "TW2", "TW3", "TW4"), 1):
            target = str(3 * n) if scale is KUM else "3"
            services.plans.save(
                view.id,
                code,
                PlanEdits(
                    rencana_aksi={rhk: f"Menyusun 3 dokumen {code}"},
                    targets={docs: target},
                    scales={docs: scale},
                ),
            )
    _agree(services, view)
    for code, value in recorded.items():
        services.evaluation.record_realisation(docs, code, value)
    return view, docs


ON_PACE = {"TW1": "3", "TW2": "3", "TW3": "3", "TW4": "3"}


@pytest.mark.parametrize(
    ("scale", "recorded", "percent", "rating", "basis", "reason"),
    [
        # The bug of issue 17: on pace in TW4, measured against the year.
        (
            None,
            ON_PACE,
            D("25.00"),
            Rating.DI_BAWAH,
            TargetBasis.TAHUNAN,
            "Belum ada target periode",
        ),
        (
            PER,
            ON_PACE,
            D("100.00"),
            Rating.SESUAI,
            TargetBasis.PERIODE,
            "target periode (rencana aksi): 1 indikator.",
        ),
        (
            KUM,
            ON_PACE,
            D("100.00"),
            Rating.SESUAI,
            TargetBasis.KUMULATIF,
            "1 di antaranya kumulatif",
        ),
        # a quarter left empty counts as nothing done on the running total
        (
            KUM,
            {"TW1": "3", "TW2": "3", "TW4": "3"},
            D("75.00"),
            Rating.DI_BAWAH,
            TargetBasis.KUMULATIF,
            "kumulatif",
        ),
    ],
)
def test_the_fourth_quarter_on_pace(
    services: AppServices,
    scale: TargetScale | None,
    recorded: dict[str, str],
    percent: Decimal,
    rating: Rating,
    basis: TargetBasis,
    reason: str,
) -> None:
    view, _ = _evaluated(services, scale, recorded)

    result = services.evaluation.evaluation(view.id, "TW4")

    (rhk,) = result.rhks
    (indicator,) = rhk.indicators
    assert indicator.achievement == percent
    assert indicator.measure is not None and indicator.measure.basis is basis
    assert result.proposal is not None and result.proposal.rating is rating
    assert any(reason in line for line in result.proposal.reasons), result.proposal.reasons
    if scale is not None:
        assert rhk.rencana_aksi == "Menyusun 3 dokumen TW4"
        assert indicator.period_target_display == (
            "12 Dokumen (kumulatif)" if scale is KUM else "3 Dokumen"
        )


def test_the_annual_evaluation_uses_the_annual_target(services: AppServices) -> None:
    view, _ = _evaluated(services, PER, {"AKHIR": "12"})

    result = services.evaluation.evaluation(view.id, "AKHIR")

    (indicator,) = result.rhks[0].indicators
    assert indicator.achievement == D("100.00") and indicator.period_target is None
    assert result.rhks[0].rencana_aksi == ""
    assert result.proposal is not None
    assert "Capaian periode Akhir diukur terhadap target tahunan SKP." in result.proposal.reasons


@pytest.mark.parametrize(("found", "percent"), [("0", D("100.00")), ("1", D("0.00"))])
def test_zero_findings_as_a_period_target(
    services: AppServices, found: str, percent: Decimal
) -> None:
    view = _draft(services, [_iki("0", lower=True, unit="Temuan")])
    _, (findings,) = _ids(view)
    services.plans.save(view.id, "TW1", PlanEdits(targets={findings: "0"}))
    _agree(services, view)
    services.evaluation.record_realisation(findings, "TW1", found)

    (indicator,) = services.evaluation.evaluation(view.id, "TW1").rhks[0].indicators

    assert indicator.achievement == percent
