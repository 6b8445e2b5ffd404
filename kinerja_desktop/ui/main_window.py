"""The main window: navigation on the left, one page per area, window layout remembered."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.access import Action, Permissions
from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.ui.accounts.permissions import (
    apply_permissions,
    apply_to_actions,
    apply_to_person_actions,
    follow_permissions,
)
from kinerja_desktop.ui.clock import Today
from kinerja_desktop.ui.common import OwnsQuickEntry, ShowsPerson, resize_within_screen
from kinerja_desktop.ui.events import AppEvents, ChangeBatch, watch
from kinerja_desktop.ui.warning_banner import add_warning

if TYPE_CHECKING:
    from kinerja_desktop.services.app_services import AppServices
    from kinerja_desktop.ui.evaluation.quick_entry import QuickEntryDialog
    from kinerja_desktop.ui.home.page import HomePage
    from kinerja_desktop.ui.progress.entry_dialog import EntryDialog
    from kinerja_desktop.ui.skp.page import SkpPage
    from kinerja_desktop.ui.staff.import_dialog import ImportDialog
    from kinerja_desktop.ui.staff.page import StaffPage

# The window is shown first as a shell (navigation, menus, pages saying "Memuat…"), before
# SQLAlchemy and the services are imported; `attach` then fills it with Beranda (HomePage,
# imported there). Every other page, and every dialog, is imported where it is first built: a
# page's module (with what it pulls in: printing, hand-over, xlsx, supervision) loads when the
# page is first opened, not before the window is shown (tests/ui/test_startup_imports.py).
# These are function-level imports downward, never cycles.

#: What a page not built yet says (the shell before the file is open).
LOADING = "Memuat…"

PAGES = (
    "Beranda",
    "Pegawai",
    "SKP",
    "Evaluasi",
    "Perilaku",
    "Kompetensi & Pengembangan",
    "Pengawasan",
    "Sebaran Predikat",
    "Cetak",
    "Struktur",
    "Progres Harian",
    "Pengaturan",
)
(
    BERANDA,
    PEGAWAI,
    SKP,
    EVALUASI,
    PERILAKU,
    KOMPETENSI,
    PENGAWASAN,
    SEBARAN,
    CETAK,
    STRUKTUR,
    PROGRES,
    PENGATURAN,
) = range(len(PAGES))


#: Changes after which the account's permissions are read again: the register (units, heads,
#: penilai, Plt/Plh) and the accounts.
PERMISSION_TOPICS = frozenset({Topic.STAFF, Topic.SETTINGS})


def _page_shortcut(position: int) -> str:
    """Ctrl+1..Ctrl+9 and Ctrl+0 for the first ten pages; Pengaturan is Ctrl+, as elsewhere."""
    if position == PENGATURAN:
        return "Ctrl+,"
    return f"Ctrl+{(position + 1) % 10}" if position < 10 else ""


class PageStack(QStackedWidget):
    """The pages, asking only for the room the page in front needs.

    A plain QStackedWidget asks for the largest minimum of all its pages, so a page once opened
    (a wide SKP, a tall Pengaturan) would keep the window from shrinking back on every other one.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:
        current = self.currentWidget()
        return current.sizeHint() if current is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        current = self.currentWidget()
        if current is None:
            return super().minimumSizeHint()
        return current.minimumSizeHint().expandedTo(current.minimumSize())


def _loading_page() -> QWidget:
    label = QLabel(LOADING)
    label.setObjectName("loading_page")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setEnabled(False)  # quiet: greyed, nothing to click
    return label


