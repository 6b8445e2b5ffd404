"""Open a database file and hand out the services that work on it.

Only what opening the file and showing Beranda need is built in `open_services`; every other
service is a `cached_property` built (and its module imported) the first time it is used, so
the window's start loads neither their modules nor what they pull in (reportlab, openpyxl,
the supervision forms; tests/ui/test_startup_imports.py). A new service follows the same
pattern: a `cached_property` whose body imports its module, its type under TYPE_CHECKING.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.location import location_warning
from kinerja_desktop.data.lock import DatabaseLock
from kinerja_desktop.data.opening import open_database
from kinerja_desktop.data.server import open_server_database
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.accounts.service import AccountService
from kinerja_desktop.services.home.attention import AttentionService
from kinerja_desktop.services.home.check_process import Check
from kinerja_desktop.services.home.period_progress import PeriodProgressService
from kinerja_desktop.services.platform.backup import BackupService
from kinerja_desktop.services.platform.evidence_store import evidence_folder
from kinerja_desktop.services.platform.seals import SealService
from kinerja_desktop.services.staff.service import StaffService

if TYPE_CHECKING:
    from sqlalchemy import URL

    from kinerja_desktop.services.development.competence import CompetenceService
    from kinerja_desktop.services.development.overview import DevelopmentOverviewService
    from kinerja_desktop.services.development.service import DevelopmentService
    from kinerja_desktop.services.evaluation import EvaluationService
    from kinerja_desktop.services.evaluation.behaviour import BehaviourService
    from kinerja_desktop.services.evaluation.dialogue import DialogueService
    from kinerja_desktop.services.evaluation.distribution import DistributionService
    from kinerja_desktop.services.evaluation.journal import JournalService
    from kinerja_desktop.services.handover import HandoverService
    from kinerja_desktop.services.hub.intake import HubIntakeService
    from kinerja_desktop.services.hub.recap import HubRecapService
    from kinerja_desktop.services.printing import PrintingService
    from kinerja_desktop.services.progress.calendar import CalendarService
    from kinerja_desktop.services.progress.service import ProgressService
    from kinerja_desktop.services.skp.cascade import CascadeService
    from kinerja_desktop.services.skp.copying import SkpCopyService
    from kinerja_desktop.services.skp.plans import PlanService
    from kinerja_desktop.services.skp.service import SkpService
    from kinerja_desktop.services.skp.xlsx import SkpXlsxService
    from kinerja_desktop.services.staff.importing import StaffImportService
    from kinerja_desktop.services.staff.officials import OfficialService
    from kinerja_desktop.services.supervision import SupervisionServices


def home_checks() -> tuple[Check, ...]:
    """Every check Beranda runs, passed to its service here and nowhere else.

    Within a severity its items are listed in this order. The checks' modules are imported
    on the first refresh (on Beranda's worker thread), not when the window is built.
    """
    from kinerja_desktop.services.development.overview import follow_up_check
    from kinerja_desktop.services.evaluation.journal import weak_spot_check
    from kinerja_desktop.services.home.office_checks import OFFICE_CHECKS
    from kinerja_desktop.services.progress.attention import progress_check
    from kinerja_desktop.services.supervision import SUPERVISION_CHECKS

    return (
        *OFFICE_CHECKS,
        weak_spot_check,
        follow_up_check,
        *SUPERVISION_CHECKS,
        progress_check,
    )


@dataclass(frozen=True)
class AppServices:
    """Everything the screens and commands use, bound to one open database.

    The fields are what the start needs (open, sign in, back up, seal, show Beranda); the
    rest are built on first use (see the module's docstring).
    """

    database_path: Path
    #: Who is signed in; every service below checks it (SYSTEM until someone signs in).
    access: AccessGuard
    accounts: AccountService
    staff: StaffService
    attention: AttentionService
    #: Beranda's progress of the running period per unit.
    period_progress: PeriodProgressService
    seals: SealService
    #: For batch writers in the services layer (demo, import); screens use the services.
    database: Database
    backups: BackupService
    #: The one-writer lock (services.startup), released on close; None when not taken.
    lock: DatabaseLock | None = None
    #: Things the user should know about the file (read-only, network share, failed backup).
    warnings: tuple[str, ...] = ()

    # Built when first used (the window's start needs none of them). `dataclasses.replace`
    # makes a fresh instance whose lazy services are built again: it is only used at the
    # start (services.platform.startup), before any of them.

    @property
    def _evidence(self) -> Path:
        return evidence_folder(self.database_path)

    @cached_property
    def officials(self) -> OfficialService:
        """Officials outside the register, chosen as penilai or atasan."""
        from kinerja_desktop.services.staff.officials import OfficialService

        return OfficialService(self.database, self.access)

    @cached_property
    def importer(self) -> StaffImportService:
        from kinerja_desktop.services.staff.importing import StaffImportService

        return StaffImportService(self.database, self.access)

    @cached_property
    def skp(self) -> SkpService:
        from kinerja_desktop.services.skp.service import SkpService

        return SkpService(self.database, self.access)

    @cached_property
    def skp_copy(self) -> SkpCopyService:
        from kinerja_desktop.services.skp.copying import SkpCopyService

        return SkpCopyService(self.database, self.access)

    @cached_property
    def skp_xlsx(self) -> SkpXlsxService:
        from kinerja_desktop.services.skp.xlsx import SkpXlsxService

        return SkpXlsxService(self.database, self.access)

    @cached_property
    def cascade(self) -> CascadeService:
        from kinerja_desktop.services.skp.cascade import CascadeService

        return CascadeService(self.database, self.access)

    @cached_property
    def evaluation(self) -> EvaluationService:
        from kinerja_desktop.services.evaluation import EvaluationService

        return EvaluationService(self.database, self._evidence, access=self.access)

    @cached_property
    def journal(self) -> JournalService:
        from kinerja_desktop.services.evaluation.journal import JournalService

        return JournalService(self.database, self._evidence, self.access)

    @cached_property
    def behaviour(self) -> BehaviourService:
        from kinerja_desktop.services.evaluation.behaviour import BehaviourService

        return BehaviourService(self.database, self.access)

    @cached_property
    def distribution(self) -> DistributionService:
        from kinerja_desktop.services.evaluation.distribution import DistributionService

        return DistributionService(self.database, self.access)

    @cached_property
    def dialogue(self) -> DialogueService:
        from kinerja_desktop.services.evaluation.dialogue import DialogueService

        return DialogueService(self.database, self.access)

    @cached_property
    def competence(self) -> CompetenceService:
        from kinerja_desktop.services.development.competence import CompetenceService

        return CompetenceService(self.database, self.access)

    @cached_property
    def development(self) -> DevelopmentService:
        from kinerja_desktop.services.development.service import DevelopmentService

        return DevelopmentService(self.database, self.access, self.journal)

    @cached_property
    def development_overview(self) -> DevelopmentOverviewService:
        from kinerja_desktop.services.development.overview import DevelopmentOverviewService

        return DevelopmentOverviewService(self.database, self.access)

    @cached_property
    def supervision(self) -> SupervisionServices:
        """Complaints and compliments, surveys (SKM), the kiosk, audit findings, the dashboard."""
        from kinerja_desktop.services.supervision import supervision_services

        return supervision_services(self.database, self._evidence, self.access)

    @cached_property
    def progress(self) -> ProgressService:
        """The daily progress log (Progres Harian)."""
        from kinerja_desktop.services.progress.service import ProgressService

        return ProgressService(self.database, self._evidence, self.access)

    @cached_property
    def calendar(self) -> CalendarService:
        """The working-day calendar Progres Harian is counted on."""
        from kinerja_desktop.services.progress.calendar import CalendarService

        return CalendarService(self.database, self.access)

    @cached_property
    def printing(self) -> PrintingService:
        from kinerja_desktop.services.printing import PrintingService

        return PrintingService(self.database, access=self.access)

    @cached_property
    def handover(self) -> HandoverService:
        from kinerja_desktop.services.handover import HandoverService, default_key_folder

        # The signing key belongs to the installation (app data folder), not to the file.
        return HandoverService(self.database, self._evidence, default_key_folder(), self.access)

    @cached_property
    def hub_recap(self) -> HubRecapService:
        """Rekap Pemda: per OPD and period, how far the appraisal is (services/hub)."""
        from kinerja_desktop.services.hub.recap import HubRecapService

        return HubRecapService(self.database, self.access)

    @cached_property
    def hub_intake(self) -> HubIntakeService:
        """The hub's unattended intake of a folder of packages (services/hub/intake.py)."""
        from kinerja_desktop.services.hub.intake import HubIntakeService

        return HubIntakeService(self.handover, self.access)

    @cached_property
    def plans(self) -> PlanService:
        """Rencana aksi and period targets of the SKP (services/skp/plans.py)."""
        from kinerja_desktop.services.skp.plans import PlanService

        return PlanService(self.database, self.access)

    @property
    def read_only(self) -> bool:
        return self.database.read_only

    def close(self) -> None:
        self.attention.close()  # Beranda's check process, if it runs apart
        self.database.dispose()
        if self.lock is not None:
            self.lock.release()


def open_services(
    path: Path,
    *,
    create: bool = True,
    lock: DatabaseLock | None = None,
    today: Callable[[], date] = date.today,
    server: str | URL | None = None,
) -> AppServices:
    """Open (create or migrate) the database at ``path``.

    Args:
        path: The database file; with ``server``, where this installation keeps what belongs
            beside the database (evidence files, the seal anchor).
        server: A PostgreSQL database (``postgresql://...``) to open instead of a file.
        create: Create the file when it is missing.
        lock: The one-writer lock already taken for ``path``; released by ``close``.
        today: The day access rules take as today (whose Plt/Plh span is running).

    Raises:
        StorageError: the file cannot be used; it is left exactly as it was.
    """
    if server is not None:
        database = open_server_database(server, path, create=create)
    else:
        database = open_database(path, create=create)
    warnings = [database.read_only_message] if database.read_only else []
    where = location_warning(path) if server is None else None
    if where:
        warnings.append(where)
    access = AccessGuard(database, clock=today)
    return AppServices(
        database_path=path,
        access=access,
        accounts=AccountService(database, access),
        staff=StaffService(database, access),
        attention=AttentionService(database, access, home_checks),
        period_progress=PeriodProgressService(database, access),
        seals=SealService(database, access),
        database=database,
        backups=BackupService(database, access),
        lock=lock,
        warnings=tuple(warnings),
    )
