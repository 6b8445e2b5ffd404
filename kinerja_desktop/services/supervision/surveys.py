"""Satisfaction surveys (SKM, PermenPANRB 14/2017): one per service unit and period.

Answers come in three ways, each all-or-nothing: typed from paper questionnaires (one
respondent a line, :mod:`kinerja_desktop.domain.supervision.answers`), imported from CSV or
XLSX (:mod:`.survey_import`), or given one by one at the kiosk. The results are computed from
per-unsur sums taken in SQL with the exact rule of :mod:`kinerja_desktop.domain.supervision.ikm`.
:class:`SurveyReport` carries everything the signed survey report needs, as plain data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.repositories import surveys as repo
from kinerja_desktop.domain.dates import format_date_range_id, format_place_date
from kinerja_desktop.domain.errors import NotFoundError, ValidationError, ValidationErrors
from kinerja_desktop.domain.staff import Unit
from kinerja_desktop.domain.supervision.answers import parse_answer_lines
from kinerja_desktop.domain.supervision.ikm import (
    ITEM_COUNT,
    Answers,
    IkmResult,
    ItemResult,
    ServiceGrade,
    SurveyItem,
    check_answers,
    ikm_from_totals,
)
from kinerja_desktop.domain.supervision.survey_period import SurveyPeriod, parse_survey_period
from kinerja_desktop.domain.supervision.survey_report import (
    SampleCheck,
    SurveyMethod,
    check_fieldwork,
    checked_action_plan,
    methods_code,
    parse_methods,
    parse_population,
    sample_check,
)
from kinerja_desktop.domain.supervision_access import Subject, SupervisionAction
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.supervision.survey_import import ImportedAnswers, read_answers
from kinerja_desktop.services.supervision.units import ServiceUnit, resolve_unit, service_units


@dataclass(frozen=True)
class SurveyInfo:
    """A survey as lists show it.

    Attributes:
        running: Still collecting answers (the kiosk adds only to a running survey).
    """

    id: int
    unit_id: int
    unit_label: str
    period: SurveyPeriod
    opened_on: date
    closed_on: date | None
    responses: int
    #: What the signed-in account may do to this survey (the screens enable their buttons by it).
    allowed: frozenset[SupervisionAction] = frozenset()

    @property
    def running(self) -> bool:
        return self.closed_on is None

    @property
    def title(self) -> str:
        """E.g. "Poli Umum (Puskesmas Kertapati), Semester I 2026"."""
        return f"{self.unit_label}, {self.period.label}"


@dataclass(frozen=True)
class SurveyResults:
    survey: SurveyInfo
    result: IkmResult


@dataclass(frozen=True)
class TrendPoint:
    """One survey of a unit on the trend chart; ``ikm`` None when it has no complete result."""

    survey_id: int
    period: SurveyPeriod
    respondents: int
    ikm: IkmResult | None


@dataclass(frozen=True)
class Profile:
    """Optional data of a respondent, as typed or imported."""

    gender: str = ""
    age: int | None = None
    education: str = ""
    occupation: str = ""


@dataclass(frozen=True)
class ReportItem:
    code: str
    label: str
    answered: int
    nrr: str  # "3,215"
    converted: str  # "80,38"
    grade: str  # "B"


@dataclass(frozen=True)
class ActionLine:
    """One line of the rencana tindak lanjut (RTL) as stored."""

    id: int
    item: SurveyItem
    program: str
    schedule: str
    responsible: str


@dataclass(frozen=True)
class ActionInput:
    """An RTL line as typed: the unsur code ("U3") and the three texts."""

    item: str
    program: str
    schedule: str
    responsible: str


@dataclass(frozen=True)
class DetailsInput:
    """The report's details as typed: the population as text, the fieldwork days as picked."""

    population: str
    methods: tuple[SurveyMethod, ...]
    fieldwork_start: date | None
    fieldwork_end: date | None


@dataclass(frozen=True)
class SurveyDetails:
    """What the survey report adds to the results (PermenPANRB 14/2017).

    Attributes:
        sample: The Krejcie-Morgan minimum against the respondents; None while the population
            is not recorded.
        actions: The RTL lines, by unsur.
    """

    survey: SurveyInfo
    population: int | None
    methods: tuple[SurveyMethod, ...]
    fieldwork_start: date | None
    fieldwork_end: date | None
    sample: SampleCheck | None
    actions: tuple[ActionLine, ...]