class MainWindow(QMainWindow):
    """The app's window.

    Built with ``services`` it is complete at once (tests, every session after a sign-out). The
    start builds it with None, shows it, and calls `attach` once the file is open: until then
    the navigation works, every page says "Memuat…" and the actions that need the file are
    disabled.
    """

    #: The actions that need the open file (enabled by `attach`, some then by permissions).
    _file_actions: list[QAction]
    _services: AppServices
    permissions: Permissions
    events: AppEvents
    home: HomePage

    def __init__(
        self,
        services: AppServices | None,
        parent: QWidget | None = None,
        *,
        today: Today = date.today,
    ) -> None:
        super().__init__(parent)
        #: The day every page takes as today (tests pass a fixed one).
        self._today = today
        #: The last quick entry opened (Ctrl+J), for tests and for keeping it alive.
        self.quick_entry_dialog: QuickEntryDialog | None = None
        #: The last daily progress entry opened (Ctrl+H).
        self.progress_entry_dialog: EntryDialog | None = None
        self.setWindowTitle("Kinerja Desktop")
        resize_within_screen(self, 1200, 760)
        self.navigation = QListWidget()
        self.navigation.addItems(PAGES)
        self.navigation.setMinimumWidth(210)  # fits "Kompetensi & Pengembangan"
        self.navigation.setStyleSheet("QListWidget::item { padding: 6px 10px; }")
        self.pages = PageStack()
        # Pages are built the first time they are opened (Beranda by `attach`).
        self._built: dict[int, QWidget] = {}
        for _ in PAGES:
            self.pages.addWidget(_loading_page())
        self.splitter = QSplitter()
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([215, 985])
        self.setCentralWidget(self.splitter)
        self._build_actions()
        for action in self._file_actions:
            action.setEnabled(False)
        self.navigation.currentRowChanged.connect(self._show_page)
        self.navigation.setCurrentRow(BERANDA)
        self._restore_layout()
        if services is not None:
            self.attach(services)

    @property
    def attached(self) -> bool:
        """Whether the window has its file (`attach` ran): before, it is the start's shell."""
        return BERANDA in self._built

    def attach(self, services: AppServices) -> None:
        """Fill the shell with the open file: Beranda, the actions, the page chosen meanwhile."""
        from kinerja_desktop.ui.home.page import HomePage

        self._services = services
        #: What the signed-in account may do: pages disable the rest (one window per session).
        self.permissions = services.accounts.permissions()
        #: The change hub: every page reads again when a topic it shows was written.
        self.events = AppEvents(services.database.subscribe, self)
        # Connected before any page: the pages then read again with the new permissions.
        self.events.changed.connect(self._follow_permissions)
        title = f"Kinerja Desktop — {services.database_path.name}"
        self.setWindowTitle(f"{title} (hanya-baca)" if services.read_only else title)
        self.home = HomePage(
            services.attention,
            services.staff,
            progress=services.period_progress,
            # The daily log's services are built on the chart's first read, off the GUI thread.
            daily=lambda: services.progress.office_month(),  # noqa: PLW0108 - built on first read
            today=self._today,
        )
        self._put(BERANDA, self.home)
        watch(self.home, self.events)
        for text in services.warnings:
            add_warning(self, text)
        # A server's "path" is only the local folder its evidence is kept in: name the server.
        where = services.database_path
        self.statusBar().showMessage(
            f"Server PostgreSQL: {where.name}" if services.database.server else str(where)
        )
        for action in self._file_actions:
            action.setEnabled(True)
        apply_to_actions(
            self.permissions, add_employee=self.add_action, import_staff=self.import_action
        )
        self._connect()
        self._show_page(self.navigation.currentRow())  # the page chosen while the file opened
        self._follow_person_in_front()

    # --- set-up ----------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str,
        slot: object,
        *,
        on_page: bool = False,
    ) -> QAction:
        """An action of the window's menus.

        App-wide actions (``on_page`` False) are window shortcuts. The staff list's own actions
        (``on_page``) take their keys only while the focus is on the Pegawai page (they are
        added to it when it is built), so F2 in an Evaluasi cell edits the cell and Ctrl+N on
        Pengawasan adds an entry there; from the menu they act on the person in front.
        """
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if on_page:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self._staff_actions.append(action)
        else:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self._staff_actions: list[QAction] = []
        self.import_action = self._action("&Impor pegawai…", "Ctrl+I", self.import_staff)
        quit_action = self._action("&Keluar", "Ctrl+Q", self.close)
        self.add_action = self._action("&Tambah pegawai", "Ctrl+N", self.add_employee, on_page=True)
        self.edit_action = self._action(
            "&Ubah pegawai terpilih", "F2", self.edit_selected, on_page=True
        )
        self.end_action = self._action(
            "&Nonaktifkan pegawai…", "Ctrl+Shift+D", self.end_service, on_page=True
        )
        self.reactivate_action = self._action(
            "Aktifkan &kembali", "Ctrl+Shift+A", self.reactivate_selected, on_page=True
        )
        self.skp_action = self._action(
            "Buka &SKP pegawai terpilih", "Ctrl+K", self.open_selected_skp, on_page=True
        )
        self.journal_action = self._action("Catatan &perilaku baru…", "Ctrl+J", self.quick_entry)
        self.progress_action = self._action("Progres &harian baru…", "Ctrl+H", self.quick_progress)
        self.find_action = self._action(
            "&Cari pegawai", QKeySequence.StandardKey.Find, self.find_employee
        )
        self._file_actions = [
            self.import_action,
            *self._staff_actions,
            self.journal_action,
            self.progress_action,
            self.find_action,
        ]
        file_menu = self.menuBar().addMenu("&Berkas")
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        staff_menu = self.menuBar().addMenu("&Pegawai")
        for action in (self.add_action, self.edit_action, self.find_action, self.skp_action):
            staff_menu.addAction(action)
        staff_menu.addAction(self.journal_action)
        staff_menu.addAction(self.progress_action)
        staff_menu.addSeparator()
        staff_menu.addAction(self.end_action)
        staff_menu.addAction(self.reactivate_action)
        staff_menu.aboutToShow.connect(self._follow_person_in_front)
        go_menu = self.menuBar().addMenu("B&uka")
        for position, name in enumerate(PAGES):
            go_menu.addAction(
                self._action(
                    name.replace("&", "&&"),
                    _page_shortcut(position),
                    lambda _=False, p=position: self.go(p),
                )
            )

    def _connect(self) -> None:
        self.navigation.currentRowChanged.connect(lambda _row: self._follow_person_in_front())
        self.home.employee_requested.connect(self.show_employee)

    # --- navigation ------------------------------------------------------------------------

    def go(self, page: int) -> None:
        self.navigation.setCurrentRow(page)

    @property
    def staff_page(self) -> StaffPage:
        from kinerja_desktop.ui.staff.page import StaffPage

        page = self._page(PEGAWAI)
        assert isinstance(page, StaffPage)
        return page

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentWidget(self._page(page))

    def _page(self, page: int) -> QWidget:
        """Return the page, building it the first time it is needed.

        Before `attach` (the file still opening) it is the page's "Memuat…" placeholder.
        """
        built = self._built.get(page)
        if built is None:
            if not self.attached:
                placeholder = self.pages.widget(page)
                assert placeholder is not None  # one per page, from the start
                return placeholder
            built = self._build_page(page)
            apply_permissions(built, self.permissions)
            self._put(page, built)
        return built

    def _put(self, page: int, built: QWidget) -> None:
        """Put a page built at last in place of its placeholder."""
        placeholder = self.pages.widget(page)
        showing = self.pages.currentIndex() == page
        self.pages.insertWidget(page, built)
        if placeholder is not None:
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
        if showing:
            self.pages.setCurrentIndex(page)
        self._built[page] = built

    def _build_page(self, page: int) -> QWidget:  # noqa: PLR0911 - one return per page
        if page == PEGAWAI:
            return self._build_staff_page()
        if page == SKP:
            return self._build_skp_area()
        if page in (EVALUASI, PERILAKU):
            return self._build_evaluation_page(page)
        if page == KOMPETENSI:
            return self._build_competence_area()
        if page == PENGAWASAN:
            from kinerja_desktop.ui.supervision.page import SupervisionPage

            supervision = SupervisionPage(
                self._services.supervision,
                self._services.staff,
                printing=self._services.printing,
                today=self._today,
            )
            watch(supervision, self.events, own_change=[supervision.changed])
            return supervision
        if page in (SEBARAN, CETAK):
            return self._build_unit_head_page(page)
        if page == PROGRES:
            from kinerja_desktop.ui.progress.page import ProgressPage

            progress = ProgressPage(
                self._services.progress,
                self._services.calendar,
                self._services.staff,
                journal=self._services.journal,
                permissions=self.permissions,
                today=self._today,
            )
            watch(progress, self.events)
            return progress
        if page == STRUKTUR:
            from kinerja_desktop.ui.staff.structure_page import StructurePage

            structure = StructurePage(self._services.staff)
            structure.employee_requested.connect(self.show_employee)
            structure.place_requested.connect(self.open_person)
            watch(structure, self.events, own_change=[structure.units_changed])
            return structure
        from kinerja_desktop.ui.settings.page import SettingsPage

        settings = SettingsPage(
            self._services.staff,
            backups=self._services.backups,
            handover=self._services.handover,
            accounts=self._services.accounts,
            printing=self._services.printing,
            today=self._today,
        )
        watch(settings, self.events)
        return settings

    def _build_staff_page(self) -> QWidget:
        from kinerja_desktop.ui.staff.page import StaffPage

        staff = StaffPage(
            self._services.staff,
            journal=self._services.journal,
            behaviour=self._services.behaviour,
            today=self._today,
        )
        staff.edit_requested.connect(self.edit_employee)
        staff.place_requested.connect(self.open_person)
        staff.person_shown.connect(lambda _id: self._follow_person_in_front())
        staff.add_button.clicked.connect(self.add_employee)
        staff.officials_button.clicked.connect(self.manage_officials)
        staff.addActions(self._staff_actions)  # their keys work on this page only
        self._restore_staff_layout(staff)
        watch(staff, self.events)
        return staff

    def _build_evaluation_page(self, page: int) -> QWidget:
        """Evaluasi, and Perilaku (the journal) beside it."""
        if page == EVALUASI:
            from kinerja_desktop.ui.evaluation.page import EvaluationPage

            evaluation = EvaluationPage(
                self._services.evaluation,
                self._services.skp,
                self._services.staff,
                behaviour=self._services.behaviour,
                dialogue=self._services.dialogue,
                seals=self._services.seals,
                progress=self._services.progress,
                today=self._today,
            )
            evaluation.picker.place_requested.connect(self.open_person)
            # It shows its own saves as they are, keeping what the user is typing.
            watch(evaluation, self.events, own_change=[evaluation.evaluation_changed])
            return evaluation
        from kinerja_desktop.ui.evaluation.journal_page import JournalPage

        journal = JournalPage(
            self._services.journal,
            self._services.staff,
            permissions=self.permissions,
            today=self._today,
        )
        journal.new_button.clicked.disconnect()
        journal.new_button.clicked.connect(self.quick_entry)
        watch(journal, self.events)
        return journal

    def _build_unit_head_page(self, page: int) -> QWidget:
        """Sebaran Predikat and Cetak, the unit head's pages."""
        if page == SEBARAN:
            from kinerja_desktop.ui.evaluation.distribution_page import DistributionPage

            sebaran = DistributionPage(
                self._services.distribution,
                self._services.staff,
                permissions=self.permissions,
                today=self._today,
                hub=lambda: self._services.hub_recap,
                intake=lambda: self._services.hub_intake,
            )
            sebaran.employee_requested.connect(self.show_employee)
            built: QWidget = sebaran
        else:
            from kinerja_desktop.ui.printing.page import PrintPage

            built = PrintPage(self._services.printing, self._services.staff, today=self._today)
        watch(built, self.events)
        return built

    def _build_skp_area(self) -> QWidget:
        """SKP: the editor with its time savers, and the cascade of the unit's results."""
        from kinerja_desktop.ui.skp.cascade_view import CascadeView
        from kinerja_desktop.ui.skp.page import SkpPage
        from kinerja_desktop.ui.skp.tools import SkpTools

        editor = SkpPage(
            self._services.skp,
            self._services.staff,
            permissions=self.permissions,
            today=self._today,
            plans=self._services.plans,
        )
        watch(editor, self.events, own_change=[editor.skp_changed])
        tools = SkpTools(
            editor, self._services.skp_copy, self._services.skp_xlsx, self._services.staff
        )
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(tools)
        layout.addWidget(editor)
        cascade = CascadeView(
            self._services.cascade,
            self._services.staff,
            permissions=self.permissions,
            today=self._today,
        )
        cascade.employee_requested.connect(self.show_skp)
        watch(cascade, self.events)
        tabs = QTabWidget()
        tabs.addTab(holder, "SKP &pegawai")
        tabs.addTab(cascade, "Pohon &kinerja (cascading)")
        self._skp_editor, self._skp_holder, self._cascade_view = editor, holder, cascade
        return tabs

    def _build_competence_area(self) -> QWidget:
        """Kompetensi & Pengembangan: one person's profile and plan, and the unit's view."""
        from kinerja_desktop.ui.development.page import CompetencePage
        from kinerja_desktop.ui.development.unit_view import UnitDevelopmentView

        person = CompetencePage(
            self._services.competence,
            self._services.development,
            self._services.staff,
            permissions=self.permissions,
            today=self._today,
        )
        unit = UnitDevelopmentView(
            self._services.development_overview, self._services.staff, today=self._today
        )
        tabs = QTabWidget()
        tabs.addTab(person, "Per &pegawai")
        tabs.addTab(unit, "&Unit kerja")
        watch(person, self.events, own_change=[person.changed])
        watch(unit, self.events)

        def open_person(employee_id: int) -> None:
            tabs.setCurrentWidget(person)
            person.show_person(employee_id)

        unit.person_requested.connect(open_person)
        return tabs

    @property
    def skp_editor(self) -> SkpPage:
        self._page(SKP)
        return self._skp_editor

    def show_skp(self, employee_id: int) -> None:
        """Open a person's SKP of this year in the SKP area."""
        self.go(SKP)
        area = self.pages.currentWidget()
        if isinstance(area, QTabWidget):
            area.setCurrentIndex(0)
        self.skp_editor.show_person(employee_id)

    def front_page(self) -> QWidget | None:
        """The page in front, inside its area's current tab (SKP, Kompetensi)."""
        page = self.pages.currentWidget()
        while isinstance(page, QTabWidget):
            page = page.currentWidget()
        if SKP in self._built and page is self._skp_holder:
            return self._skp_editor  # the SKP tab holds the editor below its tools
        return page

    def person_in_front(self) -> int | None:
        """The person the page in front shows or has selected (None: no such person)."""
        page = self.front_page()
        return page.person_in_front() if isinstance(page, ShowsPerson) else None

    def open_person(self, employee_id: int, place: str) -> None:
        """Open a page on a person, from a list's right-click menu or Pegawai's summary."""
        from kinerja_desktop.ui.staff.person_menu import PersonPlace

        if place == PersonPlace.SKP:
            self.show_skp(employee_id)
            return
        page = {
            PersonPlace.EVALUASI: EVALUASI,
            PersonPlace.PERILAKU: PERILAKU,
            PersonPlace.CETAK: CETAK,
        }.get(PersonPlace(place))
        if page is None:
            return
        self.go(page)
        # Evaluasi, Perilaku and Cetak each open on a person; their classes are not imported
        # here, or opening one would load the others (Cetak loads printing).
        show_person = getattr(self.pages.currentWidget(), "show_person", None)
        if callable(show_person):
            show_person(employee_id)

    def quick_entry(self) -> None:
        """Ctrl+J: the page's own meaning when it has one, else jot an observation.

        The observation starts with the person in front (Pegawai's selection, Evaluasi's or
        SKP's person, the journal's filter...).
        """
        page = self.front_page()
        if isinstance(page, OwnsQuickEntry) and page.own_quick_entry():
            return
        from kinerja_desktop.ui.evaluation.quick_entry import QuickEntryDialog

        dialog = QuickEntryDialog(
            self._services.journal,
            self._services.staff,
            self,
            employee_id=self.person_in_front(),
            permissions=self.permissions,
            today=self._today,
        )
        self.quick_entry_dialog = dialog
        dialog.open()

    def quick_progress(self) -> None:
        """Ctrl+H: today's daily progress of the person in front, or of the signed-in person."""
        from kinerja_desktop.ui.progress.quick_progress import open_daily_entry

        opened = open_daily_entry(
            self._services.progress,
            (self.person_in_front(), self._services.access.principal.employee_id),
            self._today(),
            self,
        )
        if isinstance(opened, str):
            self.statusBar().showMessage(opened, 10_000)
        else:
            self.progress_entry_dialog = opened

    def open_selected_skp(self) -> None:
        employee_id = self.person_in_front()
        if employee_id is not None:
            self.show_skp(employee_id)

    def show_employee(self, employee_id: int) -> None:
        self.go(PEGAWAI)
        self.staff_page.search.clear()
        self.staff_page.apply_filter()
        self.staff_page.select(employee_id)

    def find_employee(self) -> None:
        self.go(PEGAWAI)
        self.staff_page.focus_search()

    # --- actions ---------------------------------------------------------------------------

    def add_employee(self) -> None:
        from kinerja_desktop.ui.staff.employee_form import EmployeeDialog

        dialog = EmployeeDialog(
            self._services.staff,
            parent=self,
            today=self._today,
            officials=self._services.officials,
        )
        if dialog.exec() and dialog.saved is not None:
            self.show_employee(dialog.saved.id)

    def manage_officials(self) -> None:
        """Pejabat di luar kantor: appraisers outside the register, for the person dialog."""
        from kinerja_desktop.ui.staff.officials_dialog import OfficialsDialog

        OfficialsDialog(self._services.officials, parent=self).exec()

    def edit_selected(self) -> None:
        employee_id = self.person_in_front()
        if employee_id is not None:
            self.edit_employee(employee_id)

    def edit_employee(self, employee_id: int) -> None:
        person = self._services.staff.get(employee_id)
        # Said before the form is filled in, not refused when it is saved.
        refusal = self.permissions.person_refusal(employee_id, person.name, Action.EDIT)
        if refusal is not None:
            QMessageBox.information(self, "Ubah Data Pegawai", refusal)
            return
        from kinerja_desktop.ui.staff.employee_form import EmployeeDialog

        dialog = EmployeeDialog(
            self._services.staff,
            person,
            parent=self,
            today=self._today,
            officials=self._services.officials,
        )
        if dialog.exec() and dialog.saved is not None:
            self.staff_page.select(employee_id)

    def _follow_permissions(self, batch: ChangeBatch) -> None:
        """Read the permissions again after who heads what or an account's role may have changed.

        An admin's change in Pengaturan (an account's role or person) or in the register (a
        unit's head, a penilai) is followed without signing in again.
        """
        if not batch.topics & PERMISSION_TOPICS:
            return
        fresh = self._services.accounts.permissions()
        if fresh == self.permissions:
            return
        self.permissions = fresh
        apply_to_actions(fresh, add_employee=self.add_action, import_staff=self.import_action)
        self._follow_person_in_front()
        for built in self._built.values():
            follow_permissions(built, fresh)

    def _follow_person_in_front(self) -> None:
        """Offer "Ubah", "Nonaktifkan" and "Aktifkan kembali" only for a person one may change."""
        if not self.attached:
            return  # the shell: they stay disabled until the file is open
        employee_id = self.person_in_front()
        try:
            person = self._services.staff.get(employee_id) if employee_id is not None else None
        except DomainError:  # gone meanwhile, or out of reach: nothing to offer
            person = None
        apply_to_person_actions(
            self.permissions,
            person,
            edit=self.edit_action,
            end_service=self.end_action,
            reactivate=self.reactivate_action,
        )

    def end_service(self) -> None:
        employee_id = self.person_in_front()
        if employee_id is None:
            return
        person = self._services.staff.get(employee_id)
        if not person.active:
            return
        from kinerja_desktop.ui.staff.end_service_dialog import EndServiceDialog

        EndServiceDialog(self._services.staff, person, parent=self, today=self._today).exec()

    def reactivate_selected(self) -> None:
        employee_id = self.person_in_front()
        if employee_id is None or self._services.staff.get(employee_id).active:
            return
        answer = QMessageBox.question(
            self, "Aktifkan kembali", "Aktifkan kembali pegawai ini mulai hari ini?"
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._services.staff.reactivate(employee_id, self._today())
            self.staff_page.select(employee_id)

    def import_staff(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Impor daftar pegawai", "", "Daftar pegawai (*.csv *.xlsx);;Semua berkas (*)"
        )
        if name:
            self.open_import(Path(name))

    def open_import(self, path: Path) -> ImportDialog | None:
        from kinerja_desktop.ui.staff.import_dialog import ImportDialog

        dialog = ImportDialog(self._services.importer, path, parent=self)
        if not dialog.load():
            return None
        dialog.open()
        return dialog

    # --- layout memory ---------------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = settings.value("main_window/navigation")
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)

    @staticmethod
    def _restore_staff_layout(page: StaffPage) -> None:
        settings = QSettings()
        header = settings.value("main_window/staff_header")
        if isinstance(header, QByteArray):
            page.table.horizontalHeader().restoreState(header)
        details = settings.value("main_window/staff_details")
        if isinstance(details, QByteArray):
            page.splitter.restoreState(details)

    def closeEvent(self, event: QCloseEvent) -> None:
        if SKP in self._built and not self._skp_editor.maybe_discard():
            event.ignore()  # the user chose to stay with unsaved SKP changes
            return
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/navigation", self.splitter.saveState())
        if PEGAWAI in self._built:  # an unopened page keeps the layout saved before
            staff = self.staff_page
            settings.setValue(
                "main_window/staff_header", staff.table.horizontalHeader().saveState()
            )
            settings.setValue("main_window/staff_details", staff.splitter.saveState())
        super().closeEvent(event)
