from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.ui.staff.employee_form import EmployeeDialog

#: The day the screens take as today.
TODAY = date(2026, 11, 28)


def _fill(qtbot, dialog: EmployeeDialog, **values: str) -> None:
    for name, text in values.items():
        widget = getattr(dialog, name)
        widget.clear()
        qtbot.keyClicks(widget, text)


def test_add_employee_through_the_form(office: AppServices, qtbot) -> None:
    dialog = EmployeeDialog(office.staff, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(qtbot, dialog, nip="19900101 201501 2 007", name="Rina Marlina", jabatan="Analis SDM")
    dialog.golongan.setCurrentIndex(dialog.golongan.findData("III/a"))
    dialog.jabatan_kind.setCurrentIndex(dialog.jabatan_kind.findData("PELAKSANA"))
    qtbot.keyClicks(dialog.penilai, "Siti")
    assert dialog._penilai_model.stringList() == ["Siti Rahmawati — 19810304 200604 2 011"]
    dialog.penilai.completer().popup().hide()
    dialog.penilai.setText("Siti Rahmawati — 19810304 200604 2 011")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter saves
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = office.staff.find_by_nip("199001012015012007")
    assert saved is not None
    assert saved.name == "Rina Marlina"
    assert saved.golongan == "III/a"
    penilai = office.staff.get(saved.penilai_id or 0)
    assert penilai.name == "Siti Rahmawati"


def test_messages_appear_next_to_each_wrong_field(office: AppServices, qtbot) -> None:
    dialog = EmployeeDialog(office.staff, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    _fill(qtbot, dialog, nip="1.98503E+17", name="", jabatan="Staf")
    dialog.status.setCurrentIndex(dialog.status.findData("PPPK"))
    dialog.buttons.accepted.emit()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "angka" in dialog.errors["nip"].text().lower()
    assert dialog.errors["nip"].isVisibleTo(dialog)
    assert dialog.errors["name"].text() == "Nama wajib diisi."
    assert dialog.errors["jabatan"].text() == ""
    assert office.staff.count() == 5  # nothing saved


def test_duplicate_nip_and_cycle_are_refused(office: AppServices, qtbot) -> None:
    camat = office.staff.find_by_nip("197805122003121002")
    assert camat is not None
    dialog = EmployeeDialog(office.staff, camat, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.penilai.setText("19920228 201903 2 014")  # Dewi, appraised by the camat's own staff
    dialog.buttons.accepted.emit()
    assert "berputar" in dialog.errors["penilai"].text()
    assert office.staff.get(camat.id).penilai_id is None


def test_editing_keeps_history_of_a_move(office: AppServices, qtbot) -> None:
    person = office.staff.find_by_nip("199202282019032014")
    assert person is not None
    new_unit = office.staff.add_unit("Seksi Pelayanan Umum", person.unit_id)
    dialog = EmployeeDialog(office.staff, person, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.unit.setCurrentIndex(dialog.unit.findData(new_unit.id))
    dialog.buttons.accepted.emit()
    assert dialog.result() == dialog.DialogCode.Accepted
    kinds = [event.kind.value for event in office.staff.history(person.id)]
    assert kinds == ["MASUK", "MUTASI"]


def test_a_newcomer_gets_a_joining_date_and_a_partial_period(office: AppServices, qtbot) -> None:
    from datetime import date

    from PySide6.QtCore import QDate

    dialog = EmployeeDialog(office.staff, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    assert not dialog.effective_date.isEnabled()  # an existing colleague: no date by default
    _fill(qtbot, dialog, nip="19900101 201501 2 007", name="Rina Marlina", jabatan="Analis SDM")
    dialog.jabatan_kind.setCurrentIndex(dialog.jabatan_kind.findData("PELAKSANA"))
    dialog.newcomer.setChecked(True)
    dialog.effective_date.setDate(QDate(2026, 6, 1))
    dialog.buttons.accepted.emit()
    saved = office.staff.find_by_nip("199001012015012007")
    assert saved is not None
    assert [(e.kind.value, e.event_date) for e in office.staff.history(saved.id)] == [
        ("MASUK", date(2026, 6, 1))
    ]
    assert office.staff.periods_for(saved.id, 2026)[0].code == "TW2"
