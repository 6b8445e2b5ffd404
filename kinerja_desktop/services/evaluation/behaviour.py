"""Perilaku Kerja of one period: umpan balik per value, the Rating Perilaku Kerja, the predikat.

Per BerAKHLAK value: the period's journal entries (catatan perilaku), a draft of the umpan
balik berkelanjutan built from them, and the text the supervisor kept (what the forms print).
For the period: the proposed Rating Perilaku Kerja with its reasons (the documented rule in
:mod:`kinerja_desktop.domain.behaviour`) and the supervisor's decision, both kept; then the
Predikat Kinerja from the kuadran once the Rating Hasil Kerja and the Rating Perilaku Kerja are
both decided. The penilai may set another predikat with a reason; it is marked as such.

One transaction per user action; every refusal raises before anything is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import behaviour as repo
from kinerja_desktop.data.repositories import evaluation as evaluation_repo
from kinerja_desktop.data.repositories import skp as skp_repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.repositories.skp import SkpHeader
from kinerja_desktop.domain.access import Action
from kinerja_desktop.domain.achievement import Proposal
from kinerja_desktop.domain.behaviour import (
    ObservationFact,
    ObservationSign,
    ObservationSource,
    propose_behaviour_rating,
)
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import NotFoundError, ValidationError
from kinerja_desktop.domain.periods import Period, period_label
from kinerja_desktop.domain.predikat import (
    OVERRIDE_MARK,
    EffectivePredikat,
    Predikat,
    decide_predikat,
    effective_predikat,
    predikat_for,
)
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.reference_data import behaviour_label
from kinerja_desktop.domain.text import checked_text, clean_text
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.evaluation import inputs
from kinerja_desktop.services.evaluation.dialogue import predikat_on_objection
from kinerja_desktop.services.evaluation.inputs import FEEDBACK_MAX
from kinerja_desktop.services.platform.seals import require_open, signed_on_in
from kinerja_desktop.services.staff.service import periods_for_row

#: At most this many entries are quoted per part of a drafted feedback.
DRAFT_ENTRIES = 5


@dataclass(frozen=True)
class JournalEntry:
    """One catatan perilaku of the period."""

    id: int
    observed_on: date
    value: BehaviourValue
    indicator: int | None
    sign: ObservationSign
    serious: bool
    text: str
    source: ObservationSource


@dataclass(frozen=True)
class ValueFeedback:
    """One BerAKHLAK value in the period.

    Attributes:
        value: The core value.
        label: Its name as the form prints it, e.g. "Berorientasi Pelayanan".
        entries: The period's journal entries for this value, oldest first.
        stored: The umpan balik the supervisor saved; None when nothing is saved.
        draft: A feedback text built from ``entries`` (empty without entries).
    """

    value: BehaviourValue
    label: str
    entries: tuple[JournalEntry, ...]
    stored: str | None
    draft: str

    def count(self, sign: ObservationSign) -> int:
        return sum(entry.sign is sign for entry in self.entries)

    @property
    def counts_text(self) -> str:
        """E.g. "2 positif, 1 negatif, 0 netral"."""
        return ", ".join(f"{self.count(sign)} {sign.label.lower()}" for sign in ObservationSign)


@dataclass(frozen=True)
class BehaviourDecision:
    """The stored Rating Perilaku Kerja: the proposal as it stood, and what was decided."""

    proposed: Rating | None
    proposed_reasons: tuple[str, ...]
    final: Rating
    reason: str
    decided_on: date

    @property
    def overridden(self) -> bool:
        return self.proposed is not None and self.final is not self.proposed


@dataclass(frozen=True)
class PredikatDecisionView:
    """The stored Predikat Kinerja, with both ratings as they stood when it was set."""

    hasil: Rating
    perilaku: Rating
    computed: Predikat
    final: Predikat
    reason: str
    decided_on: date

    @property
    def overridden(self) -> bool:
        return self.final is not self.computed

    @property
    def display(self) -> str:
        """E.g. "Baik" or "Baik (ditetapkan berbeda dari matriks: Sangat Baik)"."""
        if not self.overridden:
            return self.final.label
        return f"{self.final.label} ({OVERRIDE_MARK}: {self.computed.label})"


@dataclass(frozen=True)
class PredikatStatus:
    """Where the period's Predikat Kinerja stands.

    Attributes:
        hasil: The decided Rating Hasil Kerja (ResultRatingRow.final), if any.
        perilaku: The decided Rating Perilaku Kerja, if any.
        computed: The kuadran's answer when both ratings are decided; else None.
        decision: The penilai's stored predikat, if any.
        missing: What is still needed before the predikat can be set ("" when nothing).
        on_objection: The predikat the Atasan Pejabat Penilai set deciding an objection;
            final (PP 30/2019 Pasal 59), so it is the period's predikat.
    """

    hasil: Rating | None
    perilaku: Rating | None
    computed: Predikat | None
    decision: PredikatDecisionView | None
    missing: str
    on_objection: Predikat | None = None

    @property
    def overridden(self) -> bool:
        return self.decision is not None and self.decision.overridden

    @property
    def effective(self) -> EffectivePredikat | None:
        """The period's predikat in force (the atasan's on an objection, else the penilai's)."""
        decision = self.decision
        return effective_predikat(
            decision.final if decision else None,
            self.on_objection,
            decision.computed if decision else None,
        )

    @property
    def outdated(self) -> bool:
        """A rating changed after the predikat was set; it should be set again.

        Never once the atasan set the predikat on an objection: that decision is final.
        """
        decision = self.decision
        if decision is None or self.on_objection is not None:
            return False
        return decision.hasil is not self.hasil or decision.perilaku is not self.perilaku


