"""The competence development plan of a person and year: items, JP, and proposals.

Proposals come from the year's findings (competence gaps, the decided ratings and predikat,
repeated weak spots in the journal); the supervisor accepts one into the plan or dismisses it.
A proposal is known by its `proposal_key`, so a dismissed one stays away.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import competence as repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.domain.development import (
    ActionProposal,
    DevelopmentItem,
    ItemStatus,
    JpTotal,
    LearningPath,
    jp_shortfall,
    jp_total,
    lapsed,
    minimum_jp,
    overdue,
    propose_actions,
    validate_item,
)
from kinerja_desktop.domain.errors import NotFoundError, ValidationError, ValidationErrors
from kinerja_desktop.domain.predikat import Predikat
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.reference_data import behaviour_indicators, behaviour_label
from kinerja_desktop.domain.staff import clean_text
from kinerja_desktop.services.competence_service import CompetenceService
from kinerja_desktop.services.journal_service import JournalService

__all__ = ["DevelopmentPlan", "DevelopmentService", "PlanItem", "proposal_key"]

PROVIDER_MAX = 200
NOTE_MAX = 2000


@dataclass(frozen=True)
class PlanItem:
    """A stored plan item with what the screens add to it."""

    id: int
    employee_id: int
    year: int
    item: DevelopmentItem
    provider: str
    evidence_note: str
    outcome: str
    overdue: bool = False


@dataclass(frozen=True)
class DevelopmentPlan:
    """A person's plan for a year: items, JP done and planned, and what is still missing."""

    employee_id: int
    year: int
    items: tuple[PlanItem, ...]
    jp: JpTotal
    minimum: Decimal
    shortfall: Decimal
    lapsed: bool


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


def _optional_text(value: str, field: str, limit: int, errors: list[ValidationError]) -> str:
    cleaned = clean_text(value)
    if len(cleaned) > limit:
        errors.append(
            ValidationError(f"Teks terlalu panjang (paling banyak {limit} karakter).", field=field)
        )
    return cleaned


def _plan_item(stored: repo.StoredItem, today: date | None = None) -> PlanItem:
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
    return PlanItem(
        id=stored.id,
        employee_id=data.employee_id,
        year=data.year,
        item=item,
        provider=data.provider,
        evidence_note=data.evidence_note,
        outcome=data.outcome,
        overdue=today is not None and overdue(item, today),
    )


def _require_person(session: Session, employee_id: int) -> None:
    if staff_repo.employee_row(session, employee_id) is None:
        raise NotFoundError("Pegawai tidak ditemukan; mungkin sudah dihapus.")


class DevelopmentService:
    def __init__(self, database: Database) -> None:
        self._db = database
        self._competence = CompetenceService(database)

    def plan(self, employee_id: int, year: int, today: date) -> DevelopmentPlan:
        """The person's plan of ``year`` with overdue flags and JP against the minimum."""
        with self._db.reading() as session:
            _require_person(session, employee_id)
            items = tuple(_plan_item(s, today) for s in repo.items(session, employee_id, year))
        total = jp_total(i.item for i in items)
        minimum = minimum_jp()
        return DevelopmentPlan(
            employee_id=employee_id,
            year=year,
            items=items,
            jp=total,
            minimum=minimum,
            shortfall=jp_shortfall(total.done, minimum),
            lapsed=lapsed([i.item for i in items], today),
        )

    def add_item(
        self,
        employee_id: int,
        year: int,
        *,
        addresses: str,
        title: str,
        path: LearningPath | str | None,
        provider: str = "",
        start: date | None = None,
        end: date | None = None,
        jp: str | Decimal | int,
    ) -> PlanItem:
        """Add an item to the person's plan of ``year``.

        Raises:
            NotFoundError: No such person.
            ValidationErrors: Every problem at once; nothing is saved.
        """
        errors: list[ValidationError] = []
        valid = None
        try:
            valid = validate_item(addresses, title, _path(path), start=start, end=end, jp=str(jp))
        except ValidationErrors as problems:
            errors.extend(problems.errors)
        cleaned_provider = _optional_text(provider, "provider", PROVIDER_MAX, errors)
        if errors or valid is None:
            raise ValidationErrors(errors)
        with self._db.transaction() as session:
            _require_person(session, employee_id)
            stored = repo.add_item(
                session,
                repo.ItemData(
                    employee_id=employee_id,
                    year=year,
                    addresses=valid.addresses,
                    title=valid.title,
                    path=valid.path.value,
                    jp=valid.jp,
                    provider=cleaned_provider,
                    start=valid.start,
                    end=valid.end,
                ),
            )
            return _plan_item(stored)

    def update_status(
        self,
        item_id: int,
        status: ItemStatus | str,
        *,
        outcome: str = "",
        evidence_note: str = "",
    ) -> PlanItem:
        """Move an item to ``status`` and record its outcome and evidence.

        Raises:
            NotFoundError: No such item.
            ValidationErrors: Unknown status or texts too long.
        """
        errors: list[ValidationError] = []
        try:
            new_status = ItemStatus(status)
        except ValueError:
            new_status = None
            errors.append(ValidationError(f"Status '{status}' tidak dikenal.", field="status"))
        cleaned_outcome = _optional_text(outcome, "outcome", NOTE_MAX, errors)
        cleaned_note = _optional_text(evidence_note, "evidence_note", NOTE_MAX, errors)
        if errors or new_status is None:
            raise ValidationErrors(errors)
        with self._db.transaction() as session:
            stored = repo.item(session, item_id)
            if stored is None:
                raise NotFoundError("Kegiatan pengembangan tidak ditemukan; mungkin sudah dihapus.")
            data = stored.data
            updated = repo.update_item(
                session,
                item_id,
                repo.ItemData(
                    employee_id=data.employee_id,
                    year=data.year,
                    addresses=data.addresses,
                    title=data.title,
                    path=data.path,
                    jp=data.jp,
                    provider=data.provider,
                    start=data.start,
                    end=data.end,
                    status=new_status.value,
                    evidence_note=cleaned_note,
                    outcome=cleaned_outcome,
                ),
            )
            assert updated is not None
            return _plan_item(updated)

    def proposals(self, employee_id: int, year: int) -> list[ActionProposal]:
        """Proposed plan items from the year's findings, without the dismissed ones."""
        profile = self._competence.profile(employee_id, date(year, 12, 31))
        with self._db.reading() as session:
            decisions = repo.year_decisions(session, employee_id, year)
            dismissed = repo.dismissed_keys(session, employee_id, year)
        weak_spots = []
        for report in JournalService(self._db, Path(".")).weak_spot_reports(employee_id, year):
            spot = report.spot
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
        return [p for p in proposed if proposal_key(p) not in dismissed]

    def accept(
        self, employee_id: int, year: int, proposal: ActionProposal, **edits: Any
    ) -> PlanItem:
        """Add a proposal to the plan; ``edits`` replace any of `add_item`'s keyword fields."""
        fields: dict[str, Any] = {
            "addresses": proposal.addresses,
            "title": proposal.title,
            "path": proposal.paths[0],
            "jp": proposal.jp if proposal.jp is not None else Decimal(0),
        }
        fields.update(edits)
        return self.add_item(employee_id, year, **fields)

    def dismiss(self, employee_id: int, year: int, key: str, on: date | None = None) -> None:
        """Set a proposal aside for the person and year; it is no longer proposed."""
        with self._db.transaction() as session:
            _require_person(session, employee_id)
            repo.dismiss(session, employee_id, year, key, on or date.today())