@dataclass(frozen=True)
class SurveyReport:
    """Everything the survey report (laporan SKM) prints, as plain text and numbers.

    Meant for the PDF of the printed-forms capability (``reports/``): no formatting is left
    to do except layout. Numbers are already written the Indonesian way.

    Attributes:
        instansi: The agency at the top of the report.
        unit: The service unit, e.g. "Poli Umum (Puskesmas Kertapati)".
        period: E.g. "Semester I 2026"; ``period_range`` "1 Januari s.d. 30 Juni 2026".
        respondents: Respondents counted.
        items: The nine unsur with their NRR, converted value and grade.
        ikm: The published IKM ("82,47"); ``grade`` "B"; ``performance`` "Baik".
        weakest: Labels of the weakest unsur, lowest first.
        genders: E.g. (("Laki-laki", 120), ("Perempuan", 150), ("Tidak diisi", 3)).
        signer_name, signer_nip, signer_jabatan: The unit head who signs ("" when unknown).
        place_date: E.g. "Palembang, 28 November 2026".
        details: The population and its minimum sample, the method, the fieldwork days and
            the rencana tindak lanjut.
    """

    instansi: str
    unit: str
    period: str
    period_range: str
    respondents: int
    items: tuple[ReportItem, ...]
    ikm: str
    grade: str
    performance: str
    weakest: tuple[str, ...]
    genders: tuple[tuple[str, int], ...]
    signer_name: str
    signer_nip: str
    signer_jabatan: str
    place_date: str
    details: SurveyDetails


def _info(stored: repo.StoredSurvey, labels: dict[int, str]) -> SurveyInfo:
    return SurveyInfo(
        id=stored.id,
        unit_id=stored.unit_id,
        unit_label=labels.get(stored.unit_id, stored.unit_name),
        period=parse_survey_period(stored.period_code),
        opened_on=stored.opened_on,
        closed_on=stored.closed_on,
        responses=stored.responses,
    )


def _labels(session: Session) -> dict[int, str]:
    return {unit.id: unit.label for unit in service_units(session)}


def _number(value: object) -> str:
    return str(value).replace(".", ",")


