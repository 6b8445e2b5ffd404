"""The realisation drafted from the daily log, and applying it through the evaluation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from progress_office import TODAY, Office, entry
from raw_database import raw_connect

from kinerja_desktop.domain.access import AccessDeniedError, Role
from kinerja_desktop.domain.errors import NotFoundError, ValidationError
from kinerja_desktop.domain.plans import TargetScale
from kinerja_desktop.domain.progress_realisation import SkipReason
from kinerja_desktop.services.skp.plans import PlanEdits

MONDAY = date(2026, 3, 16)
TUESDAY = date(2026, 3, 17)


def _agree(office: Office, employee_id: int) -> int:
    skp = office.services.skp.get(employee_id, 2026)
    assert skp is not None
    return office.services.skp.agree(skp.id, skp.version, date(2026, 1, 5)).id


def _approved(office: Office, *entries_in: object) -> None:
    progress = office.services.progress
    added = [progress.add(office.rizky, typed) for typed in entries_in]  # type: ignore[arg-type]
    progress.submit([found.id for found in added])
    progress.approve([found.id for found in added])


def _realisations(office: Office) -> list[tuple[object, ...]]:
    with raw_connect(office.services.database_path) as raw:
        return raw.execute(
            "SELECT iki_id, period_code, value, text FROM realisations ORDER BY iki_id"
        ).fetchall()


@pytest.fixture
def drafted(progress_office: Office) -> tuple[Office, int]:
    office = progress_office
    first, second = office.rizky_rhks
    _approved(
        office,
        entry(first, MONDAY, realisation="12"),
        entry(first, TUESDAY, realisation="5", unit=" Berkas "),
        entry(first, TUESDAY, "13.00", "14.00", realisation="3", unit="lembar"),
    )
    submitted = office.services.progress.add(office.rizky, entry(first, TODAY, realisation="9"))
    office.services.progress.submit([submitted.id])
    office.services.progress.add(office.rizky, entry(second, TODAY, unit="laporan"))
    return office, _agree(office, office.rizky)


def test_draft_sums_approved_entries_per_indicator_and_says_what_it_left_out(
    drafted: tuple[Office, int],
) -> None:
    office, skp_id = drafted
    office.sign_in(office.siti)
    draft = office.services.progress.realisation_draft(skp_id, "TW1")
    assert (draft.period_code, draft.period_start, draft.period_end) == (
        "TW1",
        date(2026, 1, 1),
        date(2026, 3, 31),
    )
    berkas, laporan = draft.indicators
    assert (berkas.iki.unit, berkas.total, len(berkas.counted)) == ("berkas", 17, 2)
    assert berkas.skipped_by_reason() == {
        SkipReason.SATUAN_BERBEDA: 1,
        SkipReason.BELUM_DISETUJUI: 1,
    }
    assert berkas.current_value is None and berkas.differs
    assert (laporan.total, laporan.has_proposal) == (0, False)
    assert laporan.skipped_by_reason() == {SkipReason.BELUM_DISETUJUI: 1}
    assert draft.orphans == ()
    # Nothing was written by drafting.
    assert _realisations(office) == []


def test_applying_the_chosen_proposals_records_them_in_one_transaction(
    drafted: tuple[Office, int],
) -> None:
    office, skp_id = drafted
    office.sign_in(office.siti)
    berkas, laporan = office.services.progress.realisation_draft(skp_id, "TW1").indicators
    evaluation = office.services.evaluation.record_realisations(
        skp_id, "TW1", {berkas.iki.id: (str(berkas.total), "Dari 2 progres harian")}
    )
    (shown,) = [
        indicator
        for rhk in evaluation.rhks
        for indicator in rhk.indicators
        if indicator.iki.id == berkas.iki.id
    ]
    assert (shown.value, shown.text) == (Decimal(17), "Dari 2 progres harian")
    again = office.services.progress.realisation_draft(skp_id, "TW1").indicators[0]
    assert (again.current_value, again.differs) == (Decimal(17), False)

    # All or none: a bad figure for one indicator keeps the other as it was.
    before = _realisations(office)
    with pytest.raises(ValidationError, match=r"laporan selesai: Realisasi harus angka"):
        office.services.evaluation.record_realisations(
            skp_id, "TW1", {berkas.iki.id: ("20", ""), laporan.iki.id: ("banyak", "")}
        )
    with pytest.raises(NotFoundError):
        office.services.evaluation.record_realisations(skp_id, "TW1", {99999: ("1", "")})
    assert _realisations(office) == before


def test_draft_refuses_an_unknown_period_and_an_account_that_may_not_see(
    drafted: tuple[Office, int],
) -> None:
    office, skp_id = drafted
    with pytest.raises(ValidationError, match="Periode 'TW9' tidak ada"):
        office.services.progress.realisation_draft(skp_id, "TW9")
    office.sign_in(office.dewi, Role.PENILAI)
    with pytest.raises(AccessDeniedError):
        office.services.progress.realisation_draft(skp_id, "TW1")


def test_a_cumulative_target_still_drafts_the_period_alone(progress_office: Office) -> None:
    office = progress_office
    first, _ = office.rizky_rhks
    skp = office.services.skp.get(office.rizky, 2026)
    assert skp is not None
    plan = office.services.plans.period_plan(skp.id, "TW1")
    assert plan.rhks[0].rhk.id == first
    berkas = plan.rhks[0].indicators[0].iki
    office.services.plans.save(skp.id, "TW1", PlanEdits(scales={berkas.id: TargetScale.KUMULATIF}))
    _approved(office, entry(first, MONDAY, realisation="12"))
    skp_id = _agree(office, office.rizky)

    later = office.services.progress.realisation_draft(skp_id, "TW2").indicators[0]

    # The realisation of TW2 is what was done in TW2: March's entry is not carried into it.
    assert later.iki.id == berkas.id
    assert (later.start, later.total, later.has_proposal) == (date(2026, 4, 1), 0, False)
    assert later.skipped_by_reason() == {SkipReason.DI_LUAR_PERIODE: 1}
