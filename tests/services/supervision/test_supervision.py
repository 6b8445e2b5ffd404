"""Supervision services on a real SQLite file: register, journal link, surveys, kiosk, audit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from raw_database import raw_connect

from kinerja_desktop.domain.behaviour import ObservationSign, ObservationSource
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.errors import (
    DomainError,
    NotFoundError,
    ValidationError,
    ValidationErrors,
)
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.domain.supervision.answers import AnswerError
from kinerja_desktop.domain.supervision.complaints import (
    Channel,
    FeedbackFields,
    FeedbackKind,
    FeedbackStatus,
)
from kinerja_desktop.domain.supervision.deadlines import DeadlineState
from kinerja_desktop.domain.supervision.findings import FindingFields, FindingStatus
from kinerja_desktop.domain.supervision.ikm import ServiceGrade, compute_ikm
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.staff.service import StaffInput
from kinerja_desktop.services.supervision.feedback import FeedbackInput
from kinerja_desktop.services.supervision.findings import FindingInput
from kinerja_desktop.services.supervision.kiosk import KioskLock, KioskSubmission
from kinerja_desktop.services.supervision.units import resolve_unit

TODAY = date(2026, 6, 30)


@dataclass
class Office:
    services: AppServices
    clinic: int  # Poli Umum (Puskesmas Kertapati)
    puskesmas: int
    head: int
    doctor: int
    nurse: int


@pytest.fixture
def office(services: AppServices) -> Office:
    staff = services.staff
    instansi = staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    puskesmas = staff.add_unit("Puskesmas Kertapati", instansi.id)
    clinic = staff.add_unit("Poli Umum", puskesmas.id)
    people = [
        ("197805122003121002", "Nur Aini", "IV/a", "Kepala Puskesmas", "Administrator", puskesmas),
        (
            "198906152014031001",
            "Rizky Pratama",
            "III/b",
            "Dokter Ahli Pertama",
            "Fungsional",
            clinic,
        ),
        ("199202282019032014", "Dewi Lestari", "II/d", "Perawat Terampil", "Fungsional", clinic),
    ]
    ids: list[int] = []
    for nip, name, golongan, jabatan, kind, unit in people:
        person = staff.create(
            StaffInput(
                fields=StaffFields(nip, name, "PNS", golongan, jabatan, kind),
                unit_id=unit.id,
                penilai_id=ids[0] if ids else None,
                effective_date=date(2020, 1, 2),
            )
        )
        ids.append(person.id)
    return Office(services, clinic.id, puskesmas.id, *ids)


def _rows(services: AppServices, sql: str) -> list[tuple[object, ...]]:
    connection = raw_connect(services.database_path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def _complaint(office: Office, **changes: object) -> FeedbackInput:
    values: dict[str, object] = {
        "kind": FeedbackKind.PENGADUAN,
        "channel": Channel.SP4N_LAPOR,
        "received_on": date(2026, 6, 1),
        "text": "Petugas poli umum membentak pasien lansia.",
        "ticket": "LAP-5531",
        "category": "Sikap dan perilaku petugas",
    }
    values.update(changes)
    return FeedbackInput(
        FeedbackFields(**values),  # type: ignore[arg-type]
        unit_id=office.clinic,
        employee_id=office.nurse,
    )


# --- register -------------------------------------------------------------------------------


def test_complaint_moves_forward_with_deadlines(office: Office) -> None:
    register = office.services.supervision.feedback
    entry = register.record(_complaint(office), today=TODAY)
    assert entry.status is FeedbackStatus.DITERIMA
    assert entry.unit_label == "Poli Umum (Puskesmas Kertapati)"
    assert entry.respond_by == date(2026, 6, 8)  # 5 working days after Monday 1 June
    assert entry.deadline.state is DeadlineState.OVERDUE  # not answered by 8 June
    entry = register.move(entry.id, FeedbackStatus.DIVERIFIKASI, on=date(2026, 6, 3), today=TODAY)
    assert entry.deadline.state is DeadlineState.ON_TRACK  # now against 31 July
    with pytest.raises(ValidationError) as raised:
        register.move(entry.id, FeedbackStatus.SELESAI, today=TODAY)
    assert raised.value.field == "resolution"
    closed = register.move(entry.id, "SELESAI", resolution="Petugas dibina.", today=TODAY)
    assert (closed.status, closed.closed_on, closed.verified_on) == (
        FeedbackStatus.SELESAI,
        TODAY,
        date(2026, 6, 3),
    )
    assert closed.deadline.state is DeadlineState.CLOSED


def test_bad_entry_saves_nothing(office: Office) -> None:
    register = office.services.supervision.feedback
    with pytest.raises(ValidationErrors) as raised:
        register.record(_complaint(office, ticket=""), today=TODAY)
    assert "ticket" in raised.value.by_field()
    assert _rows(office.services, "SELECT count(*) FROM public_feedback") == [(0,)]


def test_complaint_becomes_observation_linked_both_ways(office: Office) -> None:
    services = office.services
    entry = services.supervision.feedback.record(_complaint(office), today=TODAY)
    linked = services.supervision.feedback.to_observation(entry.id, today=TODAY)
    assert linked.observation_id is not None
    observation = services.journal.get(linked.observation_id)
    assert observation.employee_id == office.nurse
    assert observation.value is BehaviourValue.BERORIENTASI_PELAYANAN
    assert observation.sign is ObservationSign.NEGATIF
    assert observation.source is ObservationSource.MASYARAKAT
    assert observation.observed_on == date(2026, 6, 1)
    assert "SP4N-LAPOR! LAP-5531" in observation.text
    assert f"no. {entry.id}" in observation.evidence_note
    back = services.supervision.feedback.for_observation(observation.id, today=TODAY)
    assert back is not None and back.id == entry.id
    with pytest.raises(ValidationError, match="sudah menjadi catatan perilaku"):
        services.supervision.feedback.to_observation(entry.id, today=TODAY)
    # Deleting the journal entry leaves the complaint, unlinked.
    services.journal.remove(observation.id, "Dicatat ulang dengan nilai lain")
    assert services.supervision.feedback.get(entry.id).observation_id is None


def test_compliment_becomes_positive_observation(office: Office) -> None:
    register = office.services.supervision.feedback
    entry = register.record(
        _complaint(office, kind=FeedbackKind.APRESIASI, channel=Channel.KOTAK_SARAN, ticket=""),
        today=TODAY,
    )
    assert entry.deadline.state is DeadlineState.NONE
    linked = register.to_observation(entry.id, value="KOMPETEN", today=TODAY)
    assert linked.observation_id is not None
    observation = office.services.journal.get(linked.observation_id)
    assert (observation.sign, observation.value) == (
        ObservationSign.POSITIF,
        BehaviourValue.KOMPETEN,
    )


def test_entry_without_person_cannot_become_observation(office: Office) -> None:
    register = office.services.supervision.feedback
    data = _complaint(office)
    entry = register.record(FeedbackInput(data.fields, unit_id=office.clinic), today=TODAY)
    with pytest.raises(ValidationError) as raised:
        register.to_observation(entry.id, today=TODAY)
    assert raised.value.field == "employee_id"
    assert _rows(office.services, "SELECT count(*) FROM observations") == [(0,)]


# --- surveys --------------------------------------------------------------------------------


def test_typed_answers_give_the_exact_ikm(office: Office) -> None:
    surveys = office.services.supervision.surveys
    survey = surveys.open_survey(office.clinic, "2026-s1", today=TODAY)
    assert survey.title == "Poli Umum (Puskesmas Kertapati), Semester I 2026"
    assert surveys.open_survey(office.clinic, "2026-S1", today=TODAY).id == survey.id
    lines = ["444444444", "3333333-3", "", "334 343 433"]
    assert surveys.add_typed(survey.id, "\n".join(lines), today=TODAY) == 3
    expected = compute_ikm([[4] * 9, [3] * 7 + [None, 3], [3, 3, 4, 3, 4, 3, 4, 3, 3]])
    result = surveys.results(survey.id).result
    assert result == expected
    assert result.unanswered == 1


def test_bad_typed_line_saves_nothing(office: Office) -> None:
    surveys = office.services.supervision.surveys
    survey = surveys.open_survey(office.clinic, "2026", today=TODAY)
    with pytest.raises(ValidationErrors) as raised:
        surveys.add_typed(survey.id, "444444444\n444454444\n", today=TODAY)
    (error,) = raised.value.errors
    assert isinstance(error, AnswerError) and (error.line, error.column) == (2, 5)
    assert surveys.get(survey.id).responses == 0
    with pytest.raises(ValidationError, match="belum punya responden"):
        surveys.results(survey.id)


def _write_csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_import_csv_with_profile(office: Office, tmp_path: Path) -> None:
    surveys = office.services.supervision.surveys
    survey = surveys.open_survey(office.clinic, "2026-S1", today=TODAY)
    path = _write_csv(
        tmp_path / "skm.csv",
        "No;Jenis Kelamin;Umur;U1;U2;U3;U4;U5;U6;U7;U8;U9\n"
        "1;L;34;4;4;3;4;3;3;4;;3\n"
        "2;Perempuan;;3;3;3;3;3;3;3;3;3\n",
    )
    assert surveys.import_file(survey.id, path, today=TODAY) == 2
    stored = surveys.responses(survey.id)
    assert sorted((r.data.gender, r.data.age) for r in stored) == [("L", 34), ("P", None)]
    assert {r.data.source for r in stored} == {"IMPOR"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("U1,U2,U3,U4,U5,U6,U7,U9\n4,4,4,4,4,4,4,4\n", "tidak punya kolom U8"),
        ("U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,4\n4,4,5,4,4,4,4,4,4\n", "Baris 3, kolom U3"),
        ("U1,U2,U3,U4,U5,U6,U7,U8,U9\n", "tidak berisi responden"),
    ],
)
def test_bad_import_names_line_and_column_and_saves_nothing(
    office: Office, tmp_path: Path, text: str, message: str
) -> None:
    surveys = office.services.supervision.surveys
    survey = surveys.open_survey(office.clinic, "2026-S1", today=TODAY)
    with pytest.raises(DomainError) as raised:
        surveys.import_file(survey.id, _write_csv(tmp_path / "skm.csv", text), today=TODAY)
    assert message in raised.value.message
    assert surveys.get(survey.id).responses == 0


def test_import_xlsx(office: Office, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append([f"U{n}" for n in range(1, 10)])
    sheet.append([4, 4, 4, 4, 4, 4, 4, 4, 4])
    sheet.append([2, 3, None, 3, 3, 3, 3, 3, 3])
    path = tmp_path / "skm.xlsx"
    workbook.save(path)
    surveys = office.services.supervision.surveys
    stored, added = surveys.store_file("Poli Umum", "2026-S2", path, today=TODAY)
    assert (stored.period.code, stored.responses, added) == ("2026-S2", 2, 2)
    assert surveys.results(stored.id).result.items[2].answered == 1


def test_trend_and_report(office: Office) -> None:
    surveys = office.services.supervision.surveys
    first = surveys.open_survey(office.clinic, "2026-S1", today=TODAY)
    second = surveys.open_survey(office.clinic, "2025-S2", today=TODAY)
    surveys.add_typed(first.id, "444444444\n333333333", today=TODAY)
    surveys.add_typed(second.id, "222222222", today=TODAY)
    trend = surveys.trend(office.clinic)
    assert [p.period.code for p in trend] == ["2025-S2", "2026-S1"]
    assert [p.ikm.ikm if p.ikm else None for p in trend] == [Decimal("50.00"), Decimal("87.50")]
    report = surveys.report(first.id, today=TODAY)
    assert (report.ikm, report.grade, report.performance) == ("87,50", "B", "Baik")
    assert report.unit == "Poli Umum (Puskesmas Kertapati)"
    assert report.period_range == "1 Januari s.d. 30 Juni 2026"
    assert report.signer_name == "Nur Aini"  # the puskesmas head signs for its clinic
    assert report.place_date == "Palembang, 30 Juni 2026"
    assert report.items[0].nrr == "3,500" and len(report.items) == 9


def test_unit_names_resolve_or_say_why(office: Office) -> None:
    with office.services.database.reading() as session:
        assert resolve_unit(session, "poli umum").id == office.clinic
        assert resolve_unit(session, "Poli Umum (Puskesmas Kertapati)").id == office.clinic
        with pytest.raises(NotFoundError):
            resolve_unit(session, "Poli Gigi")


# --- kiosk ----------------------------------------------------------------------------------


def test_kiosk_answer_and_complaint_reach_survey_and_register(office: Office) -> None:
    supervision = office.services.supervision
    survey = supervision.surveys.open_survey(office.clinic, "2026-S1", today=TODAY)
    staff = supervision.kiosk.staff(survey.id)
    assert [person.name for person in staff] == ["Dewi Lestari", "Rizky Pratama"]
    after = supervision.kiosk.submit(
        survey.id,
        KioskSubmission(
            [4, 4, 3, 4, 4, 4, 2, 3, 4],
            served_by_id=office.nurse,
            note_kind=FeedbackKind.PENGADUAN,
            note_text="Antre terlalu lama",
        ),
        today=TODAY,
    )
    assert after.responses == 1
    (entry,) = supervision.feedback.entries(today=TODAY)
    assert (entry.channel, entry.employee_id, entry.survey_id, entry.unit_id) == (
        Channel.KIOS,
        office.nurse,
        survey.id,
        office.clinic,
    )
    supervision.surveys.close(survey.id, on=TODAY)
    with pytest.raises(ValidationError, match="sudah ditutup"):
        supervision.kiosk.submit(survey.id, KioskSubmission([4] * 9), today=TODAY)
    assert supervision.surveys.get(survey.id).responses == 1


def test_kiosk_pin_is_checked_against_a_hash() -> None:
    lock = KioskLock("2468")
    assert not lock.verify("1234")
    assert lock.failures == 1
    assert lock.verify("2468")
    assert "2468" not in repr(vars(lock))
    with pytest.raises(ValidationError):
        KioskLock("12a")


# --- audit ----------------------------------------------------------------------------------


def _finding(office: Office) -> FindingInput:
    return FindingInput(
        FindingFields(
            source="INSPEKTORAT",
            found_on=date(2026, 3, 10),
            title="Stok obat kedaluwarsa tidak dipisahkan",
            condition="Obat kedaluwarsa masih di rak pelayanan",
            recommendation="Pisahkan dan musnahkan sesuai prosedur",
            reference="LHP-700/12/2026",
        ),
        unit_id=office.puskesmas,
        employee_id=office.head,
    )


def test_finding_follow_up_and_status(office: Office, tmp_path: Path) -> None:
    audit = office.services.supervision.findings
    finding = audit.record(_finding(office), today=TODAY)
    assert finding.due_on == date(2026, 5, 9)
    assert finding.deadline.state is DeadlineState.OVERDUE
    with pytest.raises(ValidationErrors) as raised:
        audit.add_follow_up(finding.id, date(2026, 3, 9), "Dipisahkan", today=TODAY)
    assert "sebelum tanggal temuan" in raised.value.by_field()["done_on"]
    assert _rows(office.services, "SELECT count(*) FROM audit_follow_ups") == [(0,)]
    with pytest.raises(ValidationError, match="setelah ada tindak lanjut"):
        audit.set_status(finding.id, FindingStatus.SELESAI, today=TODAY)
    proof = tmp_path / "berita-acara.pdf"
    proof.write_bytes(b"%PDF-1.4 berita acara")
    follow_up = audit.add_follow_up(
        finding.id, date(2026, 4, 2), "Obat dipisahkan", evidence_file=proof, today=TODAY
    )
    assert audit.get(finding.id, TODAY).status is FindingStatus.PROSES
    assert audit.evidence_path(follow_up.id).read_bytes() == proof.read_bytes()
    done = audit.set_status(finding.id, "SELESAI", on=date(2026, 5, 2), today=TODAY)
    assert (done.status, done.deadline.state) == (FindingStatus.SELESAI, DeadlineState.CLOSED)


def test_finding_links_to_an_observation(office: Office) -> None:
    services = office.services
    finding = services.supervision.findings.record(_finding(office), today=TODAY)
    observation = services.journal.record(
        office.head, date(2026, 3, 12), "AKUNTABEL", "NEGATIF", "Stok obat tidak diawasi"
    )
    targets = services.supervision.findings.link_targets(office.head, 2026)
    assert [(t.kind, t.id) for t in targets] == [("CATATAN", observation.id)]
    (link,) = services.supervision.findings.link(finding.id, observation_id=observation.id)
    assert link.employee_id == office.head
    assert services.supervision.findings.links(observation_id=observation.id)[0].finding_id == (
        finding.id
    )
    with pytest.raises(ValidationError, match="sudah ditautkan"):
        services.supervision.findings.link(finding.id, observation_id=observation.id)


# --- dashboard ------------------------------------------------------------------------------


def test_dashboard_summary(office: Office) -> None:
    supervision = office.services.supervision
    register = supervision.feedback
    register.record(_complaint(office), today=TODAY)
    register.record(_complaint(office, received_on=date(2026, 6, 28)), today=TODAY)
    supervision.findings.record(_finding(office), today=TODAY)
    survey = supervision.surveys.open_survey(office.clinic, "2026-S1", today=TODAY)
    supervision.surveys.add_typed(survey.id, "444444444", today=TODAY)
    found = supervision.dashboard.summary(TODAY)
    assert found.open_complaints == 2
    assert [(g.label, g.open, g.overdue) for g in found.complaint_ages][:3] == [
        ("0–7 hari", 1, 0),
        ("8–14 hari", 0, 0),
        ("15–30 hari", 1, 1),
    ]
    assert [person.name for person in found.repeated] == ["Dewi Lestari"]
    assert len(found.overdue_findings) == 1
    (trend,) = found.units
    assert trend.points[0].ikm == "100,00" and trend.points[0].grade is ServiceGrade.A
    titles = [item.title for item in office.services.attention.items(TODAY)]
    assert "1 pengaduan melewati batas waktu" in titles
    assert "Pegawai dengan pengaduan berulang" in titles


def test_correcting_an_entry_keeps_its_status_and_its_person_once_in_the_journal(
    office: Office,
) -> None:
    register = office.services.supervision.feedback
    entry = register.record(_complaint(office), today=TODAY)
    register.move(entry.id, FeedbackStatus.DIVERIFIKASI, on=date(2026, 6, 2), today=TODAY)
    fixed = register.update(entry.id, _complaint(office, text="Membentak pasien."), today=TODAY)
    assert (fixed.text, fixed.status) == ("Membentak pasien.", FeedbackStatus.DIVERIFIKASI)
    register.to_observation(entry.id, today=TODAY)
    other = _complaint(office)
    with pytest.raises(ValidationError) as raised:
        register.update(
            entry.id, FeedbackInput(other.fields, other.unit_id, office.doctor), today=TODAY
        )
    assert raised.value.field == "employee_id"
    assert register.get(entry.id).employee_id == office.nurse