@dataclass(frozen=True)
class BehaviourPeriod:
    """Everything the Perilaku Kerja part of one SKP in one period shows."""

    skp_id: int
    period: Period
    periods: tuple[Period, ...]
    editable: bool
    values: tuple[ValueFeedback, ...]
    proposal: Proposal
    rating: BehaviourDecision | None
    predikat: PredikatStatus

    @property
    def hasil(self) -> Rating | None:
        """The Rating Hasil Kerja decided for the period, if any."""
        return self.predikat.hasil

    @property
    def entry_count(self) -> int:
        return sum(len(value.entries) for value in self.values)

    def value(self, value: BehaviourValue) -> ValueFeedback:
        return next(item for item in self.values if item.value is value)

    @property
    def rating_outdated(self) -> bool:
        """The journal changed the proposal since the rating was decided."""
        return self.rating is not None and self.rating.proposed is not self.proposal.rating


@dataclass(frozen=True)
class LatestPredikat:
    """A person's most recently decided Predikat Kinerja, as the staff summary shows it.

    Attributes:
        predikat: The period's predikat: the atasan's on an objection, else the final one.
        on_objection: It was set by the atasan deciding a keberatan.
    """

    skp_id: int
    year: int
    period_code: str
    period_label: str
    predikat: Predikat
    on_objection: bool


