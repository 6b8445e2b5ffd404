"""The domain checks of a package's office records: years, Plt/Plh, predikat, outside officials.

Each function reads one aggregate's content (as ``domain.handover_records`` writes it) and
returns its problems as (field, message): choices the app knows, dates in order, people by a
valid NIP. ``today`` is the day the package was exported (a Plt/Plh may be planned ahead,
so only the predikat's recording day is held to it).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from kinerja_desktop.domain.errors import ValidationErrors
from kinerja_desktop.domain.handover_fields import (
    FieldReader,
    Problem,
    nip_reference,
    period_of,
    unit_path,
)
from kinerja_desktop.domain.officials import (
    OfficialFields,
    OfficialKind,
    validate_official_fields,
)
from kinerja_desktop.domain.periods import EvaluationScheme
from kinerja_desktop.domain.predikat import OrgPredikat
from kinerja_desktop.domain.staff import ActingKind

#: Years an office record can be for (as an SKP's).
FIRST_YEAR, LAST_YEAR = 2000, 2100


def appraisal_year_problems(content: Mapping[str, Any], _today: date | None) -> list[Problem]:
    """An instansi's appraisal year and its periodic scheme."""
    record = FieldReader(content)
    unit_path(record, "instansi", required=True)
    record.integer("year", FIRST_YEAR, LAST_YEAR)
    record.choice("scheme", EvaluationScheme)
    return record.problems


def acting_problems(content: Mapping[str, Any], _today: date | None) -> list[Problem]:
    """A Plt/Plh: who acts for whom, from when to when."""
    record = FieldReader(content)
    record.choice("kind", ActingKind)
    start, end = record.day("start_date"), record.day("end_date")
    if start is not None and end is not None and end < start:
        record.add("end_date", "Tanggal selesai tidak boleh sebelum tanggal mulai.")
    for name in ("acting", "for"):
        if record.raw(name) is None:
            record.add(name, "pegawai tidak dicatat.")
        nip_reference(record, name)
    if record.raw("acting") is not None and record.raw("acting") == record.raw("for"):
        record.add("acting", "Pelaksana tugas tidak boleh orang yang sama dengan yang digantikan.")
    return record.problems


def org_predikat_problems(content: Mapping[str, Any], today: date | None) -> list[Problem]:
    """A unit's Predikat Kinerja Organisasi for a period."""
    record = FieldReader(content)
    unit_path(record, "unit", required=True)
    year = record.integer("year", FIRST_YEAR, LAST_YEAR)
    period_of(record, "period_code", year)
    record.choice("predikat", OrgPredikat)
    record.not_after("recorded_on", record.day("recorded_on"), today)
    return record.problems


#: What an official outside the register holds, as the dialog types it.
_OFFICIAL_FIELDS = (
    "nip",
    "name",
    "golongan",
    "jabatan",
    "instansi",
    "gelar_depan",
    "gelar_belakang",
)


def official_problems(content: Mapping[str, Any], _today: date | None) -> list[Problem]:
    """An official outside the register, through the dialog's own check.

    ``kind`` is in the content only for a pejabat negara (packages made before it carry ASN
    officials without it); their ``status`` is null as the NIP and golongan are.
    """
    record = FieldReader(content)
    fields = OfficialFields(
        **{name: record.text(name) for name in _OFFICIAL_FIELDS},
        kind=record.text("kind") or OfficialKind.ASN.value,
    )
    try:
        valid = validate_official_fields(fields)
    except ValidationErrors as errors:
        for error in errors.errors:
            record.add(error.field or "", error.message)
        return record.problems
    expected = valid.status.value if valid.status is not None else ""
    if record.text("status") != expected:
        shown = valid.status if valid.status is not None else "kosong untuk pejabat negara"
        record.add("status", f"'{record.text('status')[:10]}' tidak sesuai NIP ({shown}).")
    return record.problems