class SurveyService:
    """Surveys, their answers and their results.

    Answers, imports and the kiosk need the survey's unit within the account's headed units
    (`domain.supervision_access`): a kepala unit their subtree, admin all, a penilai none; the
    results are read by whoever may read the unit's records.
    """

    def __init__(self, database: Database, access: AccessGuard) -> None:
        self._db = database
        self._access = access

    def _require(self, session: Session, action: SupervisionAction, unit_id: int) -> None:
        self._access.require_supervision(session, action, Subject(unit_id), "survei")

    def _require_survey(
        self, session: Session, action: SupervisionAction, survey_id: int
    ) -> SurveyInfo:
        survey = self._read(session, survey_id)
        self._require(session, action, survey.unit_id)
        return survey

    def may(self, action: SupervisionAction, unit_id: int) -> bool:
        """Whether the account may do ``action`` to the unit's surveys (to hide buttons)."""
        with self._db.reading() as session:
            return self._access.supervision(session).allows(action, Subject(unit_id))

    # --- surveys ---------------------------------------------------------------------------

    def units(self) -> list[ServiceUnit]:
        with self._db.reading() as session:
            return service_units(session)

    def find_unit(self, text: str) -> ServiceUnit:
        """A service unit by id, label or name (see :func:`.units.resolve_unit`)."""
        with self._db.reading() as session:
            return resolve_unit(session, text)

    def open_survey(self, unit_id: int, period_code: str, today: date | None = None) -> SurveyInfo:
        """The survey of the unit and period; created (running) when there is none yet.

        Raises:
            ValidationError: the period code is not valid (field "period").
            NotFoundError: the unit does not exist.
        """
        period = parse_survey_period(period_code)

        def work(session: Session) -> SurveyInfo:
            return self._ensure(session, unit_id, period, today or date.today())

        return self._db.run(work)

    def _ensure(
        self, session: Session, unit_id: int, period: SurveyPeriod, today: date
    ) -> SurveyInfo:
        if staff_repo.find_unit(session, unit_id) is None:
            raise NotFoundError("Unit layanan tidak ditemukan; pilih dari daftar.")
        self._require(session, SupervisionAction.RECORD, unit_id)
        survey_id = repo.survey_id_for(session, unit_id, period.code)
        if survey_id is None:
            survey_id = repo.add_survey(session, unit_id, period.code, today)
        return self._read(session, survey_id)

    def surveys(self, unit_id: int | None = None) -> list[SurveyInfo]:
        """Surveys by unit, then in time order."""
        with self._db.reading() as session:
            labels = _labels(session)
            scope = self._access.supervision(session)
            found = [
                replace(_info(stored, labels), allowed=scope.allowed(Subject(stored.unit_id)))
                for stored in repo.surveys(session, unit_id)
                if scope.allows(SupervisionAction.READ, Subject(stored.unit_id))
            ]
        return sorted(found, key=lambda info: (info.unit_label.casefold(), info.period.sort_key))

    def running(self) -> list[SurveyInfo]:
        return [survey for survey in self.surveys() if survey.running]

    def get(self, survey_id: int) -> SurveyInfo:
        with self._db.reading() as session:
            return self._require_survey(session, SupervisionAction.READ, survey_id)

    def close(self, survey_id: int, on: date | None = None) -> SurveyInfo:
        """Stop collecting answers (the kiosk no longer offers the survey)."""

        def work(session: Session) -> SurveyInfo:
            survey = self._require_survey(session, SupervisionAction.CLOSE, survey_id)
            day = on or date.today()
            if day < survey.opened_on:
                raise ValidationError(
                    "Tanggal penutupan tidak boleh sebelum survei dibuka.", field="closed_on"
                )
            repo.set_closed(session, survey_id, day)
            return self._read(session, survey_id)

        return self._db.run(work)

    def reopen(self, survey_id: int) -> SurveyInfo:
        def work(session: Session) -> SurveyInfo:
            self._require_survey(session, SupervisionAction.CLOSE, survey_id)
            repo.set_closed(session, survey_id, None)
            return self._read(session, survey_id)

        return self._db.run(work)

    # --- answers ---------------------------------------------------------------------------

    def add_typed(self, survey_id: int, text: str, *, today: date | None = None) -> int:
        """Add respondents typed one a line ("334343433"; "-" for an unanswered unsur).

        Raises:
            ValidationErrors: every bad line, each naming its line and column; nothing saved.
            ValidationError: no line with answers (field "answers").
        """
        parsed = parse_answer_lines(text)
        if not parsed:
            raise ValidationError(
                "Belum ada jawaban: ketik sembilan angka 1 sampai 4 per responden.",
                field="answers",
            )
        rows = [repo.ResponseData(line.answers, answered_on=today) for line in parsed]

        def work(session: Session) -> int:
            self._require_survey(session, SupervisionAction.RECORD, survey_id)
            return repo.add_responses(session, survey_id, rows)

        return self._db.run(work)

    def add_respondent(
        self,
        survey_id: int,
        answers: Sequence[int | None],
        *,
        profile: Profile | None = None,
        source: str = "KETIK",
        served_by_id: int | None = None,
        today: date | None = None,
    ) -> int:
        """Add one respondent; return the survey's new number of respondents.

        Raises:
            ValidationError: a bad answer, no answer at all, or a closed survey (kiosk).
            NotFoundError: the survey or the staff member is gone.
        """

        def work(session: Session) -> int:
            return self.add_in(
                session,
                survey_id,
                answers,
                profile=profile,
                source=source,
                served_by_id=served_by_id,
                today=today,
            )

        return self._db.run(work)

    def add_in(
        self,
        session: Session,
        survey_id: int,
        answers: Sequence[int | None],
        *,
        profile: Profile | None = None,
        source: str = "KETIK",
        served_by_id: int | None = None,
        today: date | None = None,
    ) -> int:
        """:meth:`add_respondent` inside the caller's transaction (the kiosk's one write)."""
        checked = _checked(answers)
        survey = self._require_survey(session, SupervisionAction.RECORD, survey_id)
        if source == "KIOS" and not survey.running:
            raise ValidationError(
                "Survei ini sudah ditutup; jawaban tidak dapat ditambahkan.", field="survey"
            )
        if served_by_id is not None and staff_repo.find_employee(session, served_by_id) is None:
            raise NotFoundError("Petugas yang dipilih tidak ditemukan.")
        who = profile or Profile()
        repo.add_responses(
            session,
            survey_id,
            [
                repo.ResponseData(
                    checked,
                    source=source,
                    gender=who.gender,
                    age=who.age,
                    education=who.education,
                    occupation=who.occupation,
                    served_by_id=served_by_id,
                    answered_on=today,
                )
            ],
        )
        return survey.responses + 1

    def read_file(self, path: Path) -> ImportedAnswers:
        """Check a CSV/XLSX file of answers without saving (for a preview).

        Raises:
            ValidationError / ValidationErrors: see :func:`.survey_import.read_answers`.
        """
        return read_answers(path)

    def import_file(self, survey_id: int, path: Path, *, today: date | None = None) -> int:
        """Add every respondent of a CSV/XLSX file, or none when any row is bad."""
        imported = read_answers(path)

        def work(session: Session) -> int:
            self._require_survey(session, SupervisionAction.RECORD, survey_id)
            return repo.add_responses(session, survey_id, _rows(imported, today))

        return self._db.run(work)

    def store_file(
        self, unit: str, period_code: str, path: Path, *, today: date | None = None
    ) -> tuple[SurveyInfo, int]:
        """For ``ikm --db --unit --period``: add a file to that survey, all or nothing."""
        imported = read_answers(path)
        period = parse_survey_period(period_code)
        day = today or date.today()

        def work(session: Session) -> tuple[SurveyInfo, int]:
            found = resolve_unit(session, unit)
            survey = self._ensure(session, found.id, period, day)
            added = repo.add_responses(session, survey.id, _rows(imported, day))
            return self._read(session, survey.id), added

        return self._db.run(work)

    def responses(self, survey_id: int, limit: int | None = None) -> list[repo.StoredResponse]:
        with self._db.reading() as session:
            self._require_survey(session, SupervisionAction.READ, survey_id)
            return repo.responses(session, survey_id, limit)

    def remove_response(self, survey_id: int, response_id: int) -> None:
        def work(session: Session) -> None:
            self._require_survey(session, SupervisionAction.CORRECT, survey_id)
            if not repo.delete_response(session, survey_id, response_id):
                raise NotFoundError("Jawaban responden tidak ditemukan; mungkin sudah dihapus.")

        self._db.run(work)

    # --- results ---------------------------------------------------------------------------

    def results(self, survey_id: int) -> SurveyResults:
        """NRR per unsur, the IKM and its grade.

        Raises:
            ValidationError: no respondents yet, or an unsur nobody answered.
        """
        with self._db.reading() as session:
            survey = self._require_survey(session, SupervisionAction.READ, survey_id)
            return SurveyResults(survey, _ikm(repo.item_totals(session, survey_id)))

    def trend(self, unit_id: int) -> list[TrendPoint]:
        """The unit's surveys in time order, each with its IKM when it can be computed."""
        with self._db.reading() as session:
            self._require(session, SupervisionAction.READ, unit_id)
            labels = _labels(session)
            points = []
            for stored in repo.surveys(session, unit_id):
                totals = repo.item_totals(session, stored.id)
                try:
                    result: IkmResult | None = _ikm(totals)
                except ValidationError:
                    result = None
                info = _info(stored, labels)
                points.append(TrendPoint(stored.id, info.period, totals.respondents, result))
        return sorted(points, key=lambda point: point.period.sort_key)

    def report(
        self, survey_id: int, *, signer_id: int | None = None, today: date | None = None
    ) -> SurveyReport:
        """The survey report as plain data, signed by ``signer_id`` or the unit's head.

        Raises:
            ValidationError: no respondents yet, or an unsur nobody answered.
        """
        day = today or date.today()
        with self._db.reading() as session:
            survey = self._require_survey(session, SupervisionAction.READ, survey_id)
            result = _ikm(repo.item_totals(session, survey_id))
            genders = Counter(
                response.data.gender for response in repo.responses(session, survey_id)
            )
            details = self._details(session, survey)
            signer = _signer(session, survey.unit_id, signer_id)
            root = staff_repo.find_unit(session, staff_repo.root_unit_id(session, survey.unit_id))
            instansi = root.name if root else ""
            city = root.city if root else ""
        return SurveyReport(
            instansi=instansi,
            unit=survey.unit_label,
            period=survey.period.label,
            period_range=format_date_range_id(survey.period.start, survey.period.end),
            respondents=result.respondents,
            items=tuple(_report_item(item) for item in result.items),
            ikm=result.ikm_text,
            grade=result.grade.value,
            performance=result.grade.performance,
            weakest=tuple(f"{item.item.value} {item.item.label}" for item in result.weakest()),
            genders=(
                ("Laki-laki", genders.get("L", 0)),
                ("Perempuan", genders.get("P", 0)),
                ("Tidak diisi", genders.get("", 0)),
            ),
            signer_name=signer[0],
            signer_nip=signer[1],
            signer_jabatan=signer[2],
            place_date=format_place_date(city, day),
            details=details,
        )

    # --- the report's details and the rencana tindak lanjut ---------------------------------

    def details(self, survey_id: int) -> SurveyDetails:
        with self._db.reading() as session:
            survey = self._require_survey(session, SupervisionAction.READ, survey_id)
            return self._details(session, survey)

    def set_details(self, survey_id: int, given: DetailsInput) -> SurveyDetails:
        """Record the population, method and fieldwork days; every problem at once.

        Raises:
            ValidationErrors: a population that is not a whole number above 0 (field
                "population"), fieldwork that ends before it starts ("fieldwork_end").
        """
        errors: list[ValidationError] = []
        population: int | None = None
        try:
            population = parse_population(given.population)
        except ValidationError as error:
            errors.append(error)
        try:
            check_fieldwork(given.fieldwork_start, given.fieldwork_end)
        except ValidationError as error:
            errors.append(error)
        if errors:
            raise ValidationErrors(errors)
        stored = repo.StoredDetails(
            population, methods_code(given.methods), given.fieldwork_start, given.fieldwork_end
        )

        def work(session: Session) -> SurveyDetails:
            survey = self._require_survey(session, SupervisionAction.RECORD, survey_id)
            repo.set_details(session, survey_id, stored)
            return self._details(session, survey)

        return self._db.run(work)

    def add_action(self, survey_id: int, given: ActionInput) -> SurveyDetails:
        """Add an RTL line.

        Raises:
            ValidationErrors: each field at fault ("item", "program", "schedule",
                "responsible"); nothing saved.
        """
        data = _action_data(given)

        def work(session: Session) -> SurveyDetails:
            survey = self._require_survey(session, SupervisionAction.RECORD, survey_id)
            repo.add_action(session, survey_id, data)
            return self._details(session, survey)

        return self._db.run(work)

    def update_action(self, survey_id: int, action_id: int, given: ActionInput) -> SurveyDetails:
        """Correct an RTL line (checked as :meth:`add_action`)."""
        data = _action_data(given)

        def work(session: Session) -> SurveyDetails:
            survey = self._require_survey(session, SupervisionAction.CORRECT, survey_id)
            if not repo.update_action(session, survey_id, action_id, data):
                raise NotFoundError(RTL_GONE)
            return self._details(session, survey)

        return self._db.run(work)

    def remove_action(self, survey_id: int, action_id: int) -> SurveyDetails:
        def work(session: Session) -> SurveyDetails:
            survey = self._require_survey(session, SupervisionAction.CORRECT, survey_id)
            if not repo.delete_action(session, survey_id, action_id):
                raise NotFoundError(RTL_GONE)
            return self._details(session, survey)

        return self._db.run(work)

    def _details(self, session: Session, survey: SurveyInfo) -> SurveyDetails:
        stored = repo.details(session, survey.id)
        if stored is None:
            raise NotFoundError("Survei tidak ditemukan; mungkin sudah dihapus.")
        lines = tuple(
            ActionLine(
                action.id,
                SurveyItem(action.data.item),
                action.data.program,
                action.data.schedule,
                action.data.responsible,
            )
            for action in repo.actions(session, survey.id)
        )
        return SurveyDetails(
            survey=survey,
            population=stored.population,
            methods=parse_methods(stored.methods),
            fieldwork_start=stored.fieldwork_start,
            fieldwork_end=stored.fieldwork_end,
            sample=sample_check(stored.population, survey.responses),
            actions=lines,
        )

    # --- steps -----------------------------------------------------------------------------

    def get_in(self, session: Session, survey_id: int) -> SurveyInfo:
        """:meth:`get` inside the caller's transaction."""
        return self._require_survey(session, SupervisionAction.READ, survey_id)

    def _read(self, session: Session, survey_id: int) -> SurveyInfo:
        stored = repo.get_survey(session, survey_id)
        if stored is None:
            raise NotFoundError("Survei tidak ditemukan; mungkin sudah dihapus.")
        scope = self._access.supervision(session)
        return replace(
            _info(stored, _labels(session)), allowed=scope.allowed(Subject(stored.unit_id))
        )


