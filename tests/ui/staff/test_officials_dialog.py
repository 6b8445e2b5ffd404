"""Pejabat di luar kantor: the list and its dialog, and the person dialog's choosers."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kinerja_desktop.domain.officials import OfficialFields, OfficialKind
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.ui.staff import officials_dialog
from kinerja_desktop.ui.staff.employee_form import EmployeeDialog
from kinerja_desktop.ui.staff.officials_dialog import OfficialDialog, OfficialsDialog

TODAY = date(2026, 11, 28)
SEKDA = OfficialFields(
    "197001011995031001", "Ratu Dewa", "IV/d", "Sekretaris Daerah", "Pemerintah Kota", "Drs. H."
)
CAMAT_NIP = "197805122003121002"


def test_an_official_is_added_with_each_wrong_field_named_first(office: AppServices, qtbot) -> None:
    dialog = OfficialDialog(office.officials)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.inputs["nip"], "19700101 202121 1 001")  # a PPPK NIP
    qtbot.keyClicks(dialog.inputs["golongan"], "IV/d")
    dialog.buttons.accepted.emit()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.errors["name"].text() == "Nama wajib diisi."
    assert dialog.errors["instansi"].text() == "Instansi wajib diisi."
    assert "PPPK" in dialog.errors["golongan"].text()
    assert office.officials.officials() == []

    for name, text in (
        ("nip", "19700101 199503 1 001"),
        ("name", "Ratu Dewa"),
        ("gelar_depan", "Drs. H."),
        ("jabatan", "Sekretaris Daerah"),
        ("instansi", "Sekretariat Daerah Kota Palembang"),
    ):
        dialog.inputs[name].clear()
        qtbot.keyClicks(dialog.inputs[name], text)
    qtbot.keyClick(dialog.inputs["name"], Qt.Key.Key_Return)  # Enter saves
    assert dialog.result() == dialog.DialogCode.Accepted
    (saved,) = office.officials.officials()
    assert (saved.full_name, saved.nip, saved.golongan) == (
        "Drs. H. Ratu Dewa",
        "197001011995031001",
        "IV/d",
    )


def test_the_list_shows_officials_and_refuses_deleting_a_chosen_one(
    office: AppServices, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    sekda = office.officials.add(SEKDA)
    dialog = OfficialsDialog(office.officials)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "19700101 199503 1 001"
    assert dialog.table.item(0, 2).text() == "Pembina Utama Madya, IV/d"

    camat = office.staff.find_by_nip(CAMAT_NIP)
    assert camat is not None
    form = EmployeeDialog(office.staff, camat, today=lambda: TODAY, officials=office.officials)
    qtbot.addWidget(form)
    form.penilai.clear()
    qtbot.keyClicks(form.penilai, "sekretaris")
    assert sekda.label in form._penilai_model.stringList()
    form.penilai.completer().popup().hide()
    form.penilai.setText(sekda.label)
    form.buttons.accepted.emit()
    assert form.result() == form.DialogCode.Accepted
    assert office.staff.appraisers(camat.id, TODAY).penilai_official == sekda

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(
        officials_dialog.QMessageBox, "critical", lambda _p, _t, text: shown.append(text)
    )
    dialog.table.selectRow(0)
    dialog.delete_button.click()
    assert len(shown) == 1 and "Ahmad Fauzi" in shown[0] and "Pejabat Penilai" in shown[0]
    assert office.officials.officials() == [sekda]


def test_the_person_dialog_loads_and_keeps_an_outside_atasan(office: AppServices, qtbot) -> None:
    sekda = office.officials.add(SEKDA)
    camat = office.staff.find_by_nip(CAMAT_NIP)
    assert camat is not None
    form = EmployeeDialog(office.staff, camat, today=lambda: TODAY, officials=office.officials)
    qtbot.addWidget(form)
    assert form.atasan.itemText(1) == sekda.label
    assert form.atasan.itemText(1).endswith("(luar kantor)")
    form.atasan.setCurrentIndex(1)
    form.buttons.accepted.emit()
    assert office.staff.appraisers(camat.id, TODAY).atasan_official == sekda

    again = EmployeeDialog(
        office.staff, office.staff.get(camat.id), today=lambda: TODAY, officials=office.officials
    )
    qtbot.addWidget(again)
    assert again.atasan.currentData() == sekda.id


def test_a_wali_kota_is_added_as_pejabat_negara_with_nip_and_golongan_off(
    office: AppServices, qtbot
) -> None:
    dialog = OfficialDialog(office.officials)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.inputs["nip"], "19700101 199503 1 001")  # typed first, then not sent
    assert dialog.inputs["nip"].isEnabled() and dialog.inputs["golongan"].isEnabled()
    dialog.kind.setCurrentIndex(dialog.kind.findData("PEJABAT_NEGARA"))
    assert not dialog.inputs["nip"].isEnabled()
    assert not dialog.inputs["golongan"].isEnabled()
    for name, text in (
        ("name", "Rahmat Hidayat"),
        ("gelar_depan", "H."),
        ("jabatan", "Wali Kota Palembang"),
        ("instansi", "Pemerintah Kota Palembang"),
    ):
        qtbot.keyClicks(dialog.inputs[name], text)
    qtbot.keyClick(dialog.inputs["name"], Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    (saved,) = office.officials.officials()
    assert (saved.kind, saved.nip, saved.golongan) == (OfficialKind.PEJABAT_NEGARA, None, None)

    # Opened again it shows the kind with NIP and golongan off; the list shows "-" for them.
    again = OfficialDialog(office.officials, saved)
    qtbot.addWidget(again)
    assert again.kind.currentData() == "PEJABAT_NEGARA"
    assert not again.inputs["nip"].isEnabled()
    listing = OfficialsDialog(office.officials)
    qtbot.addWidget(listing)
    assert [listing.table.item(0, column).text() for column in (1, 2)] == ["-", "-"]
    # Switched back to ASN, the NIP is required again and named.
    again.kind.setCurrentIndex(again.kind.findData("ASN"))
    again.buttons.accepted.emit()
    assert again.result() != again.DialogCode.Accepted
    assert again.errors["nip"].text()
    assert office.officials.officials() == [saved]
