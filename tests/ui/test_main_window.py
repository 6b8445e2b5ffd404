from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu

from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.ui.application import configure_application
from kinerja_desktop.ui.main_window import BERANDA, PEGAWAI, STRUKTUR, MainWindow
from kinerja_desktop.ui.staff.structure_page import StructurePage

#: The day the window takes as today, and the demo is written for.
TODAY = date(2026, 11, 28)


def test_home_page_lists_what_needs_attention(office: AppServices, qtbot, qapp) -> None:
    configure_application(qapp)
    window = MainWindow(office, today=lambda: TODAY)
    qtbot.addWidget(window)
    assert window.pages.currentIndex() == BERANDA
    qtbot.waitUntil(lambda: not window.home.loading)  # the checks run off the GUI thread
    texts = [window.home.items.item(i).text() for i in range(window.home.items.count())]
    assert any("Tahun penilaian" in text for text in texts)


def test_shortcuts_navigate_and_focus_search(office: AppServices, qtbot, qapp) -> None:
    configure_application(qapp)
    window = MainWindow(office, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    shortcuts = {
        action.text(): action.shortcut().toString()
        for menu in window.menuBar().findChildren(QMenu)
        for action in menu.actions()
        if not action.isSeparator() and action.menu() is None
    }
    assert shortcuts == {
        "&Impor pegawai…": "Ctrl+I",
        "&Keluar": "Ctrl+Q",
        "&Tambah pegawai": "Ctrl+N",
        "&Ubah pegawai terpilih": "F2",
        "&Nonaktifkan pegawai…": "Ctrl+Shift+D",
        "Aktifkan &kembali": "Ctrl+Shift+A",
        "&Cari pegawai": "Ctrl+F",
        "Buka &SKP pegawai terpilih": "Ctrl+K",
        "Catatan &perilaku baru…": "Ctrl+J",
        "Progres &harian baru…": "Ctrl+H",
        "Beranda": "Ctrl+1",
        "Pegawai": "Ctrl+2",
        "SKP": "Ctrl+3",
        "Evaluasi": "Ctrl+4",
        "Perilaku": "Ctrl+5",
        "Kompetensi && Pengembangan": "Ctrl+6",  # && shows one & in a menu
        "Pengawasan": "Ctrl+7",
        "Sebaran Predikat": "Ctrl+8",
        "Cetak": "Ctrl+9",
        "Struktur": "Ctrl+0",
        "Progres Harian": "",  # past the ten digits; reached from the list or the menu
        "Pengaturan": "Ctrl+,",
    }
    # The offscreen platform has no active window to route key shortcuts, so trigger them.
    window.find_action.trigger()
    assert window.pages.currentIndex() == PEGAWAI
    assert window.staff_page.search.hasFocus() or not window.isActiveWindow()
    go_structure = next(a for a in window.actions() if a.text() == "Struktur")
    go_structure.trigger()
    assert window.pages.currentIndex() == STRUKTUR
    assert isinstance(window.pages.currentWidget(), StructurePage)


def test_structure_page_shows_who_appraises_whom(office: AppServices, qtbot, qapp) -> None:
    page = StructurePage(office.staff)
    qtbot.addWidget(page)
    assert page.people.topLevelItemCount() == 1
    camat = page.people.topLevelItem(0)
    assert camat.text(0) == "Ahmad Fauzi"
    sekcam = camat.child(0)
    assert sekcam.text(0) == "Siti Rahmawati"
    assert sorted(sekcam.child(i).text(0) for i in range(sekcam.childCount())) == [
        "Dewi Lestari",
        "Muhammad Iqbal",
        "Rizky Pratama",
    ]


def test_window_layout_is_remembered(office: AppServices, qtbot, qapp) -> None:
    configure_application(qapp)
    window = MainWindow(office, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    window.resize(900, 640)
    window.staff_page.table.setColumnWidth(0, 333)
    window.close()
    assert QSettings().value("main_window/geometry") is not None
    again = MainWindow(office, today=lambda: TODAY)
    qtbot.addWidget(again)
    assert again.staff_page.table.columnWidth(0) == 333


def test_every_page_opens_and_a_person_s_skp_opens_from_the_list(
    services: AppServices, qtbot, qapp
) -> None:
    from kinerja_desktop.demo import write_demo
    from kinerja_desktop.ui.main_window import EVALUASI, PAGES, SKP

    configure_application(qapp)
    write_demo(services.database, today=TODAY)
    window = MainWindow(services, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    for page in range(len(PAGES)):
        window.go(page)
        assert window.pages.currentIndex() == page
    window.go(PEGAWAI)
    person = window.staff_page.selected_id()
    assert person is not None
    window.skp_action.trigger()
    assert window.pages.currentIndex() == SKP
    editor = window.skp_editor
    assert editor.current_skp is not None and editor.current_skp.employee_id == person
    assert editor.is_read_only()  # the demo's SKPs are agreed
    window.go(EVALUASI)
    qtbot.waitUntil(lambda: not window.home.loading)


def test_every_page_fits_a_1366_pixel_laptop_screen(services: AppServices, qtbot, qapp) -> None:
    """Long unit paths and survey names must not force the window wider than the screen."""
    from kinerja_desktop.demo import write_demo
    from kinerja_desktop.ui.main_window import PAGES

    write_demo(services.database, employees=40, today=TODAY)
    window = MainWindow(services, today=lambda: TODAY)
    qtbot.addWidget(window)
    for page in range(len(PAGES)):
        window.go(page)
    assert window.minimumSizeHint().width() <= 1366
