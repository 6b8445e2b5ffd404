"""The behaviour journal (catatan perilaku): dated observations, their filters, and weak spots.

An entry says who, which BerAKHLAK value (and optionally which of its three panduan perilaku),
whether the behaviour was positive, negative or neutral, what happened, where the penilai learned
of it, and optional evidence: a note or a link, and a file copied into the evidence folder.

A behaviour that draws negative entries, or a decided Rating Perilaku Kerja below expectation,
in two or more consecutive periods of the person's scheme is a *repeated weak spot*
(``domain.behaviour.repeated_weak_spots``); it is shown on the person's journal and on the home
page (``weak_spot_check``) with a development action.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import Select, select, union
from sqlalchemy.orm import Session

from kinerja_desktop.data.behaviour_models import BehaviourRatingRow
from kinerja_desktop.data.database import Database
from kinerja_desktop.data.models import EmployeeRow
from kinerja_desktop.data.repositories import journal as repo
from kinerja_desktop.data.repositories import skp as skp_repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.skp_models import SkpRow
from kinerja_desktop.domain.access import Action
from kinerja_desktop.domain.attention import AttentionItem, Severity
from kinerja_desktop.domain.behaviour import (
    INDICATORS_PER_VALUE,
    ObservationFact,
    ObservationSign,
    ObservationSource,
    WeakSpot,
    repeated_weak_spots,
)
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.errors import NotFoundError, ValidationError
from kinerja_desktop.domain.journal_entry import check_observation
from kinerja_desktop.domain.journal_entry import is_link as _is_link
from kinerja_desktop.domain.periods import (
    EvaluationScheme,
    Period,
    find_period,
    periods_for_span,
    periods_for_year,
)
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.reference_data import behaviour_indicators, behaviour_label
from kinerja_desktop.domain.staff import Employee, EmployeeId, full_name
from kinerja_desktop.domain.text import clean_text
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.evaluation import journal_audit
from kinerja_desktop.services.platform.evidence import open_evidence_store
from kinerja_desktop.services.platform.evidence_store import IncomingFile
from kinerja_desktop.services.platform.seals import current_actor
from kinerja_desktop.services.staff.service import periods_for_row, serving_span


@dataclass(frozen=True)
class Observation:
    """One journal entry as the screens show it.

    Attributes:
        evidence_note: A written note as evidence ("" when none).
        evidence_link: A web address or file location as evidence ("" when none).
        evidence_file: The stored copy's name in the evidence folder ("" when none).
    """

    id: int
    employee_id: EmployeeId
    employee_name: str
    nip: str
    observed_on: date
    value: BehaviourValue
    value_label: str
    indicator: int | None
    indicator_text: str
    sign: ObservationSign
    sign_label: str
    source: ObservationSource
    source_label: str
    serious: bool
    text: str
    evidence_note: str
    evidence_link: str
    evidence_file: str
    evidence_sha256: str

    @property
    def fact(self) -> ObservationFact:
        return ObservationFact(self.value, self.sign, self.serious, self.indicator)

    @property
    def evidence_summary(self) -> str:
        """E.g. "Catatan: …; Berkas" for the journal table."""
        parts = []
        if self.evidence_note:
            parts.append(f"Catatan: {self.evidence_note}")
        if self.evidence_link:
            parts.append(f"Tautan: {self.evidence_link}")
        if self.evidence_file:
            parts.append("Berkas terlampir")
        return "; ".join(parts)


@dataclass(frozen=True)
class JournalFilter:
    """What the journal shows; None (or empty text) means "any".

    Attributes:
        period: (year, period code) such as (2026, "TW2"); the code follows the person's
            scheme, or the office's when no person is chosen.
        text: Words to find in what happened, the evidence note, the name or the NIP.
    """

    employee_id: int | None = None
    value: BehaviourValue | None = None
    period: tuple[int, str] | None = None
    sign: ObservationSign | None = None
    text: str = ""


@dataclass(frozen=True)
class WeakSpotReport:
    """A repeated weak spot of one person, with what caused it.

    Attributes:
        spot: The domain's finding: value, indicator, periods and development action.
        title: E.g. 'Akuntabel, panduan 2: "…"' or "Akuntabel".
        entries: The negative entries behind it, oldest first.
    """

    spot: WeakSpot
    title: str
    entries: tuple[Observation, ...]


def _indicator_text(value: BehaviourValue, indicator: int | None) -> str:
    if indicator is None or not 1 <= indicator <= INDICATORS_PER_VALUE:
        return ""
    return behaviour_indicators(value)[indicator - 1]


def to_observation(stored: repo.StoredObservation) -> Observation:
    data = stored.data
    value = BehaviourValue(data.value_code)
    sign = ObservationSign(data.sign)
    source = ObservationSource(data.source)
    is_link = _is_link(data.evidence_text)
    return Observation(
        id=stored.id,
        employee_id=EmployeeId(data.employee_id),
        employee_name=full_name(stored.employee_name, stored.gelar_depan, stored.gelar_belakang),
        nip=stored.nip,
        observed_on=data.observed_on,
        value=value,
        value_label=behaviour_label(value),
        indicator=data.indicator,
        indicator_text=_indicator_text(value, data.indicator),
        sign=sign,
        sign_label=sign.label,
        source=source,
        source_label=source.label,
        serious=data.serious,
        text=data.text,
        evidence_note="" if is_link else data.evidence_text,
        evidence_link=data.evidence_text if is_link else "",
        evidence_file=data.evidence_file,
        evidence_sha256=data.evidence_sha256,
    )


def _scheme_of(session: Session, unit_id: int, year: int) -> EvaluationScheme:
    found = staff_repo.appraisal_year(session, staff_repo.root_unit_id(session, unit_id), year)
    return found.scheme if found else EvaluationScheme.TRIWULAN


def _office_scheme(session: Session, year: int) -> EvaluationScheme:
    """The scheme every instansi uses that year; triwulan when unset or when they differ."""
    schemes = {found.scheme for found in staff_repo.appraisal_years(session) if found.year == year}
    return schemes.pop() if len(schemes) == 1 else EvaluationScheme.TRIWULAN


def _spot_title(spot: WeakSpot) -> str:
    if spot.value is None:
        return "Rating Perilaku Kerja"
    label = behaviour_label(spot.value)
    if spot.indicator is None:
        return label
    return f'{label}, panduan {spot.indicator}: "{_indicator_text(spot.value, spot.indicator)}"'


def _weak_spot_reports(session: Session, row: Employee, year: int) -> list[WeakSpotReport]:
    periods = [period for period in periods_for_row(session, row, year) if not period.is_final]
    if not periods:
        return []
    entries = [
        to_observation(stored)
        for stored in repo.find(
            session,
            repo.ObservationQuery(employee_id=row.id, start=periods[0].start, end=periods[-1].end),
        )
    ]
    by_period = [
        (period, [entry for entry in entries if period.contains(entry.observed_on)])
        for period in periods
    ]
    ratings = _decided_ratings(session, row.id, year)
    spots = repeated_weak_spots(
        [
            (period.label, [entry.fact for entry in found], ratings.get(period.code))
            for period, found in by_period
        ]
    )
    reports = []
    for spot in spots:
        causes = tuple(
            entry
            for period, found in by_period
            if period.label in spot.periods
            for entry in found
            if entry.sign is ObservationSign.NEGATIF
            and entry.value is spot.value
            and (spot.indicator is None or entry.indicator == spot.indicator)
        )
        causes = tuple(sorted(causes, key=lambda entry: (entry.observed_on, entry.id)))
        reports.append(WeakSpotReport(spot, _spot_title(spot), causes))
    return reports


def _decided_ratings(session: Session, employee_id: int, year: int) -> dict[str, Rating]:
    """The decided Rating Perilaku Kerja per period code on the person's SKP of ``year``.

    The rating is one overall value per period (reference §2: no per-value rating), so a
    below-expectation rating in consecutive periods is a weak spot of its own.
    """
    skp = skp_repo.skp_for(session, employee_id, year)
    if skp is None:
        return {}
    rows = session.execute(
        select(BehaviourRatingRow.period_code, BehaviourRatingRow.final).where(
            BehaviourRatingRow.skp_id == skp.id
        )
    )
    return {code: Rating(final) for code, final in rows}


def _rated_below(year: int) -> Select[int, str]:
    """Active people's periods of ``year`` with a Rating Perilaku Kerja below expectation."""
    return (
        select(SkpRow.employee_id, BehaviourRatingRow.period_code)
        .join(BehaviourRatingRow, BehaviourRatingRow.skp_id == SkpRow.id)
        .join(EmployeeRow, EmployeeRow.id == SkpRow.employee_id)
        .where(
            SkpRow.year == year,
            BehaviourRatingRow.final == Rating.DI_BAWAH.value,
            EmployeeRow.active.is_(True),
        )
    )


