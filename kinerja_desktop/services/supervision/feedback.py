"""The register of complaints, suggestions and compliments, and its link to the journal.

One action turns an entry about a person into an observation in their behaviour journal
(Berorientasi Pelayanan by default; negative for a complaint, positive for a compliment,
neutral for a suggestion; source "Masukan masyarakat"). Both are written in one transaction
and point at each other: the entry keeps the observation's id, and
:meth:`FeedbackService.for_observation` finds the entry from the observation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import feedback as repo
from kinerja_desktop.data.repositories import journal as journal_repo
from kinerja_desktop.data.repositories import seal_chain as seal_chain_repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.domain.access import Action
from kinerja_desktop.domain.behaviour import (
    INDICATORS_PER_VALUE,
    ObservationSign,
    ObservationSource,
)
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import NotFoundError, ValidationError
from kinerja_desktop.domain.seal_chain import SealAction, SealFields, content_digest
from kinerja_desktop.domain.staff import full_name
from kinerja_desktop.domain.supervision.complaints import (
    Channel,
    FeedbackFields,
    FeedbackKind,
    FeedbackStatus,
    check_status_change,
    deadline_for,
    validate_feedback,
)
from kinerja_desktop.domain.supervision.deadlines import Deadline
from kinerja_desktop.domain.supervision_access import Subject, SupervisionAction
from kinerja_desktop.domain.text import checked_text
from kinerja_desktop.domain.working_days import WorkingCalendar
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.evaluation import journal_audit
from kinerja_desktop.services.platform.seals import REASON_MAX, current_actor
from kinerja_desktop.services.progress.calendar import HolidayLookup, calendar_between
from kinerja_desktop.services.progress.holidays_id import national_holidays
from kinerja_desktop.services.supervision.units import unit_labels

#: The journal's longest text (see evaluation.journal.TEXT_MAX).
_JOURNAL_TEXT_MAX = 2000

_SIGN_FOR_KIND = {
    FeedbackKind.PENGADUAN: ObservationSign.NEGATIF,
    FeedbackKind.SARAN: ObservationSign.NETRAL,
    FeedbackKind.APRESIASI: ObservationSign.POSITIF,
}


@dataclass(frozen=True)
class FeedbackEntry:
    """One entry of the register as the screens show it."""

    id: int
    kind: FeedbackKind
    channel: Channel
    ticket: str
    received_on: date
    unit_id: int | None
    unit_label: str
    employee_id: int | None
    employee_name: str
    category: str
    reporter: str
    text: str
    status: FeedbackStatus
    respond_by: date | None
    resolve_by: date | None
    verified_on: date | None
    follow_up_on: date | None
    closed_on: date | None
    resolution: str
    observation_id: int | None
    survey_id: int | None
    deadline: Deadline
    age_days: int
    #: What the signed-in account may do to this entry (the screens enable their buttons by it).
    allowed: frozenset[SupervisionAction] = frozenset()

    @property
    def subject(self) -> Subject:
        return Subject(self.unit_id, self.employee_id)

    @property
    def channel_text(self) -> str:
        """E.g. "SP4N-LAPOR! 2026-0042"."""
        return f"{self.channel.label} {self.ticket}".strip()


@dataclass(frozen=True)
class FeedbackFilter:
    """What the register shows; None (or empty text) means "any"."""

    kind: FeedbackKind | None = None
    open_only: bool = False
    employee_id: int | None = None
    unit_id: int | None = None
    text: str = ""


@dataclass(frozen=True)
class FeedbackInput:
    """What the register's form sends."""

    fields: FeedbackFields
    unit_id: int | None = None
    employee_id: int | None = None


