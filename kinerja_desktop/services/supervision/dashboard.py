"""The supervision dashboard: what the public and the auditors say, at a glance.

Open complaints by age with the overdue ones, the IKM of each service unit over its surveys,
open and overdue audit findings, and the people with repeated complaints (the threshold is
data: ``reference/supervision.json``). Also the home page's check for overdue items.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import feedback as feedback_repo
from kinerja_desktop.data.repositories import findings as findings_repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.repositories import surveys as survey_repo
from kinerja_desktop.domain.attention import AttentionItem, Severity
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.staff import EmployeeId
from kinerja_desktop.domain.supervision.complaints import (
    AGE_GROUPS,
    FeedbackKind,
    age_group,
    default_rules,
    is_repeated,
)
from kinerja_desktop.domain.supervision.deadlines import DeadlineState
from kinerja_desktop.domain.supervision.ikm import ITEM_COUNT, ServiceGrade, ikm_from_totals
from kinerja_desktop.domain.supervision.survey_period import parse_survey_period
from kinerja_desktop.domain.supervision_access import Subject, SupervisionAction, SupervisionScope
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.supervision.feedback import FeedbackEntry, to_entry
from kinerja_desktop.services.supervision.findings import Finding, to_finding
from kinerja_desktop.services.supervision.units import unit_labels


@dataclass(frozen=True)
class AgeGroup:
    label: str
    open: int
    overdue: int


@dataclass(frozen=True)
class UnitIkm:
    """One survey's index on the unit's line; ``ikm`` None when it cannot be computed yet."""

    period_code: str
    period_label: str
    respondents: int
    ikm: str | None  # "82,47"
    value: float | None  # for drawing only
    grade: ServiceGrade | None


@dataclass(frozen=True)
class UnitTrend:
    unit_id: int
    unit_label: str
    points: tuple[UnitIkm, ...]


@dataclass(frozen=True)
class RepeatedPerson:
    employee_id: int
    name: str
    complaints: int
    last: date


@dataclass(frozen=True)
class DashboardSummary:
    today: date
    complaint_ages: tuple[AgeGroup, ...]
    open_complaints: int
    overdue_complaints: tuple[FeedbackEntry, ...]
    units: tuple[UnitTrend, ...]
    open_findings: tuple[Finding, ...]
    findings_by_status: tuple[tuple[str, int], ...]
    repeated: tuple[RepeatedPerson, ...]
    compliments_year: int
    complaints_year: int

    @property
    def overdue_findings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.open_findings if f.deadline.state is DeadlineState.OVERDUE)


def _trends(
    session: Session, labels: dict[int, str], reads: Callable[[Subject], bool]
) -> tuple[UnitTrend, ...]:
    by_unit: dict[int, list[UnitIkm]] = {}
    for stored in survey_repo.surveys(session):
        if not reads(Subject(stored.unit_id)):
            continue
        totals = survey_repo.item_totals(session, stored.id)
        period = parse_survey_period(stored.period_code)
        try:
            result = ikm_from_totals(
                totals.totals,
                totals.counts,
                respondents=totals.respondents,
                unanswered=totals.respondents * ITEM_COUNT - sum(totals.counts),
            )
            point = UnitIkm(
                period.code,
                period.label,
                totals.respondents,
                result.ikm_text,
                float(result.ikm),
                result.grade,
            )
        except ValidationError:
            point = UnitIkm(period.code, period.label, totals.respondents, None, None, None)
        by_unit.setdefault(stored.unit_id, []).append(point)
    trends = [
        UnitTrend(
            unit_id,
            labels.get(unit_id, str(unit_id)),
            tuple(sorted(points, key=lambda p: parse_survey_period(p.period_code).sort_key)),
        )
        for unit_id, points in by_unit.items()
    ]
    return tuple(sorted(trends, key=lambda trend: trend.unit_label.casefold()))


def _repeated(
    session: Session, today: date, reads: Callable[[Subject], bool]
) -> tuple[RepeatedPerson, ...]:
    rules = default_rules()
    start = today - timedelta(days=rules.repeated_within_days)
    result = []
    for employee_id, days in feedback_repo.complaint_days_by_person(session, start, today).items():
        if not is_repeated(days, today, rules) or not reads(Subject(employee_id=employee_id)):
            continue
        person = staff_repo.find_employee(session, employee_id)
        if person is None:
            continue
        result.append(
            RepeatedPerson(
                employee_id,
                person.full_name,
                len(days),
                max(days),
            )
        )
    return tuple(sorted(result, key=lambda person: (-person.complaints, person.name)))


def summary(
    session: Session, today: date, scope: SupervisionScope | None = None
) -> DashboardSummary:
    """The dashboard of what ``scope`` may read (None: the whole office), counted from it."""

    def reads(subject: Subject) -> bool:
        return scope is None or scope.allows(SupervisionAction.READ, subject)

    labels = unit_labels(session)
    open_entries = [
        entry
        for stored in feedback_repo.find(session, feedback_repo.FeedbackQuery(open_only=True))
        if stored.data.kind != FeedbackKind.APRESIASI.value
        and reads((entry := to_entry(stored, labels, today)).subject)
    ]
    ages = Counter(age_group(entry.received_on, today) for entry in open_entries)
    late = Counter(
        age_group(entry.received_on, today)
        for entry in open_entries
        if entry.deadline.state is DeadlineState.OVERDUE
    )
    findings = [
        finding
        for stored in findings_repo.find(session)
        if reads((finding := to_finding(stored, labels, today)).subject)
    ]
    by_status = Counter(finding.status.label for finding in findings)
    kinds: Counter[str] = Counter()
    for kind, unit_id, employee_id, count in feedback_repo.count_by_kind(
        session, date(today.year, 1, 1), today
    ):
        if reads(Subject(unit_id, employee_id)):
            kinds[kind] += count
    return DashboardSummary(
        today=today,
        complaint_ages=tuple(
            AgeGroup(label, ages.get(label, 0), late.get(label, 0)) for label, _ in AGE_GROUPS
        ),
        open_complaints=len(open_entries),
        overdue_complaints=tuple(
            entry for entry in open_entries if entry.deadline.state is DeadlineState.OVERDUE
        ),
        units=_trends(session, labels, reads),
        open_findings=tuple(finding for finding in findings if finding.status.is_open),
        findings_by_status=tuple(sorted(by_status.items())),
        repeated=_repeated(session, today, reads),
        compliments_year=kinds.get(FeedbackKind.APRESIASI.value, 0),
        complaints_year=kinds.get(FeedbackKind.PENGADUAN.value, 0),
    )


class DashboardService:
    def __init__(self, database: Database, access: AccessGuard) -> None:
        self._db = database
        self._access = access

    def summary(self, today: date | None = None) -> DashboardSummary:
        """The summary of what the signed-in account may read, and its counts, of that only.

        The entries, findings, units and people it names and counts are those the account may
        read (`domain.supervision_access`).
        """
        with self._db.reading() as session:
            scope = self._access.supervision(session) if self._access.restricted else None
            return summary(session, today or date.today(), scope)


def supervision_check(session: Session, today: date) -> list[AttentionItem]:
    """Home page items: overdue complaints, overdue findings, people with repeated complaints."""
    found = summary(session, today)
    items = []
    # The records go with the items, so an account is told only of those it may read.
    if found.overdue_complaints:
        items.append(
            AttentionItem.about_records(
                Severity.PENTING,
                "{n} pengaduan melewati batas waktu",
                "Buka Pengawasan › Pengaduan & Apresiasi untuk menanggapi atau menyelesaikannya.",
                [entry.subject for entry in found.overdue_complaints],
            )
        )
    if found.overdue_findings:
        items.append(
            AttentionItem.about_records(
                Severity.PENTING,
                "{n} temuan audit melewati batas tindak lanjut",
                "Buka Pengawasan › Temuan Audit untuk mencatat tindak lanjut beserta buktinya.",
                [finding.subject for finding in found.overdue_findings],
            )
        )
    if found.repeated:
        names = ", ".join(person.name for person in found.repeated[:5])
        detail = "{names}. Bicarakan dengan pegawai dan catat di jurnal perilaku bila perlu."
        items.append(
            AttentionItem(
                Severity.INFO,
                "Pegawai dengan pengaduan berulang",
                detail.format(names=names),
                tuple(EmployeeId(person.employee_id) for person in found.repeated),
                detail_template=detail,
            )
        )
    return items
