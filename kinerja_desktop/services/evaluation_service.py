"""Evaluasi kinerja of one period: realisation, evidence, feedback and the Rating Hasil Kerja.

Per indicator: the realisation and its bukti dukung; per RHK: the umpan balik berkelanjutan
(and, in the qualitative approach, the supervisor's assessment); for the SKP: the app's proposed
Rating Hasil Kerja with its reasons, and the supervisor's decision.

Each period has its own records. AKHIR, the annual evaluation, holds the cumulative realisation
of the year, so it is read from its own records and not added up from the periodic ones.
Realisation, evidence, feedback and decisions are recorded only on an agreed SKP: a draft has
no targets to measure against yet.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.models import EmployeeRow
from kinerja_desktop.data.repositories import skp as skp_repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.skp_models import (
    EvidenceRow,
    IkiRow,
    RealisationRow,
    ResultRatingRow,
    RhkFeedbackRow,
    RhkRow,
    SkpRow,
)
from kinerja_desktop.domain.achievement import (
    DEFAULT_RULES,
    Proposal,
    ResultLevel,
    ResultRules,
    achievement,
    level_of,
    propose_rating,
    result_achievement,
)
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import DomainError, NotFoundError, ValidationError
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.skp import TEXT_MAX, Pendekatan, SkpStatus, parse_number
from kinerja_desktop.domain.skp_records import (
    IkiView,
    RhkView,
    SkpView,
    format_quantity,
)
from kinerja_desktop.domain.staff import clean_text, full_name
from kinerja_desktop.services.evidence_store import EvidenceStore, format_size_id
from kinerja_desktop.services.staff_service import periods_for_row

#: Longest feedback (umpan balik) kept for one RHK in one period.
FEEDBACK_MAX = 2000
_WEB_LINK = re.compile(r"https?://[^\s/?#]+\S*", re.IGNORECASE)
_FILE_LOCATION = re.compile(r"(?:[A-Za-z]:[\\/]|\\\\[^\\\s]+\\|/|~/|file:///?)\S", re.IGNORECASE)


class EvidenceKind(StrEnum):
    NOTE = "NOTE"
    LINK = "LINK"
    FILE = "FILE"

    @property
    def label(self) -> str:
        return {"NOTE": "Catatan", "LINK": "Tautan", "FILE": "Berkas"}[self.value]


class RatingSource(StrEnum):
    """Where the final Rating Hasil Kerja came from."""

    PROPOSAL = "PROPOSAL"
    OVERRIDE = "OVERRIDE"
    ORGANISASI = "ORGANISASI"

    @property
    def label(self) -> str:
        return {
            "PROPOSAL": "Sesuai usulan",
            "OVERRIDE": "Berbeda dari usulan",
            "ORGANISASI": "Capaian kinerja organisasi",
        }[self.value]


@dataclass(frozen=True)
class Evidence:
    """One bukti dukung: a note, a link, or a copied file (``stored_name`` in the store)."""

    id: int
    iki_id: int
    period_code: str
    kind: EvidenceKind
    text: str
    file_name: str
    stored_name: str
    sha256: str
    size: int
    added_on: date

    @property
    def display(self) -> str:
        """How a list shows it: the note, the link, or "laporan.pdf (1,2 MB)"."""
        if self.kind is EvidenceKind.FILE:
            return f"{self.file_name} ({format_size_id(self.size)})"
        return self.text


@dataclass(frozen=True)
class IndicatorEvaluation:
    """One indicator in a period; ``achievement`` is None without a number to measure."""

    iki: IkiView
    value: Decimal | None
    text: str
    achievement: Decimal | None
    level: Rating | None
    evidence: tuple[Evidence, ...]

    @property
    def has_realisation(self) -> bool:
        return self.value is not None or bool(self.text)

    @property
    def realisation_display(self) -> str:
        """The figure with its unit ("9 Dokumen"), then any note; or the narrative."""
        if self.value is None:
            return self.text
        figure = format_quantity(self.value, self.iki.unit)
        return f"{figure} — {self.text}" if self.text else figure


@dataclass(frozen=True)
class RhkEvaluation:
    """One RHK in a period: its indicators, the feedback, and where it stands.

    ``level`` is computed from the indicators' achievements (quantitative approach) or is the
    supervisor's ``assessment`` (qualitative approach); None while either is missing.
    """

    rhk: RhkView
    label: str
    indicators: tuple[IndicatorEvaluation, ...]
    feedback: str
    assessment: Rating | None
    achievement: Decimal | None
    level: Rating | None


@dataclass(frozen=True)
class RatingDecision:
    """The stored Rating Hasil Kerja: the proposal as it stood, and what was decided."""

    proposed: Rating | None
    proposed_reasons: tuple[str, ...]
    final: Rating
    source: RatingSource
    reason: str
    decided_on: date


@dataclass(frozen=True)
class PeriodEvaluation:
    """Everything the evaluation of one SKP in one period shows.

    Attributes:
        proposal: The proposed Rating Hasil Kerja with its reasons, or None while no RHK has a
            level yet; ``waiting`` then says what is missing.
        decision: The stored decision, if any.
    """

    skp: SkpView
    period: Period
    periods: tuple[Period, ...]
    rhks: tuple[RhkEvaluation, ...]
    proposal: Proposal | None
    waiting: str
    decision: RatingDecision | None

    @property
    def editable(self) -> bool:
        """Realisation is recorded only on an agreed SKP."""
        return self.skp.locked

    @property
    def qualitative(self) -> bool:
        return self.skp.pendekatan is Pendekatan.KUALITATIF

    @property
    def has_realisation(self) -> bool:
        return any(i.has_realisation for rhk in self.rhks for i in rhk.indicators)

    @property
    def decision_outdated(self) -> bool:
        """The proposal has changed since the rating was decided (realisation changed)."""
        if self.decision is None or self.decision.source is RatingSource.ORGANISASI:
            return False
        current = self.proposal.rating if self.proposal else None
        return current is not self.decision.proposed


@dataclass(frozen=True)
class SkpPerson:
    """Someone with an SKP in a year, for the evaluation's person picker."""

    skp_id: int
    employee_id: int
    name: str
    nip: str
    jabatan: str
    status: SkpStatus
    active: bool


