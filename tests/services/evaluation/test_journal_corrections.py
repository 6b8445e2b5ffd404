"""Correcting and deleting journal observations: a reason, the audit log, the seal rule."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.behaviour import ObservationSign
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.domain.errors import NotFoundError, ValidationError, ValidationErrors
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.seal_chain import SealAction
from kinerja_desktop.domain.supervision.complaints import Channel, FeedbackFields, FeedbackKind
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.evaluation.journal import JournalFilter, Observation
from kinerja_desktop.services.supervision.feedback import FeedbackInput

TODAY = date(2026, 11, 28)
SIGNED = date(2026, 10, 8)
AKUNTABEL = BehaviourValue.AKUNTABEL


@pytest.fixture
def office(services: AppServices) -> AppServices:
    write_demo(services.database, employees=40, today=TODAY)
    return services


def _decided(office: AppServices) -> tuple[int, int, str]:
    """An SKP, its person and a period with a decided predikat (so it can be signed)."""
    with office.database.reading() as session:
        skp_id, employee_id, code = session.execute(
            text(
                "SELECT d.skp_id, s.employee_id, d.period_code FROM predikat_decisions d "
                "JOIN skps s ON s.id = d.skp_id ORDER BY d.id LIMIT 1"
            )
        ).one()
    return skp_id, employee_id, code


def _span(office: AppServices, employee_id: int, code: str) -> tuple[date, date]:
    period = next(p for p in office.journal.periods(2026, employee_id) if p.code == code)
    return period.start, period.end


def _serious_negative(office: AppServices, employee_id: int, day: date) -> Observation:
    return office.journal.record(
        employee_id,
        day,
        AKUNTABEL,
        ObservationSign.NEGATIF,
        "Menyalahgunakan kas kecil",
        serious=True,
        today=TODAY,
    )


def _correct(
    office: AppServices, entry: Observation, reason: str, **changes: object
) -> Observation:
    fields: dict[str, object] = {
        "employee_id": entry.employee_id,
        "observed_on": entry.observed_on,
        "value": entry.value,
        "sign": entry.sign,
        "text": entry.text,
        "serious": entry.serious,
        **changes,
    }
    return office.journal.update(entry.id, reason=reason, today=TODAY, **fields)  # type: ignore[arg-type]


def test_a_correction_is_logged_with_its_reason_and_the_proposal_follows(
    office: AppServices,
) -> None:
    skp_id, employee_id, code = _decided(office)
    start, _end = _span(office, employee_id, code)
    before = office.behaviour.period_view(skp_id, code).proposal.rating
    entry = _serious_negative(office, employee_id, start)
    assert office.behaviour.period_view(skp_id, code).proposal.rating is Rating.DI_BAWAH

    corrected = _correct(
        office,
        entry,
        "Salah pegawai: kejadian ini bukan kas kecil",
        sign=ObservationSign.NETRAL,
        serious=False,
        text="Menata kas kecil dengan rapi",
    )
    assert corrected.text == "Menata kas kecil dengan rapi"
    assert office.behaviour.period_view(skp_id, code).proposal.rating is before
    last = office.seals.history()[-1].fields
    assert last.action is SealAction.CATATAN_DIUBAH
    assert last.record == f"catatan:{entry.id}"
    assert last.reason == "Salah pegawai: kejadian ini bukan kas kecil"
    assert "Menyalahgunakan kas kecil" in last.label and "Menata kas kecil" in last.label
    assert office.seals.verify().healthy


def test_a_deletion_is_logged_and_the_proposal_follows(office: AppServices) -> None:
    skp_id, employee_id, code = _decided(office)
    start, _end = _span(office, employee_id, code)
    before = office.behaviour.period_view(skp_id, code).proposal.rating
    entry = _serious_negative(office, employee_id, start)
    topics: list[frozenset[Topic]] = []
    office.database.subscribe(topics.append)

    office.journal.remove(entry.id, "Tercatat dua kali")
    assert office.behaviour.period_view(skp_id, code).proposal.rating is before
    assert Topic.JOURNAL in topics[-1]
    last = office.seals.history()[-1].fields
    assert (last.action, last.reason) == (SealAction.CATATAN_DIHAPUS, "Tercatat dua kali")
    assert "Menyalahgunakan kas kecil" in last.label
    with pytest.raises(NotFoundError):
        office.journal.remove(entry.id, "lagi")


@pytest.mark.parametrize(
    ("attempt", "field"),
    [
        (lambda office, entry: office.journal.remove(entry.id, "  "), "reason"),
        (lambda office, entry: _correct(office, entry, "", text="Lain"), "reason"),
        (lambda office, entry: _correct(office, entry, "x" * 2001, text="Lain"), "reason"),
        (lambda office, entry: _correct(office, entry, "Koreksi", text=" "), "text"),
    ],
)
def test_without_a_good_reason_nothing_changes(office: AppServices, attempt, field: str) -> None:
    _skp_id, employee_id, code = _decided(office)
    start, _end = _span(office, employee_id, code)
    entry = _serious_negative(office, employee_id, start)
    logged = len(office.seals.history())
    with pytest.raises((ValidationError, ValidationErrors)) as raised:
        attempt(office, entry)
    error = raised.value
    fields = error.by_field() if isinstance(error, ValidationErrors) else {error.field: ""}
    assert field in fields
    assert office.journal.get(entry.id) == entry
    assert len(office.seals.history()) == logged


def test_an_observation_in_a_signed_period_is_refused_until_reopened(
    office: AppServices,
) -> None:
    skp_id, employee_id, code = _decided(office)
    start, _end = _span(office, employee_id, code)
    inside = _serious_negative(office, employee_id, start)
    outside = office.journal.record(
        employee_id,
        date(2026, 11, 27),
        AKUNTABEL,
        ObservationSign.POSITIF,
        "Tepat waktu",
        today=TODAY,
    )
    office.seals.sign_evaluation(skp_id, code, SIGNED, today=TODAY)
    logged = len(office.seals.history())

    attempts = (
        lambda: office.journal.remove(inside.id, "Salah catat"),
        lambda: _correct(office, inside, "Salah tanggal", observed_on=date(2026, 11, 27)),
        # Moving an entry into the signed period changes it too.
        lambda: _correct(office, outside, "Salah tanggal", observed_on=start),
    )
    for attempt in attempts:
        with pytest.raises(ValidationError, match="sudah ditandatangani pada 8 Oktober 2026"):
            attempt()
    assert office.journal.get(inside.id) == inside
    assert office.journal.get(outside.id) == outside
    assert len(office.seals.history()) == logged

    office.seals.reopen_evaluation(skp_id, code, "Catatan perilaku salah catat")
    office.journal.remove(inside.id, "Salah catat")
    assert inside.id not in {e.id for e in office.journal.entries(JournalFilter(employee_id))}


def _complaint_about(office: AppServices, employee_id: int, day: date) -> int:
    """A complaint about the person received on ``day``, in the supervision register."""
    unit_id = office.staff.get(employee_id).unit_id
    data = FeedbackInput(
        FeedbackFields(FeedbackKind.PENGADUAN, Channel.LANGSUNG, day, "Lama menunggu."),
        unit_id=unit_id,
        employee_id=employee_id,
    )
    return office.supervision.feedback.record(data, TODAY).id


def test_a_new_observation_in_a_signed_period_is_refused_until_reopened(
    office: AppServices,
) -> None:
    """Recording (from the journal or the register) follows the seal rule of corrections."""
    skp_id, employee_id, code = _decided(office)
    start, _end = _span(office, employee_id, code)
    complaint = _complaint_about(office, employee_id, start)
    office.seals.sign_evaluation(skp_id, code, SIGNED, today=TODAY)
    before = office.journal.entries(JournalFilter(employee_id))
    logged = len(office.seals.history())
    sealed = "Triwulan I sudah ditandatangani pada 8 Oktober 2026"

    with pytest.raises(ValidationError, match=sealed) as refused:
        _serious_negative(office, employee_id, start)
    assert refused.value.field == "observed_on"
    feedback = office.supervision.feedback
    refusal = feedback.observation_refusal(complaint)
    assert refusal is not None and sealed in refusal
    with pytest.raises(ValidationError, match=sealed):
        feedback.to_observation(complaint, today=TODAY)
    assert office.journal.entries(JournalFilter(employee_id)) == before
    assert feedback.get(complaint, TODAY).observation_id is None
    assert len(office.seals.history()) == logged

    office.seals.reopen_evaluation(skp_id, code, "Catatan perilaku belum lengkap")
    assert feedback.observation_refusal(complaint) is None
    recorded = _serious_negative(office, employee_id, start)
    assert feedback.to_observation(complaint, today=TODAY).observation_id is not None
    ids = {e.id for e in office.journal.entries(JournalFilter(employee_id))}
    assert recorded.id in ids and len(ids) == len(before) + 2
