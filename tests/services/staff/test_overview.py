from __future__ import annotations

from datetime import date

from kinerja_desktop.domain.periods import EvaluationScheme
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.staff.service import StaffInput


def test_overview_counts_staff_per_instansi_and_names_the_running_period(
    services: AppServices,
) -> None:
    root = services.staff.add_unit("Pemkot", None)
    unit = services.staff.add_unit("Kecamatan", root.id)
    other = services.staff.add_unit("Dinas Lain", None)
    fields = StaffFields("198503122010011003", "Ani", "PNS", "III/a", "Analis", "Pelaksana")
    services.staff.create(StaffInput(fields, unit.id, None))
    services.staff.set_appraisal_year(root.id, 2026, EvaluationScheme.SEMESTER)
    by_name = {entry.name: entry for entry in services.staff.overview(date(2026, 11, 28))}
    pemkot, dinas = by_name["Pemkot"], by_name["Dinas Lain"]
    assert (pemkot.active_staff, pemkot.scheme, pemkot.scheme_set) == (
        1,
        EvaluationScheme.SEMESTER,
        True,
    )
    assert pemkot.current_period is not None and pemkot.current_period.code == "S2"
    assert (dinas.active_staff, dinas.scheme_set) == (0, False)
    assert dinas.current_period is not None and dinas.current_period.code == "TW4"
    assert other.id != root.id