class EvaluationService:
    def __init__(
        self, database: Database, evidence_dir: Path, rules: ResultRules = DEFAULT_RULES
    ) -> None:
        self._db = database
        self._rules = rules
        self.evidence_store = EvidenceStore(evidence_dir)

    # --- reading ---------------------------------------------------------------------------

    def years(self) -> list[int]:
        """Years that have at least one SKP, newest first."""
        with self._db.reading() as session:
            return list(
                session.scalars(select(SkpRow.year).distinct().order_by(SkpRow.year.desc()))
            )

    def people(self, year: int) -> list[SkpPerson]:
        """Everyone with an SKP in ``year`` (draft or agreed), by name."""
        with self._db.reading() as session:
            rows = session.execute(
                select(SkpRow, EmployeeRow)
                .join(EmployeeRow, EmployeeRow.id == SkpRow.employee_id)
                .where(SkpRow.year == year)
                .order_by(EmployeeRow.name, EmployeeRow.id)
            ).all()
            return [
                SkpPerson(
                    skp_id=skp.id,
                    employee_id=person.id,
                    name=full_name(person.name, person.gelar_depan, person.gelar_belakang),
                    nip=person.nip,
                    jabatan=person.jabatan,
                    status=SkpStatus(skp.status),
                    active=person.active,
                )
                for skp, person in rows
            ]

    def periods(self, skp_id: int) -> list[Period]:
        """The SKP holder's periods of the SKP's year (partial when they joined or left)."""
        with self._db.reading() as session:
            return _periods(session, _skp(session, skp_id))

    def evaluation(self, skp_id: int, period_code: str) -> PeriodEvaluation:
        """Return the SKP's evaluation in one period.

        Raises:
            NotFoundError: there is no such SKP.
            ValidationError: the period code is not one of the person's periods that year.
        """
        with self._db.reading() as session:
            row = _skp(session, skp_id)
            period, periods = _period(session, row, period_code)
            return self._evaluate(session, row, period, periods)

    def evidence_file(self, evidence_id: int) -> Path:
        """Return the stored copy of a file evidence, after checking it is intact.

        Raises:
            NotFoundError: the evidence is gone, or it is not a file.
            DomainError: the copy is missing or its content no longer matches its hash.
        """
        with self._db.reading() as session:
            row = session.get(EvidenceRow, evidence_id)
            if row is None or row.kind != EvidenceKind.FILE.value:
                raise NotFoundError("Berkas bukti dukung tidak ditemukan; mungkin sudah dihapus.")
            stored_name, sha256, file_name = row.stored_name, row.sha256, row.file_name
        if not self.evidence_store.verify(stored_name, sha256):
            raise DomainError(
                f"Salinan berkas '{file_name}' tidak ada atau isinya berubah di folder bukti "
                f"dukung ({self.evidence_store.folder}). Pulihkan folder itu dari cadangan."
            )
        return self.evidence_store.path_of(stored_name)

    # --- writing ---------------------------------------------------------------------------

    def record_realisation(
        self, iki_id: int, period_code: str, value: str, text: str = ""
    ) -> PeriodEvaluation:
        """Record (or, with nothing typed, clear) an indicator's realisation in a period.

        For the quantitative approach ``value`` is the figure and ``text`` an optional note;
        for the qualitative approach the realisation is narrative: ``value`` and ``text``
        together.

        Raises:
            ValidationError: the figure is not a number or is negative (field
                ``realisation``), the text is too long, the period is unknown, or the SKP is
                not agreed. Nothing is saved.
        """
        with self._db.transaction() as session:
            iki, skp = _indicator(session, iki_id)
            _require_agreed(skp)
            period, periods = _period(session, skp, period_code)
            parsed = _realisation(Pendekatan(skp.pendekatan), value, text)
            stored = session.scalar(
                select(RealisationRow).where(
                    RealisationRow.iki_id == iki.id, RealisationRow.period_code == period.code
                )
            )
            if parsed is None:
                if stored is not None:
                    session.delete(stored)
            else:
                if stored is None:
                    stored = RealisationRow(iki_id=iki.id, period_code=period.code)
                    session.add(stored)
                stored.value, stored.text = parsed
            session.flush()
            return self._evaluate(session, skp, period, periods)

    def add_evidence(
        self,
        iki_id: int,
        period_code: str,
        *,
        note: str = "",
        link: str = "",
        file: Path | None = None,
        today: date | None = None,
    ) -> Evidence:
        """Add one bukti dukung to an indicator's realisation: a note, a link or a file.

        A file is copied into the evidence folder (named by its SHA-256), so the record
        survives the original being moved or deleted. The evidence is dated ``today`` (the
        real date unless given), which must not be before the period begins.

        Raises:
            ValidationError: not exactly one of note, link and file is given; the link is not
                a web address or file location; the file is missing or too large; the period
                has not begun; or the SKP is not agreed. Nothing is saved.
        """
        day = today or date.today()
        kind, text = _evidence_input(note, link, file)
        with self._db.transaction() as session:
            iki, skp = _indicator(session, iki_id)
            _require_agreed(skp)
            period, _ = _period(session, skp, period_code)
            # Evaluation happens after a period ends, so later evidence is normal; evidence
            # for a period that has not begun yet cannot be.
            if day < period.start:
                raise ValidationError(
                    f"Periode {period.label} ({period.range_text}) belum dimulai; bukti dukung "
                    f"bertanggal {format_date_id(day)} belum dapat dicatat untuknya.",
                    field="date",
                )
            row = EvidenceRow(
                iki_id=iki.id,
                period_code=period.code,
                kind=kind.value,
                text=text,
                added_at=datetime.combine(day, datetime.now().time().replace(microsecond=0)),
            )
            if file is not None:
                stored = self.evidence_store.put(file)
                row.file_name = stored.file_name[:255]
                row.stored_name = stored.stored_name
                row.sha256 = stored.sha256
                row.size = stored.size
            session.add(row)
            session.flush()
            return _evidence(row)

    def remove_evidence(self, evidence_id: int) -> None:
        """Remove one bukti dukung; a copied file stays in the folder (a backup may need it).

        Raises:
            NotFoundError: it is already gone.
            ValidationError: the SKP is not agreed.
        """
        with self._db.transaction() as session:
            row = session.get(EvidenceRow, evidence_id)
            if row is None:
                raise NotFoundError("Bukti dukung tidak ditemukan; mungkin sudah dihapus.")
            _, skp = _indicator(session, row.iki_id)
            _require_agreed(skp)
            session.delete(row)

    def set_feedback(
        self, rhk_id: int, period_code: str, feedback: str, assessment: Rating | None = None
    ) -> PeriodEvaluation:
        """Store the umpan balik berkelanjutan of an RHK in a period.

        ``assessment`` is the supervisor's judgement of the RHK, used only by the qualitative
        approach; None clears it. Empty feedback and no assessment remove the record.

        Raises:
            ValidationError: the feedback is too long, an assessment is given for the
                quantitative approach, the period is unknown, or the SKP is not agreed.
        """
        text = clean_text(feedback)
        if len(text) > FEEDBACK_MAX:
            raise ValidationError(
                f"Umpan balik terlalu panjang ({len(text)} karakter; paling banyak "
                f"{FEEDBACK_MAX}).",
                field="feedback",
            )
        with self._db.transaction() as session:
            rhk = session.get(RhkRow, rhk_id)
            if rhk is None:
                raise NotFoundError("RHK tidak ditemukan; mungkin SKP-nya sudah diubah.")
            skp = _skp(session, rhk.skp_id)
            _require_agreed(skp)
            period, periods = _period(session, skp, period_code)
            if assessment is not None and skp.pendekatan == Pendekatan.KUANTITATIF.value:
                raise ValidationError(
                    "Penilaian atasan per RHK hanya untuk pendekatan kualitatif; pada pendekatan "
                    "kuantitatif levelnya dihitung dari realisasi.",
                    field="assessment",
                )
            stored = session.scalar(
                select(RhkFeedbackRow).where(
                    RhkFeedbackRow.rhk_id == rhk.id, RhkFeedbackRow.period_code == period.code
                )
            )
            if not text and assessment is None:
                if stored is not None:
                    session.delete(stored)
            else:
                if stored is None:
                    stored = RhkFeedbackRow(rhk_id=rhk.id, period_code=period.code)
                    session.add(stored)
                stored.feedback = text
                stored.assessment = assessment.value if assessment else None
            session.flush()
            return self._evaluate(session, skp, period, periods)

    def decide_rating(
        self,
        skp_id: int,
        period_code: str,
        final: Rating,
        *,
        reason: str = "",
        from_organisation: bool = False,
        on: date,
    ) -> PeriodEvaluation:
        """Decide the period's Rating Hasil Kerja; the proposal is stored beside it.

        A final rating other than the proposal needs a reason. A unit head's rating taken from
        the organisation's achievement (``from_organisation``, SE MenPANRB 3/2023) needs that
        achievement written as the reason, and no proposal.

        Raises:
            ValidationError: there is no realisation or no proposal yet (field ``final``), a
                needed reason is missing (field ``reason``), the period is unknown, or the SKP
                is not agreed. Nothing is saved.
        """
        why = clean_text(reason)
        if len(why) > TEXT_MAX:
            raise ValidationError(
                f"Alasan terlalu panjang ({len(why)} karakter; paling banyak {TEXT_MAX}).",
                field="reason",
            )
        with self._db.transaction() as session:
            skp = _skp(session, skp_id)
            _require_agreed(skp)
            period, periods = _period(session, skp, period_code)
            current = self._evaluate(session, skp, period, periods)
            source = _decision_source(current, final, why, from_organisation=from_organisation)
            stored = session.scalar(
                select(ResultRatingRow).where(
                    ResultRatingRow.skp_id == skp.id, ResultRatingRow.period_code == period.code
                )
            )
            if stored is None:
                stored = ResultRatingRow(skp_id=skp.id, period_code=period.code)
                session.add(stored)
            proposal = current.proposal
            stored.proposed = proposal.rating.value if proposal else None
            stored.proposed_reasons = "\n".join(proposal.reasons) if proposal else current.waiting
            stored.final = final.value
            stored.source = source.value
            stored.reason = why
            stored.decided_on = on
            session.flush()
            return replace(current, decision=_decision(stored))

    # --- the evaluation, inside the caller's transaction -----------------------------------

    def _evaluate(
        self, session: Session, row: SkpRow, period: Period, periods: list[Period]
    ) -> PeriodEvaluation:
        view = skp_repo.load(session, row)
        records = _Records.read(session, view, period.code)
        rhks = tuple(
            self._rhk(view, number, rhk, records) for number, rhk in enumerate(view.rhks, 1)
        )
        proposal, waiting = self._proposal(view, period, rhks)
        decision = session.scalar(
            select(ResultRatingRow).where(
                ResultRatingRow.skp_id == row.id, ResultRatingRow.period_code == period.code
            )
        )
        return PeriodEvaluation(
            skp=view,
            period=period,
            periods=tuple(periods),
            rhks=rhks,
            proposal=proposal,
            waiting=waiting,
            decision=_decision(decision) if decision else None,
        )

    def _rhk(self, view: SkpView, number: int, rhk: RhkView, records: _Records) -> RhkEvaluation:
        quantitative = view.pendekatan is Pendekatan.KUANTITATIF
        indicators = tuple(
            self._indicator(iki, records, quantitative=quantitative) for iki in rhk.indicators
        )
        feedback = records.feedback.get(rhk.id)
        assessment = Rating(feedback.assessment) if feedback and feedback.assessment else None
        percents = [i.achievement for i in indicators if i.achievement is not None]
        rhk_achievement = result_achievement(percents) if percents else None
        if quantitative:
            level = level_of(rhk_achievement, self._rules) if rhk_achievement is not None else None
        else:
            level = assessment
        return RhkEvaluation(
            rhk=rhk,
            label=f"RHK {number}",
            indicators=indicators,
            feedback=feedback.feedback if feedback else "",
            assessment=assessment,
            achievement=rhk_achievement if quantitative else None,
            level=level,
        )

    def _indicator(
        self, iki: IkiView, records: _Records, *, quantitative: bool
    ) -> IndicatorEvaluation:
        stored = records.realisations.get(iki.id)
        value = stored.value if stored else None
        percent: Decimal | None = None
        if quantitative and value is not None and iki.target is not None and iki.target > 0:
            percent = achievement(
                iki.target, value, lower_is_better=iki.lower_is_better, rules=self._rules
            )
        return IndicatorEvaluation(
            iki=iki,
            value=value,
            text=stored.text if stored else "",
            achievement=percent,
            level=level_of(percent, self._rules) if percent is not None else None,
            evidence=tuple(records.evidence.get(iki.id, ())),
        )

    def _proposal(
        self, view: SkpView, period: Period, rhks: tuple[RhkEvaluation, ...]
    ) -> tuple[Proposal | None, str]:
        if not rhks:
            return None, "Belum ada usulan rating: SKP ini belum memiliki RHK."
        quantitative = view.pendekatan is Pendekatan.KUANTITATIF
        missing = [rhk.label for rhk in rhks if rhk.level is None]
        levels = [
            ResultLevel(rhk.rhk.kind, rhk.level, rhk.label) for rhk in rhks if rhk.level is not None
        ]
        lacking = "belum memiliki realisasi" if quantitative else "belum dinilai atasan"
        if not levels:
            todo = (
                "Isi realisasi indikatornya."
                if quantitative
                else "Pilih penilaian atasan untuk tiap RHK."
            )
            return None, (
                f"Belum ada usulan rating: {', '.join(missing)} {lacking} pada periode "
                f"{period.label}. {todo}"
            )
        proposal = propose_rating(levels, self._rules)
        notes = []
        if missing:
            notes.append(f"Belum dihitung karena {lacking}: {', '.join(missing)}.")
        partial = [
            f"{rhk.label} ({sum(not i.has_realisation for i in rhk.indicators)} indikator)"
            for rhk in rhks
            if quantitative
            and rhk.level is not None
            and not all(i.has_realisation for i in rhk.indicators)
        ]
        if partial:
            notes.append(f"Indikator tanpa realisasi tidak dihitung: {', '.join(partial)}.")
        return Proposal(proposal.rating, (*proposal.reasons, *notes)), ""