class BehaviourService:
    def __init__(self, database: Database, access: AccessGuard) -> None:
        self._db = database
        self._access = access

    def skp_checked(self, session: Session, skp_id: int, action: Action) -> SkpHeader:
        row = _skp(session, skp_id)
        self._access.require_person(session, row.employee_id, action)
        return row

    # --- reading ---------------------------------------------------------------------------

    def _shown(
        self, session: Session, row: SkpHeader, period: Period, periods: list[Period]
    ) -> BehaviourPeriod:
        """The period as the signed-in account sees it: not editable where it may only view."""
        view = _view(session, row, period, periods)
        if view.editable and not self._access.allows(session, row.employee_id, Action.EDIT):
            return replace(view, editable=False)
        return view

    def latest_predikat(self, employee_id: int) -> LatestPredikat | None:
        """The person's most recently decided predikat (latest year); None when none yet."""
        with self._db.reading() as session:
            self._access.require_person(session, employee_id, Action.VIEW)
            latest = repo.latest_predikat(session, employee_id)
            if latest is None:
                return None
            decided = predikat_on_objection(session, latest.skp_id, latest.period_code)
            return LatestPredikat(
                skp_id=latest.skp_id,
                year=latest.year,
                period_code=latest.period_code,
                period_label=period_label(latest.period_code),
                predikat=decided or Predikat(latest.predikat.final),
                on_objection=decided is not None,
            )

    def period_view(self, skp_id: int, period_code: str) -> BehaviourPeriod:
        """Return the Perilaku Kerja of the SKP in one period.

        Raises:
            NotFoundError: there is no such SKP.
            ValidationError: the period code is not one of the person's periods that year.
        """
        with self._db.reading() as session:
            row = self.skp_checked(session, skp_id, Action.VIEW)
            period, periods = _period(session, row, period_code)
            return self._shown(session, row, period, periods)

    # --- writing ---------------------------------------------------------------------------

    def save_feedback(
        self, skp_id: int, period_code: str, value: BehaviourValue, text: str
    ) -> BehaviourPeriod:
        """Store the umpan balik of one value in a period; empty text removes it.

        Raises:
            ValidationError: the text is too long (field ``feedback``), the period is unknown,
                or the SKP is not agreed. Nothing is saved.
        """
        cleaned = feedback_text(text)

        def work(session: Session) -> None:
            row = self.skp_checked(session, skp_id, Action.EDIT)
            inputs.require_agreed(row.status, row.revision)
            period, _ = _period(session, row, period_code)
            require_open(session, row.id, period.code)
            repo.store_feedback(session, row.id, period.code, BehaviourValue(value).value, cleaned)

        # Pure database work (retried once after a server conflict); the period is read after
        # the commit so the write transaction reads only the rows it checks.
        self._db.run(work)
        return self.period_view(skp_id, period_code)

    def save_all_feedback(
        self, skp_id: int, period_code: str, texts: Mapping[BehaviourValue, str]
    ) -> BehaviourPeriod:
        """Store the umpan balik of several values at once: all of them or none.

        Raises:
            ValidationError: a text is too long (field: the value's code, e.g. "AKUNTABEL"),
                the period is unknown, or the SKP is not agreed. Nothing is saved.
        """
        cleaned: dict[BehaviourValue, str] = {}
        for value, text in texts.items():
            try:
                cleaned[BehaviourValue(value)] = feedback_text(text)
            except ValidationError as error:
                label = behaviour_label(BehaviourValue(value))
                raise ValidationError(f"{label}: {error.message}", field=value.value) from None

        def work(session: Session) -> None:
            row = self.skp_checked(session, skp_id, Action.EDIT)
            inputs.require_agreed(row.status, row.revision)
            period, _ = _period(session, row, period_code)
            require_open(session, row.id, period.code)
            for value, text in cleaned.items():
                repo.store_feedback(session, row.id, period.code, value.value, text)

        self._db.run(work)
        return self.period_view(skp_id, period_code)

    def decide_rating(
        self,
        skp_id: int,
        period_code: str,
        final: Rating,
        reason: str = "",
        *,
        on: date,
    ) -> BehaviourPeriod:
        """Decide the period's Rating Perilaku Kerja; the proposal is stored beside it.

        Raises:
            ValidationError: the rating differs from the proposal without a reason (field
                ``reason``), the period has not begun on ``on`` (field ``final``), the period is
                unknown, or the SKP is not agreed. Nothing is saved.
        """
        why = inputs.reason_text(reason)
        final = Rating(final)

        # The proposal it stores is read in the same transaction as the write (pure DB work).
        def work(session: Session) -> BehaviourPeriod:
            row = self.skp_checked(session, skp_id, Action.EDIT)
            inputs.require_agreed(row.status, row.revision)
            period, periods = _period(session, row, period_code)
            require_open(session, row.id, period.code)
            if on < period.start:
                raise ValidationError(
                    f"Periode {period.label} ({period.range_text}) belum dimulai pada "
                    f"{format_date_id(on)}; Rating Perilaku Kerja belum dapat ditetapkan.",
                    field="final",
                )
            current = self._shown(session, row, period, periods)
            proposal = current.proposal
            if final is not proposal.rating and not why:
                raise ValidationError(
                    f"Rating {final.label} berbeda dari usulan ({proposal.rating.label}). "
                    "Tuliskan alasannya, mis. perilaku yang diamati langsung tetapi belum "
                    "dicatat di jurnal.",
                    field="reason",
                )
            repo.store_behaviour_rating(
                session,
                row.id,
                period.code,
                repo.StoredBehaviourRating(
                    proposed=proposal.rating.value,
                    proposed_reasons="\n".join(proposal.reasons),
                    final=final.value,
                    reason=why,
                    decided_on=on,
                ),
            )
            return self._shown(session, row, period, periods)

        return self._db.run(work)

    def decide_predikat(
        self,
        skp_id: int,
        period_code: str,
        final: Predikat | None,
        reason: str = "",
        *,
        on: date,
    ) -> BehaviourPeriod:
        """Set the period's Predikat Kinerja: the kuadran's, or ``final`` with a reason.

        ``final`` None (or the kuadran's own answer) keeps the kuadran's predikat. Both ratings
        are stored beside it as they stood, so a later change of either shows as outdated.

        Raises:
            ValidationError: a rating of the period is not decided yet (field ``final``; the
                message names which), a different predikat has no reason (field ``reason``),
                the period is unknown, or the SKP is not agreed. Nothing is saved.
        """
        why = inputs.reason_text(reason)

        # Pure database work: the ratings it stores beside the predikat are read with it.
        def work(session: Session) -> BehaviourPeriod:
            row = self.skp_checked(session, skp_id, Action.EDIT)
            inputs.require_agreed(row.status, row.revision)
            period, periods = _period(session, row, period_code)
            require_open(session, row.id, period.code)
            status = _predikat_status(session, row.id, period)
            if status.on_objection is not None:
                raise ValidationError(
                    f"Predikat Kinerja {period.label} sudah ditetapkan Atasan Pejabat Penilai "
                    f"atas keberatan ({status.on_objection.label}); keputusan itu bersifat "
                    "final dan tidak dapat diubah di sini.",
                    field="final",
                )
            if status.hasil is None or status.perilaku is None:
                raise ValidationError(status.missing, field="final")
            decided = decide_predikat(status.hasil, status.perilaku, final, why)
            repo.store_predikat(
                session,
                row.id,
                period.code,
                repo.StoredPredikat(
                    hasil=status.hasil.value,
                    perilaku=status.perilaku.value,
                    computed=decided.computed.value,
                    final=decided.final.value,
                    override_reason=decided.override_reason or "",
                    decided_on=on,
                ),
            )
            return self._shown(session, row, period, periods)

        return self._db.run(work)


