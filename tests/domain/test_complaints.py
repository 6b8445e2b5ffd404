"""Complaint statuses, deadlines and overdue flags; audit finding rules."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.supervision.complaints import (
    Channel,
    ComplaintRules,
    FeedbackFields,
    FeedbackKind,
    FeedbackStatus,
    age_group,
    check_status_change,
    deadline_for,
    default_deadlines,
    is_repeated,
    validate_feedback,
)
from kinerja_desktop.domain.supervision.deadlines import DeadlineState, supervision_data
from kinerja_desktop.domain.supervision.findings import (
    FindingFields,
    FindingStatus,
    check_follow_up,
    check_status,
    finding_deadline,
    status_after_follow_up,
    validate_finding,
)

RULES = ComplaintRules(
    response_working_days=10,
    resolution_days=60,
    due_soon_days=3,
    repeated_count=2,
    repeated_within_days=365,
)
RECEIVED = date(2026, 3, 2)


def test_default_deadlines_count_working_then_calendar_days_from_receipt() -> None:
    # Monday 2 March: ten working days is Monday 16 March; 60 calendar days is 1 May.
    assert default_deadlines(FeedbackKind.PENGADUAN, RECEIVED, RULES) == (
        date(2026, 3, 16),
        date(2026, 5, 1),
    )
    assert default_deadlines(FeedbackKind.APRESIASI, RECEIVED, RULES) == (None, None)


@pytest.mark.parametrize(
    ("received", "respond_by", "resolve_by"),
    [
        # SP4N-LAPOR! (PermenPANRB 5/2025): 5 working days to respond, weekends skipped;
        # Perpres 76/2013: 60 calendar days to resolve.
        (date(2026, 3, 2), date(2026, 3, 9), date(2026, 5, 1)),  # Monday -> Monday
        (date(2026, 3, 5), date(2026, 3, 12), date(2026, 5, 4)),  # Thursday -> Thursday
        (date(2026, 3, 6), date(2026, 3, 13), date(2026, 5, 5)),  # Friday -> Friday
        (date(2026, 3, 7), date(2026, 3, 13), date(2026, 5, 6)),  # Saturday -> Friday
        (date(2026, 3, 8), date(2026, 3, 13), date(2026, 5, 7)),  # Sunday -> Friday
        (date(2026, 12, 28), date(2027, 1, 4), date(2027, 2, 26)),  # across the new year
    ],
)
def test_shipped_deadlines_respond_in_working_days(
    received: date, respond_by: date, resolve_by: date
) -> None:
    assert default_deadlines(FeedbackKind.PENGADUAN, received) == (respond_by, resolve_by)
    assert default_deadlines(FeedbackKind.SARAN, received) == (respond_by, resolve_by)


def test_shipped_deadlines_cite_the_regulation_in_force() -> None:
    source = supervision_data()["_source"]
    assert "PermenPANRB 5/2025" in source
    assert "replaced PermenPANRB 62/2018" in source
    assert "[M]" in source


@pytest.mark.parametrize(
    ("status", "today", "closed_on", "state", "days"),
    [
        # received: judged against the response deadline (16 March)
        (FeedbackStatus.DITERIMA, date(2026, 3, 10), None, DeadlineState.ON_TRACK, 6),
        (FeedbackStatus.DITERIMA, date(2026, 3, 13), None, DeadlineState.DUE_SOON, 3),
        (FeedbackStatus.DITERIMA, date(2026, 3, 16), None, DeadlineState.DUE_SOON, 0),
        (FeedbackStatus.DITERIMA, date(2026, 3, 17), None, DeadlineState.OVERDUE, -1),
        # verified / in follow-up: against the resolution deadline (1 May)
        (FeedbackStatus.DIVERIFIKASI, date(2026, 3, 17), None, DeadlineState.ON_TRACK, 45),
        (FeedbackStatus.DITINDAKLANJUTI, date(2026, 5, 1), None, DeadlineState.DUE_SOON, 0),
        (FeedbackStatus.DITINDAKLANJUTI, date(2026, 5, 4), None, DeadlineState.OVERDUE, -3),
        # closed: judged on the day it was closed, whatever today is
        (FeedbackStatus.SELESAI, date(2026, 9, 1), date(2026, 5, 1), DeadlineState.CLOSED, 0),
        (FeedbackStatus.SELESAI, date(2026, 9, 1), date(2026, 5, 3), DeadlineState.CLOSED_LATE, 2),
    ],
)
def test_complaint_deadline_and_overdue(
    status: FeedbackStatus, today: date, closed_on: date | None, state: DeadlineState, days: int
) -> None:
    respond_by, resolve_by = default_deadlines(FeedbackKind.PENGADUAN, RECEIVED, RULES)
    deadline = deadline_for(
        FeedbackKind.PENGADUAN,
        status,
        respond_by=respond_by,
        resolve_by=resolve_by,
        today=today,
        closed_on=closed_on,
        rules=RULES,
    )
    assert (deadline.state, deadline.days) == (state, days)
    assert deadline.state.is_overdue is (state is DeadlineState.OVERDUE)


def test_overdue_text_says_how_late() -> None:
    deadline = deadline_for(
        FeedbackKind.PENGADUAN,
        FeedbackStatus.DITERIMA,
        respond_by=date(2026, 3, 16),
        resolve_by=date(2026, 5, 1),
        today=date(2026, 3, 19),
        rules=RULES,
    )
    assert deadline.text == "Terlambat 3 hari (batas 16 Maret 2026)"


def test_compliment_is_never_overdue() -> None:
    deadline = deadline_for(
        FeedbackKind.APRESIASI,
        FeedbackStatus.DITERIMA,
        respond_by=None,
        resolve_by=None,
        today=date(2027, 1, 1),
        rules=RULES,
    )
    assert deadline.state is DeadlineState.NONE


def _fields(**changes: object) -> FeedbackFields:
    values: dict[str, object] = {
        "kind": FeedbackKind.PENGADUAN,
        "channel": Channel.SP4N_LAPOR,
        "received_on": RECEIVED,
        "text": "Antrean poli umum lama",
        "ticket": "LAP-2026/0042",
    }
    values.update(changes)
    return FeedbackFields(**values)  # type: ignore[arg-type]


def test_valid_feedback_takes_default_deadlines() -> None:
    valid = validate_feedback(_fields(), today=date(2026, 3, 3))
    assert valid.respond_by == date(2026, 3, 9)  # 5 working days after Monday 2 March
    assert valid.resolve_by == date(2026, 5, 1)
    assert valid.ticket == "LAP-2026/0042"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ticket": ""}, "ticket"),
        ({"ticket": "bad ticket!"}, "ticket"),
        ({"channel": Channel.SURAT}, "ticket"),  # a ticket on a letter
        ({"text": "   "}, "text"),
        ({"kind": "KELUHAN"}, "kind"),
        ({"channel": "FAX"}, "channel"),
        ({"received_on": date(2026, 3, 4)}, "received_on"),
        ({"respond_by": date(2026, 3, 1)}, "respond_by"),
        ({"resolve_by": date(2026, 3, 6)}, "resolve_by"),  # before the response deadline
    ],
)
def test_bad_feedback_names_the_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationErrors) as raised:
        validate_feedback(_fields(**changes), today=date(2026, 3, 3))
    assert field in raised.value.by_field()


@pytest.mark.parametrize(
    ("current", "new", "changed_on", "resolution", "field"),
    [
        (FeedbackStatus.DIVERIFIKASI, FeedbackStatus.DITERIMA, date(2026, 3, 5), "", "status"),
        (FeedbackStatus.SELESAI, FeedbackStatus.SELESAI, date(2026, 3, 5), "x", "status"),
        (FeedbackStatus.DITERIMA, FeedbackStatus.SELESAI, date(2026, 3, 5), "  ", "resolution"),
        (FeedbackStatus.DITERIMA, FeedbackStatus.DIVERIFIKASI, date(2026, 3, 1), "", "changed_on"),
        (FeedbackStatus.DITERIMA, FeedbackStatus.DIVERIFIKASI, date(2026, 4, 1), "", "changed_on"),
    ],
)
def test_status_moves_forward_and_closing_needs_resolution(
    current: FeedbackStatus, new: FeedbackStatus, changed_on: date, resolution: str, field: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        check_status_change(
            current,
            new,
            changed_on=changed_on,
            received_on=RECEIVED,
            resolution=resolution,
            today=date(2026, 3, 20),
        )
    assert raised.value.field == field


def test_status_may_skip_forward() -> None:
    text = check_status_change(
        FeedbackStatus.DITERIMA,
        FeedbackStatus.SELESAI,
        changed_on=date(2026, 3, 5),
        received_on=RECEIVED,
        resolution=" Petugas  ditegur ",
        today=date(2026, 3, 20),
    )
    assert text == "Petugas ditegur"


def test_repeated_complaints_within_the_window() -> None:
    today = date(2026, 6, 30)
    assert is_repeated([date(2026, 1, 5), date(2026, 6, 1)], today, RULES)
    assert not is_repeated([date(2025, 6, 30), date(2026, 6, 1)], today, RULES)
    assert not is_repeated([date(2026, 6, 1)], today, RULES)


@pytest.mark.parametrize(
    ("received", "group"),
    [
        (date(2026, 6, 30), "0–7 hari"),
        (date(2026, 6, 23), "0–7 hari"),
        (date(2026, 6, 22), "8–14 hari"),
        (date(2026, 5, 31), "15–30 hari"),
        (date(2026, 5, 1), "31–60 hari"),
        (date(2026, 1, 1), "lebih dari 60 hari"),
    ],
)
def test_age_groups(received: date, group: str) -> None:
    assert age_group(received, date(2026, 6, 30)) == group


# --- audit findings ------------------------------------------------------------------------

FOUND = date(2026, 2, 10)


def _finding(**changes: object) -> FindingFields:
    values: dict[str, object] = {
        "source": "INSPEKTORAT",
        "found_on": FOUND,
        "title": "Kas kecil tanpa bukti",
        "condition": "Tiga pengeluaran tanpa kuitansi",
        "recommendation": "Lengkapi bukti",
    }
    values.update(changes)
    return FindingFields(**values)  # type: ignore[arg-type]


def test_finding_gets_default_due_date() -> None:
    valid = validate_finding(_finding(), today=date(2026, 3, 1))
    assert valid.due_on == date(2026, 4, 11)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"due_on": date(2026, 2, 9)}, "due_on"),
        ({"found_on": date(2026, 3, 2)}, "found_on"),
        ({"title": ""}, "title"),
        ({"recommendation": " "}, "recommendation"),
        ({"source": "KPK"}, "source"),
    ],
)
def test_bad_finding_names_the_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationErrors) as raised:
        validate_finding(_finding(**changes), today=date(2026, 3, 1))
    assert field in raised.value.by_field()


def test_follow_up_dated_before_its_finding_is_refused() -> None:
    with pytest.raises(ValidationErrors) as raised:
        check_follow_up(date(2026, 2, 9), "Kuitansi dilengkapi", found_on=FOUND, today=FOUND)
    assert raised.value.by_field()["done_on"].startswith("Tanggal tindak lanjut (9 Februari 2026)")
    assert check_follow_up(FOUND, " Kuitansi dilengkapi ", found_on=FOUND, today=FOUND) == (
        "Kuitansi dilengkapi"
    )
    with pytest.raises(ValidationErrors):
        check_follow_up(date(2026, 2, 11), "x", found_on=FOUND, today=FOUND)


@pytest.mark.parametrize(
    ("status", "follow_ups", "note", "field"),
    [
        (FindingStatus.SELESAI, 0, "", "status"),
        (FindingStatus.TIDAK_DAPAT, 0, "", "note"),
        (FindingStatus.BELUM, 1, "", "status"),
    ],
)
def test_status_rules(status: FindingStatus, follow_ups: int, note: str, field: str) -> None:
    with pytest.raises(ValidationError) as raised:
        check_status(status, follow_ups=follow_ups, note=note)
    assert raised.value.field == field


def test_first_follow_up_starts_the_work() -> None:
    assert status_after_follow_up(FindingStatus.BELUM) is FindingStatus.PROSES
    assert status_after_follow_up(FindingStatus.SELESAI) is FindingStatus.SELESAI


def test_open_finding_overdue_closed_one_judged_on_closing() -> None:
    due = date(2026, 4, 11)
    assert finding_deadline(FindingStatus.PROSES, due, date(2026, 4, 12)).state is (
        DeadlineState.OVERDUE
    )
    assert finding_deadline(FindingStatus.BELUM, due, date(2026, 4, 1)).state is (
        DeadlineState.DUE_SOON
    )
    closed = finding_deadline(FindingStatus.SELESAI, due, date(2026, 9, 1), closed_on=due)
    assert closed.state is DeadlineState.CLOSED
