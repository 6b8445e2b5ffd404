"""The development plan through the service: validation, JP, overdue items and proposals."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kinerja_desktop.data.skp_models import ResultRatingRow, SkpRow
from kinerja_desktop.domain.behaviour import ObservationSign
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.competence import standard_competences
from kinerja_desktop.domain.development import FindingKind, ItemStatus, LearningPath
from kinerja_desktop.domain.errors import NotFoundError, ValidationErrors
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.development.competence import CompetenceService
from kinerja_desktop.services.development.service import (
    DevelopmentService,
    ItemInput,
    proposal_input,
    proposal_key,
)
from kinerja_desktop.services.evaluation.journal import JournalService
from kinerja_desktop.services.staff.service import StaffInput

TODAY = date(2026, 7, 1)


def _pelaksana(services: AppServices) -> int:
    instansi = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    unit = services.staff.add_unit("Kecamatan Kertapati", instansi.id)
    person = services.staff.create(
        StaffInput(
            fields=StaffFields(
                "199202282019032014",
                "Dewi Lestari",
                "PNS",
                "II/d",
                "Pengadministrasi Perkantoran",
                "Pelaksana",
            ),
            unit_id=unit.id,
            penilai_id=None,
            effective_date=date(2020, 1, 2),
        )
    )
    return person.id


@pytest.fixture
def journal(services: AppServices, tmp_path: Path) -> JournalService:
    return JournalService(
        services.database, tmp_path / "evidence", AccessGuard.system(services.database)
    )


@pytest.fixture
def development(services: AppServices, journal: JournalService) -> DevelopmentService:
    return DevelopmentService(services.database, AccessGuard.system(services.database), journal)


@pytest.fixture
def person(services: AppServices) -> int:
    return _pelaksana(services)


ITEM = ItemInput(
    addresses="Kompetensi M.01 Integritas",
    title="Pelatihan integritas",
    path=LearningPath.PELATIHAN_MANAJERIAL,
    jp="8",
)


def _add(
    development: DevelopmentService, person: int, today: date = TODAY, **changes: object
) -> int:
    entry = replace(ITEM, **changes)  # type: ignore[arg-type]
    return development.add_item(person, 2026, entry, today=today).id


def test_invalid_items_report_every_problem_and_save_nothing(
    development: DevelopmentService, person: int
) -> None:
    with pytest.raises(ValidationErrors) as raised:
        development.add_item(
            person,
            2026,
            ItemInput(
                addresses="  ",
                title="Pelatihan",
                path="BUKAN_JALUR",
                start=date(2026, 5, 2),
                end=date(2026, 5, 1),
                jp="-2",
                status="SELESAI_SEKALI",
                outcome="x" * 2001,
            ),
        )
    assert set(raised.value.by_field()) == {"addresses", "path", "end", "jp", "status", "outcome"}
    assert development.plan(person, 2026, TODAY).items == ()


def test_jp_totals_and_shortfall(development: DevelopmentService, person: int) -> None:
    done = _add(development, person, jp="12,5")
    _add(development, person, jp="4", title="Coaching")
    cancelled = _add(development, person, jp="30", title="Batal")
    development.update_status(
        done, ItemStatus.SELESAI, outcome="Lulus", evidence_note="Sertifikat", today=TODAY
    )
    development.update_status(cancelled, "DIBATALKAN", today=TODAY)

    plan = development.plan(person, 2026, TODAY)
    assert plan.jp.done == Decimal("12.5")
    assert plan.jp.planned == Decimal(4)
    assert plan.minimum == Decimal(20)
    assert plan.shortfall == Decimal("7.5")
    first = plan.items[0]
    assert (first.item.status, first.outcome, first.evidence_note) == (
        ItemStatus.SELESAI,
        "Lulus",
        "Sertifikat",
    )
    with pytest.raises(ValidationErrors):
        development.update_status(done, "SELESAI_SEKALI", today=TODAY)
    with pytest.raises(NotFoundError):
        development.update_status(9999, ItemStatus.SELESAI, today=TODAY)


def test_overdue_items_and_a_lapsed_plan(development: DevelopmentService, person: int) -> None:
    assert not development.plan(person, 2026, TODAY).lapsed
    _add(development, person, start=date(2026, 3, 1), end=date(2026, 3, 5))
    plan = development.plan(person, 2026, TODAY)
    assert plan.items[0].overdue
    assert plan.lapsed
    assert not development.plan(person, 2026, date(2026, 3, 4)).lapsed

    _add(development, person, end=date(2026, 12, 1))
    plan = development.plan(person, 2026, TODAY)
    assert [item.overdue for item in plan.items] == [True, False]
    assert not plan.lapsed


def test_a_competence_gap_is_proposed_accepted_and_dismissed(
    services: AppServices, development: DevelopmentService, person: int
) -> None:
    code = standard_competences()[0].code
    competence = CompetenceService(services.database, AccessGuard.system(services.database))
    competence.set_standard("Pengadministrasi Perkantoran", code, 3)
    competence.rate(person, code, 1, "Masih perlu arahan", date(2026, 2, 1))

    (proposal,) = development.proposals(person, 2026)
    assert proposal.finding is FindingKind.KOMPETENSI
    assert code in proposal.addresses

    edited = replace(proposal_input(proposal), provider="BPSDM Provinsi", jp="16")
    item = development.accept(person, 2026, proposal, edited, today=TODAY)
    assert item.item.path is proposal.paths[0]
    assert (item.provider, item.item.jp) == ("BPSDM Provinsi", Decimal(16))
    assert item.proposal_key == proposal_key(proposal)
    assert len(development.plan(person, 2026, TODAY).items) == 1
    assert development.proposals(person, 2026) == []  # accepted: not proposed twice

    development.update_status(item.id, ItemStatus.DIBATALKAN, today=TODAY)
    assert development.proposals(person, 2026) == [proposal]  # the gap still stands

    development.dismiss(person, 2026, proposal_key(proposal), date(2026, 7, 1))
    development.dismiss(person, 2026, proposal_key(proposal), date(2026, 7, 2))
    assert development.proposals(person, 2026) == []
    assert len(development.proposals(person, 2027)) == 1


def test_a_result_rating_below_expectation_is_proposed(
    services: AppServices, development: DevelopmentService, person: int
) -> None:
    assert development.proposals(person, 2026) == []
    with services.database.transaction() as session:
        skp = SkpRow(
            employee_id=person,
            year=2026,
            pendekatan="KUANTITATIF",
            layout="JA_JF",
            period_start=date(2026, 1, 1),
            period_end=date(2026, 12, 31),
        )
        session.add(skp)
        session.flush()
        session.add(
            ResultRatingRow(
                skp_id=skp.id,
                period_code="TW1",
                final="DI_BAWAH",
                source="PROPOSAL",
                decided_on=date(2026, 4, 10),
            )
        )
    (proposal,) = development.proposals(person, 2026)
    assert proposal.finding is FindingKind.HASIL_KERJA
    item = development.accept(person, 2026, proposal, today=TODAY)
    assert item.item.path is LearningPath.BIMBINGAN_DI_TEMPAT_KERJA
    assert development.proposals(person, 2025) == []


def test_a_weak_spot_in_the_journal_it_is_given_is_proposed(
    development: DevelopmentService, journal: JournalService, person: int
) -> None:
    negative = ObservationSign.NEGATIF
    for day, text in ((date(2026, 3, 30), "Kas telat"), (date(2026, 4, 2), "Kas telat lagi")):
        journal.record(person, day, BehaviourValue.AKUNTABEL, negative, text, today=TODAY)
    (proposal,) = development.proposals(person, 2026)
    assert proposal.finding is FindingKind.TITIK_LEMAH
    assert "Akuntabel" in proposal.addresses


def test_editing_an_item_keeps_every_field_and_checks_them_all(
    development: DevelopmentService, person: int
) -> None:
    item_id = _add(development, person)
    entry = ItemInput(
        addresses="Perilaku Kolaboratif",
        title="Magang di Puskesmas Plaju",
        path="MAGANG",
        jp="12",
        provider="Dinas Kesehatan",
        start=date(2026, 8, 3),
        end=date(2026, 8, 14),
        status="BERJALAN",
        evidence_note="Surat tugas 800/12",
        outcome="",
    )
    updated = development.update_item(item_id, entry, today=date(2026, 8, 4))
    assert (updated.item.path, updated.item.status, updated.provider) == (
        LearningPath.MAGANG,
        ItemStatus.BERJALAN,
        "Dinas Kesehatan",
    )
    assert updated.last_seen == date(2026, 8, 4)
    before = development.plan(person, 2026, TODAY)
    with pytest.raises(ValidationErrors) as raised:
        development.update_item(item_id, replace(entry, end=date(2026, 8, 1), jp="-1"), today=TODAY)
    assert set(raised.value.by_field()) == {"end", "jp"}
    assert development.plan(person, 2026, TODAY) == before  # nothing saved half-way
    with pytest.raises(NotFoundError):
        development.update_item(9999, entry, today=TODAY)


def test_open_items_come_up_for_review_at_each_new_period(
    development: DevelopmentService, person: int
) -> None:
    # Triwulan is the scheme when none is set: periods start 1 Apr, 1 Jul, 1 Oct.
    running = _add(development, person, today=date(2026, 2, 10), status="BERJALAN")
    done = _add(development, person, today=date(2026, 2, 10), status="SELESAI")

    def flags(day: date) -> list[bool]:
        return [item.needs_review for item in development.plan(person, 2026, day).items]

    assert flags(date(2026, 3, 31)) == [False, False]
    assert flags(date(2026, 4, 1)) == [True, False]  # a new period: the open item comes up
    development.mark_reviewed(running, date(2026, 4, 2))
    assert flags(date(2026, 6, 30)) == [False, False]
    assert flags(date(2026, 7, 1)) == [True, False]
    development.update_status(running, "SELESAI", outcome="Selesai", today=date(2026, 7, 5))
    assert flags(date(2026, 10, 1)) == [False, False]
    assert flags(date(2027, 1, 5)) == [False, False]  # another year's periods: no review
    assert done
