"""The competence development plan of a person and year: items, JP, and proposals.

Proposals come from the year's findings (competence gaps, the decided ratings and predikat,
repeated weak spots in the journal); the supervisor accepts one into the plan or dismisses it.
A proposal is known by its `proposal_key`, so a dismissed one stays away.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import competence as repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.domain.access import Action
from kinerja_desktop.domain.development import (
    ActionProposal,
    DevelopmentItem,
    ItemStatus,
    JpTotal,
    LearningPath,
    ValidItem,
    current_period_start,
    jp_shortfall,
    jp_total,
    lapsed,
    minimum_jp,
    minimum_text,
    needs_review,
    overdue,
    propose_actions,
    validate_item,
)
from kinerja_desktop.domain.employment import EmploymentStatus
from kinerja_desktop.domain.errors import NotFoundError, ValidationError, ValidationErrors
from kinerja_desktop.domain.periods import EvaluationScheme, periods_for_year
from kinerja_desktop.domain.predikat import Predikat
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.reference_data import behaviour_indicators, behaviour_label
from kinerja_desktop.domain.text import checked_text
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.development.competence import CompetenceService
from kinerja_desktop.services.evaluation.journal import JournalService

__all__ = [
    "DevelopmentPlan",
    "DevelopmentService",
    "ItemInput",
    "PlanItem",
    "proposal_input",
    "proposal_key",
]

PROVIDER_MAX = 200
NOTE_MAX = 2000


@dataclass(frozen=True)
class PlanItem:
    """A stored plan item with its follow-up state.

    Attributes:
        last_seen: The day it was added or last reviewed.
        overdue: Open while its end date has passed.
        needs_review: Open and not reviewed since the running period began.
        proposal_key: The proposal it was accepted from, if any.
    """

    id: int
    employee_id: int
    year: int
    item: DevelopmentItem
    provider: str
    evidence_note: str
    outcome: str
    last_seen: date
    overdue: bool = False
    needs_review: bool = False
    proposal_key: str | None = None


@dataclass(frozen=True)
class DevelopmentPlan:
    """A person's plan for a year: items, JP done and planned, and what is still missing."""

    employee_id: int
    year: int
    items: tuple[PlanItem, ...]
    jp: JpTotal
    minimum: Decimal | None
    shortfall: Decimal
    lapsed: bool

    @property
    def minimum_text(self) -> str:
        """E.g. "20 JP", or "ketentuan PPPK" for a PPPK (no PNS minimum applies)."""
        return minimum_text(self.minimum)


def make_plan(
    employee_id: int,
    year: int,
    items: tuple[PlanItem, ...],
    today: date,
    status: EmploymentStatus = EmploymentStatus.PNS,
) -> DevelopmentPlan:
    """A plan from its flagged items: JP totals, shortfall against the status's minimum, lapse."""
    total = jp_total(i.item for i in items)
    minimum = minimum_jp(status)
    return DevelopmentPlan(
        employee_id=employee_id,
        year=year,
        items=items,
        jp=total,
        minimum=minimum,
        shortfall=jp_shortfall(total.done, minimum),
        lapsed=lapsed([i.item for i in items], today),
    )


def proposal_input(proposal: ActionProposal) -> ItemInput:
    """A proposal as a plan item to accept or edit first."""
    return ItemInput(
        addresses=proposal.addresses,
        title=proposal.title,
        path=proposal.paths[0],
        jp=proposal.jp if proposal.jp is not None else Decimal(0),
    )


def proposal_key(proposal: ActionProposal) -> str:
    """The stable key of a proposal, for dismissing it: its finding and what it addresses."""
    return f"{proposal.finding.value}:{proposal.addresses}"


def _path(raw: LearningPath | str | None) -> LearningPath | None:
    if raw is None or isinstance(raw, LearningPath):
        return raw
    try:
        return LearningPath(raw)
    except ValueError:
        return None


def plan_item(
    stored: repo.StoredItem, today: date | None = None, period_start: date | None = None
) -> PlanItem:
    """A stored item with its flags on ``today`` (no flags without a day)."""
    data = stored.data
    item = DevelopmentItem(
        addresses=data.addresses,
        title=data.title,
        path=LearningPath(data.path),
        jp=data.jp,
        status=ItemStatus(data.status),
        start=data.start,
        end=data.end,
    )
    last_seen = data.reviewed_on or stored.created_on
    return PlanItem(
        id=stored.id,
        employee_id=data.employee_id,
        year=data.year,
        item=item,
        provider=data.provider,
        evidence_note=data.evidence_note,
        outcome=data.outcome,
        last_seen=last_seen,
        overdue=today is not None and overdue(item, today),
        needs_review=needs_review(item, last_seen, period_start),
        proposal_key=data.proposal_key,
    )


