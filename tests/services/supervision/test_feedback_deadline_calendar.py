"""The register counts a complaint's response deadline on the office's calendar (real SQLite)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from kinerja_desktop.domain.supervision.complaints import Channel, FeedbackFields, FeedbackKind
from kinerja_desktop.domain.working_days import DayOffKind
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.supervision.feedback import FeedbackInput, FeedbackService

TODAY = date(2026, 3, 16)


def _holidays(year: int) -> Mapping[date, str]:
    return {date(2026, 3, 19): "Hari Suci Nyepi"} if year == 2026 else {}


def _complaint(received_on: date, respond_by: date | None = None) -> FeedbackInput:
    return FeedbackInput(
        FeedbackFields(
            kind=FeedbackKind.PENGADUAN,
            channel=Channel.LANGSUNG,
            received_on=received_on,
            text="Loket tutup sebelum jam layanan berakhir.",
            respond_by=respond_by,
        ),
        unit_id=None,
        employee_id=None,
    )


def test_response_deadline_skips_holidays_and_office_days_off(services: AppServices) -> None:
    services.calendar.set_office_day(date(2026, 3, 23), DayOffKind.CUTI_BERSAMA, "Cuti bersama")
    register = FeedbackService(services.database, services.access, holidays=_holidays)
    # Monday 16 March + 5 working days: 17, 18, 20, (19 Nyepi, 21-22 weekend, 23 cuti bersama)
    # 24, 25.
    entry = register.record(_complaint(date(2026, 3, 16)), today=TODAY)
    assert entry.respond_by == date(2026, 3, 25)
    # A deadline typed by the user is kept as typed.
    typed = register.record(_complaint(date(2026, 3, 16), date(2026, 3, 18)), today=TODAY)
    assert typed.respond_by == date(2026, 3, 18)


def test_without_holidays_only_weekends_are_skipped(services: AppServices) -> None:
    register = FeedbackService(services.database, services.access, holidays=lambda year: {})
    entry = register.record(_complaint(date(2026, 3, 16)), today=TODAY)
    assert entry.respond_by == date(2026, 3, 23)
