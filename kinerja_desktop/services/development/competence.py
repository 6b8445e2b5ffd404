"""Competences of a person: the jabatan's standar kompetensi, rated levels, gaps and the JPM.

The required level of a competence for a jabatan is the agency's stored standard; without one,
the domain's bawaan level prefills it (flagged ``is_default``). Held levels are rated with a
reason and a date, and every rating is kept: the latest one counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import competence as repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.repositories.competence import StoredRating
from kinerja_desktop.domain.access import Action, Capability
from kinerja_desktop.domain.competence import (
    HIGHEST_LEVEL,
    Competence,
    CompetenceKind,
    JobPersonMatch,
    check_level,
    default_required_level,
    job_person_match,
    standard_competence,
    standard_competences,
)
from kinerja_desktop.domain.development import GapFinding
from kinerja_desktop.domain.errors import NotFoundError, ValidationError, ValidationErrors
from kinerja_desktop.domain.staff import Employee
from kinerja_desktop.domain.text import checked_text, clean_text
from kinerja_desktop.services.accounts.access_guard import AccessGuard

__all__ = ["CompetenceLine", "CompetenceProfile", "CompetenceService", "StoredRating"]

REASON_MAX = 2000
#: Up to this many people are filtered in SQL; beyond it everyone is read (SQLite's bound
#: parameter limit) and the caller's people picked out.
_IN_LIMIT = 30_000
JABATAN_MAX = 200
LEVEL_TEXT_MAX = 500


@dataclass(frozen=True)
class CompetenceLine:
    """One competence of a person's profile.

    Attributes:
        required: Level the jabatan requires; None for a teknis competence with no standard.
        is_default: ``required`` is the bawaan level, not a stored standard.
        held: The latest rated level; None when never rated.
        gap: held - required; None when either is missing.
    """

    competence: Competence
    required: int | None
    is_default: bool
    held: int | None
    reason: str
    rated_on: date | None
    gap: int | None


@dataclass(frozen=True)
class CompetenceProfile:
    """A person's competences on a day and the Job Person Match over the rated ones."""

    employee_id: int
    jabatan: str
    lines: tuple[CompetenceLine, ...]
    jpm: JobPersonMatch | None

    @property
    def gaps(self) -> list[GapFinding]:
        """Rated competences with a required level, as findings for the development plan."""
        return [
            GapFinding(line.competence, line.held, line.required)
            for line in self.lines
            if line.held is not None and line.required is not None
        ]


def _technical(stored: repo.StoredTechnicalCompetence) -> Competence:
    levels = tuple(stored.levels[:HIGHEST_LEVEL]) + ("",) * (HIGHEST_LEVEL - len(stored.levels))
    return Competence(stored.code, CompetenceKind.TEKNIS, stored.name, levels)


def _known_competence(session: Session, code: str) -> Competence | None:
    try:
        return standard_competence(code)
    except KeyError:
        stored = repo.technical_competence(session, code)
        return _technical(stored) if stored else None


def _unknown(code: str) -> ValidationError:
    return ValidationError(f"Kompetensi '{code}' tidak dikenal.", field="code")


