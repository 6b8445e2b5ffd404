"""The public's kiosk: one respondent's answers, and an optional compliment or complaint.

Each submission is one transaction: the respondent goes into the running survey (source KIOS)
and, when the citizen wrote something, an entry into the register (channel "Kios survei") about
the survey's unit and, when picked, the staff member who served them.

The kiosk is left only with a PIN that the supervisor sets when starting it (not an account
password, which should not be typed at a public counter); only its scrypt hash (random salt) is
kept, in memory, for as long as the kiosk runs. Repeated wrong PINs slow the next try down.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import feedback as feedback_repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.supervision.complaints import Channel, FeedbackFields, FeedbackKind
from kinerja_desktop.services.progress.calendar import HolidayLookup
from kinerja_desktop.services.progress.holidays_id import national_holidays
from kinerja_desktop.services.supervision.feedback import (
    FeedbackInput,
    deadline_calendar,
    feedback_data,
)
from kinerja_desktop.services.supervision.surveys import SurveyInfo, SurveyService

PIN_MIN = 4
PIN_MAX = 12
#: scrypt cost: about 16 MiB and a few tens of milliseconds per check on an old PC.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "maxmem": 64 * 1024 * 1024, "dklen": 32}


class KioskLock:
    """The PIN that leaves the kiosk, kept only as a salted scrypt hash."""

    def __init__(self, pin: str) -> None:
        check_pin(pin)
        self._salt = secrets.token_bytes(16)
        self._hash = self._derive(pin)
        self.failures = 0

    def _derive(self, pin: str) -> bytes:
        return hashlib.scrypt(pin.encode("utf-8"), salt=self._salt, **_SCRYPT)

    def verify(self, pin: str) -> bool:
        ok = hmac.compare_digest(self._derive(pin), self._hash)
        self.failures = 0 if ok else self.failures + 1
        return ok


def check_pin(pin: str) -> None:
    """A PIN is 4 to 12 digits.

    Raises:
        ValidationError: it is not (field "pin").
    """
    if not (pin.isascii() and pin.isdigit() and PIN_MIN <= len(pin) <= PIN_MAX):
        raise ValidationError(f"PIN kios berupa {PIN_MIN} sampai {PIN_MAX} angka.", field="pin")


@dataclass(frozen=True)
class StaffChoice:
    """A staff member the citizen can pick: name and jabatan only."""

    id: int
    name: str
    jabatan: str


@dataclass(frozen=True)
class KioskSubmission:
    """What one citizen gave at the kiosk."""

    answers: Sequence[int | None]
    served_by_id: int | None = None
    note_kind: FeedbackKind | None = None
    note_text: str = ""


class KioskService:
    def __init__(
        self,
        database: Database,
        surveys: SurveyService,
        holidays: HolidayLookup = national_holidays,
    ) -> None:
        self._db = database
        self._surveys = surveys
        self._holidays = holidays

    def staff(self, survey_id: int) -> list[StaffChoice]:
        """Active people of the survey's unit and its sub-units, by name."""
        survey = self._surveys.get(survey_id)
        with self._db.reading() as session:
            units = staff_repo.all_units(session)
            wanted = {survey.unit_id}
            changed = True
            while changed:
                before = len(wanted)
                wanted |= {unit.id for unit in units if unit.parent_id in wanted}
                changed = len(wanted) != before
            people = [
                StaffChoice(person.id, person.full_name, person.jabatan)
                for person in staff_repo.all_employees(session, active_only=True)
                if person.unit_id in wanted
            ]
        return sorted(people, key=lambda person: person.name.casefold())

    def submit(
        self, survey_id: int, submission: KioskSubmission, today: date | None = None
    ) -> SurveyInfo:
        """Store one citizen's answers (and note) in one transaction; return the survey.

        Raises:
            ValidationError: no answer, a closed survey, or a note that is too long.
            NotFoundError: the survey or the staff member is gone. Nothing is saved.
        """
        day = today or date.today()

        def work(session: Session) -> SurveyInfo:
            self._surveys.add_in(
                session,
                survey_id,
                submission.answers,
                source="KIOS",
                served_by_id=submission.served_by_id,
                today=day,
            )
            text = submission.note_text.strip()
            if submission.note_kind is not None and text:
                survey = self._surveys.get_in(session, survey_id)
                data = feedback_data(
                    FeedbackInput(
                        FeedbackFields(
                            kind=submission.note_kind,
                            channel=Channel.KIOS,
                            received_on=day,
                            text=text,
                        ),
                        unit_id=survey.unit_id,
                        employee_id=submission.served_by_id,
                    ),
                    day,
                    survey_id=survey_id,
                    calendar=deadline_calendar(session, day, self._holidays),
                )
                feedback_repo.add(session, data)
            return self._surveys.get_in(session, survey_id)

        return self._db.run(work)