RTL_GONE = "Baris rencana tindak lanjut tidak ditemukan; mungkin sudah dihapus."


def _action_data(given: ActionInput) -> repo.ActionData:
    plan = checked_action_plan(given.item, given.program, given.schedule, given.responsible)
    return repo.ActionData(plan.item.value, plan.program, plan.schedule, plan.responsible)


def _checked(answers: Sequence[int | None]) -> Answers:
    checked = check_answers(answers, 1)
    if all(answer is None for answer in checked):
        raise ValidationError(
            "Belum ada jawaban; pilih nilai untuk paling tidak satu unsur.", field="answers"
        )
    return checked


def _rows(imported: ImportedAnswers, today: date | None) -> list[repo.ResponseData]:
    return [
        repo.ResponseData(
            row.answers,
            source="IMPOR",
            gender=row.gender,
            age=row.age,
            education=row.education,
            occupation=row.occupation,
            answered_on=today,
        )
        for row in imported.rows
    ]


def _ikm(totals: repo.ItemTotals) -> IkmResult:
    unanswered = totals.respondents * ITEM_COUNT - sum(totals.counts)
    return ikm_from_totals(
        totals.totals, totals.counts, respondents=totals.respondents, unanswered=unanswered
    )


def _report_item(item: ItemResult) -> ReportItem:
    return ReportItem(
        code=item.item.value,
        label=item.item.label,
        answered=item.answered,
        nrr=_number(item.nrr_shown),
        converted=_number(item.converted),
        grade=item.grade.value,
    )


