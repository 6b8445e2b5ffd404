"""The behaviour journal: recording, filtering, bad input, evidence, repeated weak spots."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kinerja_desktop.data.behaviour_models import BehaviourRatingRow
from kinerja_desktop.domain.attention import Severity
from kinerja_desktop.domain.behaviour import ObservationSign, ObservationSource
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.errors import NotFoundError, ValidationError, ValidationErrors
from kinerja_desktop.domain.skp import Pendekatan
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.evaluation.journal import (
    JournalFilter,
    JournalService,
    weak_spot_check,
)
from kinerja_desktop.services.staff.service import StaffInput

TODAY = date(2026, 8, 10)
AKUNTABEL = BehaviourValue.AKUNTABEL
NEG = ObservationSign.NEGATIF
POS = ObservationSign.POSITIF


@pytest.fixture
def people(services: AppServices) -> tuple[int, int]:
    instansi = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    unit = services.staff.add_unit("Kecamatan Kertapati", instansi.id)
    ids = []
    for nip, name in (
        ("198103042006042011", "Siti Rahmawati"),
        ("199202282019032014", "Dewi Lestari"),
    ):
        person = services.staff.create(
            StaffInput(
                StaffFields(nip, name, "PNS", "III/a", "Pengadministrasi", "Pelaksana"),
                unit_id=unit.id,
                penilai_id=None,
                effective_date=date(2020, 1, 2),
            )
        )
        ids.append(person.id)
    return ids[0], ids[1]


@pytest.fixture
def journal(services: AppServices, tmp_path: Path) -> JournalService:
    return JournalService(
        services.database, tmp_path / "evidence", AccessGuard.system(services.database)
    )


def test_record_returns_labels_and_filters_narrow(
    journal: JournalService, people: tuple[int, int]
) -> None:
    siti, dewi = people
    first = journal.record(
        siti,
        date(2026, 2, 3),
        AKUNTABEL,
        NEG,
        "  Laporan kas terlambat   tiga hari ",
        indicator=2,
        source=ObservationSource.AUDIT,
        evidence_link="https://contoh.go.id/lhp/12",
        today=TODAY,
    )
    assert first.employee_name == "Siti Rahmawati"
    assert first.value_label
    assert first.indicator_text
    assert first.text == "Laporan kas terlambat tiga hari"
    assert first.sign_label == "Negatif"
    assert first.source_label == "Temuan audit"
    assert first.evidence_link == "https://contoh.go.id/lhp/12"
    assert first.evidence_note == ""
    journal.record(
        siti, date(2026, 5, 4), BehaviourValue.HARMONIS, POS, "Menengahi rekan", today=TODAY
    )
    journal.record(
        dewi,
        date(2026, 5, 5),
        BehaviourValue.BERORIENTASI_PELAYANAN,
        ObservationSign.NETRAL,
        "Melayani warga di loket",
        evidence_note="Disaksikan Pak Lurah",
        today=TODAY,
    )

    everything = journal.entries(JournalFilter())
    assert [entry.observed_on for entry in everything] == [
        date(2026, 5, 5),
        date(2026, 5, 4),
        date(2026, 2, 3),
    ]
    assert everything[0].evidence_note == "Disaksikan Pak Lurah"
    assert len(journal.entries(JournalFilter(employee_id=siti))) == 2
    assert [e.text for e in journal.entries(JournalFilter(value=AKUNTABEL))] == [first.text]
    assert len(journal.entries(JournalFilter(period=(2026, "TW2")))) == 2
    assert len(journal.entries(JournalFilter(employee_id=siti, period=(2026, "tw1")))) == 1
    assert len(journal.entries(JournalFilter(sign=POS))) == 1
    assert len(journal.entries(JournalFilter(text="loket"))) == 1
    assert len(journal.entries(JournalFilter(text="dewi"))) == 1
    with pytest.raises(ValidationError) as raised:
        journal.entries(JournalFilter(period=(2026, "S1")))
    assert raised.value.field == "period"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"observed_on": date(2026, 8, 11)}, "observed_on"),
        ({"text": "   "}, "text"),
        ({"indicator": 0}, "indicator"),
        ({"indicator": 4}, "indicator"),
        ({"value": "JUJUR"}, "value"),
        ({"sign": "BAIK"}, "sign"),
        ({"source": "MEDIA"}, "source"),
        ({"evidence_link": "bukan tautan"}, "evidence_link"),
        ({"evidence_note": "catatan", "evidence_link": "https://a.id"}, "evidence_link"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_saved(
    journal: JournalService, people: tuple[int, int], changes: dict[str, object], field: str
) -> None:
    arguments: dict[str, object] = {
        "employee_id": people[0],
        "observed_on": date(2026, 8, 10),
        "value": AKUNTABEL,
        "sign": NEG,
        "text": "Terlambat",
        "today": TODAY,
    }
    arguments.update(changes)
    with pytest.raises(ValidationErrors) as raised:
        journal.record(**arguments)  # type: ignore[arg-type]
    assert field in raised.value.by_field()
    assert raised.value.by_field()[field]
    assert journal.entries(JournalFilter()) == []


def test_several_bad_fields_are_reported_together(
    journal: JournalService, people: tuple[int, int]
) -> None:
    with pytest.raises(ValidationErrors) as raised:
        journal.record(people[0], date(2027, 1, 1), AKUNTABEL, NEG, "", indicator=5, today=TODAY)
    assert set(raised.value.by_field()) == {"observed_on", "text", "indicator"}
    assert "belum terjadi" in raised.value.by_field()["observed_on"]


def test_unknown_person_is_refused(journal: JournalService, people: tuple[int, int]) -> None:
    with pytest.raises(NotFoundError):
        journal.record(9999, date(2026, 1, 5), AKUNTABEL, NEG, "Teks", today=TODAY)


def test_evidence_file_is_copied_and_kept_on_update(
    journal: JournalService, people: tuple[int, int], tmp_path: Path
) -> None:
    original = tmp_path / "Foto Loket.JPG"
    original.write_bytes(b"gambar")
    entry = journal.record(
        people[0],
        date(2026, 3, 1),
        AKUNTABEL,
        POS,
        "Mengembalikan dompet warga",
        evidence_file=original,
        today=TODAY,
    )
    original.unlink()
    stored = journal.evidence_path(entry.id)
    assert stored.read_bytes() == b"gambar"
    assert stored.suffix == ".jpg"
    assert entry.evidence_summary == "Berkas terlampir"

    changed = journal.update(
        entry.id,
        reason="Tanggal dan catatan bukti dilengkapi",
        employee_id=people[0],
        observed_on=date(2026, 3, 2),
        value=AKUNTABEL,
        sign=POS,
        text="Mengembalikan dompet warga ke loket",
        evidence_note="Warga menelepon",
        today=TODAY,
    )
    assert changed.evidence_file == entry.evidence_file
    assert changed.evidence_note == "Warga menelepon"
    removed = journal.update(
        entry.id,
        reason="Berkas salah lampir",
        employee_id=people[0],
        observed_on=date(2026, 3, 2),
        value=AKUNTABEL,
        sign=POS,
        text="Tanpa berkas",
        remove_file=True,
        today=TODAY,
    )
    assert removed.evidence_file == ""


def test_missing_evidence_file_saves_nothing(
    journal: JournalService, people: tuple[int, int], tmp_path: Path
) -> None:
    with pytest.raises(ValidationError) as raised:
        journal.record(
            people[0],
            date(2026, 3, 1),
            AKUNTABEL,
            POS,
            "Teks",
            evidence_file=tmp_path / "tidak-ada.pdf",
            today=TODAY,
        )
    assert raised.value.field == "file"
    assert journal.entries(JournalFilter()) == []


def test_remove(journal: JournalService, people: tuple[int, int]) -> None:
    entry = journal.record(people[0], date(2026, 3, 1), AKUNTABEL, POS, "Teks", today=TODAY)
    journal.remove(entry.id, "Tercatat dua kali")
    assert journal.entries(JournalFilter()) == []
    with pytest.raises(NotFoundError):
        journal.remove(entry.id, "Tercatat dua kali")


def test_facts_cover_the_span(journal: JournalService, people: tuple[int, int]) -> None:
    journal.record(people[0], date(2026, 3, 31), AKUNTABEL, NEG, "A", indicator=1, today=TODAY)
    journal.record(people[0], date(2026, 4, 1), AKUNTABEL, POS, "B", today=TODAY)
    facts = journal.facts(people[0], date(2026, 1, 1), date(2026, 3, 31))
    assert len(facts) == 1
    assert facts[0].sign is NEG
    assert facts[0].indicator == 1


def test_weak_spot_across_consecutive_periods(
    journal: JournalService, people: tuple[int, int]
) -> None:
    siti = people[0]
    journal.record(siti, date(2026, 2, 10), AKUNTABEL, NEG, "Kas telat", indicator=2, today=TODAY)
    journal.record(
        siti, date(2026, 5, 12), AKUNTABEL, NEG, "Kas telat lagi", indicator=2, today=TODAY
    )
    journal.record(siti, date(2026, 5, 13), AKUNTABEL, POS, "Rapi", today=TODAY)

    spots = journal.weak_spots(siti, 2026)
    assert len(spots) == 1
    assert spots[0].value is AKUNTABEL
    assert spots[0].indicator == 2
    assert spots[0].periods == ("Triwulan I", "Triwulan II")
    assert spots[0].action
    reports = journal.weak_spot_reports(siti, 2026)
    assert [entry.text for entry in reports[0].entries] == ["Kas telat", "Kas telat lagi"]
    assert reports[0].title.startswith("Akuntabel, panduan 2")


def test_no_weak_spot_across_a_gap(journal: JournalService, people: tuple[int, int]) -> None:
    siti = people[0]
    journal.record(siti, date(2026, 2, 10), AKUNTABEL, NEG, "Kas telat", today=TODAY)
    journal.record(siti, date(2026, 8, 3), AKUNTABEL, NEG, "Kas telat lagi", today=TODAY)
    assert journal.weak_spots(siti, 2026) == []


def test_attention_check_names_the_person_value_and_periods(
    services: AppServices, journal: JournalService, people: tuple[int, int]
) -> None:
    siti, dewi = people
    journal.record(siti, date(2026, 3, 30), AKUNTABEL, NEG, "Kas telat", today=TODAY)
    journal.record(siti, date(2026, 4, 2), AKUNTABEL, NEG, "Kas telat lagi", today=TODAY)
    journal.record(dewi, date(2026, 4, 2), AKUNTABEL, NEG, "Sekali saja", today=TODAY)

    with services.database.reading() as session:
        items = weak_spot_check(session, TODAY)
        next_year = weak_spot_check(session, date(2027, 5, 1))
    assert len(items) == 1
    assert items[0].severity is Severity.PENTING
    assert items[0].employee_ids == (siti,)
    assert "Siti Rahmawati" in items[0].title
    assert "Akuntabel" in items[0].detail
    assert "Triwulan I dan Triwulan II" in items[0].detail
    assert next_year == []


def _rate_behaviour(services: AppServices, employee_id: int, ratings: dict[str, str]) -> None:
    """Decided Rating Perilaku Kerja per period, stored as the evaluation stores them."""
    skp = services.skp.create(employee_id, 2026, Pendekatan.KUANTITATIF)
    with services.database.transaction() as session:
        for code, final in ratings.items():
            session.add(
                BehaviourRatingRow(
                    skp_id=skp.id,
                    period_code=code,
                    proposed="SESUAI",
                    proposed_reasons="",
                    final=final,
                    reason="Diamati langsung",
                    decided_on=date(2026, 7, 1),
                )
            )


@pytest.mark.parametrize(
    ("ratings", "periods"),
    [
        ({"TW1": "DI_BAWAH", "TW2": "DI_BAWAH"}, [("Triwulan I", "Triwulan II")]),
        ({"TW1": "DI_BAWAH", "TW2": "SESUAI", "TW3": "DI_BAWAH"}, []),
        (
            {"TW1": "SESUAI", "TW2": "DI_BAWAH", "TW3": "DI_BAWAH"},
            [("Triwulan II", "Triwulan III")],
        ),
        ({"TW2": "DI_BAWAH"}, []),
    ],
)
def test_ratings_below_expectation_alone_make_a_weak_spot(
    services: AppServices,
    journal: JournalService,
    people: tuple[int, int],
    ratings: dict[str, str],
    periods: list[tuple[str, ...]],
) -> None:
    dewi = people[1]
    _rate_behaviour(services, dewi, ratings)

    spots = journal.weak_spots(dewi, 2026)

    assert [spot.periods for spot in spots] == periods
    assert all(spot.value is None and "Rating Perilaku Kerja" in spot.action for spot in spots)
    with services.database.reading() as session:
        items = weak_spot_check(session, TODAY)
    assert [item.employee_ids for item in items] == ([(dewi,)] if periods else [])
    if periods:
        assert "Rating Perilaku Kerja pada " + " dan ".join(periods[0]) in items[0].detail
