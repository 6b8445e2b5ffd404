"""Audit findings until they are closed: follow-up with evidence, status, links.

Evidence files go into the office's evidence store (:class:`EvidenceStore`: the folder beside
a file, a server's table), as for realisation and the journal. A finding can be linked as
evidence to an SKP result (RHK) or a behaviour observation. Every action is one transaction; a
refused one changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import findings as repo
from kinerja_desktop.data.repositories import journal as journal_repo
from kinerja_desktop.data.repositories import skp as skp_repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.domain.access import Action
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import NotFoundError, ValidationError, ValidationErrors
from kinerja_desktop.domain.journal_entry import evidence_text as _evidence_text
from kinerja_desktop.domain.staff import full_name
from kinerja_desktop.domain.supervision.deadlines import Deadline
from kinerja_desktop.domain.supervision.findings import (
    FindingFields,
    FindingSource,
    FindingStatus,
    check_follow_up,
    check_status,
    finding_deadline,
    status_after_follow_up,
    validate_finding,
)
from kinerja_desktop.domain.supervision_access import Subject, SupervisionAction
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.platform.evidence import open_evidence_store
from kinerja_desktop.services.supervision.units import unit_labels


@dataclass(frozen=True)
class Finding:
    id: int
    source: FindingSource
    reference: str
    found_on: date
    title: str
    condition: str
    criterion: str
    cause: str
    recommendation: str
    unit_id: int | None
    unit_label: str
    employee_id: int | None
    employee_name: str
    due_on: date
    status: FindingStatus
    closed_on: date | None
    status_note: str
    follow_ups: int
    deadline: Deadline
    #: What the signed-in account may do to this finding (the screens enable their buttons by it).
    allowed: frozenset[SupervisionAction] = frozenset()

    @property
    def subject(self) -> Subject:
        return Subject(self.unit_id, self.employee_id)

    @property
    def responsible(self) -> str:
        return ", ".join(part for part in (self.unit_label, self.employee_name) if part)


@dataclass(frozen=True)
class FollowUp:
    id: int
    finding_id: int
    done_on: date
    action: str
    evidence_text: str
    evidence_file: str
    evidence_sha256: str


@dataclass(frozen=True)
class LinkTarget:
    """Something of a person a finding can be evidence for.

    Attributes:
        kind: "RHK" (an SKP result) or "CATATAN" (a behaviour observation).
        text: What to show, e.g. "RHK 2026: Terlaksananya …" or "12 Maret 2026: …".
    """

    kind: str
    id: int
    text: str


@dataclass(frozen=True)
class FindingInput:
    fields: FindingFields
    unit_id: int | None = None
    employee_id: int | None = None


def to_finding(stored: repo.StoredFinding, labels: dict[int, str], today: date) -> Finding:
    data = stored.data
    status = FindingStatus(stored.status)
    return Finding(
        id=stored.id,
        source=FindingSource(data.source),
        reference=data.reference,
        found_on=data.found_on,
        title=data.title,
        condition=data.condition,
        criterion=data.criterion,
        cause=data.cause,
        recommendation=data.recommendation,
        unit_id=data.unit_id,
        unit_label=labels.get(data.unit_id, stored.unit_name) if data.unit_id else "",
        employee_id=data.employee_id,
        employee_name=full_name(stored.employee_name, stored.gelar_depan, stored.gelar_belakang)
        if stored.employee_name
        else "",
        due_on=data.due_on,
        status=status,
        closed_on=stored.closed_on,
        status_note=stored.status_note,
        follow_ups=stored.follow_ups,
        deadline=finding_deadline(status, data.due_on, today, closed_on=stored.closed_on),
    )


def _follow_up(stored: repo.StoredFollowUp) -> FollowUp:
    data = stored.data
    return FollowUp(
        stored.id,
        stored.finding_id,
        data.done_on,
        data.action,
        data.evidence_text,
        data.evidence_file,
        data.evidence_sha256,
    )


#: A finding in the words of a refusal.
_WHAT = "temuan audit"


class FindingService:
    """Records findings and their follow-up; reads them with their deadline flags.

    Every action asks the access guard first (`domain.supervision_access`): by the person and
    unit the finding names; nobody follows up or closes a finding about themselves.
    """

    def __init__(self, database: Database, evidence_dir: Path, access: AccessGuard) -> None:
        self._access = access
        self._db = database
        self.evidence_store = open_evidence_store(database, evidence_dir)

    # --- findings --------------------------------------------------------------------------

    def record(self, data: FindingInput, today: date | None = None) -> Finding:
        """Add a finding (status "not yet followed up").

        Raises:
            ValidationErrors: one message per unacceptable field.
            NotFoundError: the unit or person does not exist.
        """
        day = today or date.today()
        stored = _data(data, day)

        def work(session: Session) -> Finding:
            _check_links(session, data)
            self._require(session, SupervisionAction.RECORD, _subject(stored))
            return self._read(session, repo.add(session, stored), day)

        return self._db.run(work)

    def update(self, finding_id: int, data: FindingInput, today: date | None = None) -> Finding:
        """Correct a finding; a follow-up already recorded must stay after the finding's date."""
        day = today or date.today()
        stored = _data(data, day)

        def work(session: Session) -> Finding:
            current = self._stored(session, finding_id)
            _check_links(session, data)
            # Neither the finding as it is nor as it would become may be out of reach.
            self._require(session, SupervisionAction.CORRECT, _subject(current.data))
            self._require(session, SupervisionAction.CORRECT, _subject(stored))
            first = min(
                (item.data.done_on for item in repo.follow_ups(session, finding_id)), default=None
            )
            if first is not None and first < stored.found_on:
                raise ValidationError(
                    "Tanggal temuan tidak boleh sesudah tindak lanjut pertamanya.",
                    field="found_on",
                )
            repo.replace_data(session, finding_id, stored)
            return self._read(session, finding_id, day)

        return self._db.run(work)

    def set_status(
        self,
        finding_id: int,
        status: FindingStatus | str,
        *,
        note: str = "",
        on: date | None = None,
        today: date | None = None,
    ) -> Finding:
        """Set the status; done or "cannot" closes the finding on ``on`` (today by default).

        Raises:
            ValidationError: done without follow-up, "cannot" without a reason, "not yet" with
                follow-ups, a closing date before the finding or in the future.
        """
        day = today or date.today()
        try:
            new = FindingStatus(status)
        except ValueError:
            raise ValidationError("Status temuan tidak dikenal.", field="status") from None

        def work(session: Session) -> Finding:
            current = self._stored(session, finding_id)
            self._require(session, SupervisionAction.CLOSE, _subject(current.data))
            text = check_status(new, follow_ups=current.follow_ups, note=note)
            closed_on = None if new.is_open else (on or day)
            if closed_on is not None and not current.data.found_on <= closed_on <= day:
                raise ValidationError(
                    "Tanggal selesai harus antara tanggal temuan dan hari ini.", field="closed_on"
                )
            repo.set_status(session, finding_id, new.value, text, closed_on)
            return self._read(session, finding_id, day)

        return self._db.run(work)

    def findings(
        self,
        *,
        status: FindingStatus | None = None,
        open_only: bool = False,
        today: date | None = None,
    ) -> list[Finding]:
        day = today or date.today()
        with self._db.reading() as session:
            labels = unit_labels(session)
            found = [
                to_finding(stored, labels, day)
                for stored in repo.find(
                    session, status=status.value if status else None, open_only=open_only
                )
            ]
            scope = self._access.supervision(session)
            return [
                replace(finding, allowed=scope.allowed(finding.subject))
                for finding in found
                if scope.allows(SupervisionAction.READ, finding.subject)
            ]

    def get(self, finding_id: int, today: date | None = None) -> Finding:
        with self._db.reading() as session:
            self._readable(session, finding_id)
            return self._read(session, finding_id, today or date.today())

    # --- follow-up -------------------------------------------------------------------------

    def add_follow_up(
        self,
        finding_id: int,
        done_on: date,
        action: str,
        *,
        evidence_note: str = "",
        evidence_link: str = "",
        evidence_file: Path | None = None,
        today: date | None = None,
    ) -> FollowUp:
        """Record a follow-up; an untouched finding becomes "in progress".

        Raises:
            ValidationErrors: dated before the finding or in the future, no action, bad link.
            ValidationError: the evidence file is missing, empty or too large.
            NotFoundError: the finding is gone. Nothing is saved in any case.
        """
        day = today or date.today()
        # The file is read before the transaction: on a server the work may run twice.
        incoming = None if evidence_file is None else self.evidence_store.take(evidence_file)

        def work(session: Session) -> FollowUp:
            current = self._stored(session, finding_id)
            self._require(session, SupervisionAction.CORRECT, _subject(current.data))
            text = check_follow_up(done_on, action, found_on=current.data.found_on, today=day)
            errors: list[ValidationError] = []
            evidence = _evidence_text(evidence_note, evidence_link, errors)
            if errors:
                raise ValidationErrors(errors)
            name = sha = ""
            if incoming is not None:
                copy = self.evidence_store.add(session, incoming)
                name, sha = copy.stored_name, copy.sha256
            follow_up_id = repo.add_follow_up(
                session, finding_id, repo.FollowUpData(done_on, text, evidence, name, sha)
            )
            status = status_after_follow_up(FindingStatus(current.status))
            if status.value != current.status:
                repo.set_status(session, finding_id, status.value, current.status_note, None)
            stored = repo.get_follow_up(session, follow_up_id)
            assert stored is not None
            return _follow_up(stored)

        return self._db.run(work)

    def follow_ups(self, finding_id: int) -> list[FollowUp]:
        with self._db.reading() as session:
            self._readable(session, finding_id)
            return [_follow_up(item) for item in repo.follow_ups(session, finding_id)]

    def evidence_path(self, follow_up_id: int) -> Path:
        """The stored copy of a follow-up's file, after checking it is intact.

        Raises:
            NotFoundError: no file.
            DomainError: the copy is missing or changed.
        """
        with self._db.reading() as session:
            stored = repo.get_follow_up(session, follow_up_id)
            if stored is not None:
                self._readable(session, stored.finding_id)
        if stored is None or not stored.data.evidence_file:
            raise NotFoundError("Tindak lanjut ini tidak punya berkas bukti.")
        name = stored.data.evidence_file
        return self.evidence_store.open(name, Path(name).name, stored.data.evidence_sha256)

    # --- links -----------------------------------------------------------------------------

    def link(
        self, finding_id: int, *, rhk_id: int | None = None, observation_id: int | None = None
    ) -> list[repo.StoredLink]:
        """Use a finding as evidence for an SKP result (RHK) or a journal observation.

        Raises:
            ValidationError: neither or both targets given, or the link exists already.
            NotFoundError: the finding, the RHK or the observation is gone.
        """
        if (rhk_id is None) == (observation_id is None):
            raise ValidationError(
                "Pilih satu tujuan: hasil kerja (RHK) atau catatan perilaku.", field="target"
            )

        def work(session: Session) -> list[repo.StoredLink]:
            current = self._stored(session, finding_id)
            self._require(session, SupervisionAction.CORRECT, _subject(current.data))
            holder = self._target_holder(session, rhk_id, observation_id)
            # The finding becomes evidence in that person's records: editing them.
            self._access.require_person(session, holder, Action.EDIT)
            if repo.has_link(session, finding_id, rhk_id=rhk_id, observation_id=observation_id):
                raise ValidationError("Temuan ini sudah ditautkan ke sana.", field="target")
            repo.add_link(session, finding_id, rhk_id=rhk_id, observation_id=observation_id)
            return repo.links(session, finding_id=finding_id)

        return self._db.run(work)

    def link_targets(self, employee_id: int, year: int) -> list[LinkTarget]:
        """The person's RHK of ``year`` and their journal entries of that year."""
        with self._db.reading() as session:
            self._access.require_person(session, employee_id, Action.VIEW)
            targets = []
            skp = skp_repo.skp_for(session, employee_id, year)
            if skp is not None:
                targets += [
                    LinkTarget("RHK", option.id, f"RHK {year}: {option.text}")
                    for option in skp_repo.rhk_options(session, skp.id)
                ]
            query = journal_repo.ObservationQuery(
                employee_id=employee_id, start=date(year, 1, 1), end=date(year, 12, 31)
            )
            targets += [
                LinkTarget(
                    "CATATAN",
                    stored.id,
                    f"Catatan {format_date_id(stored.data.observed_on)}: {stored.data.text}",
                )
                for stored in journal_repo.find(session, query, 200)
            ]
            return targets

    def unlink(self, link_id: int) -> None:
        def work(session: Session) -> None:
            finding_id = repo.link_finding(session, link_id)
            if finding_id is None:
                raise NotFoundError("Tautan tidak ditemukan; mungkin sudah dihapus.")
            current = self._stored(session, finding_id)
            self._require(session, SupervisionAction.CORRECT, _subject(current.data))
            repo.remove_link(session, link_id)

        self._db.run(work)

    def links(
        self,
        *,
        finding_id: int | None = None,
        rhk_id: int | None = None,
        observation_id: int | None = None,
    ) -> list[repo.StoredLink]:
        """Links the account may read: both the finding and the linked person's records."""
        with self._db.reading() as session:
            found = repo.links(
                session, finding_id=finding_id, rhk_id=rhk_id, observation_id=observation_id
            )
            scope = self._access.supervision(session)
            subjects = {
                link.finding_id: _subject(self._stored(session, link.finding_id).data)
                for link in found
            }
            return [
                link
                for link in found
                if scope.allows(SupervisionAction.READ, subjects[link.finding_id])
                and self._access.allows(session, link.employee_id, Action.VIEW)
            ]

    # --- steps -----------------------------------------------------------------------------

    def _stored(self, session: Session, finding_id: int) -> repo.StoredFinding:
        stored = repo.get(session, finding_id)
        if stored is None:
            raise NotFoundError("Temuan tidak ditemukan; mungkin sudah dihapus.")
        return stored

    def _read(self, session: Session, finding_id: int, today: date) -> Finding:
        finding = to_finding(self._stored(session, finding_id), unit_labels(session), today)
        return replace(finding, allowed=self._access.supervision(session).allowed(finding.subject))

    def _require(self, session: Session, action: SupervisionAction, subject: Subject) -> None:
        self._access.require_supervision(session, action, subject, _WHAT)

    def _readable(self, session: Session, finding_id: int) -> None:
        """Refuse unless the account may read the finding (NotFoundError when it is gone)."""
        self._require(
            session, SupervisionAction.READ, _subject(self._stored(session, finding_id).data)
        )

    @staticmethod
    def _target_holder(session: Session, rhk_id: int | None, observation_id: int | None) -> int:
        """The person whose RHK or journal entry a link points to.

        Raises:
            NotFoundError: the RHK or the observation is gone.
        """
        if rhk_id is not None:
            holder = repo.rhk_holder(session, rhk_id)
            if holder is None:
                raise NotFoundError("Hasil kerja (RHK) tidak ditemukan.")
            return holder
        observation = journal_repo.get(session, observation_id) if observation_id else None
        if observation is None:
            raise NotFoundError("Catatan perilaku tidak ditemukan.")
        return observation.data.employee_id


def _data(data: FindingInput, today: date) -> repo.FindingData:
    valid = validate_finding(data.fields, today)
    return repo.FindingData(
        source=valid.source.value,
        found_on=valid.found_on,
        title=valid.title,
        condition=valid.condition,
        recommendation=valid.recommendation,
        due_on=valid.due_on,
        criterion=valid.criterion,
        cause=valid.cause,
        reference=valid.reference,
        unit_id=data.unit_id,
        employee_id=data.employee_id,
    )


def _subject(data: repo.FindingData) -> Subject:
    return Subject(data.unit_id, data.employee_id)


def _check_links(session: Session, data: FindingInput) -> None:
    if data.unit_id is not None and staff_repo.find_unit(session, data.unit_id) is None:
        raise NotFoundError("Unit yang bertanggung jawab tidak ditemukan; pilih dari daftar.")
    if data.employee_id is not None and staff_repo.find_employee(session, data.employee_id) is None:
        raise NotFoundError("Pegawai yang bertanggung jawab tidak ditemukan; pilih dari daftar.")
