"""The demo's daily progress log: a handful of people, three weeks, all four statuses."""

from __future__ import annotations

from datetime import date

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.access import Principal, Role
from kinerja_desktop.domain.progress import ProgressStatus
from kinerja_desktop.services.app_services import AppServices

TODAY = date(2026, 11, 28)


def test_the_demo_log_shows_every_status_to_the_kasi(services: AppServices) -> None:
    summary = write_demo(services.database, today=TODAY)
    assert "Progres harian: " in str(summary)
    kasi = next(a for a in services.accounts.accounts() if a.user_name == "kasi")
    assert kasi.employee_id is not None
    services.access.sign_in(Principal("kasi", "Kasi", Role.PENILAI, employee_id=kasi.employee_id))
    unit = services.staff.get(kasi.employee_id).unit_id
    month = services.progress.unit_completeness(unit, 2026, 11)
    keeping = [row for row in month.people if row.completeness.filled_days]
    assert len(keeping) == 5

    statuses = {
        entry.status
        for row in keeping
        for day in (date(2026, 11, 9), date(2026, 11, 12), date(2026, 11, 26), date(2026, 11, 27))
        for entry in services.progress.week(row.employee_id, day).days[day.weekday()].entries
    }
    assert statuses == set(ProgressStatus)
    week = services.progress.week(keeping[0].employee_id, date(2026, 11, 27))
    assert week.may_review and not any(d.entries for d in week.days if d.day_off)
