"""Supervision and the public's voice (issue 7).

Complaints and compliments, the satisfaction survey, the kiosk, audit findings and the
dashboard. :class:`SupervisionServices` bundles them for ``AppServices``;
``SUPERVISION_CHECKS`` are what supervision adds to the home page (``app_services`` passes them
on).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kinerja_desktop.data.database import Database
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.supervision.dashboard import DashboardService, supervision_check
from kinerja_desktop.services.supervision.feedback import FeedbackService
from kinerja_desktop.services.supervision.findings import FindingService
from kinerja_desktop.services.supervision.kiosk import KioskService
from kinerja_desktop.services.supervision.surveys import SurveyService

#: Beranda's checks about complaints and audit findings.
SUPERVISION_CHECKS = (supervision_check,)


@dataclass(frozen=True)
class SupervisionServices:
    feedback: FeedbackService
    surveys: SurveyService
    findings: FindingService
    dashboard: DashboardService
    kiosk: KioskService


def supervision_services(
    database: Database, evidence_dir: Path, access: AccessGuard
) -> SupervisionServices:
    """The supervision services; what names a person is filtered by ``access``."""
    surveys = SurveyService(database, access)
    return SupervisionServices(
        feedback=FeedbackService(database, access),
        surveys=surveys,
        findings=FindingService(database, evidence_dir, access),
        dashboard=DashboardService(database, access),
        kiosk=KioskService(database, surveys),
    )