def _signer(session: Session, unit_id: int, signer_id: int | None) -> tuple[str, str, str]:
    """Name, NIP and jabatan of the signer: the one given, else the head of the unit.

    The head is the active person of the unit (or, failing that, of its parent units) whose
    own penilai works elsewhere.
    """
    if signer_id is not None:
        signer = staff_repo.find_employee(session, signer_id)
        if signer is None:
            raise NotFoundError("Penanda tangan tidak ditemukan; pilih dari daftar pegawai.")
        return signer.full_name, signer.nip_formatted, signer.jabatan
    units: dict[int, Unit] = {unit.id: unit for unit in staff_repo.all_units(session)}
    people = staff_repo.all_employees(session, active_only=True)
    current: int | None = unit_id
    while current is not None:
        here = [person for person in people if person.unit_id == current]
        ids = {person.id for person in here}
        heads = [person for person in here if person.penilai_id not in ids]
        if len(heads) == 1:
            head = heads[0]
            return head.full_name, head.nip_formatted, head.jabatan
        current = units[current].parent_id if current in units else None
    return "", "", ""


__all__ = [
    "ActionInput",
    "ActionLine",
    "DetailsInput",
    "Profile",
    "ReportItem",
    "ServiceGrade",
    "SurveyDetails",
    "SurveyInfo",
    "SurveyReport",
    "SurveyResults",
    "SurveyService",
    "TrendPoint",
    "ValidationErrors",
]