# --- records of one period ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Records:
    realisations: dict[int, RealisationRow]
    evidence: dict[int, list[Evidence]]
    feedback: dict[int, RhkFeedbackRow]

    @staticmethod
    def read(session: Session, view: SkpView, period_code: str) -> _Records:
        iki_ids = [iki.id for rhk in view.rhks for iki in rhk.indicators]
        rhk_ids = [rhk.id for rhk in view.rhks]
        realisations = {
            row.iki_id: row
            for row in session.scalars(
                select(RealisationRow).where(
                    RealisationRow.iki_id.in_(iki_ids), RealisationRow.period_code == period_code
                )
            )
        }
        evidence: dict[int, list[Evidence]] = defaultdict(list)
        for row in session.scalars(
            select(EvidenceRow)
            .where(EvidenceRow.iki_id.in_(iki_ids), EvidenceRow.period_code == period_code)
            .order_by(EvidenceRow.added_at, EvidenceRow.id)
        ):
            evidence[row.iki_id].append(_evidence(row))
        feedback = {
            row.rhk_id: row
            for row in session.scalars(
                select(RhkFeedbackRow).where(
                    RhkFeedbackRow.rhk_id.in_(rhk_ids), RhkFeedbackRow.period_code == period_code
                )
            )
        }
        return _Records(realisations, evidence, feedback)