def _period_span(periods: tuple[str, ...]) -> str:
    return ", ".join(periods[:-1]) + f" dan {periods[-1]}" if len(periods) > 1 else periods[0]


def _schemes_by_unit(session: Session, year: int) -> dict[int, EvaluationScheme]:
    """Every unit's evaluation scheme in ``year``: its instansi's, triwulan when unset."""
    parent = {unit.id: unit.parent_id for unit in staff_repo.all_units(session)}
    chosen = {
        found.instansi_id: found.scheme
        for found in staff_repo.appraisal_years(session)
        if found.year == year
    }
    schemes: dict[int, EvaluationScheme] = {}
    for unit_id in parent:
        root = unit_id
        for _ in range(100):  # the tree is shallow; a longer walk means a broken loop
            above = parent.get(root)
            if above is None:
                break
            root = above
        schemes[unit_id] = chosen.get(root, EvaluationScheme.TRIWULAN)
    return schemes


def weak_spot_check(session: Session, today: date) -> list[AttentionItem]:
    """One attention item per active person with a repeated weak spot this year.

    A fixed number of statements whatever the size of the office: the people who may have a
    weak spot are selected in SQL, and their history, negative entries and ratings are read
    for all of them at once.
    """
    year = today.year
    first = date(year, 1, 1)
    below = _rated_below(year)
    candidates = union(
        repo.repeated_negatives(first, today), select(below.subquery().c.employee_id)
    ).subquery()
    among = select(candidates.c.employee_id)
    people = staff_repo.employees_among(session, among)
    if not people:
        return []
    history = staff_repo.events_among(session, among)
    negatives = repo.negatives_among(session, among, first, date(year, 12, 31))
    rated_below: dict[int, set[str]] = {}
    for employee_id, period_code in session.execute(below):
        rated_below.setdefault(employee_id, set()).add(period_code)
    schemes = _schemes_by_unit(session, year)
    items = []
    for row in people:
        span = serving_span(history.get(row.id, []), year)
        if span is None:
            continue
        scheme = schemes.get(row.unit_id, EvaluationScheme.TRIWULAN)
        periods = [p for p in periods_for_span(year, scheme, *span) if not p.is_final]
        entries = negatives.get(row.id, [])
        below_in = rated_below.get(row.id, set())
        spots = repeated_weak_spots(
            [
                (
                    period.label,
                    [
                        _negative_fact(entry)
                        for entry in entries
                        if period.contains(entry.observed_on)
                    ],
                    Rating.DI_BAWAH if period.code in below_in else None,
                )
                for period in periods
            ]
        )
        if spots:
            items.append(_weak_spot_item(row, spots))
    return items


