"""The conversation around a period's result: the talk, the response, and a keberatan.

At the evaluation talk the employee brings a self-assessment and a reflection; after receiving
the result they may respond (tanggapan), and within 14 calendar days object (keberatan) to the
Atasan Pejabat Penilai Kinerja, who asks the penilai for an explanation and then decides; that
decision is final (PP 30/2019 Pasal 59, reference §3.2).

A late objection is still recorded, marked late, because the record of what happened matters
more than the form; an objection before the result was received is refused. Every write checks
the whole chain of dates in one transaction, so nothing is saved half-way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from kinerja_desktop.data.behaviour_models import DialogueRow
from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import skp as skp_repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.repositories.period_rows import period_row
from kinerja_desktop.domain.access import Action
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import NotFoundError, ValidationError
from kinerja_desktop.domain.objection import (
    OBJECTION_DAYS,
    dialogue_text,
    is_late,
    objection_deadline,
)
from kinerja_desktop.domain.officials import ExternalOfficial
from kinerja_desktop.domain.periods import find_period
from kinerja_desktop.domain.predikat import Predikat
from kinerja_desktop.domain.staff import Employee
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.platform import seals
from kinerja_desktop.services.staff.service import StaffService


@dataclass(frozen=True)
class Dialogue:
    """Everything recorded around one period's result, read on ``today``.

    Attributes:
        skp_id: The SKP.
        period_code: The period, e.g. "TW2" or "AKHIR".
        employee: The person appraised.
        penilai: Their Pejabat Penilai Kinerja on the reference day, if any.
        atasan_penilai: The Atasan Pejabat Penilai Kinerja, who receives an objection.
        deadline: The last day for an objection; None until the result was received.
        deadline_passed: True when ``today`` is after ``deadline``.
        today: The day the view was read for.
    """

    skp_id: int
    period_code: str
    employee: Employee
    penilai: Employee | None
    atasan_penilai: Employee | None
    self_assessment: str
    reflection: str
    talk_on: date | None
    result_received_on: date | None
    response: str
    response_on: date | None
    objection: str
    objection_on: date | None
    objection_late: bool
    explanation: str
    explanation_on: date | None
    decision: str
    decision_on: date | None
    decided_predikat: Predikat | None
    deadline: date | None
    deadline_passed: bool
    today: date
    #: The Atasan Pejabat Penilai when outside the register (then ``atasan_penilai`` is None).
    atasan_official: ExternalOfficial | None = None

    @property
    def atasan_name(self) -> str | None:
        """Who receives an objection, in the register or outside it; None when nobody is."""
        if self.atasan_penilai is not None:
            return self.atasan_penilai.full_name
        return self.atasan_official.label if self.atasan_official is not None else None

    @property
    def has_objection(self) -> bool:
        return self.objection_on is not None

    @property
    def decided(self) -> bool:
        """True once the atasan decided on the objection; the decision is final."""
        return self.decision_on is not None

    @property
    def deadline_text(self) -> str:
        """The deadline in words, e.g. "Batas keberatan: 15 Maret 2026 (masih 3 hari)"."""
        if self.deadline is None:
            return (
                "Batas keberatan dihitung setelah tanggal hasil penilaian diterima pegawai dicatat."
            )
        head = f"Batas keberatan: {format_date_id(self.deadline)}"
        if self.has_objection:
            return head
        days = (self.deadline - self.today).days
        if days < 0:
            return f"{head} (sudah lewat {-days} hari)"
        if days == 0:
            return f"{head} (hari ini hari terakhir)"
        return f"{head} (masih {days} hari)"

    @property
    def objection_note(self) -> str:
        """Whether the recorded objection was on time, in words; empty without one."""
        if self.objection_on is None or self.deadline is None:
            return ""
        if self.objection_late:
            days = (self.objection_on - self.deadline).days
            return (
                f"Keberatan diajukan {format_date_id(self.objection_on)}, {days} hari setelah "
                f"batas {format_date_id(self.deadline)} ({OBJECTION_DAYS} hari sejak hasil "
                "diterima). Tetap dicatat dan ditandai terlambat; Atasan Pejabat Penilai "
                "menimbang apakah tetap ditindaklanjuti."
            )
        return (
            f"Keberatan diajukan {format_date_id(self.objection_on)}, dalam batas waktu "
            f"(paling lambat {format_date_id(self.deadline)})."
        )


class DialogueService:
    def __init__(self, database: Database, access: AccessGuard) -> None:
        self._db = database
        self._access = access
        self._staff = StaffService(database, access)

    # --- reading ---------------------------------------------------------------------------

    def view(self, skp_id: int, period_code: str, today: date) -> Dialogue:
        """Return the dialogue of the period as it stands on ``today`` (empty when none yet).

        Raises:
            NotFoundError: The SKP does not exist.
            ValidationError: Unknown period code (field "period").
        """
        code = self._period_code(skp_id, period_code)
        with self._db.reading() as session:
            self._access.require_skp(session, skp_id, Action.VIEW)
            record = _record(_row(session, skp_id, code))
        return self._view(skp_id, code, record, today)

    # --- writing ---------------------------------------------------------------------------

    def record_talk(
        self, skp_id: int, period_code: str, self_assessment: str, reflection: str, on: date
    ) -> Dialogue:
        """Record the employee's self-assessment and reflection from the evaluation talk.

        Raises:
            ValidationError: The self-assessment is empty (field "self_assessment"), a text is
                too long, or the talk is dated after the result was received (field "talk_on").
        """
        assessment = dialogue_text(
            self_assessment, "self_assessment", "Penilaian diri", required=True
        )
        thoughts = dialogue_text(reflection, "reflection", "Refleksi", required=False)

        def change(row: DialogueRow) -> None:
            row.self_assessment, row.reflection, row.talk_on = assessment, thoughts, on

        return self._write(skp_id, period_code, on, change)

    def record_result_received(self, skp_id: int, period_code: str, on: date) -> Dialogue:
        """Record the day the employee received the result; the 14 days run from it.

        Raises:
            ValidationError: The atasan already decided (field "result_received_on"), or a
                response or objection would then be dated before the result.
        """

        def change(row: DialogueRow) -> None:
            if row.decision_on is not None:
                raise ValidationError(
                    "Keputusan Atasan Pejabat Penilai sudah ditetapkan dan bersifat final; "
                    "tanggal hasil diterima tidak dapat diubah lagi.",
                    field="result_received_on",
                )
            row.result_received_on = on
            if row.objection_on is not None:
                row.objection_late = is_late(on, row.objection_on)

        return self._write(skp_id, period_code, on, change)

    def record_response(self, skp_id: int, period_code: str, text: str, on: date) -> Dialogue:
        """Record the employee's response (tanggapan) to the result.

        Raises:
            ValidationError: Empty text (field "response"), or dated before the result was
                received or with no result received yet (field "response_on").
        """
        response = dialogue_text(text, "response", "Tanggapan", required=True)

        def change(row: DialogueRow) -> None:
            if row.result_received_on is None:
                raise ValidationError(
                    "Catat dulu tanggal hasil penilaian diterima pegawai; tanggapan ditulis "
                    "setelah pegawai menerima hasilnya.",
                    field="response_on",
                )
            row.response, row.response_on = response, on

        return self._write(skp_id, period_code, on, change)

    def file_objection(self, skp_id: int, period_code: str, text: str, on: date) -> Dialogue:
        """Record a keberatan to the Atasan Pejabat Penilai; after the deadline it is marked late.

        The returned view's `Dialogue.objection_note` says whether it was on time.

        Raises:
            ValidationError: Empty text (field "objection"); no result received yet or dated
                before it (field "objection_on"); the atasan already decided (field
                "decision").
        """
        objection = dialogue_text(text, "objection", "Alasan keberatan", required=True)

        def change(row: DialogueRow) -> None:
            _not_decided(row)
            received = row.result_received_on
            if received is None:
                raise ValidationError(
                    "Keberatan diajukan setelah pegawai menerima hasil penilaian. Catat dulu "
                    "tanggal hasil diterima; batas 14 hari dihitung dari tanggal itu.",
                    field="objection_on",
                )
            row.objection, row.objection_on = objection, on
            row.objection_late = is_late(received, on)

        return self._write(skp_id, period_code, on, change)

    def record_explanation(self, skp_id: int, period_code: str, text: str, on: date) -> Dialogue:
        """Record the Pejabat Penilai's explanation on the objection.

        Raises:
            ValidationError: Empty text (field "explanation"); no objection or dated before it
                (field "explanation_on"); the atasan already decided (field "decision").
        """
        explanation = dialogue_text(
            text, "explanation", "Penjelasan Pejabat Penilai", required=True
        )

        def change(row: DialogueRow) -> None:
            _not_decided(row)
            _needs_objection(row, "explanation_on", "Penjelasan Pejabat Penilai")
            row.explanation, row.explanation_on = explanation, on

        return self._write(skp_id, period_code, on, change)

    def record_decision(
        self,
        skp_id: int,
        period_code: str,
        text: str,
        on: date,
        decided_predikat: Predikat | None,
    ) -> Dialogue:
        """Record the Atasan Pejabat Penilai's decision on the objection; it is final.

        ``decided_predikat`` is the predikat the atasan set, or None when the result stands.

        Raises:
            ValidationError: Empty text (field "decision"); no objection, or dated before it or
                before the explanation (field "decision_on"); already decided (field
                "decision").
        """
        decision = dialogue_text(
            text, "decision", "Keputusan Atasan Pejabat Penilai", required=True
        )

        def change(row: DialogueRow) -> None:
            _not_decided(row)
            _needs_objection(row, "decision_on", "Keputusan Atasan Pejabat Penilai")
            row.decision, row.decision_on = decision, on
            row.decided_predikat = (
                Predikat(decided_predikat).value if decided_predikat is not None else None
            )

        return self._write(skp_id, period_code, on, change)

    # --- helpers ---------------------------------------------------------------------------

    def _write(
        self,
        skp_id: int,
        period_code: str,
        on: date,
        change: Callable[[DialogueRow], None],
    ) -> Dialogue:
        code = self._period_code(skp_id, period_code)

        # ``change`` only sets fields of the row this run read, so a second run may call it.
        def work(session: Session) -> _Record | None:
            self._access.require_skp(session, skp_id, Action.EDIT)
            row = _row(session, skp_id, code)
            if row is None:
                row = DialogueRow(
                    skp_id=skp_id,
                    period_code=code,
                    self_assessment="",
                    reflection="",
                    response="",
                    objection="",
                    objection_late=False,
                    explanation="",
                    decision="",
                )
                session.add(row)
            change(row)
            _check_order(row)
            session.flush()
            seals.dialogue_recorded_in(session, skp_id, code, self._access.actor)
            return _record(row)

        return self._view(skp_id, code, self._db.run(work), on)

    def _period_code(self, skp_id: int, period_code: str) -> str:
        with self._db.reading() as session:
            skp = skp_repo.find_skp(session, skp_id)
            if skp is None:
                raise NotFoundError("SKP tidak ditemukan; mungkin sudah dihapus.")
            employee = staff_repo.find_employee(session, skp.employee_id)
            if employee is None:  # pragma: no cover - the foreign key keeps it
                raise NotFoundError("Pegawai pemilik SKP tidak ditemukan.")
            unit_id, year = employee.unit_id, skp.year
        try:
            return find_period(year, self._staff.scheme_for(unit_id, year), period_code).code
        except ValidationError as error:
            raise ValidationError(error.message, field="period") from error

    def _view(self, skp_id: int, code: str, record: _Record | None, today: date) -> Dialogue:
        with self._db.reading() as session:
            skp = skp_repo.find_skp(session, skp_id)
            if skp is None:
                raise NotFoundError("SKP tidak ditemukan; mungkin sudah dihapus.")
            employee_id = skp.employee_id
        record = record or _Record()
        received = record.result_received_on
        appraisers = self._staff.appraisers(employee_id, record.objection_on or received or today)
        deadline = objection_deadline(received) if received is not None else None
        return Dialogue(
            skp_id=skp_id,
            period_code=code,
            employee=self._staff.get(employee_id),
            penilai=appraisers.penilai,
            atasan_penilai=appraisers.atasan_penilai,
            self_assessment=record.self_assessment,
            reflection=record.reflection,
            talk_on=record.talk_on,
            result_received_on=received,
            response=record.response,
            response_on=record.response_on,
            objection=record.objection,
            objection_on=record.objection_on,
            objection_late=record.objection_late,
            explanation=record.explanation,
            explanation_on=record.explanation_on,
            decision=record.decision,
            decision_on=record.decision_on,
            decided_predikat=record.decided_predikat,
            deadline=deadline,
            deadline_passed=deadline is not None and today > deadline,
            today=today,
            atasan_official=appraisers.atasan_official,
        )


@dataclass(frozen=True)
class _Record:
    """The stored values of a dialogue, copied out of the session."""

    self_assessment: str = ""
    reflection: str = ""
    talk_on: date | None = None
    result_received_on: date | None = None
    response: str = ""
    response_on: date | None = None
    objection: str = ""
    objection_on: date | None = None
    objection_late: bool = False
    explanation: str = ""
    explanation_on: date | None = None
    decision: str = ""
    decision_on: date | None = None
    decided_predikat: Predikat | None = None


def _record(row: DialogueRow | None) -> _Record | None:
    if row is None:
        return None
    return _Record(
        self_assessment=row.self_assessment or "",
        reflection=row.reflection or "",
        talk_on=row.talk_on,
        result_received_on=row.result_received_on,
        response=row.response or "",
        response_on=row.response_on,
        objection=row.objection or "",
        objection_on=row.objection_on,
        objection_late=bool(row.objection_late),
        explanation=row.explanation or "",
        explanation_on=row.explanation_on,
        decision=row.decision or "",
        decision_on=row.decision_on,
        decided_predikat=Predikat(row.decided_predikat) if row.decided_predikat else None,
    )


def predikat_on_objection(session: Session, skp_id: int, code: str) -> Predikat | None:
    """The predikat the atasan set deciding an objection in the period, in the caller's session.

    None when there is no decided objection or the atasan let the result stand.
    """
    row = _row(session, skp_id, code)
    if row is None or row.decision_on is None or not row.decided_predikat:
        return None
    return Predikat(row.decided_predikat)


def _row(session: Session, skp_id: int, code: str) -> DialogueRow | None:
    return period_row(session, DialogueRow, skp_id, code)


def _not_decided(row: DialogueRow) -> None:
    if row.decision_on is not None:
        raise ValidationError(
            "Keputusan Atasan Pejabat Penilai atas keberatan ini sudah ditetapkan pada "
            f"{format_date_id(row.decision_on)} dan bersifat final; catatan keberatan tidak "
            "dapat diubah lagi.",
            field="decision",
        )


def _needs_objection(row: DialogueRow, field: str, label: str) -> None:
    if row.objection_on is None:
        raise ValidationError(
            f"{label} dicatat setelah ada keberatan dari pegawai; belum ada keberatan untuk "
            "periode ini.",
            field=field,
        )


def _check_order(row: DialogueRow) -> None:
    """Check the chain of dates: result, then response and objection, then explanation, decision.

    Raises:
        ValidationError: The first date out of order, with the field it belongs to.
    """
    received = row.result_received_on
    steps: list[tuple[date | None, date | None, str, str, str]] = [
        (row.response_on, received, "response_on", "Tanggapan", "hasil penilaian diterima"),
        (row.objection_on, received, "objection_on", "Keberatan", "hasil penilaian diterima"),
        (
            row.explanation_on,
            row.objection_on,
            "explanation_on",
            "Penjelasan Pejabat Penilai",
            "keberatan diajukan",
        ),
        (
            row.decision_on,
            row.objection_on,
            "decision_on",
            "Keputusan Atasan Pejabat Penilai",
            "keberatan diajukan",
        ),
        (
            row.decision_on,
            row.explanation_on,
            "decision_on",
            "Keputusan Atasan Pejabat Penilai",
            "penjelasan Pejabat Penilai",
        ),
    ]
    for later, earlier, field, label, what in steps:
        if later is not None and earlier is not None and later < earlier:
            raise ValidationError(
                f"{label} bertanggal {format_date_id(later)}, sebelum {what} "
                f"({format_date_id(earlier)}). Periksa urutan tanggalnya.",
                field=field,
            )
