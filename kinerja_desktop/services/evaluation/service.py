"""The evaluation service: one transaction per user action, the queries in the repository."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import evaluation as repo
from kinerja_desktop.data.repositories import plans as plans_repo
from kinerja_desktop.data.repositories import skp as skp_repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.repositories.skp import SkpHeader
from kinerja_desktop.domain.access import Action
from kinerja_desktop.domain.achievement import DEFAULT_RULES, ResultRules
from kinerja_desktop.domain.errors import NotFoundError, ValidationError
from kinerja_desktop.domain.evaluation_inputs import evaluation_notes
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.plans import PeriodTarget, TargetScale
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.skp import Pendekatan
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.evaluation import inputs
from kinerja_desktop.services.evaluation.records import (
    Evidence,
    EvidenceKind,
    PeriodEvaluation,
    RatingSource,
    SkpPerson,
)
from kinerja_desktop.services.evaluation.rules import (
    PeriodPlans,
    evaluate_rhks,
    propose,
    propose_for_head,
    to_decision,
    to_evidence,
    to_person,
)
from kinerja_desktop.services.evaluation.unit_head import head_rule
from kinerja_desktop.services.platform.evidence import open_evidence_store
from kinerja_desktop.services.platform.seals import require_open, signed_on_in
from kinerja_desktop.services.staff.service import periods_for_row


class EvaluationService:
    def __init__(
        self,
        database: Database,
        evidence_dir: Path,
        access: AccessGuard,
        rules: ResultRules = DEFAULT_RULES,
    ) -> None:
        self._db = database
        self._access = access
        self._rules = rules
        self.evidence_store = open_evidence_store(database, evidence_dir)

    # --- reading ---------------------------------------------------------------------------

    def years(self) -> list[int]:
        """Years that have at least one SKP, newest first."""
        with self._db.reading() as session:
            return repo.skp_years(session)

    def people(self, year: int) -> list[SkpPerson]:
        """Everyone with an SKP in ``year`` (draft or agreed), by name."""
        with self._db.reading() as session:
            holders = self._access.keep(
                session, repo.skp_holders(session, year), lambda holder: holder.employee_id
            )
            return [to_person(holder) for holder in holders]

    def periods(self, skp_id: int) -> list[Period]:
        """The SKP holder's periods of the SKP's year (partial when they joined or left)."""
        with self._db.reading() as session:
            return _periods(session, self._skp(session, skp_id, Action.VIEW))

    def evaluation(self, skp_id: int, period_code: str) -> PeriodEvaluation:
        """Return the SKP's evaluation in one period.

        Raises:
            NotFoundError: there is no such SKP.
            ValidationError: the period code is not one of the person's periods that year.
        """
        with self._db.reading() as session:
            row = self._skp(session, skp_id, Action.VIEW)
            period, periods = _period(session, row, period_code)
            return self._evaluate(session, row, period, periods)

    def evidence_file(self, evidence_id: int) -> Path:
        """Return the stored copy of a file evidence, after checking it is intact.

        Raises:
            NotFoundError: the evidence is gone, or it is not a file.
            DomainError: the copy is missing or its content no longer matches its hash.
        """
        with self._db.reading() as session:
            stored = repo.evidence(session, evidence_id)
            if stored is not None:
                self._access.require_person(
                    session, _indicator_skp(session, stored.iki_id).employee_id, Action.VIEW
                )
        if stored is None or stored.kind != EvidenceKind.FILE.value:
            raise NotFoundError("Berkas bukti dukung tidak ditemukan; mungkin sudah dihapus.")
        return self.evidence_store.open(stored.stored_name, stored.file_name, stored.sha256)

    def _skp(self, session: Session, skp_id: int, action: Action) -> SkpHeader:
        row = _skp(session, skp_id)
        self._access.require_person(session, row.employee_id, action)
        return row

    def _indicator_skp(self, session: Session, iki_id: int, action: Action) -> SkpHeader:
        row = _indicator_skp(session, iki_id)
        self._access.require_person(session, row.employee_id, action)
        return row

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

        def work(session: Session) -> int:
            skp = self._indicator_skp(session, iki_id, Action.EDIT)
            inputs.require_agreed(skp.status, skp.revision)
            period, _ = _period(session, skp, period_code)
            require_open(session, skp.id, period.code)
            parsed = inputs.parse_realisation(Pendekatan(skp.pendekatan), value, text)
            realisation = repo.StoredRealisation(*parsed) if parsed else None
            repo.store_realisation(session, iki_id, period.code, realisation)
            return skp.id

        return self._evaluation_after(self._db.run(work), period_code)

    def record_realisations(
        self, skp_id: int, period_code: str, figures: Mapping[int, tuple[str, str]]
    ) -> PeriodEvaluation:
        """Record several indicators' realisations of one SKP in a period, all or none.

        The same rules as ``record_realisation`` for each (e.g. the penilai applying a draft
        summed from the daily log), in one transaction.

        Args:
            skp_id: The SKP the indicators belong to.
            period_code: The period.
            figures: Per indicator id, the value and the note as ``record_realisation`` takes
                them.

        Raises:
            NotFoundError: an indicator is not on this SKP. ValidationError: as
                ``record_realisation``, naming the indicator. Nothing is saved.
        """

        def work(session: Session) -> None:
            skp = self._skp(session, skp_id, Action.EDIT)
            inputs.require_agreed(skp.status, skp.revision)
            period, _ = _period(session, skp, period_code)
            require_open(session, skp.id, period.code)
            names = {
                iki.id: iki.indicator
                for rhk in skp_repo.load(session, skp.id).rhks
                for iki in rhk.indicators
            }
            for iki_id, (value, text) in figures.items():
                if iki_id not in names:
                    raise NotFoundError("Indikator tidak ditemukan; mungkin SKP-nya sudah diubah.")
                try:
                    parsed = inputs.parse_realisation(Pendekatan(skp.pendekatan), value, text)
                except ValidationError as error:
                    raise ValidationError(
                        f"{names[iki_id]}: {error.message}", field=error.field
                    ) from None
                realisation = repo.StoredRealisation(*parsed) if parsed else None
                repo.store_realisation(session, iki_id, period.code, realisation)

        self._db.run(work)
        return self._evaluation_after(skp_id, period_code)

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

        A file is copied into the evidence store (named by its SHA-256: the folder beside the
        file, or a server database's table), so the record survives the original being moved
        or deleted. The evidence is dated ``today`` (the
        real date unless given), which must not be before the period begins.

        Raises:
            ValidationError: not exactly one of note, link and file is given; the link is not
                a web address or file location; the file is missing or too large; the period
                has not begun; or the SKP is not agreed. Nothing is saved.
        """
        day = today or date.today()
        kind, text = inputs.parse_evidence(note, link, file)
        added_at = datetime.combine(day, datetime.now().time().replace(microsecond=0))

        def allowed_period(session: Session) -> Period:
            skp = self._indicator_skp(session, iki_id, Action.EDIT)
            inputs.require_agreed(skp.status, skp.revision)
            period, _ = _period(session, skp, period_code)
            require_open(session, skp.id, period.code)
            inputs.require_started(period, day)
            return period

        incoming = None
        if file is not None:
            # The file is read before the transaction (the work below may run twice on a
            # server), and only once the evidence would be accepted: a refusal copies nothing.
            with self._db.reading() as session:
                allowed_period(session)
            incoming = self.evidence_store.take(file)

        def work(session: Session) -> Evidence:
            period = allowed_period(session)
            new = repo.NewEvidence(kind.value, text, added_at)
            if incoming is not None:
                copy = self.evidence_store.add(session, incoming)
                new = replace(
                    new,
                    file_name=copy.file_name[:255],
                    stored_name=copy.stored_name,
                    sha256=copy.sha256,
                    size=copy.size,
                )
            return to_evidence(repo.add_evidence(session, iki_id, period.code, new))

        return self._db.run(work)

    def remove_evidence(self, evidence_id: int) -> None:
        """Remove one bukti dukung; a copied file stays in the folder (a backup may need it).

        Raises:
            NotFoundError: it is already gone.
            ValidationError: the SKP is not agreed.
        """

        def work(session: Session) -> None:
            stored = repo.evidence(session, evidence_id)
            if stored is None:
                raise NotFoundError("Bukti dukung tidak ditemukan; mungkin sudah dihapus.")
            skp = self._indicator_skp(session, stored.iki_id, Action.EDIT)
            inputs.require_agreed(skp.status, skp.revision)
            require_open(session, skp.id, stored.period_code)
            repo.delete_evidence(session, evidence_id)

        self._db.run(work)

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
        text = inputs.feedback_text(feedback)

        def work(session: Session) -> int:
            skp_id = repo.rhk_skp_id(session, rhk_id)
            if skp_id is None:
                raise NotFoundError("RHK tidak ditemukan; mungkin SKP-nya sudah diubah.")
            skp = self._skp(session, skp_id, Action.EDIT)
            inputs.require_agreed(skp.status, skp.revision)
            period, _ = _period(session, skp, period_code)
            require_open(session, skp.id, period.code)
            inputs.check_assessment(skp.pendekatan, assessment)
            stored = (
                repo.StoredFeedback(text, assessment.value if assessment else None)
                if text or assessment is not None
                else None
            )
            repo.store_feedback(session, rhk_id, period.code, stored)
            return skp.id

        return self._evaluation_after(self._db.run(work), period_code)

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

        A final rating other than the proposal needs a reason. A unit head's proposal is the
        rating their unit's recorded organisation predikat gives (SE MenPANRB 3/2023); taking
        it needs no realisation. Without a recorded predikat, ``from_organisation`` takes the
        organisation's achievement with it written as the reason, and no proposal.

        Raises:
            ValidationError: there is no realisation or no proposal yet (field ``final``), a
                needed reason is missing (field ``reason``), the period is unknown, or the SKP
                is not agreed. Nothing is saved.
        """
        given = inputs.reason_text(reason)

        # The proposal it stores is the evaluation read in the same transaction as the write.
        def work(session: Session) -> PeriodEvaluation:
            why = given
            skp = self._skp(session, skp_id, Action.EDIT)
            inputs.require_agreed(skp.status, skp.revision)
            period, periods = _period(session, skp, period_code)
            require_open(session, skp.id, period.code)
            current = self._evaluate(session, skp, period, periods)
            source = inputs.decision_source(
                current, final, why, from_organisation=from_organisation
            )
            proposal = current.proposal
            if source is RatingSource.ORGANISASI and not why and proposal is not None:
                why = proposal.reasons[0]  # the organisation predikat it followed, kept with it
            decided = repo.StoredDecision(
                proposed=proposal.rating.value if proposal else None,
                proposed_reasons="\n".join(proposal.reasons) if proposal else current.waiting,
                final=final.value,
                source=source.value,
                reason=why,
                decided_on=on,
            )
            stored = repo.store_decision(session, skp.id, period.code, decided)
            return replace(current, decision=to_decision(stored))

        return self._db.run(work)

    def set_notes(self, skp_id: int, period_code: str, notes: str) -> PeriodEvaluation:
        """Store the penilai's Catatan/Rekomendasi of the period; empty removes it.

        It is part of what the signed Dokumen Evaluasi prints, so a signed period refuses it
        like every other change (the seal's digest covers it).

        Raises:
            ValidationError: the text is too long (field "notes"), the period is unknown or
                signed, or the SKP is not agreed. Nothing is saved.
        """
        text = evaluation_notes(notes)

        def work(session: Session) -> None:
            skp = self._skp(session, skp_id, Action.EDIT)
            inputs.require_agreed(skp.status, skp.revision)
            period, _ = _period(session, skp, period_code)
            require_open(session, skp.id, period.code)
            repo.store_notes(session, skp.id, period.code, text)

        self._db.run(work)
        return self._evaluation_after(skp_id, period_code)

    def _evaluation_after(self, skp_id: int, period_code: str) -> PeriodEvaluation:
        """The period's evaluation as saved, read after the write committed.

        Reading it apart keeps the write transaction to the rows it checks by key: on a
        PostgreSQL server a SERIALIZABLE transaction that read whole tables (the evaluation's
        targets, evidence, unit tree) would conflict with every other supervisor's write.
        The write already checked the right to edit, which includes the right to see.
        """
        with self._db.reading() as session:
            row = _skp(session, skp_id)
            period, periods = _period(session, row, period_code)
            return self._evaluate(session, row, period, periods)

    # --- the evaluation, inside the caller's transaction -----------------------------------

    def _evaluate(
        self, session: Session, row: SkpHeader, period: Period, periods: list[Period]
    ) -> PeriodEvaluation:
        view = skp_repo.load(session, row.id)
        rhk_ids = [rhk.id for rhk in view.rhks]
        iki_ids = [iki.id for rhk in view.rhks for iki in rhk.indicators]
        records = repo.period_records(session, rhk_ids, iki_ids, period.code)
        plans = period_plans(session, rhk_ids, iki_ids, period, periods)
        rhks = evaluate_rhks(view, records, self._rules, plans)
        proposal, waiting = propose(view, period, rhks, self._rules)
        head = head_rule(session, row.employee_id, row.year, period.code)
        if head is not None:
            proposal, waiting = propose_for_head(head, period, proposal)
        decision = repo.decision(session, row.id, period.code)
        return PeriodEvaluation(
            skp=view,
            period=period,
            periods=tuple(periods),
            rhks=rhks,
            proposal=proposal,
            waiting=waiting,
            decision=to_decision(decision) if decision else None,
            signed_on=signed_on_in(session, row.id, period.code),
            unit_head=head,
            notes=repo.notes(session, row.id, period.code),
            allowed=frozenset(
                action for action in Action if self._access.allows(session, row.employee_id, action)
            ),
        )


# --- lookups inside the caller's transaction ----------------------------------------------------


def _skp(session: Session, skp_id: int) -> SkpHeader:
    row = skp_repo.find_skp(session, skp_id)
    if row is None:
        raise NotFoundError("SKP tidak ditemukan; mungkin sudah dihapus.")
    return row


def _indicator_skp(session: Session, iki_id: int) -> SkpHeader:
    skp_id = repo.indicator_skp_id(session, iki_id)
    if skp_id is None:
        raise NotFoundError("Indikator tidak ditemukan; mungkin SKP-nya sudah diubah.")
    return _skp(session, skp_id)


def _periods(session: Session, row: SkpHeader) -> list[Period]:
    employee = staff_repo.find_employee(session, row.employee_id)
    if employee is None:
        raise NotFoundError("Pegawai pemilik SKP ini tidak ditemukan.")
    return periods_for_row(session, employee, row.year)


def period_plans(
    session: Session,
    rhk_ids: list[int],
    iki_ids: list[int],
    period: Period,
    periods: list[Period],
) -> PeriodPlans:
    """The period's rencana aksi and targets, and the earlier figures a running total adds."""
    if period.is_final:
        return PeriodPlans(final=True)
    stored = plans_repo.plans(session, rhk_ids, iki_ids)
    targets = {
        iki_id: PeriodTarget(value, stored.scale(iki_id))
        for (iki_id, code), value in stored.targets.items()
        if code == period.code
    }
    earlier: dict[int, list[Decimal]] = {}
    cumulative = [i for i, target in targets.items() if target.scale is TargetScale.KUMULATIF]
    before = [p.code for p in periods if not p.is_final and p.end < period.start]
    if cumulative and before:
        for (iki_id, _code), value in plans_repo.realisation_values(
            session, cumulative, before
        ).items():
            earlier.setdefault(iki_id, []).append(value)
    return PeriodPlans(
        final=False,
        rencana_aksi={
            rhk_id: action.text
            for (rhk_id, code), action in stored.rencana_aksi.items()
            if code == period.code
        },
        targets=targets,
        earlier=earlier,
    )


def _period(session: Session, row: SkpHeader, code: str) -> tuple[Period, list[Period]]:
    periods = _periods(session, row)
    return inputs.pick_period(periods, code, row.year), periods
