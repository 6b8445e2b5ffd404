"""Every page and every dialog fits an office laptop's 1280x720 screen and draws nothing clipped.

The window frame and title bar take about 30 pixels, so the client area is 1280x690. A page or
a dialog asking for more would be pushed off the screen, or squeezed until its parts overlap.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from ekinerja_recap_files import write_recap
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

import kinerja_desktop.ui
from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.connections import ConnectionProfile, SslMode
from kinerja_desktop.domain.staff import Employee
from kinerja_desktop.paths import connections_file
from kinerja_desktop.reports.content import FormKind
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.development.competence import CompetenceLine
from kinerja_desktop.services.development.service import ItemInput
from kinerja_desktop.services.platform.connections import ConnectionStore
from kinerja_desktop.services.platform.server_passwords import ServerPasswords
from kinerja_desktop.services.printing.request import PrintRequest
from kinerja_desktop.services.supervision.feedback import FeedbackEntry
from kinerja_desktop.services.supervision.findings import Finding
from kinerja_desktop.ui.accounts.accounts_section import (
    AccountDialog,
    AccountsSection,
    ResetPasswordDialog,
)
from kinerja_desktop.ui.accounts.idle_lock import LockDialog
from kinerja_desktop.ui.accounts.sign_in import AdminSetupDialog, SignInDialog
from kinerja_desktop.ui.application import configure_application
from kinerja_desktop.ui.common import SHORT_COLUMN_FLOOR, WINDOW_FRAME_HEIGHT, ReasonDialog
from kinerja_desktop.ui.development.dialogs import (
    HistoryDialog,
    PlanItemDialog,
    RateDialog,
    StandardDialog,
    TechnicalDialog,
)
from kinerja_desktop.ui.development.page import CompetencePage
from kinerja_desktop.ui.evaluation.ekinerja_recap_dialog import RecapComparisonDialog
from kinerja_desktop.ui.evaluation.evidence_dialog import EvidenceDialog
from kinerja_desktop.ui.evaluation.journal_page import COLUMNS as JOURNAL_COLUMNS
from kinerja_desktop.ui.evaluation.journal_page import JournalPage
from kinerja_desktop.ui.evaluation.progress_draft_dialog import ProgressDraftDialog
from kinerja_desktop.ui.evaluation.quick_entry import QuickEntryDialog
from kinerja_desktop.ui.evaluation.seal_dialogs import ReopenDialog, SignDialog
from kinerja_desktop.ui.first_start import FirstStartDialog
from kinerja_desktop.ui.handover.dialog import HandoverPreviewDialog
from kinerja_desktop.ui.home.people_dialog import PeopleDialog
from kinerja_desktop.ui.hub.intake_dialog import HubIntakeDialog
from kinerja_desktop.ui.hub.recap_dialog import HubRecapDialog
from kinerja_desktop.ui.main_window import (
    KOMPETENSI,
    PAGES,
    PENGATURAN,
    PENGAWASAN,
    PERILAKU,
    SKP,
    MainWindow,
)
from kinerja_desktop.ui.printing.pdf_preview import DocumentPreviewDialog
from kinerja_desktop.ui.progress.ekinerja_dialog import EkinerjaExportDialog
from kinerja_desktop.ui.progress.entry_dialog import EntryDialog
from kinerja_desktop.ui.progress.return_dialog import ReturnDialog
from kinerja_desktop.ui.settings.connection_dialog import ConnectionDialog
from kinerja_desktop.ui.settings.server_password_dialog import ServerPasswordDialog
from kinerja_desktop.ui.skp.dialogs import AgreeDialog, RevisionDialog, VersionsDialog
from kinerja_desktop.ui.skp.tools import PeopleChoiceDialog
from kinerja_desktop.ui.staff.employee_form import EmployeeDialog
from kinerja_desktop.ui.staff.end_service_dialog import EndServiceDialog
from kinerja_desktop.ui.staff.import_dialog import ImportDialog
from kinerja_desktop.ui.staff.officials_dialog import OfficialDialog, OfficialsDialog
from kinerja_desktop.ui.supervision.findings_tab import COLUMNS as FINDING_COLUMNS
from kinerja_desktop.ui.supervision.findings_tab import FindingDialog, FollowUpDialog, LinkDialog
from kinerja_desktop.ui.supervision.kiosk_window import KioskStartDialog
from kinerja_desktop.ui.supervision.page import SupervisionPage
from kinerja_desktop.ui.supervision.register_tab import COLUMNS as REGISTER_COLUMNS
from kinerja_desktop.ui.supervision.register_tab import FeedbackDialog, ObservationDialog
from kinerja_desktop.ui.supervision.removal_dialog import RemovalDialog
from kinerja_desktop.ui.supervision.survey_report_dialog import SurveyReportDialog
from kinerja_desktop.ui.supervision.survey_tab import ITEM_COLUMNS

#: The day the demo is written for and the window takes as today.
TODAY = date(2026, 11, 28)
#: What a 1280x720 screen leaves for a window's client area under its title bar.
SCREEN = QSize(1280, 690)
ADMIN_PASSWORD = "Kantor-Kertapati-2026"
#: Qt's standard button texts in English, which no dialog may show.
ENGLISH_BUTTONS = {"Cancel", "Yes", "No", "Save", "Discard", "Close", "Apply", "Open"}
SAMPLES = Path(__file__).parent.parent / "samples"


@pytest.fixture(scope="module")
def office_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo office with an admin account, written once for this module."""
    folder = tmp_path_factory.mktemp("fit-office")
    services = open_services(folder / "kantor.sqlite")
    try:
        write_demo(services.database, employees=12, today=TODAY)
        services.accounts.create_first_admin(
            "admin", "Admin Kantor", ADMIN_PASSWORD, ADMIN_PASSWORD
        )
    finally:
        services.close()
    return folder