# --- rules inside a transaction -----------------------------------------------------------------


def _skp(session: Session, skp_id: int) -> SkpRow:
    row = skp_repo.skp_row(session, skp_id)
    if row is None:
        raise NotFoundError("SKP tidak ditemukan; mungkin sudah dihapus.")
    return row


def _indicator(session: Session, iki_id: int) -> tuple[IkiRow, SkpRow]:
    iki = session.get(IkiRow, iki_id)
    rhk = session.get(RhkRow, iki.rhk_id) if iki else None
    if iki is None or rhk is None:
        raise NotFoundError("Indikator tidak ditemukan; mungkin SKP-nya sudah diubah.")
    return iki, _skp(session, rhk.skp_id)


def _require_agreed(row: SkpRow) -> None:
    if row.status == SkpStatus.DISEPAKATI.value:
        return
    if row.revision > 1:
        raise ValidationError(
            f"SKP ini sedang direvisi (revisi {row.revision}, masih draf). Realisasi, bukti "
            "dukung, umpan balik, dan rating dicatat lagi setelah revisinya disepakati."
        )
    raise ValidationError(
        "SKP ini masih draf, jadi belum ada realisasi. Sepakati SKP terlebih dahulu; "
        "realisasi, bukti dukung, umpan balik, dan rating dicatat sesudahnya."
    )