# --- feedback draft -----------------------------------------------------------------------------


def feedback_text(text: str) -> str:
    """Clean typed feedback, keeping its line breaks.

    Raises:
        ValidationError: it is longer than FEEDBACK_MAX (field ``feedback``).
    """
    return checked_text(
        text,
        field="feedback",
        label="Umpan balik",
        max_length=FEEDBACK_MAX,
        required=False,
        multiline=True,
    )


def _quote(entries: list[JournalEntry]) -> str:
    texts = [clean_text(entry.text).rstrip(" .;") for entry in entries[:DRAFT_ENTRIES]]
    texts = [text for text in texts if text]
    more = len(entries) - DRAFT_ENTRIES
    if more > 0:
        texts.append(f"dan {more} catatan lain")
    return "; ".join(texts)


def draft_feedback(value: BehaviourValue, entries: tuple[JournalEntry, ...]) -> str:
    """A first umpan balik for one value, from its journal entries; empty without entries.

    Plain sentences: what went well, what to develop, and a next step the supervisor can
    keep or change.
    """
    positives = [e for e in entries if e.sign is ObservationSign.POSITIF]
    negatives = [e for e in entries if e.sign is ObservationSign.NEGATIF]
    neutrals = [e for e in entries if e.sign is ObservationSign.NETRAL]
    sentences: list[str] = []
    if positives:
        sentences.append(f"Yang sudah berjalan baik: {_quote(positives)}.")
    if negatives:
        sentences.append(f"Yang perlu dikembangkan: {_quote(negatives)}.")
    if neutrals:
        sentences.append(f"Catatan lain: {_quote(neutrals)}.")
    if not sentences:
        return ""
    label = behaviour_label(value)
    if any(e.serious for e in negatives):
        sentences.append(
            "Ada catatan yang serius: bahas buktinya bersama pegawai, dengarkan tanggapannya, "
            "dan sepakati langkah perbaikan yang dipantau."
        )
    elif negatives:
        sentences.append(
            f"Sepakati satu langkah perbaikan pada nilai {label} dan tinjau kemajuannya pada "
            "periode berikutnya."
        )
    elif positives:
        sentences.append(
            f"Pertahankan perilaku {label} ini dan bagikan praktik baiknya kepada rekan kerja."
        )
    return " ".join(sentences)