def review_period_start(session: Session, unit_id: int, year: int, today: date) -> date | None:
    """Start of the period of the unit's scheme running on ``today`` within ``year``."""
    found = staff_repo.appraisal_year(session, staff_repo.root_unit_id(session, unit_id), year)
    scheme = found.scheme if found else EvaluationScheme.TRIWULAN
    return current_period_start(periods_for_year(year, scheme), today)


def _require_person(session: Session, employee_id: int) -> int:
    """Return the person's unit id."""
    row = staff_repo.find_employee(session, employee_id)
    if row is None:
        raise NotFoundError("Pegawai tidak ditemukan; mungkin sudah dihapus.")
    return row.unit_id


def _employment_status(session: Session, employee_id: int) -> EmploymentStatus:
    row = staff_repo.find_employee(session, employee_id)
    return row.status if row is not None else EmploymentStatus.PNS


def _require_item(session: Session, item_id: int) -> repo.StoredItem:
    stored = repo.item(session, item_id)
    if stored is None:
        raise NotFoundError("Kegiatan pengembangan tidak ditemukan; mungkin sudah dihapus.")
    return stored


def _status(raw: ItemStatus | str, errors: list[ValidationError]) -> ItemStatus | None:
    try:
        return ItemStatus(raw)
    except ValueError:
        errors.append(ValidationError(f"Status '{raw}' tidak dikenal.", field="status"))
        return None


@dataclass(frozen=True)
class ItemInput:
    """A plan item as the form has it; `DevelopmentService` checks every field."""

    addresses: str
    title: str
    path: LearningPath | str | None
    jp: str | Decimal | int
    provider: str = ""
    start: date | None = None
    end: date | None = None
    status: ItemStatus | str = ItemStatus.DIRENCANAKAN
    evidence_note: str = ""
    outcome: str = ""


def _checked(entry: ItemInput) -> tuple[ValidItem, ItemStatus, dict[str, str]]:
    """Validate every field at once; the texts come back cleaned.

    Raises:
        ValidationErrors: Every problem, each with its field.
    """
    errors: list[ValidationError] = []
    valid = None
    try:
        valid = validate_item(
            entry.addresses,
            entry.title,
            _path(entry.path),
            start=entry.start,
            end=entry.end,
            jp=str(entry.jp),
        )
    except ValidationErrors as problems:
        errors.extend(problems.errors)
    status = _status(entry.status, errors)
    texts = {
        field: checked_text(
            value, field=field, label=label, max_length=limit, required=False, errors=errors
        )
        for field, label, value, limit in (
            ("provider", "Penyelenggara", entry.provider, PROVIDER_MAX),
            ("evidence_note", "Bukti", entry.evidence_note, NOTE_MAX),
            ("outcome", "Hasil", entry.outcome, NOTE_MAX),
        )
    }
    if errors or valid is None or status is None:
        raise ValidationErrors(errors)
    return valid, status, texts


def _item_data(
    employee_id: int,
    year: int,
    entry: ItemInput,
    *,
    proposal_key: str | None,
    reviewed_on: date,
) -> repo.ItemData:
    valid, status, texts = _checked(entry)
    return repo.ItemData(
        employee_id=employee_id,
        year=year,
        addresses=valid.addresses,
        title=valid.title,
        path=valid.path.value,
        jp=valid.jp,
        provider=texts["provider"],
        start=valid.start,
        end=valid.end,
        status=status.value,
        evidence_note=texts["evidence_note"],
        outcome=texts["outcome"],
        proposal_key=proposal_key,
        reviewed_on=reviewed_on,
    )