class CompetenceService:
    def __init__(self, database: Database, access: AccessGuard) -> None:
        self._db = database
        self._access = access

    def profile(self, employee_id: int, on: date) -> CompetenceProfile:
        """The person's standard and teknis competences with required and held levels on ``on``.

        Raises:
            NotFoundError: No such person.
        """
        with self._db.reading() as session:
            self._access.require_person(session, employee_id, Action.VIEW)
            return self.profile_in(session, employee_id, on)

    def profile_in(self, session: Session, employee_id: int, on: date) -> CompetenceProfile:
        """`profile` inside the caller's session."""
        person = _person(session, employee_id)
        technicals = [_technical(t) for t in repo.technical_competences(session, person.jabatan)]
        return build_profile(
            person,
            repo.job_standards(session, person.jabatan),
            repo.latest_ratings(session, employee_id, on),
            technicals,
        )

    @staticmethod
    def profiles_in(
        session: Session, people: Sequence[Employee], on: date
    ) -> dict[int, CompetenceProfile]:
        """The profiles of many people with a handful of queries (for the unit view)."""
        standards = repo.all_job_standards(session)
        ids = [person.id for person in people]
        latest = repo.everyones_latest_ratings(session, on, ids if len(ids) < _IN_LIMIT else None)
        technicals: dict[str, list[Competence]] = {}
        for stored in repo.all_technical_competences(session):
            technicals.setdefault(stored.jabatan.lower(), []).append(_technical(stored))
        return {
            person.id: build_profile(
                person,
                standards.get(person.jabatan.lower(), {}),
                latest.get(person.id, {}),
                technicals.get(person.jabatan.lower(), []),
            )
            for person in people
        }

    def set_standard(self, jabatan: str, code: str, level: int) -> None:
        """Store the level ``jabatan`` requires of competence ``code``.

        Raises:
            ValidationErrors: Empty jabatan, unknown code or a level outside 1 to 5.
        """
        errors: list[ValidationError] = []
        cleaned = checked_text(
            jabatan, field="jabatan", label="Nama jabatan", max_length=JABATAN_MAX, errors=errors
        )
        try:
            check_level(level)
        except ValidationError as error:
            errors.append(error)
        self._access.require(Capability.MANAGE_OFFICE)

        def work(session: Session) -> None:
            found = list(errors)  # the input's; a second run starts from them again
            if _known_competence(session, code) is None:
                found.append(_unknown(code))
            if found:
                raise ValidationErrors(found)
            repo.store_job_standard(session, cleaned, code, level)

        self._db.run(work)

    def rate(self, employee_id: int, code: str, level: int, reason: str, on: date) -> StoredRating:
        """Record the person's held level of ``code`` on ``on``; earlier ratings stay as history.

        Raises:
            NotFoundError: No such person.
            ValidationErrors: Unknown code, a level outside 1 to 5 or no reason.
        """
        errors: list[ValidationError] = []
        try:
            check_level(level)
        except ValidationError as error:
            errors.append(error)
        cleaned = checked_text(
            reason,
            field="reason",
            label="Alasan penilaian",
            max_length=REASON_MAX,
            hint="sebutkan perilaku atau bukti yang terlihat.",
            errors=errors,
        )

        def work(session: Session) -> StoredRating:
            found = list(errors)  # the input's; a second run starts from them again
            _person(session, employee_id)
            self._access.require_person(session, employee_id, Action.EDIT)
            if _known_competence(session, code) is None:
                found.append(_unknown(code))
            if found:
                raise ValidationErrors(found)
            return repo.add_rating(session, employee_id, code, level, reason=cleaned, rated_on=on)

        return self._db.run(work)

    def history(self, employee_id: int, code: str) -> list[StoredRating]:
        """Every rating of one competence of a person, newest first."""
        with self._db.reading() as session:
            _person(session, employee_id)
            self._access.require_person(session, employee_id, Action.VIEW)
            return repo.ratings(session, employee_id, code)

    def add_technical(
        self, code: str, name: str, jabatan: str, levels: tuple[str, ...] = ()
    ) -> Competence:
        """Add a teknis competence of a jabatan (the agency's own code and level wording).

        Raises:
            ValidationErrors: Empty code, name or jabatan, a code already in use, or more than
                five levels or a level text too long.
        """
        errors: list[ValidationError] = []
        fields = {
            field: checked_text(value, field=field, label=label, max_length=None, errors=errors)
            for field, label, value in (
                ("code", "Kode", code),
                ("name", "Nama kompetensi", name),
                ("jabatan", "Jabatan", jabatan),
            )
        }
        cleaned_levels = _levels(levels, errors)
        self._access.require(Capability.MANAGE_OFFICE)

        def work(session: Session) -> Competence:
            found = list(errors)  # the input's; a second run starts from them again
            if fields["code"] and _known_competence(session, fields["code"]) is not None:
                found.append(
                    ValidationError(f"Kode '{fields['code']}' sudah dipakai.", field="code")
                )
            if found:
                raise ValidationErrors(found)
            stored = repo.add_technical_competence(
                session, fields["code"], fields["name"], fields["jabatan"], cleaned_levels
            )
            return _technical(stored)

        return self._db.run(work)

    def update_technical(self, code: str, name: str, levels: tuple[str, ...]) -> Competence:
        """Rename a teknis competence and rewrite its level descriptions; its code stays.

        Raises:
            NotFoundError: No teknis competence with this code.
            ValidationErrors: An empty name, more than five levels or a level text too long.
        """
        errors: list[ValidationError] = []
        cleaned_name = checked_text(
            name, field="name", label="Nama kompetensi", max_length=None, errors=errors
        )
        cleaned_levels = _levels(levels, errors)
        if errors:
            raise ValidationErrors(errors)
        self._access.require(Capability.MANAGE_OFFICE)

        def work(session: Session) -> Competence:
            stored = repo.update_technical_competence(session, code, cleaned_name, cleaned_levels)
            if stored is None:
                raise NotFoundError(f"Kompetensi teknis '{code}' tidak ditemukan.")
            return _technical(stored)

        return self._db.run(work)


def _levels(levels: Sequence[str], errors: list[ValidationError]) -> tuple[str, ...]:
    """Clean the five level descriptions; trailing empty ones are dropped."""
    cleaned = [clean_text(text) for text in levels]
    while cleaned and not cleaned[-1]:
        cleaned.pop()
    if len(cleaned) > HIGHEST_LEVEL:
        errors.append(ValidationError(f"Paling banyak {HIGHEST_LEVEL} level.", field="levels"))
    for number, text in enumerate(cleaned, start=1):
        checked_text(
            text,
            field="levels",
            label=f"Uraian level {number}",
            max_length=LEVEL_TEXT_MAX,
            required=False,
            errors=errors,
        )
    return tuple(cleaned)


def build_profile(
    person: Employee,
    standards: dict[str, int],
    latest: dict[str, StoredRating],
    technicals: Sequence[Competence],
) -> CompetenceProfile:
    """A person's profile from their jabatan's standards, latest ratings and teknis competences."""
    competences = list(standard_competences()) + list(technicals)
    lines = [_line(person, c, standards, latest.get(c.code)) for c in competences]
    pairs = [
        (line.held, line.required)
        for line in lines
        if line.held is not None and line.required is not None
    ]
    jpm = job_person_match(pairs) if pairs else None
    return CompetenceProfile(person.id, person.jabatan, tuple(lines), jpm)


def _person(session: Session, employee_id: int) -> Employee:
    person = staff_repo.find_employee(session, employee_id)
    if person is None:
        raise NotFoundError("Pegawai tidak ditemukan; mungkin sudah dihapus.")
    return person


def _line(
    person: Employee,
    competence: Competence,
    standards: dict[str, int],
    latest: StoredRating | None,
) -> CompetenceLine:
    required: int | None = standards.get(competence.code)
    is_default = False
    if required is None and competence.kind is not CompetenceKind.TEKNIS:
        try:
            required = default_required_level(person.jabatan_kind, person.jenjang, competence.code)
            is_default = True
        except ValidationError:
            required = None
    held = latest.level if latest else None
    return CompetenceLine(
        competence=competence,
        required=required,
        is_default=is_default,
        held=held,
        reason=latest.reason if latest else "",
        rated_on=latest.rated_on if latest else None,
        gap=held - required if held is not None and required is not None else None,
    )