def _periods(session: Session, row: SkpRow) -> list[Period]:
    employee = staff_repo.employee_row(session, row.employee_id)
    if employee is None:
        raise NotFoundError("Pegawai pemilik SKP ini tidak ditemukan.")
    return periods_for_row(session, employee, row.year)


def _period(session: Session, row: SkpRow, code: str) -> tuple[Period, list[Period]]:
    periods = _periods(session, row)
    wanted = code.strip().upper()
    for period in periods:
        if period.code == wanted:
            return period, periods
    if not periods:
        raise ValidationError(f"Pegawai ini tidak memiliki periode penilaian pada {row.year}.")
    valid = ", ".join(f"{period.code} ({period.label})" for period in periods)
    raise ValidationError(
        f"Periode '{code.strip()}' tidak ada untuk SKP {row.year} pegawai ini. "
        f"Pilih salah satu: {valid}.",
        field="period",
    )


def _realisation(
    pendekatan: Pendekatan, value: str, text: str
) -> tuple[Decimal | None, str] | None:
    """Check what was typed; None means "clear the realisation"."""
    if pendekatan is Pendekatan.KUALITATIF:
        narrative = clean_text(f"{value} {text}")
        _check_length(narrative, "Realisasi", "realisation")
        return (None, narrative) if narrative else None
    note = clean_text(text)
    _check_length(note, "Keterangan realisasi", "realisation")
    if not value.strip():
        if note:
            raise ValidationError(
                "Realisasi harus angka, mis. 12 atau 12,5; keterangan saja belum cukup.",
                field="realisation",
            )
        return None
    try:
        figure = parse_number(value)
    except ValueError:
        raise ValidationError(
            f"Realisasi harus angka, mis. 12 atau 12,5; yang diisi '{value.strip()}'.",
            field="realisation",
        ) from None
    if figure < 0:
        raise ValidationError(
            f"Realisasi tidak boleh negatif; yang diisi '{value.strip()}'.", field="realisation"
        )
    return figure, note