@pytest.fixture
def demo_office(office_template: Path, tmp_path: Path) -> Iterator[AppServices]:
    """A copy of the demo office, signed in as admin (who sees every page and section)."""
    folder = tmp_path / "office"
    shutil.copytree(office_template, folder)
    services = open_services(folder / "kantor.sqlite", today=lambda: TODAY)
    services.accounts.sign_in("admin", ADMIN_PASSWORD)
    yield services
    services.close()


def _needs(widget: QWidget) -> QSize:
    return widget.minimumSizeHint().expandedTo(widget.minimumSize())


def _too_big(size: QSize) -> bool:
    return size.width() > SCREEN.width() or size.height() > SCREEN.height()


def _views(window: MainWindow, services: AppServices) -> Iterator[str]:
    """Open every page and every tab on it, with a person shown where a page shows one."""
    person = services.evaluation.people(TODAY.year)[0]
    for position, name in enumerate(PAGES):
        window.go(position)
        if position == SKP:
            window.show_skp(person.employee_id)
        page = window.pages.currentWidget()
        if position == KOMPETENSI:
            page.findChild(CompetencePage).show_person(person.employee_id)
        yield name
        for tabs in [page, *page.findChildren(QTabWidget)]:
            if not isinstance(tabs, QTabWidget):
                continue
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                yield f"{name} › {tabs.tabText(index).replace('&', '')}"
            tabs.setCurrentIndex(0)


