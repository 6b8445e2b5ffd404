"""The domain checks of a package's competence and development records.

Each function reads one aggregate's content (as ``domain.handover_records`` writes it) and
returns its problems as (field, message), calling the checks the services apply when a user
types the record: :func:`domain.competence.check_level` for a competence level and
:func:`domain.development.validate_item` for a development plan item.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from kinerja_desktop.domain.competence import check_level
from kinerja_desktop.domain.development import ItemStatus, LearningPath, validate_item
from kinerja_desktop.domain.handover_fields import FieldReader, Problem, nip_reference
from kinerja_desktop.domain.handover_office_checks import FIRST_YEAR, LAST_YEAR

#: The level's lowest and highest as JSON may carry them; check_level says what is allowed.
_ANY_INT = (-(2**31), 2**31)


def _level(record: FieldReader, name: str) -> None:
    level = record.integer(name, *_ANY_INT)
    if level is not None:
        record.check(check_level, level, field=name)


def job_standard_problems(content: Mapping[str, Any], _today: date | None) -> list[Problem]:
    """The level a jabatan requires of a competence."""
    record = FieldReader(content)
    if not record.text("jabatan").strip():
        record.add("jabatan", "Nama jabatan wajib diisi.")
    _level(record, "required_level")
    return record.problems


def competence_rating_problems(content: Mapping[str, Any], today: date | None) -> list[Problem]:
    """A person's rated level of a competence on a day."""
    record = FieldReader(content)
    nip_reference(record, "nip")
    _level(record, "level")
    record.not_after("rated_on", record.day("rated_on"), today)
    return record.problems


def development_item_problems(content: Mapping[str, Any], _today: date | None) -> list[Problem]:
    """An item of a person's development plan."""
    record = FieldReader(content)
    nip_reference(record, "nip")
    record.integer("year", FIRST_YEAR, LAST_YEAR)
    record.choice("status", ItemStatus)
    path = record.choice("path", LearningPath)
    record.check(
        validate_item,
        record.text("addresses"),
        record.text("title"),
        path,
        start=record.day("start_date", optional=True),
        end=record.day("end_date", optional=True),
        jp=record.text("jp"),
        renamed={"end": "end_date"},
    )
    return record.problems