def to_entry(stored: repo.StoredFeedback, labels: dict[int, str], today: date) -> FeedbackEntry:
    data = stored.data
    kind = FeedbackKind(data.kind)
    status = FeedbackStatus(stored.status)
    return FeedbackEntry(
        id=stored.id,
        kind=kind,
        channel=Channel(data.channel),
        ticket=data.ticket,
        received_on=data.received_on,
        unit_id=data.unit_id,
        unit_label=labels.get(data.unit_id, stored.unit_name) if data.unit_id else "",
        employee_id=data.employee_id,
        employee_name=full_name(stored.employee_name, stored.gelar_depan, stored.gelar_belakang)
        if stored.employee_name
        else "",
        category=data.category,
        reporter=data.reporter,
        text=data.text,
        status=status,
        respond_by=data.respond_by,
        resolve_by=data.resolve_by,
        verified_on=stored.verified_on,
        follow_up_on=stored.follow_up_on,
        closed_on=stored.closed_on,
        resolution=stored.resolution,
        observation_id=stored.observation_id,
        survey_id=data.survey_id,
        deadline=deadline_for(
            kind,
            status,
            respond_by=data.respond_by,
            resolve_by=data.resolve_by,
            today=today,
            closed_on=stored.closed_on,
        ),
        age_days=((stored.closed_on or today) - data.received_on).days,
    )


def check_links(session: Session, unit_id: int | None, employee_id: int | None) -> None:
    """Raise NotFoundError when the unit or the person named does not exist."""
    if unit_id is not None and staff_repo.find_unit(session, unit_id) is None:
        raise NotFoundError("Unit layanan tidak ditemukan; pilih dari daftar.")
    if employee_id is not None and staff_repo.find_employee(session, employee_id) is None:
        raise NotFoundError("Pegawai tidak ditemukan; pilih dari daftar.")


#: Calendar days read ahead of the receipt for the working-day deadline: room for a response
#: deadline of several working days across the longest run of days off (Lebaran's cuti bersama).
_DEADLINE_HORIZON_DAYS = 90


def deadline_calendar(
    session: Session, received_on: date, holidays: HolidayLookup = national_holidays
) -> WorkingCalendar:
    """The office's working days after ``received_on``: national holidays and its days off."""
    return calendar_between(
        session, received_on, received_on + timedelta(days=_DEADLINE_HORIZON_DAYS), holidays
    )


def feedback_data(
    valid_input: FeedbackInput,
    today: date,
    survey_id: int | None = None,
    calendar: WorkingCalendar | None = None,
) -> repo.FeedbackData:
    """The entry as stored, checked; empty deadlines take the defaults counted on ``calendar``.

    ``calendar`` is the office's (`deadline_calendar`); None counts weekends only.
    """
    valid = validate_feedback(valid_input.fields, today, calendar)
    return repo.FeedbackData(
        kind=valid.kind.value,
        channel=valid.channel.value,
        received_on=valid.received_on,
        text=valid.text,
        ticket=valid.ticket,
        unit_id=valid_input.unit_id,
        employee_id=valid_input.employee_id,
        category=valid.category,
        reporter=valid.reporter,
        respond_by=valid.respond_by,
        resolve_by=valid.resolve_by,
        survey_id=survey_id,
    )


def _subject(data: repo.FeedbackData) -> Subject:
    return Subject(data.unit_id, data.employee_id)


def _what(data: repo.FeedbackData) -> str:
    """The entry in the words of a refusal: "pengaduan", "saran", "apresiasi"."""
    return FeedbackKind(data.kind).label.lower()