def test_every_page_fits_a_1280x720_screen(demo_office: AppServices, qtbot: QtBot, qapp) -> None:
    configure_application(qapp)
    window = MainWindow(demo_office, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(SCREEN)
    window.show()
    too_big = {}
    for view in _views(window, demo_office):
        qapp.processEvents()
        needs = _needs(window)
        if _too_big(needs):
            too_big[view] = f"{needs.width()}x{needs.height()}"
    assert too_big == {}
    # Back on Beranda the window asks only for what Beranda needs, whatever was opened before.
    window.go(0)
    assert _needs(window.pages) == _needs(window.home)


def test_the_accounts_area_of_pengaturan_draws_nothing_over_another(
    demo_office: AppServices, qtbot: QtBot, qapp
) -> None:
    configure_application(qapp)
    window = MainWindow(demo_office, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(SCREEN)
    window.show()
    qtbot.waitExposed(window)
    window.go(PENGATURAN)
    qapp.processEvents()
    section = window.pages.currentWidget().findChild(AccountsSection)
    assert section is not None and section.isVisible()
    parts = [child for child in section.findChildren(QWidget) if child.parent() is section]
    parts = [child for child in parts if child.isVisible()]
    assert len(parts) >= 6  # the note, the table and four buttons
    for index, first in enumerate(parts):
        assert first.height() >= _needs(first).height(), type(first).__name__
        for second in parts[index + 1 :]:
            assert not first.geometry().intersects(second.geometry()), (
                type(first).__name__,
                type(second).__name__,
            )
    _assert_no_clipped_label(window.pages.currentWidget())


def test_long_text_columns_keep_room_to_be_read(
    demo_office: AppServices, qtbot: QtBot, qapp
) -> None:
    """The journal's Uraian, a complaint's Isi, a finding and a survey unsur are not cut to a
    word or two by the short columns beside them."""
    configure_application(qapp)
    window = MainWindow(demo_office, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(SCREEN)
    window.show()
    qtbot.waitExposed(window)
    window.go(PERILAKU)
    journal = window.pages.currentWidget()
    assert isinstance(journal, JournalPage)
    window.go(PENGAWASAN)
    supervision = window.pages.currentWidget()
    assert isinstance(supervision, SupervisionPage)
    tables = {
        "Uraian": (journal, journal.table, JOURNAL_COLUMNS.index("Uraian")),
        "Isi": (supervision.register, supervision.register.table, REGISTER_COLUMNS.index("Isi")),
        "Temuan": (
            supervision.findings,
            supervision.findings.table,
            FINDING_COLUMNS.index("Temuan"),
        ),
        "Unsur": (supervision.surveys, supervision.surveys.items, ITEM_COLUMNS.index("Unsur")),
    }
    for name, (tab, table, column) in tables.items():
        if tab is journal:
            window.go(PERILAKU)
        else:
            window.go(PENGAWASAN)
            supervision.tabs.setCurrentWidget(tab)
        qapp.processEvents()
        assert table.rowCount() > 0, name
        # common.LONG_TEXT_SHARE of the width, less what the short columns' floors need.
        width = table.columnWidth(column)
        share = width / table.viewport().width()
        assert share >= 0.3 and width >= 200, f"{name}: {width} px, {share:.0%} of the width"
        # The short columns keep at least their floor: a date is never cut.
        for other in range(table.columnCount()):
            if other != column:
                assert table.columnWidth(other) >= min(
                    table.sizeHintForColumn(other), SHORT_COLUMN_FLOOR
                ), (name, other)


def _assert_no_clipped_label(root: QWidget) -> None:
    """Every visible word-wrapped label is as tall as its text needs at its width."""
    for label in root.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            needed = label.heightForWidth(label.width())
            assert label.height() >= needed, label.text()[:60]


# --- dialogs -----------------------------------------------------------------------------------


Factory = Callable[[AppServices, QWidget], QDialog]


def _person(services: AppServices) -> tuple[int, int]:
    """A person with an agreed SKP this year: (employee id, SKP id)."""
    person = services.evaluation.people(TODAY.year)[0]
    return person.employee_id, person.skp_id


def _competence_line(services: AppServices) -> tuple[int, CompetenceLine]:
    employee_id, _ = _person(services)
    profile = services.competence.profile(employee_id, TODAY)
    # The longest level description is the one most likely to be clipped.
    return employee_id, max(profile.lines, key=lambda line: max(map(len, line.competence.levels)))


def _evidence(services: AppServices, parent: QWidget) -> QDialog:
    _, skp_id = _person(services)
    period = services.evaluation.periods(skp_id)[0]
    evaluation = services.evaluation.evaluation(skp_id, period.code)
    indicator = evaluation.rhks[0].indicators[0]
    return EvidenceDialog(
        services.evaluation, indicator, period, editable=True, today=TODAY, parent=parent
    )


def _handover(services: AppServices, parent: QWidget) -> QDialog:
    package = services.database_path.parent / "paket.zip"
    services.handover.export(package)
    return HandoverPreviewDialog(services.handover.preview(package), parent)


def _preview(services: AppServices, parent: QWidget) -> QDialog:
    employee_id, _ = _person(services)
    request = PrintRequest(FormKind.SKP, TODAY.year, TODAY, employee_id=employee_id)
    return DocumentPreviewDialog(services.printing, request, "skp.pdf", parent)


def _import(services: AppServices, parent: QWidget) -> QDialog:
    dialog = ImportDialog(services.importer, SAMPLES / "pegawai-contoh.csv", parent)
    dialog.load()
    return dialog


def _recap(services: AppServices, parent: QWidget) -> QDialog:
    people = services.staff.search_people("", 12)
    words = ("Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Luar biasa")
    rows: list[tuple[object, ...]] = [
        (person.nip, person.full_name, "false", "2026-12-31", words[n % len(words)])
        for n, person in enumerate(people)
    ]
    rows += [
        ("198501012010011001", "Pegawai Pindahan Dari Kabupaten Lain", "false", "2026-12-31", ""),
        (1.98501012010011e17, "NIP Tersimpan Sebagai Angka", "false", "2026-12-31", "Baik"),
        (people[0].nip, people[0].full_name, "true", "2026-12-31", "Baik"),
    ]
    recap = write_recap(services.database_path.parent / "rekap.xlsx", rows)
    comparison = services.distribution.ekinerja_recap.compare(recap, TODAY.year)
    return RecapComparisonDialog(comparison, parent)


def _feedback(services: AppServices) -> FeedbackEntry:
    return services.supervision.feedback.entries()[0]


def _finding(services: AppServices) -> Finding:
    return services.supervision.findings.findings()[0]


def _employee(services: AppServices) -> Employee:
    return services.staff.get(_person(services)[0])


#: A server connection with long names, for the server dialogs.
SERVER = ConnectionProfile(
    "Server Badan Kepegawaian dan Pengembangan SDM",
    "server-kepegawaian.pemkab-contoh.go.id",
    5432,
    "kinerja_badan_kepegawaian_daerah",
    "pengelola_kepegawaian",
    SslMode.VERIFY_FULL,
)

DIALOGS: dict[str, Factory] = {
    "SignDialog": lambda s, p: SignDialog(
        "Triwulan I", lambda _day: None, p, today=TODAY, warnings=("Rating berbeda dari usulan.",)
    ),
    "ReopenDialog": lambda s, p: ReopenDialog("Triwulan I", lambda _why: None, p),
    "QuickEntryDialog": lambda s, p: QuickEntryDialog(
        s.journal, s.staff, p, employee_id=_person(s)[0], today=lambda: TODAY
    ),
    "EvidenceDialog": _evidence,
    "PeopleChoiceDialog": lambda s, p: PeopleChoiceDialog(
        "Bagikan RHK ke staf",
        "Pilih staf yang menerima RHK ini.",
        [_employee(s)],
        several=True,
        parent=p,
    ),
    "AgreeDialog": lambda s, p: AgreeDialog(TODAY, p),
    "RevisionDialog": lambda s, p: RevisionDialog(lambda _why: None, p),
    "VersionsDialog": lambda s, p: VersionsDialog(s.skp, _person(s)[1], p),
    "HandoverPreviewDialog": _handover,
    "RateDialog": lambda s, p: RateDialog(s.competence, *_competence_line(s), p, today=TODAY),
    "PlanItemDialog": lambda s, p: PlanItemDialog(
        "Tambah kegiatan pengembangan",
        ItemInput(addresses="", title="", path=None, jp=""),
        lambda _entry: None,
        p,
    ),
    "StandardDialog": lambda s, p: StandardDialog(
        "Pengolah Data dan Informasi", _competence_line(s)[1], lambda _level: None, p
    ),
    "HistoryDialog": lambda s, p: HistoryDialog(_competence_line(s)[1].competence, [], p),
    "TechnicalDialog": lambda s, p: TechnicalDialog(
        "Pengolah Data dan Informasi", lambda *_args: None, p
    ),
    "KioskStartDialog": lambda s, p: KioskStartDialog(s.supervision.surveys.surveys(), p),
    "FindingDialog": lambda s, p: FindingDialog(
        s.supervision.findings, s.supervision.surveys, s.staff, p, today=lambda: TODAY
    ),
    "FollowUpDialog": lambda s, p: FollowUpDialog(
        s.supervision.findings, _finding(s), p, today=lambda: TODAY
    ),
    "LinkDialog": lambda s, p: LinkDialog(s.supervision.findings, s.staff, _finding(s), p),
    "RemovalDialog": lambda s, p: RemovalDialog(_feedback(s), lambda _why: None, p),
    "ReasonDialog": lambda s, p: ReasonDialog(
        "Hapus catatan perilaku Dewi Lestari tanggal 2 Maret 2026 (Akuntabel, negatif)? "
        "Penghapusan, isi catatan dan alasannya dicatat di catatan audit; rating yang "
        "diusulkan dari jurnal ikut berubah.",
        lambda _why: None,
        p,
        title="Hapus catatan perilaku",
        placeholder="Mis. tercatat dua kali, salah pegawai",
    ),
    "FeedbackDialog": lambda s, p: FeedbackDialog(
        s.supervision.feedback,
        s.supervision.surveys,
        s.staff,
        p,
        existing=_feedback(s),
        today=lambda: TODAY,
    ),
    "ObservationDialog": lambda s, p: ObservationDialog(_feedback(s), p),
    "SurveyReportDialog": lambda s, p: SurveyReportDialog(
        s.supervision.surveys, s.supervision.surveys.surveys()[0].id, p
    ),
    "PeopleDialog": lambda s, p: PeopleDialog(
        "Belum ada SKP disepakati",
        "Seksi Kesejahteraan Sosial, Triwulan IV 2026: 2 pegawai belum.",
        [(_employee(s).id, _employee(s).full_name, _employee(s).nip)] * 30,
        p,
    ),
    "OfficialsDialog": lambda s, p: OfficialsDialog(s.officials, p),
    "OfficialDialog": lambda s, p: OfficialDialog(s.officials, None, p),
    "EmployeeDialog": lambda s, p: EmployeeDialog(s.staff, _employee(s), p, today=lambda: TODAY),
    "ImportDialog": _import,
    "EndServiceDialog": lambda s, p: EndServiceDialog(
        s.staff, _employee(s), p, today=lambda: TODAY
    ),
    "DocumentPreviewDialog": _preview,
    "FirstStartDialog": lambda s, p: FirstStartDialog(p),
    "AccountDialog": lambda s, p: AccountDialog(s.accounts, s.staff, p),
    "ResetPasswordDialog": lambda s, p: ResetPasswordDialog(
        s.accounts, s.accounts.accounts()[0], p
    ),
    "LockDialog": lambda s, p: LockDialog(s.accounts, p),
    "ConnectionDialog": lambda s, p: ConnectionDialog(
        ConnectionStore(connections_file()), ServerPasswords(), SERVER, p
    ),
    "ServerPasswordDialog": lambda s, p: ServerPasswordDialog(
        SERVER, "Server basis data menolak login: periksa nama pengguna dan kata sandi.", p
    ),
    "AdminSetupDialog": lambda s, p: AdminSetupDialog(s.accounts, p),
    "SignInDialog": lambda s, p: SignInDialog(s.accounts, p, file_name="kantor.sqlite"),
    "EntryDialog": lambda s, p: EntryDialog(
        s.progress,
        _person(s)[0],
        tuple(s.progress.rhk_choices(_person(s)[0], TODAY.year)),
        TODAY,
        p,
    ),
    "ReturnDialog": lambda s, p: ReturnDialog(s.progress, [1], p),
    "EkinerjaExportDialog": lambda s, p: EkinerjaExportDialog(
        s.progress, s.staff, p, employee_id=_person(s)[0], today=lambda: TODAY
    ),
    "RecapComparisonDialog": _recap,
    "HubRecapDialog": lambda s, p: HubRecapDialog(s.hub_recap, p, today=lambda: TODAY),
    "HubIntakeDialog": lambda s, p: HubIntakeDialog(s.hub_intake, p),
    "ProgressDraftDialog": lambda s, p: ProgressDraftDialog(
        s.progress, s.evaluation, _person(s)[1], "TW1", p
    ),
}


def _app_dialogs() -> set[str]:
    """The names of the app's own dialog classes (private bases left out)."""
    found = set()
    for module_info in pkgutil.walk_packages(
        kinerja_desktop.ui.__path__, f"{kinerja_desktop.ui.__name__}."
    ):
        module = importlib.import_module(module_info.name)
        for name, value in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(value, QDialog)
                and value.__module__ == module.__name__
                and not name.startswith("_")
            ):
                found.add(name)
    return found


def test_every_dialog_of_the_app_is_measured() -> None:
    assert _app_dialogs() == set(DIALOGS), "add a factory for each new dialog to DIALOGS"


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_every_dialog_fits_a_1280x720_screen_and_clips_no_text(
    name: str, demo_office: AppServices, qtbot: QtBot, qapp
) -> None:
    configure_application(qapp)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = DIALOGS[name](demo_office, parent)
    dialog.show()
    qtbot.waitExposed(dialog)
    needs = _needs(dialog)
    assert not _too_big(needs), f"{name} needs {needs.width()}x{needs.height()}"
    # It opens no bigger than its screen: 1280x720 on the laptop, 800x800 offscreen.
    room = dialog.screen().availableGeometry().size() - QSize(0, WINDOW_FRAME_HEIGHT)
    assert dialog.width() <= room.width() and dialog.height() <= room.height(), (
        f"{name} opens at {dialog.width()}x{dialog.height()} on a screen of {room.toTuple()}"
    )
    _assert_no_clipped_label(dialog)
    english = {
        button.text()
        for button in dialog.findChildren(QAbstractButton)
        if button.text().replace("&", "") in ENGLISH_BUTTONS
    }
    assert not english, f"{name} shows {english}"
    dialog.close()


#: A teknis level description as long as an office may write one.
LONG_LEVEL = (
    "Merancang, menerapkan dan mengevaluasi sistem informasi kepegawaian tingkat instansi secara "
    "mandiri, membimbing pegawai lain, menyusun pedoman teknis serta memastikan data yang diolah "
    "akurat, mutakhir dan terlindungi sesuai ketentuan keamanan informasi"
)


@pytest.mark.parametrize("kind", [RateDialog, StandardDialog])
def test_a_long_level_description_shows_whole(
    kind: type[RateDialog] | type[StandardDialog], demo_office: AppServices, qtbot: QtBot, qapp
) -> None:
    employee_id, _ = _person(demo_office)
    jabatan = demo_office.staff.get(employee_id).jabatan
    demo_office.competence.add_technical(
        "T.01", "Pengelolaan sistem informasi kepegawaian", jabatan, ("Dasar", *"BCD", LONG_LEVEL)
    )
    profile = demo_office.competence.profile(employee_id, TODAY)
    line = next(line for line in profile.lines if line.competence.code == "T.01")
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = (
        RateDialog(demo_office.competence, employee_id, line, parent, today=TODAY)
        if kind is RateDialog
        else StandardDialog(jabatan, line, lambda _level: None, parent)
    )
    dialog.level.setValue(1)
    dialog.show()
    qtbot.waitExposed(dialog)
    for level in range(1, 6):  # the short descriptions first: the dialog opened for those
        dialog.level.setValue(level)
        qapp.processEvents()
        _assert_no_clipped_label(dialog)
        assert not _too_big(dialog.size())
    dialog.close()
