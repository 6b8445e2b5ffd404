"""The cascade view: the camat's RHK with the staff RHK serving it, and the gaps flagged."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTreeWidgetItem

from kinerja_desktop.domain.skp import Aspek, IkiDraft, Pendekatan, RhkDraft, RhkKind, SkpDraft
from kinerja_desktop.domain.staff import Employee
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.skp.cascade import CascadeService
from kinerja_desktop.ui.skp.cascade_view import (
    FLAG_COLOUR,
    KIND_ROLE,
    UNLINKED_TIP,
    UNSERVED_TIP,
    CascadeView,
)

#: The day the screens take as today.
TODAY = date(2026, 11, 28)

YEAR = 2026


def _people(services: AppServices) -> dict[str, Employee]:
    return {person.name: person for person in services.staff.search_people("", limit=50)}


def _skp(services: AppServices, person: Employee, *rhks: RhkDraft) -> list[int]:
    created = services.skp.create(person.id, YEAR)
    draft = SkpDraft(Pendekatan.KUANTITATIF, rhks)
    return [rhk.id for rhk in services.skp.save(created.id, created.version, draft).rhks]


def _rhk(text: str, parent: int | None = None, kind: RhkKind = RhkKind.UTAMA) -> RhkDraft:
    iki = IkiDraft("Jumlah laporan", "4", "Laporan", aspek=Aspek.KUANTITAS)
    return RhkDraft(text, kind, (iki,), parent_rhk_id=parent)


@pytest.fixture
def planned(office: AppServices) -> AppServices:
    people = _people(office)
    camat = _skp(
        office,
        people["Ahmad Fauzi"],
        _rhk("Meningkatnya kualitas pelayanan kecamatan"),
        _rhk("Terwujudnya ketertiban wilayah"),
    )
    sekcam = _skp(
        office,
        people["Siti Rahmawati"],
        _rhk("Tertibnya administrasi kecamatan", camat[0]),
        _rhk("Rapat koordinasi rutin", kind=RhkKind.TAMBAHAN),
    )
    _skp(
        office,
        people["Rizky Pratama"],
        _rhk("Sistem informasi layanan berjalan", sekcam[0]),
        _rhk("Jaringan kantor terpelihara"),
    )
    return office


@pytest.fixture
def view(qtbot, planned: AppServices) -> CascadeView:
    widget = CascadeView(
        CascadeService(planned.database, AccessGuard.system(planned.database)),
        planned.staff,
        today=lambda: TODAY,
    )
    qtbot.addWidget(widget)
    widget.year.setValue(YEAR)
    return widget


def _find(view: CascadeView, text: str) -> QTreeWidgetItem:
    flags = Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
    (item,) = view.tree.findItems(text, flags, 0)
    return item


def _children(item: QTreeWidgetItem) -> list[str]:
    return [item.child(i).text(0) for i in range(item.childCount())]


def test_the_camats_rhk_shows_the_staff_rhk_under_it(view: CascadeView) -> None:
    assert view.tree.topLevelItemCount() == 1
    camat = view.tree.topLevelItem(0)
    assert (camat.text(0), camat.text(1), camat.text(2)) == (
        "Ahmad Fauzi",
        "Camat Kertapati",
        "SKP Draf",
    )
    assert _children(camat) == [
        "A.1 Meningkatnya kualitas pelayanan kecamatan",
        "A.2 Terwujudnya ketertiban wilayah",
        "Siti Rahmawati",
    ]
    first = camat.child(0)
    assert first.childCount() == 1
    serving = first.child(0)
    assert (serving.text(0), serving.text(1)) == (
        "↳ Tertibnya administrasi kecamatan",
        "Siti Rahmawati",
    )
    assert first.isExpanded()
    # The sekcam's own RHK, with the staff RHK serving it in turn.
    sekcam_rhk = _find(view, "A.1 Tertibnya administrasi kecamatan")
    assert [sekcam_rhk.child(0).text(0), sekcam_rhk.child(0).text(1)] == [
        "↳ Sistem informasi layanan berjalan",
        "Rizky Pratama",
    ]


@pytest.mark.parametrize(
    ("row", "tip"),
    [
        ("A.2 Terwujudnya ketertiban wilayah", UNSERVED_TIP),
        ("A.2 Jaringan kantor terpelihara", UNLINKED_TIP),
    ],
)
def test_flagged_rows_are_marked(view: CascadeView, row: str, tip: str) -> None:
    item = _find(view, row)
    assert item.toolTip(0) == tip
    assert not item.icon(0).isNull()
    assert item.foreground(0).color() == FLAG_COLOUR
    assert item.text(2) == tip


@pytest.mark.parametrize(
    "row",
    [
        "A.1 Meningkatnya kualitas pelayanan kecamatan",
        "A.1 Sistem informasi layanan berjalan",
        "B.1 Rapat koordinasi rutin",  # additional results need not cascade
    ],
)
def test_rows_without_gaps_are_plain(view: CascadeView, row: str) -> None:
    item = _find(view, row)
    assert item.toolTip(0) == ""
    assert item.icon(0).isNull()


def test_people_without_an_skp_and_the_summary(view: CascadeView) -> None:
    dewi = _find(view, "Dewi Lestari")
    assert dewi.text(2) == f"Belum ada SKP {YEAR}"
    assert dewi.childCount() == 0
    assert view.summary.text() == (
        "5 pegawai · 3 dengan SKP · 2 belum ada SKP · 6 RHK · "
        "1 RHK belum mengintervensi RHK atasan · 1 RHK atasan belum didukung RHK staf"
    )


def test_the_year_and_the_unit_choose_what_is_shown(view: CascadeView) -> None:
    view.year.setValue(YEAR - 1)
    assert view.tree.topLevelItem(0).text(2) == f"Belum ada SKP {YEAR - 1}"
    assert view.summary.text().startswith("5 pegawai · 0 dengan SKP")

    view.year.setValue(YEAR)
    view.unit.setCurrentIndex(view.unit.findText("    Kecamatan Kertapati"))
    view.refresh()  # keeps the chosen unit
    assert view.unit.currentText() == "    Kecamatan Kertapati"
    assert view.tree.topLevelItem(0).text(0) == "Ahmad Fauzi"


def test_enter_on_a_person_asks_to_open_them(qtbot, view: CascadeView) -> None:
    view.show()
    rizky = _find(view, "Rizky Pratama")
    view.tree.setFocus()
    view.tree.setCurrentItem(rizky)
    with qtbot.waitSignal(view.employee_requested) as opened:
        qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert opened.args == [rizky.data(0, Qt.ItemDataRole.UserRole)]

    received: list[int] = []
    view.employee_requested.connect(received.append)
    rhk_row = _find(view, "A.2 Jaringan kantor terpelihara")
    assert rhk_row.data(0, KIND_ROLE) == "rhk"
    view.tree.setCurrentItem(rhk_row)
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert received == []


def test_labels_lead_to_the_controls(view: CascadeView) -> None:
    buddies = {label.text(): label.buddy() for label in view.findChildren(QLabel) if label.buddy()}
    assert buddies == {"&Unit kerja:": view.unit, "&Tahun:": view.year}


def test_the_year_starts_at_this_year(qtbot, planned: AppServices) -> None:
    widget = CascadeView(
        CascadeService(planned.database, AccessGuard.system(planned.database)),
        planned.staff,
        today=lambda: date(2031, 1, 1),
    )
    qtbot.addWidget(widget)
    assert widget.year.value() == 2031