def _check_length(text: str, label: str, field: str) -> None:
    if len(text) > TEXT_MAX:
        raise ValidationError(
            f"{label} terlalu panjang ({len(text)} karakter; paling banyak {TEXT_MAX}).",
            field=field,
        )


def _evidence_input(note: str, link: str, file: Path | None) -> tuple[EvidenceKind, str]:
    note_text = clean_text(note)
    link_text = link.strip()
    if [bool(note_text), bool(link_text), file is not None].count(True) != 1:
        raise ValidationError(
            "Isi salah satu: catatan, tautan, atau berkas (satu bukti dukung sekali simpan).",
            field="evidence",
        )
    if file is not None:
        return EvidenceKind.FILE, ""
    if note_text:
        _check_length(note_text, "Catatan", "note")
        return EvidenceKind.NOTE, note_text
    if not (_WEB_LINK.fullmatch(link_text) or _FILE_LOCATION.match(link_text)):
        raise ValidationError(
            "Tautan harus berupa alamat web (diawali http:// atau https://) atau lokasi berkas, "
            f"mis. D:\\Bukti\\laporan.pdf; yang diisi '{link_text}'.",
            field="link",
        )
    _check_length(link_text, "Tautan", "link")
    return EvidenceKind.LINK, link_text


def _decision_source(
    current: PeriodEvaluation, final: Rating, reason: str, *, from_organisation: bool
) -> RatingSource:
    if from_organisation:
        if not reason:
            raise ValidationError(
                "Tuliskan capaian kinerja organisasi yang dipakai sebagai rating, mis. "
                "'Capaian kinerja organisasi: Baik'.",
                field="reason",
            )
        return RatingSource.ORGANISASI
    period = current.period
    if not current.has_realisation:
        raise ValidationError(
            f"Rating Hasil Kerja {period.label} belum dapat ditetapkan: belum ada realisasi yang "
            "dicatat. Isi realisasi (dan bukti dukungnya) terlebih dahulu.",
            field="final",
        )
    if current.proposal is None:
        raise ValidationError(
            f"Rating Hasil Kerja {period.label} belum dapat ditetapkan. {current.waiting}",
            field="final",
        )
    if final is current.proposal.rating:
        return RatingSource.PROPOSAL
    if not reason:
        raise ValidationError("Alasan wajib diisi bila rating berbeda dari usulan.", field="reason")
    return RatingSource.OVERRIDE


def _evidence(row: EvidenceRow) -> Evidence:
    return Evidence(
        id=row.id,
        iki_id=row.iki_id,
        period_code=row.period_code,
        kind=EvidenceKind(row.kind),
        text=row.text,
        file_name=row.file_name,
        stored_name=row.stored_name,
        sha256=row.sha256,
        size=row.size,
        added_on=row.added_at.date(),
    )


def _decision(row: ResultRatingRow) -> RatingDecision:
    return RatingDecision(
        proposed=Rating(row.proposed) if row.proposed else None,
        proposed_reasons=tuple(line for line in row.proposed_reasons.split("\n") if line),
        final=Rating(row.final),
        source=RatingSource(row.source),
        reason=row.reason,
        decided_on=row.decided_on,
    )
