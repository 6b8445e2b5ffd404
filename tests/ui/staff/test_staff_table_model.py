from __future__ import annotations

from PySide6.QtCore import Qt

from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.staff.service import SortKey, StaffFilter
from kinerja_desktop.ui.staff.table_model import COLUMNS, IdRole, StaffTableModel


def test_model_passes_qt_model_tester(office: AppServices, qtmodeltester) -> None:
    model = StaffTableModel(office.staff)
    model.reload()
    qtmodeltester.check(model)


def test_rows_show_formatted_nip_name_and_penilai(office: AppServices, qapp) -> None:
    model = StaffTableModel(office.staff)
    model.set_filter(StaffFilter(text="Dewi"))
    assert model.rowCount() == 1
    values = [model.data(model.index(0, column)) for column in range(len(COLUMNS))]
    assert values == [
        "Dewi Lestari",
        "19920228 201903 2 014",
        "Pengadministrasi Perkantoran",
        "II/d",
        "Kecamatan Kertapati",
        "Siti Rahmawati",
    ]
    assert model.data(model.index(0, 0), IdRole) == model.employee_id(0)


def test_sorting_happens_in_sql_and_can_reverse(office: AppServices, qapp) -> None:
    model = StaffTableModel(office.staff)
    model.reload()
    names = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert names == sorted(names)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.staff_filter.sort is SortKey.NIP
    nips = [model.data(model.index(row, 1)) for row in range(model.rowCount())]
    assert nips == sorted(nips, reverse=True)


def test_rows_are_fetched_lazily_in_batches(office: AppServices, qapp, monkeypatch) -> None:
    calls: list[int] = []
    original = office.staff.list_rows

    def counting(ids):  # type: ignore[no-untyped-def]
        calls.append(len(ids))
        return original(ids)

    monkeypatch.setattr(office.staff, "list_rows", counting)
    model = StaffTableModel(office.staff)
    model.reload()
    assert calls == []  # nothing read until a row is shown
    for row in range(model.rowCount()):
        model.data(model.index(row, 0))
    assert calls == [5]  # one batch served every row
