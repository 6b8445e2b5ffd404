"""The talk, the response and the keberatan of a period, through the service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from raw_database import raw_connect

from kinerja_desktop.domain.errors import NotFoundError, ValidationError
from kinerja_desktop.domain.predikat import Predikat
from kinerja_desktop.domain.skp import Pendekatan
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.evaluation.dialogue import DialogueService
from kinerja_desktop.services.staff.service import StaffInput

YEAR = 2026
RECEIVED = date(YEAR, 4, 6)


@dataclass(frozen=True)
class Office:
    dialogue: DialogueService
    skp_id: int
    atasan_id: int


@pytest.fixture
def office(services: AppServices) -> Office:
    root = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    unit = services.staff.add_unit("Kecamatan Kertapati", root.id)
    camat = _person(services, unit.id, "197805122003121002", "Ahmad Fauzi", "Administrator")
    sekcam = _person(services, unit.id, "198103042006042011", "Siti Rahmawati", "Pengawas", camat)
    staff = _person(services, unit.id, "199202282019032014", "Dewi Lestari", "Pelaksana", sekcam)
    skp = services.skp.create(staff, YEAR, Pendekatan.KUANTITATIF)
    return Office(
        DialogueService(services.database, AccessGuard.system(services.database)), skp.id, camat
    )


def _person(
    services: AppServices, unit_id: int, nip: str, name: str, kind: str, penilai: int | None = None
) -> int:
    fields = StaffFields(nip, name, "PNS", "III/a", "Analis", kind)
    return services.staff.create(
        StaffInput(
            fields=fields, unit_id=unit_id, penilai_id=penilai, effective_date=date(2020, 1, 2)
        )
    ).id


def _snapshot(path: Path) -> list[tuple[object, ...]]:
    with raw_connect(path) as connection:
        return connection.execute("SELECT * FROM dialogues ORDER BY id").fetchall()


def _received(office: Office) -> None:
    office.dialogue.record_result_received(office.skp_id, "TW1", RECEIVED)


def test_an_empty_dialogue_names_the_atasan(office: Office) -> None:
    view = office.dialogue.view(office.skp_id, "tw1", date(YEAR, 4, 1))

    assert view.period_code == "TW1"
    assert view.atasan_penilai is not None and view.atasan_penilai.id == office.atasan_id
    assert view.penilai is not None and view.penilai.name == "Siti Rahmawati"
    assert view.deadline is None
    assert not view.deadline_passed
    assert "setelah tanggal hasil penilaian diterima" in view.deadline_text


def test_the_talk_keeps_line_breaks(office: Office) -> None:
    view = office.dialogue.record_talk(
        office.skp_id,
        "TW1",
        "  Target layanan tercapai.\r\nArsip belum rapi.  ",
        "",
        date(YEAR, 4, 2),
    )

    assert view.self_assessment == "Target layanan tercapai.\nArsip belum rapi."
    assert view.reflection == ""
    assert view.talk_on == date(YEAR, 4, 2)


@pytest.mark.parametrize(
    ("filed", "late"),
    [(date(YEAR, 4, 6), False), (date(YEAR, 4, 20), False), (date(YEAR, 4, 21), True)],
)
def test_objection_deadline_is_14_calendar_days(office: Office, filed: date, late: bool) -> None:
    _received(office)

    view = office.dialogue.file_objection(
        office.skp_id, "TW1", "Bukti dukung belum dinilai.", filed
    )

    assert view.deadline == date(YEAR, 4, 20)
    assert view.objection_on == filed
    assert view.objection_late is late
    assert ("terlambat" in view.objection_note) is late
    stored = office.dialogue.view(office.skp_id, "TW1", filed)
    assert stored.objection == "Bukti dukung belum dinilai."
    assert stored.objection_late is late


def test_a_late_objection_is_recorded_with_a_message(office: Office) -> None:
    _received(office)

    view = office.dialogue.file_objection(office.skp_id, "TW1", "Alasan.", date(YEAR, 4, 21))

    assert view.objection_note == (
        "Keberatan diajukan 21 April 2026, 1 hari setelah batas 20 April 2026 (14 hari sejak "
        "hasil diterima). Tetap dicatat dan ditandai terlambat; Atasan Pejabat Penilai "
        "menimbang apakah tetap ditindaklanjuti."
    )
    assert view.deadline_passed is True


def test_deadline_text_counts_down(office: Office) -> None:
    _received(office)
    dialogue = office.dialogue

    assert dialogue.view(office.skp_id, "TW1", date(YEAR, 4, 17)).deadline_text == (
        "Batas keberatan: 20 April 2026 (masih 3 hari)"
    )
    assert (
        "hari ini hari terakhir"
        in dialogue.view(office.skp_id, "TW1", date(YEAR, 4, 20)).deadline_text
    )
    passed = dialogue.view(office.skp_id, "TW1", date(YEAR, 4, 22))
    assert passed.deadline_passed
    assert passed.deadline_text.endswith("(sudah lewat 2 hari)")


def test_objection_before_the_result_is_refused(office: Office, db_path: Path) -> None:
    with pytest.raises(ValidationError, match="Catat dulu tanggal hasil diterima") as caught:
        office.dialogue.file_objection(office.skp_id, "TW1", "Alasan.", date(YEAR, 4, 7))
    assert caught.value.field == "objection_on"
    assert _snapshot(db_path) == []

    _received(office)
    before = _snapshot(db_path)
    with pytest.raises(ValidationError, match="sebelum hasil penilaian diterima") as caught:
        office.dialogue.file_objection(office.skp_id, "TW1", "Alasan.", date(YEAR, 4, 5))
    assert caught.value.field == "objection_on"
    assert _snapshot(db_path) == before


def test_explanation_needs_an_objection_and_a_later_date(office: Office, db_path: Path) -> None:
    _received(office)
    with pytest.raises(ValidationError, match="belum ada keberatan") as caught:
        office.dialogue.record_explanation(office.skp_id, "TW1", "Penjelasan.", date(YEAR, 4, 9))
    assert caught.value.field == "explanation_on"

    office.dialogue.file_objection(office.skp_id, "TW1", "Alasan.", date(YEAR, 4, 10))
    before = _snapshot(db_path)
    with pytest.raises(ValidationError) as caught:
        office.dialogue.record_explanation(office.skp_id, "TW1", "Penjelasan.", date(YEAR, 4, 9))
    assert caught.value.message == (
        "Penjelasan Pejabat Penilai bertanggal 9 April 2026, sebelum keberatan diajukan "
        "(10 April 2026). Periksa urutan tanggalnya."
    )
    assert caught.value.field == "explanation_on"
    assert _snapshot(db_path) == before


def test_the_decision_is_final(office: Office) -> None:
    _received(office)
    dialogue = office.dialogue
    dialogue.file_objection(office.skp_id, "TW1", "Alasan.", date(YEAR, 4, 10))
    dialogue.record_explanation(office.skp_id, "TW1", "Penjelasan.", date(YEAR, 4, 14))
    with pytest.raises(ValidationError, match="sebelum penjelasan Pejabat Penilai"):
        dialogue.record_decision(office.skp_id, "TW1", "Diubah.", date(YEAR, 4, 12), Predikat.BAIK)

    view = dialogue.record_decision(
        office.skp_id, "TW1", "Predikat diubah.", date(YEAR, 4, 17), Predikat.BAIK
    )

    assert view.decided
    assert view.decided_predikat is Predikat.BAIK
    for attempt in (
        lambda: dialogue.record_decision(office.skp_id, "TW1", "Lagi.", date(YEAR, 4, 18), None),
        lambda: dialogue.file_objection(office.skp_id, "TW1", "Lagi.", date(YEAR, 4, 18)),
        lambda: dialogue.record_explanation(office.skp_id, "TW1", "Lagi.", date(YEAR, 4, 18)),
        lambda: dialogue.record_result_received(office.skp_id, "TW1", date(YEAR, 4, 18)),
    ):
        with pytest.raises(ValidationError, match="final"):
            attempt()
    assert dialogue.view(office.skp_id, "TW1", date(YEAR, 5, 1)).decision == "Predikat diubah."


@pytest.mark.parametrize(
    ("call", "field"),
    [
        ("record_talk", "self_assessment"),
        ("record_response", "response"),
        ("file_objection", "objection"),
    ],
)
def test_empty_text_is_refused(office: Office, db_path: Path, call: str, field: str) -> None:
    _received(office)
    before = _snapshot(db_path)
    dialogue = office.dialogue
    with pytest.raises(ValidationError, match="wajib diisi") as caught:
        if call == "record_talk":
            dialogue.record_talk(office.skp_id, "TW1", "  \n ", "Refleksi.", date(YEAR, 4, 2))
        else:
            getattr(dialogue, call)(office.skp_id, "TW1", " \t", date(YEAR, 4, 8))
    assert caught.value.field == field
    assert _snapshot(db_path) == before


def test_response_needs_the_result_first(office: Office) -> None:
    with pytest.raises(ValidationError, match="Catat dulu tanggal hasil") as caught:
        office.dialogue.record_response(office.skp_id, "TW1", "Terima kasih.", date(YEAR, 4, 8))
    assert caught.value.field == "response_on"
    _received(office)

    view = office.dialogue.record_response(office.skp_id, "TW1", "Terima kasih.", date(YEAR, 4, 8))

    assert (view.response, view.response_on) == ("Terima kasih.", date(YEAR, 4, 8))


def test_moving_the_received_date_marks_the_objection_again(office: Office) -> None:
    _received(office)
    office.dialogue.file_objection(office.skp_id, "TW1", "Alasan.", date(YEAR, 4, 21))

    view = office.dialogue.record_result_received(office.skp_id, "TW1", date(YEAR, 4, 8))

    assert not view.objection_late
    with pytest.raises(ValidationError, match="sebelum hasil penilaian diterima"):
        office.dialogue.record_result_received(office.skp_id, "TW1", date(YEAR, 4, 22))


def test_unknown_skp_or_period(office: Office) -> None:
    with pytest.raises(NotFoundError):
        office.dialogue.view(9999, "TW1", date(YEAR, 4, 1))
    with pytest.raises(ValidationError) as caught:
        office.dialogue.record_talk(office.skp_id, "TW7", "Isi.", "", date(YEAR, 4, 1))
    assert caught.value.field == "period"
