"""Competences through the service: standards, rating history, gaps and the JPM."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kinerja_desktop.domain.competence import JpmCategory, standard_competences
from kinerja_desktop.domain.errors import NotFoundError, ValidationErrors
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.development.competence import CompetenceService
from kinerja_desktop.services.staff.service import StaffInput

M01 = standard_competences()[0].code
M02 = standard_competences()[1].code


def _camat(services: AppServices) -> int:
    instansi = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    unit = services.staff.add_unit("Kecamatan Kertapati", instansi.id)
    person = services.staff.create(
        StaffInput(
            fields=StaffFields(
                "197805122003121002",
                "Ahmad Fauzi",
                "PNS",
                "IV/a",
                "Camat Kertapati",
                "Administrator",
            ),
            unit_id=unit.id,
            penilai_id=None,
            effective_date=date(2020, 1, 2),
        )
    )
    return person.id


@pytest.fixture
def competence(services: AppServices) -> CompetenceService:
    return CompetenceService(services.database, AccessGuard.system(services.database))


def test_profile_uses_default_levels_until_a_standard_is_stored(
    services: AppServices, competence: CompetenceService
) -> None:
    person = _camat(services)
    profile = competence.profile(person, date(2026, 6, 1))
    assert len(profile.lines) == len(standard_competences())
    assert all(line.required == 3 and line.is_default for line in profile.lines)
    assert all(line.held is None and line.gap is None for line in profile.lines)
    assert profile.jpm is None

    competence.set_standard("  camat   KERTAPATI ", M01, 4)
    line = competence.profile(person, date(2026, 6, 1)).lines[0]
    assert (line.required, line.is_default) == (4, False)

    competence.set_standard("Camat Kertapati", M01, 2)  # same jabatan, case-insensitively
    assert competence.profile(person, date(2026, 6, 1)).lines[0].required == 2


def test_rating_history_keeps_every_rating_and_the_latest_counts(
    services: AppServices, competence: CompetenceService
) -> None:
    person = _camat(services)
    competence.rate(person, M01, 2, "Belum konsisten", date(2026, 1, 10))
    competence.rate(person, M01, 3, "  Sudah memimpin rapat evaluasi  ", date(2026, 5, 10))

    history = competence.history(person, M01)
    assert [(r.level, r.rated_on) for r in history] == [
        (3, date(2026, 5, 10)),
        (2, date(2026, 1, 10)),
    ]
    line = competence.profile(person, date(2026, 6, 1)).lines[0]
    assert (line.held, line.reason, line.rated_on, line.gap) == (
        3,
        "Sudah memimpin rapat evaluasi",
        date(2026, 5, 10),
        0,
    )
    earlier = competence.profile(person, date(2026, 2, 1)).lines[0]
    assert earlier.held == 2


def test_gaps_and_job_person_match(services: AppServices, competence: CompetenceService) -> None:
    person = _camat(services)
    competence.rate(person, M01, 3, "Sesuai", date(2026, 3, 1))
    competence.rate(person, M02, 1, "Perlu dikembangkan", date(2026, 3, 1))

    profile = competence.profile(person, date(2026, 6, 1))
    assert [(g.competence.code, g.held, g.required) for g in profile.gaps] == [
        (M01, 3, 3),
        (M02, 1, 3),
    ]
    assert profile.lines[1].gap == -2
    assert profile.jpm is not None
    assert profile.jpm.percent == Decimal("66.67")
    assert profile.jpm.category is JpmCategory.KURANG_OPTIMAL


def test_rating_needs_a_reason_and_a_level_from_one_to_five(
    services: AppServices, competence: CompetenceService
) -> None:
    person = _camat(services)
    with pytest.raises(ValidationErrors) as raised:
        competence.rate(person, M01, 6, "   ", date(2026, 3, 1))
    assert set(raised.value.by_field()) == {"level", "reason"}
    with pytest.raises(ValidationErrors) as raised:
        competence.rate(person, "X.99", 3, "Alasan", date(2026, 3, 1))
    assert set(raised.value.by_field()) == {"code"}
    with pytest.raises(NotFoundError):
        competence.rate(9999, M01, 3, "Alasan", date(2026, 3, 1))
    assert competence.history(person, M01) == []


def test_standard_levels_are_checked(competence: CompetenceService) -> None:
    with pytest.raises(ValidationErrors) as raised:
        competence.set_standard("", M01, 0)
    assert set(raised.value.by_field()) == {"jabatan", "level"}


def test_technical_competences_of_the_jabatan_join_the_profile(
    services: AppServices, competence: CompetenceService
) -> None:
    person = _camat(services)
    competence.add_technical("T.01", "Pelayanan administrasi kependudukan", "camat kertapati")
    line = competence.profile(person, date(2026, 6, 1)).lines[-1]
    assert (line.competence.code, line.required, line.is_default) == ("T.01", None, False)

    competence.set_standard("Camat Kertapati", "T.01", 4)
    competence.rate(person, "T.01", 2, "Baru menjabat", date(2026, 3, 1))
    line = competence.profile(person, date(2026, 6, 1)).lines[-1]
    assert (line.required, line.held, line.gap) == (4, 2, -2)


def test_a_technical_competence_is_edited_with_its_levels(
    services: AppServices, competence: CompetenceService
) -> None:
    person = _camat(services)
    competence.add_technical("T.01", "Adminduk", "Camat Kertapati", ("Mengenal", "", ""))
    assert competence.profile(person, date(2026, 6, 1)).lines[-1].competence.levels == (
        "Mengenal",
        "",
        "",
        "",
        "",
    )
    edited = competence.update_technical(
        "T.01", "  Pelayanan adminduk ", ("Mengenal", "Menerapkan", "Menganalisis", "", "")
    )
    assert edited.name == "Pelayanan adminduk"
    assert edited.levels[:3] == ("Mengenal", "Menerapkan", "Menganalisis")

    with pytest.raises(ValidationErrors) as raised:
        competence.update_technical("T.01", " ", ("a",) * 6)
    assert set(raised.value.by_field()) == {"name", "levels"}
    with pytest.raises(ValidationErrors) as raised:
        competence.add_technical("T.01", "Lagi", "Camat Kertapati", ("x" * 501,))
    assert set(raised.value.by_field()) == {"code", "levels"}
    with pytest.raises(NotFoundError):
        competence.update_technical("T.99", "Tidak ada", ())
    assert competence.profile(person, date(2026, 6, 1)).lines[-1].competence.name == (
        "Pelayanan adminduk"
    )  # the refused edits changed nothing
