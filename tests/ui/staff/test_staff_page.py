from __future__ import annotations

from datetime import date

from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.ui.staff.page import StaffPage

#: The day the page takes as today.
TODAY = date(2026, 11, 28)


def _names(page: StaffPage) -> list[str]:
    model = page.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def test_search_as_you_type_narrows_the_list(office: AppServices, qtbot) -> None:
    page = StaffPage(office.staff, today=lambda: TODAY)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 5
    qtbot.keyClicks(page.search, "raHMa")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert _names(page) == ["Siti Rahmawati"]
    page.search.clear()
    qtbot.keyClicks(page.search, "19890615 2014")  # the start of a NIP, typed grouped
    qtbot.waitUntil(lambda: _names(page) == ["Rizky Pratama"])
    page.search.clear()
    qtbot.keyClicks(page.search, "pelaksana nonexistent")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.count_label.text() == "0 pegawai ditampilkan"


def test_search_matches_jabatan_and_unit(office: AppServices, qtbot) -> None:
    page = StaffPage(office.staff, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.search.setText("operator")
    page.apply_filter()
    assert _names(page) == ["Muhammad Iqbal"]
    page.search.setText("kertapati")
    page.apply_filter()
    assert page.model.rowCount() == 5


def test_unit_filter_includes_sub_units(office: AppServices, qtbot) -> None:
    kecamatan = next(u for u in office.staff.units() if u.name == "Kecamatan Kertapati")
    seksi = office.staff.add_unit("Seksi Pemerintahan", kecamatan.id)
    page = StaffPage(office.staff, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.unit_filter.setCurrentIndex(page.unit_filter.findData(seksi.id))
    assert page.model.rowCount() == 0
    page.unit_filter.setCurrentIndex(page.unit_filter.findData(kecamatan.id))
    assert page.model.rowCount() == 5


def test_details_show_penilai_atasan_and_nip_grouped(office: AppServices, qtbot) -> None:
    page = StaffPage(office.staff, today=lambda: TODAY)
    qtbot.addWidget(page)
    person = office.staff.find_by_nip("199202282019032014")
    assert person is not None
    page.select(person.id)
    text = page.details.text()
    assert "NIP 19920228 201903 2 014" in text
    assert "Pengatur Tingkat I, II/d" in text
    assert "<b>Pejabat Penilai:</b> Siti Rahmawati" in text
    assert "<b>Atasan Pejabat Penilai:</b> Ahmad Fauzi" in text
    assert "Triwulan I" in text


def test_inactive_people_are_hidden_unless_asked(office: AppServices, qtbot) -> None:
    from kinerja_desktop.domain.staff import EmploymentEventKind

    person = office.staff.find_by_nip("199507092022211005")
    assert person is not None
    office.staff.end_service(person.id, EmploymentEventKind.BERHENTI, date(2026, 3, 1))
    page = StaffPage(office.staff, today=lambda: TODAY)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 4
    page.show_inactive.setChecked(True)
    assert "Muhammad Iqbal (nonaktif)" in _names(page)


def test_a_repeated_weak_spot_is_flagged_on_the_person(services: AppServices, qtbot) -> None:
    from kinerja_desktop.demo import write_demo

    write_demo(services.database, today=TODAY)
    # The demo's administration officer has one from journal entries (with a core value);
    # a second officer's comes from the ratings alone.
    spots = [
        person
        for person in services.staff.search_people("", 100)
        if any(
            spot.value is not None for spot in services.journal.weak_spots(person.id, TODAY.year)
        )
    ]
    assert len(spots) == 1
    page = StaffPage(services.staff, journal=services.journal, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.select(spots[0].id)
    assert "Perilaku yang perlu dikembangkan (berulang)" in page.details.text()
    assert "Ramah, cekatan, solutif, dan dapat diandalkan" in page.details.text()
