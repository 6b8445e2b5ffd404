"""Beranda's month of the daily log per unit, on a real SQLite file."""

from __future__ import annotations

from progress_office import Office, entry

from kinerja_desktop.services.progress.office_month import NO_UNIT


def _fill(office: Office, employee_id: int, rhk_id: int, every_day: bool) -> int:
    """Submit an entry on every working day of the month so far (or on the first only)."""
    progress = office.services.progress
    missing = progress.month_completeness(employee_id, 2026, 3).missing
    days = missing if every_day else missing[:1]
    added = [progress.add(employee_id, entry(rhk_id, day)) for day in days]
    progress.submit([found.id for found in added])
    return len(missing)


def test_nobody_keeping_a_log_is_an_empty_month(progress_office: Office) -> None:
    month = progress_office.services.progress.office_month()
    assert (month.year, month.month, month.units) == (2026, 3, ())


def test_units_add_up_their_people_and_name_those_below_the_threshold(
    progress_office: Office,
) -> None:
    office = progress_office
    working = _fill(office, office.rizky, office.rizky_rhks[0], every_day=True)
    _fill(office, office.dewi, office.dewi_rhks[0], every_day=False)
    month = office.services.progress.office_month()
    # Only the two who keep a log are counted; Siti (same seksi) and Ahmad keep none.
    (seksi,) = month.units
    assert (seksi.unit_name, seksi.people) == ("Seksi Pelayanan", 2)
    assert (seksi.working_days, seksi.filled_days) == (2 * working, working + 1)
    assert seksi.percent == (working + 1) * 100 // (2 * working)
    (dewi,) = seksi.below
    assert (dewi.name, dewi.completeness.filled_days) == ("Dewi Lestari", 1)
    assert month.threshold == 80
    # A lower threshold names nobody.
    assert office.services.progress.office_month(threshold=5).units[0].below == ()


def test_an_account_sees_only_its_people(progress_office: Office) -> None:
    office = progress_office
    _fill(office, office.rizky, office.rizky_rhks[0], every_day=False)
    _fill(office, office.dewi, office.dewi_rhks[0], every_day=False)
    office.sign_in(office.rizky)
    (unit,) = office.services.progress.office_month().units
    assert unit.people == 1 and [row.name for row in unit.below] == ["Rizky Pratama"]
    assert unit.unit_name != NO_UNIT
