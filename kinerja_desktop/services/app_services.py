"""Open a database file and hand out the services that work on it."""

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
from kinerja_desktop.services.development.competence import CompetenceService
from kinerja_desktop.services.development.overview import (
    DevelopmentOverviewService,
    follow_up_check,
)
from kinerja_desktop.services.development.service import DevelopmentService
from kinerja_desktop.services.evaluation import EvaluationService
from kinerja_desktop.services.evaluation.behaviour import BehaviourService
from kinerja_desktop.services.evaluation.dialogue import DialogueService
from kinerja_desktop.services.evaluation.distribution import DistributionService
from kinerja_desktop.services.evaluation.journal import JournalService, weak_spot_check
from kinerja_desktop.services.home.attention import AttentionService, Check
from kinerja_desktop.services.home.office_checks import OFFICE_CHECKS
from kinerja_desktop.services.home.period_progress import PeriodProgressService
from kinerja_desktop.services.platform.backup import BackupService
from kinerja_desktop.services.platform.evidence_store import evidence_folder
from kinerja_desktop.services.platform.seals import SealService
from kinerja_desktop.services.progress.attention import progress_check
from kinerja_desktop.services.progress.calendar import CalendarService
from kinerja_desktop.services.progress.service import ProgressService
from kinerja_desktop.services.skp.cascade import CascadeService
from kinerja_desktop.services.skp.copying import SkpCopyService
from kinerja_desktop.services.skp.service import SkpService
from kinerja_desktop.services.skp.xlsx import SkpXlsxService
from kinerja_desktop.services.staff.importing import StaffImportService
from kinerja_desktop.services.staff.officials import OfficialService
from kinerja_desktop.services.staff.service import StaffService
from kinerja_desktop.services.supervision import (
    SUPERVISION_CHECKS,
    SupervisionServices,
    supervision_services,
)

if TYPE_CHECKING:
    from sqlalchemy import URL

    from kinerja_desktop.services.handover import HandoverService
    from kinerja_desktop.services.printing import PrintingService

#: Every check Beranda runs, passed to its service here and nowhere else; within a severity its
#: items are listed in this order.
HOME_CHECKS: tuple[Check, ...] = (
    *OFFICE_CHECKS,
    weak_spot_check,
    follow_up_check,
    *SUPERVISION_CHECKS,
    progress_check,
)


@dataclass(frozen=True)
class AppServices:
    """Everything the screens and commands use, bound to one open database."""

    database_path: Path
    #: Who is signed in; every service below checks it (SYSTEM until someone signs in).
    access: AccessGuard
    accounts: AccountService
    staff: StaffService
    #: Officials outside the register, chosen as penilai or atasan.
    officials: OfficialService
    attention: AttentionService
    #: Beranda's progress of the running period per unit.
    period_progress: PeriodProgressService
    importer: StaffImportService
    skp: SkpService
    skp_copy: SkpCopyService
    skp_xlsx: SkpXlsxService
    cascade: CascadeService
    evaluation: EvaluationService
    journal: JournalService
    behaviour: BehaviourService
    distribution: DistributionService
    dialogue: DialogueService
    competence: CompetenceService
    development: DevelopmentService
    development_overview: DevelopmentOverviewService
    seals: SealService
    #: Complaints and compliments, surveys (SKM), the kiosk, audit findings, the dashboard.
    supervision: SupervisionServices
    #: The daily progress log (Progres Harian) and the working-day calendar it is counted on.
    progress: ProgressService
    calendar: CalendarService
    #: For batch writers in the services layer (demo, import); screens use the services.
    database: Database
    backups: BackupService
    #: The one-writer lock (services.startup), released on close; None when not taken.
    lock: DatabaseLock | None = None
    #: Things the user should know about the file (read-only, network share, failed backup).
    warnings: tuple[str, ...] = ()

    # Printing (reportlab) and hand-over packages are built when first used: the window's
    # start needs neither (tests/ui/test_startup_imports.py).

    @cached_property
    def printing(self) -> PrintingService:
        from kinerja_desktop.services.printing import PrintingService

        return PrintingService(self.database, access=self.access)

    @cached_property
    def handover(self) -> HandoverService:
        from kinerja_desktop.services.handover import HandoverService, default_key_folder

        # The signing key belongs to the installation (app data folder), not to the file.
        return HandoverService(
            self.database, evidence_folder(self.database_path), default_key_folder(), self.access
        )

    @property
    def read_only(self) -> bool:
        return self.database.read_only

    def close(self) -> None:
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
    journal = JournalService(database, evidence_folder(path), access)
    return AppServices(
        database_path=path,
        access=access,
        accounts=AccountService(database, access),
        staff=StaffService(database, access),
        officials=OfficialService(database, access),
        attention=AttentionService(database, access, HOME_CHECKS),
        period_progress=PeriodProgressService(database, access),
        importer=StaffImportService(database, access),
        skp=SkpService(database, access),
        skp_copy=SkpCopyService(database, access),
        skp_xlsx=SkpXlsxService(database, access),
        cascade=CascadeService(database, access),
        evaluation=EvaluationService(database, evidence_folder(path), access=access),
        journal=journal,
        behaviour=BehaviourService(database, access),
        distribution=DistributionService(database, access),
        dialogue=DialogueService(database, access),
        competence=CompetenceService(database, access),
        development=DevelopmentService(database, access, journal),
        development_overview=DevelopmentOverviewService(database, access),
        seals=SealService(database, access),
        supervision=supervision_services(database, evidence_folder(path), access),
        progress=ProgressService(database, evidence_folder(path), access),
        calendar=CalendarService(database, access),
        database=database,
        backups=BackupService(database, access),
        lock=lock,
        warnings=tuple(warnings),
    )
