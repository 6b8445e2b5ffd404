"""The SKM report's details: population and sample, method, fieldwork, rencana tindak lanjut."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from kinerja_desktop.domain.errors import NotFoundError, ValidationErrors
from kinerja_desktop.domain.supervision.ikm import SurveyItem
from kinerja_desktop.domain.supervision.survey_report import SurveyMethod
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.supervision.surveys import (
    ActionInput,
    DetailsInput,
    SurveyService,
)

TODAY = date(2026, 7, 10)


@pytest.fixture
def surveys(services: AppServices) -> SurveyService:
    return services.supervision.surveys


@pytest.fixture
def survey_id(services: AppServices, surveys: SurveyService) -> int:
    root = services.staff.add_unit("Puskesmas Kertapati", None)
    unit = services.staff.add_unit("Poli Umum", root.id)
    survey = surveys.open_survey(unit.id, "2026-S1", today=TODAY)
    surveys.add_typed(survey.id, "\n".join(["333333333"] * 12), today=TODAY)
    return survey.id


def _dump(services: AppServices) -> list[tuple[object, ...]]:
    with services.database.reading() as session:
        surveys = session.execute(
            text("SELECT population, methods, fieldwork_start, fieldwork_end FROM surveys")
        ).all()
        plans = session.execute(text("SELECT * FROM survey_action_plans ORDER BY id")).all()
    return [*surveys, *plans]


def test_details_are_stored_and_the_sample_is_checked_against_the_respondents(
    surveys: SurveyService, survey_id: int
) -> None:
    assert surveys.details(survey_id).sample is None
    details = surveys.set_details(
        survey_id,
        DetailsInput(
            "1.250",
            (SurveyMethod.ONLINE, SurveyMethod.TATAP_MUKA),
            date(2026, 1, 5),
            date(2026, 6, 30),
        ),
    )
    assert details.population == 1250
    assert details.methods == (SurveyMethod.TATAP_MUKA, SurveyMethod.ONLINE)
    assert (details.fieldwork_start, details.fieldwork_end) == (date(2026, 1, 5), date(2026, 6, 30))
    assert details.sample is not None
    assert (details.sample.minimum, details.sample.respondents) == (297, 12)
    assert not details.sample.reached
    small = surveys.set_details(survey_id, DetailsInput("16", (), None, None))
    assert small.sample is not None and small.sample.minimum == 16 and not small.sample.reached
    small = surveys.set_details(survey_id, DetailsInput("12", (), None, None))
    assert small.sample is not None and small.sample.minimum == 12 and small.sample.reached
    assert surveys.report(survey_id, today=TODAY).details == small


def test_every_bad_detail_is_named_at_once_and_nothing_is_saved(
    services: AppServices, surveys: SurveyService, survey_id: int
) -> None:
    before = _dump(services)
    with pytest.raises(ValidationErrors) as raised:
        surveys.set_details(
            survey_id, DetailsInput("banyak", (), date(2026, 3, 1), date(2026, 2, 1))
        )
    assert set(raised.value.by_field()) == {"population", "fieldwork_end"}
    assert "Populasi harus bilangan bulat lebih dari 0" in raised.value.by_field()["population"]
    assert _dump(services) == before


def test_action_plan_lines_are_added_corrected_and_removed(
    surveys: SurveyService, survey_id: int
) -> None:
    details = surveys.add_action(
        survey_id, ActionInput("u8", "Membuka kanal WhatsApp pengaduan", "Juli 2026", "Kasubag TU")
    )
    details = surveys.add_action(
        survey_id, ActionInput("U3", "Menambah loket", "Agustus 2026", "Kepala Puskesmas")
    )
    assert [line.item for line in details.actions] == [SurveyItem.U3, SurveyItem.U8]
    line = details.actions[0]
    details = surveys.update_action(
        survey_id, line.id, ActionInput("U3", "Menambah satu loket", "Agustus 2026", "Kapus")
    )
    assert details.actions[0].program == "Menambah satu loket"
    details = surveys.remove_action(survey_id, line.id)
    assert [line.item for line in details.actions] == [SurveyItem.U8]
    with pytest.raises(NotFoundError, match="rencana tindak lanjut tidak ditemukan"):
        surveys.remove_action(survey_id, line.id)


def test_a_bad_action_line_names_each_field_and_writes_nothing(
    services: AppServices, surveys: SurveyService, survey_id: int
) -> None:
    before = _dump(services)
    with pytest.raises(ValidationErrors) as raised:
        surveys.add_action(survey_id, ActionInput("", " ", "x" * 101, ""))
    assert raised.value.by_field() == {
        "item": "Unsur wajib dipilih (U1 sampai U9).",
        "program": "Program/kegiatan wajib diisi.",
        "schedule": "Waktu paling banyak 100 karakter (sekarang 101).",
        "responsible": "Penanggung jawab wajib diisi.",
    }
    assert _dump(services) == before