# --- the view, inside the caller's transaction --------------------------------------------------


def _view(
    session: Session, row: SkpHeader, period: Period, periods: list[Period]
) -> BehaviourPeriod:
    entries = [
        _entry(stored)
        for stored in repo.observations(session, row.employee_id, period.start, period.end)
    ]
    saved = repo.feedback(session, row.id, period.code)
    values = []
    for value in BehaviourValue:
        own = tuple(entry for entry in entries if entry.value is value)
        values.append(
            ValueFeedback(
                value=value,
                label=behaviour_label(value),
                entries=own,
                stored=saved.get(value.value),
                draft=draft_feedback(value, own),
            )
        )
    facts = [
        ObservationFact(entry.value, entry.sign, entry.serious, entry.indicator)
        for entry in entries
    ]
    stored_rating = repo.behaviour_rating(session, row.id, period.code)
    return BehaviourPeriod(
        skp_id=row.id,
        period=period,
        periods=tuple(periods),
        editable=row.locked and signed_on_in(session, row.id, period.code) is None,
        values=tuple(values),
        proposal=propose_behaviour_rating(facts),
        rating=_rating(stored_rating) if stored_rating else None,
        predikat=_predikat_status(session, row.id, period),
    )


def _predikat_status(session: Session, skp_id: int, period: Period) -> PredikatStatus:
    result = evaluation_repo.decision(session, skp_id, period.code)
    behaviour = repo.behaviour_rating(session, skp_id, period.code)
    hasil = Rating(result.final) if result else None
    perilaku = Rating(behaviour.final) if behaviour else None
    missing = [
        name
        for name, rating in (("Rating Hasil Kerja", hasil), ("Rating Perilaku Kerja", perilaku))
        if rating is None
    ]
    waiting = ""
    if missing:
        waiting = (
            f"Predikat Kinerja {period.label} belum dapat ditetapkan: {' dan '.join(missing)} "
            "periode ini belum ditetapkan. Tetapkan terlebih dahulu."
        )
    stored = repo.predikat(session, skp_id, period.code)
    return PredikatStatus(
        hasil=hasil,
        perilaku=perilaku,
        computed=predikat_for(hasil, perilaku) if hasil and perilaku else None,
        decision=_predikat(stored) if stored else None,
        missing=waiting,
        on_objection=predikat_on_objection(session, skp_id, period.code),
    )


def _entry(stored: repo.StoredObservation) -> JournalEntry:
    return JournalEntry(
        id=stored.id,
        observed_on=stored.observed_on,
        value=BehaviourValue(stored.value_code),
        indicator=stored.indicator,
        sign=ObservationSign(stored.sign),
        serious=stored.serious,
        text=stored.text,
        source=ObservationSource(stored.source),
    )


def _rating(stored: repo.StoredBehaviourRating) -> BehaviourDecision:
    return BehaviourDecision(
        proposed=Rating(stored.proposed) if stored.proposed else None,
        proposed_reasons=tuple(line for line in stored.proposed_reasons.split("\n") if line),
        final=Rating(stored.final),
        reason=stored.reason,
        decided_on=stored.decided_on,
    )


def _predikat(stored: repo.StoredPredikat) -> PredikatDecisionView:
    return PredikatDecisionView(
        hasil=Rating(stored.hasil),
        perilaku=Rating(stored.perilaku),
        computed=Predikat(stored.computed),
        final=Predikat(stored.final),
        reason=stored.override_reason,
        decided_on=stored.decided_on,
    )


def _skp(session: Session, skp_id: int) -> SkpHeader:
    row = skp_repo.find_skp(session, skp_id)
    if row is None:
        raise NotFoundError("SKP tidak ditemukan; mungkin sudah dihapus.")
    return row


def _period(session: Session, row: SkpHeader, code: str) -> tuple[Period, list[Period]]:
    employee = staff_repo.find_employee(session, row.employee_id)
    if employee is None:
        raise NotFoundError("Pegawai pemilik SKP ini tidak ditemukan.")
    periods = periods_for_row(session, employee, row.year)
    return inputs.pick_period(periods, code, row.year), periods