class FeedbackService:
    """Records, moves along and reads the register; turns entries into journal observations.

    Every action asks the access guard first (`domain.supervision_access`): who may record,
    correct, close, delete and read an entry depends on the person and unit it names, and no
    one changes an entry about themselves.
    """

    def __init__(
        self,
        database: Database,
        access: AccessGuard,
        holidays: HolidayLookup = national_holidays,
    ) -> None:
        self._db = database
        self._access = access
        self._holidays = holidays

    # --- writing ---------------------------------------------------------------------------

    def record(self, data: FeedbackInput, today: date | None = None) -> FeedbackEntry:
        """Add an entry (status "received"; deadlines default from the receipt day).

        Raises:
            ValidationErrors: one message per unacceptable field.
            NotFoundError: the unit or the person does not exist. Nothing is saved.
        """
        day = today or date.today()

        def work(session: Session) -> FeedbackEntry:
            stored_data = self._feedback_data(session, data, day)
            check_links(session, data.unit_id, data.employee_id)
            self._require(session, SupervisionAction.RECORD, stored_data)
            new_id = repo.add(session, stored_data)
            return self._read(session, new_id, day)

        return self._db.run(work)

    def update(
        self, feedback_id: int, data: FeedbackInput, today: date | None = None
    ) -> FeedbackEntry:
        """Correct what was recorded; the status and its dates stay.

        Raises:
            The same as ``record``; NotFoundError also when the entry is gone.
        """
        day = today or date.today()

        def work(session: Session) -> FeedbackEntry:
            stored_data = self._feedback_data(session, data, day)
            current = self._stored(session, feedback_id)
            check_links(session, data.unit_id, data.employee_id)
            # Neither the entry as it is nor as it would become may be out of reach.
            self._require(session, SupervisionAction.CORRECT, current.data)
            self._require(session, SupervisionAction.CORRECT, stored_data)
            if current.observation_id is not None and data.employee_id != current.data.employee_id:
                raise ValidationError(
                    "Entri ini sudah menjadi catatan perilaku pegawai tersebut; pegawainya tidak "
                    "dapat diganti. Hapus dulu catatan perilakunya bila memang keliru.",
                    field="employee_id",
                )
            repo.replace_data(session, feedback_id, stored_data)
            return self._read(session, feedback_id, day)

        return self._db.run(work)

    def move(
        self,
        feedback_id: int,
        status: FeedbackStatus | str,
        *,
        on: date | None = None,
        resolution: str = "",
        today: date | None = None,
    ) -> FeedbackEntry:
        """Move an entry forward (verified, in follow-up, closed); closing needs the resolution.

        Raises:
            ValidationError: moving back, a bad date, closing without a resolution.
            NotFoundError: the entry is gone.
        """
        day = today or date.today()
        try:
            new = FeedbackStatus(status)
        except ValueError:
            raise ValidationError("Status tidak dikenal.", field="status") from None

        def work(session: Session) -> FeedbackEntry:
            current = self._stored(session, feedback_id)
            self._require(session, SupervisionAction.CLOSE, current.data)
            text = check_status_change(
                FeedbackStatus(current.status),
                new,
                changed_on=on or day,
                received_on=current.data.received_on,
                resolution=resolution,
                today=day,
            )
            repo.set_status(session, feedback_id, new.value, on or day, text)
            return self._read(session, feedback_id, day)

        return self._db.run(work)

    def remove(self, feedback_id: int, reason: str) -> None:
        """Delete an entry; its journal observation, if any, stays in the journal.

        The deletion goes into the audit log (who, when, why, what the entry said, the digest
        of its stored content) in the same transaction.

        Raises:
            ValidationError: no reason, or one longer than `REASON_MAX` (field "reason").
            AccessDeniedError: not the unit head of the entry's person or unit, nor admin; or
                the entry is about the account's own person.
            NotFoundError: the entry is gone.
        """
        why = checked_text(
            reason,
            field="reason",
            label="Alasan menghapus entri",
            max_length=REASON_MAX,
            hint="alasan dicatat di catatan audit.",
        )

        def work(session: Session) -> None:
            current = self._stored(session, feedback_id)
            self._require(session, SupervisionAction.DELETE, current.data)
            repo.delete(session, feedback_id)
            _log_removal(session, current, self._access.actor or current_actor(), why)

        self._db.run(work)

    def to_observation(
        self,
        feedback_id: int,
        *,
        value: BehaviourValue | str = BehaviourValue.BERORIENTASI_PELAYANAN,
        sign: ObservationSign | str | None = None,
        indicator: int | None = None,
        serious: bool = False,
        today: date | None = None,
    ) -> FeedbackEntry:
        """Turn an entry about a person into a behaviour observation, linked both ways.

        The observation is dated the day the entry was received, says where it came from, and
        names the register entry as its evidence.

        Raises:
            ValidationError: the entry names nobody, already has its observation, or the value,
                sign or indicator is not valid; or it was received in a period of the person
                whose evaluation was signed (`observation_refusal` says so beforehand).
            NotFoundError: the entry is gone. Nothing is saved in any case.
        """
        day = today or date.today()

        def work(session: Session) -> FeedbackEntry:
            current = self._stored(session, feedback_id)
            data = current.data
            if data.employee_id is None:
                raise ValidationError(
                    "Entri ini tidak menyebut pegawai; pilih dulu pegawai yang dimaksud.",
                    field="employee_id",
                )
            if current.observation_id is not None:
                raise ValidationError(
                    "Entri ini sudah menjadi catatan perilaku.", field="observation_id"
                )
            self._require(session, SupervisionAction.CORRECT, data)
            # Writing in a person's journal is editing their records.
            self._access.require_person(session, data.employee_id, Action.EDIT)
            journal_audit.require_open_on(session, data.employee_id, data.received_on)
            kind = FeedbackKind(data.kind)
            observation = journal_repo.ObservationData(
                employee_id=data.employee_id,
                observed_on=data.received_on,
                value_code=_value(value).value,
                indicator=_indicator(indicator),
                sign=_sign(sign, kind).value,
                serious=serious,
                text=_observation_text(kind, Channel(data.channel), data.ticket, data.text),
                source=ObservationSource.MASYARAKAT.value,
                evidence_text=f"Register pengaduan dan apresiasi no. {feedback_id} (Pengawasan)",
            )
            observation_id = journal_repo.add(session, observation)
            repo.link_observation(session, feedback_id, observation_id)
            return self._read(session, feedback_id, day)

        return self._db.run(work)

    def observation_refusal(self, feedback_id: int) -> str | None:
        """Why the entry cannot become an observation now: its day lies in a signed period.

        Asked before the value and sign are chosen; None when nothing in the seal rule stands
        in the way (`to_observation` checks everything again).
        """
        with self._db.reading() as session:
            data = self._stored(session, feedback_id).data
            self._require(session, SupervisionAction.READ, data)
            if data.employee_id is None:
                return None
            return journal_audit.sealed_refusal(session, data.employee_id, data.received_on)

    # --- reading ---------------------------------------------------------------------------

    def get(self, feedback_id: int, today: date | None = None) -> FeedbackEntry:
        with self._db.reading() as session:
            self._require(session, SupervisionAction.READ, self._stored(session, feedback_id).data)
            return self._read(session, feedback_id, today or date.today())

    def entries(
        self,
        feedback_filter: FeedbackFilter | None = None,
        *,
        limit: int | None = None,
        today: date | None = None,
    ) -> list[FeedbackEntry]:
        """Entries matching the filter, newest first."""
        day = today or date.today()
        wanted = feedback_filter or FeedbackFilter()
        query = repo.FeedbackQuery(
            kind=wanted.kind.value if wanted.kind else None,
            open_only=wanted.open_only,
            employee_id=wanted.employee_id,
            unit_id=wanted.unit_id,
            text=" ".join(wanted.text.split()),
        )
        with self._db.reading() as session:
            labels = unit_labels(session)
            found = [to_entry(stored, labels, day) for stored in repo.find(session, query, limit)]
            scope = self._access.supervision(session)
            return [
                replace(entry, allowed=scope.allowed(entry.subject))
                for entry in found
                if scope.allows(SupervisionAction.READ, entry.subject)
            ]

    def for_observation(
        self, observation_id: int, today: date | None = None
    ) -> FeedbackEntry | None:
        """The register entry a journal observation was made from, if any."""
        with self._db.reading() as session:
            stored = repo.by_observation(session, observation_id)
            if stored is None:
                return None
            self._require(session, SupervisionAction.READ, stored.data)
            return self._read(session, stored.id, today or date.today())

    # --- steps -----------------------------------------------------------------------------

    def _feedback_data(
        self, session: Session, data: FeedbackInput, today: date
    ) -> repo.FeedbackData:
        calendar = deadline_calendar(session, data.fields.received_on, self._holidays)
        return feedback_data(data, today, calendar=calendar)

    def _stored(self, session: Session, feedback_id: int) -> repo.StoredFeedback:
        stored = repo.get(session, feedback_id)
        if stored is None:
            raise NotFoundError("Entri register tidak ditemukan; mungkin sudah dihapus.")
        return stored

    def _read(self, session: Session, feedback_id: int, today: date) -> FeedbackEntry:
        entry = to_entry(self._stored(session, feedback_id), unit_labels(session), today)
        return replace(entry, allowed=self._access.supervision(session).allowed(entry.subject))

    def _require(
        self, session: Session, action: SupervisionAction, data: repo.FeedbackData
    ) -> None:
        self._access.require_supervision(session, action, _subject(data), _what(data))