class DevelopmentService:
    """The plans of people and years, and what the year's findings propose for them.

    Args:
        journal: Where the repeated weak spots that proposals come from are read.
    """

    def __init__(self, database: Database, access: AccessGuard, journal: JournalService) -> None:
        self._db = database
        self._access = access
        self._competence = CompetenceService(database, access)
        self._journal = journal

    def plan(self, employee_id: int, year: int, today: date) -> DevelopmentPlan:
        """The person's plan of ``year`` with overdue and review flags and JP against the minimum.

        An open item needs review when it has not been looked at since the period of the
        person's scheme running on ``today`` began.
        """
        with self._db.reading() as session:
            unit_id = _require_person(session, employee_id)
            self._access.require_person(session, employee_id, Action.VIEW)
            start = review_period_start(session, unit_id, year, today)
            stored = repo.items(session, employee_id, year)
            status = _employment_status(session, employee_id)
        items = tuple(plan_item(s, today, start) for s in stored)
        return make_plan(employee_id, year, items, today, status)

    def add_item(
        self,
        employee_id: int,
        year: int,
        entry: ItemInput,
        *,
        proposal_key: str | None = None,
        today: date | None = None,
    ) -> PlanItem:
        """Add an item to the person's plan of ``year``; adding it counts as its first review.

        Raises:
            NotFoundError: No such person.
            ValidationErrors: Every problem at once; nothing is saved.
        """
        data = _item_data(
            employee_id, year, entry, proposal_key=proposal_key, reviewed_on=today or date.today()
        )

        def work(session: Session) -> PlanItem:
            _require_person(session, employee_id)
            self._access.require_person(session, employee_id, Action.EDIT)
            return plan_item(repo.add_item(session, data))

        return self._db.run(work)

    def update_item(self, item_id: int, entry: ItemInput, *, today: date | None = None) -> PlanItem:
        """Write the item's fields and status; saving it is its review for the period.

        Raises:
            NotFoundError: No such item.
            ValidationErrors: Every problem at once; nothing is saved.
        """

        def work(session: Session) -> PlanItem:
            stored = _require_item(session, item_id).data
            self._access.require_person(session, stored.employee_id, Action.EDIT)
            data = _item_data(
                stored.employee_id,
                stored.year,
                entry,
                proposal_key=stored.proposal_key,
                reviewed_on=today or date.today(),
            )
            updated = repo.update_item(session, item_id, data)
            assert updated is not None
            return plan_item(updated)

        return self._db.run(work)

    def update_status(
        self,
        item_id: int,
        status: ItemStatus | str,
        *,
        outcome: str = "",
        evidence_note: str = "",
        today: date | None = None,
    ) -> PlanItem:
        """Move an item to ``status`` with its outcome and evidence; the rest stays.

        Raises:
            NotFoundError: No such item.
            ValidationErrors: Unknown status or texts too long.
        """
        with self._db.reading() as session:
            stored = _require_item(session, item_id).data
        entry = ItemInput(
            addresses=stored.addresses,
            title=stored.title,
            path=stored.path,
            jp=stored.jp,
            provider=stored.provider,
            start=stored.start,
            end=stored.end,
            status=status,
            evidence_note=evidence_note,
            outcome=outcome,
        )
        return self.update_item(item_id, entry, today=today)

    def mark_reviewed(self, item_id: int, today: date | None = None) -> PlanItem:
        """Record that the item was followed up today and stays as it is."""

        def work(session: Session) -> PlanItem:
            stored = _require_item(session, item_id)
            self._access.require_person(session, stored.data.employee_id, Action.EDIT)
            data = replace(stored.data, reviewed_on=today or date.today())
            updated = repo.update_item(session, item_id, data)
            assert updated is not None
            return plan_item(updated)

        return self._db.run(work)

    def proposals(self, employee_id: int, year: int) -> list[ActionProposal]:
        """Proposed plan items from the year's findings, without those dismissed or accepted.

        A proposal whose item was later cancelled is proposed again: the finding still stands.
        """
        with self._db.reading() as session:
            self._access.require_person(session, employee_id, Action.VIEW)
        profile = self._competence.profile(employee_id, date(year, 12, 31))
        with self._db.reading() as session:
            decisions = repo.year_decisions(session, employee_id, year)
            settled = repo.dismissed_keys(session, employee_id, year)
            settled |= repo.accepted_keys(session, employee_id, year)
        weak_spots = []
        for spot in self._journal.weak_spots(employee_id, year):
            if spot.value is None:
                weak_spots.append(("Perilaku Kerja", spot.action))
            elif spot.indicator is not None:
                text = behaviour_indicators(spot.value)[spot.indicator - 1]
                weak_spots.append((behaviour_label(spot.value), text))
            else:
                weak_spots.append((behaviour_label(spot.value), spot.action))
        proposed = propose_actions(
            gaps=profile.gaps,
            hasil=Rating(decisions.hasil) if decisions.hasil else None,
            perilaku=Rating(decisions.perilaku) if decisions.perilaku else None,
            predikat=Predikat(decisions.predikat) if decisions.predikat else None,
            weak_spots=weak_spots,
        )
        return [p for p in proposed if proposal_key(p) not in settled]

    def accept(
        self,
        employee_id: int,
        year: int,
        proposal: ActionProposal,
        edits: ItemInput | None = None,
        *,
        today: date | None = None,
    ) -> PlanItem:
        """Take a proposal into the plan, as proposed or as the supervisor edited it."""
        entry = edits or proposal_input(proposal)
        return self.add_item(
            employee_id, year, entry, proposal_key=proposal_key(proposal), today=today
        )

    def dismiss(self, employee_id: int, year: int, key: str, on: date | None = None) -> None:
        """Set a proposal aside for the person and year; it is no longer proposed."""

        def work(session: Session) -> None:
            _require_person(session, employee_id)
            self._access.require_person(session, employee_id, Action.EDIT)
            repo.dismiss(session, employee_id, year, key, on or date.today())

        self._db.run(work)