def _negative_fact(entry: repo.NegativeEntry) -> ObservationFact:
    return ObservationFact(
        BehaviourValue(entry.value_code),
        ObservationSign.NEGATIF,
        serious=entry.serious,
        indicator=entry.indicator,
    )


def _weak_spot_item(row: Employee, spots: list[WeakSpot]) -> AttentionItem:
    name = full_name(row.name, row.gelar_depan, row.gelar_belakang)
    detail = "; ".join(f"{_spot_title(spot)} pada {_period_span(spot.periods)}" for spot in spots)
    return AttentionItem(
        Severity.PENTING,
        f"{name}: perilaku yang perlu dikembangkan, berulang",
        f"Berulang pada periode berturut-turut: {detail}. Bahas bersama pegawai dan "
        f"sepakati langkah pengembangan: {spots[0].action}",
        (EmployeeId(row.id),),
    )


class JournalService:
    """Records, corrects and reads the behaviour journal."""

    def __init__(self, database: Database, evidence_dir: Path, access: AccessGuard) -> None:
        self._db = database
        self._access = access
        self.evidence_store = open_evidence_store(database, evidence_dir)

    # --- writing ---------------------------------------------------------------------------

    def record(
        self,
        employee_id: int,
        observed_on: date,
        value: BehaviourValue | str,
        sign: ObservationSign | str,
        text: str,
        *,
        indicator: int | None = None,
        serious: bool = False,
        source: ObservationSource | str = ObservationSource.LANGSUNG,
        evidence_note: str = "",
        evidence_link: str = "",
        evidence_file: Path | None = None,
        today: date | None = None,
    ) -> Observation:
        """Add one entry to the journal.

        Raises:
            ValidationErrors: one message per unacceptable field (``observed_on`` in the
                future, empty ``text``, ``indicator`` outside 1–3, a bad ``evidence_link``…).
            ValidationError: the evidence file is missing, empty or too large (field ``file``).
            ValidationError: ``observed_on`` lies in a period whose evaluation was signed, until
                it is reopened (field ``observed_on``, the same message as a correction).
            NotFoundError: the person does not exist.
            DomainError: the evidence file cannot be copied. Nothing is saved in any case.
        """
        data = self._checked(
            employee_id=employee_id,
            observed_on=observed_on,
            value=value,
            sign=sign,
            text=text,
            indicator=indicator,
            serious=serious,
            source=source,
            evidence_note=evidence_note,
            evidence_link=evidence_link,
            today=today,
        )

        # The file is read before the transaction: on a server the work may run twice.
        incoming = self._take(evidence_file)

        def add(session: Session) -> Observation:
            self._require_person(session, employee_id, Action.EDIT)
            journal_audit.require_open_on(session, employee_id, observed_on)
            return self._read(session, repo.add(session, self._with_file(session, data, incoming)))

        return self._db.run(add)

    def update(
        self,
        observation_id: int,
        *,
        reason: str,
        employee_id: int,
        observed_on: date,
        value: BehaviourValue | str,
        sign: ObservationSign | str,
        text: str,
        indicator: int | None = None,
        serious: bool = False,
        source: ObservationSource | str = ObservationSource.LANGSUNG,
        evidence_note: str = "",
        evidence_link: str = "",
        evidence_file: Path | None = None,
        remove_file: bool = False,
        today: date | None = None,
    ) -> Observation:
        """Correct an entry, with a reason kept in the audit log (one transaction).

        Its file stays unless a new one is given or ``remove_file``. The ratings proposed from
        the journal read it again, so they follow the correction.

        Raises:
            The same as ``record``; ValidationError also without a reason (field ``reason``)
            or when the entry's old or new date lies in a period whose evaluation was signed
            (field ``observed_on``); NotFoundError also when the entry is gone.
        """
        why = journal_audit.checked_reason(reason, deleting=False)
        data = self._checked(
            employee_id=employee_id,
            observed_on=observed_on,
            value=value,
            sign=sign,
            text=text,
            indicator=indicator,
            serious=serious,
            source=source,
            evidence_note=evidence_note,
            evidence_link=evidence_link,
            today=today,
        )
        incoming = self._take(evidence_file)

        def work(session: Session) -> Observation:
            current = repo.get(session, observation_id)
            if current is None:
                raise NotFoundError("Catatan perilaku tidak ditemukan; mungkin sudah dihapus.")
            self._access.require_person(session, current.data.employee_id, Action.EDIT)
            self._require_person(session, employee_id, Action.EDIT)
            journal_audit.require_open_on(
                session, current.data.employee_id, current.data.observed_on
            )
            journal_audit.require_open_on(session, employee_id, observed_on)
            corrected = data if remove_file else _keep_file(data, current.data)
            corrected = self._with_file(session, corrected, incoming)
            repo.replace_data(session, observation_id, corrected)
            journal_audit.log_change(
                session, current, actor=self._actor(), reason=why, corrected=corrected
            )
            return self._read(session, observation_id)

        return self._db.run(work)

    def remove(self, observation_id: int, reason: str) -> None:
        """Delete an entry, with a reason kept in the audit log (one transaction).

        A copied file stays in the folder (a backup may need it); a complaint turned into this
        entry stays in the register, no longer linked.

        Raises:
            ValidationError: no reason (field ``reason``), or the entry is dated in a period
                whose evaluation was signed (field ``observed_on``).
            NotFoundError: it is already gone.
        """
        why = journal_audit.checked_reason(reason, deleting=True)

        def work(session: Session) -> None:
            current = repo.get(session, observation_id)
            if current is None:
                raise NotFoundError("Catatan perilaku tidak ditemukan; mungkin sudah dihapus.")
            self._access.require_person(session, current.data.employee_id, Action.EDIT)
            journal_audit.require_open_on(
                session, current.data.employee_id, current.data.observed_on
            )
            repo.delete(session, observation_id)
            journal_audit.log_change(session, current, actor=self._actor(), reason=why)

        self._db.run(work)

    def _actor(self) -> str:
        """Who the audit log names: the signed-in account, else the system user."""
        return self._access.actor or current_actor()

    # --- reading ---------------------------------------------------------------------------

    def get(self, observation_id: int) -> Observation:
        with self._db.reading() as session:
            return self._read(session, observation_id)

    def entries(self, journal_filter: JournalFilter, limit: int | None = None) -> list[Observation]:
        """Entries matching the filter, newest first.

        Raises:
            ValidationError: the period code is unknown for the scheme (field ``period``).
        """
        with self._db.reading() as session:
            start = end = None
            if journal_filter.period is not None:
                period = self._period(session, journal_filter.employee_id, *journal_filter.period)
                start, end = period.start, period.end
            query = repo.ObservationQuery(
                employee_id=journal_filter.employee_id,
                value_code=journal_filter.value.value if journal_filter.value else None,
                start=start,
                end=end,
                sign=journal_filter.sign.value if journal_filter.sign else None,
                text=clean_text(journal_filter.text),
            )
            if journal_filter.employee_id is not None:
                self._access.require_person(session, journal_filter.employee_id, Action.VIEW)
            elif self._access.restricted:
                # Only the people the account may see; the limit applies to what is kept.
                kept = self._access.keep(
                    session, repo.find(session, query), lambda stored: stored.data.employee_id
                )
                return [to_observation(stored) for stored in kept[:limit]]
            return [to_observation(stored) for stored in repo.find(session, query, limit)]

    def periods(self, year: int, employee_id: int | None = None) -> list[Period]:
        """The periodic periods (not AKHIR) of the person's scheme, or the office's."""
        with self._db.reading() as session:
            if employee_id is None:
                scheme = _office_scheme(session, year)
            else:
                scheme = _scheme_of(
                    session, self._require_person(session, employee_id).unit_id, year
                )
        return [period for period in periods_for_year(year, scheme) if not period.is_final]

    def facts(self, employee_id: int, start: date, end: date) -> list[ObservationFact]:
        """What the rating proposal needs of a person's entries from ``start`` to ``end``."""
        with self._db.reading() as session:
            self._access.require_person(session, employee_id, Action.VIEW)
            query = repo.ObservationQuery(employee_id=employee_id, start=start, end=end)
            return [to_observation(stored).fact for stored in repo.find(session, query)]

    def weak_spots(self, employee_id: int, year: int) -> list[WeakSpot]:
        """Behaviour with negative entries in two or more consecutive periods of ``year``."""
        return [report.spot for report in self.weak_spot_reports(employee_id, year)]

    def weak_spot_reports(self, employee_id: int, year: int) -> list[WeakSpotReport]:
        """Like ``weak_spots``, each with a title and the entries that caused it."""
        with self._db.reading() as session:
            row = self._require_person(session, employee_id)
            return _weak_spot_reports(session, row, year)

    def evidence_path(self, observation_id: int) -> Path:
        """The stored copy of an entry's file, after checking it is intact.

        Raises:
            NotFoundError: the entry has no file.
            DomainError: the copy is missing or changed.
        """
        observation = self.get(observation_id)
        if not observation.evidence_file:
            raise NotFoundError("Catatan ini tidak punya berkas bukti.")
        stored = observation.evidence_file
        return self.evidence_store.open(stored, Path(stored).name, observation.evidence_sha256)

    # --- steps -----------------------------------------------------------------------------

    def _checked(
        self,
        *,
        employee_id: int,
        observed_on: date,
        value: BehaviourValue | str,
        sign: ObservationSign | str,
        text: str,
        indicator: int | None,
        serious: bool,
        source: ObservationSource | str,
        evidence_note: str,
        evidence_link: str,
        today: date | None,
    ) -> repo.ObservationData:
        parsed_value, parsed_sign, parsed_source, clean, evidence = check_observation(
            observed_on,
            value=value,
            sign=sign,
            text=text,
            indicator=indicator,
            source=source,
            evidence_note=evidence_note,
            evidence_link=evidence_link,
            today=today or date.today(),
        )
        return repo.ObservationData(
            employee_id=employee_id,
            observed_on=observed_on,
            value_code=parsed_value.value,
            indicator=indicator,
            sign=parsed_sign.value,
            serious=serious,
            text=clean,
            source=parsed_source.value,
            evidence_text=evidence,
        )

    def _take(self, file: Path | None) -> IncomingFile | None:
        return None if file is None else self.evidence_store.take(file)

    def _with_file(
        self, session: Session, data: repo.ObservationData, incoming: IncomingFile | None
    ) -> repo.ObservationData:
        if incoming is None:
            return data
        copy = self.evidence_store.add(session, incoming)
        return _replace_file(data, copy.stored_name, copy.sha256)

    def _require_person(
        self, session: Session, employee_id: int, action: Action = Action.VIEW
    ) -> Employee:
        row = staff_repo.find_employee(session, employee_id)
        if row is None:
            raise NotFoundError("Pegawai tidak ditemukan; pilih pegawai dari daftar.")
        self._access.require_person(session, row.id, action)
        return row

    def _read(self, session: Session, observation_id: int) -> Observation:
        stored = repo.get(session, observation_id)
        if stored is None:
            raise NotFoundError("Catatan perilaku tidak ditemukan; mungkin sudah dihapus.")
        self._access.require_person(session, stored.data.employee_id, Action.VIEW)
        return to_observation(stored)

    def _period(self, session: Session, employee_id: int | None, year: int, code: str) -> Period:
        if employee_id is None:
            scheme = _office_scheme(session, year)
        else:
            scheme = _scheme_of(session, self._require_person(session, employee_id).unit_id, year)
        try:
            return find_period(year, scheme, code)
        except ValidationError as error:
            raise ValidationError(error.message, field="period") from error


def _replace_file(data: repo.ObservationData, name: str, sha256: str) -> repo.ObservationData:
    return replace(data, evidence_file=name, evidence_sha256=sha256)


def _keep_file(data: repo.ObservationData, current: repo.ObservationData) -> repo.ObservationData:
    return _replace_file(data, current.evidence_file, current.evidence_sha256)