def _log_removal(session: Session, stored: repo.StoredFeedback, actor: str, reason: str) -> None:
    """Write the deleted entry into the hash-chained audit log (append-only)."""
    data = stored.data
    kind = FeedbackKind(data.kind)
    about = ", ".join(part for part in (stored.employee_name, stored.unit_name) if part)
    where = f"{Channel(data.channel).label} {data.ticket}".strip()
    excerpt = data.text if len(data.text) <= 200 else data.text[:199].rstrip() + "…"
    content = {"id": stored.id, "status": stored.status, **vars(data)}
    seal_chain_repo.append(
        session,
        SealFields(
            at=datetime.now().replace(microsecond=0).isoformat(),
            actor=actor,
            action=SealAction.REGISTER_DIHAPUS,
            record=f"register:{stored.id}",
            label=f"{kind.label} {format_date_id(data.received_on)} ({where}) tentang "
            f"{about or 'kantor'}: {excerpt}",
            reason=reason,
            digest=content_digest(_json_ready(content)),
        ),
    )


def _json_ready(content: dict[str, object]) -> dict[str, object]:
    """Dates as ISO text, for the digest's canonical JSON."""
    return {
        key: value.isoformat() if isinstance(value, date) else value
        for key, value in content.items()
    }


def _value(raw: BehaviourValue | str) -> BehaviourValue:
    try:
        return BehaviourValue(raw)
    except ValueError:
        raise ValidationError(
            "Pilih salah satu dari tujuh nilai BerAKHLAK.", field="value"
        ) from None


def _sign(raw: ObservationSign | str | None, kind: FeedbackKind) -> ObservationSign:
    if raw is None:
        return _SIGN_FOR_KIND[kind]
    try:
        return ObservationSign(raw)
    except ValueError:
        raise ValidationError(
            "Pilih sifat catatan: positif, negatif, atau netral.", field="sign"
        ) from None


def _indicator(indicator: int | None) -> int | None:
    if indicator is not None and not 1 <= indicator <= INDICATORS_PER_VALUE:
        raise ValidationError(
            f"Nomor panduan perilaku harus 1 sampai {INDICATORS_PER_VALUE}.", field="indicator"
        )
    return indicator


def _observation_text(kind: FeedbackKind, channel: Channel, ticket: str, text: str) -> str:
    where = f"{channel.label} {ticket}".strip()
    intro = f"{kind.label} masyarakat melalui {where}: "
    room = _JOURNAL_TEXT_MAX - len(intro)
    body = text if len(text) <= room else text[: room - 1].rstrip() + "…"
    return intro + body
