from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from kinerja_desktop.domain.staff import EmploymentEventKind
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.ui.staff.end_service_dialog import EndServiceDialog

#: The day the screens take as today.
TODAY = date(2026, 11, 28)


def test_retiring_someone_keeps_the_record(office: AppServices, qtbot) -> None:
    person = office.staff.find_by_nip("199202282019032014")
    assert person is not None
    dialog = EndServiceDialog(office.staff, person, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.date.setDate(QDate(2026, 10, 31))
    dialog.note.setText("SK 800/123/2026")
    dialog.buttons.accepted.emit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert not office.staff.get(person.id).active
    last = office.staff.history(person.id)[-1]
    assert (last.kind, last.event_date, last.note) == (
        EmploymentEventKind.PENSIUN,
        date(2026, 10, 31),
        "SK 800/123/2026",
    )
